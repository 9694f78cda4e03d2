"""HDR progress: items done, in progress and overdue, per priority and overall.

An item is *overdue* when it is neither done nor dropped and its end month is
over: on the first day of the following month it becomes overdue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from app.model import ActionStatus, DevelopmentSchedule, ScheduleItem, SchedulePriority
from app.services import records
from app.services.indicators import add_months
from app.services.overview_signals import Progress
from app.storage.store import Store

FINISHED = {ActionStatus.DONE, ActionStatus.DROPPED}


def is_overdue(item: ScheduleItem, today: date) -> bool:
    if item.status in FINISHED:
        return False
    try:
        first_day_after = add_months(item.end_month.replace(day=1), 1)
    except ValueError:  # an end month of December 9999
        return False
    return today >= first_day_after


@dataclass
class ScheduleProgress:
    overall: Progress = field(default_factory=Progress)
    by_priority: dict[str | None, Progress] = field(default_factory=dict)


def progress_of(items: Iterable[ScheduleItem], today: date) -> ScheduleProgress:
    result = ScheduleProgress()
    for item in items:
        # A new item not yet saved has no status: the column default is "planned".
        status = ActionStatus(item.status or ActionStatus.PLANNED)
        late = int(is_overdue(item, today))
        result.overall.count(status, 1, late)
        result.by_priority.setdefault(item.priority_id, Progress()).count(status, 1, late)
    return result


def items(store: Store, schedule_id: str) -> list[ScheduleItem]:
    with store.session() as session:
        records.load(session, DevelopmentSchedule, schedule_id)
        query = (
            select(ScheduleItem)
            .where(ScheduleItem.schedule_id == schedule_id)
            .order_by(ScheduleItem.position, ScheduleItem.created_at)
        )
        return list(session.scalars(query).all())


def priorities(store: Store, schedule_id: str) -> list[SchedulePriority]:
    return records.children(store, SchedulePriority, schedule_id=schedule_id)


def progress(store: Store, schedule_id: str, today: date | None = None) -> ScheduleProgress:
    return progress_of(items(store, schedule_id), today or date.today())


def outside_period(schedule: DevelopmentSchedule, item: ScheduleItem) -> bool:
    """A warning, not an error: the item runs outside the HDR's period."""
    return (
        item.start_month < schedule.period_start.replace(day=1)
        or item.end_month > schedule.period_end
    )
