"""The integrity check of a store being opened, run beside the window's first reads.

Opening a large file used to wait for ``quick_check`` and ``foreign_key_check``
before anything was shown. With a gate the check (and the start backup after it)
runs on a worker thread over its own connection — sqlite3 releases the GIL, so it
overlaps the window's work — while reads go ahead. The first statement that could
write waits for the check: it then lands, or, when the file is damaged, is refused
with the check's error (:class:`~app.storage.store.DatabaseDamaged`), so nothing
is ever written to a damaged file.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

# Statements that only read: they need not wait for the check.
_READS = ("SELECT",)
# Virtual-machine steps between two looks at the cancel flag (a few µs of work).
_PROGRESS_STEPS = 10_000


class IntegrityGate:
    """Runs ``check`` (which raises on a bad file) on a thread; holds writes until it ends.

    ``after`` runs on the same thread once the check has passed and writes are free
    (best-effort upkeep that writes, such as erasing old tombstones).
    """

    def __init__(self, check: Callable[[], None], after: Callable[[], None] | None = None) -> None:
        self._check = check
        self._after = after
        self._done = threading.Event()
        self._error: BaseException | None = None
        self._cancelled = False
        self._connections: list[sqlite3.Connection] = []
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        try:
            self._check()
        except BaseException as error:  # handed to whoever writes (or asks) next
            if not self._cancelled:
                self._error = error
        finally:
            self._done.set()
        if self._after is not None and self._error is None and not self._cancelled:
            try:
                self._after()
            except Exception:  # upkeep only: the next open does it again
                log.exception("upkeep after the integrity check failed")

    def connection_opened(self, connection: sqlite3.Connection) -> None:
        """The check's own connection, so that :meth:`cancel` can interrupt it.

        ``interrupt()`` stops only a statement already running; the progress handler
        also stops one that starts after :meth:`cancel` was called.
        """
        connection.set_progress_handler(self._stop_requested, _PROGRESS_STEPS)
        self._connections.append(connection)

    def _stop_requested(self) -> int:
        return 1 if self._cancelled else 0

    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called (the store is closing)."""
        return self._cancelled

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def error(self) -> BaseException | None:
        """Why the file may not be written (``None`` while the check runs or when it passed)."""
        return self._error if self._done.is_set() else None

    def wait(self) -> None:
        """Block until the check has ended; raise its error if the file is bad."""
        self._done.wait()
        if self._error is not None:
            raise self._error

    def cancel(self) -> None:
        """The store closes: stop the check (its connection is interrupted) and wait for it."""
        self._cancelled = True
        for connection in self._connections:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed already
                connection.interrupt()
        if self._thread.is_alive():
            self._thread.join()

    def before_execute(
        self,
        _connection: Any,
        _cursor: Any,
        statement: str,
        _parameters: Any,
        _context: Any,
        _executemany: bool,
    ) -> None:
        """SQLAlchemy's ``before_cursor_execute``: a write waits for (and obeys) the check."""
        if self._done.is_set() and self._error is None:
            return
        if statement.lstrip()[:6].upper() in _READS:
            return
        if not self._done.is_set():
            log.info("a write waits for the integrity check")
        self.wait()
