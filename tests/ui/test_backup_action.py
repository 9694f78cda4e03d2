"""File → Kopia zapasowa: made off the GUI thread; the result or the problem is shown."""

from __future__ import annotations

from pathlib import Path

import pytest

import ui.errors
from app.errors import UserError
from app.storage import backups
from app.storage.store import Store
from ui.main_window import MainWindow


def test_manual_backup_runs_and_reports_the_file(window: MainWindow, store: Store) -> None:
    before = len(backups.list_backups(store.paths.backups))
    window.action_backup.trigger()
    found = backups.list_backups(store.paths.backups)  # newest first
    assert len(found) == before + 1
    assert found[0].path.name in window.statusBar().currentMessage()


def test_a_failed_backup_is_explained_and_leaves_no_file(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_database: Path, _target: Path) -> None:
        raise OSError(28, "No space left on device")

    shown: list[UserError] = []
    monkeypatch.setattr(backups, "copy_database", full_disk)
    monkeypatch.setattr(ui.errors, "show_user_error", lambda _w, e: shown.append(e))
    before = len(backups.list_backups(store.paths.backups))
    window.action_backup.trigger()
    assert len(shown) == 1 and "Nie udało się wykonać kopii zapasowej" in shown[0].message
    assert len(backups.list_backups(store.paths.backups)) == before
