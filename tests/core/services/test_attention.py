"""Indicators needing attention: off track, at risk or stale, across the whole municipality."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest

from app.model import Indicator, IndicatorStatus, Measurement, StrategicPlan
from app.services import attention, indicators, records
from app.services.indicators import AT_RISK_TOLERANCE, ON_TRACK_TOLERANCE, add_months
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Tree

START = date(2024, 1, 1)
END = START + timedelta(days=1000)
HALFWAY = START + timedelta(days=500)  # half the time: 50 of 100 is exactly on plan


def make(store: Store, tree: Tree, name: str, *values: float, **fields: object) -> Indicator:
    fields = {
        "plan_id": tree.plan.id,
        "baseline_value": 0.0,
        "target_value": 100.0,
        "baseline_date": START,
        "target_date": END,
        "interval_months": 60,
        **fields,
    }
    created = records.create(store, Indicator, tree.municipality.id, name=name, **fields)
    for value in values:
        indicators.record_measurement(store, created.id, measured_on=HALFWAY, value=value)
    return created


def found(store: Store, tree: Tree, today: date = HALFWAY) -> dict[str, attention.IndicatorCheck]:
    return {
        c.indicator.name: c for c in attention.needs_attention(store, tree.municipality.id, today)
    }


@pytest.fixture
def quiet(store: Store, tree: Tree) -> Tree:
    """The tree without its own indicator, so each test sees only what it makes."""
    records.delete(store, Indicator, tree.indicator.id)
    return tree


def test_status_boundaries_decide_attention(store: Store, quiet: Tree) -> None:
    on_plan = 50.0
    make(store, quiet, "na granicy zgodności", on_plan - ON_TRACK_TOLERANCE * 100)
    make(store, quiet, "tuż pod granicą", on_plan - ON_TRACK_TOLERANCE * 100 - 0.5)
    make(store, quiet, "na granicy zagrożenia", on_plan - AT_RISK_TOLERANCE * 100)
    make(store, quiet, "poza planem", on_plan - AT_RISK_TOLERANCE * 100 - 0.5)
    make(store, quiet, "osiągnięty", 100)
    checks = found(store, quiet)
    assert set(checks) == {"tuż pod granicą", "na granicy zagrożenia", "poza planem"}
    assert checks["tuż pod granicą"].state.status is IndicatorStatus.AT_RISK
    assert checks["na granicy zagrożenia"].state.status is IndicatorStatus.AT_RISK
    assert checks["poza planem"].state.status is IndicatorStatus.OFF_TRACK


def test_stale_from_the_day_after_the_interval(store: Store, quiet: Tree) -> None:
    make(store, quiet, "półroczny", 50, interval_months=6)
    due = add_months(HALFWAY, 6)
    assert found(store, quiet, today=due) == {}
    late = found(store, quiet, today=due + timedelta(days=1))
    assert list(late) == ["półroczny"] and late["półroczny"].state.stale


def test_never_measured_is_stale_by_its_baseline_date(store: Store, quiet: Tree) -> None:
    make(store, quiet, "bez pomiarów", interval_months=12)
    due = add_months(START, 12)
    assert found(store, quiet, today=due) == {}
    check = found(store, quiet, today=due + timedelta(days=1))["bez pomiarów"]
    assert check.state.status is IndicatorStatus.NO_DATA and check.state.stale


def test_no_data_and_no_baseline_date_is_not_attention(store: Store, quiet: Tree) -> None:
    make(store, quiet, "pusty", baseline_date=None, target_date=None)
    assert found(store, quiet, today=date(2040, 1, 1)) == {}


def test_past_the_target_date_and_not_achieved_is_off_track(store: Store, quiet: Tree) -> None:
    make(store, quiet, "spóźniony", 60)
    assert found(store, quiet, today=END) == {}
    late = found(store, quiet, today=END + timedelta(days=1))["spóźniony"]
    assert late.state.status is IndicatorStatus.OFF_TRACK


def test_the_worst_come_first(store: Store, quiet: Tree) -> None:
    make(store, quiet, "b zagrożony", 30)
    make(store, quiet, "a poza planem", 5)
    make(store, quiet, "c nieaktualny", 50, interval_months=1)
    make(store, quiet, "d poza planem i nieaktualny", 5, interval_months=1)
    today = add_months(HALFWAY, 1) + timedelta(days=1)
    names = [
        c.indicator.name for c in attention.needs_attention(store, quiet.municipality.id, today)
    ]
    assert names == ["d poza planem i nieaktualny", "a poza planem", "b zagrożony", "c nieaktualny"]


def test_a_new_measurement_takes_an_indicator_off_the_list(store: Store, quiet: Tree) -> None:
    lagging = make(store, quiet, "do poprawy", 10)
    assert found(store, quiet)["do poprawy"].state.status is IndicatorStatus.OFF_TRACK
    indicators.record_measurement(store, lagging.id, measured_on=HALFWAY, value=52)
    assert found(store, quiet) == {}
    check = attention.checks(store, quiet.municipality.id, HALFWAY)[0]
    assert check.state.status is IndicatorStatus.ON_TRACK
    assert check.state.latest is not None and check.state.latest.value == 52


def test_every_indicator_of_the_municipality_counts(store: Store, tree: Tree, other: Tree) -> None:
    on_item = make(store, tree, "w HDR", 5, plan_id=None, schedule_item_id=tree.item.id)
    own = make(store, tree, "gminy", 5, plan_id=None)
    on_goal = make(store, tree, "celu", 5, goal_id=tree.goal.id)
    checks = {c.indicator.id: c for c in attention.checks(store, tree.municipality.id, HALFWAY)}
    assert set(checks) == {tree.indicator.id, on_item.id, own.id, on_goal.id}
    assert checks[on_item.id].attached_to == "Pozycja HDR: Warsztaty budżetowe"
    assert checks[on_item.id].link == ("schedule_item", tree.item.id)
    assert checks[own.id].attached_to == "" and checks[own.id].link is None
    assert checks[on_goal.id].attached_to == "Cel strategiczny: Cel strategiczny 1"
    assert checks[tree.indicator.id].attached_to == "Działanie: Szkolenia nauczycieli"
    assert other.indicator.id not in checks


def test_deleted_indicators_and_measurements_do_not_count(store: Store, quiet: Tree) -> None:
    fine = make(store, quiet, "był dobry", 5)
    good = indicators.record_measurement(store, fine.id, measured_on=HALFWAY, value=55)
    assert found(store, quiet) == {}
    records.delete(store, Measurement, good.id)
    assert list(found(store, quiet)) == ["był dobry"]
    records.delete(store, Indicator, fine.id)
    assert found(store, quiet) == {}


def test_a_deleted_plan_takes_its_indicators_along(store: Store, tree: Tree) -> None:
    make(store, tree, "planu", 5)
    records.delete(store, StrategicPlan, tree.plan.id)
    assert attention.checks(store, tree.municipality.id, HALFWAY) == []


def test_counts(store: Store, quiet: Tree) -> None:
    make(store, quiet, "zgodny", 50)
    make(store, quiet, "zagrożony", 30)
    make(store, quiet, "poza", 5)
    make(store, quiet, "osiągnięty", 100)
    make(store, quiet, "nieaktualny", 50, interval_months=1)
    make(store, quiet, "brak", baseline_value=None)
    today = HALFWAY + timedelta(days=40)
    got = attention.counts(store, quiet.municipality.id, today)
    assert (got.total, got.on_track, got.at_risk, got.off_track, got.achieved) == (6, 2, 1, 1, 1)
    assert (got.no_data, got.stale, got.needing_attention) == (1, 1, 3)
    assert len(attention.stale(store, quiet.municipality.id, today)) == 1
    assert [c.indicator.name for c in attention.off_track(store, quiet.municipality.id, today)] == [
        "poza",
        "zagrożony",
    ]
