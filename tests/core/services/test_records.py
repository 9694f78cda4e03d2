"""The generic record services: create, update, delete (tombstones), restore and move."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select

from app.changes import Change, ChangeKind
from app.errors import UserError
from app.model import (
    Action,
    AdvisoryVisit,
    DevelopmentSchedule,
    Goal,
    Indicator,
    Measurement,
    Municipality,
    Objective,
    Recommendation,
    ScheduleItem,
    SchedulePriority,
    School,
    SchoolSupport,
    StrategicPlan,
    TeamMember,
)
from app.model.base import utcnow
from app.services import records
from app.storage import tombstones
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Rejects, Snapshot, Tree


def deleted_at(store: Store, cls: Any, record_id: str) -> datetime | None:
    with store.session() as session:
        record = session.get(cls, record_id, execution_options={"include_deleted": True})
        assert record is not None
        return record.deleted_at


def live_ids(store: Store, cls: Any, **where: Any) -> list[str]:
    return [r.id for r in records.children(store, cls, **where)]


# -- create ----------------------------------------------------------------------


def test_create_takes_municipality_from_the_parent_chain(tree: Tree, store: Store) -> None:
    mid = tree.municipality.id
    assert tree.municipality.id and not hasattr(tree.municipality, "municipality_id")
    for record in (
        tree.goal,
        tree.objective,
        tree.action,
        tree.priority,
        tree.item,
        tree.measurement,
        tree.recommendation,
    ):
        assert record.municipality_id == mid, record
    support = records.create(
        store, SchoolSupport, tree.school.id, stage="diagnosis", stage_date=date(2025, 1, 1)
    )
    assert support.municipality_id == mid
    assert support.school_id == tree.school.id


def test_created_record_has_identity_and_timestamps(tree: Tree) -> None:
    goal = tree.goal
    assert len(goal.id) == 36
    assert goal.created_at.tzinfo is not None
    assert goal.updated_at >= goal.created_at
    assert goal.deleted_at is None


def test_positions_increment_per_parent(tree: Tree, store: Store) -> None:
    plan2 = records.create(
        store, StrategicPlan, tree.municipality.id, title="Plan 2", year_from=2029, year_to=2030
    )
    a = records.create(store, Goal, tree.plan.id, title="A")
    b = records.create(store, Goal, tree.plan.id, title="B")
    c = records.create(store, Goal, plan2.id, title="C")
    assert (tree.goal.position, a.position, b.position) == (0, 1, 2)
    assert c.position == 0
    assert live_ids(store, Goal, plan_id=tree.plan.id) == [tree.goal.id, a.id, b.id]


def test_create_publishes_a_change(tree: Tree, store: Store) -> None:
    seen: list[Change] = []
    unsubscribe = store.changes.subscribe(seen.append)
    goal = records.create(store, Goal, tree.plan.id, title="Nowy cel")
    unsubscribe()
    assert seen == [
        Change(ChangeKind.CREATED, "goal", (goal.id,), tree.municipality.id, ("title",))
    ]


def test_failed_create_publishes_nothing(tree: Tree, store: Store) -> None:
    seen: list[Change] = []
    store.changes.subscribe(seen.append)
    with pytest.raises(UserError):
        records.create(store, Goal, tree.plan.id, title="")
    assert seen == []


# -- update ----------------------------------------------------------------------


def test_update_touches_updated_at_but_not_created_at(tree: Tree, store: Store) -> None:
    before = records.get(store, Goal, tree.goal.id)
    after = records.update(store, Goal, tree.goal.id, title="Zmieniony cel")
    assert after.title == "Zmieniony cel"
    assert after.updated_at > before.updated_at
    assert after.created_at == before.created_at
    stored = records.get(store, Goal, tree.goal.id)
    assert (stored.title, stored.updated_at, stored.created_at) == (
        "Zmieniony cel",
        after.updated_at,
        before.created_at,
    )


def test_update_that_changes_nothing_keeps_updated_at(tree: Tree, store: Store) -> None:
    before = records.get(store, Goal, tree.goal.id)
    after = records.update(store, Goal, tree.goal.id, title=before.title)
    assert after.updated_at == before.updated_at


def test_update_is_strictly_later_even_with_a_coarse_clock(
    tree: Tree, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = records.get(store, Goal, tree.goal.id)
    monkeypatch.setattr("app.storage.session_events.utcnow", lambda: before.updated_at)
    after = records.update(store, Goal, tree.goal.id, title="Zmiana w tym samym takcie zegara")
    assert after.updated_at > before.updated_at


def test_update_publishes_the_fields(tree: Tree, store: Store) -> None:
    seen: list[Change] = []
    store.changes.subscribe(seen.append)
    records.update(store, Action, tree.action.id, title="T", budget_cents=100)
    assert seen[-1].kind is ChangeKind.UPDATED
    assert set(seen[-1].fields) == {"title", "budget_cents"}


# -- delete and restore ---------------------------------------------------------------


def _subtree(tree: Tree) -> list[tuple[Any, str]]:
    return [
        (Goal, tree.goal.id),
        (Objective, tree.objective.id),
        (Action, tree.action.id),
        (Indicator, tree.indicator.id),
        (Measurement, tree.measurement.id),
    ]


def test_delete_tombstones_dependents_with_one_stamp(tree: Tree, store: Store) -> None:
    goal_indicator = records.create(
        store, Indicator, tree.municipality.id, name="Na celu", goal_id=tree.goal.id
    )
    stamp = records.delete(store, Goal, tree.goal.id)
    for cls, record_id in [*_subtree(tree), (Indicator, goal_indicator.id)]:
        assert deleted_at(store, cls, record_id) == stamp.stamp, cls
    # Nothing outside the subtree.
    for cls, record_id in [
        (StrategicPlan, tree.plan.id),
        (TeamMember, tree.member.id),
        (ScheduleItem, tree.item.id),
        (Municipality, tree.municipality.id),
    ]:
        assert deleted_at(store, cls, record_id) is None, cls


def test_deleted_records_vanish_from_queries_and_relationships(tree: Tree, store: Store) -> None:
    records.delete(store, Goal, tree.goal.id)
    assert live_ids(store, Goal, plan_id=tree.plan.id) == []
    assert live_ids(store, Objective, goal_id=tree.goal.id) == []
    assert live_ids(store, Measurement, indicator_id=tree.indicator.id) == []
    with store.session() as session:
        plan = session.get(StrategicPlan, tree.plan.id)
        assert plan is not None and plan.goals == []
        assert session.get(Goal, tree.goal.id) is None
        assert session.scalars(select(Indicator)).all() == []
    for cls, record_id in _subtree(tree):
        with pytest.raises(UserError):
            records.get(store, cls, record_id)


def test_deleting_twice_is_an_error(tree: Tree, store: Store, rejects: Rejects) -> None:
    records.delete(store, Goal, tree.goal.id)
    rejects(None, records.delete, store, Goal, tree.goal.id)


def test_restore_brings_back_exactly_that_deletion(tree: Tree, store: Store) -> None:
    second = records.create(store, Objective, tree.goal.id, title="Usunięty wcześniej")
    earlier = records.delete(store, Objective, second.id)
    stamp = records.delete(store, Goal, tree.goal.id)
    assert stamp.stamp > earlier.stamp
    records.restore(store, Goal, tree.goal.id, stamp)
    for cls, record_id in _subtree(tree):
        assert deleted_at(store, cls, record_id) is None, cls
    assert deleted_at(store, Objective, second.id) == earlier.stamp
    assert live_ids(store, Objective, goal_id=tree.goal.id) == [tree.objective.id]
    with store.session() as session:
        plan = session.get(StrategicPlan, tree.plan.id)
        assert plan is not None and [g.id for g in plan.goals] == [tree.goal.id]


def test_restore_keeps_earlier_deletion_with_a_coarse_clock(
    tree: Tree, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two deletions in the same clock tick still restore separately."""
    frozen = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    monkeypatch.setattr(records, "utcnow", lambda: frozen)
    first = records.delete(store, Objective, tree.objective.id)
    second = records.delete(store, Goal, tree.goal.id)
    assert second.stamp > first.stamp
    records.restore(store, Goal, tree.goal.id, second)
    assert deleted_at(store, Goal, tree.goal.id) is None
    for cls, record_id in _subtree(tree)[1:]:
        assert deleted_at(store, cls, record_id) == first.stamp, cls
    records.restore(store, Objective, tree.objective.id, first)
    for cls, record_id in _subtree(tree):
        assert deleted_at(store, cls, record_id) is None, cls


