"""The first look: the next start shows the overview as it was left, before the data layer loads,
then the same page again from the store (issue 12: data on screen within 3× a bare window)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractItemView, QLabel, QToolBar

from app import i18n
from app import paths as app_paths
from app.storage import first_look_file
from app.storage.store import Store
from tests.ui.cells import cell, row_count
from ui import first_look
from ui.main_window import MainWindow
from ui.pages.overview import PORTFOLIO_TAB, OverviewPage

ROOT = Path(__file__).resolve().parents[2]


def overview_of(window: MainWindow) -> OverviewPage:
    page = window.page_at(0)
    assert isinstance(page, OverviewPage)
    return page


def what_it_shows(window: MainWindow) -> list[str]:
    """Every label and every table cell of the overview, and the window's title and switcher."""
    page = overview_of(window)
    texts = [window.windowTitle(), window.switcher.currentText()]
    texts += [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]
    for view in page.findChildren(QAbstractItemView):
        if view.isVisibleTo(page):
            columns = view.model().columnCount()
            texts += [cell(view, r, c) for r in range(row_count(view)) for c in range(columns)]
    return texts


def pictures(window: MainWindow) -> tuple[object, ...]:
    """The page and the status bar as painted, and the toolbar's actions."""
    (bar,) = window.findChildren(QToolBar)
    return (
        window.centralWidget().grab().toImage(),
        window.statusBar().grab().toImage(),
        [action.toolTip() for action in bar.actions()],
    )


def window_over(qtbot: Any, settings: QSettings, store: Store | None = None) -> MainWindow:
    """A window on screen, over ``store`` if given (else as at start, before the data)."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    if store is not None:
        window.set_store(store)
    window.show()
    return window


def left_on_the_overview(qtbot: Any, settings: QSettings, store: Store) -> list[str]:
    """A window over ``store`` on its overview, closed; what it showed last."""
    window = window_over(qtbot, settings, store)
    page = overview_of(window)
    qtbot.waitUntil(lambda: bool(page.yearly.text()))  # worked out just after the page
    try:
        return what_it_shows(window)
    finally:
        window.close()  # keeps the look


def test_the_next_start_shows_the_overview_as_it_was_left_then_the_same_from_the_store(
    qtbot: Any, settings: QSettings, demo_store: Store, data_dir: Path
) -> None:
    """What the user sees is the same, label for label and pixel for pixel, all three times."""
    before = left_on_the_overview(qtbot, settings, demo_store)
    assert "Gmina Zielonki Wielkie" in before

    window = window_over(qtbot, settings)
    look = first_look.at_start(data_dir, settings, None)
    assert look is not None and first_look.show(window, look, app_paths.resolve(data_dir))
    assert window.store is None  # nothing of the data layer yet
    qtbot.wait(0)
    assert what_it_shows(window) == before
    picture = pictures(window)

    store = Store.open(data_dir, backup_on_open=False)
    assert not first_look_file.path_in(data_dir).exists()  # gone while the data are open
    window.set_store(store)
    assert what_it_shows(window) == before  # the yearly line too: not blanked and worked out again
    assert pictures(window) == picture  # to the pixel, and the same toolbar
    window.close()
    store.close()


def test_no_look_is_kept_when_the_window_closes_elsewhere(
    qtbot: Any, settings: QSettings, demo_store: Store, data_dir: Path
) -> None:
    window = window_over(qtbot, settings, demo_store)
    window.navigate("plan")
    window.close()
    assert not first_look_file.path_in(data_dir).exists()

    store = Store.open(data_dir, backup_on_open=False)
    window = window_over(qtbot, settings, store)  # on the plan: to the overview's portfolio
    window.navigate("overview")
    overview_of(window).tabs.setCurrentIndex(PORTFOLIO_TAB)
    window.close()
    assert not first_look_file.path_in(data_dir).exists()


def test_a_look_is_not_shown_in_another_language_or_over_another_page(
    qtbot: Any, settings: QSettings, demo_store: Store, data_dir: Path
) -> None:
    left_on_the_overview(qtbot, settings, demo_store)
    i18n.set_language("en")
    try:
        assert first_look.at_start(data_dir, settings, None) is None
    finally:
        i18n.set_language("pl")
    look = first_look.at_start(data_dir, settings, None)
    assert look is not None
    settings.setValue("page", "plan")
    window = window_over(qtbot, settings)
    assert not first_look.show(window, look, app_paths.resolve(data_dir))
    assert window.municipality_model.rowCount() == 0


def test_a_look_of_another_municipality_than_asked_for_is_not_shown(
    qtbot: Any, settings: QSettings, demo_store: Store, data_dir: Path
) -> None:
    left_on_the_overview(qtbot, settings, demo_store)
    assert first_look.at_start(data_dir, settings, "another-id") is None


# What the start-up loads before the look is on screen: neither SQLAlchemy nor the model.
BEFORE_THE_DATA_LAYER = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from app import paths as app_paths
from ui import first_look
from ui.main_window import MainWindow

app = QApplication([])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = MainWindow(settings, staged=True)
window.show()
window.finish_building()
look = first_look.at_start(sys.argv[1], settings, None)
assert look is not None
assert first_look.show(window, look, app_paths.resolve(sys.argv[1]))
app.processEvents()
assert window.page_at(0).heading.text() == "Gmina Zielonki Wielkie"
loaded = sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy" or m.startswith(
    ("app.model", "app.storage.store", "app.services.overview_queries")))
print("loaded:", loaded)
"""


def test_the_look_is_on_screen_before_sqlalchemy_or_the_model_is_loaded(
    qtbot: Any, settings: QSettings, demo_store: Store, data_dir: Path
) -> None:
    left_on_the_overview(qtbot, settings, demo_store)
    settings.sync()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-c", BEFORE_THE_DATA_LAYER, str(data_dir), settings.fileName()]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "loaded: []" in done.stdout


def start_marks(data_dir: Path) -> list[str]:
    """The marks ``--exit-after-start`` prints on the way to the open window, in order."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "app", "--data-dir", str(data_dir), "--exit-after-start"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return [line.split("\t")[0] for line in done.stdout.splitlines()]


@pytest.mark.usefixtures("demo_store")
def test_the_program_is_ready_before_its_data_layer_loads_from_the_second_start(
    store: Store, data_dir: Path
) -> None:
    store.close()
    first = start_marks(data_dir)
    assert first.index("ready") > first.index("store opened")  # nothing kept yet
    assert first_look_file.path_in(data_dir).exists()
    second = start_marks(data_dir)
    assert second.index("ready") < second.index("data layer imported") < second.index("live")
