"""The demo municipality: complete enough to show every part of the program, and valid."""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app import demo
from app.catalogs import key_competences
from app.changes import Change, ChangeKind
from app.errors import UserError
from app.model import (
    RECORD_CLASSES,
    Action,
    ActionStatus,
    AdvisoryVisit,
    DevelopmentSchedule,
    Goal,
    Indicator,
    IndicatorStatus,
    Measurement,
    MonitoringNote,
    Municipality,
    NoteKind,
    Objective,
    OwnedRecord,
    Recommendation,
    RecommendationStatus,
    Record,
    Risk,
    ScheduleItem,
    School,
    StrategicPlan,
    SupportStage,
    TeamMember,
    action_school,
)
from app.services import funding, indicators, records, validation
from app.services.fields import FIELDS
from app.services.search import search
from app.storage.store import Store


def live(store: Store, cls: Any, municipality_id: str) -> list[Any]:
    with store.session() as session:
        query = select(cls).where(cls.municipality_id == municipality_id)
        return list(session.scalars(query).all())


def counts(store: Store) -> dict[str, int]:
    with store.session() as session:
        result = {
            cls.__tablename__: session.scalar(
                select(func.count()).select_from(cls).execution_options(include_deleted=True)
            )
            or 0
            for cls in RECORD_CLASSES
        }
        result["action_school"] = session.scalar(select(func.count()).select_from(action_school))
    return result


@pytest.fixture
def demo_id(demo_store: Store) -> str:
    return demo.demo_municipality_id()


# -- loading ---------------------------------------------------------------------------


def test_load_returns_the_municipality(store: Store) -> None:
    seen: list[Change] = []
    store.changes.subscribe(seen.append)
    municipality, created = demo.load_demo(store)
    assert created
    assert municipality.id == demo.demo_municipality_id()
    assert municipality.is_demo
    assert municipality.name == demo.demo_data()["municipality"]["name"]
    assert [c.kind for c in seen] == [ChangeKind.RELOADED]


def test_loading_twice_finds_the_first_copy(demo_store: Store, snapshot: Any) -> None:
    before = snapshot()
    municipality, created = demo.load_demo(demo_store)
    assert not created
    assert municipality.id == demo.demo_municipality_id()
    assert snapshot() == before


def test_deleted_demo_loads_again(demo_store: Store, demo_id: str) -> None:
    loaded = counts(demo_store)
    records.delete(demo_store, Municipality, demo_id)
    # The demo network stays: it is not the JST's (its meetings may name the town).
    assert [r for r in search(demo_store, "zielonki") if r.municipality_id] == []
    municipality, created = demo.load_demo(demo_store)
    assert created and municipality.deleted_at is None
    assert counts(demo_store) == loaded  # the tombstones were replaced, not kept beside
    assert any(r.record_id == demo_id for r in search(demo_store, "zielonki"))
    assert demo.load_demo(demo_store)[1] is False


def test_copies_are_independent(demo_store: Store, demo_id: str) -> None:
    first = counts(demo_store)
    second, created = demo.load_demo(demo_store, copy=1)
    assert created
    assert second.id == demo.demo_municipality_id(1) != demo_id
    assert second.name == f"{demo.demo_data()['municipality']['name']} 1"
    doubled = counts(demo_store)
    assert all(doubled[table] == 2 * first[table] for table in first), doubled
    ids_first = {r.id for r in live(demo_store, Action, demo_id)}
    ids_second = {r.id for r in live(demo_store, Action, second.id)}
    assert ids_first.isdisjoint(ids_second)
    records.delete(demo_store, Municipality, demo_id)
    assert len(live(demo_store, Action, second.id)) == len(ids_second)
    assert all(a.deleted_at is None for a in live(demo_store, Action, second.id))


def test_unreadable_demo_file_is_a_user_error(
    store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, snapshot: Any
) -> None:
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "demo_municipality.json").write_text("{nie json", encoding="utf-8")
    monkeypatch.setattr(demo.resources, "files", lambda _package: tmp_path)
    before = snapshot()
    with pytest.raises(UserError, match="demonstracyjnych"):
        demo.load_demo(store)
    (tmp_path / "demo" / "demo_municipality.json").unlink()
    with pytest.raises(UserError, match="demonstracyjnych"):
        demo.load_demo(store)
    assert snapshot() == before


def test_invalid_demo_data_is_refused_whole(
    store: Store, monkeypatch: pytest.MonkeyPatch, snapshot: Any
) -> None:
    data = copy.deepcopy(demo.demo_data())
    data["risks"][-1]["probability"] = 9
    monkeypatch.setattr(demo, "demo_data", lambda: data)
    before = snapshot()
    with pytest.raises(UserError) as caught:
        demo.load_demo(store)
    assert caught.value.field == "probability"
    assert snapshot() == before


