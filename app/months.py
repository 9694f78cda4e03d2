"""Month arithmetic, written once for the services, the screen and the PDFs.

Months are counted by an index (``year * 12 + month - 1``) so that consecutive
months differ by one; day-preserving steps clamp to the month's last day with
the standard library's :func:`calendar.monthrange` (31 January + 1 month is
28 or 29 February).
"""

from __future__ import annotations

import calendar
from datetime import date


def month_index(day: date) -> int:
    """Months since the year 0: consecutive months differ by one."""
    return day.year * 12 + day.month - 1


def month_at(index: int) -> date:
    """The first day of the month ``index`` (see :func:`month_index`)."""
    year, month = divmod(index, 12)
    return date(year, month + 1, 1)


def shift_month(day: date, months: int) -> date:
    """The first day of the month ``months`` after (or before) ``day``'s month."""
    return month_at(month_index(day) + months)


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months``, keeping the day of the month where the month has it."""
    first = shift_month(day, months)
    last_day = calendar.monthrange(first.year, first.month)[1]
    return first.replace(day=min(day.day, last_day))


def months_between(start: date, end: date) -> int:
    """How many months ``end``'s month lies after ``start``'s (negative if before)."""
    return month_index(end) - month_index(start)


def months_spanned(start: date, end: date) -> int:
    """How many months ``start``…``end`` touches, both ends included."""
    return months_between(start, end) + 1
