"""The program's start in stages: the frame paints first, menus and pages follow."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QStackedWidget

from app.storage.store import Store
from ui.main_window import MainWindow


def test_a_staged_window_paints_its_frame_then_gets_its_menus(
    qtbot: Any, settings: QSettings, store: Store
) -> None:
    window = MainWindow(settings, staged=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert isinstance(window.loading, QLabel) and window.loading.text() == "Otwieranie danych…"
    assert window.centralWidget().currentWidget() is window.loading  # type: ignore[attr-defined]
    assert window.menuBar().actions() == []  # not built yet
    assert not window.built_fully

    window.finish_building()
    window.finish_building()  # once only
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Plik", "&Edycja", "&Widok", "Pomo&c"]
    assert isinstance(window.central, QStackedWidget)
    assert window.central.currentWidget() is window.loading
    window.set_store(store)
    assert window.central.currentWidget() is window.welcome  # an empty store: the welcome


def test_a_staged_window_closed_before_it_is_finished_saves_its_place(
    qtbot: Any, settings: QSettings
) -> None:
    window = MainWindow(settings, staged=True)
    qtbot.addWidget(window)
    window.show()
    window.resize(900, 600)
    window.close()
    assert settings.value("window/geometry") is not None
    assert settings.value("window/splitter") is None  # there was no splitter yet