def test_builder_takes_the_plan_key_and_whole_dates_for_months(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = copy.deepcopy(demo.demo_data())
    data["plan"]["key"] = "plan-2024"
    data["schedule"]["period_start"] = "2025-01-15"
    data["schedule"]["period_end"] = "2027-06-30"
    monkeypatch.setattr(demo, "demo_data", lambda: data)
    municipality, _created = demo.load_demo(store)
    (plan,) = live(store, StrategicPlan, municipality.id)
    (schedule,) = live(store, DevelopmentSchedule, municipality.id)
    assert schedule.plan_id == plan.id
    assert (schedule.period_start, schedule.period_end) == (date(2025, 1, 1), date(2027, 6, 1))
    assert {i.plan_id for i in live(store, Indicator, municipality.id)} == {plan.id}


# -- what the demo holds -------------------------------------------------------------------


def test_team(demo_store: Store, demo_id: str) -> None:
    team = live(demo_store, TeamMember, demo_id)
    assert len(team) >= 4
    assert [m.position for m in team] == sorted(m.position for m in team)


def test_schools_at_different_stages(demo_store: Store, demo_id: str) -> None:
    schools = live(demo_store, School, demo_id)
    assert len(schools) >= 10
    stages = {s.support_stage for s in schools if s.support_stage is not None}
    assert stages == set(SupportStage)


def test_plan_goals_objectives_actions(demo_store: Store, demo_id: str) -> None:
    (plan,) = live(demo_store, StrategicPlan, demo_id)
    assert (plan.year_from, plan.year_to) == (2024, 2028)
    goals = live(demo_store, Goal, demo_id)
    objectives = live(demo_store, Objective, demo_id)
    actions = live(demo_store, Action, demo_id)
    assert len(goals) == 3 and {g.plan_id for g in goals} == {plan.id}
    assert len(objectives) >= 8 and {o.goal_id for o in objectives} == {g.id for g in goals}
    assert len(actions) >= 25
    assert {a.objective_id for a in actions} == {o.id for o in objectives}
    covered = {code for a in actions for code in a.key_competences}
    assert covered == {k.code for k in key_competences()}
    rows = {a.id: funding.rows_of(demo_store, a.id) for a in actions}
    assert all(funding.budget_cents(rows[a.id]) for a in actions)
    assert len({a.status for a in actions}) >= 3
    assert all(a.responsible_id for a in actions)


def test_indicators_with_three_years_of_measurements_and_mixed_statuses(
    demo_store: Store, demo_id: str
) -> None:
    found = live(demo_store, Indicator, demo_id)
    assert len(found) >= 10
    measurements = live(demo_store, Measurement, demo_id)
    assert len({m.measured_on.year for m in measurements}) >= 3
    notes = live(demo_store, MonitoringNote, demo_id)
    # The demo's "today": its newest entry, so the mix holds whenever the tests run.
    today = max([m.measured_on for m in measurements] + [n.noted_on for n in notes])
    statuses = Counter(indicators.state(demo_store, i.id, today).status for i in found)
    assert statuses[IndicatorStatus.ON_TRACK] >= 1
    assert statuses[IndicatorStatus.OFF_TRACK] >= 1
    assert len(statuses) >= 3, statuses
    assert IndicatorStatus.NO_DATA not in statuses
    assert all(indicators.measurements(demo_store, i.id) for i in found)


def test_hdr(demo_store: Store, demo_id: str) -> None:
    (schedule,) = live(demo_store, DevelopmentSchedule, demo_id)
    assert schedule.area_code is not None and 1 <= schedule.area_code <= 12
    items = live(demo_store, ScheduleItem, demo_id)
    assert len(items) >= 12
    assert all(i.start_month.day == 1 and i.end_month.day == 1 for i in items)
    assert len({i.status for i in items}) >= 3
    assert any(i.status in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS) for i in items)


def test_notes_risks_visits_recommendations(demo_store: Store, demo_id: str) -> None:
    notes = live(demo_store, MonitoringNote, demo_id)
    assert len(notes) >= 30
    assert {n.kind for n in notes} == set(NoteKind)
    assert len(live(demo_store, Risk, demo_id)) >= 5
    visits = live(demo_store, AdvisoryVisit, demo_id)
    assert len(visits) == 3
    recommendations = live(demo_store, Recommendation, demo_id)
    assert {r.visit_id for r in recommendations} == {v.id for v in visits}
    assert {r.status for r in recommendations} == set(RecommendationStatus)


def test_every_record_is_valid(demo_store: Store, demo_id: str) -> None:
    checked: Counter[str] = Counter()
    with demo_store.session() as session:
        for cls in RECORD_CLASSES:
            query = select(cls)
            if issubclass(cls, OwnedRecord):
                query = query.where(cls.municipality_id == demo_id)
            for record in session.scalars(query):
                _check_record(session, record)
                checked[cls.__tablename__] += 1
    assert set(checked) == {cls.__tablename__ for cls in RECORD_CLASSES}


def _check_record(session: Any, record: Record) -> None:
    cls = type(record)
    values = {name: getattr(record, name) for name in FIELDS[cls]}
    cleaned = validation.clean_fields(cls, values)
    assert cleaned == values, (record, {k for k in values if cleaned[k] != values[k]})
    validation.check_rules(record)
    validation.check_refs(session, record)


def test_links_and_school_assignments_resolve(demo_store: Store, demo_id: str) -> None:
    with demo_store.session() as session:
        actions = session.scalars(select(Action).where(Action.municipality_id == demo_id)).all()
        assert sum(len(a.schools) for a in actions) > 0
        assert all(a.responsible is not None for a in actions)
    linked = [n for n in live(demo_store, MonitoringNote, demo_id) if n.link_type]
    assert linked


def test_demo_is_searchable(demo_store: Store, demo_id: str) -> None:
    results = search(demo_store, "zielonki wielkie", municipality_id=demo_id)
    assert any(r.record_type == "municipality" for r in results)


def test_demo_file_has_unique_keys() -> None:
    data = demo.demo_data()
    keys: Counter[tuple[str, str]] = Counter()

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            if "key" in node and path != "link":  # a link refers to a key defined elsewhere
                keys[(path, node["key"])] += 1
            for name, value in node.items():
                walk(value, name)
        elif isinstance(node, list):
            for value in node:
                walk(value, path)

    walk(data, "root")
    assert [key for key, n in keys.items() if n > 1] == []
    json.dumps(data)  # plain JSON all the way down


def test_demo_id_is_stable() -> None:
    make: Callable[[int], str] = demo.demo_municipality_id
    assert make(0) == make(0) != make(1)
