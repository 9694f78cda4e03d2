"""HDR progress: overdue items at month boundaries, counts per priority and overall."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from app.errors import UserError
from app.model import ActionStatus, DevelopmentSchedule, ScheduleItem, SchedulePriority
from app.services import records, schedules
from app.services.overview_signals import Progress
from app.services.schedules import is_overdue, outside_period, progress_of
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Tree


def item(
    end: date = date(2026, 10, 1),
    status: ActionStatus | None = ActionStatus.IN_PROGRESS,
    priority: str | None = None,
    start: date = date(2026, 1, 1),
) -> ScheduleItem:
    return ScheduleItem(
        action="Działanie", start_month=start, end_month=end, status=status, priority_id=priority
    )


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        (date(2026, 9, 30), False),
        (date(2026, 10, 1), False),
        (date(2026, 10, 31), False),  # the end month's last day
        (date(2026, 11, 1), True),  # the first day after it
        (date(2027, 3, 1), True),
    ],
)
def test_overdue_from_the_first_day_after_the_end_month(today: date, overdue: bool) -> None:
    assert is_overdue(item(), today) is overdue


@pytest.mark.parametrize("status", list(ActionStatus))
def test_only_done_and_dropped_are_never_overdue(status: ActionStatus) -> None:
    finished = status in (ActionStatus.DONE, ActionStatus.DROPPED)
    assert is_overdue(item(status=status), date(2030, 1, 1)) is not finished


def test_overdue_with_raw_status_string_and_mid_month_end() -> None:
    assert not is_overdue(item(status="done"), date(2030, 1, 1))  # type: ignore[arg-type]
    assert not is_overdue(item(end=date(2026, 10, 17)), date(2026, 10, 31))
    assert is_overdue(item(end=date(2026, 12, 1)), date(2027, 1, 1))  # across the year


def test_overdue_at_the_end_of_the_calendar_does_not_crash() -> None:
    assert not is_overdue(item(end=date(9999, 12, 1)), date(9999, 12, 31))


def test_counts_overall_and_per_priority() -> None:
    today = date(2026, 11, 1)
    items = [
        item(status=ActionStatus.DONE, priority="p1"),
        item(status=ActionStatus.DONE, priority="p1"),
        item(status=ActionStatus.IN_PROGRESS, priority="p1"),  # overdue
        item(status=ActionStatus.DROPPED, priority="p1"),
        item(status=ActionStatus.PLANNED, priority="p2", end=date(2026, 12, 1)),
        item(status=ActionStatus.DELAYED, priority="p2"),  # overdue
        item(status=ActionStatus.PLANNED, priority=None),  # overdue
    ]
    result = progress_of(items, today)
    overall = result.overall
    assert (overall.total, overall.done, overall.in_progress, overall.planned) == (7, 2, 1, 2)
    assert (overall.delayed, overall.dropped, overall.overdue) == (1, 1, 3)
    assert overall.share_done == pytest.approx(2 / 6)
    p1, p2, none = result.by_priority["p1"], result.by_priority["p2"], result.by_priority[None]
    assert (p1.total, p1.done, p1.dropped, p1.overdue, p1.share_done) == (4, 2, 1, 1, 2 / 3)
    assert (p2.total, p2.planned, p2.delayed, p2.overdue, p2.share_done) == (2, 1, 1, 1, 0.0)
    assert (none.total, none.overdue) == (1, 1)
    assert set(result.by_priority) == {"p1", "p2", None}


def test_share_done_ignores_dropped() -> None:
    assert Progress().share_done == 0.0
    only_dropped = progress_of([item(status=ActionStatus.DROPPED)] * 3, date(2026, 1, 1))
    assert only_dropped.overall.share_done == 0.0
    all_done = progress_of(
        [item(status=ActionStatus.DONE), item(status=ActionStatus.DROPPED)], date(2026, 1, 1)
    )
    assert all_done.overall.share_done == 1.0


def test_unsaved_item_without_status_counts_as_planned() -> None:
    result = progress_of([item(status=None)], date(2026, 1, 1))
    assert (result.overall.total, result.overall.planned) == (1, 1)


def test_outside_period() -> None:
    hdr = DevelopmentSchedule(period_start=date(2026, 1, 1), period_end=date(2026, 12, 1))
    assert not outside_period(hdr, item(start=date(2026, 1, 1), end=date(2026, 12, 1)))
    assert outside_period(hdr, item(start=date(2025, 12, 1), end=date(2026, 3, 1)))
    assert outside_period(hdr, item(start=date(2026, 3, 1), end=date(2027, 1, 1)))


# -- through the store -------------------------------------------------------------------


def test_progress_from_the_store(tree: Tree, store: Store) -> None:
    second = records.create(store, SchedulePriority, tree.schedule.id, title="Priorytet 2")
    records.update(store, ScheduleItem, tree.item.id, status="done")
    late = records.create(
        store,
        ScheduleItem,
        tree.schedule.id,
        action="Spóźnione",
        start_month=date(2025, 1, 1),
        end_month=date(2025, 10, 31),
        priority_id=second.id,
    )
    assert late.end_month == date(2025, 10, 1)  # stored as the month's first day
    dropped = records.create(
        store,
        ScheduleItem,
        tree.schedule.id,
        action="Zaniechane",
        start_month=date(2025, 1, 1),
        end_month=date(2025, 2, 1),
        status="dropped",
    )
    assert [i.id for i in schedules.items(store, tree.schedule.id)] == [
        tree.item.id,
        late.id,
        dropped.id,
    ]
    assert [p.id for p in schedules.priorities(store, tree.schedule.id)] == [
        tree.priority.id,
        second.id,
    ]
    on_last_day = schedules.progress(store, tree.schedule.id, date(2025, 10, 31))
    assert on_last_day.overall.overdue == 0
    result = schedules.progress(store, tree.schedule.id, date(2025, 11, 1))
    assert (result.overall.total, result.overall.done, result.overall.overdue) == (3, 1, 1)
    assert result.overall.share_done == 0.5
    assert result.by_priority[second.id].overdue == 1
    assert result.by_priority[None].dropped == 1
    records.delete(store, ScheduleItem, late.id)
    assert schedules.progress(store, tree.schedule.id, date(2025, 11, 1)).overall.total == 2


def test_progress_of_a_deleted_hdr(tree: Tree, store: Store) -> None:
    records.delete(store, DevelopmentSchedule, tree.schedule.id)
    with pytest.raises(UserError):
        schedules.progress(store, tree.schedule.id)
