"""One running instance per data folder; a crashed one does not keep the folder locked."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from app.errors import UserError
from app.model import MonitoringNote, Municipality
from app.services import records
from app.storage import engine as storage_engine
from app.storage.store import Store

ALREADY_RUNNING = "już uruchomiony"


def test_second_open_in_the_same_process_is_refused_in_polish(data_dir: Path) -> None:
    first = Store.open(data_dir)
    try:
        with pytest.raises(UserError, match=ALREADY_RUNNING) as raised:
            Store.open(data_dir)
        assert "Zamknij go i spróbuj ponownie" in raised.value.message
        # Reading alongside needs no lock.
        with Store.open(data_dir, readonly=True) as reader:
            assert reader.installation_id == first.installation_id
    finally:
        first.close()
    with Store.open(data_dir) as again:
        assert again.installation_id == first.installation_id


def test_failed_open_leaves_the_lock_free(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "plan-oswiaty.sqlite").write_text("nie baza", encoding="utf-8")
    for _ in range(2):  # the second attempt is not told "already running"
        with pytest.raises(UserError, match="uszkodzony"):
            Store.open(data_dir)


def test_unusable_lock_file_gives_a_message(data_dir: Path) -> None:
    (data_dir / "plan-oswiaty.lock").mkdir(parents=True)
    with pytest.raises(UserError, match="Nie można utworzyć pliku blokady"):
        Store.open(data_dir)


def _fork_holder(data_dir: Path) -> int:
    """A child process that opens the store, says so, and waits to be killed."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(reader)
        try:
            store = Store.open(data_dir)
            os.write(writer, b"open")
            time.sleep(60)
            store.close()  # never reached: keeps the store (and its lock) alive until killed
        finally:
            os._exit(1)
    os.close(writer)
    try:
        assert os.read(reader, 4) == b"open"
    finally:
        os.close(reader)
    return pid


def test_a_killed_instance_does_not_block_the_next(data_dir: Path) -> None:
    Store.open(data_dir).close()  # create the file before forking
    pid = _fork_holder(data_dir)
    try:
        with pytest.raises(UserError, match=ALREADY_RUNNING):
            Store.open(data_dir)
    finally:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)
    with Store.open(data_dir) as store:
        municipality = records.create(store, Municipality, name="Gmina Po Awarii", kind="rural")
        assert records.get(store, Municipality, municipality.id).name == "Gmina Po Awarii"


def test_a_database_locked_by_another_program_gives_a_message(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some other program (a sync tool, a DB browser) holds a write lock: wait, then say so."""
    municipality = records.create(store, Municipality, name="Gmina Zajęta", kind="rural")
    store.engine.dispose()  # new connections pick up the short timeout below
    monkeypatch.setattr(storage_engine, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(store.paths.database, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        with pytest.raises(UserError, match="zajęta przez inny program"):
            records.create(
                store,
                MonitoringNote,
                municipality.id,
                noted_on=date(2026, 5, 4),
                kind="problem",
                text="Nie zapisze się",
            )
        assert time.monotonic() - started >= 0.2  # it did wait for the other program
    finally:
        other.execute("ROLLBACK")
        other.close()
    # Once the other program lets go, writing works again.
    note = records.create(
        store,
        MonitoringNote,
        municipality.id,
        noted_on=date(2026, 5, 4),
        kind="problem",
        text="Już",
    )
    assert records.get(store, MonitoringNote, note.id).text == "Już"
