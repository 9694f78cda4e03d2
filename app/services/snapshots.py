"""Closing a school year: a frozen, read-only snapshot of the JST, reopened only with a reason.

``close_school_year`` freezes everything of the municipality (school-year data,
plan and HDR, indicators and measurements, notes, risks, visits) into a
:class:`~app.model.SchoolYearSnapshot`; from then on no path may change that
year's school data (:mod:`app.storage.closed_years`). ``open_snapshot`` gives a
read-only store over the frozen data, so every service and report shows the
state then. ``reopen_school_year`` lifts the lock, with a reason, logged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import Change, ChangeKind
from app.errors import UserError
from app.exchange import frozen
from app.i18n import _
from app.model import Municipality, SchoolYearSnapshot, SnapshotEvent, SnapshotStatus, utcnow
from app.model.school_data import school_year_label
from app.model.snapshot import snapshot_id as year_snapshot_id
from app.reports.dates import long_date
from app.services import records
from app.storage import closed_years as year_lock
from app.storage.store import Store

MAX_REASON = 2000
MAX_AUTHOR = 200
school_year_of = year_lock.school_year_of
closed_years_of = year_lock.closed_years


@dataclass(frozen=True)
class Event:
    status: SnapshotStatus
    happened_at: datetime
    author: str | None
    reason: str | None


@dataclass(frozen=True)
class Snapshot:
    """A closed (or reopened) school year, without its payload."""

    id: str
    municipality_id: str
    school_year: int
    as_of: date
    taken_at: datetime
    status: SnapshotStatus
    author: str | None
    record_count: int
    content_hash: str
    events: tuple[Event, ...] = ()

    @property
    def label(self) -> str:
        return school_year_label(self.school_year)

    @property
    def closed(self) -> bool:
        return self.status == SnapshotStatus.CLOSED


def year_end(school_year: int) -> date:
    """The last day of a school year: 31 August of the year after it starts."""
    return date(school_year + 1, 8, 31)


_YEAR = re.compile(r"\s*(\d{4})\s*/\s*(\d{4})\s*")


def parse_school_year(text: str) -> int:
    """``2025/2026`` → 2025, or a Polish UserError."""
    found = _YEAR.fullmatch(text or "")
    if found is None or int(found.group(2)) != int(found.group(1)) + 1:
        raise UserError(
            _(
                "Nieprawidłowy rok szkolny „{text}”: podaj go w postaci RRRR/RRRR, np. 2025/2026."
            ).format(text=text),
            field="school_year",
        )
    year = int(found.group(1))
    if not 1990 <= year <= 2100:
        raise UserError(
            _("Rok szkolny {year} jest poza zakresem 1990/1991–2100/2101.").format(
                year=school_year_label(year)
            ),
            field="school_year",
        )
    return year


# -- closing and reopening -------------------------------------------------------------


def close_school_year(
    store: Store,
    municipality_id: str,
    school_year: int,
    *,
    author: str | None = None,
    today: date | None = None,
    publish: bool = True,
) -> Snapshot:
    """Freeze the municipality as the school year ends; refuse a year closed or not ended."""
    today = today or date.today()
    end = year_end(school_year)
    label = school_year_label(school_year)
    if today <= end:
        raise UserError(
            _(
                "Rok szkolny {year} jeszcze się nie skończył (trwa do {end}) — "
                "można go zamknąć od następnego dnia."
            ).format(year=label, end=long_date(end)),
            field="school_year",
        )
    who = _author(author)
    with store.session() as session:
        records.load(session, Municipality, municipality_id)
        key = year_snapshot_id(municipality_id, school_year)
        snapshot = session.get(SchoolYearSnapshot, key, execution_options={"include_deleted": True})
        if snapshot is not None and snapshot.deleted_at is None and snapshot.status == "closed":
            raise UserError(
                _("Rok szkolny {year} jest już zamknięty (od {day}).").format(
                    year=label, day=long_date(snapshot.taken_at.astimezone().date())
                ),
                field="school_year",
            )
        data = frozen.freeze(session, municipality_id)
        now = utcnow()
        if snapshot is None:
            snapshot = SchoolYearSnapshot(id=key, municipality_id=municipality_id)
            session.add(snapshot)
        snapshot.deleted_at = None
        snapshot.school_year = school_year
        snapshot.as_of = end
        snapshot.taken_at = now
        snapshot.status = SnapshotStatus.CLOSED
        snapshot.author = who
        snapshot.record_count = data.record_count
        snapshot.content_hash = data.content_hash
        snapshot.payload = data.payload
        session.flush()
        session.add(
            SnapshotEvent(
                municipality_id=municipality_id,
                snapshot_id=key,
                status=SnapshotStatus.CLOSED,
                happened_at=now,
                author=who,
            )
        )
    if publish:
        _publish(store, municipality_id, key)
    return get_snapshot(store, key)


def reopen_school_year(
    store: Store, snapshot_id: str, *, reason: str, author: str | None = None
) -> Snapshot:
    """Let a closed year change again: the reason is required and kept in the log."""
    text = (reason or "").strip()
    if not text:
        raise UserError(
            _("Podaj powód ponownego otwarcia roku szkolnego — zostanie zapisany w dzienniku."),
            field="reason",
        )
    if len(text) > MAX_REASON:
        raise UserError(
            _("Powód może mieć najwyżej {count} znaków.").format(count=MAX_REASON),
            field="reason",
        )
    who = _author(author)
    with store.session() as session:
        snapshot = records.load(session, SchoolYearSnapshot, snapshot_id)
        if snapshot.status != SnapshotStatus.CLOSED:
            raise UserError(
                _("Rok szkolny {year} nie jest zamknięty.").format(
                    year=school_year_label(snapshot.school_year)
                )
            )
        snapshot.status = SnapshotStatus.REOPENED
        municipality_id = snapshot.municipality_id
        session.add(
            SnapshotEvent(
                municipality_id=municipality_id,
                snapshot_id=snapshot.id,
                status=SnapshotStatus.REOPENED,
                happened_at=utcnow(),
                author=who,
                reason=text,
            )
        )
    _publish(store, municipality_id, snapshot_id)
    return get_snapshot(store, snapshot_id)


# -- reading ----------------------------------------------------------------------------


def list_snapshots(store: Store, municipality_id: str) -> list[Snapshot]:
    """The municipality's closed (and reopened) years, newest first."""
    with store.session() as session:
        rows = session.scalars(
            select(SchoolYearSnapshot)
            .where(SchoolYearSnapshot.municipality_id == municipality_id)
            .order_by(SchoolYearSnapshot.school_year.desc())
        ).all()
        return [_info(session, row) for row in rows]


