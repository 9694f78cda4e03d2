"""Grids (school × year per measure), editing a cell, computed series and bound indicators."""

from __future__ import annotations

from datetime import date

import pytest

from app.model import ExamKind, ExamResult, Indicator, Measurement, School
from app.services import indicators, records
from app.services.school_data import binding, grid, series
from app.services.school_data import snapshot as snapshots
from app.storage.store import Store
from tests.core.services.conftest import Rejects, Tree


def _fill(store: Store, tree: Tree) -> School:
    m = tree.municipality.id
    second = records.create(
        store, School, m, name="Szkoła Podstawowa w Borku", school_type="szkola_podstawowa"
    )
    for year, (p1, c1, p2, c2) in {2022: (200, 10, 90, 6), 2023: (210, 10, 84, 6)}.items():
        grid.set_cell(store, m, "stats:pupils", tree.school.id, year, p1)
        grid.set_cell(store, m, "stats:classes", tree.school.id, year, c1)
        grid.set_cell(store, m, "stats:pupils", second.id, year, p2)
        grid.set_cell(store, m, "stats:classes", second.id, year, c2)
    return second


def test_grid_rows_years_and_totals(store: Store, tree: Tree) -> None:
    second = _fill(store, tree)
    data = snapshots.load(store, tree.municipality.id)
    pupils = grid.grid(data, "stats:pupils")
    assert pupils.years == [2022, 2023]
    by_school = {row.school_id: row.values for row in pupils.rows}
    assert by_school[second.id] == {2022: 90.0, 2023: 84.0}
    assert pupils.totals == {2022: 290.0, 2023: 294.0}


def test_set_cell_returns_previous_value_for_undo(store: Store, tree: Tree) -> None:
    m = tree.municipality.id
    assert grid.set_cell(store, m, "stats:pupils", tree.school.id, 2024, 150) is None
    assert grid.set_cell(store, m, "stats:pupils", tree.school.id, 2024, 155) == 150.0
    assert grid.set_cell(store, m, "stats:pupils", tree.school.id, 2024, None) == 155.0
    data = snapshots.load(store, m)
    assert grid.cell(data, grid.measure("stats:pupils"), tree.school.id, 2024) is None


@pytest.mark.parametrize(
    ("code", "year", "value", "field"),
    [
        ("stats:pupils", 2024, -1, "pupils"),
        ("stats:pupils", 1999, 10, "school_year"),
        ("stats:pupils", 2101, 10, "school_year"),
        ("stats:pupils", 2024, 10.5, "pupils"),
        ("stats:pupils", 2024, float("nan"), "pupils"),
        ("stats:pupils", 2024, 10**9, "pupils"),
        ("exam:e8:matematyka", 2024, 100.5, "mean_pct"),
        ("finance:subvention_cents", 2024, -5, "subvention_cents"),
        ("finance:subvention_cents", 2024, float("inf"), "subvention_cents"),
    ],
)
def test_bad_cells_are_refused(
    store: Store, tree: Tree, rejects: Rejects, code: str, year: int, value: float, field: str
) -> None:
    rejects(field, grid.set_cell, store, tree.municipality.id, code, tree.school.id, year, value)


def test_more_classes_than_pupils_is_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    m = tree.municipality.id
    grid.set_cell(store, m, "stats:pupils", tree.school.id, 2024, 12)
    error = rejects("classes", grid.set_cell, store, m, "stats:classes", tree.school.id, 2024, 13)
    assert "Oddziałów" in error.message


def test_unknown_measure_and_foreign_school(
    store: Store, tree: Tree, other: Tree, rejects: Rejects
) -> None:
    rejects(None, grid.set_cell, store, tree.municipality.id, "stats:nope", tree.school.id, 2024, 1)
    rejects(
        None, grid.set_cell, store, tree.municipality.id, "stats:pupils", other.school.id, 2024, 1
    )


def test_series_per_school_and_jst(store: Store, tree: Tree) -> None:
    second = _fill(store, tree)
    data = snapshots.load(store, tree.municipality.id)
    assert series.values(data, "pupils_per_class", tree.school.id) == {2022: 20.0, 2023: 21.0}
    assert series.values(data, "pupils_per_class", second.id) == {2022: 15.0, 2023: 14.0}
    # The JST: a ratio of sums, not a mean of ratios.
    assert series.values(data, "pupils_per_class") == {2022: 18.12, 2023: 18.38}
    assert series.values(data, "pupils_per_teacher_post") == {}


