"""The window's side of the first look (:mod:`app.services.first_look`).

At start: :func:`at_start` reads the look kept at the last close, and
:func:`show` puts it in the window before the data layer is loaded. At close:
:func:`to_keep` takes the overview on screen, for the store to keep. Nothing
here may import SQLAlchemy or the model at module level (see ``show``).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

from app import paths as app_paths
from app.version import APP_NAME

if TYPE_CHECKING:
    from app.paths import DataPaths
    from app.services.first_look import FirstLook
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

Kept = tuple[dict[str, str], dict[str, Any]]  # the look's context and content


def at_start(
    data_dir: str | Path | None, settings: QSettings, select: str | None
) -> FirstLook | None:
    """The overview kept when the program last closed, if it shows the data file as it is now."""
    from app.services import first_look
    from app.storage import first_look_file

    wanted = select or str(settings.value("last_municipality", "") or "")
    if not wanted:
        return None
    data_paths = app_paths.resolve(data_dir)
    context = first_look.context(wanted, date.today())
    kept = first_look_file.load(data_paths.root, data_paths.database, context)
    if kept is None:
        return None
    try:
        return first_look.from_json(kept)
    except ValueError as error:
        log.warning("first look not used: %s", error)
        return None


def show(window: MainWindow, look: FirstLook, paths: DataPaths) -> bool:
    """Until the store opens: the overview and the list of JST as the program left them.

    Only when the overview is the page to show (as it was when the look was
    taken); False otherwise, and nothing is shown. ``set_store`` then fills
    everything from the store, as it does without a first look.
    """
    from ui.main_window import PAGES
    from ui.pages.overview import OVERVIEW_TAB, OverviewPage

    row = max(0, window.navigation.currentRow())
    if PAGES[row][0] != "overview":
        return False
    window.ensure_pages()
    page = window.page_at(row)
    if not isinstance(page, OverviewPage) or page.tabs.currentIndex() != OVERVIEW_TAB:
        return False
    window.show_data_folder(paths)
    window.municipality_model.show_rows(look.municipalities)
    window.switcher.select(look.overview.municipality_id)
    window.switcher.setEnabled(True)  # as it will be: clicks wait for the store anyway
    window.central.setCurrentWidget(window.splitter)
    page.show_first_look(look)
    window.setWindowTitle(f"{look.overview.name} — {APP_NAME}")
    return True


def to_keep(window: MainWindow) -> Kept | None:
    """What the next start shows before its store opens: the overview, if it is on screen."""
    from ui.pages.overview import OVERVIEW_TAB, OverviewPage

    store, municipality_id = window.store, window.municipality_id
    if store is None or municipality_id is None:
        return None
    gate = store.integrity
    if gate is not None and gate.done and gate.error() is not None:
        return None  # a damaged file: the next start must not show it first
    page = window.stack.currentWidget() if window.built_fully else None
    if not isinstance(page, OverviewPage) or page.tabs.currentIndex() != OVERVIEW_TAB:
        return None
    from app.services import first_look

    today = page.today
    try:
        look = first_look.capture(store, municipality_id, today)
    except Exception:  # never keep the window from closing; the next start reads the store
        log.exception("first look not taken")
        return None
    return first_look.context(municipality_id, today), first_look.to_json(look)
