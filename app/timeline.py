"""Timeline maths shared by the Gantt on screen and the Gantt in the PDFs (no Qt, no ReportLab).

Positions are counted in months (see :func:`app.months.month_index`): a whole
number is the first instant of a month, a fraction a day inside it. A term
covers its first day to the end of its last day, so a quarter covers three whole
months, a school year September to August and a single day a thin slice of its
month.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta

from app.months import month_index

QUARTER_NAMES = ("I", "II", "III", "IV")
MARGIN_MONTHS = 2  # room on both sides of the rows, to drag a bar past the current ends


def days_in_month(day: date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def month_position(day: date) -> float:
    """Where the start of ``day`` lies, in months."""
    return month_index(day) + (day.day - 1) / days_in_month(day)


def day_middle(day: date) -> float:
    """The middle of ``day``, in months (where the "today" line goes)."""
    return month_index(day) + (day.day - 0.5) / days_in_month(day)


def span(start: date, end: date) -> tuple[float, float]:
    """From the start of ``start`` to the end of ``end``, in months."""
    return month_position(start), month_position(end + timedelta(days=1))


def fit_range(months: Iterable[int], today: date, quarters: bool) -> tuple[int, int]:
    """The first and last month a timeline shows for ``months`` (today's if none)."""
    known = list(months) or [month_index(today)]
    first, last = min(known) - MARGIN_MONTHS, max(known) + MARGIN_MONTHS
    if quarters:  # whole quarters
        first -= first % 3
        last += 2 - last % 3
    return first, last


def first_visible(
    first: int, last: int, period: tuple[int, int] | None, today: date, visible: int
) -> int:
    """The month to show at the left: all of it if it fits, else today (within the period),
    else the period's start."""
    start = period[0] if period is not None else first + MARGIN_MONTHS
    end = period[1] if period is not None else last - MARGIN_MONTHS
    now = month_index(today)
    if end - start + 3 <= visible:
        return first
    if not start <= now <= end:
        return start - 1
    return now - max(visible // 3, 1)


def quarter_ticks(first: int, last: int) -> list[tuple[int, str]]:
    """The first month of each quarter between ``first`` and ``last`` and its Roman number."""
    return [(i, QUARTER_NAMES[(i % 12) // 3]) for i in range(first, last + 1) if i % 3 == 0]


__all__ = [
    "QUARTER_NAMES",
    "day_middle",
    "days_in_month",
    "first_visible",
    "fit_range",
    "month_position",
    "quarter_ticks",
    "span",
]
