"""Pages shown for a fresh municipality in the real window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.model import Municipality
from app.services import records
from app.storage.store import Store
from ui.main_window import MainWindow

PageFor = Callable[[type], tuple[Any, str]]


@pytest.fixture
def page_for(window: MainWindow, store: Store) -> PageFor:
    """``page_for(PageClass)`` → (the page, the new municipality's id), the page refreshed."""

    def show(cls: type) -> tuple[Any, str]:
        municipality = records.create(store, Municipality, name="Gmina Testowa", kind="rural")
        window.municipality_model.reload()
        window.choose_municipality(municipality.id)
        page = next(p for p in window.pages if isinstance(p, cls))
        # on screen, as the user edits it: a hidden page defers its updates until shown
        window.navigation.setCurrentRow(window.pages.index(page))
        page.refresh()
        return page, municipality.id

    return show
