"""The first look's file: used only for the very data file it was taken of, never raises."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from app.storage import first_look_file
from app.storage.store import Store

CONTEXT = {"version": "1", "language": "pl", "today": "2026-12-04", "municipality": "m1"}
LOOK: dict[str, Any] = {"overview": {"name": "Gmina Zielonki"}}


@pytest.fixture
def closed(data_dir: Path) -> Path:
    """A data folder whose store was opened and closed, keeping LOOK."""
    store = Store.open(data_dir, backup_on_open=False)
    store.close((CONTEXT, LOOK))
    return data_dir


def load(data_dir: Path, context: dict[str, str] = CONTEXT) -> dict[str, Any] | None:
    return first_look_file.load(data_dir, data_dir / "plan-oswiaty.sqlite", context)


def test_closing_the_store_keeps_the_look_and_the_next_start_reads_it(closed: Path) -> None:
    assert load(closed) == LOOK


def test_a_store_closed_without_a_look_keeps_none(data_dir: Path) -> None:
    Store.open(data_dir, backup_on_open=False).close()
    assert not first_look_file.path_in(data_dir).exists()
    assert load(data_dir) is None


@pytest.mark.parametrize("key", sorted(CONTEXT))
def test_another_version_language_day_or_municipality_does_not_use_it(
    closed: Path, key: str
) -> None:
    assert load(closed, {**CONTEXT, key: "other"}) is None


def test_opening_the_store_removes_it_and_a_read_only_opening_does_not(closed: Path) -> None:
    Store.open(closed, readonly=True).close()
    assert load(closed) == LOOK
    store = Store.open(closed, backup_on_open=False)
    assert not first_look_file.path_in(closed).exists()  # gone while the data are open
    store.close()


def test_a_change_to_the_data_file_by_another_program_makes_it_unused(closed: Path) -> None:
    connection = sqlite3.connect(closed / "plan-oswiaty.sqlite")
    with connection:
        connection.execute("INSERT INTO setting (key, value) VALUES ('x', 'y')")
    connection.close()
    assert load(closed) is None


def test_a_wal_with_frames_in_it_is_a_change_an_empty_one_is_not(closed: Path) -> None:
    wal = closed / "plan-oswiaty.sqlite-wal"
    wal.write_bytes(b"")
    assert load(closed) == LOOK
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(60))
    assert load(closed) is None


def test_the_same_size_and_time_with_other_bytes_is_a_change(closed: Path) -> None:
    """A file copied back with its old time (a restore that keeps times) differs in its header."""
    database = closed / "plan-oswiaty.sqlite"
    stat = database.stat()
    content = bytearray(database.read_bytes())
    content[24:28] = (int.from_bytes(content[24:28], "big") + 1).to_bytes(4, "big")
    database.write_bytes(bytes(content))
    os.utime(database, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert load(closed) is None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'{"format": 2, "context": {}, "file": [], "look": {}}',
        b'{"format": 1}',
    ],
    ids=["empty", "text", "not-utf8", "list", "newer-format", "missing-parts"],
)
def test_a_damaged_or_foreign_file_is_not_used_and_raises_nothing(
    closed: Path, content: bytes
) -> None:
    first_look_file.path_in(closed).write_bytes(content)
    assert load(closed) is None


def test_a_look_that_is_not_an_object_is_not_used(closed: Path) -> None:
    path = first_look_file.path_in(closed)
    saved = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**saved, "look": ["x"]}), encoding="utf-8")
    assert load(closed) is None


def test_a_huge_file_is_not_read(closed: Path) -> None:
    path = first_look_file.path_in(closed)
    with path.open("ab") as stream:
        stream.truncate(first_look_file.MAX_BYTES + 1)
    assert load(closed) is None


def test_a_look_that_cannot_be_written_is_skipped_quietly(tmp_path: Path) -> None:
    database = tmp_path / "plan-oswiaty.sqlite"
    database.write_bytes(b"x")
    missing = tmp_path / "no-such-folder"
    assert not first_look_file.save(missing, database, CONTEXT, LOOK)
    assert not first_look_file.save(tmp_path, database, CONTEXT, {"not json": object()})
    assert list(tmp_path.iterdir()) == [database]  # no part file left behind


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_file_is_private_like_the_data_file(closed: Path) -> None:
    assert first_look_file.path_in(closed).stat().st_mode & 0o077 == 0


def test_a_look_that_cannot_be_removed_neither_stops_the_opening_nor_is_used(
    data_dir: Path,
) -> None:
    """A folder in its place (as a file held open elsewhere on Windows): the store opens."""
    Store.open(data_dir, backup_on_open=False).close()
    first_look_file.path_in(data_dir).mkdir()
    store = Store.open(data_dir, backup_on_open=False)
    assert load(data_dir) is None
    store.close((CONTEXT, LOOK))  # nor can it be written over: the window still closes
    assert load(data_dir) is None
