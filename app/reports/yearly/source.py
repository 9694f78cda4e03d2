"""Which data a report of a school year reads: the ONE seam for closed years.

Every chapter generator takes a SQLAlchemy session, so it works the same on
the live store and on a snapshot of a closed school year (an in-memory store
of the same schema, ``app.services.snapshots``). A closed year is read from
its snapshot, so the report shows the data as they were when the year was
closed; a year not closed is read from the live store.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy.orm import Session

from app.services import snapshots
from app.storage.store import Store


def year_start(year: int) -> date:
    return date(year, 9, 1)


def year_end(year: int) -> date:
    """The last day of school year ``year`` (``2025`` → 31 August 2026)."""
    return date(year + 1, 8, 31)


@contextmanager
def report_session(
    store: Store, municipality_id: str, year: int, *, frozen: bool = True
) -> Iterator[Session]:
    """A read-only session over the data of school year ``year``.

    ``frozen=False`` reads the live store even for a closed year (the overview's
    quick readiness check, which must not unpack a snapshot on every refresh).
    """
    snapshot = _closed_year(store, municipality_id, year) if frozen else None
    if snapshot is None:
        with store.session() as session:
            yield session
            session.rollback()  # a report never writes
        return
    with (
        snapshots.open_snapshot(store, snapshot.id) as frozen_store,
        frozen_store.session() as session,
    ):
        yield session
        session.rollback()


def _closed_year(store: Store, municipality_id: str, year: int) -> snapshots.Snapshot | None:
    """The snapshot of exactly school year ``year``, while it is closed."""
    for snapshot in snapshots.list_snapshots(store, municipality_id):
        if snapshot.closed and snapshot.school_year == year:
            return snapshot
    return None
