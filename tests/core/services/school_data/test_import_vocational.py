"""The egzamin zawodowy by school and qualification (OKE layout): pass rates and levels."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.errors import UserError
from app.imports import mapping as mappings
from app.imports import sheet
from app.model import ExamKind, ExamResult, School
from app.services import records
from app.services.school_data import grid, snapshot
from app.storage.store import Store
from tests.core.services.conftest import assert_polish_message, take_snapshot
from tests.core.services.school_data.conftest import Zielonki, sample

TECHNIKUM = "Technikum nr 1 im. Hipolita Cegielskiego w Zielonkach Wielkich"


@pytest.fixture
def technikum(store: Store, zielonki: Zielonki) -> School:
    m = zielonki.municipality.id
    return records.create(store, School, m, name=TECHNIKUM, school_type="technikum", rspo="52024")


def test_the_vocational_sheet_imports_qualifications_and_levels(
    store: Store, zielonki: Zielonki, technikum: School
) -> None:
    m = zielonki.municipality.id
    chosen = mappings.load(store, "oke-zawodowy")
    path = sample("oke_zawodowy_zielonki_2025.xlsx")
    before = take_snapshot(store)
    prepared = sheet.plan(store, m, path, chosen, year=2024)
    assert take_snapshot(store) == before  # planning (the dry run) writes nothing
    assert prepared.exam is ExamKind.VOCATIONAL
    assert prepared.totals_skipped == 1
    assert not prepared.unmatched and not prepared.by_name
    assert [row.subject for row in prepared.rows] == [
        "INF.02",
        "INF.03",
        "MEC.09",
        "HGT.12",
        "ogółem",
    ]
    assert prepared.comparisons["INF.03"] == {
        "powiat_pct": 70.5,
        "voivodeship_pct": 68.9,
        "country_pct": 67.4,
    }
    assert sheet.apply(store, prepared) == 5
    results = records.children(store, ExamResult, school_id=technikum.id)
    by_subject = {r.subject: r for r in results}
    assert all(r.exam is ExamKind.VOCATIONAL and r.school_year == 2024 for r in results)
    assert (by_subject["INF.02"].takers, by_subject["INF.02"].pass_rate) == (32, 71.9)
    assert by_subject["INF.02"].country_pct == 60.1
    assert by_subject["MEC.09"].pass_rate == 52.4 and by_subject["MEC.09"].country_pct is None
    assert (by_subject["ogółem"].pass_rate, by_subject["ogółem"].powiat_pct) == (71.8, 66.0)
    assert by_subject["ogółem"].mean_pct is None

    data = snapshot.load(store, m)
    shown = grid.grid(data, "exam_pass:vocational:ogółem")
    assert shown.totals[2024] == 71.8
    codes = [measure.code for measure in grid.measures(data)]
    assert "exam_pass:vocational:INF.03" in codes

    again = sheet.plan(store, m, path, chosen, year=2024)
    assert again.count(sheet.UNCHANGED) == 5


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("oke_zawodowy_broken_over_100.xlsx", "Wiersz 6"),
        ("oke_zawodowy_broken_number.xlsx", "Wiersz 7: „dwadzieścia” nie jest liczbą"),
    ],
)
def test_a_broken_vocational_sheet_refuses_the_whole_file(
    store: Store, zielonki: Zielonki, technikum: School, name: str, needle: str
) -> None:
    before = take_snapshot(store)
    chosen = mappings.load(store, "oke-zawodowy")
    with pytest.raises(UserError) as caught:
        sheet.plan(store, zielonki.municipality.id, sample(name), chosen, year=2024)
    assert needle in caught.value.message
    assert "dane pozostały bez zmian" in caught.value.message
    assert_polish_message(caught.value.message)
    assert take_snapshot(store) == before


def test_row_subjects_need_a_subject_column(store: Store) -> None:
    chosen = mappings.load(store, "oke-zawodowy")
    columns = {k: v for k, v in chosen.columns.items() if k != "subject"}
    with pytest.raises(UserError) as caught:
        replace(chosen, columns=columns).check()
    assert "kwalifikacji" in caught.value.message
    assert_polish_message(caught.value.message)


def test_a_result_without_its_qualification_is_refused(
    store: Store, zielonki: Zielonki, technikum: School, tmp_path: object
) -> None:
    from pathlib import Path

    from openpyxl import load_workbook

    book = load_workbook(sample("oke_zawodowy_zielonki_2025.xlsx"))
    book.active["C6"] = None  # type: ignore[index]
    broken = Path(str(tmp_path)) / "bez_kwalifikacji.xlsx"
    book.save(broken)
    before = take_snapshot(store)
    chosen = mappings.load(store, "oke-zawodowy")
    with pytest.raises(UserError) as caught:
        sheet.plan(store, zielonki.municipality.id, broken, chosen, year=2024)
    assert "Wiersz 6: brak przedmiotu albo kwalifikacji" in caught.value.message
    assert take_snapshot(store) == before
