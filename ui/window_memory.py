"""What the main window remembers between runs: its size and place, the recent municipalities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from ui.main_window import MainWindow

RECENT_LIMIT = 8
FIRST_RUN_SIZE = QSize(1200, 760)


def restore_geometry(window: MainWindow) -> None:
    geometry = window.settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        first_run_size(window)


def first_run_size(window: MainWindow) -> None:
    """Fit the available screen (never under the taskbar); maximised on a small one."""
    from PySide6.QtCore import Qt  # its enums cost some 20 ms: not before the first paint

    screen = window.screen() or QApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    if room is None or room.isEmpty():
        window.resize(FIRST_RUN_SIZE)
        return
    fits = room.width() >= FIRST_RUN_SIZE.width() and room.height() >= FIRST_RUN_SIZE.height()
    if not fits:
        window.resize(room.size().boundedTo(FIRST_RUN_SIZE))
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    window.resize(FIRST_RUN_SIZE)
    window.move(room.center() - window.rect().center())


def remember_recent(window: MainWindow, municipality_id: str) -> None:
    recent = [r for r in recent_ids(window) if r != municipality_id]
    recent.insert(0, municipality_id)
    window.settings.setValue("recent_municipalities", recent[:RECENT_LIMIT])
    refresh_recent(window)


def recent_ids(window: MainWindow) -> list[str]:
    value = window.settings.value("recent_municipalities", [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def refresh_recent(window: MainWindow) -> None:
    """The File menu's recent municipalities, those that still exist."""
    window.recent_menu.clear()
    model = window.municipality_model
    for municipality_id in recent_ids(window):
        municipality = model.row_at(model.row_of(municipality_id))
        if municipality is None:
            continue
        action = window.recent_menu.addAction(municipality.name)
        action.triggered.connect(
            lambda _checked=False, mid=municipality_id: window.choose_municipality(mid)
        )
    window.recent_menu.setEnabled(not window.recent_menu.isEmpty())
