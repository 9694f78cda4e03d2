"""A municipality's data frozen into one text, and thawed into a store of its own.

A closed school year keeps the JST's live records serialised exactly as exchange
files serialise them (:mod:`app.exchange.codec`), as one JSON document (sorted,
so the same data always gives the same text and hash), compressed with zlib and
written as base64 text. Thawing loads the records into a fresh in-memory SQLite
database of the same schema, behind a :class:`~app.storage.store.Store`, so every
service and report that reads a store works on the frozen state unchanged. The
thawed store is read-only: SQLite refuses every write (``PRAGMA query_only``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, event, insert
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from app.errors import UserError
from app.exchange import codec
from app.exchange import format as fmt
from app.exchange.codec import Wire
from app.exchange.export import live_rows
from app.i18n import _
from app.model import Base, action_school
from app.paths import DataPaths
from app.storage.store import Store

PAYLOAD_FORMAT = 1
# The tables a snapshot holds: everything of the JST but the snapshots themselves.
FROZEN_TABLES: tuple[str, ...] = tuple(
    table for table in fmt.tables_of(fmt.ALL_PARTS) if table not in fmt.SNAPSHOT_TABLES
)


@dataclass(frozen=True)
class Frozen:
    payload: str  # base64 of the zlib-compressed JSON
    content_hash: str  # SHA-256 of the JSON
    record_count: int


def freeze(session: Session, municipality_id: str) -> Frozen:
    """The municipality's live records as one compressed, deterministic text."""
    records = {table: live_rows(session, table, municipality_id) for table in FROZEN_TABLES}
    document = {"format": PAYLOAD_FORMAT, "records": records}
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    data = text.encode("utf-8")
    packed = base64.b64encode(zlib.compress(data, 9)).decode("ascii")
    count = sum(len(rows) for rows in records.values())
    return Frozen(packed, hashlib.sha256(data).hexdigest(), count)


def thaw(payload: str) -> dict[str, list[Wire]]:
    """The records a payload holds, by table; a damaged payload is a UserError."""
    try:
        data = zlib.decompress(base64.b64decode(payload.encode("ascii"), validate=True))
        document = json.loads(data.decode("utf-8"))
        records = document["records"]
        if not isinstance(records, dict):
            raise TypeError("records")
    except (binascii.Error, zlib.error, ValueError, KeyError, TypeError, UnicodeError):
        raise UserError(_("Zapis zamkniętego roku szkolnego jest uszkodzony.")) from None
    return {table: list(rows) for table, rows in records.items() if table in codec.TABLES}


def memory_store(paths: DataPaths, records: dict[str, list[Wire]]) -> Store:
    """A read-only store in memory holding ``records`` (close it when done)."""
    engine = _memory_engine()
    Base.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        for table in fmt.TABLE_ORDER:
            rows = [_values(table, wire) for wire in records.get(table, [])]
            if rows:
                session.execute(insert(codec.TABLES[table]), rows)
        links = [
            {"action_id": wire["id"], "school_id": school_id}
            for wire in records.get("action", [])
            for school_id in wire.get(codec.SCHOOLS, [])
        ]
        if links:
            session.execute(insert(action_school), links)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA query_only = ON")
    return Store(paths, engine, None)


def _memory_engine() -> Engine:
    engine = create_engine(
        "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
    )
    event.listen(engine, "connect", _foreign_keys_off)
    return engine


def _foreign_keys_off(dbapi_connection: Any, _record: Any) -> None:
    # The frozen records are whole already; links to records deleted before the
    # year was closed must not stop them loading.
    dbapi_connection.execute("PRAGMA foreign_keys = OFF")


def _values(table: str, wire: Wire) -> dict[str, Any]:
    """Column values of a frozen record; columns a later program added take their defaults."""
    return {
        column.name: codec.python_values_of(column, wire[column.name])
        for column in codec.COLUMNS[table]
        if column.name in wire
    }
