"""The records a record points at (and the notes pointing at it), for the row menus' "Przejdź do".

A record points at others through its foreign keys (a risk at its action, a
recommendation at its visit and school) and through a free link
(``link_type``/``link_id`` of a note or recommendation). The municipality it
belongs to is left out: every page shows one municipality already.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.model import RECORD_TYPES, MonitoringNote, Recommendation, Record
from app.services import links
from app.services.search import TYPE_LABELS
from app.storage.store import Store

LEFT_OUT = frozenset({"municipality"})
REVERSE_LIMIT = 10  # notes about a record shown in the menu, at most


@dataclass(frozen=True)
class LinkedRecord:
    record_type: str
    record_id: str
    label: str  # "Działanie: Szkolenia nauczycieli"


def linked_records(
    store: Store, record_id: str, record_type: str | None = None
) -> list[LinkedRecord]:
    """What record ``record_id`` points at (deleted records left out), in column order."""
    with store.session() as session:
        record = _find(session, record_id, record_type)
        if record is None:
            return []
        found: list[LinkedRecord] = []
        for target_type, target_id in _pointers(record):
            target = session.get(RECORD_TYPES[target_type], target_id)
            if target is None or target.is_deleted or target is record:
                continue
            linked = LinkedRecord(target_type, target_id, _label(target))
            if linked not in found:
                found.append(linked)
        for source in _linking(session, record):
            linked = LinkedRecord(type(source).__tablename__, source.id, _label(source))
            if linked not in found:
                found.append(linked)
        return found


def _linking(session: Session, record: Record) -> list[Record]:
    """The notes and recommendations whose free link points at ``record`` (newest first)."""
    found: list[Record] = []
    for cls in (MonitoringNote, Recommendation):
        statement = (
            select(cls)
            .where(
                cls.link_type == type(record).__tablename__,
                cls.link_id == record.id,
                cls.deleted_at.is_(None),
            )
            .order_by(cls.created_at.desc())
            .limit(REVERSE_LIMIT)
        )
        found.extend(session.scalars(statement))
    return found


def _find(session: Session, record_id: str, record_type: str | None) -> Record | None:
    if record_type in RECORD_TYPES:
        return session.get(RECORD_TYPES[record_type], record_id)
    for cls in RECORD_TYPES.values():
        record = session.get(cls, record_id)
        if record is not None:
            return record
    return None


def _pointers(record: Record) -> list[tuple[str, str]]:
    """(record type, id) pairs of the record's foreign keys and free link, when set."""
    pairs: list[tuple[str, str]] = []
    for column in record.__table__.columns:
        value = getattr(record, column.key, None)
        for key in column.foreign_keys:
            table = key.column.table.name
            if value and table in RECORD_TYPES and table not in LEFT_OUT:
                pairs.append((table, str(value)))
    link_type = getattr(record, "link_type", None)
    link_id = getattr(record, "link_id", None)
    if link_type in RECORD_TYPES and link_id:
        pairs.append((str(link_type), str(link_id)))
    return pairs


def _label(record: Record) -> str:
    table = type(record).__tablename__
    if table in links.KIND_LABELS:
        return links.label_of(record)
    kind = _(TYPE_LABELS.get(table, table))
    title = getattr(record, "title", None) or getattr(record, "name", None) or ""
    return f"{kind[:1].upper()}{kind[1:]}: {links.shorten(str(title))}"
