"""HDR use cases: creating, copying into a new period, grouping, moving, warnings, links."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest

from app.model import (
    CYCLE_STEPS,
    Action,
    ActionStatus,
    DevelopmentSchedule,
    Indicator,
    ScheduleItem,
    SchedulePriority,
    StrategicPlan,
)
from app.services import hdr, records, schedules
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Rejects, Tree


def _item(store: Store, schedule_id: str, **values: Any) -> ScheduleItem:
    defaults: dict[str, Any] = {
        "action": "Działanie",
        "start_month": date(2026, 1, 1),
        "end_month": date(2026, 10, 1),
    }
    return records.create(store, ScheduleItem, schedule_id, **{**defaults, **values})


# -- months ---------------------------------------------------------------------------------


def test_month_arithmetic_across_years() -> None:
    assert hdr.shift_month(date(2025, 11, 17), 3) == date(2026, 2, 1)
    assert hdr.shift_month(date(2025, 1, 1), -1) == date(2024, 12, 1)
    assert hdr.months_between(date(2025, 1, 31), date(2027, 6, 1)) == 29
    assert hdr.month_at(hdr.month_index(date(2026, 12, 5))) == date(2026, 12, 1)
    assert hdr.month_text(date(2026, 3, 1)) == "03.2026"


# -- creating -------------------------------------------------------------------------------


def test_create_names_the_hdr_after_its_area(tree: Tree, store: Store) -> None:
    created = hdr.create_schedule(
        store,
        tree.municipality.id,
        area_code=4,
        period_start=date(2026, 9, 15),
        period_end=date(2028, 6, 30),
        participants="Anna Nowak",
        plan_id=tree.plan.id,
    )
    assert created.title == "HDR: Planowanie budżetowe"
    assert (created.period_start, created.period_end) == (date(2026, 9, 1), date(2028, 6, 1))
    custom = hdr.create_schedule(
        store,
        tree.municipality.id,
        custom_area="Cyfryzacja szkół",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 1),
    )
    assert custom.title == "HDR: Cyfryzacja szkół"
    assert hdr.area_label(custom) == "Cyfryzacja szkół"
    assert hdr.area_label(created) == "4. Planowanie budżetowe"
    assert [s.id for s in hdr.schedules_of(store, tree.municipality.id)] == [
        created.id,
        custom.id,
        tree.schedule.id,
    ]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"area_code": 3, "custom_area": "Własny"}, "custom_area"),
        ({}, "area_code"),
        ({"area_code": 13}, "area_code"),
        ({"area_code": 3, "period_end": date(2025, 12, 1)}, "period_end"),
        ({"area_code": 3, "period_start": None}, "period_start"),
        ({"area_code": 3, "plan_id": "nie-ma-takiego"}, "plan_id"),
    ],
)
def test_create_refuses_bad_input(
    tree: Tree, store: Store, rejects: Rejects, values: dict[str, Any], field: str
) -> None:
    full = {"period_start": date(2026, 1, 1), "period_end": date(2026, 12, 1), **values}
    rejects(field, hdr.create_schedule, store, tree.municipality.id, **full)


def test_create_refuses_a_plan_of_another_municipality(
    tree: Tree, other: Tree, store: Store, rejects: Rejects
) -> None:
    rejects(
        "plan_id",
        hdr.create_schedule,
        store,
        tree.municipality.id,
        area_code=1,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 2, 1),
        plan_id=other.plan.id,
    )


# -- the advisory cycle ---------------------------------------------------------------------


def test_cycle_steps_and_where_the_team_is(tree: Tree, store: Store) -> None:
    schedule = records.get(store, DevelopmentSchedule, tree.schedule.id)
    steps = hdr.cycle_steps(schedule)
    assert [s.name for s in steps] == [
        "area_choice",
        "diagnosis",
        "priorities",
        "schedule",
        "implementation",
        "tools",
    ]
    assert [s.number for s in steps] == [1, 2, 3, 4, 5, 6]
    assert steps[1].label == "Diagnoza potrzeb" and steps[1].hint
    assert hdr.current_step(schedule) == 0
    schedule = records.update(
        store,
        DevelopmentSchedule,
        schedule.id,
        step_area_choice="Najsłabiej oceniony obszar.",
        step_area_choice_done=True,
        step_diagnosis_done=True,
        step_schedule_done=True,  # done out of order: the team is still at the priorities
    )
    assert hdr.current_step(schedule) == 2
    assert hdr.cycle_steps(schedule)[0].text == "Najsłabiej oceniony obszar."
    done = {f"step_{name}_done": True for name in CYCLE_STEPS}
    schedule = records.update(store, DevelopmentSchedule, schedule.id, **done)
    assert hdr.current_step(schedule) is None


# -- copying into a new period ----------------------------------------------------------------


def _full_schedule(tree: Tree, store: Store) -> DevelopmentSchedule:
    texts = {f"step_{name}": f"Tekst etapu {name}" for name in CYCLE_STEPS}
    flags = {f"step_{name}_done": True for name in CYCLE_STEPS}
    schedule = records.update(
        store,
        DevelopmentSchedule,
        tree.schedule.id,
        participants="Anna Nowak",
        advisors="dr Jan Kowalski",
        plan_id=tree.plan.id,
        **texts,
        **flags,
    )
    second = records.create(store, SchedulePriority, schedule.id, title="Priorytet 2")
    records.update(
        store,
        ScheduleItem,
        tree.item.id,
        status="done",
        goal="Cel",
        responsible="Anna Nowak",
        resources_budget_cents=250_000,
        plan_action_id=tree.action.id,
    )
    _item(
        store,
        schedule.id,
        action="Sieć dyrektorów",
        start_month=date(2025, 11, 1),
        end_month=date(2026, 12, 1),
        priority_id=second.id,
        status="delayed",
    )
    _item(store, schedule.id, action="Bez priorytetu", status="dropped")
    return schedule


def test_copy_shifts_items_into_the_new_period_and_resets_progress(
    tree: Tree, store: Store
) -> None:
    source = _full_schedule(tree, store)
    copy = hdr.copy_schedule(store, source.id, date(2027, 1, 1), date(2028, 12, 31))
    assert copy.id != source.id
    assert copy.title == "HDR (okres 01.2027–12.2028)"
    assert (copy.period_start, copy.period_end) == (date(2027, 1, 1), date(2028, 12, 1))
    assert (copy.area_code, copy.participants, copy.advisors, copy.plan_id) == (
        4,
        "Anna Nowak",
        "dr Jan Kowalski",
        tree.plan.id,
    )
    for step in hdr.cycle_steps(copy):
        assert step.text == f"Tekst etapu {step.name}"
        assert not step.done
    old_groups = hdr.items_by_priority(store, source.id)
    new_groups = hdr.items_by_priority(store, copy.id)
    assert [g.priority.title if g.priority else None for g in new_groups] == [
        "Priorytet 1",
        "Priorytet 2",
        None,
    ]
    assert all(g.priority is None or g.priority.schedule_id == copy.id for g in new_groups)
    for old, new in zip(old_groups, new_groups, strict=True):
        for old_item, new_item in zip(old.items, new.items, strict=True):
            assert new_item.id != old_item.id
            assert new_item.schedule_id == copy.id
            assert new_item.status == ActionStatus.PLANNED
            assert new_item.start_month == hdr.shift_month(old_item.start_month, 24)
            assert new_item.end_month == hdr.shift_month(old_item.end_month, 24)
            for name in ("action", "goal", "responsible", "resources_budget_cents"):
                assert getattr(new_item, name) == getattr(old_item, name)
            assert new_item.plan_action_id == old_item.plan_action_id
    # The source is untouched; a copy of the copy does not pile up periods in the title.
    assert [i.status for g in hdr.items_by_priority(store, source.id) for i in g.items] == [
        ActionStatus.DONE,
        ActionStatus.DELAYED,
        ActionStatus.DROPPED,
    ]
    again = hdr.copy_schedule(store, copy.id, date(2029, 1, 1), date(2029, 12, 1))
    assert again.title == "HDR (okres 01.2029–12.2029)"


def test_copy_leaves_indicators_and_deleted_links_behind(tree: Tree, store: Store) -> None:
    records.update(
        store, Indicator, tree.indicator.id, action_id=None, schedule_item_id=tree.item.id
    )
    other_action = records.create(store, Action, tree.objective.id, title="Usunięte później")
    records.update(store, ScheduleItem, tree.item.id, plan_action_id=other_action.id)
    records.delete(store, Action, other_action.id)
    copy = hdr.copy_schedule(store, tree.schedule.id, date(2025, 7, 1), date(2026, 6, 1))
    [group] = hdr.items_by_priority(store, copy.id)
    [item] = group.items
    assert item.plan_action_id is None
    assert (item.start_month, item.end_month) == (date(2025, 9, 1), date(2025, 12, 1))
    assert hdr.linked_indicators(store, item.id) == []
    assert [i.id for i in hdr.linked_indicators(store, tree.item.id)] == [tree.indicator.id]


def test_copy_keeps_no_link_to_a_deleted_plan(tree: Tree, store: Store) -> None:
    records.update(store, DevelopmentSchedule, tree.schedule.id, plan_id=tree.plan.id)
    records.delete(store, StrategicPlan, tree.plan.id)
    copy = hdr.copy_schedule(store, tree.schedule.id, date(2027, 1, 1), date(2027, 12, 1))
    assert copy.plan_id is None


def test_undo_of_a_copy_is_deleting_it(
    tree: Tree, store: Store, snapshot: Callable[[], object]
) -> None:
    copy = hdr.copy_schedule(store, tree.schedule.id, date(2027, 1, 1), date(2027, 12, 1))
    stamp = records.delete(store, DevelopmentSchedule, copy.id)
    assert [s.id for s in hdr.schedules_of(store, tree.municipality.id)] == [tree.schedule.id]
    records.restore(store, DevelopmentSchedule, copy.id, stamp)
    assert len(hdr.items_by_priority(store, copy.id)[0].items) == 1


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (date(2027, 6, 1), date(2027, 5, 1), "period_end"),
        (date(1989, 1, 1), date(2027, 5, 1), "period_start"),
        ("2027-01-01", "nie data", "period_end"),
        (date(2100, 12, 1), date(2100, 12, 1), "period_start"),  # items would pass 2100
    ],
)
def test_copy_refuses_bad_periods(
    tree: Tree, store: Store, rejects: Rejects, start: Any, end: Any, field: str
) -> None:
    rejects(field, hdr.copy_schedule, store, tree.schedule.id, start, end)


def test_copy_of_a_deleted_hdr_is_refused(tree: Tree, store: Store, rejects: Rejects) -> None:
    records.delete(store, DevelopmentSchedule, tree.schedule.id)
    rejects(None, hdr.copy_schedule, store, tree.schedule.id, date(2027, 1, 1), date(2027, 2, 1))


# -- items by priority and moving them --------------------------------------------------------


def test_items_grouped_by_priority_in_order(tree: Tree, store: Store) -> None:
    second = records.create(store, SchedulePriority, tree.schedule.id, title="Priorytet 2")
    loose = _item(store, tree.schedule.id, action="Luźna")
    b = _item(store, tree.schedule.id, action="B", priority_id=second.id)
    a2 = _item(store, tree.schedule.id, action="A2", priority_id=tree.priority.id)
    groups = hdr.items_by_priority(store, tree.schedule.id)
    assert [g.id for g in groups] == [tree.priority.id, second.id, None]
    assert [[i.id for i in g.items] for g in groups] == [[tree.item.id, a2.id], [b.id], [loose.id]]
    assert hdr.item_place(groups, a2.id) == (tree.priority.id, 1)
    records.delete(store, ScheduleItem, loose.id)
    assert [g.id for g in hdr.items_by_priority(store, tree.schedule.id)] == [
        tree.priority.id,
        second.id,
    ]


def test_place_item_within_and_across_priorities(tree: Tree, store: Store) -> None:
    second = records.create(store, SchedulePriority, tree.schedule.id, title="Priorytet 2")
    a2 = _item(store, tree.schedule.id, action="A2", priority_id=tree.priority.id)
    b1 = _item(store, tree.schedule.id, action="B1", priority_id=second.id)

    def order() -> list[list[str]]:
        return [[i.action for i in g.items] for g in hdr.items_by_priority(store, tree.schedule.id)]

    changes: list[Any] = []
    store.changes.subscribe(changes.append)
    hdr.place_item(store, a2.id, tree.priority.id, 0)
    assert order() == [["A2", "Warsztaty budżetowe"], ["B1"]]
    assert changes[-1].record_type == "schedule_item" and changes[-1].kind == "moved"
    hdr.place_item(store, tree.item.id, second.id, 99)  # past the end: last
    assert order() == [["A2"], ["B1", "Warsztaty budżetowe"]]
    hdr.place_item(store, a2.id, second.id, 1)
    assert order() == [[], ["B1", "A2", "Warsztaty budżetowe"]]
    hdr.place_item(store, b1.id, tree.priority.id, 0)  # into an empty priority
    assert order() == [["B1"], ["A2", "Warsztaty budżetowe"]]
    hdr.place_item(store, b1.id, None, 0)
    assert order() == [[], ["A2", "Warsztaty budżetowe"], ["B1"]]


def test_place_item_refuses_a_priority_of_another_hdr(
    tree: Tree, store: Store, rejects: Rejects
) -> None:
    copy = hdr.copy_schedule(store, tree.schedule.id, date(2027, 1, 1), date(2027, 12, 1))
    foreign = hdr.items_by_priority(store, copy.id)[0].priority
    assert foreign is not None
    rejects("priority_id", hdr.place_item, store, tree.item.id, foreign.id, 0)
    rejects(None, hdr.place_item, store, "nie-ma", tree.priority.id, 0)


# -- warnings -----------------------------------------------------------------------------------


def test_outside_the_period_is_a_warning_at_month_boundaries(tree: Tree, store: Store) -> None:
    schedule = records.get(store, DevelopmentSchedule, tree.schedule.id)  # 01.2025–12.2026
    inside = hdr.period_warning(schedule, date(2025, 1, 1), date(2026, 12, 1))
    assert inside is None
    assert hdr.period_warning(schedule, date(2025, 1, 31), date(2026, 12, 31)) is None
    early = hdr.period_warning(schedule, date(2024, 12, 1), date(2025, 3, 1))
    late = hdr.period_warning(schedule, date(2026, 6, 1), date(2027, 1, 1))
    assert early == late == "Pozycja wykracza poza okres HDR (01.2025–12.2026)."
    # Only a warning: the item is saved all the same.
    outside = _item(store, schedule.id, start_month=date(2024, 6, 1), end_month=date(2027, 3, 1))
    assert outside.start_month == date(2024, 6, 1)
    assert schedules.outside_period(schedule, outside)


def test_end_before_start_is_an_error(tree: Tree, store: Store, rejects: Rejects) -> None:
    rejects(
        "end_month",
        records.update,
        store,
        ScheduleItem,
        tree.item.id,
        start_month=date(2025, 7, 1),
        end_month=date(2025, 6, 1),
    )
    # The same month is a one-month item, not an error.
    same = records.update(store, ScheduleItem, tree.item.id, end_month=date(2025, 3, 1))
    assert same.end_month == same.start_month


# -- progress through the store: the month-boundary rule ----------------------------------------


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(date(2026, 10, 1), 0), (date(2026, 10, 31), 0), (date(2026, 11, 1), 1)],
)
def test_end_month_is_overdue_from_the_first_day_after_it(
    tree: Tree, store: Store, today: date, overdue: int
) -> None:
    records.update(store, ScheduleItem, tree.item.id, status="done")
    _item(store, tree.schedule.id, end_month=date(2026, 10, 1), status="in_progress")
    result = schedules.progress(store, tree.schedule.id, today)
    assert result.overall.overdue == overdue
    assert schedules.is_overdue(
        hdr.items_by_priority(store, tree.schedule.id)[-1].items[0], today
    ) is bool(overdue)


def test_done_and_dropped_are_never_overdue(tree: Tree, store: Store) -> None:
    long_ago = {"start_month": date(2020, 1, 1), "end_month": date(2020, 2, 1)}
    for status in ("done", "dropped"):
        _item(store, tree.schedule.id, status=status, **long_ago)
    records.update(store, ScheduleItem, tree.item.id, status="done")
    result = schedules.progress(store, tree.schedule.id, date(2030, 1, 1))
    assert (result.overall.total, result.overall.overdue) == (3, 0)


def test_counts_per_priority_and_overall(tree: Tree, store: Store) -> None:
    second = records.create(store, SchedulePriority, tree.schedule.id, title="Priorytet 2")
    first = tree.priority.id
    records.update(store, ScheduleItem, tree.item.id, status="done")  # ends 06.2025
    _item(store, tree.schedule.id, priority_id=first, status="in_progress")  # ends 10.2026
    _item(store, tree.schedule.id, priority_id=first, status="planned")
    _item(store, tree.schedule.id, priority_id=second.id, status="delayed")
    _item(store, tree.schedule.id, priority_id=second.id, status="dropped")
    _item(store, tree.schedule.id, priority_id=second.id, end_month=date(2026, 12, 1))
    result = schedules.progress(store, tree.schedule.id, date(2026, 11, 1))
    one, two = result.by_priority[first], result.by_priority[second.id]
    assert (one.total, one.done, one.in_progress, one.planned, one.overdue) == (3, 1, 1, 1, 2)
    assert (two.total, two.delayed, two.dropped, two.planned, two.overdue) == (3, 1, 1, 1, 1)
    overall = result.overall
    assert (overall.total, overall.done, overall.in_progress, overall.overdue) == (6, 1, 1, 3)
    assert overall.share_done == pytest.approx(1 / 5)


# -- links to the plan --------------------------------------------------------------------------


def test_plan_actions_are_labelled_with_their_objective(tree: Tree, store: Store) -> None:
    records.update(store, type(tree.objective), tree.objective.id, code="1.1")
    [choice] = hdr.plan_actions(store, tree.municipality.id)
    assert (choice.id, choice.label) == (tree.action.id, "1.1 · Szkolenia nauczycieli")
    second_plan = records.create(
        store, StrategicPlan, tree.municipality.id, title="Plan 2", year_from=2029, year_to=2031
    )
    assert second_plan.id
    [only] = hdr.plan_actions(store, tree.municipality.id)  # a plan with no actions adds none
    assert only.label == "1.1 · Szkolenia nauczycieli"


def test_attach_and_detach_an_indicator_keeps_undo_exact(tree: Tree, store: Store) -> None:
    indicator = records.get(store, Indicator, tree.indicator.id)
    [choice] = hdr.attachable_indicators(store, tree.municipality.id)
    assert choice.attached_to == "działanie: Szkolenia nauczycieli"
    old, new = hdr.attach_change(indicator, tree.item.id)
    assert old["action_id"] == tree.action.id and new["action_id"] is None
    records.update(store, Indicator, indicator.id, **new)
    assert [i.id for i in hdr.linked_indicators(store, tree.item.id)] == [indicator.id]
    assert hdr.attachable_indicators(store, tree.municipality.id)[0].attached_to == (
        "pozycja HDR: Warsztaty budżetowe"
    )
    records.update(store, Indicator, indicator.id, **old)  # undo
    restored = records.get(store, Indicator, indicator.id)
    assert (restored.action_id, restored.schedule_item_id) == (tree.action.id, None)
    _old, detach = hdr.attach_change(restored, None)
    plain = records.update(store, Indicator, indicator.id, **detach)
    assert plain.plan_id == tree.plan.id
    assert hdr.attachable_indicators(store, tree.municipality.id)[0].attached_to == "cały plan"


def test_attaching_to_an_item_of_another_municipality_is_refused(
    tree: Tree, other: Tree, store: Store, rejects: Rejects
) -> None:
    indicator = records.get(store, Indicator, tree.indicator.id)
    _old, new = hdr.attach_change(indicator, other.item.id)
    rejects("schedule_item_id", records.update, store, Indicator, indicator.id, **new)
