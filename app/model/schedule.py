"""The HDR (Harmonogram Działań Rozwojowych): priorities and schedule items."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import ActionStatus
from app.model.base import OwnedRecord
from app.model.plan import Action
from app.model.types import enum_type

# The steps of the advisory cycle, in order; each has a text and a done flag.
CYCLE_STEPS: tuple[str, ...] = (
    "area_choice",
    "diagnosis",
    "priorities",
    "schedule",
    "implementation",
    "tools",
)


class DevelopmentSchedule(OwnedRecord):
    """An HDR for one of the 12 areas (``area_code``) or a custom area."""

    __tablename__ = "development_schedule"

    title: Mapped[str] = mapped_column(String(500))
    area_code: Mapped[int | None] = mapped_column(Integer)
    custom_area: Mapped[str | None] = mapped_column(String(300))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    participants: Mapped[str | None] = mapped_column(Text)
    advisors: Mapped[str | None] = mapped_column(Text)
    plan_id: Mapped[str | None] = mapped_column(
        ForeignKey("strategic_plan.id", ondelete="SET NULL")
    )

    step_area_choice: Mapped[str | None] = mapped_column(Text)
    step_area_choice_done: Mapped[bool] = mapped_column(Boolean, default=False)
    step_diagnosis: Mapped[str | None] = mapped_column(Text)
    step_diagnosis_done: Mapped[bool] = mapped_column(Boolean, default=False)
    step_priorities: Mapped[str | None] = mapped_column(Text)
    step_priorities_done: Mapped[bool] = mapped_column(Boolean, default=False)
    step_schedule: Mapped[str | None] = mapped_column(Text)
    step_schedule_done: Mapped[bool] = mapped_column(Boolean, default=False)
    step_implementation: Mapped[str | None] = mapped_column(Text)
    step_implementation_done: Mapped[bool] = mapped_column(Boolean, default=False)
    step_tools: Mapped[str | None] = mapped_column(Text)
    step_tools_done: Mapped[bool] = mapped_column(Boolean, default=False)

    priorities: Mapped[list[SchedulePriority]] = relationship(
        back_populates="schedule", order_by="SchedulePriority.position"
    )
    items: Mapped[list[ScheduleItem]] = relationship(
        back_populates="schedule", order_by="ScheduleItem.position"
    )


class SchedulePriority(OwnedRecord):
    """A development priority of an HDR; items are grouped under it."""

    __tablename__ = "schedule_priority"

    schedule_id: Mapped[str] = mapped_column(
        ForeignKey("development_schedule.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    schedule: Mapped[DevelopmentSchedule] = relationship(back_populates="priorities")


class ScheduleItem(OwnedRecord):
    """One row of the HDR. Months are stored as the first day of the month."""

    __tablename__ = "schedule_item"

    schedule_id: Mapped[str] = mapped_column(
        ForeignKey("development_schedule.id", ondelete="CASCADE"), index=True
    )
    priority_id: Mapped[str | None] = mapped_column(
        ForeignKey("schedule_priority.id", ondelete="SET NULL"), index=True
    )
    goal: Mapped[str | None] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(String(300))
    start_month: Mapped[date] = mapped_column(Date)
    end_month: Mapped[date] = mapped_column(Date)
    resources_people: Mapped[str | None] = mapped_column(Text)
    resources_budget_cents: Mapped[int | None] = mapped_column(Integer)
    resources_materials: Mapped[str | None] = mapped_column(Text)
    expected_effect: Mapped[str | None] = mapped_column(Text)
    success_indicator: Mapped[str | None] = mapped_column(Text)
    management_tool: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ActionStatus] = mapped_column(
        enum_type(ActionStatus), default=ActionStatus.PLANNED
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    plan_action_id: Mapped[str | None] = mapped_column(ForeignKey("action.id", ondelete="SET NULL"))

    schedule: Mapped[DevelopmentSchedule] = relationship(back_populates="items")
    priority: Mapped[SchedulePriority | None] = relationship()
    plan_action: Mapped[Action | None] = relationship()
