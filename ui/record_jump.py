"""Showing one record on its page: the right tab, the record selected.

A page that knows better implements ``show_record(record_type, record_id)``;
for the others every list that can select a record (``select(id)``) is asked
in turn, and the tab holding the one that found it is brought to the front.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget

PAGE_OF = {
    "strategic_plan": "plan",
    "goal": "plan",
    "objective": "plan",
    "action": "plan",
    "indicator": "plan",
    "development_schedule": "hdr",
    "schedule_priority": "hdr",
    "schedule_item": "hdr",
    "advisory_visit": "visits",
    "recommendation": "visits",
    "monitoring_note": "monitoring",
    "risk": "monitoring",
    "school": "team",
    "school_support": "team",
    "team_member": "team",
    "municipality": "team",
}


def reveal(page: QWidget, record_type: str, record_id: str) -> bool:
    """Select ``record_id`` somewhere on ``page`` and show the tab it is on."""
    show_record = getattr(page, "show_record", None)
    if callable(show_record) and show_record(record_type, record_id):
        return True
    for widget in [page, *page.findChildren(QWidget)]:
        select = getattr(widget, "select", None)
        if not callable(getattr(widget, "current_id", None)) or not callable(select):
            continue
        if _selects(select, record_id):
            _bring_forward(widget, page)
            return True
    return False


def _selects(select: Any, record_id: str) -> bool:
    try:
        return bool(select(record_id))
    except (KeyError, ValueError, LookupError):
        return False


def _bring_forward(widget: QWidget, page: QWidget) -> None:
    """Make every tab and stacked page between ``page`` and ``widget`` the current one."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None and child is not page:
        if isinstance(parent, QStackedWidget):
            holder = parent.parentWidget()
            parent.setCurrentWidget(child)
            if isinstance(holder, QTabWidget):
                holder.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()
