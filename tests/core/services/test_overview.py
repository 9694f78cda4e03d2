"""The overview and the portfolio: each signal at its boundary, agreeing with the services
that own the rule (schedules, indicators, visits), and the portfolio agreeing with the
overview of every municipality.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from app.demo import load_demo
from app.errors import UserError
from app.model import (
    RECORD_TYPES,
    Action,
    ActionStatus,
    Indicator,
    IndicatorStatus,
    Measurement,
    MonitoringNote,
    Municipality,
    Recommendation,
    Risk,
    ScheduleItem,
    StrategicPlan,
)
from app.services import (
    indicator_queries,
    indicators,
    overview_queries,
    plans,
    records,
    schedules,
    visits,
)
from app.services.overview import items_of, municipality_overview, portfolio
from app.services.overview_signals import QUIET_DAYS, WEIGHTS, Signals
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Tree

EARLY = date(2025, 3, 1)  # after the tree's visit and note, before its HDR item ends


def overview_of(store: Store, tree: Tree, today: date = EARLY) -> Any:
    return municipality_overview(store, tree.municipality.id, today)


def test_the_tree_at_a_glance(store: Store, tree: Tree) -> None:
    found = overview_of(store, tree)
    s = found.signals
    assert found.name == "Gmina Testowa"
    assert (dict(s.actions), s.actions_overdue) == ({ActionStatus.PLANNED: 1}, 0)
    assert (s.hdr.total, s.hdr.planned, s.hdr.overdue) == (1, 1, 0)
    assert s.indicators_total == 1 and s.indicators_stale == 0
    assert (s.recommendations_open, s.recommendations_overdue) == (1, 0)
    assert (s.risks_open, s.risks_high, s.top_risk_score) == (1, 0, 12)
    assert (s.last_note, s.last_visit) == (date(2025, 2, 2), date(2025, 2, 1))
    assert [i.record_id for i in found.recommendations] == [tree.recommendation.id]
    assert [i.record_id for i in found.top_risks] == [tree.risk.id]
    assert [i.record_id for i in found.latest_notes] == [tree.note.id]
    assert found.overdue_actions == () and found.overdue_schedule_items == ()


def test_every_item_names_a_live_record_of_its_type(demo_store: Store) -> None:
    municipality, _new = load_demo(demo_store)
    found = municipality_overview(demo_store, municipality.id, date(2026, 11, 21))
    listed = items_of(found)
    assert {i.record_type for i in listed} == {
        "action",
        "schedule_item",
        "indicator",
        "recommendation",
        "risk",
        "monitoring_note",
    }
    for item in listed:
        record = records.get(demo_store, RECORD_TYPES[item.record_type], item.record_id)
        assert getattr(record, "municipality_id", None) == municipality.id
        assert item.title


# -- plan actions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "today", "overdue"),
    [
        ("in_progress", date(2026, 3, 31), False),  # on its end date: not yet
        ("in_progress", date(2026, 4, 1), True),  # the day after
        ("planned", date(2026, 4, 1), True),
        ("delayed", date(2026, 4, 1), True),
        ("done", date(2027, 1, 1), False),
        ("dropped", date(2027, 1, 1), False),
    ],
)
def test_action_overdue_the_day_after_its_end(
    store: Store, tree: Tree, status: str, today: date, overdue: bool
) -> None:
    records.update(store, Action, tree.action.id, end_date=date(2026, 3, 31), status=status)
    found = overview_of(store, tree, today)
    assert found.signals.actions_overdue == int(overdue)
    assert [i.record_id for i in found.overdue_actions] == ([tree.action.id] if overdue else [])
    if overdue:
        item = found.overdue_actions[0]
        assert (item.when, item.who, item.status) == (date(2026, 3, 31), tree.member.name, status)


def test_action_without_an_end_date_is_never_overdue(store: Store, tree: Tree) -> None:
    assert overview_of(store, tree, date(2099, 1, 1)).signals.actions_overdue == 0


def test_a_closed_plan_no_longer_counts(store: Store, tree: Tree) -> None:
    records.update(store, Action, tree.action.id, end_date=date(2025, 1, 1))
    assert overview_of(store, tree).signals.actions_overdue == 1
    records.update(store, StrategicPlan, tree.plan.id, status="closed")
    s = overview_of(store, tree).signals
    assert (s.actions_total, s.actions_overdue, s.indicators_total) == (0, 0, 0)


def test_share_done_leaves_dropped_actions_out(store: Store, tree: Tree) -> None:
    for status in ("done", "dropped", "in_progress"):
        records.create(store, Action, tree.objective.id, title="Działanie", status=status)
    s = overview_of(store, tree).signals
    assert (s.actions_total, s.actions_done) == (4, 1)
    assert s.actions_share_done == pytest.approx(1 / 3)
    assert Signals(today=EARLY).actions_share_done == 0.0


# -- HDR items: the rule of app.services.schedules -----------------------------------------


@pytest.mark.parametrize(
    "today", [date(2025, 6, 30), date(2025, 7, 1), date(2025, 12, 31), date(2024, 1, 1)]
)
@pytest.mark.parametrize("status", ["planned", "in_progress", "delayed", "done", "dropped"])
def test_hdr_progress_is_that_of_schedules(
    store: Store, tree: Tree, today: date, status: str
) -> None:
    records.update(store, ScheduleItem, tree.item.id, status=status)
    records.create(
        store,
        ScheduleItem,
        tree.schedule.id,
        action="Drugie",
        start_month=date(2025, 1, 1),
        end_month=date(2025, 12, 1),
        status="in_progress",
    )
    found = overview_of(store, tree, today)
    expected = schedules.progress(store, tree.schedule.id, today).overall
    assert found.signals.hdr == expected
    late = {i.record_id for i in found.overdue_schedule_items}
    items = schedules.items(store, tree.schedule.id)
    assert late == {i.id for i in items if schedules.is_overdue(i, today)}


# -- indicators: the rule of app.services.indicators ---------------------------------------


@pytest.mark.parametrize(
    "today",
    [
        date(2025, 3, 1),
        date(2026, 1, 1),  # measured 1 Jan 2025 every 12 months: due today, not stale yet
        date(2026, 1, 2),  # stale from the day after
        date(2028, 1, 2),  # past the target date
    ],
)
def test_indicator_status_and_stale_are_those_of_evaluate(
    store: Store, tree: Tree, today: date
) -> None:
    found = overview_of(store, tree, today)
    state = indicators.state(store, tree.indicator.id, today)
    assert dict(found.signals.indicators) == {state.status: 1}
    assert found.signals.indicators_stale == int(state.stale)
    assert state.stale is (today > date(2026, 1, 1))


def test_latest_measurement_of_one_day_is_the_one_entered_last(store: Store, tree: Tree) -> None:
    day = date(2026, 6, 1)
    records.create(store, Measurement, tree.indicator.id, measured_on=day, value=95)
    records.create(store, Measurement, tree.indicator.id, measured_on=day, value=5)
    found = overview_of(store, tree, day)
    expected = indicators.state(store, tree.indicator.id, day)
    assert expected.latest is not None and expected.latest.value == 5
    assert dict(found.signals.indicators) == {expected.status: 1}
    assert found.indicators[0].status is IndicatorStatus.OFF_TRACK
    assert found.indicators[0].when == day


def test_deleted_measurements_and_indicators_do_not_count(store: Store, tree: Tree) -> None:
    newest = records.create(
        store, Measurement, tree.indicator.id, measured_on=date(2025, 6, 1), value=99
    )
    assert overview_of(store, tree).signals.indicators == {IndicatorStatus.ON_TRACK: 1}
    records.delete(store, Measurement, newest.id)
    records.delete(store, Measurement, tree.measurement.id)
    assert overview_of(store, tree).signals.indicators == {IndicatorStatus.NO_DATA: 1}
    records.delete(store, Indicator, tree.indicator.id)
    assert overview_of(store, tree).signals.indicators_total == 0


def test_indicators_needing_attention_worst_first(store: Store, tree: Tree) -> None:
    for name, value in (("Zagrożony", 45), ("Dobry", 60), ("Zły", 5)):
        made = records.create(
            store,
            Indicator,
            tree.municipality.id,
            name=name,
            baseline_value=0,
            target_value=100,
            baseline_date=date(2024, 1, 1),
            target_date=date(2026, 1, 1),
        )
        records.create(store, Measurement, made.id, measured_on=date(2025, 3, 1), value=value)
    found = overview_of(store, tree, date(2025, 3, 1))
    assert [i.title for i in found.indicators] == ["Zły", "Zagrożony"]
    assert [i.status for i in found.indicators] == [
        IndicatorStatus.OFF_TRACK,
        IndicatorStatus.AT_RISK,
    ]


# -- recommendations, risks, notes -------------------------------------------------------


@pytest.mark.parametrize(("today", "late"), [(date(2025, 3, 31), 0), (date(2025, 4, 1), 1)])
def test_recommendation_overdue_the_day_after_its_due_date(
    store: Store, tree: Tree, today: date, late: int
) -> None:
    records.update(store, Recommendation, tree.recommendation.id, due_date=date(2025, 3, 31))
    visits.add_recommendation(store, tree.visit.id, text="Wykonane", status="done")
    s = overview_of(store, tree, today).signals
    assert (s.recommendations_open, s.recommendations_overdue) == (1, late)


def test_open_recommendations_overdue_first_then_by_due_date(store: Store, tree: Tree) -> None:
    soon = visits.add_recommendation(store, tree.visit.id, text="B", due_date=date(2025, 9, 1))
    late = visits.add_recommendation(store, tree.visit.id, text="A", due_date=date(2025, 2, 10))
    going = visits.add_recommendation(
        store, tree.visit.id, text="C", due_date=date(2025, 5, 1), status="in_progress"
    )
    found = overview_of(store, tree, date(2025, 3, 1))
    assert [i.record_id for i in found.recommendations] == [
        late.id,
        going.id,
        soon.id,
        tree.recommendation.id,  # no due date: last
    ]
    assert [i.overdue for i in found.recommendations] == [True, False, False, False]


@pytest.mark.parametrize(("probability", "impact", "high"), [(3, 5, 1), (5, 3, 1), (2, 7, 0)])
def test_high_risk_from_a_score_of_fifteen(
    store: Store, tree: Tree, probability: int, impact: int, high: int
) -> None:
    if impact > 5:
        with pytest.raises(UserError):
            records.update(store, Risk, tree.risk.id, probability=probability, impact=impact)
        return
    records.update(store, Risk, tree.risk.id, probability=probability, impact=impact)
    s = overview_of(store, tree).signals
    assert (s.risks_high, s.top_risk_score) == (high, probability * impact)


def test_top_risks_by_score_without_closed_ones(store: Store, tree: Tree) -> None:
    made = {
        score: records.create(store, Risk, tree.municipality.id, title=f"R{score}", **pi)
        for score, pi in (
            (25, {"probability": 5, "impact": 5}),
            (2, {"probability": 1, "impact": 2}),
            (16, {"probability": 4, "impact": 4}),
            (20, {"probability": 4, "impact": 5}),
            (9, {"probability": 3, "impact": 3}),
        )
    }
    records.update(store, Risk, made[25].id, status="closed")
    found = overview_of(store, tree)
    assert [i.score for i in found.top_risks] == [20, 16, 12, 9, 2]
    assert found.signals.risks_open == 5 and found.signals.top_risk_score == 20


def test_latest_notes_newest_first(store: Store, tree: Tree) -> None:
    for day in range(1, 8):
        records.create(
            store,
            MonitoringNote,
            tree.municipality.id,
            noted_on=date(2025, 1, day),
            kind="progress",
            text=f"Notatka z {day} stycznia",
        )
    records.delete(store, MonitoringNote, tree.note.id)
    found = overview_of(store, tree)
    assert [i.when for i in found.latest_notes] == [date(2025, 1, d) for d in (7, 6, 5, 4, 3)]
    assert found.latest_notes[0].title == "Notatka z 7 stycznia"
    assert found.signals.last_note == date(2025, 1, 7)


# -- attention -------------------------------------------------------------------------------


@pytest.mark.parametrize(("days", "quiet"), [(QUIET_DAYS, False), (QUIET_DAYS + 1, True)])
def test_quiet_after_ninety_days_without_a_note(
    store: Store, tree: Tree, days: int, quiet: bool
) -> None:
    s = overview_of(store, tree, date(2025, 2, 2) + timedelta(days=days)).signals
    assert s.quiet is quiet


def test_no_notes_is_quiet_only_when_there_is_work() -> None:
    assert not Signals(today=EARLY).quiet
    assert Signals(today=EARLY, actions={ActionStatus.PLANNED: 1}).quiet


def test_attention_is_the_weighted_sum_of_problems() -> None:
    signals = Signals(
        today=EARLY,
        indicators={IndicatorStatus.OFF_TRACK: 2, IndicatorStatus.AT_RISK: 1},
        indicators_stale=1,
        actions_overdue=3,
        recommendations_overdue=1,
        risks_high=1,
        last_note=EARLY,
    )
    signals.hdr.overdue = 2
    assert signals.attention == (
        2 * WEIGHTS["indicator_off_track"]
        + WEIGHTS["indicator_at_risk"]
        + WEIGHTS["indicator_stale"]
        + 3 * WEIGHTS["action_overdue"]
        + WEIGHTS["recommendation_overdue"]
        + WEIGHTS["risk_high"]
        + 2 * WEIGHTS["hdr_overdue"]
    )
    assert Signals(today=EARLY).attention == 0


# -- the portfolio ---------------------------------------------------------------------------


def _plain(signals: Signals) -> tuple[Any, ...]:
    return (
        dict(signals.actions),
        signals.actions_overdue,
        signals.hdr,
        dict(signals.indicators),
        signals.indicators_stale,
        signals.recommendations_open,
        signals.recommendations_overdue,
        signals.risks_open,
        signals.risks_high,
        signals.top_risk_score,
        signals.last_note,
        signals.last_visit,
        signals.attention,
    )


@pytest.mark.parametrize("today", [date(2025, 1, 1), date(2026, 3, 1), date(2026, 11, 21)])
def test_portfolio_rows_agree_with_each_overview(
    store: Store, tree: Tree, other: Tree, today: date
) -> None:
    load_demo(store)
    load_demo(store, copy=1)
    empty = records.create(store, Municipality, name="Gmina Pusta", kind="rural")
    rows = portfolio(store, today)
    assert len(rows) == 5
    for row in rows:
        single = municipality_overview(store, row.municipality_id, today)
        assert row.name == single.name
        assert _plain(row.signals) == _plain(single.signals), row.name
    assert [r.attention for r in rows] == sorted((r.attention for r in rows), reverse=True)
    blank = next(r for r in rows if r.municipality_id == empty.id)
    assert blank.attention == 0 and blank.signals.actions_total == 0


def test_portfolio_of_the_demo_agrees_with_the_plan_and_hdr_services(demo_store: Store) -> None:
    municipality, _new = load_demo(demo_store)
    today = date(2026, 11, 21)
    row = portfolio(demo_store, today)[0]
    (plan,) = plans.plans_of(demo_store, municipality.id)
    expected: dict[IndicatorStatus, int] = {}
    stale = 0
    for found in indicator_queries.indicators_of_plan(demo_store, plan.id):
        state = indicators.evaluate(found.indicator, found.measurements, today)
        expected[state.status] = expected.get(state.status, 0) + 1
        stale += state.stale
    assert dict(row.signals.indicators) == expected and row.signals.indicators_stale == stale
    actions = [
        a for goal in plans.tree(demo_store, plan.id) for o in goal.objectives for a in o.actions
    ]
    assert row.signals.actions_total == len(actions)
    assert row.signals.actions_overdue == sum(
        a.end_date is not None and a.end_date < today and a.status not in ("done", "dropped")
        for a in actions
    )
    (schedule,) = records.children(
        demo_store, RECORD_TYPES["development_schedule"], municipality_id=municipality.id
    )
    assert row.signals.hdr == schedules.progress(demo_store, schedule.id, today).overall
    assert row.signals.recommendations_open == len(
        visits.open_recommendations(demo_store, municipality.id)
    )


def test_portfolio_sorts_by_attention_then_name(store: Store) -> None:
    for name in ("Gmina Żabno", "Gmina Abramów", "gmina Bobowa"):
        records.create(store, Municipality, name=name, kind="rural")
    assert [r.name for r in portfolio(store, EARLY)] == [
        "Gmina Abramów",
        "gmina Bobowa",
        "Gmina Żabno",
    ]


def test_deleted_municipalities_are_not_in_the_portfolio(
    store: Store, tree: Tree, other: Tree
) -> None:
    records.delete(store, Municipality, other.municipality.id)
    assert [r.municipality_id for r in portfolio(store, EARLY)] == [tree.municipality.id]
    with pytest.raises(UserError) as caught:
        municipality_overview(store, other.municipality.id, EARLY)
    assert "nie istnieje" in caught.value.message
    with pytest.raises(UserError):
        municipality_overview(store, "no-such-id", EARLY)


def test_a_handful_of_statements_whatever_the_number_of_municipalities(
    store: Store, tree: Tree, other: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted: list[str] = []
    real: Callable[..., Any] = overview_queries.Reader.rows

    def counting(reader: Any, sql: str) -> Any:
        counted.append(sql)
        return real(reader, sql)

    monkeypatch.setattr(overview_queries.Reader, "rows", counting)
    portfolio(store, EARLY)
    with_two = len(counted)
    load_demo(store)
    counted.clear()
    portfolio(store, EARLY)
    assert len(counted) == with_two <= 8
    counted.clear()
    overview_of(store, tree)
    assert len(counted) <= 7
