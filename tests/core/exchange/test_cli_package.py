"""``plan-oswiaty package export|import`` as the issue's contract has it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli.main import main
from app.model import MonitoringNote
from app.services import records

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """``main(args)`` in this process: its exit code and what it printed."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_export_then_import_into_an_empty_folder(laptops, cli: Run, tmp_path: Path) -> None:
    officer = str(laptops.folder / "officer")
    laptops.officer.close()  # the command opens the folder itself
    code, out, err = cli(
        "--data-dir",
        officer,
        "package",
        "export",
        "--municipality",
        "łąkowa",
        "-o",
        str(tmp_path / "gmina"),
    )
    assert (code, err) == (0, "")
    assert "gmina.planoswiaty" in out and "Gmina Łąkowa" in out
    target = str(tmp_path / "new")

    code, out, err = cli(
        "--data-dir", target, "package", "import", str(tmp_path / "gmina.planoswiaty"), "--dry-run"
    )
    assert code == 0
    assert "nowa — zostanie dodana w całości" in out and "Do dodania: 17" in out
    assert "[działanie] Szkolenia z TIK" in out

    code, out, _err = cli(
        "--data-dir", target, "package", "import", str(tmp_path / "gmina.planoswiaty")
    )
    assert code == 0 and "dodano 17" in out and "before-import" in out
    code, out, _err = cli(
        "--data-dir", target, "package", "import", str(tmp_path / "gmina.planoswiaty")
    )
    assert code == 0 and "Nic do zmiany" in out


def test_conflicts_stop_the_import_unless_a_side_is_preferred(
    laptops, cli: Run, courier, tmp_path: Path
) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    records.update(laptops.officer, MonitoringNote, ids["note"], text="Wersja urzędu")
    records.update(laptops.advisor, MonitoringNote, ids["note"], text="Wersja doradcy")
    path = str(courier.pack(laptops.advisor, m, passphrase="tajne"))
    laptops.officer.close()
    officer = str(laptops.folder / "officer")

    code, out, err = cli("--data-dir", officer, "package", "import", path)
    assert code == 1 and "zabezpieczony hasłem" in err

    code, out, err = cli("--data-dir", officer, "package", "import", path, "--passphrase", "tajne")
    assert code == 1
    assert "Konflikty" in out and "tutaj „Wersja urzędu” | w pliku „Wersja doradcy”" in out
    assert "Import zatrzymany" in err and "--prefer" in err

    code, out, err = cli(
        "--data-dir",
        officer,
        "package",
        "import",
        path,
        "--passphrase",
        "tajne",
        "--prefer",
        "theirs",
    )
    assert code == 0 and "zmieniono 1" in out


def test_bad_input_gets_one_line_and_a_non_zero_exit(laptops, cli: Run, tmp_path: Path) -> None:
    laptops.officer.close()
    officer = str(laptops.folder / "officer")
    junk = tmp_path / "list.planoswiaty"
    junk.write_text("to nie zip")
    code, _out, err = cli("--data-dir", officer, "package", "import", str(junk))
    assert code == 1 and "nie jest plik wymiany" in err and "Traceback" not in err
    code, _out, err = cli(
        "--data-dir",
        officer,
        "package",
        "export",
        "--municipality",
        "Gmina Nieistniejąca",
        "-o",
        str(tmp_path / "x"),
    )
    assert code == 1 and "Nie znaleziono JST" in err
    code, _out, err = cli(
        "--data-dir",
        officer,
        "package",
        "export",
        "--municipality",
        "łąkowa",
        "--since",
        "2025-02-31",
        "-o",
        str(tmp_path / "x"),
    )
    assert code == 2 and "2025-02-31" in err
    code, _out, err = cli("--data-dir", officer, "package", "import", str(junk), "--prefer", "oba")
    assert code == 2
    code, out, _err = cli("package", "--help")
    assert code == 0 and "export" in out and "import" in out


def test_since_exports_only_what_changed(laptops, cli: Run, tmp_path: Path) -> None:
    laptops.officer.close()
    officer = str(laptops.folder / "officer")
    code, out, _err = cli(
        "--data-dir",
        officer,
        "package",
        "export",
        "--municipality",
        laptops.municipality_id,
        "--since",
        "2999-01-01",
        "-o",
        str(tmp_path / "nic"),
    )
    assert code == 0 and "rekordów: 1" in out  # the municipality itself, which names the file
