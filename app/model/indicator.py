"""Indicators (wskaźniki) with baselines, targets and measurements."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import Direction
from app.model.base import OwnedRecord
from app.model.types import enum_type


class Indicator(OwnedRecord):
    """A measurable indicator attached to a plan element or an HDR item.

    At most one of ``goal_id``, ``objective_id``, ``action_id`` and
    ``schedule_item_id`` is set (the services check it); with none set the
    indicator belongs to the plan as a whole, or to the municipality.
    """

    __tablename__ = "indicator"

    plan_id: Mapped[str | None] = mapped_column(
        ForeignKey("strategic_plan.id", ondelete="CASCADE"), index=True
    )
    goal_id: Mapped[str | None] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"))
    objective_id: Mapped[str | None] = mapped_column(ForeignKey("objective.id", ondelete="CASCADE"))
    action_id: Mapped[str | None] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"))
    schedule_item_id: Mapped[str | None] = mapped_column(
        ForeignKey("schedule_item.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(50))
    direction: Mapped[Direction] = mapped_column(enum_type(Direction), default=Direction.UP)
    baseline_value: Mapped[float | None] = mapped_column(Float)
    baseline_date: Mapped[date | None] = mapped_column(Date)
    target_value: Mapped[float | None] = mapped_column(Float)
    target_date: Mapped[date | None] = mapped_column(Date)
    data_source: Mapped[str | None] = mapped_column(String(300))
    # How often the indicator should be measured; older than that is "stale".
    interval_months: Mapped[int] = mapped_column(Integer, default=12)
    position: Mapped[int] = mapped_column(Integer, default=0)

    measurements: Mapped[list[Measurement]] = relationship(
        back_populates="indicator", order_by="Measurement.measured_on"
    )


class Measurement(OwnedRecord):
    __tablename__ = "measurement"

    indicator_id: Mapped[str] = mapped_column(
        ForeignKey("indicator.id", ondelete="CASCADE"), index=True
    )
    measured_on: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    source: Mapped[str | None] = mapped_column(String(300))
    comment: Mapped[str | None] = mapped_column(Text)

    indicator: Mapped[Indicator] = relationship(back_populates="measurements")
