"""Has the data file changed? Its size and modification time, and those of its WAL.

Compared for equality, never for "newer": a clock set back makes a change look
older than the state remembered, but not equal to it. Plain ``os.stat``: this is
read at start-up before the data layer (SQLAlchemy) is loaded.
"""

from __future__ import annotations

from pathlib import Path

MISSING = [-1, -1]


def wal_of(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def fingerprint(database: Path) -> list[list[int]]:
    """``[[size, mtime_ns] of the data file, [size, mtime_ns] of its WAL]`` (-1: missing)."""
    parts: list[list[int]] = []
    for path in (database, wal_of(database)):
        try:
            stat = path.stat()
        except OSError:
            parts.append(list(MISSING))
            continue
        parts.append([stat.st_size, stat.st_mtime_ns])
    return parts
