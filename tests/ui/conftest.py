"""UI fixtures: a settings file in the test's data folder, and a window over a store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.storage.store import Store
from ui.main_window import MainWindow


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
