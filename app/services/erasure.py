"""Erasing deleted records from the backups as well (the window's deletion question)."""

from __future__ import annotations

from collections.abc import Callable

from app.services.records import Deletion
from app.storage.backup_erase import BackupErasure, erase_from_backups
from app.storage.store import Store


def erase_from_store_backups(
    store: Store, deletion: Deletion, cancelled: Callable[[], bool] = lambda: False
) -> BackupErasure:
    """Rewrite ``store``'s backups with what ``deletion`` deleted as empty tombstones.

    Touches only the backup files (never the open data file), so it may run in
    a worker thread.
    """
    return erase_from_backups(store.paths.backups, deletion.saved, deletion.stamp, cancelled)
