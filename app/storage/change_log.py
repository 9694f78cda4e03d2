"""Version counters and the store's change counter, kept by a session hook.

Every flush that adds or edits user records stamps them in ``record_change``
(see :class:`app.model.RecordChange`): the record's version counter goes up
by one, and all records of the flush get the next store-wide change number and
a change time that never runs backwards, whatever the laptop's clock says.
An import then sets the counters it brought (:func:`set_counters`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, bindparam, func, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.model import Municipality, OwnedRecord, Record, RecordChange, utcnow

_CHUNK = 300


def owner_of(record: Record) -> str | None:
    if isinstance(record, Municipality):
        return record.id
    if isinstance(record, OwnedRecord):
        return record.municipality_id
    return None


def next_mark(session: Session) -> tuple[int, datetime]:
    """The next change number and a change time not earlier than any before it."""
    seq, latest = session.execute(
        select(func.max(RecordChange.seq), func.max(RecordChange.changed_at))
    ).one()
    now = utcnow()
    if isinstance(latest, datetime):
        stamp = latest if latest.tzinfo else latest.replace(tzinfo=now.tzinfo)
        now = max(now, stamp)
    return int(seq or 0) + 1, now


def record_edits(session: Session, changed: Iterable[Record]) -> None:
    """Bump the counter of each changed record and give them all the next change number."""
    rows = [(record.id, owner) for record in changed if (owner := owner_of(record)) is not None]
    if not rows:
        return
    seq, stamp = next_mark(session)
    for start in range(0, len(rows), _CHUNK):
        values = [
            {
                "record_id": rid,
                "municipality_id": owner,
                "counter": 1,
                "seq": seq,
                "changed_at": stamp,
            }
            for rid, owner in rows[start : start + _CHUNK]
        ]
        statement = insert(RecordChange)
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[RecordChange.record_id],
                set_={
                    "counter": RecordChange.counter + 1,
                    "seq": statement.excluded.seq,
                    "changed_at": statement.excluded.changed_at,
                },
            ),
            values,
        )


def set_counters(session: Session, counters: Mapping[str, int]) -> None:
    """After an import: the records written carry the sender's version counters."""
    rows = [{"b_id": record_id, "b_counter": counter} for record_id, counter in counters.items()]
    statement = (
        update(RecordChange)
        .where(RecordChange.record_id == bindparam("b_id"))
        .values(counter=bindparam("b_counter"))
    )
    for start in range(0, len(rows), _CHUNK):
        session.connection().execute(statement, rows[start : start + _CHUNK])


def counters(session: Session, municipality_id: str) -> dict[str, int]:
    rows = session.execute(
        select(RecordChange.record_id, RecordChange.counter).where(
            RecordChange.municipality_id == municipality_id
        )
    )
    return {record_id: int(counter) for record_id, counter in rows}


def changed_since(municipality_id: str, day: date) -> Select[Any]:
    """Ids of the municipality's records changed on or after ``day`` (local midnight).

    The day is turned into the first change number stamped on or after it; the
    stamps never run backwards, so edits made while the clock was behind count
    as made after the latest time seen before them.
    """
    start = datetime.combine(day, time.min).astimezone()
    first = (
        select(func.min(RecordChange.seq)).where(RecordChange.changed_at >= start).scalar_subquery()
    )
    return select(RecordChange.record_id).where(
        RecordChange.municipality_id == municipality_id, RecordChange.seq >= first
    )
