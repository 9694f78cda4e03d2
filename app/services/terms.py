"""Terms at the precision a plan states them: a day, a month, a quarter, a school year, a year.

A term is stored as the first day of its first period and the last day of its
last period, with the precision; overdue and progress read that last day. A
recurring term ("corocznie, IV kw. 2025–2030") repeats its first period every
year up to the last. :func:`parse` reads what an officer types, :func:`label`
writes it back the same way.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from app.errors import UserError
from app.i18n import _
from app.model import TermPrecision
from app.services import date_text

ROMAN = ("I", "II", "III", "IV")
_RECURRING = re.compile(r"^\s*(?:corocznie|yearly|annually)\s*,?\s*(.+?)\s*$", re.IGNORECASE)
# Day and month with dots, or slashes as the English window shows them.
_DAY = re.compile(r"^(\d{1,2})([./])(\d{1,2})\2(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{1,2})[./](\d{4})$")
# "III kw. 2025" (and "QIII 2025", "Q3 2025" as the English window writes it).
_QUARTER = re.compile(r"^(?:([IVX]+|\d+)\s*kw\.?|Q\s*([IVX]+|\d+))\s*(\d{4})$", re.IGNORECASE)
_SCHOOL_YEAR = re.compile(r"^(\d{4})\s*/\s*(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
# An en or em dash, or a hyphen with spaces (an ISO date's hyphens are not a range).
_RANGE = re.compile(r"\s+-\s+|\s*[–—]\s*")


@dataclass(frozen=True)
class Term:
    start: date
    end: date
    precision: TermPrecision
    recurring: bool = False

    def values(self) -> dict[str, object]:
        """The action's fields for this term."""
        return {
            "start_date": self.start,
            "end_date": self.end,
            "term_precision": self.precision,
            "recurring": self.recurring,
        }


def _bad(message: str) -> UserError:
    return UserError(message, field="term")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    year = int(text)
    if not 1990 <= year <= 2100:
        raise _bad(_("Rok {year} jest spoza zakresu 1990–2100.").format(year=year))
    return year


def _period(text: str) -> tuple[date, date, TermPrecision]:
    """One period: its first and last day and its precision."""
    text = text.strip()
    if found := _DAY.match(text) or _ISO.match(text):
        parts = [int(g) for g in found.groups() if g not in "./"]
        day, month, year = parts if found.re is _DAY else (parts[2], parts[1], parts[0])
        try:
            when = date(_year(str(year)), month, day)
        except ValueError:
            raise _bad(_("Nie ma takiego dnia: {text}.").format(text=text)) from None
        return when, when, TermPrecision.DAY
    if found := _MONTH.match(text):
        month, year = int(found.group(1)), _year(found.group(2))
        if not 1 <= month <= 12:
            raise _bad(_("Miesiąc musi być liczbą od 1 do 12."))
        return date(year, month, 1), _month_end(year, month), TermPrecision.MONTH
    if found := _QUARTER.match(text):
        number = (found.group(1) or found.group(2)).upper()
        quarter = ROMAN.index(number) + 1 if number in ROMAN else None
        if quarter is None and number.isdigit() and 1 <= int(number) <= 4:
            quarter = int(number)
        if quarter is None:
            raise _bad(_("Kwartał musi być od I do IV (podano „{number}”).").format(number=number))
        year = _year(found.group(3))
        first = 3 * quarter - 2
        return date(year, first, 1), _month_end(year, first + 2), TermPrecision.QUARTER
    if found := _SCHOOL_YEAR.match(text):
        start, end = _year(found.group(1)), _year(found.group(2))
        if end != start + 1:
            raise _bad(_("Rok szkolny to dwa kolejne lata, np. 2025/2026."))
        return date(start, 9, 1), date(end, 8, 31), TermPrecision.SCHOOL_YEAR
    if found := _YEAR.match(text):
        year = _year(found.group(1))
        return date(year, 1, 1), date(year, 12, 31), TermPrecision.YEAR
    raise _bad(
        _(
            "Nie rozpoznano terminu „{text}”. Wpisz np. 15.03.2025, 03.2025, III kw. 2025, "
            "2025/2026, 2025 albo „corocznie, IV kw. 2025–2030”."
        ).format(text=text)
    )


