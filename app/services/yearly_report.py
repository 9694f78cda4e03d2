"""The yearly report's arrangement per municipality and school year, and its deadline.

The officer orders the chapters, switches them on and off and writes a comment
under each (:class:`~app.model.YearlyReportChapter`, one row per chapter once
anything was changed). :func:`status` says which school year's report is due,
by when, and how many chapters are ready (their data are complete).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import units
from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import _
from app.model import Municipality, YearlyReportChapter
from app.model.school_data import school_year_label
from app.reports.yearly import chapters as catalogue
from app.reports.yearly.content import Chapter, ReportData
from app.reports.yearly.source import report_session, year_start
from app.services import date_text, records, validation
from app.services.fields import FIELDS
from app.storage.store import Store

RECORD_TYPE = YearlyReportChapter.__tablename__


@dataclass(frozen=True)
class ChapterChoice:
    """One chapter as the officer arranged it for one school year."""

    key: str
    title: str
    enabled: bool
    comment: str


def deadline(year: int) -> date:
    """31 October after school year ``year`` ends (art. 11 ust. 7)."""
    return date(year + 1, 10, 31)


def report_year(today: date) -> int:
    """The school year whose report is due next, or was last due: the last one that ended."""
    return today.year - 1 if today >= date(today.year, 9, 1) else today.year - 2


def check_year(year: int) -> int:
    validation.clean_value("school_year", FIELDS[YearlyReportChapter]["school_year"], year)
    return year


def parse_school_year(text: str) -> int:
    """``2025/2026`` or ``2025`` → 2025; a Polish UserError otherwise."""
    cleaned = text.strip()
    first, _slash, second = cleaned.partition("/")
    try:
        year = int(first)
        if second and int(second) != year + 1:
            raise ValueError(cleaned)
    except ValueError:
        raise UserError(
            _("Nieprawidłowy rok szkolny „{text}”: podaj go w postaci 2025/2026.").format(
                text=text
            ),
            field="school_year",
        ) from None
    return check_year(year)


def choices(store: Store, municipality_id: str, year: int) -> list[ChapterChoice]:
    """Every chapter in the officer's order (stored rows first by position, new ones after)."""
    with store.session() as session:
        records.load(session, Municipality, municipality_id)
        stored = _stored(session, municipality_id, year)
    rank = {
        key: (row.position, n) for n, key in enumerate(catalogue.KEYS) if (row := stored.get(key))
    }
    keys = sorted(
        catalogue.KEYS, key=lambda k: rank.get(k, (len(catalogue.KEYS), catalogue.KEYS.index(k)))
    )
    return [
        ChapterChoice(
            key,
            catalogue.title(key),
            stored[key].enabled if key in stored else True,
            (stored[key].comment or "") if key in stored else "",
        )
        for key in keys
    ]


def _stored(session: Session, municipality_id: str, year: int) -> dict[str, YearlyReportChapter]:
    rows = session.scalars(
        select(YearlyReportChapter).where(
            YearlyReportChapter.municipality_id == municipality_id,
            YearlyReportChapter.school_year == year,
        )
    )
    return {row.chapter: row for row in rows if row.chapter in catalogue.KEYS}


def _row(session: Session, municipality_id: str, year: int, key: str) -> YearlyReportChapter:
    """The chapter's row, made (with every chapter's current position) when missing."""
    catalogue.title(key)  # an unknown key is a UserError
    stored = _stored(session, municipality_id, year)
    if key not in stored:
        order = [c.key for c in _order(stored)]
        for position, each in enumerate(order):
            if each not in stored:
                row = YearlyReportChapter(
                    municipality_id=municipality_id,
                    school_year=year,
                    chapter=each,
                    position=position,
                    enabled=True,
                )
                session.add(row)
                stored[each] = row
        session.flush()
    return stored[key]


def _order(stored: dict[str, YearlyReportChapter]) -> list[ChapterChoice]:
    keys = sorted(
        catalogue.KEYS,
        key=lambda k: (
            (stored[k].position, 0)
            if k in stored
            else (len(catalogue.KEYS), catalogue.KEYS.index(k))
        ),
    )
    return [ChapterChoice(k, "", True, "") for k in keys]


def set_enabled(store: Store, municipality_id: str, year: int, key: str, enabled: bool) -> bool:
    """Switch a chapter on or off; returns the previous state (undo)."""
    return bool(_set(store, municipality_id, year, key, "enabled", bool(enabled)))


def set_comment(store: Store, municipality_id: str, year: int, key: str, comment: str) -> str:
    """Store the officer's comment under a chapter; returns the previous one (undo)."""
    cleaned = validation.clean_value("comment", FIELDS[YearlyReportChapter]["comment"], comment)
    return str(_set(store, municipality_id, year, key, "comment", cleaned or None) or "")


