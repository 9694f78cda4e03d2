"""A closed school year cannot change: the guard every unit of work passes.

Installed as a session hook (:mod:`app.storage.session_events`), so every path
that writes school-year data — the services and the grid, RSPO and sheet
imports, exchange imports and merges, the command line — is refused alike, with
one Polish message, and nothing of the unit of work is saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import _
from app.model import (
    ExamResult,
    Municipality,
    SchoolYearSnapshot,
    SchoolYearStats,
    SnapshotStatus,
    SupervisionFinding,
)
from app.model.school_data import school_year_label

# Records that belong to one school year: by their ``school_year``, or by the day they happened.
BY_YEAR = (SchoolYearStats, ExamResult)
BY_DAY = (SupervisionFinding,)


# Set by an exchange import: the years whose snapshot the file brings (closed or reopened
# there). Their data in the same file are what the sender closed, so they may be written.
ARRIVING = "closed_years_arriving"


def allow_arriving(session: Session, years: Iterable[int]) -> None:
    session.info[ARRIVING] = set(years)


def school_year_of(day: date) -> int:
    """The school year a day falls in (1 September – 31 August): 2026-03-01 → 2025."""
    return day.year if day.month >= 9 else day.year - 1


def closed_years(session: Session, municipality_id: str) -> set[int]:
    with session.no_autoflush:
        return set(
            session.scalars(
                select(SchoolYearSnapshot.school_year).where(
                    SchoolYearSnapshot.municipality_id == municipality_id,
                    SchoolYearSnapshot.status == SnapshotStatus.CLOSED,
                )
            ).all()
        )


def refuse_closed(session: Session, municipality_id: str, years: Iterable[int]) -> None:
    """For writes the session hook does not see (bulk inserts): refuse a closed year."""
    closed = sorted(set(years) & closed_years(session, municipality_id))
    if closed:
        raise closed_year_error(closed[0])


def check_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Refuse a flush that adds, edits or deletes data of a closed school year."""
    touched: dict[str, set[int]] = {}
    for record in _changed(session):
        for year in _years(record):
            touched.setdefault(record.municipality_id, set()).add(year)
    if not touched:
        return
    leaving = _municipalities_deleted(session)
    arriving = _reopening(session) | session.info.get(ARRIVING, set())
    for municipality_id, years in touched.items():
        if municipality_id in leaving:
            continue
        closed = sorted(years & closed_years(session, municipality_id) - arriving)
        if closed:
            raise closed_year_error(closed[0])


def closed_year_error(year: int) -> UserError:
    return UserError(
        _(
            "Rok szkolny {year} jest zamknięty — jego danych nie można zmienić. "
            "Aby je poprawić, otwórz ten rok ponownie (Dane oświatowe → Zamknięte lata "
            "szkolne → Otwórz ponownie). Dane pozostały bez zmian."
        ).format(year=school_year_label(year))
    )


def _changed(session: Session) -> Iterable[Any]:
    for record in (*session.new, *session.deleted):
        if isinstance(record, BY_YEAR + BY_DAY):
            yield record
    for record in session.dirty:
        if isinstance(record, BY_YEAR + BY_DAY) and session.is_modified(record):
            yield record


def _years(record: Any) -> set[int]:
    """The years a record is in now and was in before this edit."""
    name = "school_year" if isinstance(record, BY_YEAR) else "held_on"
    history = inspect(record).attrs[name].history
    values = {getattr(record, name), *history.deleted, *history.unchanged}
    years = set()
    for value in values:
        if isinstance(value, date):
            years.add(school_year_of(value))
        elif isinstance(value, int):
            years.add(value)
    return years


def _reopening(session: Session) -> set[int]:
    """Years reopened in this same unit of work (a file that reopens a year and corrects it)."""
    return {
        record.school_year
        for record in (*session.new, *session.dirty)
        if isinstance(record, SchoolYearSnapshot) and record.status == SnapshotStatus.REOPENED
    }


def _municipalities_deleted(session: Session) -> set[str]:
    """A municipality deleted in this unit of work takes its closed years with it."""
    return {
        record.id
        for record in (*session.dirty, *session.deleted)
        if isinstance(record, Municipality) and record.deleted_at is not None
    } | {record.id for record in session.deleted if isinstance(record, Municipality)}
