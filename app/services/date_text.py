"""Dates as people type and read them: one format per language, many ways in.

Every date field of the program (forms, table cells, dialogs) reads what was
typed with :func:`parse` and shows a stored value with :func:`show`. A value has
a :class:`Precision`: a day (``1.09.2026``), a month (``09.2026``, HDR periods),
a quarter (``I kw. 2026``), a school year (``2026/2027``) or a year (``2026``).
Whatever the precision, the stored value is a :class:`datetime.date` — the
first day of the period.

Typing is forgiving — ``1.9.2026``, ``01.09.2026``, ``1092026``, ``2026-09-01``,
``1/9/2026`` are the same day in both languages (day before month, as Polish and
British documents are written) — but never guesses: what cannot be read raises
:class:`~app.errors.UserError` with a Polish message, and the field keeps its
stored value.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from app.errors import UserError
from app.i18n import _, current_language

FIRST_YEAR = 1990
HISTORY_FIRST_YEAR = 1800  # a school's founding date may be long ago
LAST_YEAR = 2100
ROMAN = ("I", "II", "III", "IV")


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    SCHOOL_YEAR = "school_year"
    YEAR = "year"


def separator() -> str:
    """The one separator of dates shown in the current language (``.`` or ``/``)."""
    return "/" if current_language() == "en" else "."


def show(value: date | None, precision: Precision = Precision.DAY) -> str:
    """``value`` as the program shows it in every table and editor of the current language."""
    if value is None:
        return ""
    sep = separator()
    if precision is Precision.DAY:
        return f"{value.day:02d}{sep}{value.month:02d}{sep}{value.year}"
    if precision is Precision.MONTH:
        return f"{value.month:02d}{sep}{value.year}"
    if precision is Precision.QUARTER:
        quarter = (value.month - 1) // 3 + 1
        if current_language() == "en":
            return f"Q{quarter} {value.year}"
        return f"{ROMAN[quarter - 1]} kw. {value.year}"
    if precision is Precision.SCHOOL_YEAR:
        start = value.year if value.month >= 9 else value.year - 1
        return f"{start}/{start + 1}"
    return str(value.year)


def pattern(precision: Precision = Precision.DAY) -> str:
    """The form expected, for an empty field's placeholder: ``dd.mm.rrrr`` (a sample date in
    grey read like a value already there)."""
    sep = separator()
    year = _("rrrr")
    if precision is Precision.DAY:
        return f"{_('dd')}{sep}{_('mm')}{sep}{year}"
    if precision is Precision.MONTH:
        return f"{_('mm')}{sep}{year}"
    if precision is Precision.QUARTER:
        return _("I–IV kw. {year}").format(year=year)
    if precision is Precision.SCHOOL_YEAR:
        return f"{year}/{year}"
    return year


def example(precision: Precision = Precision.DAY) -> str:
    """A sample of the expected form, for placeholders and messages."""
    return show(date(2026, 9, 1), precision)


def parse(
    text: str, precision: Precision = Precision.DAY, label: str = "", first_year: int = FIRST_YEAR
) -> date | None:
    """The date typed as ``text`` (``None`` when empty), or a UserError saying why not."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    readers = {
        Precision.DAY: _read_day,
        Precision.MONTH: _read_month,
        Precision.QUARTER: _read_quarter,
        Precision.SCHOOL_YEAR: _read_school_year,
        Precision.YEAR: _read_year,
    }
    value = readers[precision](cleaned)
    if value is None:
        raise UserError(_unreadable(cleaned, precision, label))
    if not first_year <= value.year <= LAST_YEAR:
        raise UserError(
            _("Data {text} jest spoza zakresu {first}–{last}.").format(
                text=cleaned, first=first_year, last=LAST_YEAR
            )
        )
    return value


