"""School-year data: pupils, staff, exams, finance and supervision (dane oświatowe).

A *school year* is stored as the calendar year it starts in (2023 → 2023/2024,
1 September 2023 – 31 August 2024); finance is by calendar year. Every row is
an ordinary owned record (UUID, timestamps, tombstone), so it travels in
exchange files and merges like the rest. At most one live row per key
(school × year, school × year × exam × subject, municipality × year) — the
services keep it so.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.i18n import N_, _
from app.model.base import OwnedRecord
from app.model.types import enum_type


class ExamKind(StrEnum):
    E8 = "e8"
    MATURA = "matura"
    VOCATIONAL = "vocational"

    @property
    def label(self) -> str:
        return _(_EXAM_LABELS[self])


_EXAM_LABELS = {
    ExamKind.E8: N_("egzamin ósmoklasisty"),
    ExamKind.MATURA: N_("matura"),
    ExamKind.VOCATIONAL: N_("egzamin zawodowy"),
}


class SupervisionKind(StrEnum):
    EVALUATION = "evaluation"
    INSPECTION = "inspection"

    @property
    def label(self) -> str:
        return _(_SUPERVISION_LABELS[self])


_SUPERVISION_LABELS = {
    SupervisionKind.EVALUATION: N_("ewaluacja"),
    SupervisionKind.INSPECTION: N_("kontrola"),
}


def school_year_label(year: int) -> str:
    """``2023`` → ``2023/2024``."""
    return f"{year}/{year + 1}"


class SchoolYearStats(OwnedRecord):
    """One school in one school year: pupils, oddziały, staff (from SIO)."""

    __tablename__ = "school_year_stats"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    school_year: Mapped[int] = mapped_column(Integer)
    pupils: Mapped[int | None] = mapped_column(Integer)
    classes: Mapped[int | None] = mapped_column(Integer)  # oddziały
    pupils_certified: Mapped[int | None] = mapped_column(Integer)  # z orzeczeniem
    pupils_transported: Mapped[int | None] = mapped_column(Integer)  # dowożeni
    preschool_children: Mapped[int | None] = mapped_column(Integer)
    teacher_posts: Mapped[float | None] = mapped_column(Float)  # etaty
    teachers: Mapped[int | None] = mapped_column(Integer)  # osoby
    teachers_beginning: Mapped[int | None] = mapped_column(Integer)  # stażysta / początkujący
    teachers_contract: Mapped[int | None] = mapped_column(Integer)  # kontraktowy
    teachers_appointed: Mapped[int | None] = mapped_column(Integer)  # mianowany
    teachers_chartered: Mapped[int | None] = mapped_column(Integer)  # dyplomowany
    non_teaching_posts: Mapped[float | None] = mapped_column(Float)
    # Pupils by grade where known (0: the school's oddział przedszkolny).
    pupils_grade_0: Mapped[int | None] = mapped_column(Integer)
    pupils_grade_1: Mapped[int | None] = mapped_column(Integer)
    pupils_grade_2: Mapped[int | None] = mapped_column(Integer)
    pupils_grade_3: Mapped[int | None] = mapped_column(Integer)
    pupils_grade_4: Mapped[int | None] = mapped_column(Integer)
    pupils_grade_5: Mapped[int | None] = mapped_column(Integer)
    pupils_grade_6: Mapped[int | None] = mapped_column(Integer)
    pupils_grade_7: Mapped[int | None] = mapped_column(Integer)
    pupils_grade_8: Mapped[int | None] = mapped_column(Integer)
    spending_cents: Mapped[int | None] = mapped_column(Integer)  # current spending on the school


class ExamResult(OwnedRecord):
    """A school's result in one exam subject in one school year, with comparison levels."""

    __tablename__ = "exam_result"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    school_year: Mapped[int] = mapped_column(Integer)
    exam: Mapped[ExamKind] = mapped_column(enum_type(ExamKind), default=ExamKind.E8)
    subject: Mapped[str] = mapped_column(String(60))
    takers: Mapped[int | None] = mapped_column(Integer)
    mean_pct: Mapped[float | None] = mapped_column(Float)
    stanine: Mapped[int | None] = mapped_column(Integer)
    pass_rate: Mapped[float | None] = mapped_column(Float)
    gmina_pct: Mapped[float | None] = mapped_column(Float)
    powiat_pct: Mapped[float | None] = mapped_column(Float)
    voivodeship_pct: Mapped[float | None] = mapped_column(Float)
    country_pct: Mapped[float | None] = mapped_column(Float)


class EducationFinance(OwnedRecord):
    """The JST's education money in one calendar year (grosze)."""

    __tablename__ = "education_finance"

    year: Mapped[int] = mapped_column(Integer)
    subvention_cents: Mapped[int | None] = mapped_column(Integer)  # część oświatowa subwencji
    grants_cents: Mapped[int | None] = mapped_column(Integer)  # dotacje celowe
    current_spending_cents: Mapped[int | None] = mapped_column(Integer)  # bieżące, 801 + 854
    capital_spending_cents: Mapped[int | None] = mapped_column(Integer)  # majątkowe


class SupervisionFinding(OwnedRecord):
    """An evaluation or inspection by the kuratorium, with its recommendations."""

    __tablename__ = "supervision_finding"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[SupervisionKind] = mapped_column(
        enum_type(SupervisionKind), default=SupervisionKind.EVALUATION
    )
    topic: Mapped[str] = mapped_column(String(500))
    conclusions: Mapped[str | None] = mapped_column(Text)
    recommendations: Mapped[str | None] = mapped_column(Text)  # zalecenia
    follow_up: Mapped[str | None] = mapped_column(Text)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)


class IndicatorBinding(OwnedRecord):
    """A plan (or HDR) indicator whose measurements are computed from a data series.

    ``series`` is a code from :mod:`app.services.school_data.series`; ``school_id``
    None means the whole JST.
    """

    __tablename__ = "indicator_binding"

    indicator_id: Mapped[str] = mapped_column(
        ForeignKey("indicator.id", ondelete="CASCADE"), index=True
    )
    series: Mapped[str] = mapped_column(String(60))
    school_id: Mapped[str | None] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"))
