"""The scripting commands on good data: help, version, check, backup and restore, list, search."""

from __future__ import annotations

import argparse
import logging
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.cli import commands
from app.cli.main import EXIT_BUG, build_parser
from app.model import MonitoringNote, Municipality
from app.services import records
from app.storage import backups
from app.storage.integrity import check_file
from app.storage.store import Store
from app.version import __version__

DB = "plan-oswiaty.sqlite"
Run = Callable[..., Any]  # the ``cli`` fixture: returns an Outcome (code, out, err, text)
Outcome = Any


def subcommands() -> list[str]:
    parser = build_parser()
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


def note_texts(data_dir: Path) -> list[str]:
    connection = sqlite3.connect(data_dir / DB)
    try:
        return [row[0] for row in connection.execute("SELECT text FROM monitoring_note ORDER BY 1")]
    finally:
        connection.close()


def assert_clean(outcome: Outcome) -> None:
    assert "Traceback" not in outcome.text
    assert outcome.code != EXIT_BUG, outcome.err


def test_the_commands_the_design_promises_exist() -> None:
    assert {"demo", "list", "search", "check", "backup", "restore"} <= set(subcommands())


@pytest.mark.parametrize("command", ["", *subcommands()])
def test_every_command_has_polish_help(cli: Run, command: str) -> None:
    outcome = cli(*([command] if command else []), "--help")
    assert outcome.code == 0
    assert outcome.out.startswith("Użycie: plan-oswiaty")
    assert "opcje:" in outcome.out
    assert "pokaż tę pomoc" in outcome.out
    assert outcome.err == ""


def test_version(cli: Run) -> None:
    outcome = cli("--version")
    assert outcome.code == 0
    assert outcome.out.strip() == f"Plan Oświaty {__version__}"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["search"], "brakuje wymaganych argumentów: text"),
        (["no-such-command"], "nieznana wartość 'no-such-command'"),
        (["list", "--bogus"], "nieznane argumenty: --bogus"),
        (["search", "x", "--limit", "dużo"], "argument --limit: nieprawidłowa wartość 'dużo'"),
        (["restore"], "wymagany jest jeden z argumentów"),
        (["restore", "kopia.sqlite", "--latest"], "nie można podać razem z"),
        (["--data-dir"], "argument --data-dir: brakuje wartości"),
    ],
)
def test_a_wrong_call_says_so_in_polish_with_exit_code_2(
    cli: Run, args: list[str], says: str
) -> None:
    outcome = cli(*args)
    assert outcome.code == 2
    assert outcome.out == ""
    last = outcome.err.splitlines()[-1]
    assert "błędne wywołanie: " in last
    assert says in last
    assert last.endswith("--help")
    assert_clean(outcome)


def test_check_a_good_file(cli: Run, filled: Path) -> None:
    outcome = cli("--data-dir", str(filled), "check")
    assert outcome.code == 0
    assert outcome.out.strip() == f"Plik danych jest spójny: {filled / DB}"


def test_check_an_empty_folder(cli: Run, data_dir: Path) -> None:
    outcome = cli("--data-dir", str(data_dir), "check")
    assert outcome.code == 0
    assert "nie ma czego sprawdzać" in outcome.out
    assert not (data_dir / DB).exists()


def test_list_and_search_in_an_empty_folder(cli: Run, data_dir: Path) -> None:
    for args in (["list"], ["search", "żółw"], ["backups"]):
        outcome = cli("--data-dir", str(data_dir), *args)
        assert outcome.code == 0, args
        assert outcome.out.startswith("Brak"), args
        assert outcome.err == ""
    assert not (data_dir / DB).exists()  # looking does not create a database


def test_list_and_search_find_what_is_stored(cli: Run, filled: Path) -> None:
    listed = cli("--data-dir", str(filled), "list")
    assert listed.code == 0, listed.err
    assert "Gmina Łąka" in listed.out
    assert "notatki: 3" in listed.out

    found = cli("--data-dir", str(filled), "search", "ZOLWIE")
    assert found.code == 0, found.err
    assert found.out.count("[notatka]") == 3

    nothing = cli("--data-dir", str(filled), "search", "kangur")
    assert nothing.code == 0
    assert nothing.out.strip() == "Nic nie znaleziono dla „kangur”."

    elsewhere = cli("--data-dir", str(filled), "search", "żółwie", "--municipality", "Kraków")
    assert elsewhere.code == 1
    assert elsewhere.err.strip() == "plan-oswiaty: Nie znaleziono JST „Kraków”."


