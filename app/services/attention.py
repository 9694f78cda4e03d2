"""Indicators that need attention: off track, at risk, or not measured for too long.

Every live indicator of a municipality (of any plan, goal, objective, action or
HDR item) is evaluated with :func:`app.services.indicators.evaluate` on
``today``; the statuses and the "stale" flag follow its rules. An indicator
*needs attention* when it is off track or at risk, or when it is stale (its
latest measurement, or baseline, is older than its own interval).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.model import Indicator, IndicatorMilestone, IndicatorStatus, Measurement
from app.services import links
from app.services.indicator_queries import IndicatorWithMeasurements
from app.services.indicators import SEVERITY, IndicatorState, evaluate
from app.storage.store import Store

ATTENTION_STATUSES = frozenset({IndicatorStatus.OFF_TRACK, IndicatorStatus.AT_RISK})
_ATTACHMENTS = ("action_id", "objective_id", "goal_id", "schedule_item_id", "plan_id")


@dataclass(frozen=True)
class IndicatorCheck:
    """An indicator, its measurements (oldest first), its computed state and where it lives."""

    indicator: Indicator
    measurements: tuple[Measurement, ...]
    state: IndicatorState
    attached_to: str  # "Działanie: …", "Plan: …" or "" for the municipality as a whole
    link: links.Link | None  # the record it is attached to

    @property
    def needs_attention(self) -> bool:
        return self.state.stale or self.state.status in ATTENTION_STATUSES

    @property
    def severity(self) -> tuple[int, int]:
        """Sort key: off track, at risk, then stale only; stale first among equals."""
        return SEVERITY[self.state.status], 0 if self.state.stale else 1


@dataclass(frozen=True)
class IndicatorCounts:
    """How many indicators are in each state (``stale`` counts across the statuses)."""

    total: int = 0
    achieved: int = 0
    on_track: int = 0
    at_risk: int = 0
    off_track: int = 0
    no_data: int = 0
    stale: int = 0
    needing_attention: int = 0


def indicators_of_municipality(
    store: Store, municipality_id: str
) -> list[IndicatorWithMeasurements]:
    """Every live indicator of the municipality with its measurements and milestones."""
    with store.session() as session:
        found = session.scalars(
            select(Indicator)
            .where(Indicator.municipality_id == municipality_id)
            .order_by(Indicator.position, Indicator.created_at)
        ).all()
        rows = session.scalars(
            select(Measurement)
            .where(Measurement.municipality_id == municipality_id)
            .order_by(Measurement.measured_on, Measurement.created_at)
        ).all()
        steps = session.scalars(
            select(IndicatorMilestone)
            .where(IndicatorMilestone.municipality_id == municipality_id)
            .order_by(IndicatorMilestone.due_date)
        ).all()
    by_indicator: dict[str, list[Measurement]] = {i.id: [] for i in found}
    for measurement in rows:
        if measurement.indicator_id in by_indicator:
            by_indicator[measurement.indicator_id].append(measurement)
    by_milestone: dict[str, list[IndicatorMilestone]] = {i.id: [] for i in found}
    for step in steps:
        if step.indicator_id in by_milestone:
            by_milestone[step.indicator_id].append(step)
    return [
        IndicatorWithMeasurements(i, tuple(by_indicator[i.id]), tuple(by_milestone[i.id]))
        for i in found
    ]


def attachment(indicator: Indicator) -> links.Link | None:
    """The record an indicator belongs to: its action, objective, goal, HDR item or plan."""
    for name in _ATTACHMENTS:
        record_id = getattr(indicator, name)
        if record_id:
            table = "strategic_plan" if name == "plan_id" else name.removesuffix("_id")
            return (table, record_id)
    return None


def checks(store: Store, municipality_id: str, today: date | None = None) -> list[IndicatorCheck]:
    """Every indicator of the municipality, evaluated on ``today``, in the users' order."""
    today = today or date.today()
    loaded = indicators_of_municipality(store, municipality_id)
    attached = {row.indicator.id: attachment(row.indicator) for row in loaded}
    labels = links.describe(store, (link for link in attached.values() if link is not None))
    result = []
    for row in loaded:
        link = attached[row.indicator.id]
        state = evaluate(row.indicator, row.measurements, today, row.milestones)
        label = labels.get(link, "") if link is not None else ""
        result.append(IndicatorCheck(row.indicator, row.measurements, state, label, link))
    return result


def needs_attention(
    store: Store, municipality_id: str, today: date | None = None
) -> list[IndicatorCheck]:
    """Indicators off track, at risk or stale: the worst first, then by name."""
    found = [c for c in checks(store, municipality_id, today) if c.needs_attention]
    return sorted(found, key=lambda c: (c.severity, c.indicator.name.casefold()))


def stale(store: Store, municipality_id: str, today: date | None = None) -> list[IndicatorCheck]:
    """Indicators not measured for longer than their own interval."""
    return [c for c in checks(store, municipality_id, today) if c.state.stale]


def off_track(
    store: Store, municipality_id: str, today: date | None = None
) -> list[IndicatorCheck]:
    """Indicators off track or at risk, the worst first."""
    found = [
        c for c in checks(store, municipality_id, today) if c.state.status in ATTENTION_STATUSES
    ]
    return sorted(found, key=lambda c: (c.severity, c.indicator.name.casefold()))


def counts_of(found: list[IndicatorCheck]) -> IndicatorCounts:
    by_status = {status: 0 for status in IndicatorStatus}
    for check in found:
        by_status[check.state.status] += 1
    return IndicatorCounts(
        total=len(found),
        achieved=by_status[IndicatorStatus.ACHIEVED],
        on_track=by_status[IndicatorStatus.ON_TRACK],
        at_risk=by_status[IndicatorStatus.AT_RISK],
        off_track=by_status[IndicatorStatus.OFF_TRACK],
        no_data=by_status[IndicatorStatus.NO_DATA],
        stale=sum(1 for c in found if c.state.stale),
        needing_attention=sum(1 for c in found if c.needs_attention),
    )


def counts(store: Store, municipality_id: str, today: date | None = None) -> IndicatorCounts:
    """How many indicators are on track, at risk, off track, achieved, without data, stale."""
    return counts_of(checks(store, municipality_id, today))
