"""A full disk (or a failing one) is not damage: recognise it and say so in Polish.

SQLite reports a full disk as ``SQLITE_FULL`` but also, when it cannot create
the ``-shm`` file, as a plain ``disk I/O error``; the operating system as
``ENOSPC`` or ``EDQUOT``. None of them says anything about the file itself.
"""

from __future__ import annotations

import errno
import sqlite3

from app.i18n import _

_NO_SPACE_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EIO}
_NO_SPACE_CODES = {sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR}
_NO_SPACE_TEXTS = ("disk is full", "disk i/o error", "no space left")


def is_no_space(error: BaseException | None) -> bool:
    """True for a full disk or an I/O error, wherever it was raised (OS, sqlite3, SQLAlchemy)."""
    while error is not None:
        if isinstance(error, OSError) and error.errno in _NO_SPACE_ERRNOS:
            return True
        code = getattr(error, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _NO_SPACE_CODES:
            return True
        if any(text in str(error).lower() for text in _NO_SPACE_TEXTS):
            return True
        error = getattr(error, "orig", None) or error.__cause__
    return False


def no_space_message() -> str:
    return _(
        "Brak miejsca na dysku (lub błąd zapisu) w folderze danych — nic nie zostało zmienione. "
        "Zwolnij miejsce na dysku i spróbuj ponownie."
    )


def backup_no_space_message() -> str:
    return _(
        "Brak miejsca na dysku: nie można wykonać kopii zapasowej, więc dane nie zostały "
        "otwarte do zapisu. Zwolnij miejsce na dysku i spróbuj ponownie."
    )
