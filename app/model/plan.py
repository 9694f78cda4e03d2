"""The strategic plan: plan → goals → objectives → actions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.model.base import Base, OwnedRecord
from app.model.enums import ActionStatus, PlanStatus
from app.model.municipality import School, TeamMember
from app.model.types import enum_type, json_list

action_school = Table(
    "action_school",
    Base.metadata,
    Column("action_id", ForeignKey("action.id", ondelete="CASCADE"), primary_key=True),
    Column("school_id", ForeignKey("school.id", ondelete="CASCADE"), primary_key=True),
)


def _money(cents: int | None) -> Decimal | None:
    return None if cents is None else Decimal(cents) / 100


class StrategicPlan(OwnedRecord):
    """Lokalny plan rozwoju oświaty (or a broader education strategy)."""

    __tablename__ = "strategic_plan"

    title: Mapped[str] = mapped_column(String(500))
    year_from: Mapped[int] = mapped_column(Integer)
    year_to: Mapped[int] = mapped_column(Integer)
    status: Mapped[PlanStatus] = mapped_column(enum_type(PlanStatus), default=PlanStatus.DRAFT)
    resolution_number: Mapped[str | None] = mapped_column(String(100))
    resolution_date: Mapped[date | None] = mapped_column(Date)
    # Diagnosis (diagnoza stanu oświaty), in sections.
    diagnosis_context: Mapped[str | None] = mapped_column(Text)
    diagnosis_education: Mapped[str | None] = mapped_column(Text)
    diagnosis_demography: Mapped[str | None] = mapped_column(Text)
    diagnosis_conclusions: Mapped[str | None] = mapped_column(Text)
    swot_strengths: Mapped[str | None] = mapped_column(Text)
    swot_weaknesses: Mapped[str | None] = mapped_column(Text)
    swot_opportunities: Mapped[str | None] = mapped_column(Text)
    swot_threats: Mapped[str | None] = mapped_column(Text)
    vision: Mapped[str | None] = mapped_column(Text)
    mission: Mapped[str | None] = mapped_column(Text)
    implementation_system: Mapped[str | None] = mapped_column(Text)

    goals: Mapped[list[Goal]] = relationship(back_populates="plan", order_by="Goal.position")


class Goal(OwnedRecord):
    """Cel strategiczny."""

    __tablename__ = "goal"

    plan_id: Mapped[str] = mapped_column(
        ForeignKey("strategic_plan.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan: Mapped[StrategicPlan] = relationship(back_populates="goals")
    objectives: Mapped[list[Objective]] = relationship(
        back_populates="goal", order_by="Objective.position"
    )


class Objective(OwnedRecord):
    """Cel operacyjny."""

    __tablename__ = "objective"

    goal_id: Mapped[str] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    code: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    goal: Mapped[Goal] = relationship(back_populates="objectives")
    actions: Mapped[list[Action]] = relationship(
        back_populates="objective", order_by="Action.position"
    )


class Action(OwnedRecord):
    """Działanie (zadanie) of the plan."""

    __tablename__ = "action"

    objective_id: Mapped[str] = mapped_column(
        ForeignKey("objective.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    responsible_id: Mapped[str | None] = mapped_column(
        ForeignKey("team_member.id", ondelete="SET NULL")
    )
    partners: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    # Money is kept in grosze: exact, and SQLite has no decimal type.
    budget_cents: Mapped[int | None] = mapped_column(Integer)
    funding_source: Mapped[str | None] = mapped_column(String(300))
    key_competences: Mapped[list[str]] = mapped_column(json_list(), default=list)
    status: Mapped[ActionStatus] = mapped_column(
        enum_type(ActionStatus), default=ActionStatus.PLANNED
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    objective: Mapped[Objective] = relationship(back_populates="actions")
    responsible: Mapped[TeamMember | None] = relationship()
    schools: Mapped[list[School]] = relationship(secondary=action_school, order_by="School.name")

    @property
    def budget(self) -> Decimal | None:
        return _money(self.budget_cents)