def test_restore_with_a_stamp_of_another_deletion(
    tree: Tree, store: Store, rejects: Rejects
) -> None:
    earlier = records.delete(store, Objective, tree.objective.id)
    records.delete(store, Goal, tree.goal.id)
    # The objective's stamp on the goal would bring back the objective under a deleted goal.
    rejects(None, records.restore, store, Goal, tree.goal.id, earlier)
    assert deleted_at(store, Objective, tree.objective.id) == earlier.stamp


def test_restore_when_the_parent_is_gone(tree: Tree, store: Store, rejects: Rejects) -> None:
    child = records.delete(store, Objective, tree.objective.id)
    records.delete(store, Goal, tree.goal.id)
    error = rejects(None, records.restore, store, Objective, tree.objective.id, child)
    assert "nadrzędny" in error.message


def test_restore_when_another_owner_is_gone(tree: Tree, store: Store, rejects: Rejects) -> None:
    """An indicator on an action: the action owns it as much as the municipality does."""
    stamp = records.delete(store, Action, tree.action.id)
    assert deleted_at(store, Indicator, tree.indicator.id) == stamp.stamp
    rejects(None, records.restore, store, Indicator, tree.indicator.id, stamp)
    rejects(None, records.restore, store, Measurement, tree.measurement.id, stamp)
    # An HDR item deleted with its priority stays down while the priority is.
    stamp = records.delete(store, SchedulePriority, tree.priority.id)
    assert deleted_at(store, ScheduleItem, tree.item.id) == stamp.stamp
    rejects(None, records.restore, store, ScheduleItem, tree.item.id, stamp)


