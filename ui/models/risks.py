"""The risk register's table: one row per risk, its score coloured by level.

The level colours are shared with the 5×5 matrix (:mod:`ui.widgets.risk_matrix`)
so that a row and its cell look alike. ``show_only`` narrows the rows to the
risks of one matrix cell.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.i18n import _
from app.model import Risk, RiskStatus
from app.services import risks
from app.services.risks import RiskLevel
from ui.formatting import show_date
from ui.models.records import ID_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex

TITLE, PROBABILITY, IMPACT, SCORE, STATUS, OWNER, REVIEW = range(7)
COLUMN_COUNT = 7
OVERDUE_COLOUR = "#b00020"
CLOSED_COLOUR = "#6b6b6b"
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)

# Background and text per level. Lightness falls with the level, so the order
# stays readable in greyscale (and the score is always written in the cell).
LEVEL_COLOURS: dict[RiskLevel, tuple[str, str]] = {
    RiskLevel.LOW: ("#e3f4de", "#1d4d1d"),
    RiskLevel.MEDIUM: ("#f2c94c", "#3d2e00"),
    RiskLevel.HIGH: ("#e8833a", "#1f1000"),
    RiskLevel.CRITICAL: ("#b3261e", "#ffffff"),
}


def level_colours(score: int) -> tuple[QColor, QColor]:
    background, text = LEVEL_COLOURS[risks.level(score)]
    return QColor(background), QColor(text)


def headers() -> list[str]:
    return [
        _("Ryzyko"),
        _("Prawdop."),
        _("Wpływ"),
        _("Ocena"),
        _("Status"),
        _("Właściciel"),
        _("Przegląd"),
    ]


def score_text(risk: Risk) -> str:
    return f"{risk.score} – {risks.level(risk.score).label}"


class RiskTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._all: list[Risk] = []
        self._rows: list[Risk] = []
        self._only: set[str] | None = None
        self.today = date.today()

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

    def risk_at(self, row: int) -> Risk | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, risk_id: str) -> Risk | None:
        return next((r for r in self._all if r.id == risk_id), None)

    def row_of(self, risk_id: str) -> int:
        for row, risk in enumerate(self._rows):
            if risk.id == risk_id:
                return row
        return -1

    # -- Qt ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = {
                PROBABILITY: _("Prawdopodobieństwo: 1 (bardzo niskie) – 5 (bardzo wysokie)"),
                IMPACT: _("Wpływ: 1 (bardzo mały) – 5 (bardzo duży)"),
                SCORE: _("Prawdopodobieństwo × wpływ (1–25)"),
            }
            return tips.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        risk = self.risk_at(index.row()) if index.isValid() else None
        if risk is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(risk, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(risk, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == SCORE:
            return level_colours(risk.score)[0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(risk, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PROBABILITY, IMPACT, SCORE):
            return _CENTRE
        if role == ID_ROLE:
            return risk.id
        if role == SORT_ROLE:
            return self._sort_key(risk, column)
        return None

    def _display(self, risk: Risk, column: int) -> str:
        if column == TITLE:
            return risk.title
        if column == PROBABILITY:
            return str(risk.probability)
        if column == IMPACT:
            return str(risk.impact)
        if column == SCORE:
            return score_text(risk)
        if column == STATUS:
            return RiskStatus(risk.status).label
        if column == OWNER:
            return risk.owner or ""
        text = show_date(risk.review_date)
        if risks.is_review_overdue(risk, self.today):
            return _("{date} – po terminie").format(date=text)
        return text

    def _tooltip(self, risk: Risk, column: int) -> str | None:
        if column == TITLE:
            return risk.title + (f"\n\n{risk.mitigation}" if risk.mitigation else "")
        if column == REVIEW and risks.is_review_overdue(risk, self.today):
            return _("Termin przeglądu minął; oceń ryzyko ponownie i ustaw nową datę.")
        return None

    def _foreground(self, risk: Risk, column: int) -> QColor | None:
        if column == SCORE:
            return level_colours(risk.score)[1]
        if column == REVIEW and risks.is_review_overdue(risk, self.today):
            return QColor(OVERDUE_COLOUR)
        if not risks.is_active(risk):
            return QColor(CLOSED_COLOUR)
        return None

    def _sort_key(self, risk: Risk, column: int) -> Any:
        if column == PROBABILITY:
            return risk.probability
        if column == IMPACT:
            return risk.impact
        if column == SCORE:
            return risk.score
        if column == REVIEW:
            return risk.review_date.isoformat() if risk.review_date else "9999"
        return self._display(risk, column).casefold()
