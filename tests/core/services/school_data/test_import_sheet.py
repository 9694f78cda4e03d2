"""Spreadsheet imports through a column mapping: SIO extracts and OKE exam results."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import UserError
from app.imports import mapping as mappings
from app.imports import sheet, tabular
from app.services.school_data import grid, series
from app.services.school_data import snapshot as snapshots
from app.storage.store import Store
from tests.core.services.conftest import assert_polish_message, take_snapshot
from tests.core.services.school_data.conftest import Zielonki, sample


def test_exam_sheet_with_merged_headers_decimal_commas_totals_and_levels(
    store: Store, zielonki: Zielonki
) -> None:
    m = zielonki.municipality.id
    e8 = mappings.load(store, "oke-e8")
    before = take_snapshot(store)
    prepared = sheet.plan(store, m, sample("oke_e8_zielonki_2025.xlsx"), e8, year=2024)
    assert take_snapshot(store) == before
    assert prepared.totals_skipped == 1
    # Brzozowa Wola's school is not one of this JST's schools (in the fixture).
    assert [label for _line, label in prepared.unmatched] == [
        "Szkoła Podstawowa im. Janusza Korczaka w Brzozowej Woli"
    ]
    assert {row.school_name for row in prepared.by_name} == {"Szkoła Podstawowa w Olszynce"}
    assert prepared.comparisons["matematyka"] == {
        "gmina_pct": 47.6,
        "powiat_pct": 46.8,
        "voivodeship_pct": 49.0,
        "country_pct": 49.0,
    }
    assert sheet.apply(store, prepared) == 9  # 3 schools × 3 subjects, Olszynka not confirmed
    data = snapshots.load(store, m)
    sp1 = zielonki.schools["21876"].id
    assert grid.cell(data, grid.measure("exam:e8:język polski"), sp1, 2024) == 63.4
    assert (
        grid.cell(data, grid.measure("exam:e8:matematyka"), zielonki.schools["olszynka"].id, 2024)
        is None
    )
    assert series.values(data, "e8_vs_country:matematyka", sp1) == {2024: 2.2}


def test_name_matches_are_written_once_confirmed(store: Store, zielonki: Zielonki) -> None:
    m = zielonki.municipality.id
    prepared = sheet.plan(
        store, m, sample("oke_e8_zielonki_2025.xlsx"), mappings.load(store, "oke-e8"), year=2024
    )
    assert sheet.apply(store, prepared, confirm_names=True) == 12
    data = snapshots.load(store, m)
    olszynka = zielonki.schools["olszynka"].id
    assert grid.cell(data, grid.measure("exam:e8:matematyka"), olszynka, 2024) == 38.6


def test_sio_extract_fills_stats_and_a_second_import_changes_nothing(
    store: Store, zielonki: Zielonki
) -> None:
    m = zielonki.municipality.id
    sio = mappings.load(store, "sio")
    prepared = sheet.plan(store, m, sample("sio_zielonki.csv"), sio)
    assert prepared.totals_skipped == 1
    assert prepared.unmatched == []
    assert prepared.count(sheet.NEW) == 3
    assert [row.school_name for row in prepared.by_name] == ["Szkoła Podstawowa w Olszynce"]
    sheet.apply(store, prepared, confirm_names=True)
    data = snapshots.load(store, m)
    sp1 = zielonki.schools["21876"].id
    assert data.stats[(sp1, 2025)].teacher_posts == 52.35
    assert data.stats[(sp1, 2025)].classes == 28
    again = sheet.plan(store, m, sample("sio_zielonki.csv"), sio)
    assert again.count(sheet.UNCHANGED) == len(again.rows)
    before = take_snapshot(store)
    assert sheet.apply(store, again, confirm_names=True) == 0
    assert take_snapshot(store) == before


@pytest.mark.parametrize(
    ("name", "mapping", "needle"),
    [
        ("oke_e8_broken_value.xlsx", "oke-e8", "Wiersz 7"),
        ("oke_e8_broken_over_100.xlsx", "oke-e8", "100"),
        ("sio_broken_classes.csv", "sio", "Oddziałów"),
        ("not_a_sheet.xlsx", "oke-e8", "xlsx"),
        ("rspo_zielonki.csv", "sio", "nie pasuje"),
        ("oke_e8_zielonki_2025.xlsx", "sio", "nie pasuje"),
    ],
)
def test_broken_sheets_are_refused_with_nothing_written(
    store: Store, zielonki: Zielonki, name: str, mapping: str, needle: str
) -> None:
    before = take_snapshot(store)
    with pytest.raises(UserError) as caught:
        sheet.plan(
            store, zielonki.municipality.id, sample(name), mappings.load(store, mapping), year=2024
        )
    assert needle in caught.value.message
    assert_polish_message(caught.value.message)
    assert take_snapshot(store) == before


def test_saved_mapping_is_offered_next_time(store: Store) -> None:
    mine = mappings.Mapping(
        "moja gmina", mappings.STATS, 2, {"name": "Szkoła", "pupils": "Uczniowie"}, year=2025
    )
    mappings.save(store, mine)
    assert mappings.names(store)[0] == "moja gmina"
    assert mappings.load(store, "moja gmina") == mine
    with pytest.raises(UserError, match="Nie ma przypisania"):
        mappings.load(store, "nieznane")
    with pytest.raises(UserError):
        mappings.save(
            store, mappings.Mapping("bez szkoły", mappings.STATS, 1, {"pupils": "U"}, year=2025)
        )
    with pytest.raises(UserError):
        mappings.save(store, mappings.Mapping(" ", mappings.STATS, 1, {"name": "S"}))


def test_exam_sheet_needs_a_school_year(store: Store, zielonki: Zielonki) -> None:
    e8 = mappings.load(store, "oke-e8")
    with pytest.raises(UserError, match="rok szkolny") as caught:
        sheet.plan(store, zielonki.municipality.id, sample("oke_e8_zielonki_2025.xlsx"), e8)
    assert caught.value.field == "year"


def test_header_row_groups_and_numbers() -> None:
    table = tabular.read(sample("oke_e8_zielonki_2025.xlsx"))
    assert tabular.guess_header_row(table.rows) == 4
    headers = table.headers(4)
    assert headers[:4] == [
        "Kod RSPO",
        "Nazwa szkoły",
        "Miejscowość",
        "Język polski / Liczba zdających",
    ]
    assert headers[-1] == "Język angielski / Stanin"
    with pytest.raises(UserError):
        table.headers(999)
    assert tabular.number("1 234,5") == 1234.5
    assert tabular.number("45,5%") == 45.5
    assert tabular.number("—") is None
    with pytest.raises(ValueError):
        tabular.number("abc")
    with pytest.raises(ValueError):
        tabular.number("nan")


def test_csv_reader_handles_cp1250_and_binary(tmp_path: Path) -> None:
    rows = tabular.read_csv_rows('Nazwa;Kod\r\nSzkoła w Łęgach;="00123"\r\n'.encode("cp1250"))
    assert rows[1] == ["Szkoła w Łęgach", "00123"]
    with pytest.raises(UserError):
        tabular.read_csv_rows(b"\x00\x01\x02binary")
    with pytest.raises(UserError):
        tabular.read(tmp_path / "a.pdf") if (tmp_path / "a.pdf").write_bytes(b"%PDF") else None
