"""Folders and files only their owner may read: the data folder, backups, logs.

The data are personal (RODO), so whatever the umask, folders the program makes
are 700 and files 600. On Windows ``chmod`` changes only the read-only flag; the
per-user folders there are private already.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) private; tighten it if it exists."""
    missing = [parent for parent in (folder, *folder.parents) if not parent.exists()]
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    # mkdir's mode is masked by the umask, and parents get the default: set them here.
    for made in (folder, *missing):
        _chmod(made, FOLDER_MODE)
    return folder


def private_file(path: Path) -> Path:
    """Create ``path`` empty and private unless it exists; tighten it if it does."""
    if not path.exists():
        descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
        os.close(descriptor)
    _chmod(path, FILE_MODE)
    return path


def restrict(path: Path) -> None:
    """Make an existing file private (a no-op when it is gone)."""
    if path.exists():
        _chmod(path, FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    # Not ours (a shared parent folder), or a file system without modes: leave it.
    with contextlib.suppress(OSError):
        os.chmod(path, mode)
