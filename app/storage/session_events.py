"""Session hooks that every unit of work gets: tombstones, timestamps, search index."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker, with_loader_criteria

from app.model import Record, utcnow
from app.storage import search_index


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
    now = utcnow()
    for record in session.dirty:
        if isinstance(record, Record) and session.is_modified(record):
            record.updated_at = now


def _reindex(session: Session, _context: Any) -> None:
    changed = [obj for obj in (*session.new, *session.dirty) if isinstance(obj, Record)]
    search_index.reindex(session, changed)
    gone = [obj.id for obj in session.deleted if isinstance(obj, Record)]
    search_index.remove(session, gone)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "do_orm_execute", _hide_tombstones)
    event.listen(factory, "before_flush", _touch)
    event.listen(factory, "after_flush", _reindex)