def _nothing_saved() -> records.Deletion:
    return records.Deletion(datetime.now(UTC), tombstones.Saved({}))


def test_restore_of_a_live_record_does_nothing(tree: Tree, store: Store, snapshot: Any) -> None:
    before: Snapshot = snapshot()
    records.restore(store, Goal, tree.goal.id, _nothing_saved())
    assert snapshot() == before


def test_restore_of_an_unknown_record(store: Store, rejects: Rejects) -> None:
    rejects(None, records.restore, store, Goal, "nie-ma", _nothing_saved())


def test_delete_and_restore_a_whole_municipality(tree: Tree, store: Store) -> None:
    stamp = records.delete(store, Municipality, tree.municipality.id)
    with store.session() as session:
        assert session.scalars(select(Municipality)).all() == []
        assert session.scalars(select(Recommendation)).all() == []
    for cls, record_id in [(AdvisoryVisit, tree.visit.id), (School, tree.school.id)]:
        assert deleted_at(store, cls, record_id) == stamp.stamp
    records.restore(store, Municipality, tree.municipality.id, stamp)
    for cls, record_id in [*_subtree(tree), (Recommendation, tree.recommendation.id)]:
        assert deleted_at(store, cls, record_id) is None


def test_delete_and_restore_publish(tree: Tree, store: Store) -> None:
    seen: list[Change] = []
    store.changes.subscribe(seen.append)
    stamp = records.delete(store, Goal, tree.goal.id)
    records.restore(store, Goal, tree.goal.id, stamp)
    assert [c.kind for c in seen] == [ChangeKind.DELETED, ChangeKind.RESTORED]
    assert all(c.record_ids == (tree.goal.id,) for c in seen)


# -- move -------------------------------------------------------------------------


def _goals(store: Store, plan_id: str) -> list[tuple[str, int]]:
    return [(g.title, g.position) for g in records.children(store, Goal, plan_id=plan_id)]


@pytest.fixture
def five_goals(tree: Tree, store: Store) -> list[str]:
    records.update(store, Goal, tree.goal.id, title="G0")
    ids = [tree.goal.id]
    for n in range(1, 5):
        ids.append(records.create(store, Goal, tree.plan.id, title=f"G{n}").id)
    return ids


@pytest.mark.parametrize(
    ("source", "index", "expected"),
    [
        (0, 2, ["G1", "G2", "G0", "G3", "G4"]),
        (4, 0, ["G4", "G0", "G1", "G2", "G3"]),
        (2, 2, ["G0", "G1", "G2", "G3", "G4"]),
        (1, 99, ["G0", "G2", "G3", "G4", "G1"]),
        (3, -5, ["G3", "G0", "G1", "G2", "G4"]),
    ],
)
def test_move_reorders_siblings(
    tree: Tree, store: Store, five_goals: list[str], source: int, index: int, expected: list[str]
) -> None:
    moved = records.move(store, Goal, five_goals[source], index)
    assert _goals(store, tree.plan.id) == [(t, n) for n, t in enumerate(expected)]
    assert moved.position == expected.index(f"G{source}")


def test_move_skips_deleted_siblings(tree: Tree, store: Store, five_goals: list[str]) -> None:
    records.delete(store, Goal, five_goals[1])
    records.move(store, Goal, five_goals[4], 1)
    assert _goals(store, tree.plan.id) == [("G0", 0), ("G4", 1), ("G2", 2), ("G3", 3)]


