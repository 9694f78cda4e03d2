"""Errors reach the user as a clear dialog; a bug is logged and the program keeps running."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from app import logs
from app.errors import UserError
from app.version import __version__
from ui.errors import install_excepthook


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    # *_: the crash dialog also passes its buttons (Open, Close) and the default one.
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _p, title, text, *_: shown.append((title, text))
    )
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text, *_: shown.append((title, text))
    )
    return shown


def test_unexpected_exception_is_logged_and_apologised_for(
    qtbot, tmp_path: Path, dialogs, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
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


# -- crash reports ---------------------------------------------------------------------


def crash(message: str) -> None:
    try:
        raise ValueError(message)
    except ValueError:
        sys.excepthook(*sys.exc_info())


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """The crash dialog answers ``answers["button"]``; its text and opened URLs are kept."""
    seen: dict[str, object] = {"button": QMessageBox.StandardButton.Close, "opened": []}

    def critical(_parent, title, text, buttons=None, default=None):  # type: ignore[no-untyped-def]
        seen.update(title=title, text=text, buttons=buttons, default=default)
        return seen["button"]

    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: seen["opened"].append(url) or True)  # type: ignore[union-attr]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    return seen


def reports_in(log_file: Path) -> list[Path]:
    return sorted((log_file.parent / "crash-reports").glob("crash-*.txt"))


def test_a_bug_writes_a_crash_report_with_what_support_needs(
    qtbot, tmp_path: Path, answers
) -> None:  # type: ignore[no-untyped-def]
    log_file = logs.setup(tmp_path / "logs")
    assert log_file is not None
    logging.getLogger("test").info("opened the plan page")
    install_excepthook(log_file)
    crash("boom in a slot")
    [report] = reports_in(log_file)
    text = report.read_text(encoding="utf-8")
    assert f"Plan Oświaty {__version__}" in text
    assert f"Qt: {qVersion()}" in text and "PySide6: " in text and "Python: " in text
    assert "Platform: " in text
    assert "Traceback" in text and "ValueError: boom in a slot" in text and "def crash" not in text
    assert "opened the plan page" in text  # the last log lines
    assert str(report.parent) in str(answers["text"])
    assert answers["buttons"] == QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close
    assert answers["default"] == QMessageBox.StandardButton.Close
    assert answers["opened"] == []


def test_the_report_carries_no_personal_data(qtbot, tmp_path: Path, answers, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "home" / "jkowalska"
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    log_file = logs.setup(home / "AppData" / "logs")
    assert log_file is not None
    logging.getLogger("test").warning("saved 'Szkoła Podstawowa nr 3 w Zielonkach'")
    install_excepthook(log_file)
    crash(
        f"cannot save „Anna Kowalska” (anna.kowalska@zielonki.pl, PESEL 44051401359, "
        f"tel. 601 234 567) to {home / 'Dokumenty' / 'plan.pdf'}"
    )
    [report] = reports_in(log_file)
    text = report.read_text(encoding="utf-8")
    for private in ("Kowalska", "anna.kowalska", "44051401359", "601 234 567", "jkowalska",
                    "Szkoła Podstawowa nr 3", str(home)):  # fmt: skip
        assert private not in text, private
    assert "ValueError: cannot save" in text
    assert "<e-mail>" in text and "<number>" in text and "~" in text


def test_open_shows_the_reports_folder(qtbot, tmp_path: Path, answers) -> None:  # type: ignore[no-untyped-def]
    answers["button"] = QMessageBox.StandardButton.Open
    log_file = logs.setup(tmp_path / "logs")
    assert log_file is not None
    install_excepthook(log_file)
    crash("boom")
    [url] = answers["opened"]  # type: ignore[misc]
    assert Path(url.toLocalFile()) == log_file.parent / "crash-reports"


def test_without_a_log_folder_the_apology_still_shows(qtbot, answers) -> None:  # type: ignore[no-untyped-def]
    install_excepthook(None)
    crash("boom")
    assert answers["title"] == "Przepraszamy" and answers["buttons"] is None


def test_an_unwritable_report_folder_still_shows_the_apology(
    qtbot, tmp_path: Path, answers
) -> None:  # type: ignore[no-untyped-def]
    log_file = logs.setup(tmp_path / "logs")
    assert log_file is not None
    (log_file.parent / "crash-reports").write_text("a file where the folder should be")
    install_excepthook(log_file)
    crash("boom")
    assert answers["title"] == "Przepraszamy" and answers["buttons"] is None
    assert "crash-reports" not in str(answers["text"])
