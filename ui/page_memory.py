"""The program reopens where it was left: the page (main window), each page's tabs and selections.

Every page is walked for its tab widgets and for the lists that can say and
restore their selection (``current_id()`` / ``select(id)``); what they show is
kept in the settings as one JSON text per page. Selections belong to the
municipality they were made in and are restored only for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget, QWidget

if TYPE_CHECKING:
    from ui.pages.base import Page

PREFIX = "memory"


def _tabs(page: QWidget) -> list[QTabWidget]:
    return page.findChildren(QTabWidget)


def _selectables(page: QWidget) -> list[tuple[str, Any]]:
    """The page's lists, each named by its class and its place among that class's lists.

    Not by its place among all lists: tabs built when first shown add their lists in
    the order the user opened them, which differs from one run to the next.
    """
    found = [page] if _can_select(page) else []
    found += [child for child in page.findChildren(QWidget) if _can_select(child)]
    named: list[tuple[str, Any]] = []
    counts: dict[str, int] = {}
    for widget in found:
        kind = type(widget).__name__
        number = counts.get(kind, 0)
        counts[kind] = number + 1
        named.append((f"{kind}#{number}", widget))
    return named


def _can_select(widget: QWidget) -> bool:
    return callable(getattr(widget, "current_id", None)) and callable(
        getattr(widget, "select", None)
    )


def state_of(page: Page, municipality_id: str | None) -> dict[str, Any]:
    """What ``page`` shows now: its tabs' indexes and its lists' selected records."""
    selected = {}
    for name, widget in _selectables(page):
        record_id = widget.current_id()
        if record_id:
            selected[name] = str(record_id)
    return {
        "municipality": municipality_id,
        "tabs": [tabs.currentIndex() for tabs in _tabs(page)],
        "selected": selected,
    }


def apply_state(page: Page, state: dict[str, Any], municipality_id: str | None) -> None:
    """Show ``state`` again: tabs first (they build what the lists show), then selections."""
    for tabs, index in zip(_tabs(page), state.get("tabs", []), strict=False):
        if isinstance(index, int) and 0 <= index < tabs.count():
            tabs.setCurrentIndex(index)
    if state.get("municipality") != municipality_id:
        return
    wanted = state.get("selected", {})
    for name, widget in _selectables(page):
        record_id = wanted.get(name)
        if record_id:
            # a hidden view reads its data only when shown: read it now (page first)
            for view in (page, widget):
                if getattr(view, "stale", False):
                    view.refresh()
            widget.select(record_id)


def save(pages: Iterable[Page], settings: QSettings, municipality_id: str | None) -> None:
    for page in pages:
        state = state_of(page, municipality_id)
        settings.setValue(f"{PREFIX}/{page.key}", json.dumps(state, ensure_ascii=False))


def restore(pages: Iterable[Page], settings: QSettings, municipality_id: str | None) -> None:
    for page in pages:
        text = settings.value(f"{PREFIX}/{page.key}")
        if not text:
            continue
        try:
            state = json.loads(str(text))
        except ValueError:
            continue  # a hand-edited or damaged entry: start from the defaults
        if isinstance(state, dict):
            apply_state(page, state, municipality_id)
