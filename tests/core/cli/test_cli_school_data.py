"""``plan-oswiaty import rspo|sheet`` and the school years in ``list``."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.model import Municipality, School
from app.services import records
from app.storage.store import Store

FIXTURES = Path(__file__).parents[2] / "fixtures" / "school_data"
Run = Any
DB = "plan-oswiaty.sqlite"


@pytest.fixture
def zielonki_dir(data_dir: Path) -> Path:
    with Store.open(data_dir) as store:
        m = records.create(
            store, Municipality, name="Gmina Zielonki Wielkie", kind="urban_rural", teryt="3035023"
        )
        for rspo, name in (
            ("21876", "Szkoła Podstawowa nr 1 im. Adama Mickiewicza w Zielonkach Wielkich"),
            ("21889", "Szkoła Podstawowa nr 2 im. Marii Konopnickiej w Zielonkach Wielkich"),
            (None, "Szkoła Podstawowa w Olszynce"),
        ):
            records.create(
                store, School, m.id, name=name, school_type="szkola_podstawowa", rspo=rspo
            )
    return data_dir


def rows(data_dir: Path, table: str) -> int:
    connection = sqlite3.connect(data_dir / DB)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def test_rspo_dry_run_prints_and_writes_nothing_then_import(cli: Run, zielonki_dir: Path) -> None:
    args = ("--data-dir", str(zielonki_dir), "import", "rspo", str(FIXTURES / "rspo_zielonki.csv"))
    dry = cli(*args, "--municipality", "zielonki", "--dry-run")
    assert dry.code == 0, dry.err
    assert "nowe 4, zmienione 1, bez zmian 0" in dry.out
    assert "Liczba uczniów" in dry.out
    assert "Próba: nic nie zapisano." in dry.out
    assert rows(zielonki_dir, "school") == 3
    done = cli(*args, "--municipality", "zielonki")
    assert done.code == 0, done.err
    assert rows(zielonki_dir, "school") == 7
    assert "Nic do zmiany." in cli(*args, "--municipality", "zielonki").out


def test_sheet_import_with_built_in_mapping_and_list(cli: Run, zielonki_dir: Path) -> None:
    base = ("--data-dir", str(zielonki_dir), "import", "sheet")
    outcome = cli(
        *base,
        str(FIXTURES / "oke_e8_zielonki_2025.xlsx"),
        "--municipality",
        "zielonki",
        "--mapping",
        "oke-e8",
        "--year",
        "2024",
    )
    assert outcome.code == 0, outcome.err
    assert "pominięto; dodaj --confirm-names" in outcome.out
    assert rows(zielonki_dir, "exam_result") == 6
    sio = cli(
        *base,
        str(FIXTURES / "sio_zielonki.csv"),
        "--municipality",
        "zielonki",
        "--mapping",
        "sio",
        "--confirm-names",
    )
    assert sio.code == 0, sio.err
    assert rows(zielonki_dir, "school_year_stats") == 3
    listing = cli("--data-dir", str(zielonki_dir), "list")
    assert "dane oświatowe, lata szkolne: 2 (2024/2025–2025/2026)" in listing.out


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (
            (
                "import",
                "sheet",
                "oke_e8_broken_value.xlsx",
                "--mapping",
                "oke-e8",
                "--year",
                "2024",
            ),
            "Wiersz 7",
        ),
        (
            ("import", "sheet", "oke_e8_zielonki_2025.xlsx", "--mapping", "brak"),
            "Nie ma przypisania",
        ),
        (("import", "sheet", "oke_e8_zielonki_2025.xlsx", "--mapping", "oke-e8"), "rok szkolny"),
        (("import", "rspo", "rspo_broken_columns.csv"), "To nie jest eksport RSPO"),
        (("import", "rspo", "not_a_sheet.xlsx"), "xlsx"),
    ],
)
def test_refused_files_exit_non_zero_with_one_polish_line(
    cli: Run, zielonki_dir: Path, extra: tuple[str, ...], needle: str
) -> None:
    args = [a if not a.endswith((".xlsx", ".csv")) else str(FIXTURES / a) for a in extra]
    before = (rows(zielonki_dir, "school"), rows(zielonki_dir, "exam_result"))
    outcome = cli("--data-dir", str(zielonki_dir), *args, "--municipality", "zielonki")
    assert outcome.code == 1
    assert needle in outcome.err
    assert len(outcome.err.strip().splitlines()) == 1
    assert "Traceback" not in outcome.text
    assert (rows(zielonki_dir, "school"), rows(zielonki_dir, "exam_result")) == before


@pytest.fixture
def technikum_dir(zielonki_dir: Path) -> Path:
    with Store.open(zielonki_dir) as store:
        with store.session() as session:
            m = session.query(Municipality).one()
            m_id = m.id
        records.create(
            store,
            School,
            m_id,
            name="Technikum nr 1 im. Hipolita Cegielskiego w Zielonkach Wielkich",
            school_type="technikum",
            rspo="52024",
        )
    return zielonki_dir


def test_vocational_sheet_dry_run_writes_nothing_then_imports(
    cli: Run, technikum_dir: Path
) -> None:
    args = (
        "--data-dir",
        str(technikum_dir),
        "import",
        "sheet",
        str(FIXTURES / "oke_zawodowy_zielonki_2025.xlsx"),
        "--municipality",
        "zielonki",
        "--mapping",
        "oke-zawodowy",
        "--year",
        "2024",
    )
    dry = cli(*args, "--dry-run")
    assert dry.code == 0, dry.err
    assert "Próba: nic nie zapisano." in dry.out
    assert rows(technikum_dir, "exam_result") == 0
    done = cli(*args)
    assert done.code == 0, done.err
    assert rows(technikum_dir, "exam_result") == 5


def test_a_broken_vocational_sheet_exits_non_zero_and_writes_nothing(
    cli: Run, technikum_dir: Path
) -> None:
    outcome = cli(
        "--data-dir",
        str(technikum_dir),
        "import",
        "sheet",
        str(FIXTURES / "oke_zawodowy_broken_over_100.xlsx"),
        "--municipality",
        "zielonki",
        "--mapping",
        "oke-zawodowy",
        "--year",
        "2024",
    )
    assert outcome.code == 1
    assert "Wiersz 6" in outcome.err and "bez zmian" in outcome.err
    assert len(outcome.err.strip().splitlines()) == 1
    assert "Traceback" not in outcome.text
    assert rows(technikum_dir, "exam_result") == 0
