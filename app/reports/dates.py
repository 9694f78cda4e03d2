"""Dates in reports, in the program's language: ``21 listopada 2026``, ``listopad 2026``.

Babel gives the correct Polish cases (the genitive ``listopada`` after a day,
the nominative ``listopad`` on its own); English follows the same one setting.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from app.i18n import current_language

# Compact forms for table cells, where a long date would wrap.
_SHORT = {"pl": "dd.MM.y", "en_GB": "d MMM y"}


def locale() -> str:
    """Babel's locale: Polish, or British English (day before month, as in the window)."""
    return "en_GB" if current_language() == "en" else "pl"


def long_date(value: date | None) -> str:
    """``21 listopada 2026`` (English: ``21 November 2026``); empty for no date."""
    if value is None:
        return ""
    return str(format_date(value, "long", locale=locale()))


def short_date(value: date | None) -> str:
    """``21.11.2026`` for table cells; empty for no date."""
    if value is None:
        return ""
    return str(format_date(value, _SHORT[locale()], locale=locale()))


def month(value: date | None) -> str:
    """``listopad 2026`` (the standalone month name)."""
    if value is None:
        return ""
    return str(format_date(value, "LLLL y", locale=locale()))


def month_abbr(value: date) -> str:
    """``lis`` — a month on a chart axis, where space is short."""
    return str(format_date(value, "LLL", locale=locale()))


def date_range(start: date | None, end: date | None, *, months: bool = False) -> str:
    """``1 września 2024 – 30 czerwca 2027``; one side may be missing."""
    show = month if months else long_date
    if start is None and end is None:
        return ""
    if start is None:
        return "– " + show(end)
    if end is None:
        return show(start) + " –"
    return f"{show(start)} – {show(end)}"


def short_range(start: date | None, end: date | None) -> str:
    """``01.09.2024 – 30.06.2027`` for table cells."""
    if start is None and end is None:
        return ""
    return f"{short_date(start)} – {short_date(end)}".strip()
