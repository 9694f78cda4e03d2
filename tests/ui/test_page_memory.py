"""The program reopens on the last page, with its last tab and selection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from app.storage.store import Store
from ui.main_window import MainWindow
from ui.pages.monitoring import MonitoringPage


def _open(qtbot: Any, settings: QSettings, store: Store) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_store(store)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_reopens_on_the_last_page_tab_and_selection(
    qtbot: Any, settings: QSettings, demo_store: Store, data_dir: Path
) -> None:
    window = _open(qtbot, settings, demo_store)
    page_row = next(i for i, p in enumerate(window.pages) if isinstance(p, MonitoringPage))
    window.navigation.setCurrentRow(page_row)
    page = window.pages[page_row]
    assert isinstance(page, MonitoringPage)
    page.tabs.setCurrentWidget(page.risks)
    assert page.risks.proxy.rowCount() >= 2
    page.risks.table.selectRow(1)
    chosen = page.risks.current_id()
    assert chosen
    window.close()

    again = _open(qtbot, settings, Store.open(data_dir))
    assert again.navigation.currentRow() == page_row
    reopened = again.pages[page_row]
    assert isinstance(reopened, MonitoringPage)
    assert reopened.tabs.currentWidget() is reopened.risks
    assert reopened.risks.current_id() == chosen
    again.close()
