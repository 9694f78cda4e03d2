"""Showing values to people: dates, money, numbers and enum labels in the UI language."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QLocale

from app import units
from app.services import date_text

OVERDUE_MARK = "⚠"  # before a date or count that is past its term
OVERDUE_COLOUR = "#a61b1b"


def escape(text: str) -> str:
    """``text`` safe inside rich text (a label's HTML).

    What :func:`html.escape` does; written here because importing :mod:`html` loads
    its table of 2,000 named entities, some 20 ms of the start-up's first page.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def show_date(value: date | None) -> str:
    """A day in the one form the editors show too (``01.09.2026``, ``01/09/2026``)."""
    return date_text.show(value)


def show_month(value: date | None) -> str:
    if value is None:
        return ""
    month = QLocale().standaloneMonthName(value.month, QLocale.FormatType.LongFormat)
    return f"{month} {value.year}"


def show_money(cents: int | None) -> str:
    """Always with grosze, so a column of amounts lines up (see :func:`app.units.money`)."""
    if cents is None:
        return ""
    return units.money(cents, grosze=True)


def show_number(value: float | None) -> str:
    """A measured or typed number, as the documents write it, to 6 places at most."""
    if value is None:
        return ""
    return units.number(value, places=6)


def show(value: Any) -> str:
    """A sensible text for any stored value."""
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, datetime):
        local = value.astimezone()
        return f"{show_date(local.date())} {local:%H:%M}"
    if isinstance(value, date):
        return show_date(value)
    if isinstance(value, int | float):
        return show_number(value)
    return str(value)


def show_month_short(value: date) -> str:
    """A compact month for chart axes: ``cze 2025`` (the locale's standalone abbreviation)."""
    month = QLocale().standaloneMonthName(value.month, QLocale.FormatType.ShortFormat)
    return f"{month} {value.year}"


def show_percent(share: float | None) -> str:
    """A share (0.46) as a whole percentage in the UI language: ``46%``."""
    if share is None:
        return ""
    return QLocale().toString(round(share * 100)) + "%"
