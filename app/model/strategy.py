"""The parts of a strategy beyond the goal tree: money, institutions, problems, consultations.

* ``FundingSource`` — the JST's catalogue of funding sources (seeded with the
  usual ones; the JST adds its own);
* ``ActionFunding`` — an action's financing as rows: year × source × planned
  amount (and the amount spent, once known);
* ``Institution`` — realizators and partners (a wydział, CUW, poradnia, NGO);
  schools count as institutions too;
* ``IndicatorMilestone`` — an interim value an indicator should reach by a date;
* ``Problem`` — the problem tree: a central problem with nested causes and effects;
* ``DiagnosisTable`` — a hand-made table in a diagnosis section;
* ``PlanConsultation`` — one round of the plan's public consultation.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.enums import InstitutionKind, ProblemKind
from app.model.base import OwnedRecord
from app.model.types import enum_type, json_list


class FundingSource(OwnedRecord):
    """Źródło finansowania: one entry of the JST's catalogue."""

    __tablename__ = "funding_source"

    name: Mapped[str] = mapped_column(String(200))
    # The code of a seeded source ("jst", "subvention", …); None for the JST's own.
    code: Mapped[str | None] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)


class ActionFunding(OwnedRecord):
    """One financing row of an action: a year, a source, the planned and spent amounts."""

    __tablename__ = "action_funding"

    action_id: Mapped[str] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("funding_source.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    # Money in grosze, as everywhere.
    planned_cents: Mapped[int] = mapped_column(Integer, default=0)
    spent_cents: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Institution(OwnedRecord):
    """An institution that carries out or supports actions (schools are institutions too)."""

    __tablename__ = "institution"

    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[InstitutionKind] = mapped_column(
        enum_type(InstitutionKind), default=InstitutionKind.OFFICE
    )
    notes: Mapped[str | None] = mapped_column(Text)


class IndicatorMilestone(OwnedRecord):
    """An interim value (kamień milowy) an indicator should reach by ``due_date``."""

    __tablename__ = "indicator_milestone"

    indicator_id: Mapped[str] = mapped_column(
        ForeignKey("indicator.id", ondelete="CASCADE"), index=True
    )
    due_date: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)


class Problem(OwnedRecord):
    """A node of the problem tree: the central problem, a cause or an effect (nested)."""

    __tablename__ = "problem"

    plan_id: Mapped[str] = mapped_column(
        ForeignKey("strategic_plan.id", ondelete="CASCADE"), index=True
    )
    # Deferred: an exchange file may bring a cause before the problem above it.
    above_id: Mapped[str | None] = mapped_column(
        ForeignKey("problem.id", ondelete="CASCADE", deferrable=True, initially="DEFERRED")
    )
    kind: Mapped[ProblemKind] = mapped_column(enum_type(ProblemKind), default=ProblemKind.CAUSE)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    # The goals and objectives that answer this cause (their ids).
    answered_by: Mapped[list[str]] = mapped_column(json_list(), default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)


class DiagnosisTable(OwnedRecord):
    """A table of a diagnosis section; ``content`` is tab-separated, headers first."""

    __tablename__ = "diagnosis_table"

    plan_id: Mapped[str] = mapped_column(
        ForeignKey("strategic_plan.id", ondelete="CASCADE"), index=True
    )
    # The diagnosis section it belongs to: context | education | demography | conclusions.
    section: Mapped[str] = mapped_column(String(20), default="education")
    title: Mapped[str] = mapped_column(String(500))
    content: Mapped[str] = mapped_column(Text, default="")
    source_note: Mapped[str | None] = mapped_column(String(500))
    position: Mapped[int] = mapped_column(Integer, default=0)


class PlanConsultation(OwnedRecord):
    """Konsultacje społeczne: a form, dates, who took part, comments and how they were handled."""

    __tablename__ = "plan_consultation"

    plan_id: Mapped[str] = mapped_column(
        ForeignKey("strategic_plan.id", ondelete="CASCADE"), index=True
    )
    form: Mapped[str] = mapped_column(String(300))
    date_from: Mapped[date | None] = mapped_column(Date)
    date_to: Mapped[date | None] = mapped_column(Date)
    participants: Mapped[str | None] = mapped_column(Text)
    comments_count: Mapped[int | None] = mapped_column(Integer)
    handling: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
