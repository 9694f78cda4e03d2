"""Erase deleted records from the backups too ("Usuń trwale także z kopii zapasowych").

Backups made before a deletion still hold the record's content until they
roll over. On request, each backup is rewritten without it: the records get
the same tombstone as in the live file (content blanked, deletion time set),
their search text is removed, and the file is vacuumed so no free page keeps
the old bytes. Each backup is rewritten on a copy that then replaces it, so a
crash leaves either the old backup or the new one, never half of one.

Rewriting rather than deleting older backups keeps every other restore point:
only the deleted records change in them. A backup this program cannot rewrite
(another schema, damaged) is counted and left alone, and said so.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.model import RECORD_TYPES
from app.storage.tombstones import BLANKS, Saved, sql_value

_SUFFIX = ".sqlite"


@dataclass(frozen=True)
class BackupErasure:
    rewritten: int
    skipped: int


def erase_from_backups(
    folder: Path,
    saved: Saved,
    stamp: datetime,
    cancelled: Callable[[], bool] = lambda: False,
) -> BackupErasure:
    """Rewrite every backup in ``folder`` with the records of ``saved`` as tombstones."""
    rewritten = skipped = 0
    paths = sorted(folder.glob(f"*{_SUFFIX}")) if folder.is_dir() else []
    for path in paths:
        if cancelled():
            break
        try:
            _rewrite(path, saved, stamp)
            rewritten += 1
        except (sqlite3.Error, OSError):
            skipped += 1
    return BackupErasure(rewritten, skipped)


def _rewrite(path: Path, saved: Saved, stamp: datetime) -> None:
    work = path.with_name(path.name + ".erase.part")
    try:
        work.write_bytes(path.read_bytes())
        connection = sqlite3.connect(work)
        try:
            connection.execute("PRAGMA secure_delete = ON")
            with connection:
                for record_id, table in saved.tables.items():
                    _erase_row(connection, table, record_id, stamp)
                ids = list(saved.tables)
                marks = ",".join("?" * len(ids))
                connection.execute(f"DELETE FROM search_doc WHERE record_id IN ({marks})", ids)
                connection.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
            connection.execute("VACUUM")
        finally:
            connection.close()
        with work.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(work, path)
    finally:
        work.unlink(missing_ok=True)


def _erase_row(connection: sqlite3.Connection, table: str, record_id: str, stamp: datetime) -> None:
    blanks = BLANKS[RECORD_TYPES[table]]
    names = sorted(blanks)
    assignments = ", ".join([*(f"{name} = ?" for name in names), "deleted_at = ?"])
    values: list[Any] = [sql_value(blanks[name]) for name in names]
    values += [stamp.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" "), record_id]
    connection.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", values)
