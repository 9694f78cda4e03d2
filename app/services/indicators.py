"""Indicators: recording measurements and the computed status against the target.

Status rules (tested at their boundaries):

* no baseline, target or measurement → ``no_data``;
* progress = (latest − baseline) / (target − baseline); progress ≥ 1 → ``achieved``;
* not achieved and no baseline date or no target date → ``no_data`` with the
  progress known: the pace cannot be judged without both dates;
* past the target date and not achieved → ``off_track``;
* otherwise compare progress with the share of time elapsed between the baseline
  and target dates at the latest measurement: a shortfall up to
  ``ON_TRACK_TOLERANCE`` is ``on_track``, up to ``AT_RISK_TOLERANCE`` is
  ``at_risk``, more (or going the wrong way) is ``off_track``.

An indicator is *stale* when its latest measurement (or baseline) is older than
its own ``interval_months``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from app.model import Indicator, IndicatorStatus, Measurement
from app.months import add_months as add_months  # re-exported for callers
from app.services import records
from app.storage.store import Store

ON_TRACK_TOLERANCE = 0.10
AT_RISK_TOLERANCE = 0.30


@dataclass(frozen=True)
class IndicatorState:
    status: IndicatorStatus
    progress: float | None  # 0.0 at baseline, 1.0 at target
    expected: float | None  # share of the time elapsed
    latest: Measurement | None
    stale: bool


def evaluate(
    indicator: Indicator, measurements: Sequence[Measurement], today: date
) -> IndicatorState:
    """The computed state of ``indicator`` on ``today`` (pure: no database).

    Of several measurements on the same day the one given last counts (the
    newest entry: :func:`measurements` lists them in the order they were made).
    """
    latest = latest_of(measurements)
    stale = is_stale(indicator, latest, today)
    baseline, target = indicator.baseline_value, indicator.target_value
    if latest is None or baseline is None or target is None or target == baseline:
        return IndicatorState(IndicatorStatus.NO_DATA, None, None, latest, stale)
    progress = (latest.value - baseline) / (target - baseline)
    expected = _expected_share(indicator, latest.measured_on)
    if progress >= 1:
        status = IndicatorStatus.ACHIEVED
    elif indicator.baseline_date is None or indicator.target_date is None:
        return IndicatorState(IndicatorStatus.NO_DATA, progress, None, latest, stale)
    elif indicator.target_date is not None and today > indicator.target_date:
        status = IndicatorStatus.OFF_TRACK
    else:
        shortfall = expected - progress
        if progress < 0:
            status = IndicatorStatus.OFF_TRACK
        elif shortfall <= ON_TRACK_TOLERANCE + 1e-9:
            status = IndicatorStatus.ON_TRACK
        elif shortfall <= AT_RISK_TOLERANCE + 1e-9:
            status = IndicatorStatus.AT_RISK
        else:
            status = IndicatorStatus.OFF_TRACK
    return IndicatorState(status, progress, expected, latest, stale)


def latest_of(measurements: Sequence[Measurement]) -> Measurement | None:
    latest: Measurement | None = None
    for measurement in measurements:
        if latest is None or measurement.measured_on >= latest.measured_on:
            latest = measurement
    return latest


def _expected_share(indicator: Indicator, when: date) -> float:
    start, end = indicator.baseline_date, indicator.target_date
    if start is None or end is None or end <= start:
        return 1.0
    share = (when - start).days / (end - start).days
    return min(1.0, max(0.0, share))


def is_stale(indicator: Indicator, latest: Measurement | None, today: date) -> bool:
    last = latest.measured_on if latest is not None else indicator.baseline_date
    if last is None:
        return False  # never measured and no baseline date: "no data", not "stale"
    try:
        due = add_months(last, indicator.interval_months or 12)
    except ValueError:  # past year 9999: not due in any real lifetime
        return False
    return due < today


def record_measurement(store: Store, indicator_id: str, **values: Any) -> Measurement:
    """Add a measurement (date, value, source, comment) to a live indicator."""
    return records.create(store, Measurement, indicator_id, **values)


def measurements(store: Store, indicator_id: str) -> list[Measurement]:
    with store.session() as session:
        records.load(session, Indicator, indicator_id)
        query = (
            select(Measurement)
            .where(Measurement.indicator_id == indicator_id)
            .order_by(Measurement.measured_on, Measurement.created_at)
        )
        return list(session.scalars(query).all())


def state(store: Store, indicator_id: str, today: date | None = None) -> IndicatorState:
    indicator = records.get(store, Indicator, indicator_id)
    return evaluate(indicator, measurements(store, indicator_id), today or date.today())
