"""Personal data stay private (issue 11, point 9): 700 folders, 600 files, a scrubbed log."""

from __future__ import annotations

import argparse
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import commands
from app.cli import main as cli_main
from app.model import Municipality
from app.services import records
from app.storage.store import Store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def no_log_handlers() -> Iterator[None]:
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_plan_oswiaty", False):
            root.removeHandler(handler)
            handler.close()


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_data_folder_backups_and_logs_are_private_whatever_the_umask(
    data_dir: Path, open_umask: None, no_log_handlers: None
) -> None:
    assert cli_main.main(["--data-dir", str(data_dir), "demo"]) == 0
    with Store.open(data_dir) as store:
        records.create(store, Municipality, name="Gmina Druga", kind="rural")
        store.backup("manual")
        assert mode(data_dir / "plan-oswiaty.sqlite-wal") == 0o600
    folders = [data_dir, data_dir / "backups", data_dir / "logs"]
    files = [p for p in data_dir.rglob("*") if p.is_file() and p.name != "plan-oswiaty.lock"]
    assert {f.name for f in files} >= {"plan-oswiaty.sqlite", "plan-oswiaty.log"}
    assert any(f.parent.name == "backups" for f in files)
    assert {str(p): oct(mode(p)) for p in folders} == {str(p): "0o700" for p in folders}
    assert {str(p): oct(mode(p)) for p in files} == {str(p): "0o600" for p in files}


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_an_old_world_readable_data_file_is_tightened_on_opening(
    data_dir: Path, open_umask: None
) -> None:
    Store.open(data_dir).close()
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / "plan-oswiaty.sqlite", 0o644)
    Store.open(data_dir).close()
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "plan-oswiaty.sqlite") == 0o600


def test_the_log_gets_no_personal_data_from_a_crash(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, no_log_handlers: None
) -> None:
    pupil = {
        "name": "Jan Kowalski",
        "pesel": "44051401359",
        "mail": "jan.k@szkola.pl",
        "to": "'Ewa'",
    }

    def crash(_args: argparse.Namespace) -> int:
        raise TypeError("cannot add {name} (PESEL {pesel}, {mail}) to {to}".format(**pupil))

    monkeypatch.setattr(commands, "cmd_list", crash)
    assert cli_main.main(["--data-dir", str(data_dir), "list"]) == cli_main.EXIT_BUG
    text = (data_dir / "logs" / "plan-oswiaty.log").read_text(encoding="utf-8")
    assert "TypeError: cannot add" in text and "unexpected error" in text
    for secret in ("Kowalski", "Jan ", "44051401359", "jan.k@", "Ewa"):
        assert secret not in text


def test_a_database_error_is_logged_without_the_values(
    data_dir: Path, no_log_handlers: None
) -> None:
    from app import logs

    log_file = logs.setup(data_dir / "logs")
    assert log_file is not None
    logging.getLogger("app.test").error("database error: %s", "('Jan Kowalski', 44051401359)")
    text = log_file.read_text(encoding="utf-8")
    assert "database error" in text
    assert "Kowalski" not in text and "44051401359" not in text


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_crash_reports_are_private(tmp_path: Path, open_umask: None) -> None:
    from app import crash_report

    try:
        raise RuntimeError("kaput")
    except RuntimeError as error:
        report = crash_report.write(
            tmp_path / "crash-reports", (RuntimeError, error, error.__traceback__), None
        )
    assert report is not None
    assert mode(report.parent) == 0o700 and mode(report) == 0o600
