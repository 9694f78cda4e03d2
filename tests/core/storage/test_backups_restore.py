"""Rolling backups, the integrity check on opening, and restoring without losing anything."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import UserError
from app.model import MonitoringNote, Municipality
from app.services import records
from app.storage import backups, restore
from app.storage.integrity import check_file
from app.storage.store import DatabaseDamaged, Store
from tests.core.storage.conftest import municipality_count, sha256

Fill = Callable[[Path, int], list[str]]
Corrupt = Callable[..., None]
DB = "plan-oswiaty.sqlite"


def folder_state(folder: Path) -> dict[str, str]:
    return {path.name: sha256(path) for path in sorted(folder.rglob("*")) if path.is_file()}


def note_ids(data_dir: Path) -> set[str]:
    with Store.open(data_dir, readonly=True) as store, store.session() as session:
        return set(session.scalars(select(MonitoringNote.id)))


# -- rolling backups -----------------------------------------------------------


def test_pruning_keeps_the_ten_newest_of_each_reason(store: Store) -> None:
    folder = store.paths.backups
    for number in range(13):
        records.create(store, Municipality, name=f"Gmina {number}", kind="rural")
        store.backup("manual")
    for _ in range(3):
        store.backup("start")
    (folder / "notatki.txt").write_text("not a backup", encoding="utf-8")

    found = backups.list_backups(folder)
    manual = [info for info in found if info.reason == "manual"]
    # Newest first, and the three oldest (1, 2 and 3 municipalities) are gone,
    # even when all thirteen were taken within the same second.
    assert [municipality_count(info.path) for info in manual] == list(range(13, 3, -1))
    assert len([info for info in found if info.reason == "start"]) == 3
    assert (folder / "notatki.txt").exists()
    assert len(list(folder.glob("*.sqlite"))) == 13


def test_a_backup_is_a_consistent_standalone_copy(store: Store, tmp_path: Path) -> None:
    municipality = records.create(store, Municipality, name="Gmina Żółw", kind="urban")
    target = store.backup("manual", target=tmp_path / "elsewhere" / "kopia.sqlite")
    # Written while the store is open (its WAL in use), yet complete on its own.
    assert not target.with_name(target.name + "-wal").exists()
    assert check_file(target).ok
    connection = sqlite3.connect(target)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        names = connection.execute("SELECT id, name FROM municipality").fetchall()
    finally:
        connection.close()
    assert names == [(municipality.id, "Gmina Żółw")]


def test_backup_on_opening_only_when_the_data_changed(data_dir: Path, fill: Fill) -> None:
    def start_backups() -> int:
        infos = backups.list_backups(data_dir / "backups")
        return len([info for info in infos if info.reason == "start"])

    fill(data_dir, 1)  # a new file: nothing to back up yet
    assert start_backups() == 0
    Store.open(data_dir).close()  # changed since (no backup at all)
    assert start_backups() == 1
    Store.open(data_dir).close()
    Store.open(data_dir).close()
    assert start_backups() == 1  # opened and closed, nothing changed
    with Store.open(data_dir) as store:
        records.create(store, Municipality, name="Gmina Nowa", kind="rural")
    Store.open(data_dir).close()
    assert start_backups() == 2
    newest = backups.list_backups(data_dir / "backups")[0]
    assert newest.reason == "start"
    assert municipality_count(newest.path) == 2


# -- damaged files on opening -----------------------------------------------


def test_a_damaged_file_is_not_opened_and_the_newest_good_backup_is_offered(
    data_dir: Path, fill: Fill, corrupt: Corrupt
) -> None:
    fill(data_dir, 3)
    Store.open(data_dir).close()  # a start backup
    database = data_dir / DB
    corrupt(database)
    assert not check_file(database).ok
    before = folder_state(data_dir)

    with pytest.raises(DatabaseDamaged) as raised:
        Store.open(data_dir)

    error = raised.value
    assert "uszkodzony" in error.message
    assert error.good_backup == backups.list_backups(data_dir / "backups")[0].path
    assert error.good_backup.name in error.message
    assert folder_state(data_dir) == before  # nothing written, nothing moved
    # …and the lock was let go.
    with pytest.raises(DatabaseDamaged):
        Store.open(data_dir)


def test_an_emptied_file_is_refused_when_backups_show_there_were_data(
    data_dir: Path, fill: Fill
) -> None:
    fill(data_dir, 2)
    Store.open(data_dir).close()
    database = data_dir / DB
    database.write_bytes(b"")

    with pytest.raises(DatabaseDamaged, match="pusty") as raised:
        Store.open(data_dir)

    assert raised.value.good_backup is not None
    assert database.stat().st_size == 0


def test_an_empty_file_without_backups_is_a_new_store(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB).write_bytes(b"")
    with Store.open(data_dir) as store:
        records.create(store, Municipality, name="Gmina Pusta", kind="rural")
    assert check_file(data_dir / DB).ok


# -- newest good backup --------------------------------------------------------


def test_newest_good_backup_skips_damaged_backups(store: Store, corrupt: Corrupt) -> None:
    paths = []
    for number in range(4):
        records.create(store, Municipality, name=f"Gmina {number}", kind="rural")
        paths.append(store.backup("manual"))
    oldest, good, truncated, damaged = paths
    corrupt(damaged, "municipality")
    truncated.write_bytes(truncated.read_bytes()[:5000])

    assert backups.newest_good_backup(store.paths.backups) == good
    good.write_text("SQLite format 3? no.", encoding="utf-8")
    assert backups.newest_good_backup(store.paths.backups) == oldest
    oldest.unlink()
    assert backups.newest_good_backup(store.paths.backups) is None


# -- restore -----------------------------------------------------------------


def test_restore_brings_back_the_backup_and_keeps_the_current_data(
    data_dir: Path, fill: Fill
) -> None:
    kept = fill(data_dir, 2)
    database = data_dir / DB
    with Store.open(data_dir) as store:
        copy = store.backup("manual")
        owner = records.children(store, Municipality)[0].id
        later = records.create(
            store, MonitoringNote, owner, noted_on=date(2026, 6, 1), kind="risk", text="Po kopii"
        ).id

    restore.restore_into(copy, database, data_dir / "backups")

    assert note_ids(data_dir) == set(kept)
    before_restore = [
        info
        for info in backups.list_backups(data_dir / "backups")
        if info.reason == "before-restore"
    ]
    assert len(before_restore) == 1
    connection = sqlite3.connect(before_restore[0].path)
    try:
        ids = {row[0] for row in connection.execute("SELECT id FROM monitoring_note")}
    finally:
        connection.close()
    assert ids == {*kept, later}


@pytest.mark.parametrize(
    "content",
    [
        "text",
        "other-sqlite",
        "truncated",
        "newer",
    ],
)
def test_restore_refuses_a_file_that_is_not_our_backup(
    data_dir: Path, fill: Fill, tmp_path: Path, content: str
) -> None:
    fill(data_dir, 2)
    with Store.open(data_dir) as store:
        good = store.backup("manual", target=tmp_path / "good.sqlite")
    candidate = tmp_path / "candidate.sqlite"
    if content == "text":
        candidate.write_text("To jest notatka, nie baza danych.\n" * 50, encoding="utf-8")
    elif content == "other-sqlite":
        connection = sqlite3.connect(candidate)
        connection.execute("CREATE TABLE contacts (name TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('Jan Kowalski')")
        connection.commit()
        connection.close()
    elif content == "truncated":
        candidate.write_bytes(good.read_bytes()[:8192])
    else:
        candidate.write_bytes(good.read_bytes())
        connection = sqlite3.connect(candidate)
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
        connection.close()
    before = folder_state(data_dir)
    candidate_hash = sha256(candidate)

    with pytest.raises(UserError) as raised:
        restore.restore_into(candidate, data_dir / DB, data_dir / "backups")

    expected = "nowszą wersję" if content == "newer" else "nie jest poprawną kopią"
    assert expected in raised.value.message
    assert folder_state(data_dir) == before
    assert sha256(candidate) == candidate_hash


def test_restore_over_a_damaged_file_moves_it_aside(
    data_dir: Path, fill: Fill, corrupt: Corrupt, tmp_path: Path
) -> None:
    kept = fill(data_dir, 2)
    database = data_dir / DB
    with Store.open(data_dir) as store:
        copy = store.backup("manual", target=tmp_path / "kopia.sqlite")
    damaged_hashes = []
    for _ in range(2):  # twice within a second: the first damaged file must survive
        corrupt(database)
        damaged_hashes.append(sha256(database))
        restore.restore_into(copy, database, data_dir / "backups")
        assert check_file(database).ok

    aside = sorted((data_dir / "backups").glob("damaged-*.sqlite"))
    assert sorted(sha256(path) for path in aside) == sorted(damaged_hashes)
    assert note_ids(data_dir) == set(kept)


def test_restore_of_a_damaged_file_keeps_its_wal(
    data_dir: Path, fill: Fill, tmp_path: Path
) -> None:
    """The WAL of a damaged file may hold its newest commits: it moves aside with it."""
    fill(data_dir, 1)
    database = data_dir / DB
    with Store.open(data_dir) as store:
        copy = store.backup("manual", target=tmp_path / "kopia.sqlite")
    database.write_bytes(b"garbage" * 1000)
    wal = database.with_name(DB + "-wal")
    wal.write_bytes(b"frames of the last session")

    restore.restore_into(copy, database, data_dir / "backups")

    (aside,) = (data_dir / "backups").glob("damaged-*.sqlite")
    assert aside.read_bytes() == b"garbage" * 1000
    assert aside.with_name(aside.name + "-wal").read_bytes() == b"frames of the last session"
    assert not wal.exists()
    assert check_file(database).ok
