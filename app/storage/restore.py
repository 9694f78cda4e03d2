"""Restoring a backup: copy first, then swap atomically — never a folder without data.

Order of work: check the backup; copy it next to the data file (``.part``); keep
the current file (a ``before-restore`` backup if healthy, a ``damaged-…`` copy
if damaged); then rename the copy over the data file. A full disk or a kill at
any step leaves the old data file in place (or, once the copy is complete, the
restored one). A file that merely cannot be read now (no rights, full disk) is
not damaged: the restore is refused and the file left alone.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from app.errors import UserError
from app.i18n import _
from app.private_files import private_folder
from app.storage import backups, migrate
from app.storage.disk import is_no_space, no_space_message
from app.storage.engine import connect_raw
from app.storage.integrity import check_file, reach_message

log = logging.getLogger(__name__)

COMPANIONS = ("-wal", "-shm")


def restore_into(backup: Path, database: Path, folder: Path) -> None:
    """Replace ``database`` by a checked copy of ``backup``; nothing is ever lost.

    The caller holds the instance lock and has no open connection to ``database``.
    """
    check_backup(backup)
    staged = database.with_name(database.name + ".part")
    try:
        backups.copy_database(backup, staged)  # lands as ``staged``, complete
    except (OSError, sqlite3.Error) as error:
        staged.unlink(missing_ok=True)
        log.warning("restore copy of %s failed: %s", backup, error)
        if is_no_space(error):
            raise UserError(no_space_message()) from None
        raise UserError(
            _("Nie udało się skopiować kopii {path} — nic nie zmieniono.").format(path=backup)
        ) from None
    try:
        _keep_current(database, folder)
        for suffix in COMPANIONS:
            database.with_name(database.name + suffix).unlink(missing_ok=True)
        os.replace(staged, database)
    finally:
        staged.unlink(missing_ok=True)
    _sync_folder(database.parent)


def check_backup(backup: Path) -> None:
    """A UserError unless ``backup`` is a healthy Plan Oświaty file this version can open."""
    result = check_file(backup)
    if not result.ok and not result.damaged:
        raise UserError(reach_message(backup, result))
    if not result.ok or not _looks_like_ours(backup):
        raise UserError(
            _("Plik {path} nie jest poprawną kopią bazy Plan Oświaty — nic nie zmieniono.").format(
                path=backup
            )
        )
    # A copy made by a newer version would be restored only to be refused on opening.
    migrate.refuse_newer(migrate.revision_in_file(backup, readonly=True))


def _keep_current(database: Path, folder: Path) -> None:
    """Back the current file up, or keep a copy aside if it is damaged; refuse if unreadable."""
    if not database.exists() or database.stat().st_size == 0:
        return
    result = check_file(database)
    if result.ok:
        backups.make_backup(database, folder, "before-restore")
    elif result.damaged:
        set_aside(database, folder)
    else:
        raise UserError(reach_message(database, result))


def set_aside(database: Path, folder: Path) -> Path:
    """Keep a damaged data file (with its WAL, which may hold the newest data) in ``folder``.

    The data file itself stays in place (hard link or copy) until the restored copy
    replaces it, so the data folder is never without a data file.
    """
    private_folder(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"damaged-{stamp}.sqlite"
    counter = 1
    while target.exists():
        target = folder / f"damaged-{stamp}-{counter}.sqlite"
        counter += 1
    try:
        os.link(database, target)
    except OSError:
        try:
            shutil.copy2(database, target)
        except OSError as error:
            target.unlink(missing_ok=True)
            if is_no_space(error):
                raise UserError(no_space_message()) from None
            raise
    for suffix in COMPANIONS:
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            shutil.copy2(companion, target.with_name(target.name + suffix))
    log.warning("damaged data file kept as %s", target)
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name == "nt":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


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
