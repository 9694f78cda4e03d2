"""Running ``plan-oswiaty`` in tests: in this process (fast) or as a real subprocess."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DB = "plan-oswiaty.sqlite"


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


Run = Callable[..., Outcome]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Iterator[Run]:
    """``cli(*args)``: ``main(args)`` here, with its exit code and what it printed."""
    from app.cli.main import main

    root = logging.getLogger()
    level = root.level

    def run(*args: str) -> Outcome:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse: --help, --version, usage errors
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    yield run
    for handler in list(root.handlers):  # the log file handler main() installed
        if getattr(handler, "_plan_oswiaty", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture
def cli_process() -> Run:
    """``cli_process(*args)``: ``python -m app *args`` in a process of its own."""

    def run(*args: str) -> Outcome:
        completed = subprocess.run(
            [sys.executable, "-m", "app", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            timeout=120,
        )
        return Outcome(completed.returncode, completed.stdout, completed.stderr)

    return run


@pytest.fixture
def filled(data_dir: Path) -> Path:
    """A data folder holding a municipality with three notes (closed, WAL checkpointed)."""
    from app.model import MonitoringNote, Municipality
    from app.services import records
    from app.storage.store import Store

    with Store.open(data_dir) as store:
        municipality = records.create(store, Municipality, name="Gmina Łąka", kind="rural")
        for number in range(3):
            records.create(
                store,
                MonitoringNote,
                municipality.id,
                noted_on=date(2026, 5, 1 + number),
                kind="progress",
                text=f"Notatka {number}: żółwie tempo remontu",
            )
    assert not (data_dir / (DB + "-wal")).exists()
    return data_dir


def corrupt_table(database: Path, table: str = "monitoring_note") -> None:
    """Overwrite the root page of ``table``'s b-tree with garbage, as a bad sector would."""
    connection = sqlite3.connect(database)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    finally:
        connection.close()
    with database.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes(range(256)) * (page_size // 256))


@pytest.fixture
def corrupt() -> Callable[..., None]:
    return corrupt_table
