"""The municipality (JST), its team and its schools."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import MunicipalityKind, SupportStage
from app.model.base import OwnedRecord, Record
from app.model.types import enum_type


class Municipality(Record):
    __tablename__ = "municipality"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[MunicipalityKind] = mapped_column(enum_type(MunicipalityKind))
    teryt: Mapped[str | None] = mapped_column(String(7))
    voivodeship: Mapped[str | None] = mapped_column(String(40))
    county: Mapped[str | None] = mapped_column(String(80))
    population: Mapped[int | None] = mapped_column(Integer)
    address: Mapped[str | None] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(50))
    website: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)

    team: Mapped[list[TeamMember]] = relationship(
        back_populates="municipality", order_by="TeamMember.position"
    )
    schools: Mapped[list[School]] = relationship(
        back_populates="municipality", order_by="School.name"
    )


class TeamMember(OwnedRecord):
    """A person of the JST team (or an advisor working with it)."""

    __tablename__ = "team_member"

    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    institution: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(50))
    is_advisor: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)

    municipality: Mapped[Municipality] = relationship(back_populates="team")


class School(OwnedRecord):
    """A school or other institution of the municipality, with its history.

    ``opened_on`` / ``closed_on`` bound the years it existed (a closed school
    stays, with its data); ``merged_into_id`` names the school it became part
    of. ``run_by_jst`` is False for a school the JST reports on (it funds it)
    but does not run; ``operator`` is then its organ prowadzący.
    """

    __tablename__ = "school"

    name: Mapped[str] = mapped_column(String(300))
    school_type: Mapped[str] = mapped_column(String(60))
    rspo: Mapped[str | None] = mapped_column(String(12))
    regon: Mapped[str | None] = mapped_column(String(14))
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(6))
    town: Mapped[str | None] = mapped_column(String(100))
    pupils: Mapped[int | None] = mapped_column(Integer)
    director: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(50))
    support_stage: Mapped[SupportStage | None] = mapped_column(enum_type(SupportStage))
    opened_on: Mapped[date | None] = mapped_column(Date)  # data założenia
    closed_on: Mapped[date | None] = mapped_column(Date)  # zlikwidowana lub włączona
    # No database key: an exchange file may bring a school before the one it merged into.
    merged_into_id: Mapped[str | None] = mapped_column(String(36))
    is_public: Mapped[bool] = mapped_column(Boolean, default=True)
    run_by_jst: Mapped[bool] = mapped_column(Boolean, default=True)
    operator: Mapped[str | None] = mapped_column(String(300))  # organ prowadzący

    municipality: Mapped[Municipality] = relationship(back_populates="schools")
    support_history: Mapped[list[SchoolSupport]] = relationship(
        back_populates="school", order_by="SchoolSupport.stage_date"
    )

    @property
    def in_process_support(self) -> bool:
        return self.support_stage is not None

    def open_in(self, school_year: int) -> bool:
        """Whether the school existed in the school year starting in ``school_year``."""
        return school_open_in(self.opened_on, self.closed_on, school_year)


def school_open_in(opened_on: date | None, closed_on: date | None, school_year: int) -> bool:
    """Whether a school opened/closed on these dates existed in the school year ``school_year``."""
    if opened_on is not None and opened_on > date(school_year + 1, 8, 31):
        return False
    return closed_on is None or closed_on >= date(school_year, 9, 1)


class SchoolSupport(OwnedRecord):
    """One step of a school's process support: the stage reached, when, and notes."""

    __tablename__ = "school_support"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    stage: Mapped[SupportStage] = mapped_column(enum_type(SupportStage))
    stage_date: Mapped[date] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    school: Mapped[School] = relationship(back_populates="support_history")
