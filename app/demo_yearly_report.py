"""The demo's yearly report for 2025/2026: the usual chapter order and two officer's comments."""

from __future__ import annotations

from typing import Any

from app.model import YearlyReportChapter
from app.reports.yearly.chapters import KEYS

YEAR = 2025
COMMENTS = {
    "exams": (
        "Wyniki z matematyki od trzech lat są niższe niż średnio w kraju. Od września 2026 r. "
        "szkoły realizują program „Matematyka na tak”; efekty omówimy w informacji za "
        "rok szkolny 2026/2027."
    ),
    "finance": (
        "Wzrost wydatków wynika głównie z podwyżek wynagrodzeń nauczycieli, których "
        "subwencja oświatowa nie pokryła w całości."
    ),
}


def add_yearly_report(builder: Any) -> None:
    """One row per chapter (the service keeps them so), comments under two of them."""
    for position, key in enumerate(KEYS):
        builder.add(
            YearlyReportChapter,
            "yearly_report_chapter",
            f"{YEAR}:{key}",
            school_year=YEAR,
            chapter=key,
            position=position,
            enabled=True,
            comment=COMMENTS.get(key),
        )
