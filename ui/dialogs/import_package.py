"""Importing an exchange file: read it, preview what changes, resolve conflicts, apply.

The preview lists what will be added, changed and deleted, and shows each
conflict side by side (this computer | the file) for the user to pick a side,
or to keep both for notes. Nothing is written until "Importuj"; then the core
takes a backup and applies everything in one transaction.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.exchange import crypto, describe
from app.exchange import format as fmt
from app.exchange.merge import Choice, ImportPlan, ImportResult, Outcome, apply_import
from app.exchange.plan import plan_import
from app.exchange.reader import Package, ReadCancelled, read_package
from app.exchange.report import nothing_to_change
from app.i18n import _
from ui.context import EditorContext
from ui.dialogs.import_conflicts import ConflictPanel
from ui.errors import show_user_error
from ui.operations import Progress, run_in_background

FILE_FILTER = "Plan Oświaty (*{ext});;{all} (*)"


def open_import_dialog(
    parent: QWidget | None,
    context: EditorContext,
    path: str | Path | None = None,
    municipality_id: str | None = None,
) -> str | None:
    """Ask for a file (unless given), read it, preview and apply.

    Returns the id of the municipality the import changed (to show it), or None
    when nothing changed. With ``municipality_id`` the file must be about it.
    """
    if path is None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent,
            _("Importuj plik wymiany"),
            QDir.homePath(),
            FILE_FILTER.format(ext=fmt.EXTENSION, all=_("Wszystkie pliki")),
        )
        if not chosen:
            return None
        path = chosen
    package = _read(parent, Path(path))
    if package is None:
        return None
    _flush(context)
    try:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan = plan_import(context.store, package, municipality_id)
        finally:
            QApplication.restoreOverrideCursor()
    except UserError as error:
        show_user_error(parent, error, _("Nie można zaimportować pliku"))
        return None
    dialog = ImportPreviewDialog(context, plan, parent, municipality_id)
    if not dialog.exec() or dialog.result_ is None or dialog.result_.nothing_changed:
        return None
    return plan.municipality_id


def _read(parent: QWidget | None, path: Path) -> Package | None:
    """Read the file off the GUI thread, asking for the passphrase when it has one."""
    passphrase: str | None = None
    while True:

        def read(progress: Progress, secret: str | None = passphrase) -> Package:
            return read_package(path, secret, progress.cancelled)

        try:
            return run_in_background(
                parent, _("Odczytywanie pliku {name}…").format(name=path.name), read
            )
        except ReadCancelled:
            return None
        except (crypto.PassphraseNeeded, crypto.WrongPassphrase) as error:
            prompt = _("Plik {name} jest zabezpieczony hasłem.\nHasło:").format(name=path.name)
            if isinstance(error, crypto.WrongPassphrase):
                prompt = _("Hasło jest nieprawidłowe. Spróbuj ponownie.\nHasło:")
            text, ok = QInputDialog.getText(
                parent, _("Hasło pliku wymiany"), prompt, QLineEdit.EchoMode.Password
            )
            if not ok:
                return None
            passphrase = text
        except UserError as error:
            show_user_error(parent, error, _("Nie można zaimportować pliku"))
            return None


def _flush(context: EditorContext) -> None:
    """Save what is being typed before the import changes the data under the forms."""
    flush = getattr(context.window, "flush", None)
    if callable(flush):
        flush()


class ImportPreviewDialog(QDialog):
    """What the import will do, conflicts side by side, then apply."""

    def __init__(
        self,
        context: EditorContext,
        plan: ImportPlan,
        parent: QWidget | None = None,
        municipality_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.plan = plan
        self.municipality_id = municipality_id
        self.choices: dict[str, Choice] = {}
        self.result_: ImportResult | None = None
        self.setWindowTitle(_("Import pliku wymiany — {name}").format(name=plan.municipality_name))
        self.setMinimumSize(760, 480)  # within 1093×558 (a 1366×768 laptop at 125 %)
        self.resize(860, 520)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.lists: dict[Outcome, QTreeWidget] = {}
        for outcome, title in (
            (Outcome.ADDED, _("Do dodania")),
            (Outcome.CHANGED, _("Do zmiany")),
            (Outcome.DELETED, _("Do usunięcia")),
        ):
            self.tabs.addTab(self._outcome_tab(outcome), f"{title} ({len(plan.of(outcome))})")
        self.conflicts = ConflictPanel(plan, self.choices, self._choices_changed)
        self.tabs.addTab(self.conflicts, _("Konflikty ({count})").format(count=len(plan.conflicts)))
        if plan.conflicts:
            self.tabs.setCurrentWidget(self.conflicts)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            _("&Importuj") if plan.items else _("&Zakończ"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(_("Anuluj"))
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._header())
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._choices_changed()

    # -- building -----------------------------------------------------------------

    def _header(self) -> QWidget:
        manifest = self.plan.package.manifest
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(
            _("JST: {name}").format(name=self.plan.municipality_name)
            + (_(" — nowa, zostanie dodana w całości") if self.plan.new_municipality else "")
        )
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        source = QLabel(
            _("Plik {file} z komputera „{source}”, utworzony {created}{encrypted}.").format(
                file=self.plan.package.file_name,
                source=manifest.installation.name,
                created=describe.moment(manifest.created_at),
                encrypted=_(", zaszyfrowany hasłem") if self.plan.package.encrypted else "",
            )
        )
        source.setWordWrap(True)
        source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(source)
        summary = QLabel(self._counts())
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        for warning in self.plan.warnings:
            note = QLabel("⚠ " + warning)
            note.setWordWrap(True)
            note.setStyleSheet(
                "background: #fff4d6; border: 1px solid #e0b84c; border-radius: 3px; padding: 6px;"
            )
            layout.addWidget(note)
        return box

    def _counts(self) -> str:
        plan = self.plan
        if not plan.items:
            return nothing_to_change(plan.newer_here)
        return _(
            "Do dodania: {added} · do zmiany: {changed} · do usunięcia: {deleted} · "
            "konflikty: {conflicts}"
        ).format(
            added=len(plan.added),
            changed=len(plan.changed),
            deleted=len(plan.deleted),
            conflicts=len(plan.conflicts),
        )

    def _outcome_tab(self, outcome: Outcome) -> QWidget:
        items = self.plan.of(outcome)
        if not items:
            empty = QLabel(_EMPTY[outcome]())
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.setWordWrap(True)
            return empty
        tree = QTreeWidget()
        headers = [_("Rodzaj"), _("Nazwa")]
        if outcome is Outcome.CHANGED:
            headers.append(_("Co się zmieni"))
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        for item in items:
            columns = [item.type_label, item.title]
            tip = item.title
            if outcome is Outcome.CHANGED:
                changes = [
                    _("{field}: „{old}” → „{new}”").format(
                        field=field.label, old=_short(field.mine), new=_short(field.theirs)
                    )
                    for field in self.plan.differences(item)
                ]
                columns.append("; ".join(changes))  # old → new in the table, not only on hover
                tip = "\n".join(changes)
            row = QTreeWidgetItem(columns)
            for column in range(len(columns)):
                row.setToolTip(column, tip)
            row.setData(0, Qt.ItemDataRole.UserRole, item.record_id)
            tree.addTopLevelItem(row)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(True)
        if outcome is Outcome.CHANGED:
            tree.setColumnWidth(1, 380)
        tree.setSortingEnabled(True)
        tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.lists[outcome] = tree
        return tree

    # -- choices and applying ----------------------------------------------------------

    def _choices_changed(self) -> None:
        left = [item for item in self.plan.conflicts if item.record_id not in self.choices]
        self.import_button.setEnabled(not left)
        if left:
            self.import_button.setToolTip(_("Najpierw rozstrzygnij wszystkie konflikty."))
            self.status.setText(
                _("Nierozstrzygnięte konflikty: {count}. Wybierz wersję każdego z nich.").format(
                    count=len(left)
                )
            )
        else:
            self.import_button.setToolTip("")
            self.status.setText(
                _("Przed importem zostanie wykonana kopia zapasowa danych.")
                if self.plan.items
                else ""
            )

    def apply(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = apply_import(
                self.context.store,
                self.plan.package,
                self.choices,
                expected_municipality_id=self.municipality_id,
            )
        except UserError as error:
            QApplication.restoreOverrideCursor()
            show_user_error(self, error, _("Nie można zaimportować pliku"))
            return
        QApplication.restoreOverrideCursor()
        self.result_ = result
        if not result.nothing_changed:
            # Undo steps remember values from before the import; replaying them would
            # silently undo the merge. The backup is the way back.
            self.context.undo_stack.clear()
            QMessageBox.information(self, _("Import zakończony"), _summary(result))
        self.accept()


def _summary(result: ImportResult) -> str:
    text = _(
        "Dodano: {added}, zmieniono: {changed}, usunięto: {deleted}, rozstrzygnięte "
        "konflikty: {conflicts}."
    ).format(
        added=result.added,
        changed=result.changed,
        deleted=result.deleted,
        conflicts=result.conflicts,
    )
    if result.kept_alive:
        text += "\n\n" + _("Zachowano, bo należą do nich zachowane elementy: {names}.").format(
            names="; ".join(result.kept_alive[:5])
        )
    if result.backup is not None:
        text += "\n\n" + _("Kopia zapasowa sprzed importu: {name}").format(name=result.backup.name)
    return text


def _short(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_EMPTY = {
    Outcome.ADDED: lambda: _("Plik nie zawiera nowych rekordów."),
    Outcome.CHANGED: lambda: _("Żaden rekord nie zostanie zmieniony."),
    Outcome.DELETED: lambda: _("Żaden rekord nie zostanie usunięty."),
}
