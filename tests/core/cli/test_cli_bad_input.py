"""Bad situations on the command line: one clear Polish line, non-zero, and data untouched.

Damaged, foreign and emptied data files; a folder that cannot be created; a
database locked by another program; a second instance. No traceback is ever
printed, and the data file keeps every byte unless the command rightly writes.
"""

from __future__ import annotations

import builtins
import errno
import hashlib
import io
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import EXIT_BUG
from app.storage import engine as storage_engine
from app.storage import integrity
from app.storage.store import Store

DB = "plan-oswiaty.sqlite"
Run = Callable[..., Any]
COMMANDS = {
    "list": ["list"],
    "search": ["search", "żółwie"],
    "check": ["check"],
    "backup": ["backup"],
    "demo": ["demo"],
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def state(folder: Path) -> dict[str, str]:
    """Every file of the data folder but the log and the (empty) lock file, with its hash."""
    return {
        str(path.relative_to(folder)): sha256(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.parent.name != "logs" and path.suffix != ".lock"
    }


def assert_one_polish_line(outcome: Any, *fragments: str) -> None:
    assert "Traceback" not in outcome.text
    assert outcome.code not in (0, EXIT_BUG), outcome.text
    lines = outcome.err.splitlines()
    assert len(lines) == 1, outcome.err
    assert lines[0].startswith("plan-oswiaty: ")
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def damaged(filled: Path, corrupt: Callable[..., None]) -> Path:
    """A data folder whose file has a garbage page, with a good start backup beside it."""
    Store.open(filled).close()
    corrupt(filled / DB)
    assert not integrity.check_file(filled / DB).ok
    return filled


@pytest.fixture
def not_sqlite(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True)
    (data_dir / DB).write_text("Lista zakupów: chleb, mleko, żółty ser.\n" * 40, encoding="utf-8")
    return data_dir


@pytest.fixture
def emptied(filled: Path) -> Path:
    """The data file cut to 0 bytes, though backups show it held data."""
    Store.open(filled).close()
    (filled / DB).write_bytes(b"")
    return filled


# -- damaged or foreign data files -----------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_damaged_file(cli: Run, damaged: Path, command: str) -> None:
    before = state(damaged)
    outcome = cli("--data-dir", str(damaged), *COMMANDS[command])

    if command == "check":
        assert_check_report(outcome, damaged, "database disk image is malformed", backup=True)
    elif command == "backup":
        assert_one_polish_line(outcome, "uszkodzony; kopia nie została wykonana")
    else:
        assert_one_polish_line(outcome, "jest uszkodzony", "plan-oswiaty-", "restore")
    assert state(damaged) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_file_that_is_not_a_database(cli: Run, not_sqlite: Path, command: str) -> None:
    before = state(not_sqlite)
    outcome = cli("--data-dir", str(not_sqlite), *COMMANDS[command])

    if command == "check":
        assert_check_report(outcome, not_sqlite, "not an SQLite database", backup=False)
    elif command == "backup":
        assert_one_polish_line(outcome, "uszkodzony; kopia nie została wykonana")
    else:
        assert_one_polish_line(outcome, "jest uszkodzony", "nie ma dobrej kopii")
    assert state(not_sqlite) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_emptied_file_with_backups(cli: Run, emptied: Path, command: str) -> None:
    before = state(emptied)
    outcome = cli("--data-dir", str(emptied), *COMMANDS[command])

    if command == "check":
        assert_check_report(outcome, emptied, "the file is empty (0 bytes)", backup=True)
    elif command == "backup":
        assert_one_polish_line(outcome, "uszkodzony; kopia nie została wykonana")
    else:
        assert_one_polish_line(outcome, "jest pusty", "plan-oswiaty restore")
    assert state(emptied) == before


def test_empty_file_without_backups_is_a_new_store(cli: Run, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB).write_bytes(b"")

    assert_one_polish_line(cli("--data-dir", str(data_dir), "list"), "nie ma jeszcze danych")
    assert (data_dir / DB).stat().st_size == 0
    loaded = cli("--data-dir", str(data_dir), "demo")  # this one rightly writes
    assert loaded.code == 0, loaded.err
    assert cli("--data-dir", str(data_dir), "check").code == 0


def assert_check_report(outcome: Any, data_dir: Path, problem: str, *, backup: bool) -> None:
    """``check`` says it in one Polish line with the way out; SQLite's English goes to the log."""
    offer = "restore --latest" if backup else "nie ma dobrej kopii"
    assert_one_polish_line(outcome, str(data_dir / DB), offer)
    assert problem not in outcome.err
    if "empty" not in problem:
        log = (data_dir / "logs" / "plan-oswiaty.log").read_text(encoding="utf-8")
        assert problem in log


def test_damaged_file_end_to_end(cli_process: Run, damaged: Path) -> None:
    """The real command in its own process: the same one line, and no traceback."""
    before = state(damaged)
    outcome = cli_process("--data-dir", str(damaged), "list")
    assert_one_polish_line(outcome, "jest uszkodzony")
    assert outcome.out == ""
    assert state(damaged) == before


def test_restore_of_a_foreign_file_changes_nothing(cli: Run, filled: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "kontakty.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE kontakty (nazwisko TEXT)")
    connection.commit()
    connection.close()
    before = state(filled)
    for source, says in (
        (foreign, "nie jest poprawną kopią"),
        (tmp_path / "nie-ma.sqlite", "Nie ma pliku"),
        (tmp_path, "Nie ma pliku"),
    ):
        outcome = cli("--data-dir", str(filled), "restore", str(source))
        assert_one_polish_line(outcome, says)
    assert state(filled) == before


def test_backup_onto_a_folder_is_refused(cli: Run, filled: Path, tmp_path: Path) -> None:
    before = state(filled)
    outcome = cli("--data-dir", str(filled), "backup", "-o", str(tmp_path))
    assert_one_polish_line(outcome, "jest folderem")
    assert state(filled) == before


# -- a data folder that cannot be used -------------------------------------------


def test_data_folder_that_cannot_be_created(cli: Run, tmp_path: Path) -> None:
    """``--data-dir`` under a regular file (works as root too, unlike chmod)."""
    blocker = tmp_path / "plik.txt"
    blocker.write_text("zwykły plik", encoding="utf-8")
    data_dir = blocker / "dane"
    Store.open(tmp_path / "elsewhere").close()  # a good file to try restoring
    for args, code, says in (
        (["demo"], 1, "Nie można utworzyć folderu danych"),
        (["restore", str(tmp_path / "elsewhere" / DB)], 1, "Nie można utworzyć folderu danych"),
        (["backup"], 1, "nie ma czego kopiować"),
        (["list"], 0, "Brak danych"),
        (["check"], 0, "nie ma czego sprawdzać"),
    ):
        outcome = cli("--data-dir", str(data_dir), *args)
        assert outcome.code == code, (args, outcome.text)
        assert "Traceback" not in outcome.text
        assert says in outcome.text, (args, outcome.text)
        if code:
            assert_one_polish_line(outcome, says)
    assert blocker.read_text(encoding="utf-8") == "zwykły plik"


def refuse_writes_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The OS boundary of a read-only folder: creating or writing a file in it fails
    with EACCES, as a ``chmod 0o555`` folder does for a user (root writes there
    anyway, and CI runs as root). Reading is left alone."""
    folder = folder.resolve()
    real_os_open, real_open = os.open, builtins.open

    def inside(path: Any) -> bool:
        if not isinstance(path, str | bytes | os.PathLike):
            return False  # a file descriptor
        resolved = Path(os.fsdecode(path)).resolve()
        return resolved == folder or folder in resolved.parents

    def refused(path: Any) -> PermissionError:
        return PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))

    def os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if inside(path) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise refused(path)
        return real_os_open(path, flags, *args, **kwargs)

    def py_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if inside(file) and any(letter in mode for letter in "wax+"):
            raise refused(file)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", py_open)
    monkeypatch.setattr(io, "open", py_open)


def _read_only_by_chmod(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root may write into a chmod 0o555 folder; the 'os' case runs as root")
    os.chmod(folder, 0o555)


@pytest.mark.parametrize(
    "made_read_only", [_read_only_by_chmod, refuse_writes_in], ids=["chmod", "os"]
)
def test_read_only_data_folder(
    cli: Run, filled: Path, monkeypatch: pytest.MonkeyPatch, made_read_only: Any
) -> None:
    before = state(filled)
    made_read_only(filled, monkeypatch)
    try:
        for command in ("demo", "backup"):
            outcome = cli("--data-dir", str(filled), *COMMANDS[command])
            assert_one_polish_line(outcome)
            assert "uszkodzony" not in outcome.err  # a read-only folder is not damage
    finally:
        monkeypatch.undo()
        os.chmod(filled, 0o755)
    assert state(filled) == before


def test_unreadable_file_is_not_called_damaged(
    cli: Run, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite cannot open the file (rights, a read-only folder for its WAL): say that."""

    def cannot_open(*_args: Any, **_kwargs: Any) -> sqlite3.Connection:
        error = sqlite3.OperationalError("unable to open database file")
        error.sqlite_errorcode = sqlite3.SQLITE_CANTOPEN  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(integrity, "connect_raw", cannot_open)
    before = state(filled)
    for command in ("list", "demo", "check", "backup"):
        outcome = cli("--data-dir", str(filled), *COMMANDS[command])
        assert_one_polish_line(outcome, "Nie można odczytać pliku danych", "tylko do odczytu")
        assert "uszkodzony" not in outcome.err
    assert state(filled) == before


# -- other programs and other instances ------------------------------------------


def test_database_locked_by_another_program(
    cli: Run, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage_engine, "BUSY_TIMEOUT_MS", 300)
    Store.open(filled).close()  # the start backup is taken now, not while locked
    database = filled / DB
    before = sha256(database)
    other = sqlite3.connect(database, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        outcome = cli("--data-dir", str(filled), "demo")
        assert_one_polish_line(outcome, "zajęta przez inny program")
        assert sha256(database) == before
    finally:
        other.execute("ROLLBACK")
        other.close()
    retried = cli("--data-dir", str(filled), "demo")
    assert retried.code == 0, retried.err
    assert retried.out.startswith("Wczytano JST demonstracyjną")


def test_second_instance_is_refused(cli: Run, cli_process: Run, data_dir: Path) -> None:
    with Store.open(data_dir) as running:
        database = running.paths.database
        wal = database.with_name(DB + "-wal")
        before = (sha256(database), sha256(wal))
        other = cli_process("--data-dir", str(data_dir), "demo")
        assert_one_polish_line(other, "już uruchomiony", "Zamknij go i spróbuj ponownie")
        assert other.out == ""
        running.backup("manual")
        restore = cli("--data-dir", str(data_dir), "restore", "--latest")
        assert_one_polish_line(restore, "już uruchomiony")
        assert (sha256(database), sha256(wal)) == before
    # Once the window closes, the same command works.
    loaded = cli("--data-dir", str(data_dir), "demo")
    assert loaded.code == 0, loaded.err