def test_finance_series_use_pupils_of_the_budget_year(store: Store, tree: Tree) -> None:
    m = tree.municipality.id
    _fill(store, tree)
    grid.set_cell(store, m, "finance:subvention_cents", None, 2023, 3_000_000)
    grid.set_cell(store, m, "finance:current_spending_cents", None, 2023, 5_000_000)
    grid.set_cell(store, m, "finance:grants_cents", None, 2023, 200_000)
    data = snapshots.load(store, m)
    pupils = 290 * 8 / 12 + 294 * 4 / 12
    assert series.pupils_in_budget_year(data, 2023) == pytest.approx(pupils)
    assert series.values(data, "spending_per_pupil") == {2023: round(5_000_000 / pupils, 2)}
    assert series.values(data, "subvention_share") == {2023: 60.0}
    assert series.values(data, "top_up") == {2023: 1_800_000.0}
    assert series.values(data, "top_up_share") == {2023: 36.0}
    assert series.values(data, "spending_per_pupil", tree.school.id) == {}


def test_exam_difference_and_trend(store: Store, tree: Tree) -> None:
    m = tree.municipality.id
    for year, mean, country in ((2021, 50.0, 57.0), (2022, 54.0, 56.0), (2023, 58.0, 57.0)):
        records.create(
            store,
            ExamResult,
            tree.school.id,
            school_year=year,
            exam=ExamKind.E8,
            subject="matematyka",
            takers=40,
            mean_pct=mean,
            country_pct=country,
        )
    data = snapshots.load(store, m)
    differences = series.values(data, "e8_vs_country:matematyka")
    assert differences == {2021: -7.0, 2022: -2.0, 2023: 1.0}
    assert series.trend(differences) == 4.0
    assert series.trend({2022: 1.0, 2023: 2.0}) is None
    assert series.comparison(data, "matematyka", "country") == {2021: 57.0, 2022: 56.0, 2023: 57.0}


def test_bound_indicator_fills_itself_and_follows_the_data(store: Store, tree: Tree) -> None:
    m = tree.municipality.id
    _fill(store, tree)
    binding.bind(store, tree.indicator.id, "pupils_per_class", tree.school.id)
    computed = [
        x for x in indicators.measurements(store, tree.indicator.id) if binding.is_computed(x)
    ]
    assert [(x.measured_on, x.value) for x in computed] == [
        (date(2023, 8, 31), 20.0),
        (date(2024, 8, 31), 21.0),
    ]
    # The typed measurement stays; a data change updates the computed one.
    grid.set_cell(store, m, "stats:pupils", tree.school.id, 2023, 230)
    values = {x.measured_on: x.value for x in indicators.measurements(store, tree.indicator.id)}
    assert values[date(2024, 8, 31)] == 23.0
    assert values[date(2025, 1, 1)] == 30.0
    # Data gone: the computed measurement goes too (tombstoned, so it merges).
    grid.set_cell(store, m, "stats:classes", tree.school.id, 2023, None)
    days = [x.measured_on for x in indicators.measurements(store, tree.indicator.id)]
    assert date(2024, 8, 31) not in days
    binding.unbind(store, tree.indicator.id)
    grid.set_cell(store, m, "stats:classes", tree.school.id, 2023, 10)
    days = [x.measured_on for x in indicators.measurements(store, tree.indicator.id)]
    assert date(2024, 8, 31) not in days


def test_bind_refuses_school_for_jst_series_and_unknown_code(
    store: Store, tree: Tree, rejects: Rejects
) -> None:
    rejects("school_id", binding.bind, store, tree.indicator.id, "top_up", tree.school.id)
    rejects(None, binding.bind, store, tree.indicator.id, "no_such_series")


def test_hdr_indicator_can_be_bound(store: Store, tree: Tree) -> None:
    hdr_indicator = records.create(
        store,
        Indicator,
        tree.municipality.id,
        name="Uczniowie na oddział",
        schedule_item_id=tree.item.id,
    )
    _fill(store, tree)
    binding.bind(store, hdr_indicator.id, "pupils_per_class")
    assert len(records.children(store, Measurement, indicator_id=hdr_indicator.id)) == 2


def test_bindable_lists_plan_and_hdr_indicators_with_their_binding(
    store: Store, tree: Tree
) -> None:
    hdr = records.create(
        store,
        Indicator,
        tree.municipality.id,
        name="Wskaźnik sukcesu HDR",
        schedule_item_id=tree.item.id,
    )
    binding.bind(store, hdr.id, "share_transported", tree.school.id)
    found = {b.indicator_id: b for b in binding.bindable(store, tree.municipality.id)}
    assert found[tree.indicator.id].series is None and not found[tree.indicator.id].in_hdr
    assert found[hdr.id].in_hdr
    assert (found[hdr.id].series, found[hdr.id].school_id) == ("share_transported", tree.school.id)
    binding.bind(store, hdr.id, "pupils_per_class")  # rebinding replaces, never duplicates
    found = {b.indicator_id: b for b in binding.bindable(store, tree.municipality.id)}
    assert (found[hdr.id].series, found[hdr.id].school_id) == ("pupils_per_class", None)
