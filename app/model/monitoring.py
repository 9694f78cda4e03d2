"""The monitoring record: notes, risks, advisory visits and recommendations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import NoteKind, PlaceKind, RecommendationStatus, RiskStatus
from app.model.base import OwnedRecord
from app.model.types import enum_type


class LinkMixin:
    """A link to any record of the municipality: its table name and id.

    Kinds: ``goal``, ``objective``, ``action``, ``indicator``, ``schedule_item``,
    ``school``, ``strategic_plan``, ``development_schedule``, ``risk``, … The
    services check that the linked record exists in the same municipality.
    """

    link_type: Mapped[str | None] = mapped_column(String(40))
    link_id: Mapped[str | None] = mapped_column(String(36))


class MonitoringNote(LinkMixin, OwnedRecord):
    __tablename__ = "monitoring_note"

    noted_on: Mapped[date] = mapped_column(Date, index=True)
    author: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[NoteKind] = mapped_column(enum_type(NoteKind))
    title: Mapped[str | None] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(Text)
    follow_up_due: Mapped[date | None] = mapped_column(Date)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)
    visit_id: Mapped[str | None] = mapped_column(
        ForeignKey("advisory_visit.id", ondelete="SET NULL")
    )


class Risk(OwnedRecord):
    __tablename__ = "risk"

    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    probability: Mapped[int] = mapped_column(Integer)  # 1–5
    impact: Mapped[int] = mapped_column(Integer)  # 1–5
    mitigation: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[RiskStatus] = mapped_column(enum_type(RiskStatus), default=RiskStatus.OPEN)
    review_date: Mapped[date | None] = mapped_column(Date)
    source_note_id: Mapped[str | None] = mapped_column(
        ForeignKey("monitoring_note.id", ondelete="SET NULL")
    )

    @property
    def score(self) -> int:
        return self.probability * self.impact


class AdvisoryVisit(OwnedRecord):
    """Wizyta doradcza (doradztwo w siedzibie JST)."""

    __tablename__ = "advisory_visit"

    visit_date: Mapped[date] = mapped_column(Date)
    number: Mapped[int | None] = mapped_column(Integer)
    place: Mapped[str | None] = mapped_column(String(300))
    # Where it was held (the place's kind) and from when to when ("HH:MM").
    place_kind: Mapped[PlaceKind | None] = mapped_column(enum_type(PlaceKind))
    start_time: Mapped[str | None] = mapped_column(String(5))
    end_time: Mapped[str | None] = mapped_column(String(5))
    advisor: Mapped[str | None] = mapped_column(String(200))  # unknown until typed
    participants: Mapped[str | None] = mapped_column(Text)
    agenda: Mapped[str | None] = mapped_column(Text)
    findings: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    recommendations: Mapped[list[Recommendation]] = relationship(
        back_populates="visit", order_by="Recommendation.position"
    )


class Recommendation(LinkMixin, OwnedRecord):
    """Zalecenie doradcy, tracked until done or dropped."""

    __tablename__ = "recommendation"

    visit_id: Mapped[str] = mapped_column(
        ForeignKey("advisory_visit.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[RecommendationStatus] = mapped_column(
        enum_type(RecommendationStatus), default=RecommendationStatus.OPEN
    )
    status_note: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    visit: Mapped[AdvisoryVisit] = relationship(back_populates="recommendations")


class MonitoringConclusion(OwnedRecord):
    """Wnioski i rekomendacje: what the officer concludes from the monitoring of a period.

    One per period (its first and last day); the monitoring report of exactly
    that period prints it, with who prepared and who approved the report.
    """

    __tablename__ = "monitoring_conclusion"

    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    conclusions: Mapped[str | None] = mapped_column(Text)
    recommendations: Mapped[str | None] = mapped_column(Text)
    prepared_by: Mapped[str | None] = mapped_column(String(200))
    approved_by: Mapped[str | None] = mapped_column(String(200))
