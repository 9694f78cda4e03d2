"""Indicator status against its target, staleness, and month arithmetic."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.errors import UserError
from app.model import Indicator, IndicatorStatus, Measurement
from app.services import indicators, records
from app.services.indicators import (
    AT_RISK_TOLERANCE,
    ON_TRACK_TOLERANCE,
    add_months,
    evaluate,
    is_stale,
)
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Rejects, Tree

START = date(2024, 1, 1)
END = START + timedelta(days=1000)
HALFWAY = START + timedelta(days=500)


def indicator(
    baseline: float | None = 0.0,
    target: float | None = 1000.0,
    start: date | None = START,
    end: date | None = END,
    interval: int = 12,
) -> Indicator:
    return Indicator(
        name="Wskaźnik",
        baseline_value=baseline,
        target_value=target,
        baseline_date=start,
        target_date=end,
        interval_months=interval,
    )


def measured(value: float, on: date = HALFWAY) -> Measurement:
    return Measurement(measured_on=on, value=value)


def status(ind: Indicator, *values: Measurement, today: date = HALFWAY) -> IndicatorStatus:
    return evaluate(ind, list(values), today).status


def test_tolerances_are_ordered() -> None:
    assert 0 < ON_TRACK_TOLERANCE < AT_RISK_TOLERANCE < 1


# -- no data ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ind",
    [
        indicator(baseline=None),
        indicator(target=None),
        indicator(baseline=5.0, target=5.0),
    ],
)
def test_no_data_without_baseline_target_or_difference(ind: Indicator) -> None:
    state = evaluate(ind, [measured(500)], HALFWAY)
    assert state.status is IndicatorStatus.NO_DATA
    assert state.progress is None and state.expected is None
    assert state.latest is not None


def test_no_data_without_measurements() -> None:
    state = evaluate(indicator(), [], HALFWAY)
    assert (state.status, state.progress, state.latest) == (IndicatorStatus.NO_DATA, None, None)


# -- achieved ------------------------------------------------------------------------------


def test_achieved_exactly_at_the_target() -> None:
    state = evaluate(indicator(), [measured(1000)], HALFWAY)
    assert state.progress == 1
    assert state.status is IndicatorStatus.ACHIEVED


def test_just_below_the_target_is_not_achieved() -> None:
    state = evaluate(indicator(), [measured(999.999)], END)
    assert state.progress is not None and state.progress < 1
    assert state.status is IndicatorStatus.ON_TRACK


def test_beyond_the_target_and_after_its_date_is_achieved() -> None:
    assert status(indicator(), measured(1500), today=END + timedelta(days=400)) == "achieved"


@pytest.mark.parametrize(
    ("baseline", "target"), [(0.1, 0.3), (0.1, 0.7), (-3.3, 7.7), (1e-9, 3e-9)]
)
def test_achieved_when_latest_equals_an_awkward_target(baseline: float, target: float) -> None:
    ind = indicator(baseline=baseline, target=target)
    assert status(ind, measured(target)) is IndicatorStatus.ACHIEVED


# -- the tolerance boundaries (expected share 0.5 at the half-way measurement) ---------------


@pytest.mark.parametrize(
    ("value", "expected_status"),
    [
        (600, IndicatorStatus.ON_TRACK),  # ahead of time
        (500, IndicatorStatus.ON_TRACK),  # exactly on time
        (400, IndicatorStatus.ON_TRACK),  # shortfall exactly ON_TRACK_TOLERANCE
        (399, IndicatorStatus.AT_RISK),  # just past it
        (300, IndicatorStatus.AT_RISK),
        (200, IndicatorStatus.AT_RISK),  # shortfall exactly AT_RISK_TOLERANCE
        (199, IndicatorStatus.OFF_TRACK),  # just past it
        (0, IndicatorStatus.OFF_TRACK),  # no progress at all
        (-1, IndicatorStatus.OFF_TRACK),  # the wrong way
    ],
)
def test_tolerance_boundaries(value: float, expected_status: IndicatorStatus) -> None:
    state = evaluate(indicator(), [measured(value)], HALFWAY)
    assert state.expected == 0.5
    assert state.status is expected_status


@pytest.mark.parametrize(
    ("value", "expected_status"),
    [
        (20, IndicatorStatus.OFF_TRACK),  # at the baseline, half the time gone
        (15, IndicatorStatus.ON_TRACK),  # half-way down
        (16, IndicatorStatus.ON_TRACK),  # shortfall exactly ON_TRACK_TOLERANCE
        (17, IndicatorStatus.AT_RISK),  # shortfall 0.2
        (10, IndicatorStatus.ACHIEVED),
        (8, IndicatorStatus.ACHIEVED),
        (25, IndicatorStatus.OFF_TRACK),  # went up: the wrong way
    ],
)
def test_direction_down(value: float, expected_status: IndicatorStatus) -> None:
    """Fewer pupils per teacher, lower costs: the target lies below the baseline."""
    ind = indicator(baseline=20, target=10)
    ind.direction = "down"  # type: ignore[assignment]
    assert status(ind, measured(value)) is expected_status
    ind.direction = None  # type: ignore[assignment]
    assert status(ind, measured(value)) is expected_status  # the values decide, not the flag


def test_status_uses_the_newest_measurement_in_any_order() -> None:
    older, newer = measured(900, HALFWAY - timedelta(days=100)), measured(100, HALFWAY)
    for order in ([older, newer], [newer, older]):
        state = evaluate(indicator(), order, HALFWAY)
        assert state.latest is newer
        assert state.status is IndicatorStatus.OFF_TRACK


def test_same_day_measurements_the_last_entered_counts() -> None:
    first, correction = measured(100), measured(500)
    assert evaluate(indicator(), [first, correction], HALFWAY).latest is correction


def test_expected_share_is_taken_at_the_measurement_not_today() -> None:
    # Measured on time at 50 %; a month later (no new data) it is still on track, but stale
    # once the interval has passed.
    ind = indicator(interval=1)
    state = evaluate(ind, [measured(500)], HALFWAY + timedelta(days=40))
    assert state.status is IndicatorStatus.ON_TRACK
    assert state.stale


def test_past_the_target_date_without_reaching_it() -> None:
    ind = indicator()
    late = measured(990, END)
    assert status(ind, late, today=END) is IndicatorStatus.ON_TRACK  # the last day still counts
    assert status(ind, late, today=END + timedelta(days=1)) is IndicatorStatus.OFF_TRACK


@pytest.mark.parametrize(("start", "end"), [(None, None), (START, None), (None, END)])
def test_without_both_dates_the_pace_is_not_judged(start: date | None, end: date | None) -> None:
    ind = indicator(start=start, end=end)
    state = evaluate(ind, [measured(500)], HALFWAY)
    assert state.status is IndicatorStatus.NO_DATA  # not "off track" from the first measurement
    assert state.progress == pytest.approx(0.5) and state.expected is None
    assert status(ind, measured(2000)) is IndicatorStatus.ACHIEVED


def test_measurement_before_the_baseline_date_expects_nothing() -> None:
    state = evaluate(indicator(), [measured(0, START - timedelta(days=30))], START)
    assert state.expected == 0.0
    assert state.status is IndicatorStatus.ON_TRACK


# -- staleness ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "interval", "due"),
    [
        (date(2025, 3, 10), 12, date(2026, 3, 10)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
    ],
)
def test_stale_exactly_after_the_interval(last: date, interval: int, due: date) -> None:
    ind = indicator(interval=interval)
    latest = measured(1, last)
    assert not is_stale(ind, latest, due - timedelta(days=1))
    assert not is_stale(ind, latest, due)
    assert is_stale(ind, latest, due + timedelta(days=1))


def test_stale_without_measurements_counts_from_the_baseline() -> None:
    ind = indicator(start=date(2024, 5, 1), interval=3)
    assert not is_stale(ind, None, date(2024, 8, 1))
    assert is_stale(ind, None, date(2024, 8, 2))
    assert not is_stale(indicator(start=None), None, date(2024, 1, 1))  # no data, not stale


def test_stale_state_matches_is_stale() -> None:
    ind = indicator(interval=6)
    old = measured(500, date(2024, 1, 1))
    assert evaluate(ind, [old], date(2024, 7, 2)).stale
    assert not evaluate(ind, [old], date(2024, 7, 1)).stale


def test_staleness_far_in_the_future_does_not_crash() -> None:
    ind = indicator(interval=120)
    assert not is_stale(ind, measured(1, date(9995, 1, 1)), date(9999, 12, 31))


# -- add_months ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2100, 1, 31), 1, date(2100, 2, 28)),  # not a leap year
        (date(2000, 1, 31), 1, date(2000, 2, 29)),  # a leap year
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 1, 31), 13, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 1, 15), -1, date(2024, 12, 15)),
        (date(2025, 5, 5), 0, date(2025, 5, 5)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), st.integers(-240, 240))
def test_add_months_properties(day: date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == day.day or (result.day < day.day and (result + timedelta(1)).day == 1)


# -- property tests ------------------------------------------------------------------------

_values = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    st.integers(-1000, 1000).map(float),
)
_dates = st.one_of(st.dates(), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))


@settings(max_examples=500, deadline=None)
@given(
    baseline=st.one_of(st.none(), _values),
    target=st.one_of(st.none(), _values),
    start=st.one_of(st.none(), _dates),
    end=st.one_of(st.none(), _dates),
    interval=st.integers(1, 120),
    points=st.lists(st.tuples(_dates, _values), max_size=4),
    today=_dates,
)
def test_status_never_crashes_and_is_consistent(
    baseline: float | None,
    target: float | None,
    start: date | None,
    end: date | None,
    interval: int,
    points: list[tuple[date, float]],
    today: date,
) -> None:
    ind = indicator(baseline, target, start, end, interval)
    state = evaluate(ind, [measured(v, d) for d, v in points], today)
    assert state.status in IndicatorStatus
    if state.progress is None:
        assert state.status is IndicatorStatus.NO_DATA
    else:
        if state.progress >= 1:
            assert state.status is IndicatorStatus.ACHIEVED
        if state.status is IndicatorStatus.ACHIEVED:
            assert state.progress >= 1
        if state.status is not IndicatorStatus.NO_DATA:
            assert state.expected is not None and 0 <= state.expected <= 1


@settings(max_examples=300, deadline=None)
@given(
    baseline=st.floats(-1e6, 1e6),
    target=st.floats(-1e6, 1e6),
    fraction=st.floats(0, 2),
)
def test_progress_is_the_share_of_the_way(baseline: float, target: float, fraction: float) -> None:
    assume(abs(target - baseline) > 1e-3)
    value = baseline + fraction * (target - baseline)
    state = evaluate(indicator(baseline, target), [measured(value)], HALFWAY)
    assert state.progress is not None
    assert math.isclose(state.progress, fraction, rel_tol=1e-6, abs_tol=1e-6)


# -- through the store ------------------------------------------------------------------


def test_state_and_measurements_from_the_store(tree: Tree, store: Store) -> None:
    # tree.indicator: 0 → 100 between 2024-01-01 and 2028-01-01, 30 measured on 2025-01-01.
    today = date(2025, 6, 1)
    state = indicators.state(store, tree.indicator.id, today)
    assert state.status is IndicatorStatus.ON_TRACK  # 0.30 against 0.25 expected
    assert state.progress == pytest.approx(0.3)
    late = indicators.record_measurement(
        store, tree.indicator.id, measured_on=date(2025, 12, 31), value=10
    )
    assert [m.value for m in indicators.measurements(store, tree.indicator.id)] == [30, 10]
    assert indicators.state(store, tree.indicator.id, today).status is IndicatorStatus.OFF_TRACK
    records.delete(store, Measurement, late.id)
    assert indicators.state(store, tree.indicator.id, today).status is IndicatorStatus.ON_TRACK
    assert indicators.state(store, tree.indicator.id, date(2026, 1, 2)).stale


def test_state_of_a_deleted_indicator(tree: Tree, store: Store, rejects: Rejects) -> None:
    records.delete(store, Indicator, tree.indicator.id)
    with pytest.raises(UserError):
        indicators.state(store, tree.indicator.id)
    with pytest.raises(UserError):
        indicators.measurements(store, tree.indicator.id)
    rejects(
        None,
        indicators.record_measurement,
        store,
        tree.indicator.id,
        measured_on=date(2025, 1, 1),
        value=1,
    )
