"""Indicator kinds (at least, at most, keep, yes/no) and milestones, at their boundaries."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from app.model import Direction, Indicator, IndicatorMilestone, IndicatorStatus, Measurement
from app.services import indicators, records
from app.services.indicators import KEEP_TOLERANCE, due_threshold, evaluate
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Rejects, Tree

START, END = date(2024, 1, 1), date(2030, 12, 31)
TODAY = date(2027, 1, 1)


def ind(kind: Direction, baseline: float | None, target: float) -> Indicator:
    return Indicator(
        name="Miernik",
        direction=kind,
        baseline_value=baseline,
        target_value=target,
        baseline_date=START,
        target_date=END,
        interval_months=12,
    )


def status(
    indicator: Indicator,
    value: float,
    on: date = date(2026, 12, 31),
    today: date = TODAY,
    milestones: tuple[IndicatorMilestone, ...] = (),
) -> IndicatorStatus:
    return evaluate(indicator, [Measurement(measured_on=on, value=value)], today, milestones).status


def step(due: date, value: float) -> IndicatorMilestone:
    return IndicatorMilestone(due_date=due, value=value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (21_000, IndicatorStatus.OFF_TRACK),  # the council's case: a broken ceiling
        (19_500.01, IndicatorStatus.OFF_TRACK),
        (19_500, IndicatorStatus.ACHIEVED),  # equal meets the ceiling
        (18_000, IndicatorStatus.ACHIEVED),
    ],
)
def test_at_most_is_a_ceiling(value: float, expected: IndicatorStatus) -> None:
    assert status(ind(Direction.AT_MOST, 18_200, 19_500), value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (94.99, IndicatorStatus.OFF_TRACK),
        (95, IndicatorStatus.ACHIEVED),
        (99, IndicatorStatus.ACHIEVED),
    ],
)
def test_at_least_is_a_floor(value: float, expected: IndicatorStatus) -> None:
    assert status(ind(Direction.AT_LEAST, 90, 95), value) is expected


def test_a_floor_is_judged_against_the_milestone_due() -> None:
    floor = ind(Direction.AT_LEAST, 0, 9)
    steps = (step(date(2026, 6, 30), 5), step(date(2028, 6, 30), 7))
    # Before the first milestone: the first one is the threshold.
    assert due_threshold(floor, steps, date(2025, 1, 1)) == (5, False)
    assert due_threshold(floor, steps, date(2026, 6, 30)) == (5, False)
    assert due_threshold(floor, steps, date(2029, 1, 1)) == (7, False)
    assert due_threshold(floor, steps, END) == (9, True)
    assert status(floor, 5, milestones=steps) is IndicatorStatus.ON_TRACK
    assert status(floor, 4, milestones=steps) is IndicatorStatus.OFF_TRACK
    assert status(floor, 9, on=END, today=END, milestones=steps) is IndicatorStatus.ACHIEVED


def test_keep_the_level_accepts_target_equal_to_baseline(store: Store, tree: Tree) -> None:
    made = records.create(
        store,
        Indicator,
        tree.municipality.id,
        name="Liczba szkół",
        direction="keep",
        baseline_value=9,
        target_value=9,
    )
    assert made.target_value == made.baseline_value == 9


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (100, IndicatorStatus.ACHIEVED),
        (100 * (1 + KEEP_TOLERANCE), IndicatorStatus.ACHIEVED),
        (100 * (1 - KEEP_TOLERANCE), IndicatorStatus.ACHIEVED),
        (94.9, IndicatorStatus.AT_RISK),
        (70, IndicatorStatus.AT_RISK),
        (69.9, IndicatorStatus.OFF_TRACK),
        (131, IndicatorStatus.OFF_TRACK),
    ],
)
def test_keep_the_level(value: float, expected: IndicatorStatus) -> None:
    assert status(ind(Direction.KEEP, 100, 100), value) is expected


def test_keep_a_zero_level_is_exact() -> None:
    zero = ind(Direction.KEEP, 0, 0)
    assert status(zero, 0) is IndicatorStatus.ACHIEVED
    assert status(zero, 1) is IndicatorStatus.OFF_TRACK


def test_yes_no() -> None:
    done = ind(Direction.YES_NO, 0, 1)
    assert status(done, 1) is IndicatorStatus.ACHIEVED
    assert status(done, 0) is IndicatorStatus.ON_TRACK
    assert status(done, 0, on=END, today=date(2031, 1, 1)) is IndicatorStatus.OFF_TRACK
    assert evaluate(done, [], TODAY).status is IndicatorStatus.NO_DATA


def test_the_path_bends_at_milestones() -> None:
    up = ind(Direction.UP, 0, 100)
    # Straight line to 2030: about 50 expected at the end of 2027 — 50 is on track.
    mid = date(2027, 7, 2)
    assert status(up, 50, on=mid, today=mid) is IndicatorStatus.ON_TRACK
    # A milestone of 90 by mid-2027 makes 50 far behind.
    steps = (step(date(2027, 7, 2), 90),)
    assert status(up, 50, on=mid, today=mid, milestones=steps) is IndicatorStatus.OFF_TRACK
    assert status(up, 85, on=mid, today=mid, milestones=steps) is IndicatorStatus.ON_TRACK


def test_a_yes_no_indicator_takes_only_0_or_1(store: Store, tree: Tree, rejects: Rejects) -> None:
    rejects(
        "target_value",
        records.create,
        store,
        Indicator,
        tree.municipality.id,
        name="Koncepcja przyjęta uchwałą",
        direction="yes_no",
        target_value=2,
    )


def test_a_milestone_after_the_target_date_is_refused(
    store: Store, tree: Tree, rejects: Rejects
) -> None:
    made = records.create(
        store,
        Indicator,
        tree.municipality.id,
        name="Wynik egzaminu",
        baseline_value=58,
        baseline_date=date(2024, 6, 30),
        target_value=64,
        target_date=date(2028, 6, 30),
    )
    error = rejects(
        "due_date", indicators.add_milestone, store, made.id, due_date=date(2029, 1, 1), value=63
    )
    assert "po terminie" in error.message
    rejects(
        "due_date", indicators.add_milestone, store, made.id, due_date=date(2024, 6, 30), value=60
    )
    indicators.add_milestone(store, made.id, due_date=date(2026, 6, 30), value=61)
    assert [m.value for m in indicators.milestones(store, made.id)] == [61]
    assert indicators.state(store, made.id).status is IndicatorStatus.NO_DATA


def test_past_the_target_date_a_floor_is_judged_against_the_target() -> None:
    floor = ind(Direction.AT_LEAST, 0, 9)
    steps = (step(date(2026, 6, 30), 5),)
    late = date(2031, 1, 1)
    assert status(floor, 6, on=date(2026, 7, 1), today=late, milestones=steps) is (
        IndicatorStatus.OFF_TRACK
    )
