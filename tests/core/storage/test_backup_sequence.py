"""Backups by sequence, not by clock (issue 11, point 4), and restore that never toggles
or gives up too early (point 6)."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.cli.main import main
from app.errors import UserError
from app.model import MonitoringNote, Municipality
from app.services import records
from app.storage import backups, integrity, restore
from app.storage.store import Store

DB = "plan-oswiaty.sqlite"
Fill = Callable[[Path, int], list[str]]


def set_clock(monkeypatch: pytest.MonkeyPatch, when: datetime) -> None:
    class Clock(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Clock:  # type: ignore[override]
            return cls.fromtimestamp(when.timestamp())

    monkeypatch.setattr(backups, "datetime", Clock)


def note_count(data_dir: Path) -> int:
    connection = sqlite3.connect(data_dir / DB)
    try:
        return int(connection.execute("SELECT count(*) FROM monitoring_note").fetchone()[0])
    finally:
        connection.close()


def test_a_backup_made_with_the_clock_set_back_is_kept_and_newest(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(backups.KEEP_PER_REASON):
        store.backup("manual")
    set_clock(monkeypatch, datetime.now() - timedelta(days=400))
    made = store.backup("manual")
    assert made.exists()
    newest = backups.list_backups(store.paths.backups)[0]
    assert newest.path == made
    assert len([i for i in backups.list_backups(store.paths.backups) if i.reason == "manual"]) == (
        backups.KEEP_PER_REASON
    )


def test_a_backup_stamped_in_the_future_neither_wins_nor_stops_start_backups(
    data_dir: Path, fill: Fill
) -> None:
    fill(data_dir, 1)
    folder = data_dir / "backups"
    future = folder / "plan-oswiaty-20991231-235959-manual.sqlite"
    backups.copy_database(data_dir / DB, future)
    os.utime(future, (4102444799, 4102444799))
    with Store.open(data_dir) as store:
        assert add_note(store).id
    with Store.open(data_dir) as store:
        newest = backups.list_backups(store.paths.backups)[0]
    assert newest.reason == "start" and newest.path != future
    assert backups.newest_good_backup(folder, for_latest=True) == newest.path


def add_note(store: Store) -> MonitoringNote:
    owner = records.children(store, Municipality)[0].id
    return records.create(
        store, MonitoringNote, owner, noted_on=date(2026, 6, 1), kind="risk", text="Po kopii"
    )


def test_restore_latest_twice_does_not_undo_itself(
    data_dir: Path, fill: Fill, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(data_dir, 2)
    with Store.open(data_dir) as store:
        store.backup("manual")
        add_note(store)
    assert note_count(data_dir) == 3
    for _ in range(3):
        assert main(["--data-dir", str(data_dir), "restore", "--latest"]) == 0
        assert note_count(data_dir) == 2
    assert any(i.reason == "before-restore" for i in backups.list_backups(data_dir / "backups"))


def test_restore_latest_falls_back_past_a_backup_from_a_newer_version(
    data_dir: Path, fill: Fill
) -> None:
    fill(data_dir, 2)
    with Store.open(data_dir) as store:
        older = store.backup("manual")
        newer = store.backup("manual")
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    assert backups.newest_good_backup(data_dir / "backups", for_latest=True) == older
    assert main(["--data-dir", str(data_dir), "restore", "--latest"]) == 0


def test_a_healthy_file_that_cannot_be_read_now_is_not_moved_aside(
    data_dir: Path, fill: Fill, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(data_dir, 1)
    with Store.open(data_dir) as store:
        copy = store.backup("manual")
    database = data_dir / DB
    real_check = integrity.check_file

    def locked(path: Path, *, thorough: bool = True) -> integrity.CheckResult:
        if path == database:
            return integrity.CheckResult(False, ("database is locked",), unreadable=True)
        return real_check(path, thorough=thorough)

    monkeypatch.setattr(restore, "check_file", locked)
    before = database.read_bytes()
    with pytest.raises(UserError, match="Nie można odczytać"):
        restore.restore_into(copy, database, data_dir / "backups")
    assert database.read_bytes() == before
    assert not list(data_dir.rglob("damaged-*"))


def test_unfinished_copies_are_removed_on_the_next_open(data_dir: Path, fill: Fill) -> None:
    fill(data_dir, 1)
    leftovers = [
        data_dir / (DB + ".part"),
        data_dir / "backups" / "plan-oswiaty-s000009-20261203-101010-start.sqlite.part",
    ]
    (data_dir / "backups").mkdir(exist_ok=True)
    old = time.time() - 60
    for path in leftovers:
        path.write_bytes(b"a full copy of personal data")
        os.utime(path, (old, old))
    fresh = data_dir / "backups" / "plan-oswiaty-s000010-20261203-101011-manual.sqlite.part"
    fresh.write_bytes(b"being written by another command right now")
    Store.open(data_dir).close()
    assert not any(path.exists() for path in leftovers)
    assert fresh.exists()
