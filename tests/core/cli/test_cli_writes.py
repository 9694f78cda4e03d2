"""Commands that must not write, or not write over anything (issue 11, point 15)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.storage import backups

Run = Callable[..., Any]
DB = "plan-oswiaty.sqlite"


def state(folder: Path) -> dict[str, str]:
    """Every file but SQLite's -wal/-shm companions (a reader may create them), hashed."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith(("-wal", "-shm"))
    }


@pytest.fixture
def exchange_file(cli: Run, filled: Path, tmp_path: Path) -> Path:
    target = tmp_path / "gmina.planoswiaty"
    outcome = cli("--data-dir", str(filled), "package", "export", "--municipality", "Łąka",
                  "-o", str(target))  # fmt: skip
    assert outcome.code == 0, outcome.text
    return target


def test_a_dry_run_into_no_data_creates_nothing(
    cli: Run, exchange_file: Path, tmp_path: Path
) -> None:
    fresh = tmp_path / "nowe-dane"
    outcome = cli("--data-dir", str(fresh), "package", "import", str(exchange_file), "--dry-run")
    assert outcome.code == 0, outcome.text
    assert "Gmina Łąka" in outcome.out
    assert not fresh.exists()


def test_a_dry_run_changes_no_file_and_makes_no_backup(
    cli: Run, exchange_file: Path, filled: Path
) -> None:
    with sqlite3.connect(filled / DB) as connection:  # a change since the last backup
        connection.execute("UPDATE monitoring_note SET text = 'zmienione' WHERE rowid = 1")
    connection.close()
    before = state(filled)
    outcome = cli("--data-dir", str(filled), "package", "import", str(exchange_file), "--dry-run")
    assert outcome.code == 0, outcome.text
    after = {k: v for k, v in state(filled).items() if not k.startswith("logs")}
    assert after == {k: v for k, v in before.items() if not k.startswith("logs")}


def test_backup_output_never_replaces_without_asking(
    cli: Run, filled: Path, tmp_path: Path
) -> None:
    target = tmp_path / "moja-kopia.sqlite"
    target.write_text("ważny dokument", encoding="utf-8")
    outcome = cli("--data-dir", str(filled), "backup", "-o", str(target))
    assert outcome.code == 1 and "--force" in outcome.err
    assert target.read_text(encoding="utf-8") == "ważny dokument"
    outcome = cli("--data-dir", str(filled), "backup", "-o", str(target), "--force")
    assert outcome.code == 0, outcome.text
    assert target.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
def test_backup_output_refuses_special_files(cli: Run, filled: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "kolejka"
    os.mkfifo(fifo)
    link = tmp_path / "dowiazanie.sqlite"
    link.symlink_to(tmp_path / "gdzies.sqlite")
    for target in (fifo, link, Path("/dev/full"), Path("/dev/null")):
        if not target.exists() and not target.is_symlink():
            continue
        outcome = cli("--data-dir", str(filled), "backup", "-o", str(target), "--force")
        assert outcome.code == 1 and "nie jest zwykłym plikiem" in outcome.err, target
    assert not (tmp_path / "gdzies.sqlite").exists()


@pytest.mark.parametrize("command", [["list"], ["demo"], ["backup"], ["search", "x"]])
def test_another_programs_file_is_never_migrated(
    cli: Run, data_dir: Path, command: list[str]
) -> None:
    data_dir.mkdir(parents=True)
    with sqlite3.connect(data_dir / DB) as connection:
        connection.execute("CREATE TABLE kontakty (imie TEXT, telefon TEXT)")
        connection.execute("INSERT INTO kontakty VALUES ('Ewa', '601234567')")
    connection.close()
    before = hashlib.sha256((data_dir / DB).read_bytes()).hexdigest()
    outcome = cli("--data-dir", str(data_dir), *command)
    if command == ["backup"]:  # a copy of someone else's file harms nothing
        assert outcome.code in (0, 1)
    else:
        assert outcome.code == 1 and "nie jest plikiem danych programu" in outcome.err
    assert hashlib.sha256((data_dir / DB).read_bytes()).hexdigest() == before


def test_a_start_backup_that_does_not_fit_says_so(
    cli: Run, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite3.connect(filled / DB) as connection:  # a change, so a start backup is due
        connection.execute("UPDATE monitoring_note SET text = 'zmienione' WHERE rowid = 1")
    connection.close()

    def full(_source: Path, target: Path) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups, "copy_database", full)
    outcome = cli("--data-dir", str(filled), "demo")
    assert outcome.code == 1
    assert outcome.err.splitlines() == [
        "plan-oswiaty: Brak miejsca na dysku: nie można wykonać kopii zapasowej, więc dane "
        "nie zostały otwarte do zapisu. Zwolnij miejsce na dysku i spróbuj ponownie."
    ]


def test_a_new_empty_file_is_not_damaged(cli: Run, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB).write_bytes(b"")
    outcome = cli("--data-dir", str(data_dir), "check")
    assert outcome.code == 0 and "uszkodzony" not in outcome.text