def get_snapshot(store: Store, snapshot_id: str) -> Snapshot:
    with store.session() as session:
        return _info(session, records.load(session, SchoolYearSnapshot, snapshot_id))


def is_year_closed(store: Store, municipality_id: str, school_year: int) -> bool:
    with store.session() as session:
        return school_year in closed_years_of(session, municipality_id)


def closed_years(store: Store, municipality_id: str) -> set[int]:
    """The school years closed now (2025 is 2025/2026)."""
    with store.session() as session:
        return closed_years_of(session, municipality_id)


def snapshot_nearest(store: Store, municipality_id: str, period_end: date) -> Snapshot | None:
    """The closed year whose end is nearest ``period_end`` (the later one on a tie)."""
    closed = [s for s in list_snapshots(store, municipality_id) if s.closed]
    if not closed:
        return None
    return min(closed, key=lambda s: (abs((s.as_of - period_end).days), -s.school_year))


def closable_years(store: Store, municipality_id: str, today: date | None = None) -> list[int]:
    """Ended school years not closed now, newest first (the last ten)."""
    last = school_year_of(today or date.today()) - 1
    with store.session() as session:
        closed = closed_years_of(session, municipality_id)
    return [year for year in range(last, last - 10, -1) if year not in closed]


@contextmanager
def open_snapshot(store: Store, snapshot_id: str) -> Iterator[Store]:
    """A read-only store over a snapshot's frozen data (in memory, closed on leaving)."""
    with store.session() as session:
        payload = records.load(session, SchoolYearSnapshot, snapshot_id).payload
    frozen_store = frozen.memory_store(store.paths, frozen.thaw(payload))
    try:
        yield frozen_store
    finally:
        frozen_store.close()


# -- helpers ----------------------------------------------------------------------------


def _author(author: str | None) -> str | None:
    text = (author or "").strip()
    if len(text) > MAX_AUTHOR:
        raise UserError(
            _("Nazwa osoby może mieć najwyżej {count} znaków.").format(count=MAX_AUTHOR),
            field="author",
        )
    return text or None


def _info(session: Session, row: SchoolYearSnapshot) -> Snapshot:
    events = session.scalars(
        select(SnapshotEvent)
        .where(SnapshotEvent.snapshot_id == row.id)
        .order_by(SnapshotEvent.happened_at)
    ).all()
    return Snapshot(
        id=row.id,
        municipality_id=row.municipality_id,
        school_year=row.school_year,
        as_of=row.as_of,
        taken_at=row.taken_at,
        status=SnapshotStatus(row.status),
        author=row.author,
        record_count=row.record_count,
        content_hash=row.content_hash,
        events=tuple(Event(e.status, e.happened_at, e.author, e.reason) for e in events),
    )


def _publish(store: Store, municipality_id: str, snapshot_id: str) -> None:
    store.changes.publish(
        Change(
            ChangeKind.UPDATED, SchoolYearSnapshot.__tablename__, (snapshot_id,), municipality_id
        )
    )
