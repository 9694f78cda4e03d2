"""The advisory visits of a municipality, one row each, with their recommendations counted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.i18n import _
from app.model import AdvisoryVisit
from app.services.visits import RecommendationCounts
from ui.formatting import OVERDUE_COLOUR, OVERDUE_MARK, show_date
from ui.models.table import RIGHT, Column, TableModel

NUMBER, DATE, PLACE, ADVISOR, RECOMMENDATIONS = range(5)


def headers() -> list[str]:
    return [_("Nr"), _("Data"), _("Miejsce"), _("Doradca"), _("Zalecenia")]


def counts_text(counts: RecommendationCounts) -> str:
    """``wszystkie: 4 · otwarte: 2 · ⚠ po terminie: 1`` — or ``brak`` for a visit without any."""
    if counts.total == 0:
        return _("brak")
    parts = [_("wszystkie: {count}").format(count=counts.total)]
    if counts.open:
        parts.append(_("otwarte: {count}").format(count=counts.open))
    if counts.overdue:
        parts.append(
            _("{mark} po terminie: {count}").format(mark=OVERDUE_MARK, count=counts.overdue)
        )
    return " · ".join(parts)


class VisitTableModel(TableModel[AdvisoryVisit]):
    """The visits, with the recommendations of each counted (red when some are late)."""

    def __init__(self) -> None:
        self._counts: Mapping[str, RecommendationCounts] = {}
        super().__init__(self._columns())

    def _columns(self) -> list[Column[AdvisoryVisit]]:
        titles = headers()
        return [
            Column(
                titles[NUMBER],
                lambda v: v.number,
                display=lambda v: str(v.number) if v.number is not None else "",
                sort=lambda v: v.number or 0,
                align=RIGHT,
            ),
            Column(
                titles[DATE],
                lambda v: v.visit_date,
                display=lambda v: show_date(v.visit_date),
                sort=lambda v: v.visit_date.isoformat() if isinstance(v.visit_date, date) else "",
            ),
            Column(titles[PLACE], lambda v: v.place or ""),
            Column(titles[ADVISOR], lambda v: v.advisor or ""),
            Column(
                titles[RECOMMENDATIONS],
                lambda v: self.counts_of(v.id),
                display=lambda v: counts_text(self.counts_of(v.id)),
                sort=lambda v: self.counts_of(v.id).overdue * 1000 + self.counts_of(v.id).open,
            ),
        ]

    def set_visits(
        self, rows: Sequence[AdvisoryVisit], counts: Mapping[str, RecommendationCounts]
    ) -> None:
        self._counts = counts
        self.set_rows(rows)

    def counts_of(self, visit_id: str) -> RecommendationCounts:
        return self._counts.get(visit_id, RecommendationCounts())

    def extra(self, row: AdvisoryVisit, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == RECOMMENDATIONS:
            return QColor(OVERDUE_COLOUR) if self.counts_of(row.id).overdue else None
        return None
