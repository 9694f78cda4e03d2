"""How errors reach the user: the core's message in a dialog; a bug as a short apology."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import UserError
from app.i18n import _

log = logging.getLogger(__name__)


def show_user_error(parent: QWidget | None, error: UserError, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or _("Nie można wykonać"), error.message)


def show_bug(parent: QWidget | None, log_file: Path | None) -> None:
    where = str(log_file) if log_file else _("(dziennik niedostępny)")
    QMessageBox.critical(
        parent,
        _("Przepraszamy"),
        _(
            "W programie wystąpił nieoczekiwany błąd. Twoje zapisane dane są bezpieczne.\n\n"
            "Szczegóły zapisano w pliku dziennika:\n{path}"
        ).format(path=where),
    )


def install_excepthook(log_file: Path | None) -> None:
    """Unexpected exceptions in Qt slots: log the traceback, apologise, keep running."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, UserError):
            show_user_error(None, value)
            return
        log.error("unexpected error", exc_info=(kind, value, tb))
        try:
            show_bug(None, log_file)
        except Exception:  # the dialog itself must never take the program down
            sys.__excepthook__(kind, value, tb)

    sys.excepthook = hook
