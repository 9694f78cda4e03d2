"""Errors reach the user as a clear dialog; a bug is logged and the program keeps running."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app import logs
from app.errors import UserError
from ui.errors import install_excepthook


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append((title, text)))
    return shown


def test_unexpected_exception_is_logged_and_apologised_for(qtbot, tmp_path: Path, dialogs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log_file = logs.setup(tmp_path / "logs")
    install_excepthook(log_file)
    try:
        raise ZeroDivisionError("boom in a slot")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())  # what Qt does with an exception in a slot
    for handler in logging.getLogger().handlers:
        handler.flush()
    [(title, text)] = dialogs
    assert title == "Przepraszamy"
    assert str(log_file) in text and "Traceback" not in text
    logged = Path(str(log_file)).read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom in a slot" in logged and "Traceback" in logged


def test_user_error_is_shown_as_its_message(qtbot, dialogs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(None)
    sys.excepthook(UserError, UserError("Pole „Nazwa” nie może być puste."), None)
    assert dialogs == [("Nie można wykonać", "Pole „Nazwa” nie może być puste.")]
