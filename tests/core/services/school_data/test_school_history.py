"""A school's history (opened, closed, merged), public or not, who runs it; grades, spending."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.errors import UserError
from app.model import School, SchoolYearStats
from app.services import records
from app.services.school_data import grid
from app.storage.store import Store
from tests.core.services.conftest import assert_polish_message, take_snapshot
from tests.core.services.school_data.conftest import Zielonki


def _school(zielonki: Zielonki, rspo: str = "21944") -> School:
    return zielonki.schools[rspo]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"opened_on": date(2010, 9, 1), "closed_on": date(2009, 8, 31)}, "closed_on"),
        ({"merged_into_id": "self"}, "merged_into_id"),
        ({"merged_into_id": "other"}, "closed_on"),  # merged: from when?
        ({"run_by_jst": False}, "operator"),
        ({"run_by_jst": False, "operator": "   "}, "operator"),
        ({"operator": "x" * 301}, "operator"),
        ({"opened_on": date(1750, 9, 1)}, "opened_on"),
    ],
)
def test_a_history_that_cannot_be_is_refused_with_nothing_saved(
    store: Store, zielonki: Zielonki, changes: dict[str, Any], field: str
) -> None:
    school = _school(zielonki)
    other = _school(zielonki, "21876")
    values = {
        k: (school.id if v == "self" else other.id if v == "other" else v)
        for k, v in changes.items()
    }
    before = take_snapshot(store)
    with pytest.raises(UserError) as caught:
        records.update(store, School, school.id, **values)
    assert caught.value.field == field
    assert_polish_message(caught.value.message)
    assert take_snapshot(store) == before


def test_a_merged_school_keeps_its_dates_and_target(store: Store, zielonki: Zielonki) -> None:
    school, target = _school(zielonki), _school(zielonki, "21876")
    records.update(
        store,
        School,
        school.id,
        opened_on=date(1962, 9, 1),
        closed_on=date(2024, 8, 31),
        merged_into_id=target.id,
    )
    stored = records.get(store, School, school.id)
    assert stored.merged_into_id == target.id
    assert stored.open_in(2023) and not stored.open_in(2024)
    assert not stored.open_in(1961) and stored.open_in(1962)


def test_a_merged_into_school_of_another_jst_is_refused(store: Store, zielonki: Zielonki) -> None:
    from app.model import Municipality

    elsewhere = records.create(store, Municipality, name="Gmina Inna", kind="rural")
    foreign = records.create(
        store, School, elsewhere.id, name="SP Inna", school_type="szkola_podstawowa"
    )
    with pytest.raises(UserError):
        records.update(
            store,
            School,
            _school(zielonki).id,
            closed_on=date(2024, 8, 31),
            merged_into_id=foreign.id,
        )


def test_a_school_run_by_another_body_names_it(store: Store, zielonki: Zielonki) -> None:
    school = _school(zielonki)
    records.update(store, School, school.id, run_by_jst=False, is_public=False, operator="Fundacja")
    stored = records.get(store, School, school.id)
    assert (stored.run_by_jst, stored.is_public, stored.operator) == (False, False, "Fundacja")


def test_pupils_by_grade_and_spending_are_grid_measures(store: Store, zielonki: Zielonki) -> None:
    m, school = zielonki.municipality.id, _school(zielonki)
    grid.set_cell(store, m, "stats:pupils", school.id, 2024, 120)
    grid.set_cell(store, m, "stats:pupils_grade_1", school.id, 2024, 15)
    assert grid.set_cell(store, m, "stats:spending_cents", school.id, 2024, 1_234_567.89) is None
    stats = records.children(store, SchoolYearStats, school_id=school.id)[0]
    assert (stats.pupils_grade_1, stats.spending_cents) == (15, 123_456_789)
    shown = grid.load_grid(store, m, "stats:spending_cents")
    row = next(r for r in shown.rows if r.school_id == school.id)
    assert row.values[2024] == pytest.approx(1_234_567.89)
    assert shown.measure.money
    # Grades are kept as reported (the total may be edited alone), each one a count.
    before = take_snapshot(store)
    with pytest.raises(UserError):
        grid.set_cell(store, m, "stats:pupils_grade_2", school.id, 2024, -1)
    with pytest.raises(UserError):
        grid.set_cell(store, m, "stats:spending_cents", school.id, 2024, -5)
    assert take_snapshot(store) == before


def test_a_school_closed_before_the_years_shown_has_no_grid_row(
    store: Store, zielonki: Zielonki
) -> None:
    m = zielonki.municipality.id
    kept, closed, later = (_school(zielonki, r) for r in ("21876", "21944", "21889"))
    grid.set_cell(store, m, "stats:pupils", kept.id, 2024, 300)
    records.update(store, School, closed.id, closed_on=date(2020, 8, 31))
    records.update(store, School, later.id, opened_on=date(2030, 9, 1))
    rows = {row.school_id for row in grid.load_grid(store, m, "stats:pupils").rows}
    assert kept.id in rows and closed.id not in rows and later.id not in rows
    records.update(store, School, closed.id, closed_on=date(2024, 10, 31))  # open in 2024/25
    rows = {row.school_id for row in grid.load_grid(store, m, "stats:pupils").rows}
    assert closed.id in rows
