"""Read-only commands on a damaged file (issue 11, point 7): one Polish line, never exit 70.

Damage where the quick header check does not look: page 2 (``alembic_version``)
zeroed, or an overflow page of a long text zeroed (before, ``list`` silently
left the record out and ``search``/``export`` crashed).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import EXIT_BUG
from app.model import MonitoringNote, Municipality
from app.services import records
from app.storage.store import Store

Run = Callable[..., Any]
DB = "plan-oswiaty.sqlite"
MARKER = "ZNACZNIK-STRONY-PRZEPELNIENIA"
COMMANDS = {
    "list": ["list"],
    "search": ["search", "tempo"],
    "export": ["export", "monitoring", "--municipality", "Łąka", "-o", "{out}"],
}


def zero_page(database: Path, number: int) -> None:
    page_size = 4096
    with database.open("r+b") as handle:
        handle.seek((number - 1) * page_size)
        handle.write(bytes(page_size))


def overflow_page(database: Path) -> int:
    data = database.read_bytes()
    offset = data.index(MARKER.encode("ascii"))
    return offset // 4096 + 1


@pytest.fixture
def long_note(data_dir: Path) -> Path:
    with Store.open(data_dir) as store:
        municipality = records.create(store, Municipality, name="Gmina Łąka", kind="rural")
        records.create(
            store,
            MonitoringNote,
            municipality.id,
            noted_on=date(2026, 5, 1),
            kind="progress",
            text="Żółwie tempo remontu. " * 600 + MARKER + " koniec." + " x" * 3000,
        )
    with sqlite3.connect(data_dir / DB) as connection:
        assert connection.execute("PRAGMA page_size").fetchone()[0] == 4096
    connection.close()
    return data_dir


@pytest.mark.parametrize("damage", ["page-2", "overflow"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_readers_explain_damage_in_one_line(
    cli: Run, long_note: Path, tmp_path: Path, damage: str, command: str
) -> None:
    database = long_note / DB
    page = 2 if damage == "page-2" else overflow_page(database)
    assert page >= 2
    zero_page(database, page)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    out = tmp_path / "raport.pdf"
    outcome = cli("--data-dir", str(long_note), *(a.format(out=out) for a in COMMANDS[command]))
    assert outcome.code not in (0, EXIT_BUG), outcome.text
    assert "Traceback" not in outcome.text
    lines = outcome.err.splitlines()
    assert len(lines) == 1 and "jest uszkodzony" in lines[0], outcome.err
    assert not out.exists()
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
