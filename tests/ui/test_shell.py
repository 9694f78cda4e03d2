"""The toolbar, the global search (Ctrl+F) that jumps to a record, and the navigation icons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QToolBar

from app.model import Risk
from app.services import records
from app.storage.store import Store
from tests.ui.conftest import open_first_municipality
from ui.main_window import MainWindow
from ui.pages.monitoring import MonitoringPage


def test_ctrl_f_searches_everything_and_opens_the_record(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    window.set_store(demo_store)  # the quick-note action comes with the data
    open_first_municipality(qtbot, window)
    window.navigation.setCurrentRow(0)
    [risk] = [r for r in records.children(demo_store, Risk) if "specjalist" in r.title]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.search
    assert search is not None and search.hasFocus()
    qtbot.keyClicks(search, "brak specjalistow")  # no Polish letters: still found
    found = search.run()
    assert any(result.record_id == risk.id for result in found)
    search.setText(risk.title)
    search.run()
    qtbot.keyClick(search, Qt.Key.Key_Return)
    page = window.pages[window.navigation.currentRow()]
    assert isinstance(page, MonitoringPage)
    assert page.tabs.currentWidget() is page.risks
    assert page.risks.current_id() == risk.id


def test_the_toolbar_has_the_everyday_actions_and_pages_have_icons(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    window.set_store(demo_store)
    open_first_municipality(qtbot, window)
    bar = window.findChild(QToolBar, "municipalityBar")
    assert bar is not None
    actions = bar.actions()
    for action in (window.action_export_pdf, window.action_undo, window.action_redo):
        assert action in actions
    assert any("notatka" in a.text().lower() for a in actions)
    assert all(not window.navigation.item(r).icon().isNull() for r in range(len(window.pages)))
    window.navigation.setCurrentRow(2)
    bold = [window.navigation.item(r).font().bold() for r in range(len(window.pages))]
    assert bold == [r == 2 for r in range(len(window.pages))]


def test_the_navigation_never_scrolls_sideways_in_english_at_125_percent(
    qtbot: Any, settings: QSettings, store: Store
) -> None:
    from PySide6.QtCore import QSize

    from app import i18n

    i18n.set_language("en")
    try:
        english = MainWindow(settings)
        qtbot.addWidget(english)
        english.set_store(store)
        english.resize(QSize(1093, 558))
        english.show()
        qtbot.waitExposed(english)
        navigation = english.navigation
        assert navigation.horizontalScrollBar().maximum() == 0
        font = navigation.font()
        font.setBold(True)
        widest = max(
            QFontMetrics(font).horizontalAdvance(navigation.item(row).text())
            for row in range(navigation.count())
        )
        room = widest + navigation.iconSize().width()
        assert navigation.minimumWidth() > room, "the splitter cannot squeeze it narrower"
        assert navigation.viewport().width() >= room
    finally:
        i18n.set_language("pl")
