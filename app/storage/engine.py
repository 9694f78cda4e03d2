"""The SQLAlchemy engine over one SQLite file, with safe pragmas on every connection."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Deleted content is overwritten with zeros, not left in free pages.
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed transaction survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def make_engine(database: Path) -> Engine:
    # URL.create, not an f-string: "#", "%" or "?" in a folder name must stay part of the path.
    engine = create_engine(URL.create("sqlite", database=str(database)), future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def connect_raw(database: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A plain sqlite3 connection (for checks and backups, outside SQLAlchemy)."""
    if readonly:
        uri = f"{database.resolve().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        connection = sqlite3.connect(str(database), timeout=BUSY_TIMEOUT_MS / 1000)
    return connection
