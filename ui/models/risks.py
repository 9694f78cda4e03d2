"""The risk register's table: one row per risk, its score coloured by level.

The level colours are shared with the 5×5 matrix (:mod:`ui.widgets.risk_matrix`)
so that a row and its cell look alike. ``show_only`` narrows the rows to the
risks of one matrix cell.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.i18n import _
from app.model import Risk, RiskStatus
from app.services import risks
from app.services.risks import RiskLevel
from ui.contrast import cell_colours
from ui.formatting import show_date
from ui.models.table import CENTRE, Column, TableModel, no_tip

TITLE, PROBABILITY, IMPACT, SCORE, STATUS, OWNER, REVIEW = range(7)
COLUMN_COUNT = 7
OVERDUE_COLOUR = "#b00020"
CLOSED_COLOUR = "#6b6b6b"

# Background and text per level. Lightness falls with the level, so the order
# stays readable in greyscale (and the score is always written in the cell).
LEVEL_COLOURS: dict[RiskLevel, tuple[str, str]] = {
    RiskLevel.LOW: ("#e3f4de", "#1d4d1d"),
    RiskLevel.MEDIUM: ("#f2c94c", "#3d2e00"),
    RiskLevel.HIGH: ("#e8833a", "#1f1000"),
    RiskLevel.CRITICAL: ("#b3261e", "#ffffff"),
}


def level_colours(score: int) -> tuple[QColor, QColor]:
    return cell_colours(LEVEL_COLOURS[risks.level(score)])


def headers() -> list[str]:
    return [
        _("Ryzyko"),
        _("Prawdop."),
        _("Wpływ"),
        _("Ocena"),
        _("Status"),
        _("Właściciel"),
        _("Data przeglądu"),
    ]


def score_text(risk: Risk) -> str:
    return f"{risk.score} – {risks.level(risk.score).label}"


def _grade(header: str, field: str, tip: str) -> Column[Risk]:
    """A 1–5 grade of the risk, centred."""

    def value(risk: Risk) -> int:
        return int(getattr(risk, field))

    return Column(header, value, lambda r: str(value(r)), CENTRE, None, no_tip, tip)


class RiskTableModel(TableModel[Risk]):
    def __init__(self) -> None:
        self._all: list[Risk] = []
        self._only: set[str] | None = None
        self.today = date.today()
        super().__init__(self._columns())

    def _columns(self) -> list[Column[Risk]]:
        titles = headers()
        return [
            Column(
                titles[TITLE],
                lambda r: r.title,
                tooltip=lambda r: r.title + (f"\n\n{r.mitigation}" if r.mitigation else ""),
            ),
            _grade(
                titles[PROBABILITY],
                "probability",
                _("Prawdopodobieństwo: 1 (bardzo niskie) – 5 (bardzo wysokie)"),
            ),
            _grade(titles[IMPACT], "impact", _("Wpływ: 1 (bardzo mały) – 5 (bardzo duży)")),
            Column(
                titles[SCORE],
                lambda r: r.score,
                display=score_text,
                align=CENTRE,
                tooltip=no_tip,
                header_tooltip=_("Prawdopodobieństwo × wpływ (1–25)"),
            ),
            Column(titles[STATUS], lambda r: RiskStatus(r.status).label, tooltip=no_tip),
            Column(titles[OWNER], lambda r: r.owner or "", tooltip=no_tip),
            Column(
                titles[REVIEW],
                lambda r: r.review_date,
                display=self._review_text,
                sort=lambda r: r.review_date.isoformat() if r.review_date else "9999",
                tooltip=self._review_tip,
            ),
        ]

    def set_risks(self, found: Sequence[Risk]) -> None:
        self.beginResetModel()
        self._all = list(found)
        self._rows = self._visible()
        self.endResetModel()

    def show_only(self, ids: Collection[str] | None) -> None:
        """Narrow the rows to ``ids`` (a matrix cell); ``None`` shows every risk again."""
        self.beginResetModel()
        self._only = set(ids) if ids is not None else None
        self._rows = self._visible()
        self.endResetModel()

    @property
    def narrowed(self) -> bool:
        return self._only is not None

    def _visible(self) -> list[Risk]:
        if self._only is None:
            return list(self._all)
        return [r for r in self._all if r.id in self._only]

    def all_risks(self) -> list[Risk]:
        return list(self._all)

    def find(self, risk_id: str) -> Risk | None:
        """Any listed risk, also one the narrowing hides."""
        return next((r for r in self._all if r.id == risk_id), None)

    def _review_text(self, risk: Risk) -> str:
        text = show_date(risk.review_date)
        if risks.is_review_overdue(risk, self.today):
            return _("{date} – po terminie").format(date=text)
        return text

    def _review_tip(self, risk: Risk) -> str | None:
        if risks.is_review_overdue(risk, self.today):
            return _("Termin przeglądu minął; oceń ryzyko ponownie i ustaw nową datę.")
        return None

    def extra(self, row: Risk, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == SCORE:
            return level_colours(row.score)[0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        return None

    def _foreground(self, risk: Risk, column: int) -> QColor | None:
        if column == SCORE:
            return level_colours(risk.score)[1]
        if column == REVIEW and risks.is_review_overdue(risk, self.today):
            return QColor(OVERDUE_COLOUR)
        if not risks.is_active(risk):
            return QColor(CLOSED_COLOUR)
        return None
