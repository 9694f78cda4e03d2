"""One name and icon everywhere: the window icon comes from resources/icons."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from app.version import APP_ID, APP_NAME, __version__
from ui.application import ICON_SIZES, app_icon, identify


def test_the_icon_has_every_drawn_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    available = {size.width() for size in icon.availableSizes()}
    assert available == set(ICON_SIZES)
    assert icon.pixmap(QSize(16, 16)).width() == 16


def test_identify_sets_name_version_and_window_icon(qapp: QApplication) -> None:
    identify(qapp)
    assert qapp.applicationName() == APP_NAME
    assert qapp.applicationVersion() == __version__
    assert qapp.desktopFileName() == APP_ID
    assert not qapp.windowIcon().isNull()
