"""UI fixtures: a settings file in the test's data folder, and a window over a store."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.storage.store import Store
from ui.main_window import MainWindow

FORGOTTEN_MODAL_S = 20.0


@pytest.fixture(autouse=True)
def _no_forgotten_modal(qtbot) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """A modal dialog that a test forgot to answer fails that test instead of hanging the run."""
    forgotten: list[str] = []
    first_seen: dict[int, float] = {}

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            first_seen.clear()
            return
        since = first_seen.setdefault(id(widget), time.monotonic())
        if time.monotonic() - since > FORGOTTEN_MODAL_S:
            forgotten.append(f"{type(widget).__name__}: {widget.windowTitle()}")
            widget.close()

    watchdog = QTimer(interval=500)
    watchdog.timeout.connect(check)
    watchdog.start()
    yield
    watchdog.stop()
    assert not forgotten, f"a modal dialog was left open: {forgotten}"


@pytest.fixture
def polish_locale() -> Iterator[None]:
    """Numbers, months and money as the Polish window shows them (as ui.application sets it)."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def settings(data_dir: Path) -> QSettings:
    data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings: QSettings, store: Store) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.set_store(store)
    win.show()
    qtbot.waitExposed(win)
    yield win


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as key presses carrying text.

    ``QTest.keyClicks`` aborts on characters outside Latin-1 (``ż``, ``ł``…).
    """
    target = getattr(widget, "lineEdit", lambda: None)() or widget
    target.setFocus()
    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )


@pytest.fixture(name="type_text")
def type_text_fixture():  # type: ignore[no-untyped-def]
    return type_text
