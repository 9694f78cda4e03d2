"""The matura by school (OKE layout): pass rates and subject means as data and as series."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.imports import mapping as mappings
from app.imports import sheet
from app.model import ExamKind, ExamResult, School
from app.services import records
from app.services.school_data import grid, series, snapshot
from app.storage.store import Store
from tests.core.services.conftest import assert_polish_message, take_snapshot
from tests.core.services.school_data.conftest import Zielonki, sample

LICEUM = "I Liceum Ogólnokształcące im. Mikołaja Kopernika w Zielonkach Wielkich"
TECHNIKUM = "Technikum nr 1 w Zielonkach Wielkich"


@pytest.fixture
def secondary(store: Store, zielonki: Zielonki) -> dict[str, School]:
    m = zielonki.municipality.id
    return {
        "liceum": records.create(store, School, m, name=LICEUM, school_type="liceum", rspo="52011"),
        "technikum": records.create(store, School, m, name=TECHNIKUM, school_type="technikum"),
    }


def test_the_matura_sheet_imports_with_pass_rates_and_levels(
    store: Store, zielonki: Zielonki, secondary: dict[str, School]
) -> None:
    m = zielonki.municipality.id
    chosen = mappings.load(store, "oke-matura")
    prepared = sheet.plan(store, m, sample("oke_matura_zielonki_2025.xlsx"), chosen, year=2024)
    assert prepared.exam is ExamKind.MATURA
    assert prepared.totals_skipped == 1
    assert {row.school_name for row in prepared.by_name} == {TECHNIKUM}
    assert prepared.comparisons["matematyka"]["country_pct"] == 56.0
    sheet.apply(store, prepared, confirm_names=True)
    results = records.children(store, ExamResult, school_id=secondary["liceum"].id)
    by_subject = {r.subject: r for r in results}
    assert by_subject["ogółem"].pass_rate == 91.5
    assert (by_subject["matematyka"].mean_pct, by_subject["matematyka"].pass_rate) == (63.8, 93.2)
    assert all(r.exam is ExamKind.MATURA for r in results)

    data = snapshot.load(store, m)
    overall = series.values(data, "matura_pass:ogółem")
    assert overall == {2024: round((91.5 * 118 + 78.1 * 96) / 214, 1)}
    assert series.values(data, "matura_vs_country:matematyka", secondary["liceum"].id) == {
        2024: 7.8
    }
    assert series.find("matura_pass:ogółem").title == "Matura ogółem: zdawalność"
    assert "matura_pass:ogółem" in series.chart_codes(data)
    assert "matura_mean:matematyka" in series.chart_codes(data)
    shown = grid.grid(data, "exam_pass:matura:ogółem")
    assert shown.totals[2024] == overall[2024]
    assert grid.measure("exam_pass:matura:ogółem", data).title == "matura: ogółem, zdawalność (%)"


def test_a_gmina_without_secondary_schools_gets_no_matura_grids(
    store: Store, zielonki: Zielonki
) -> None:
    codes = [m.code for m in grid.measures(snapshot.load(store, zielonki.municipality.id))]
    assert not [code for code in codes if ":matura:" in code]
    assert "exam:e8:matematyka" in codes


def test_a_pass_rate_over_100_refuses_the_file(
    store: Store, zielonki: Zielonki, secondary: dict[str, School]
) -> None:
    before = take_snapshot(store)
    chosen = mappings.load(store, "oke-matura")
    with pytest.raises(UserError) as caught:
        sheet.plan(
            store,
            zielonki.municipality.id,
            sample("oke_matura_broken_pass_rate.xlsx"),
            chosen,
            year=2024,
        )
    assert "Wiersz 5" in caught.value.message and "Zdawalność" in caught.value.message
    assert_polish_message(caught.value.message)
    assert take_snapshot(store) == before


@pytest.mark.parametrize("code", ["e8_pass:matematyka", "matura_mean:", "nic_mean:x", "matura_x:y"])
def test_unknown_series_codes_are_refused(code: str) -> None:
    with pytest.raises(UserError):
        series.find(code)