def test_move_objective_to_another_goal(tree: Tree, store: Store) -> None:
    sibling = records.create(store, Objective, tree.goal.id, title="Zostaje")
    target = records.create(store, Goal, tree.plan.id, title="Cel 2")
    there = records.create(store, Objective, target.id, title="Już tam")
    seen: list[Change] = []
    store.changes.subscribe(seen.append)
    moved = records.move(store, Objective, tree.objective.id, 0, new_parent_id=target.id)
    assert moved.goal_id == target.id
    assert live_ids(store, Objective, goal_id=target.id) == [tree.objective.id, there.id]
    assert [o.position for o in records.children(store, Objective, goal_id=target.id)] == [0, 1]
    # The old parent's children are numbered again from 0.
    old_siblings = records.children(store, Objective, goal_id=tree.goal.id)
    assert [(o.id, o.position) for o in old_siblings] == [(sibling.id, 0)]
    # The actions go with it.
    assert records.get(store, Action, tree.action.id).objective_id == tree.objective.id
    assert seen[-1].kind is ChangeKind.MOVED


def test_move_goal_to_another_plan_takes_its_indicators(tree: Tree, store: Store) -> None:
    plan2 = records.create(
        store, StrategicPlan, tree.municipality.id, title="Plan 2", year_from=2029, year_to=2032
    )
    records.move(store, Goal, tree.goal.id, 0, new_parent_id=plan2.id)
    assert records.get(store, Indicator, tree.indicator.id).plan_id == plan2.id
    # Deleting the old plan leaves the moved goal and its indicator alone.
    records.delete(store, StrategicPlan, tree.plan.id)
    assert records.get(store, Indicator, tree.indicator.id).action_id == tree.action.id
    assert records.get(store, Goal, tree.goal.id).plan_id == plan2.id


def test_move_across_municipalities_is_refused(
    tree: Tree, other: Tree, store: Store, rejects: Rejects
) -> None:
    error = rejects(
        None, records.move, store, Objective, tree.objective.id, 0, new_parent_id=other.goal.id
    )
    assert "innej JST" in error.message
    rejects(None, records.move, store, Action, tree.action.id, 0, new_parent_id=other.objective.id)
    rejects(
        None,
        records.move,
        store,
        TeamMember,
        tree.member.id,
        0,
        new_parent_id=other.municipality.id,
    )


def test_move_to_a_deleted_or_missing_parent(tree: Tree, store: Store, rejects: Rejects) -> None:
    target = records.create(store, Goal, tree.plan.id, title="Cel 2")
    records.delete(store, Goal, target.id)
    rejects(None, records.move, store, Objective, tree.objective.id, 0, new_parent_id=target.id)
    rejects(None, records.move, store, Objective, tree.objective.id, 0, new_parent_id="nie-ma")
    rejects(None, records.move, store, Objective, "nie-ma", 0)


def test_move_records_without_an_order(tree: Tree, store: Store, rejects: Rejects) -> None:
    rejects(None, records.move, store, Municipality, tree.municipality.id, 0)
    second = records.create(store, Indicator, tree.municipality.id, name="Drugi")
    moved = records.move(store, Measurement, tree.measurement.id, 0, new_parent_id=second.id)
    assert moved.indicator_id == second.id
    assert records.move(store, School, tree.school.id, 3).id == tree.school.id


def test_move_schedule_item_to_another_hdr_drops_its_priority(tree: Tree, store: Store) -> None:
    second = records.create(
        store,
        DevelopmentSchedule,
        tree.municipality.id,
        title="HDR 2",
        area_code=5,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 1),
    )
    moved = records.move(store, ScheduleItem, tree.item.id, 0, new_parent_id=second.id)
    assert (moved.schedule_id, moved.priority_id) == (second.id, None)


# -- events as a whole: one per use case, after the commit ---------------------------------


def test_listener_sees_committed_data(tree: Tree, store: Store) -> None:
    titles: list[str] = []

    def listener(change: Change) -> None:
        titles.append(records.get(store, Goal, change.record_ids[0]).title)

    store.changes.subscribe(listener)
    records.update(store, Goal, tree.goal.id, title="Po zmianie")
    assert titles == ["Po zmianie"]


def test_many_quick_edits_keep_the_latest(tree: Tree, store: Store) -> None:
    update: Callable[..., Any] = records.update
    started = utcnow()  # the tree comes from the session's template: it may be minutes old
    for n in range(20):
        update(store, Goal, tree.goal.id, title=f"Wersja {n}")
    latest = records.get(store, Goal, tree.goal.id)
    assert latest.title == "Wersja 19"
    assert started - timedelta(seconds=1) <= latest.updated_at <= utcnow()
