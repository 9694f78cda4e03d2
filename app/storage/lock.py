"""One running instance per data folder: an OS-level lock on a lock file.

The lock is released by the operating system when the process dies, so a crash
never leaves a stale lock behind.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from app.errors import UserError
from app.i18n import _


class InstanceLock:
    def __init__(self, path: Path) -> None:
        self._lock = FileLock(str(path), timeout=0, is_singleton=False)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise UserError(
                _(
                    "Plan Oświaty jest już uruchomiony na tych danych (w innym oknie lub "
                    "przez inne polecenie). Zamknij go i spróbuj ponownie."
                )
            ) from None
        except OSError as error:
            raise UserError(
                _("Nie można utworzyć pliku blokady w folderze danych: {error}").format(
                    error=error.strerror or error
                )
            ) from None

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
