"""How errors reach the user: the core's message in a dialog; a bug as a short apology.

A bug also leaves a crash report (no personal data, see app/crash_report.py)
in the log folder, and the apology offers to open that folder so the file can
be sent to support: the users work offline, so nothing is sent by itself.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from app import crash_report
from app.errors import UserError
from app.i18n import _

log = logging.getLogger(__name__)


def show_user_error(parent: QWidget | None, error: UserError, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or _("Nie można wykonać"), error.message)


def show_bug(parent: QWidget | None, log_file: Path | None, report: Path | None = None) -> None:
    where = str(log_file) if log_file else _("(dziennik niedostępny)")
    text = _(
        "W programie wystąpił nieoczekiwany błąd. Twoje zapisane dane są bezpieczne.\n\n"
        "Szczegóły zapisano w pliku dziennika:\n{path}"
    ).format(path=where)
    if report is None:
        QMessageBox.critical(parent, _("Przepraszamy"), text)
        return
    text += "\n\n" + _(
        "Raport o błędzie (bez Twoich danych) zapisano w folderze:\n{folder}\n\n"
        "Możesz go wysłać do pomocy technicznej. Przycisk „Otwórz” pokaże ten folder."
    ).format(folder=report.parent)
    buttons = QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close
    answer = QMessageBox.critical(
        parent, _("Przepraszamy"), text, buttons, QMessageBox.StandardButton.Close
    )
    if answer == QMessageBox.StandardButton.Open:
        open_folder(report.parent)


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager (Explorer on Windows)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def write_crash_report(
    log_file: Path | None,
    exc_info: tuple[type[BaseException], BaseException, TracebackType | None],
) -> Path | None:
    """A report in ``crash-reports/`` beside the log; None without a log folder."""
    if log_file is None:
        return None
    for handler in logging.getLogger().handlers:
        handler.flush()  # the traceback just logged belongs in the report's log lines
    details = {"Qt": qVersion(), "PySide6": PySide6.__version__}
    return crash_report.write(crash_report.folder_for(log_file), exc_info, log_file, details)


def install_excepthook(log_file: Path | None) -> None:
    """Unexpected exceptions in Qt slots: log the traceback, apologise, keep running."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, UserError):
            show_user_error(None, value)
            return
        log.error("unexpected error", exc_info=(kind, value, tb))
        try:
            report = write_crash_report(log_file, (kind, value, tb))
            show_bug(None, log_file, report)
        except Exception:  # the dialog itself must never take the program down
            sys.__excepthook__(kind, value, tb)

    sys.excepthook = hook
