"""Helpers for the storage tests: a data folder with data in it, and ways to damage files."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def municipality_count(path: Path) -> int:
    """Municipalities in the file at ``path``, read outside the store."""
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM municipality").fetchone()[0])
    finally:
        connection.close()


def corrupt_table(database: Path, table: str = "monitoring_note") -> None:
    """Overwrite the root page of ``table``'s b-tree with garbage, as a bad sector would."""
    assert not database.with_name(database.name + "-wal").exists(), "checkpoint first"
    connection = sqlite3.connect(database)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    finally:
        connection.close()
    assert root > 1
    with database.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes(range(256)) * (page_size // 256))


@pytest.fixture
def corrupt() -> Callable[..., None]:
    """``corrupt(database, table="monitoring_note")``: see :func:`corrupt_table`."""
    return corrupt_table


@pytest.fixture
def fill() -> Callable[[Path, int], list[str]]:
    """``fill(data_dir, n)``: open the store there, add a municipality and ``n`` notes, close.

    Returns the ids of the notes.
    """

    def fill(data_dir: Path, notes: int = 3) -> list[str]:
        from app.model import MonitoringNote, Municipality
        from app.services import records
        from app.storage.store import Store

        with Store.open(data_dir) as store:
            municipality = records.create(store, Municipality, name="Gmina Łąka", kind="rural")
            return [
                records.create(
                    store,
                    MonitoringNote,
                    municipality.id,
                    noted_on=date(2026, 5, 1 + number),
                    kind="progress",
                    text=f"Notatka numer {number}: żółwie tempo",
                ).id
                for number in range(notes)
            ]

    return fill
