"""A full disk is not damage (issue 11, point 1): say so, change nothing, never empty the store.

Most tests inject ``ENOSPC`` / SQLite's "disk I/O error" at the OS boundary and
always run; one runs the real thing on a small tmpfs when mounting is allowed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.errors import UserError
from app.storage import backups, integrity, restore
from app.storage.store import DatabaseDamaged, Store

DB = "plan-oswiaty.sqlite"
Fill = Callable[[Path, int], list[str]]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def io_error(*_args: Any, **_kwargs: Any) -> sqlite3.Connection:
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = sqlite3.SQLITE_IOERR  # type: ignore[attr-defined]
    raise error


@pytest.fixture
def backed_up(data_dir: Path, fill: Fill) -> Path:
    fill(data_dir, 2)
    with Store.open(data_dir) as store:
        store.backup("manual")
    return data_dir


def test_a_disk_io_error_during_the_check_is_not_damage(
    backed_up: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(integrity, "connect_raw", io_error)
    result = integrity.check_file(backed_up / DB)
    assert not result.ok and result.no_space and not result.damaged

    assert main(["--data-dir", str(backed_up), "check"]) == 1
    err = capsys.readouterr().err
    assert "Brak miejsca na dysku" in err and "uszkodzony" not in err
    assert len(err.splitlines()) == 1
    with pytest.raises(UserError, match="Brak miejsca") as raised:
        Store.open(backed_up)
    assert not isinstance(raised.value, DatabaseDamaged)


def test_restore_with_a_full_disk_leaves_the_data_file_in_place(
    backed_up: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = backed_up / DB
    before = sha256(database)
    source = backups.list_backups(backed_up / "backups")[0].path

    def full_disk(_source: Path, target: Path) -> None:
        target.write_bytes(b"half")  # whatever an interrupted copy leaves
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "copy_database", full_disk)
    with pytest.raises(UserError, match="Brak miejsca na dysku"):
        restore.restore_into(source, database, backed_up / "backups")
    assert sha256(database) == before
    assert not list(backed_up.rglob("damaged-*"))
    assert not list(backed_up.glob("*.part"))


def test_a_failed_before_restore_backup_keeps_the_current_file(
    backed_up: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = backed_up / DB
    before = sha256(database)
    source = backups.list_backups(backed_up / "backups")[0].path
    real_copy = backups.copy_database

    def full_for_backups(src: Path, target: Path) -> None:
        if target.parent.name == "backups":
            raise sqlite3.OperationalError("database or disk is full")
        real_copy(src, target)

    monkeypatch.setattr(backups, "copy_database", full_for_backups)
    with pytest.raises(UserError, match="Brak miejsca na dysku"):
        restore.restore_into(source, database, backed_up / "backups")
    assert sha256(database) == before
    assert not list(backed_up.glob("*.part"))


def test_a_missing_data_file_with_backups_is_not_replaced_by_an_empty_store(
    backed_up: Path,
) -> None:
    (backed_up / DB).unlink()
    with pytest.raises(DatabaseDamaged, match="Brak pliku danych") as raised:
        Store.open(backed_up)
    assert raised.value.good_backup is not None
    assert not (backed_up / DB).exists()

    restore.restore_into(raised.value.good_backup, backed_up / DB, backed_up / "backups")
    with Store.open(backed_up) as store:
        assert store.installation_id


# -- the real thing, on a small tmpfs ------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        yield mount_point
    finally:
        for handler in list(logging.getLogger().handlers):  # main()'s log file is on it
            if getattr(handler, "_plan_oswiaty", False):
                logging.getLogger().removeHandler(handler)
                with contextlib.suppress(OSError):
                    handler.close()
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill_disk(folder: Path) -> Path:
    ballast = folder / "ballast"
    descriptor = os.open(ballast, os.O_CREAT | os.O_WRONLY)
    try:
        for size in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(descriptor, b"\0" * size)
    finally:
        os.close(descriptor)
    return ballast


def test_full_tmpfs_check_and_restore_never_lose_the_data(
    small_disk: Path, fill: Fill, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = small_disk / "dane"
    notes = fill(data_dir, 3)
    with Store.open(data_dir) as store:
        store.backup("manual")
    for companion in ("-wal", "-shm"):
        (data_dir / (DB + companion)).unlink(missing_ok=True)
    shutil.rmtree(data_dir / "logs", ignore_errors=True)  # the log would grab the last bytes
    ballast = fill_disk(small_disk)
    before = sha256(data_dir / DB)

    code = main(["--data-dir", str(data_dir), "check"])
    err = capsys.readouterr().err
    assert code != 70 and "uszkodzony" not in err, err
    code = main(["--data-dir", str(data_dir), "restore", "--latest"])
    err = capsys.readouterr().err
    assert code == 1 and "Brak miejsca" in err, err
    assert sha256(data_dir / DB) == before
    assert not list(data_dir.rglob("damaged-*"))
    assert not [p for p in data_dir.rglob("*.part") if p.stat().st_size == 0]

    ballast.unlink()
    assert main(["--data-dir", str(data_dir), "list"]) == 0
    assert "Gmina Łąka" in capsys.readouterr().out
    assert len(notes) == 3
