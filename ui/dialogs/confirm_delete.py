"""Asking before a deletion, and erasing the deleted records from the backups on request.

A deleted record's content is erased from the data file at once, but the
backups made before keep it until they roll over: the question says so and
offers "Usuń trwale także z kopii zapasowych", which rewrites the backups
off the GUI thread (:mod:`app.storage.backup_erase`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from app.i18n import N_, _
from app.services.erasure import erase_from_store_backups
from app.storage.store import Store
from ui.commands import DeleteRecord
from ui.operations import run_in_background

BACKUPS_NOTE = N_(
    "Treść usuniętego elementu znika z pliku danych od razu. Kopie zapasowe zrobione "
    "wcześniej zachowują ją, dopóki nie zostaną zastąpione nowszymi."
)


def ask_delete(parent: QWidget, title: str, question: str) -> bool | None:
    """None when the user said no; else whether to erase from the backups too."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setInformativeText(_(BACKUPS_NOTE))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    also = QCheckBox(_("Usuń trwale także z kopii zapasowych"))
    also.setObjectName("eraseFromBackups")
    also.setToolTip(
        _(
            "Przepisuje kopie zapasowe tak, by ten element był w nich usunięty i bez treści "
            "(pozostałe dane kopii zostają). Tej części nie można cofnąć."
        )
    )
    box.setCheckBox(also)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return None
    return also.isChecked()


def erase_from_backups_after(parent: QWidget, store: Store, command: DeleteRecord) -> None:
    """Rewrite the backups without what ``command`` deleted (in a worker thread)."""
    deletion = command.deletion
    if deletion is None:
        return
    folder = store.paths.backups
    result = run_in_background(
        parent,
        _("Usuwanie z kopii zapasowych…"),
        lambda progress: erase_from_store_backups(store, deletion, progress.cancelled),
    )
    if result.skipped:
        QMessageBox.warning(
            parent,
            _("Kopie zapasowe"),
            _(
                "Przepisano kopie zapasowe: {done}. Nie udało się przepisać: {skipped} "
                "(uszkodzone albo z innej wersji programu) — usuń je ręcznie z folderu {folder}."
            ).format(done=result.rewritten, skipped=result.skipped, folder=folder),
        )
