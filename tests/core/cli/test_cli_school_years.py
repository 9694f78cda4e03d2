"""``plan-oswiaty school-year close|reopen|list``, and no import into a closed year."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.model import Municipality, School
from app.services import records
from app.storage.store import Store
from tests.core.cli.test_cli_school_data import FIXTURES, rows

Run = Any


def _zielonki(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        m = records.create(
            store, Municipality, name="Gmina Zielonki Wielkie", kind="urban_rural", teryt="3035023"
        )
        records.create(
            store,
            School,
            m.id,
            name="Szkoła Podstawowa nr 1 im. Adama Mickiewicza w Zielonkach Wielkich",
            school_type="szkola_podstawowa",
            rspo="21876",
        )


def test_close_list_reopen(cli: Run, data_dir: Path) -> None:
    _zielonki(data_dir)
    base = ("--data-dir", str(data_dir), "school-year")
    where = ("--municipality", "zielonki")
    assert "żaden rok szkolny nie jest zamknięty" in cli(*base, "list", *where).out
    closed = cli(*base, "close", *where, "--school-year", "2024/2025", "--author", "Anna")
    assert closed.code == 0, closed.err
    assert "Zamknięto rok szkolny 2024/2025 (Gmina Zielonki Wielkie)" in closed.out
    again = cli(*base, "close", *where, "--school-year", "2024/2025")
    assert again.code != 0 and "jest już zamknięty" in again.err
    listing = cli(*base, "list", *where)
    assert "2024/2025\tzamknięty\tstan na 31 sierpnia 2025" in listing.out
    no_reason = cli(*base, "reopen", *where, "--school-year", "2024/2025", "--reason", " ")
    assert no_reason.code != 0 and "Podaj powód" in no_reason.err
    reopened = cli(*base, "reopen", *where, "--school-year", "2024/2025", "--reason", "Korekta")
    assert reopened.code == 0 and "znów otwarty" in reopened.out
    assert "otwarty ponownie" in cli(*base, "list", *where).out


def test_bad_years_exit_non_zero_with_a_polish_line(cli: Run, data_dir: Path) -> None:
    _zielonki(data_dir)
    base = ("--data-dir", str(data_dir), "school-year")
    for year, needle in (
        ("2025-2026", "RRRR/RRRR"),
        ("9999/10000", "RRRR/RRRR"),
        ("2999/3000", "poza zakresem"),
        ("2030/2031", "jeszcze się nie skończył"),
    ):
        outcome = cli(*base, "close", "--municipality", "zielonki", "--school-year", year)
        assert outcome.code != 0 and needle in outcome.err, (year, outcome.text)
    missing = cli(*base, "reopen", "--municipality", "zielonki", "--school-year", "2020/2021",
                  "--reason", "x")  # fmt: skip
    assert missing.code != 0 and "nie był zamknięty" in missing.err
    assert rows(data_dir, "school_year_snapshot") == 0


def test_an_import_into_a_closed_year_is_refused(cli: Run, data_dir: Path) -> None:
    _zielonki(data_dir)
    assert cli("--data-dir", str(data_dir), "school-year", "close", "--municipality", "zielonki",
               "--school-year", "2024/2025").code == 0  # fmt: skip
    outcome = cli(
        "--data-dir",
        str(data_dir),
        "import",
        "sheet",
        str(FIXTURES / "oke_e8_zielonki_2025.xlsx"),
        "--municipality",
        "zielonki",
        "--mapping",
        "oke-e8",
        "--year",
        "2024",
    )
    assert outcome.code != 0
    assert "Rok szkolny 2024/2025 jest zamknięty" in outcome.err
    assert rows(data_dir, "exam_result") == 0


def test_export_of_a_period_not_started_is_refused(cli: Run, data_dir: Path) -> None:
    _zielonki(data_dir)
    target = data_dir.parent / "raport.pdf"
    outcome = cli("--data-dir", str(data_dir), "export", "monitoring", "--municipality",
                  "zielonki", "--from", "2999-01-01", "-o", str(target))  # fmt: skip
    assert outcome.code != 0 and "jeszcze się nie zaczął" in outcome.err
    assert not target.exists()