def parse(text: str) -> Term | None:
    """What an officer types, as a term; an empty text is no term. UserError if wrong."""
    if not text or not text.strip():
        return None
    recurring = _RECURRING.match(text)
    if recurring is not None:
        body = recurring.group(1)
        found = re.match(r"^(.*?)\s*[–—-]\s*(\d{4})$", body)
        if found is None:
            raise _bad(_("Zadanie coroczne: podaj okres i ostatni rok, np. IV kw. 2025–2030."))
        start, end, precision = _period(found.group(1))
        last = _year(found.group(2))
        if last < start.year:
            raise _bad(_("Ostatni rok nie może być wcześniejszy niż pierwszy."))
        if last == start.year:
            return Term(start, end, precision)
        return Term(start, _shift(end, last - start.year), precision, recurring=True)
    pieces = _RANGE.split(text.strip())
    if len(pieces) > 2:
        raise _bad(_("Termin ma najwyżej dwa końce: początek – koniec."))
    start, end, precision = _period(pieces[0])
    if len(pieces) == 2:
        _first, end, end_precision = _period(pieces[1])
        if end_precision is not precision:
            raise _bad(_("Początek i koniec terminu podaj z tą samą dokładnością."))
        if end < start:
            raise _bad(_("Koniec terminu nie może być wcześniejszy niż początek."))
    return Term(start, end, precision)


def _shift(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def period_label(start: date, precision: TermPrecision) -> str:
    """One period as a plan writes it: 15.03.2025, 03.2025, III kw. 2025, 2025/2026, 2025.

    Days and months in the window's one date format (``15/03/2025`` in English).
    """
    if precision is TermPrecision.MONTH:
        return date_text.show(start, date_text.Precision.MONTH)
    if precision is TermPrecision.QUARTER:
        return _("{quarter} kw. {year}").format(
            quarter=ROMAN[(start.month - 1) // 3], year=start.year
        )
    if precision is TermPrecision.SCHOOL_YEAR:
        first = start.year if start.month >= 9 else start.year - 1
        return f"{first}/{first + 1}"
    if precision is TermPrecision.YEAR:
        return str(start.year)
    return date_text.show(start)


def label(
    start: date | None, end: date | None, precision: TermPrecision | str, recurring: bool
) -> str:
    """The term as the plan states it ("III kw. 2025 – IV kw. 2026", "corocznie, …")."""
    if start is None and end is None:
        return ""
    precision = TermPrecision(precision)
    if start is None or end is None:
        known = start or end
        assert known is not None
        return period_label(known, precision)
    first = period_label(start, precision)
    if recurring:
        return _("corocznie, {period}–{last}").format(period=first, last=end.year)
    last_start = _period_start(end, precision)
    last = period_label(last_start, precision)
    return first if last == first else f"{first} – {last}"


def _period_start(end: date, precision: TermPrecision) -> date:
    if precision is TermPrecision.MONTH:
        return end.replace(day=1)
    if precision is TermPrecision.QUARTER:
        return date(end.year, 3 * ((end.month - 1) // 3) + 1, 1)
    if precision is TermPrecision.SCHOOL_YEAR:
        return date(end.year - 1 if end.month < 9 else end.year, 9, 1)
    if precision is TermPrecision.YEAR:
        return date(end.year, 1, 1)
    return end


def snap(
    start: date | None, end: date | None, precision: TermPrecision | str
) -> tuple[date | None, date | None]:
    """The term widened to whole periods: a quarter's term ends on the quarter's last day."""
    precision = TermPrecision(precision)
    if precision is TermPrecision.DAY:
        return start, end
    first = _period_start(start, precision) if start is not None else None
    last = _end_of_period(_period_start(end, precision), precision) if end is not None else None
    return first, last


def _end_of_period(first: date, precision: TermPrecision) -> date:
    """The last day of the period that starts on ``first``."""
    if precision is TermPrecision.MONTH:
        return _month_end(first.year, first.month)
    if precision is TermPrecision.QUARTER:
        return _month_end(first.year, first.month + 2)
    if precision is TermPrecision.SCHOOL_YEAR:
        return date(first.year + 1, 8, 31)
    if precision is TermPrecision.YEAR:
        return date(first.year, 12, 31)
    return first


def occurrences(
    start: date, end: date, precision: TermPrecision | str, recurring: bool
) -> list[tuple[date, date]]:
    """Each period of the term: one for a plain term, one a year for a recurring one."""
    if not recurring:
        return [(start, end)]
    first_end = _end_of_period(start, TermPrecision(precision))
    return [
        (_shift(start, offset), _shift(first_end, offset))
        for offset in range(end.year - start.year + 1)
    ]
