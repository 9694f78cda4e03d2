"""The strategic plan: plan → goals → objectives → actions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import ActionStatus, PlanStatus, TermPrecision
from app.model.base import Base, OwnedRecord
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
    # Chapter 1: legal basis and links to other strategies.
    introduction: Mapped[str | None] = mapped_column(Text)
    # The evaluation calendar.
    midterm_evaluation_date: Mapped[date | None] = mapped_column(Date)
    final_evaluation_date: Mapped[date | None] = mapped_column(Date)
    # The first yearly monitoring report; the same day every following year.
    yearly_report_date: Mapped[date | None] = mapped_column(Date)

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
    # The realizator: an Institution or a School of the municipality (their id).
    realizator_id: Mapped[str | None] = mapped_column(String(36))
    # The person responsible inside the realizator, when not one of the team.
    responsible_person: Mapped[str | None] = mapped_column(String(200))
    # Partner institutions or schools (their ids); ``partners`` holds free text.
    partner_ids: Mapped[list[str]] = mapped_column(json_list(), default=list)
    # The term: the first day of the stated period and the last day of the last
    # one, with the precision the plan states it at; a recurring action repeats
    # the first period every year up to the year of ``end_date``.
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    term_precision: Mapped[TermPrecision] = mapped_column(
        enum_type(TermPrecision), default=TermPrecision.DAY
    )
    recurring: Mapped[bool] = mapped_column(Boolean, default=False)
    # Before financing rows (schema 0004) an action had one budget and a free-text
    # source; kept as they were, each became one ActionFunding row.
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
