"""Where the program keeps its data, backups and logs.

By default the platform's per-user folders (``platformdirs``); ``--data-dir``
or the ``PLAN_OSWIATY_DATA_DIR`` variable put everything in one folder instead
(a portable copy on a USB stick, or a test's temporary folder).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app.version import APP_ID

ENV_DATA_DIR = "PLAN_OSWIATY_DATA_DIR"
DATABASE_NAME = "plan-oswiaty.sqlite"


@dataclass(frozen=True)
class DataPaths:
    root: Path
    logs: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def lock(self) -> Path:
        return self.root / "plan-oswiaty.lock"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"


def resolve(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    """The folders to use: ``data_dir``, else the environment variable, else per-user."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return DataPaths(root=root, logs=root / "logs")
    return DataPaths(
        root=Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=False)),
        logs=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
    )
