"""Logging to a rotating file in the log folder; tracebacks go there, never to users.

The log is private (600 in a 700 folder) and scrubbed like a crash report:
quoted values, SQL parameters, e-mails and long numbers are removed from every
message, and exception messages (free text that may quote a pupil's name) keep
only their program vocabulary. A log that cannot be written (a full disk) is
silently skipped: it must never turn into a second error on the user's screen.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
from pathlib import Path

from app.crash_report import scrub_line, scrub_traceback_line
from app.private_files import FILE_MODE, private_folder

LOG_NAME = "plan-oswiaty.log"


class ScrubbingFormatter(logging.Formatter):
    """Formats as usual, then removes personal data line by line."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler (or an earlier call) may have cached the unscrubbed traceback.
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatMessage(self, record: logging.LogRecord) -> str:
        return scrub_line(super().formatMessage(record))

    def formatException(self, ei: object) -> str:
        text = super().formatException(ei)  # type: ignore[arg-type]
        return "\n".join(scrub_traceback_line(line) for line in text.splitlines())

    def formatStack(self, stack_info: str) -> str:
        return "\n".join(scrub_line(line) for line in stack_info.splitlines())


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file created readable by its owner only, quiet when the disk is full."""

    def _open(self):  # type: ignore[no-untyped-def]  # logging's own signature
        if not os.path.exists(self.baseFilename):
            descriptor = os.open(self.baseFilename, os.O_CREAT | os.O_WRONLY, FILE_MODE)
            os.close(descriptor)
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, FILE_MODE)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """A full disk or a vanished folder: drop the record instead of printing a traceback."""


def setup(folder: Path, *, verbose: bool = False) -> Path | None:
    """Log to ``folder/plan-oswiaty.log`` (1 MB × 5); returns the file, or None if unwritable."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    path = folder / LOG_NAME
    for handler in list(root.handlers):
        if getattr(handler, "_plan_oswiaty", False):
            root.removeHandler(handler)
            with contextlib.suppress(OSError):
                handler.close()
    try:
        private_folder(folder)
        handler = PrivateLogHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._plan_oswiaty = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
