"""UI fixtures: a settings file in the test's data folder, and a window over a store."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QLocale, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTabWidget, QWidget

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


def open_first_municipality(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The window shows its first municipality and is the active window (keys reach it)."""
    window.municipality_model.reload()
    first = window.municipality_model.row_at(0)
    assert first is not None
    window.choose_municipality(first.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def shown_views(window: MainWindow) -> Iterator[tuple[str, QAbstractItemView]]:
    """Every item view on screen, page by page and tab by tab: ``("page/tab", view)``.

    Each tab of a page's first tab bar is shown in turn.
    """
    for row, page in enumerate(window.pages):
        window.navigation.setCurrentRow(row)
        for tabs in page.findChildren(QTabWidget)[:1] or [None]:
            for index in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(index)
                QApplication.processEvents()
                for view in page.findChildren(QAbstractItemView):
                    if view.isVisible():
                        yield f"{page.key}/{index}", view


def victim_page(data_dir: str, municipality_id: str, page_type: type[QWidget]) -> Any:
    """For a script that dies mid-work: a window on ``data_dir`` showing a page of ``page_type``."""
    window = MainWindow(QSettings(os.path.join(data_dir, "ui.ini"), QSettings.Format.IniFormat))
    window.set_store(Store.open(data_dir))
    window.show()
    window.choose_municipality(municipality_id)
    page = next(p for p in window.pages if isinstance(p, page_type))
    window.navigation.setCurrentRow(window.pages.index(page))
    return page


def die_a_second_later(app: QApplication) -> None:
    """Say the typing is done, then die by SIGKILL a second later (a battery running out)."""
    print("typed", flush=True)
    QTimer.singleShot(1000, lambda: os.kill(os.getpid(), signal.SIGKILL))
    app.exec()
