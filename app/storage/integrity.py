"""Is a file a healthy Plan Oświaty database? ``PRAGMA quick_check`` and friends."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.i18n import _
from app.storage.disk import is_no_space, no_space_message
from app.storage.engine import connect_raw

SQLITE_MAGIC = b"SQLite format 3\x00"


# SQLite's answers that say the file cannot be read now (rights, a lock), not that it is bad.
_ACCESS_ERRORS = {
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_BUSY,
    sqlite3.SQLITE_LOCKED,
}


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    problems: tuple[str, ...] = ()
    # Could not be read at all (no rights, a read-only folder, a lock): not damage.
    unreadable: bool = False
    # A full disk or an I/O error stopped the check: not damage either.
    no_space: bool = False

    @property
    def damaged(self) -> bool:
        """The file itself is bad (not merely out of reach for now)."""
        return not (self.ok or self.unreadable or self.no_space)


def unreadable_message(path: Path, result: CheckResult) -> str:
    return _(
        "Nie można odczytać pliku danych {path} ({problem}). Sprawdź, czy folder danych "
        "nie jest tylko do odczytu i czy plik nie jest otwarty w innym programie."
    ).format(path=path, problem="; ".join(result.problems))


def reach_message(path: Path, result: CheckResult) -> str:
    """Why a file that is not damaged could not be checked: a full disk, or no access."""
    return no_space_message() if result.no_space else unreadable_message(path, result)


def check_file(
    path: Path,
    *,
    thorough: bool = True,
    connection_opened: Callable[[sqlite3.Connection], None] | None = None,
) -> CheckResult:
    """Check ``path`` without changing it: header, ``quick_check``, foreign keys.

    ``thorough=False`` reads only the header and the schema (milliseconds instead of
    a full pass over the file): enough for read-only opens, which cannot make
    damage worse and meet any damaged page with a clear message anyway.
    ``connection_opened`` is given the check's own connection (closed when it ends).
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        problem = (f"open: {error.strerror or error}",)
        return CheckResult(False, problem, unreadable=True, no_space=is_no_space(error))
    if not header:
        return CheckResult(False, ("the file is empty (0 bytes)",))
    if header != SQLITE_MAGIC:
        return CheckResult(False, ("not an SQLite database",))
    try:
        connection = connect_raw(path)
        try:
            if connection_opened is not None:
                connection_opened(connection)
            if not thorough:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return CheckResult(True)
            rows = connection.execute("PRAGMA quick_check").fetchall()
            problems = [str(row[0]) for row in rows if row[0] != "ok"]
            if not problems:
                fk_rows = connection.execute("PRAGMA foreign_key_check").fetchall()
                problems = [f"foreign key: {row[0]} rowid {row[1]} → {row[2]}" for row in fk_rows]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        code = getattr(error, "sqlite_errorcode", None)
        unreadable = code is not None and code & 0xFF in _ACCESS_ERRORS
        return CheckResult(False, (str(error),), unreadable, no_space=is_no_space(error))
    return CheckResult(not problems, tuple(problems[:20]))


def is_foreign(path: Path) -> bool:
    """True for an SQLite file with tables of its own but none of ours (another program's).

    A file without any table is a new one that a first start did not finish.
    """
    connection = connect_raw(path, readonly=True)
    try:
        names = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    finally:
        connection.close()
    return bool(names) and "alembic_version" not in names