def test_backup_to_a_file_then_restore_it(cli: Run, filled: Path, tmp_path: Path) -> None:
    copy = tmp_path / "pendrive" / "kopia.sqlite"
    made = cli("--data-dir", str(filled), "backup", "-o", str(copy))
    assert made.code == 0, made.err
    assert made.out.strip() == f"Kopia zapasowa zapisana: {copy}"
    assert check_file(copy).ok
    before = note_texts(filled)

    with Store.open(filled) as store:
        owner = records.children(store, Municipality)[0].id
        records.create(
            store, MonitoringNote, owner, noted_on=date(2026, 6, 1), kind="risk", text="Po kopii"
        )
    assert "Po kopii" in note_texts(filled)

    restored = cli("--data-dir", str(filled), "restore", str(copy))
    assert restored.code == 0, restored.err
    assert restored.out.strip() == f"Przywrócono dane z kopii {copy}."
    assert note_texts(filled) == before
    # What was replaced is itself kept.
    kept = [i for i in backups.list_backups(filled / "backups") if i.reason == "before-restore"]
    assert len(kept) == 1
    connection = sqlite3.connect(kept[0].path)
    try:
        assert connection.execute(
            "SELECT count(*) FROM monitoring_note WHERE text = 'Po kopii'"
        ).fetchone() == (1,)
    finally:
        connection.close()


def test_backup_into_the_backup_folder_and_list_it(cli: Run, filled: Path) -> None:
    assert cli("--data-dir", str(filled), "backup").code == 0
    listed = cli("--data-dir", str(filled), "backups")
    assert listed.code == 0
    (line,) = listed.out.splitlines()
    assert "manual" in line and line.endswith(".sqlite")


def test_restore_latest_after_damage(cli: Run, filled: Path, corrupt: Callable[..., None]) -> None:
    assert cli("--data-dir", str(filled), "backup").code == 0
    before = note_texts(filled)
    corrupt(filled / DB)

    outcome = cli("--data-dir", str(filled), "restore", "--latest")

    assert outcome.code == 0, outcome.err
    assert check_file(filled / DB).ok
    assert note_texts(filled) == before
    assert len(list((filled / "backups").glob("damaged-*.sqlite"))) == 1


def test_restore_latest_without_backups(cli: Run, filled: Path) -> None:
    outcome = cli("--data-dir", str(filled), "restore", "--latest")
    assert outcome.code == 1
    assert "nie ma dobrej kopii" in outcome.err


def test_an_unexpected_error_goes_to_the_log_not_the_screen(
    cli: Run, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_args: argparse.Namespace) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(commands, "cmd_check", broken)
    outcome = cli("--data-dir", str(filled), "check")

    assert outcome.code == EXIT_BUG
    assert_traceback_only_in_log(outcome, filled / "logs" / "plan-oswiaty.log")


def assert_traceback_only_in_log(outcome: Outcome, log_file: Path) -> None:
    assert "Traceback" not in outcome.text
    (line,) = outcome.err.splitlines()
    assert line == (f"plan-oswiaty: nieoczekiwany błąd programu. Szczegóły zapisano w {log_file}.")
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError: a bug" in logged


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--data-dir", "D", "--verbose"], True),
        (["--import-file", "plik.planoswiaty", "--exit-after-start"], True),
        (["list"], False),
        (["--data-dir", "D", "search", "Łódź"], False),
        (["--help"], False),
        (["--no-such-option"], False),
    ],
)
def test_only_arguments_that_open_the_window_skip_the_commands_parsers(
    argv: list[str], window: bool
) -> None:
    from app.cli.main import window_arguments

    found = window_arguments(argv)
    assert (found is not None) == window
    if found is not None:
        full = build_parser().parse_args(argv)
        assert {k: v for k, v in vars(full).items() if k != "command"} == vars(found)
