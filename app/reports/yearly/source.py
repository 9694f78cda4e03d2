"""Which data a report of a school year reads: the ONE seam for closed years.

Every chapter generator takes a SQLAlchemy session, so it works the same on
the live store and on a snapshot of a closed school year (an in-memory store
of the same schema). Today :func:`report_session` yields the live session.
When closed years exist (``app.services.snapshots``), this is where the
snapshot nearest the end of the school year (31 August) plugs in::

    snapshot = snapshots.snapshot_nearest(store, municipality_id, year_end(year))
    if snapshot is not None:
        with snapshots.open_snapshot(store, snapshot.id) as session:
            yield session
            return
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy.orm import Session

from app.storage.store import Store


def year_start(year: int) -> date:
    return date(year, 9, 1)


def year_end(year: int) -> date:
    """The last day of school year ``year`` (``2025`` → 31 August 2026)."""
    return date(year + 1, 8, 31)


@contextmanager
def report_session(store: Store, municipality_id: str, year: int) -> Iterator[Session]:
    """A read-only session holding the state of the data for school year ``year``."""
    del municipality_id, year  # used once snapshots plug in (see the module's text)
    with store.session() as session:
        yield session
        session.rollback()  # a report never writes