def _set(
    store: Store, municipality_id: str, year: int, key: str, name: str, value: object
) -> object:
    check_year(year)
    with store.session() as session:
        records.load(session, Municipality, municipality_id)
        row = _row(session, municipality_id, year, key)
        previous = getattr(row, name)
        setattr(row, name, value)
        session.flush()
        record_id = row.id
    store.changes.publish(
        Change(ChangeKind.UPDATED, RECORD_TYPE, (record_id,), municipality_id, (name,))
    )
    return previous


def set_order(store: Store, municipality_id: str, year: int, keys: list[str]) -> list[str]:
    """Put the chapters in the order ``keys`` (every key once); returns the previous order."""
    check_year(year)
    if sorted(keys) != sorted(catalogue.KEYS):
        raise UserError(_("Kolejność musi obejmować każdy rozdział dokładnie raz."))
    with store.session() as session:
        records.load(session, Municipality, municipality_id)
        for key in keys:
            _row(session, municipality_id, year, key)
        stored = _stored(session, municipality_id, year)
        previous = [c.key for c in _order(stored)]
        for position, key in enumerate(keys):
            stored[key].position = position
        ids = tuple(row.id for row in stored.values())
    store.changes.publish(
        Change(ChangeKind.MOVED, RECORD_TYPE, ids, municipality_id, ("position",))
    )
    return previous


def generate(
    store: Store,
    municipality_id: str,
    year: int,
    keys: list[str] | None = None,
    *,
    frozen: bool = True,
) -> list[Chapter]:
    """The generated chapters (all, or ``keys``) from the data that describe that year.

    A closed year is read from its snapshot unless ``frozen`` is False.
    """
    check_year(year)
    with report_session(store, municipality_id, year, frozen=frozen) as session:
        return catalogue.generate(session, municipality_id, year, keys)


@dataclass(frozen=True)
class Status:
    """What the overview says about the report that is due."""

    year: int
    deadline: date
    days_left: int  # negative: the deadline has passed
    ready: int
    total: int  # chapters switched on
    missing: list[str]

    @property
    def text(self) -> str:
        """``Informacja za 2025/2026: termin 31.10.2026 (za 27 dni) — rozdziały gotowe 6 z 10``."""
        days = abs(self.days_left)
        if self.days_left == 0:
            when = _("dziś")
        elif self.days_left > 0:
            when = _("za {days}").format(days=units.count(days, "day"))
        else:
            when = _("minął {days} temu").format(days=units.count(days, "day"))
        return _(
            "Informacja za {year}: termin {deadline} ({when}) — rozdziały gotowe {ready} z {total}"
        ).format(
            year=school_year_label(self.year),
            deadline=date_text.show(self.deadline),  # as every table and editor shows a day
            when=when,
            ready=self.ready,
            total=self.total,
        )


def status(store: Store, municipality_id: str, today: date) -> Status:
    """The report due next (or last due): deadline, ready chapters, missing data."""
    year = report_year(today)
    chosen = [c for c in choices(store, municipality_id, year) if c.enabled]
    made = generate(store, municipality_id, year, [c.key for c in chosen], frozen=False)
    missing = [line for chapter in made for line in chapter.missing]
    due = deadline(year)
    return Status(year, due, (due - today).days, sum(c.ready for c in made), len(made), missing)


def report_data(
    store: Store, municipality_id: str, year: int, today: date | None = None
) -> ReportData:
    """The chapters switched on, in the officer's order, with their comments.

    A school year that has not started yet has nothing to report: refused.
    """
    today = today or date.today()
    if year_start(year) > today:
        raise UserError(
            _("Rok szkolny {year} jeszcze się nie rozpoczął — nie ma o czym informować.").format(
                year=school_year_label(year)
            ),
            field="school_year",
        )
    chosen = [c for c in choices(store, municipality_id, year) if c.enabled]
    if not chosen:
        raise UserError(_("Włącz co najmniej jeden rozdział informacji."))
    with store.session() as session:
        name = records.load(session, Municipality, municipality_id).name
    made = generate(store, municipality_id, year, [c.key for c in chosen], frozen=False)
    comments = {c.key: c.comment for c in chosen if c.comment}
    return ReportData(name, year, made, comments, today)


def years(store: Store, municipality_id: str, today: date) -> list[int]:
    """School years to offer, newest first: those with data, and the one whose report is due."""
    from app.services.school_data import snapshot

    held = set(snapshot.years_by_municipality(store).get(municipality_id, []))
    held.add(report_year(today))
    return sorted((y for y in held if year_start(y) <= today), reverse=True)