def _unreadable(text: str, precision: Precision, label: str) -> str:
    what = {
        Precision.DAY: _("daty"),
        Precision.MONTH: _("miesiąca"),
        Precision.QUARTER: _("kwartału"),
        Precision.SCHOOL_YEAR: _("roku szkolnego"),
        Precision.YEAR: _("roku"),
    }[precision]
    message = _("Nie rozpoznano {what} „{text}”. Wpisz np. {example}.").format(
        what=what, text=text, example=example(precision)
    )
    return f"{label}: {message}" if label else message


def _make(year: int, month: int, day: int = 1) -> date | None:
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


_PARTS = re.compile(r"^(\d{1,4})\s*[.\-/ ]\s*(\d{1,2})\s*[.\-/ ]\s*(\d{1,4})\.?$")


def _read_day(text: str) -> date | None:
    parts = _PARTS.match(text)
    if parts:
        first, middle, last = parts.groups()
        if len(first) == 4:  # 2026-09-01
            return _make(int(first), int(middle), int(last)) if len(last) <= 2 else None
        if len(last) in (2, 4):  # 1.09.2026, 01/09/26
            return _make(int(last), int(middle), int(first))
        return None
    if text.isdigit():
        return _read_digits(text)
    return None


def _read_digits(digits: str) -> date | None:
    """``01092026``, ``1092026`` (day, two-digit month, year), ``010926``, ``20260901``."""
    if len(digits) == 8:
        return _make(int(digits[4:]), int(digits[2:4]), int(digits[:2])) or _make(
            int(digits[:4]), int(digits[4:6]), int(digits[6:])
        )
    if len(digits) == 7:
        return _make(int(digits[3:]), int(digits[1:3]), int(digits[0])) or _make(
            int(digits[3:]), int(digits[2]), int(digits[:2])
        )
    if len(digits) == 6:
        return _make(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    return None


_MONTH = re.compile(r"^(\d{1,4})\s*[.\-/ ]\s*(\d{1,4})$")


def _read_month(text: str) -> date | None:
    parts = _MONTH.match(text)
    if parts:
        first, last = parts.groups()
        if len(first) == 4 and len(last) <= 2:  # 2026-09
            return _make(int(first), int(last))
        if len(first) <= 2 and len(last) in (2, 4):  # 9.2026, 09/26
            return _make(int(last), int(first))
        return None
    if text.isdigit() and len(text) in (5, 6):  # 92026, 092026
        return _make(int(text[-4:]), int(text[:-4]))
    return None


_QUARTER_FORMS = (
    re.compile(r"^(?P<q>I{1,3}|IV)\s*(kw\.?|kwartał)?\s*(?P<y>\d{4})$", re.IGNORECASE),
    re.compile(r"^(?P<q>[1-4])\s*(kw\.?|kwartał)\s*(?P<y>\d{4})$", re.IGNORECASE),
    re.compile(r"^Q(?P<q>[1-4])\s*[/ \-]?\s*(?P<y>\d{4})$", re.IGNORECASE),
    re.compile(r"^(?P<y>\d{4})\s*[/ \-]?\s*Q(?P<q>[1-4])$", re.IGNORECASE),
)


def _read_quarter(text: str) -> date | None:
    for form in _QUARTER_FORMS:
        found = form.match(text)
        if found:
            mark = found.group("q").upper()
            quarter = ROMAN.index(mark) + 1 if mark in ROMAN else int(mark)
            return _make(int(found.group("y")), 3 * quarter - 2)
    return None


_SCHOOL_YEAR = re.compile(r"^(\d{4})\s*[/\-]\s*(\d{2}|\d{4})$")


def _read_school_year(text: str) -> date | None:
    found = _SCHOOL_YEAR.match(text)
    if found is None:
        return _make(int(text), 9) if text.isdigit() and len(text) == 4 else None
    start, end = int(found.group(1)), int(found.group(2))
    if end < 100:
        end += start // 100 * 100
    return _make(start, 9) if end == start + 1 else None


def _read_year(text: str) -> date | None:
    return _make(int(text), 1) if text.isdigit() and len(text) == 4 else None
