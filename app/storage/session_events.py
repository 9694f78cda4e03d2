"""Session hooks that every unit of work gets: tombstones, timestamps, search index."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker, with_loader_criteria

from app.model import Record, utcnow
from app.storage import change_log, closed_years, search_index


def _hide_tombstones(state: ORMExecuteState) -> None:
    """Deleted records are invisible to every query unless asked for explicitly."""
    if (
        state.is_select
        and not state.is_column_load
        and not state.execution_options.get("include_deleted", False)
    ):
        state.statement = state.statement.options(
            with_loader_criteria(
                Record,
                lambda cls: cls.deleted_at.is_(None),
                include_aliases=True,
            )
        )


def _touch(session: Session, _context: Any, _instances: Any) -> None:
    """Stamp edited records; always later than before, even with a coarse clock.

    Merges decide by content hashes (``app.exchange.plan``), not by this stamp; the
    stamp says when a record was last edited, so an edit must never keep the old one
    (Windows clocks tick about every 16 ms before Python 3.13).
    """
    now = utcnow()
    for record in session.dirty:
        if isinstance(record, Record) and session.is_modified(record):
            previous = _committed_stamp(record)
            record.updated_at = now if previous is None or now > previous else previous + _TICK


_TICK = timedelta(microseconds=1)


def _committed_stamp(record: Record) -> datetime | None:
    history = inspect(record).attrs.updated_at.history
    if history.deleted:
        value = history.deleted[0]
    elif history.unchanged:
        value = history.unchanged[0]
    else:
        value = record.updated_at
    return value if isinstance(value, datetime) else None


def _reindex(session: Session, _context: Any) -> None:
    changed = [obj for obj in (*session.new, *session.dirty) if isinstance(obj, Record)]
    search_index.reindex(session, changed)
    change_log.record_edits(session, changed)
    gone = [obj.id for obj in session.deleted if isinstance(obj, Record)]
    search_index.remove(session, gone)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "do_orm_execute", _hide_tombstones)
    event.listen(factory, "before_flush", _touch)
    event.listen(factory, "before_flush", closed_years.check_flush)
    event.listen(factory, "after_flush", _reindex)
