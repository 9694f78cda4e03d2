"""Logging to a rotating file in the log folder; tracebacks go there, never to users."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "plan-oswiaty.log"


def setup(folder: Path, *, verbose: bool = False) -> Path | None:
    """Log to ``folder/plan-oswiaty.log`` (1 MB × 5); returns the file, or None if unwritable."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    path = folder / LOG_NAME
    for handler in list(root.handlers):
        if getattr(handler, "_plan_oswiaty", False):
            root.removeHandler(handler)
            handler.close()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._plan_oswiaty = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
