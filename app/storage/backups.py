"""Rolling automatic backups made with SQLite's online backup API.

Backups are ordered by a sequence number in their names, not by the clock: a
clock set back (or a backup stamped in the future) must neither prune the
backup just made nor make an old one look "latest". Names are
``plan-oswiaty-s000042-20261203-173455-manual.sqlite``; the older form without
``s…`` is still read, as older than every numbered one.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors import UserError
from app.i18n import _
from app.private_files import private_file, private_folder, restrict
from app.storage import migrate
from app.storage.disk import backup_no_space_message, is_no_space
from app.storage.engine import connect_raw
from app.storage.fingerprint import fingerprint
from app.storage.integrity import check_file

log = logging.getLogger(__name__)

KEEP_PER_REASON = 10
# How many backups of each kind are kept: a row of the ``setting`` table (Settings dialog).
KEEP_SETTING = "backup_count"
KEEP_LIMITS = (1, 100)
# Reasons that are not restore points of their own for ``restore --latest``.
NOT_LATEST = frozenset({"before-restore"})
FINGERPRINT = "last-backup.json"
# A ``.part`` younger than this may still be written by another command.
STALE_PART_SECONDS = 5.0
_NAME = re.compile(r"^plan-oswiaty-(?:s(\d+)-)?(\d{8}-\d{6})(?:-(\d+))?-([a-z-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    # The order in which backups were made (0 for backups named before numbering).
    sequence: int = 0
    # Older backups taken within the same second were numbered 1, 2, … after the first.
    same_second: int = 0


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest (highest sequence) first."""
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            try:
                stamp = datetime.strptime(match.group(2), "%Y%m%d-%H%M%S")
            except ValueError:
                continue
            sequence, same_second = int(match.group(1) or 0), int(match.group(3) or 0)
            found.append(BackupInfo(path, stamp, match.group(4), sequence, same_second))
    found.sort(
        key=lambda info: (info.sequence, info.taken_at, info.same_second, info.path.name),
        reverse=True,
    )
    return found


def copy_database(source: Path, target: Path) -> None:
    """Copy a live database consistently (WAL included) with the backup API.

    The copy is written to ``target.part`` and renamed when complete, so a
    target is never half-written; the ``.part`` is removed when copying fails.
    """
    private_folder(target.parent)
    temporary = target.with_name(target.name + ".part")
    temporary.unlink(missing_ok=True)
    try:
        private_file(temporary)  # sqlite3 would create it readable by everyone
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
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def make_backup(database: Path, folder: Path, reason: str, *, target: Path | None = None) -> Path:
    """Back ``database`` up into ``folder`` (or to ``target``) and prune old ones."""
    own = target is None
    if target is None:
        target = _new_name(folder, reason)
    try:
        copy_database(database, target)
    except (OSError, sqlite3.Error) as error:
        log.warning("backup to %s failed: %s", target, error)
        if is_no_space(error) and reason != "manual":
            raise UserError(backup_no_space_message()) from None
        raise UserError(
            _("Nie udało się wykonać kopii zapasowej do {path}: {error}").format(
                path=target, error=getattr(error, "strerror", None) or error
            )
        ) from None
    if own:
        remember_fingerprint(database, folder)
        prune(folder, reason, keep=kept_count(database), keep_path=target)
    return target


def kept_count(database: Path) -> int:
    """How many backups of a kind to keep: the user's setting, else :data:`KEEP_PER_REASON`.

    Read with plain SQLite: backups are also made before a migration, when the
    database may not fit the program's model yet.
    """
    try:
        connection = connect_raw(database, readonly=True)
        try:
            row = connection.execute(
                "SELECT value FROM setting WHERE key = ?", (KEEP_SETTING,)
            ).fetchone()
        finally:
            connection.close()
        count = int(row[0]) if row else KEEP_PER_REASON
    except (sqlite3.Error, ValueError, TypeError):
        return KEEP_PER_REASON
    low, high = KEEP_LIMITS
    return count if low <= count <= high else KEEP_PER_REASON


def _new_name(folder: Path, reason: str) -> Path:
    """The next number after every backup in ``folder``, and the time for people to read."""
    sequence = max((info.sequence for info in list_backups(folder)), default=0) + 1
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    while True:
        target = folder / f"plan-oswiaty-s{sequence:06d}-{stamp}-{reason}.sqlite"
        if not target.exists():
            return target
        sequence += 1


def prune(
    folder: Path, reason: str, keep: int = KEEP_PER_REASON, keep_path: Path | None = None
) -> None:
    """Keep the ``keep`` newest of ``reason`` (and always ``keep_path``, the one just made)."""
    same_reason = [info for info in list_backups(folder) if info.reason == reason]
    for info in same_reason[keep:]:
        if info.path != keep_path:
            info.path.unlink(missing_ok=True)


def newest_good_backup(folder: Path, *, for_latest: bool = False) -> Path | None:
    """The newest backup that is healthy, ours and not from a newer program version.

    ``for_latest`` leaves out the copies made just before a restore: otherwise a
    second ``restore --latest`` would undo the first.
    """
    for info in list_backups(folder):
        if for_latest and info.reason in NOT_LATEST:
            continue
        if check_file(info.path).ok and _restorable(info.path):
            return info.path
    return None


def _restorable(path: Path) -> bool:
    try:
        revision = migrate.revision_in_file(path, readonly=True)
    except sqlite3.Error:
        return False
    return revision is None or revision in migrate.known_revisions()


# -- has the data file changed since the last backup? ------------------------


def remember_fingerprint(database: Path, folder: Path) -> None:
    path = folder / FINGERPRINT
    try:
        path.write_text(json.dumps({"database": fingerprint(database)}), encoding="utf-8")
        restrict(path)
    except OSError:
        log.warning("cannot write %s", path)


def changed_since_backup(database: Path, folder: Path) -> bool:
    if not list_backups(folder):
        return True
    try:
        saved = json.loads((folder / FINGERPRINT).read_text(encoding="utf-8"))["database"]
    except (OSError, ValueError, KeyError, TypeError):
        return True
    current = fingerprint(database)
    if not isinstance(saved, list) or len(saved) != len(current):
        return True
    # An empty WAL is only the sign of an open connection, not of a change.
    if current[1][0] <= 0 and saved[1][0] <= 0:
        return bool(current[0] != saved[0])
    return bool(current != saved)


def remove_stale_parts(*folders: Path) -> int:
    """Remove ``.part`` files left by interrupted backups and restores (full copies of data)."""
    removed = 0
    now = time.time()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.glob("*.part"):
            try:
                if abs(now - path.stat().st_mtime) >= STALE_PART_SECONDS:
                    path.unlink()
                    removed += 1
            except OSError:
                log.warning("cannot remove %s", path)
    if removed:
        log.info("removed %d unfinished copies", removed)
    return removed
