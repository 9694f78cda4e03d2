"""Deleted records keep no content: a tombstone is its id, its links, its times and nothing else.

When a record is deleted its content columns are overwritten at once with
fixed blank values (``PRAGMA secure_delete`` zeroes the old bytes on the
page; the search index drops the text); only what the merge and the undo
chain need stays: the id, the municipality and parent links, the creation,
edit and deletion times. Exchange files therefore carry no deleted content
either. Undo within a session restores from a copy kept in memory
(:class:`Saved`), never from the file.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Date, Engine, Float, Integer, String, Text, text
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.exc import OperationalError

from app.model import RECORD_CLASSES, Record
from app.model.base import UTCDateTime

log = logging.getLogger(__name__)

KEPT = frozenset({"id", "municipality_id", "created_at", "updated_at", "deleted_at"})
BLANK_DATE = date(2000, 1, 1)


def _blank(column: Any) -> Any:
    sql_type = column.type
    if column.nullable:
        return None
    if isinstance(sql_type, SqlEnum):
        default = getattr(column.default, "arg", None)
        if isinstance(default, enum.Enum):
            return default.value
        members = list(sql_type.enum_class or ())
        return members[0].value if members else ""
    if isinstance(sql_type, JSON):
        return []
    if isinstance(sql_type, Boolean):
        return False
    if isinstance(sql_type, Integer | Float):
        return 0
    if isinstance(sql_type, Date):
        return BLANK_DATE
    if isinstance(sql_type, String | Text):
        return ""
    raise TypeError(f"no blank value for {sql_type!r}")


def _content_columns(cls: type[Record]) -> dict[str, Any]:
    blanks = {}
    for column in cls.__table__.columns:
        if column.key in KEPT or column.foreign_keys or isinstance(column.type, UTCDateTime):
            continue
        blanks[column.key] = _blank(column)
    return blanks


BLANKS: dict[type[Record], dict[str, Any]] = {cls: _content_columns(cls) for cls in RECORD_CLASSES}


def _python(cls: type[Record], name: str, value: Any) -> Any:
    """The blank as the ORM attribute expects it (enums as members)."""
    column = cls.__table__.columns[name]
    if value is not None and isinstance(column.type, SqlEnum) and column.type.enum_class:
        return column.type.enum_class(value)
    return value


@dataclass(frozen=True)
class Saved:
    """The content of deleted records, kept in memory so that undo can bring it back."""

    values: dict[str, dict[str, Any]]  # record id → column → value
    tables: dict[str, str] = field(default_factory=dict)  # record id → table

    def restore_into(self, record: Record) -> None:
        for name, value in self.values.get(record.id, {}).items():
            setattr(record, name, value)


def keep(records: Iterable[Record]) -> Saved:
    kept = list(records)
    return Saved(
        {
            record.id: {name: getattr(record, name) for name in BLANKS[type(record)]}
            for record in kept
        },
        {record.id: record.__tablename__ for record in kept},
    )


def python_blanks(cls: type[Record]) -> dict[str, Any]:
    return {name: _python(cls, name, value) for name, value in BLANKS[cls].items()}


def erase(record: Record) -> None:
    """Overwrite the content of a record being deleted (its links and times stay)."""
    for name, value in python_blanks(type(record)).items():
        setattr(record, name, value)


def is_blank(cls: type[Record], values: dict[str, Any]) -> bool:
    return all(values.get(name) == value for name, value in BLANKS[cls].items())


def scrub(connection: Connection) -> int:
    """Erase the content of tombstones written before tombstones were kept empty.

    Plain SQL (no session hooks: nothing about the records changes but the
    erased text); returns how many rows were erased.
    """
    erased = 0
    for cls, blanks in BLANKS.items():
        table = cls.__tablename__
        if not blanks:
            continue
        names = sorted(blanks)
        assignments = ", ".join(f"{name} = :b_{name}" for name in names)
        differs = " OR ".join(f"{name} IS NOT :b_{name}" for name in names)
        params = {f"b_{name}": sql_value(blanks[name]) for name in names}
        result = connection.execute(
            text(f"UPDATE {table} SET {assignments} WHERE deleted_at IS NOT NULL AND ({differs})"),
            params,
        )
        erased += result.rowcount or 0
    if erased:
        connection.execute(
            text(
                "DELETE FROM search_doc WHERE record_id IN ("
                + " UNION ALL ".join(
                    f"SELECT id FROM {cls.__tablename__} WHERE deleted_at IS NOT NULL"
                    for cls in BLANKS
                )
                + ")"
            )
        )
    return erased


def sql_value(value: Any) -> Any:
    if isinstance(value, list):
        return "[]"
    if isinstance(value, date):
        return value.isoformat()
    return value


def scrub_store(engine: Engine) -> None:
    """On open: erase what older versions left in tombstones, then purge it for good.

    Best effort: when another program holds the file, the next open does it.
    """
    try:
        with engine.begin() as connection:
            erased = scrub(connection)
        if erased:
            purge(engine)
    except OperationalError as error:
        log.warning("tombstones not erased yet: %s", type(error).__name__)


def purge(engine: Engine) -> None:
    """Merge the search index (dropping the erased words) and empty the write-ahead log.

    Both are quick for a municipality's data; a busy reader only postpones the
    checkpoint, and the next one finishes it.
    """
    try:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO search_index(search_index) VALUES ('optimize')"))
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except OperationalError as error:  # busy: the next deletion or open finishes it
        log.warning("erased text not purged yet: %s", type(error).__name__)
