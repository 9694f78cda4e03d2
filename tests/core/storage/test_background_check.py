"""The integrity check beside the first reads: writes wait for it, a damaged file gets none."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.model import Municipality
from app.services import records
from app.storage import backups
from app.storage import store as store_module
from app.storage.integrity import CheckResult
from app.storage.integrity_gate import IntegrityGate
from app.storage.store import DatabaseDamaged, Store
from tests.core.storage.conftest import municipality_count, sha256

Fill = Callable[[Path, int], list[str]]
Corrupt = Callable[..., None]
DB = "plan-oswiaty.sqlite"


class HeldCheck:
    """The real check, held until :meth:`release`; remembers the connection it used."""

    def __init__(self) -> None:
        self.go = threading.Event()
        self.connections: list[sqlite3.Connection] = []

    def __call__(self, path: Path, **options: object) -> CheckResult:
        assert self.go.wait(timeout=30), "the test never released the check"
        opened = options.pop("connection_opened")
        assert callable(opened)

        def remember(connection: sqlite3.Connection) -> None:
            self.connections.append(connection)
            opened(connection)

        return REAL_CHECK(path, connection_opened=remember, **options)  # type: ignore[arg-type]

    def release(self) -> None:
        self.go.set()


REAL_CHECK = store_module.check_file


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldCheck]:
    check = HeldCheck()
    monkeypatch.setattr(store_module, "check_file", check)
    yield check
    check.release()  # never leave the worker waiting


def test_a_damaged_file_is_reported_and_nothing_is_written(
    data_dir: Path, fill: Fill, corrupt: Corrupt
) -> None:
    fill(data_dir, 3)
    Store.open(data_dir).close()  # a start backup
    database = data_dir / DB
    corrupt(database)  # the notes' table: the municipalities can still be read
    before = sha256(database)

    store = Store.open(data_dir, check_in_background=True)
    try:
        with store.session() as session:  # reads go ahead
            assert session.scalar(select(func.count()).select_from(Municipality)) == 1
        assert store.integrity is not None
        with pytest.raises(DatabaseDamaged) as raised:
            store.integrity.wait()
        assert raised.value.good_backup == backups.list_backups(data_dir / "backups")[0].path
        assert store.integrity.error() is raised.value
        with pytest.raises(DatabaseDamaged):
            records.create(store, Municipality, name="Gmina Nowa", kind="rural")
    finally:
        store.close()

    assert sha256(database) == before
    wal = database.with_name(DB + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # not even the write-ahead log
    assert municipality_count(database) == 1


def test_a_write_issued_while_the_check_runs_waits_then_lands(
    data_dir: Path, fill: Fill, held: HeldCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(data_dir, 1)
    waiting = threading.Event()
    real_wait = IntegrityGate.wait

    def wait(gate: IntegrityGate) -> None:
        waiting.set()
        real_wait(gate)

    monkeypatch.setattr(IntegrityGate, "wait", wait)
    store = Store.open(data_dir, check_in_background=True)  # returns while the check is held
    try:
        assert store.integrity is not None and not store.integrity.done
        with store.session() as session:
            assert session.scalar(select(func.count()).select_from(Municipality)) == 1
        assert not waiting.is_set()  # reading does not wait
        failures: list[BaseException] = []

        def write() -> None:
            try:
                records.create(store, Municipality, name="Gmina Nowa", kind="rural")
            except BaseException as error:
                failures.append(error)

        writer = threading.Thread(target=write)
        writer.start()
        assert waiting.wait(timeout=30)  # the write reached the gate…
        assert municipality_count(data_dir / DB) == 1  # …and waits there
        held.release()
        writer.join(timeout=30)
        assert not writer.is_alive() and failures == []
        assert store.integrity.done and store.integrity.error() is None
    finally:
        store.close()
    assert municipality_count(data_dir / DB) == 2


def test_the_checks_connection_is_closed(data_dir: Path, fill: Fill, held: HeldCheck) -> None:
    fill(data_dir, 1)
    store = Store.open(data_dir, check_in_background=True)
    try:
        held.release()
        assert store.integrity is not None
        store.integrity.wait()
        assert len(held.connections) == 1
        # interrupt() is the one call allowed from another thread: it fails only when closed.
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            held.connections[0].interrupt()
    finally:
        store.close()


def long_count(connection: sqlite3.Connection, limit: str) -> str:
    """Count to ``limit`` in SQL: "finished", or why SQLite stopped ("interrupted")."""
    try:
        connection.execute(
            f"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT {limit}) "
            "SELECT count(*) FROM n"
        ).fetchone()
    except sqlite3.OperationalError as error:
        return str(error)
    return "finished"


def test_a_store_closed_during_the_check_interrupts_it(
    data_dir: Path, fill: Fill, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(data_dir, 1)
    started = threading.Event()
    ended: list[str] = []

    def long_check(path: Path, **options: Any) -> CheckResult:
        connection = sqlite3.connect(path)
        try:
            options["connection_opened"](connection)
            started.set()
            ended.append(long_count(connection, "1e10"))  # a huge file: ends only if stopped
        finally:
            connection.close()
        return CheckResult(False, tuple(ended))  # what an interrupted check_file reports

    monkeypatch.setattr(store_module, "check_file", long_check)
    store = Store.open(data_dir, check_in_background=True)
    gate = store.integrity
    assert gate is not None and started.wait(timeout=30)
    store.close()
    assert ended == ["interrupted"]
    assert gate.done and gate.error() is None  # an interrupted check is no verdict on the file
    assert not (data_dir / "backups").exists() or all(
        "start" not in path.name for path in (data_dir / "backups").iterdir()
    )


class LostInterrupt(sqlite3.Connection):
    """A connection whose ``interrupt()`` arrives before its statement starts (a no-op)."""

    def interrupt(self) -> None:
        pass


def test_a_cancel_that_comes_before_the_statement_still_stops_it() -> None:
    started = threading.Event()
    ended: list[str] = []
    gate: IntegrityGate

    def check() -> None:
        connection = sqlite3.connect(":memory:", factory=LostInterrupt)
        gate.connection_opened(connection)
        started.set()
        try:
            ended.append(long_count(connection, "3e7"))  # some seconds when nothing stops it
        finally:
            connection.close()

    gate = IntegrityGate(check)
    gate.start()
    assert started.wait(timeout=30)
    gate.cancel()
    assert ended == ["interrupted"]


def test_a_new_file_and_the_default_open_need_no_gate(data_dir: Path, fill: Fill) -> None:
    with Store.open(data_dir, check_in_background=True) as store:
        assert store.integrity is None  # nothing to check in a file we have just made
    fill(data_dir, 1)
    with Store.open(data_dir) as store:
        assert store.integrity is None  # checked before the open returned, as always
