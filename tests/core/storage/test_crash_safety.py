"""SIGKILL a writer hundreds of times: the file stays sound and no commit is ever lost.

A helper process (``_writer.py``) imports the program once and forks a fresh
writer for every round; the writer opens the store like the program does and
adds notes through the services, reporting each id only after its commit. The
test kills it at a random moment, then checks the file (``quick_check``), that
every reported id is there, and that the search index agrees with the notes.
All rounds share one data folder, so each writer opens the file the previous
one was killed on: mid-commit, mid-backup, mid-migration or mid-open.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
WRITER = Path(__file__).with_name("_writer.py")
KILLS = 210
# In the first BEFORE_SCHEMA rounds (while the new file is being made) and then in
# one round in OPEN_EVERY, the writer is killed at any moment after the fork
# (opening, migrating, backing up, writing); in the others 5–60 ms after its first
# commit.
BEFORE_SCHEMA = 6
OPEN_EVERY = 5
DEADLINE = 20.0  # seconds to wait for any one line before calling the helper stuck


class Helper:
    """The forking helper process and a thread that turns its stdout into a queue."""

    def __init__(self, data_dir: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            self.lines.put(raw.decode("utf-8").rstrip("\n"))
        self.lines.put("eof")

    def next_line(self) -> str:
        try:
            line = self.lines.get(timeout=DEADLINE)
        except queue.Empty:
            pytest.fail(f"the writer helper said nothing for {DEADLINE} s")
        if line.startswith("error "):
            pytest.fail(f"a writer failed: {line}")
        if line == "eof":
            pytest.fail(f"the writer helper ended: {self._stderr()}")
        return line

    def fork(self, seed: int) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{seed}\n".encode())
        self.process.stdin.flush()

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _stderr(self) -> str:
        self.process.wait(timeout=DEADLINE)
        assert self.process.stderr is not None
        return self.process.stderr.read().decode("utf-8", "replace")[-3000:]


def check_file(database: Path, committed: dict[str, str], *, full: bool) -> bool:
    """The killed file is sound and holds every note whose commit was reported.

    A read-only look leaves a hot WAL for the next writer to recover; a ``full``
    look also checks the full-text index (a write statement, which recovers it).
    Returns whether the schema exists yet.
    """
    if not database.exists():
        assert not committed, "the data file vanished"
        return False
    uri = database.as_uri() + ("" if full else "?mode=ro")
    connection = sqlite3.connect(uri, uri=True)
    try:
        assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            # Killed during the very first migration: all of the schema or none of it.
            assert not tables & {"municipality", "monitoring_note", "search_doc"}, tables
            assert not committed
            return False
        needed = {"municipality", "monitoring_note", "search_doc", "search_index"}
        assert needed <= tables, f"half-made schema, missing {sorted(needed - tables)}"
        stored = {row[0] for row in connection.execute("SELECT id FROM monitoring_note")}
        missing = committed.keys() - stored
        assert not missing, f"{len(missing)} committed notes lost, e.g. {sorted(missing)[:3]}"
        indexed = connection.execute(
            "SELECT count(*) FROM search_doc WHERE record_type = 'monitoring_note'"
        ).fetchone()[0]
        assert indexed == len(stored), "the search index disagrees with the notes"
        if full:
            connection.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    finally:
        connection.close()
    return True


@pytest.mark.slow
def test_killed_writers_never_lose_a_commit_or_the_file(data_dir: Path) -> None:
    rng = random.Random(20261121)
    database = data_dir / "plan-oswiaty.sqlite"
    committed: dict[str, str] = {}  # note id → the unique word in its text
    kills = kills_while_writing = kills_before_schema = 0
    schema = False
    helper = Helper(data_dir)
    try:
        assert helper.next_line() == "ready"
        for round_number in range(KILLS):
            helper.fork(rng.randrange(1 << 30))
            said: list[str] = []
            line = helper.next_line()
            while not line.startswith("start "):
                said.append(line)  # the writer may speak before the helper does
                line = helper.next_line()
            pid = int(line.split()[1])
            if not schema and kills_before_schema < BEFORE_SCHEMA:
                time.sleep(rng.uniform(0.0, 0.3))  # most likely while migrating a new file
                kills_before_schema += 1
            elif round_number % OPEN_EVERY == 0:
                time.sleep(rng.uniform(0.0, 0.15))
            else:
                while not any(seen.startswith(f"id {pid} ") for seen in said):
                    said.append(helper.next_line())
                time.sleep(rng.uniform(0.005, 0.060))
                kills_while_writing += 1
            os.kill(pid, signal.SIGKILL)
            kills += 1
            # All the writer said comes before the helper's "reaped" line.
            while not any(seen.startswith(f"reaped {pid} ") for seen in said):
                said.append(helper.next_line())
            for seen in said:
                kind, *fields = seen.split()
                assert int(fields[0]) == pid, seen
                if kind == "id":
                    committed[fields[1]] = fields[2]
                elif kind == "reaped":
                    assert os.WIFSIGNALED(int(fields[1])), f"the writer ended by itself: {said}"
            schema = check_file(database, committed, full=round_number % 10 == 9)
    finally:
        helper.close()

    assert kills >= 200
    assert kills_while_writing >= 150
    assert len(committed) >= kills_while_writing  # each of those rounds committed a note
    check_file(database, committed, full=True)
    _reopen_and_find(data_dir, committed, rng)


def _reopen_and_find(data_dir: Path, committed: dict[str, str], rng: random.Random) -> None:
    """After all that, the program opens the folder and finds every note, also by search."""
    from sqlalchemy import select

    from app.model import MonitoringNote
    from app.storage import search_index
    from app.storage.store import Store

    with Store.open(data_dir) as store, store.session() as session:
        stored = set(session.scalars(select(MonitoringNote.id)))
        assert committed.keys() <= stored
        for note_id in rng.sample(sorted(committed), 20):
            hits = search_index.query(session, committed[note_id])
            assert [hit.record_id for hit in hits] == [note_id]
