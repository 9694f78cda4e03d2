"""The first look's file: what the first page showed, kept between two runs of the program.

When the window closes, what its first page shows is written here together
with the identity of the data file at that moment (size, modification time and
header bytes of the file and of its WAL). At the next start it is read before
the data layer is loaded, and used only if the data file is still that file and
the program, the language, the day and the municipality are the same — else it
is ignored and the page is read from the store as usual.

Opening the store for writing removes it (:meth:`app.storage.store.Store.open`),
so it never exists while the data are open: a crash, a change by another copy of
the program or by a command cannot leave one behind that outlives the data it
shows. It holds the same kind of data as the data file, and is private like it.

Reading never raises: a missing, damaged, foreign, huge or newer file is simply
not used. Writing never raises either: without it the next start is only slower.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from app.private_files import restrict
from app.storage.fingerprint import MISSING, fingerprint, wal_of

log = logging.getLogger(__name__)

NAME = "first-look.json"
FORMAT = 1
MAX_BYTES = 4_000_000  # a first page of a few hundred items is some 100 kB
DATABASE_HEADER = 100  # SQLite's file header: change counter, page count, schema cookie
WAL_HEADER = 32  # checkpoint sequence and salts: new after every checkpoint


def path_in(root: Path) -> Path:
    return root / NAME


def identity(database: Path) -> list[Any]:
    """What must be equal for the data file to be the one the first look was taken of.

    An empty WAL holds no data (it is only the sign that a connection was open),
    so it counts as no WAL.
    """
    (db_size, db_time), wal = fingerprint(database)
    if wal[0] <= 0:
        wal = list(MISSING)
    return [
        [db_size, db_time, _inode(database), _head(database, DATABASE_HEADER)],
        [*wal, _head(wal_of(database), WAL_HEADER) if wal != MISSING else ""],
    ]


def save(root: Path, database: Path, context: dict[str, str], look: dict[str, Any]) -> bool:
    """Write the first look of ``database`` (closed now); False (and a log line) if it cannot be."""
    target = path_in(root)
    temporary = target.with_name(target.name + ".part")
    content = {"format": FORMAT, "context": context, "file": identity(database), "look": look}
    try:
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        # Created private (the look names people, like the data file does).
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        restrict(temporary)
        os.replace(temporary, target)
    except (OSError, TypeError, ValueError) as error:
        log.warning("first look not saved: %s", error)
        temporary.unlink(missing_ok=True)
        return False
    return True


def load(root: Path, database: Path, context: dict[str, str]) -> dict[str, Any] | None:
    """The saved look if it was taken of this very data file in this ``context``, else None."""
    target = path_in(root)
    try:
        if target.stat().st_size > MAX_BYTES:
            return None
        content = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # missing, unreadable, not UTF-8, not JSON
        return None
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        return None
    if content.get("context") != context or content.get("file") != identity(database):
        return None
    look = content.get("look")
    return look if isinstance(look, dict) else None


def discard(root: Path) -> None:
    """Remove the saved look (the data are being opened: it would soon be out of date)."""
    for path in (path_in(root), path_in(root).with_name(NAME + ".part")):
        try:
            path.unlink(missing_ok=True)
        except OSError as error:  # it is still never used: the file's identity will differ
            log.warning("cannot remove %s: %s", path, error)


def _inode(path: Path) -> int:
    try:
        return path.stat().st_ino
    except OSError:
        return -1


def _head(path: Path, size: int) -> str:
    try:
        with open(path, "rb") as stream:
            return stream.read(size).hex()
    except OSError:
        return ""
