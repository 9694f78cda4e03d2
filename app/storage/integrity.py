"""Is a file a healthy Plan Oświaty database? ``PRAGMA quick_check`` and friends."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.storage.engine import connect_raw

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    problems: tuple[str, ...] = ()


def check_file(path: Path) -> CheckResult:
    """Check ``path`` without changing it: header, ``quick_check``, foreign keys."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        return CheckResult(False, (f"open: {error.strerror or error}",))
    if header != SQLITE_MAGIC:
        return CheckResult(False, ("not an SQLite database",))
    try:
        connection = connect_raw(path)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
            problems = [str(row[0]) for row in rows if row[0] != "ok"]
            if not problems:
                fk_rows = connection.execute("PRAGMA foreign_key_check").fetchall()
                problems = [f"foreign key: {row[0]} rowid {row[1]} → {row[2]}" for row in fk_rows]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return CheckResult(False, (str(error),))
    return CheckResult(not problems, tuple(problems[:20]))
