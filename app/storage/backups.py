"""Rolling automatic backups made with SQLite's online backup API, and restore."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors import UserError
from app.i18n import _
from app.storage import migrate
from app.storage.engine import connect_raw
from app.storage.integrity import check_file

KEEP_PER_REASON = 10
_NAME = re.compile(r"^plan-oswiaty-(\d{8}-\d{6})(?:-(\d+))?-([a-z-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    # Backups taken within the same second are numbered 1, 2, … after the first (0).
    sequence: int = 0


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first."""
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            stamp = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            found.append(BackupInfo(path, stamp, match.group(3), int(match.group(2) or 0)))
    # Not by name: "…-074900-manual" is older than "…-074900-10-manual" and "…-2-…".
    found.sort(key=lambda info: (info.taken_at, info.sequence, info.path.name), reverse=True)
    return found


def copy_database(source: Path, target: Path) -> None:
    """Copy a live database consistently (WAL included) with the backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".part")
    temporary.unlink(missing_ok=True)
    src = connect_raw(source, readonly=True)
    try:
        dst = sqlite3.connect(str(temporary))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    temporary.replace(target)


def make_backup(database: Path, folder: Path, reason: str, *, target: Path | None = None) -> Path:
    """Back ``database`` up into ``folder`` (or to ``target``) and prune old ones."""
    if target is None:
        target = _new_name(folder, reason)
    try:
        copy_database(database, target)
    except (OSError, sqlite3.Error) as error:
        raise UserError(
            _("Nie udało się wykonać kopii zapasowej do {path}: {error}").format(
                path=target, error=error
            )
        ) from None
    prune(folder, reason)
    return target


def _new_name(folder: Path, reason: str) -> Path:
    """A name that sorts after every backup taken so far, even within the same second.

    The number goes past the highest one in use: reusing a number freed by pruning
    would make the newest backup look like the oldest, and the next prune delete it.
    """
    now = datetime.now().replace(microsecond=0)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    used = [info.sequence for info in list_backups(folder) if info.taken_at == now]
    sequence = max(used, default=-1) + 1
    while True:
        number = f"-{sequence}" if sequence else ""
        target = folder / f"plan-oswiaty-{stamp}{number}-{reason}.sqlite"
        if not target.exists():
            return target
        sequence += 1


def prune(folder: Path, reason: str, keep: int = KEEP_PER_REASON) -> None:
    same_reason = [info for info in list_backups(folder) if info.reason == reason]
    for info in same_reason[keep:]:
        info.path.unlink(missing_ok=True)


def newest_good_backup(folder: Path) -> Path | None:
    for info in list_backups(folder):
        if check_file(info.path).ok:
            return info.path
    return None


def restore_into(backup: Path, database: Path, folder: Path) -> None:
    """Replace ``database`` by a checked copy of ``backup``.

    The current file is kept first: as a backup if it is healthy, or moved aside
    (``damaged``) if it is not, so a restore never destroys anything. The caller
    holds the instance lock and has no open connection to ``database``.
    """
    result = check_file(backup)
    if not result.ok or not _looks_like_ours(backup):
        raise UserError(
            _("Plik {path} nie jest poprawną kopią bazy Plan Oświaty — nic nie zmieniono.").format(
                path=backup
            )
        )
    # A copy made by a newer version would be restored only to be refused on opening.
    migrate.refuse_newer(migrate.revision_in_file(backup, readonly=True))
    if database.exists():
        if check_file(database).ok:
            make_backup(database, folder, "before-restore")
        else:
            _move_aside(database, folder)
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    copy_database(backup, database)


def _move_aside(database: Path, folder: Path) -> Path:
    """Move a damaged data file (with its WAL, which may hold the newest data) to ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"damaged-{stamp}.sqlite"
    counter = 1
    while target.exists():
        target = folder / f"damaged-{stamp}-{counter}.sqlite"
        counter += 1
    for suffix in ("-wal", "-shm"):
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    database.replace(target)
    return target


def _looks_like_ours(path: Path) -> bool:
    connection = connect_raw(path, readonly=True)
    try:
        names = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return {"alembic_version", "municipality"} <= names
