"""The officer's choices for the yearly *informacja o stanie realizacji zadań oświatowych*.

One row per municipality × school year × chapter: where the chapter stands in
the document, whether it is included, and the officer's comment under the
generated text. Missing rows mean the default (every chapter, in the usual
order, no comment). An ordinary owned record: it travels in exchange files.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.model.base import OwnedRecord


class YearlyReportChapter(OwnedRecord):
    """One chapter of one school year's report, as the officer arranged it."""

    __tablename__ = "yearly_report_chapter"

    school_year: Mapped[int] = mapped_column(Integer)  # the year it starts in (2025 → 2025/2026)
    chapter: Mapped[str] = mapped_column(String(40))  # a key of app.reports.yearly.chapters
    position: Mapped[int] = mapped_column(Integer, default=0)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    comment: Mapped[str | None] = mapped_column(Text)
