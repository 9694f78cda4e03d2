"""Indicators: recording measurements and the computed status against the target.

Status rules, by the indicator's kind (``direction``), tested at their boundaries:

* no measurement, or no target → ``no_data``;
* **increase to / decrease to** (``up``/``down``; needs a baseline too):
  progress = (latest − baseline) / (target − baseline); progress ≥ 1 →
  ``achieved``; past the target date and not achieved → ``off_track``;
  otherwise progress is compared with the progress expected at the latest
  measurement on the path from the baseline through the milestones to the
  target (straight lines between them): a shortfall up to
  ``ON_TRACK_TOLERANCE`` is ``on_track``, up to ``AT_RISK_TOLERANCE`` is
  ``at_risk``, more (or going the wrong way) is ``off_track``;
* **at least / at most** (a floor or a ceiling): judged against the threshold
  due at the latest measurement — the last milestone due by then, else the
  first one still ahead (the target is the last milestone; past the target
  date, the target itself). Met (equal counts)
  → ``achieved`` when the threshold is the target, ``on_track`` for an interim
  one; not met → ``off_track``;
* **keep the level**: within ``KEEP_TOLERANCE`` of the target (relative; exact
  for a target of 0) → ``achieved``; within ``AT_RISK_TOLERANCE`` → ``at_risk``;
  further → ``off_track``;
* **yes/no**: a latest value of 1 (tak) → ``achieved``; 0 (nie) → ``on_track``
  before the target date, ``off_track`` after it.

An indicator is *stale* when its latest measurement (or baseline) is older than
its own ``interval_months``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from app.model import Direction, Indicator, IndicatorMilestone, IndicatorStatus, Measurement
from app.months import add_months as add_months  # re-exported for callers
from app.services import records
from app.storage.store import Store

# The statuses from the one most in need of attention to the one least (lists sort by it).
SEVERITY: dict[IndicatorStatus, int] = {
    IndicatorStatus.OFF_TRACK: 0,
    IndicatorStatus.AT_RISK: 1,
    IndicatorStatus.NO_DATA: 2,
    IndicatorStatus.ON_TRACK: 3,
    IndicatorStatus.ACHIEVED: 4,
}

ON_TRACK_TOLERANCE = 0.10
AT_RISK_TOLERANCE = 0.30
KEEP_TOLERANCE = 0.05
_EPSILON = 1e-9


@dataclass(frozen=True)
class IndicatorState:
    status: IndicatorStatus
    progress: float | None  # 0.0 at baseline, 1.0 at target
    expected: float | None  # share of the time elapsed
    latest: Measurement | None
    stale: bool


def evaluate(
    indicator: Indicator,
    measurements: Sequence[Measurement],
    today: date,
    milestones: Sequence[IndicatorMilestone] = (),
) -> IndicatorState:
    """The computed state of ``indicator`` on ``today`` (pure: no database).

    Of several measurements on the same day the one given last counts (the
    newest entry: :func:`measurements` lists them in the order they were made).
    """
    latest = latest_of(measurements)
    stale = is_stale(indicator, latest, today)
    kind = Direction(getattr(indicator, "direction", None) or Direction.UP)
    if latest is None or indicator.target_value is None:
        return IndicatorState(IndicatorStatus.NO_DATA, None, None, latest, stale)
    judge = _JUDGES.get(kind, _judge_path)
    return judge(indicator, latest, today, milestones, stale)


def _judge_path(
    indicator: Indicator,
    latest: Measurement,
    today: date,
    milestones: Sequence[IndicatorMilestone],
    stale: bool,
) -> IndicatorState:
    """Increase to / decrease to: progress along the path through the milestones."""
    baseline, target = indicator.baseline_value, indicator.target_value
    assert target is not None
    if baseline is None or target == baseline:
        return IndicatorState(IndicatorStatus.NO_DATA, None, None, latest, stale)
    progress = (latest.value - baseline) / (target - baseline)
    expected_value = _path_value(indicator, milestones, latest.measured_on)
    expected = min(1.0, max(0.0, (expected_value - baseline) / (target - baseline)))
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
        elif shortfall <= ON_TRACK_TOLERANCE + _EPSILON:
            status = IndicatorStatus.ON_TRACK
        elif shortfall <= AT_RISK_TOLERANCE + _EPSILON:
            status = IndicatorStatus.AT_RISK
        else:
            status = IndicatorStatus.OFF_TRACK
    return IndicatorState(status, progress, expected, latest, stale)


def _judge_threshold(
    indicator: Indicator,
    latest: Measurement,
    today: date,
    milestones: Sequence[IndicatorMilestone],
    stale: bool,
) -> IndicatorState:
    """At least / at most: the threshold due at the latest measurement is met or not."""
    # Past the target date only the target counts, whenever the last measurement was.
    when = latest.measured_on
    if indicator.target_date is not None and today > indicator.target_date:
        when = max(when, indicator.target_date)
    value, final = due_threshold(indicator, milestones, when)
    floor = Direction(indicator.direction) is Direction.AT_LEAST
    met = latest.value >= value if floor else latest.value <= value
    if not met:
        status = IndicatorStatus.OFF_TRACK
    else:
        status = IndicatorStatus.ACHIEVED if final else IndicatorStatus.ON_TRACK
    return IndicatorState(status, 1.0 if met else 0.0, None, latest, stale)


def _judge_keep(
    indicator: Indicator,
    latest: Measurement,
    today: date,
    milestones: Sequence[IndicatorMilestone],
    stale: bool,
) -> IndicatorState:
    """Keep the level: how far the latest value strays from the target."""
    target = indicator.target_value
    assert target is not None
    gap = abs(latest.value - target)
    share = gap / abs(target) if target else (0.0 if gap == 0 else float("inf"))
    if share <= KEEP_TOLERANCE + _EPSILON:
        status = IndicatorStatus.ACHIEVED
    elif share <= AT_RISK_TOLERANCE + _EPSILON:
        status = IndicatorStatus.AT_RISK
    else:
        status = IndicatorStatus.OFF_TRACK
    return IndicatorState(status, None, None, latest, stale)


def _judge_yes_no(
    indicator: Indicator,
    latest: Measurement,
    today: date,
    milestones: Sequence[IndicatorMilestone],
    stale: bool,
) -> IndicatorState:
    """Yes/no: done is achieved; not done is on track until the target date."""
    if latest.value >= 1:
        return IndicatorState(IndicatorStatus.ACHIEVED, 1.0, None, latest, stale)
    late = indicator.target_date is not None and today > indicator.target_date
    status = IndicatorStatus.OFF_TRACK if late else IndicatorStatus.ON_TRACK
    return IndicatorState(status, 0.0, None, latest, stale)


_JUDGES = {
    Direction.AT_LEAST: _judge_threshold,
    Direction.AT_MOST: _judge_threshold,
    Direction.KEEP: _judge_keep,
    Direction.YES_NO: _judge_yes_no,
}


def path_points(
    indicator: Indicator, milestones: Sequence[IndicatorMilestone]
) -> list[tuple[date, float]]:
    """The expected path: baseline, milestones and target with their dates, in date order."""
    points = [(m.due_date, m.value) for m in milestones]
    if indicator.baseline_date is not None and indicator.baseline_value is not None:
        points.append((indicator.baseline_date, indicator.baseline_value))
    if indicator.target_date is not None and indicator.target_value is not None:
        points.append((indicator.target_date, indicator.target_value))
    return sorted(points, key=lambda point: point[0])


def _path_value(
    indicator: Indicator, milestones: Sequence[IndicatorMilestone], when: date
) -> float:
    """The value expected on ``when``: straight lines between the path's points.

    Without a dated baseline and target the target itself is expected.
    """
    target = indicator.target_value
    assert target is not None
    if indicator.baseline_date is None or indicator.target_date is None:
        return target
    if indicator.target_date <= indicator.baseline_date:
        return target
    points = path_points(indicator, milestones)
    if when <= points[0][0]:
        return points[0][1]
    for (start, low), (end, high) in itertools.pairwise(points):
        if start <= when <= end:
            if end == start:
                return high
            return low + (high - low) * (when - start).days / (end - start).days
    return points[-1][1]


def due_threshold(
    indicator: Indicator, milestones: Sequence[IndicatorMilestone], when: date
) -> tuple[float, bool]:
    """The threshold due on ``when`` and whether it is the final target.

    The last milestone due by ``when``; before the first, the first still ahead.
    """
    target = indicator.target_value
    assert target is not None
    steps = sorted(
        (
            (m.due_date, m.value)
            for m in milestones
            if indicator.target_date is None or m.due_date < indicator.target_date
        ),
        key=lambda step: step[0],
    )
    final_date = indicator.target_date
    due = [value for day, value in steps if day <= when]
    if final_date is not None and when >= final_date:
        return target, True
    if due:
        return due[-1], False
    if steps:
        return steps[0][1], False
    return target, True


def latest_of(measurements: Sequence[Measurement]) -> Measurement | None:
    latest: Measurement | None = None
    for measurement in measurements:
        if latest is None or measurement.measured_on >= latest.measured_on:
            latest = measurement
    return latest


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


def milestones(store: Store, indicator_id: str) -> list[IndicatorMilestone]:
    """The indicator's milestones in date order."""
    return sorted(
        records.children(store, IndicatorMilestone, indicator_id=indicator_id),
        key=lambda m: m.due_date,
    )


def add_milestone(store: Store, indicator_id: str, **values: Any) -> IndicatorMilestone:
    """An interim value due by a date between the baseline and the target."""
    return records.create(store, IndicatorMilestone, indicator_id, **values)


def state(store: Store, indicator_id: str, today: date | None = None) -> IndicatorState:
    indicator = records.get(store, Indicator, indicator_id)
    return evaluate(
        indicator,
        measurements(store, indicator_id),
        today or date.today(),
        milestones(store, indicator_id),
    )
