"""Where the program keeps its data, backups and logs.

By default the platform's per-user folders (``platformdirs``); ``--data-dir``
or the ``PLAN_OSWIATY_DATA_DIR`` variable put everything in one folder instead
(a test's temporary folder, or any folder the user chooses). A frozen copy with
a ``plan-oswiaty.portable`` file beside its executable is portable: it keeps
everything in ``dane/`` beside itself, so a USB stick carries program and data.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app.i18n import _
from app.version import APP_ID

ENV_DATA_DIR = "PLAN_OSWIATY_DATA_DIR"
DATABASE_NAME = "plan-oswiaty.sqlite"
PORTABLE_MARKER = "plan-oswiaty.portable"
PORTABLE_FOLDER = "dane"


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
    """The folders to use: ``data_dir``, the environment variable, portable, else per-user."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR) or portable_root()
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return DataPaths(root=root, logs=root / "logs")
    return DataPaths(
        root=Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=False)),
        logs=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
    )


def portable_root() -> Path | None:
    """``dane/`` beside a frozen executable that has the portable marker next to it.

    Only a frozen program (PyInstaller sets ``sys.frozen``) looks: beside a
    development interpreter the marker would mean nothing.
    """
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    if not (folder / PORTABLE_MARKER).is_file():
        return None
    return folder / PORTABLE_FOLDER


# Folders kept in sync by a cloud service: SQLite's WAL there loses or forks data.
SYNC_VARIABLES = ("OneDrive", "OneDriveConsumer", "OneDriveCommercial")
SYNC_NAMES = ("onedrive", "dropbox", "google drive", "icloud drive", "iclouddrive")


def synced_service(folder: Path, env: Mapping[str, str] | None = None) -> str | None:
    """The cloud service that syncs ``folder`` ("OneDrive", …), judged by path and variables."""
    environment = os.environ if env is None else env
    text = str(folder).replace("\\", "/").lower()
    for variable in SYNC_VARIABLES:
        root = environment.get(variable, "").replace("\\", "/").lower().rstrip("/")
        if root and (text == root or text.startswith(root + "/")):
            return "OneDrive"
    for part in text.split("/"):
        for name in SYNC_NAMES:
            if part == name or part.startswith((name + " -", name + "-")):
                return "OneDrive" if name == "onedrive" else part.split(" -")[0].title()
    return None


def local_data_folder() -> Path:
    """The per-user local (not roaming, not synced) application-data folder."""
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=False))


def sync_warning(data_paths: DataPaths, env: Mapping[str, str] | None = None) -> str | None:
    """A warning when the data folder is synced by a cloud service, proposing a local one."""
    service = synced_service(data_paths.root, env)
    if service is None:
        return None
    return _(
        "Folder danych {path} jest synchronizowany przez {service}. Baza danych w takim "
        "folderze może zostać uszkodzona albo rozdzielona na kopie. Przenieś dane do folderu "
        "lokalnego, np. {local} (opcja --data-dir lub zmienna {env})."
    ).format(path=data_paths.root, service=service, local=local_data_folder(), env=ENV_DATA_DIR)
