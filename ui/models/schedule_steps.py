"""The advisory cycle's six steps as a list: ticked when done, the team's step highlighted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.i18n import _
from app.model import DevelopmentSchedule
from app.services.hdr import CycleStep, current_step, cycle_steps
from ui.models.node_tree import Index
from ui.models.roles import ID_ROLE as ID_ROLE
from ui.models.roles import KIND_ROLE as KIND_ROLE
from ui.models.roles import NAME_ROLE as NAME_ROLE
from ui.models.roles import OVERDUE_ROLE as OVERDUE_ROLE
from ui.models.roles import WARNING_ROLE as WARNING_ROLE
from ui.models.schedule import CURRENT_STEP_COLOUR


class StepListModel(QAbstractListModel):
    """The six steps of the advisory cycle: ticked when done, where the team is highlighted."""

    done_toggled = Signal(str, bool)  # step name, done

    def __init__(self) -> None:
        super().__init__()
        self.steps: list[CycleStep] = []
        self.current: int | None = None

    def set_schedule(self, schedule: DevelopmentSchedule | None) -> None:
        self.beginResetModel()
        self.steps = cycle_steps(schedule) if schedule is not None else []
        self.current = current_step(schedule) if schedule is not None else None
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.steps)

    def row_of(self, name: str) -> int:
        return next((row for row, step in enumerate(self.steps) if step.name == name), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.steps):
            return None
        step = self.steps[index.row()]
        is_current = index.row() == self.current
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{step.number}. {step.label}"
            # The mark on a line of its own: a long step name wraps, the mark is never cut.
            return f"{text}\n◀ {_('tu jest zespół')}" if is_current else text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if step.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            state = _("zakończony") if step.done else _("niezakończony")
            return f"{step.label} ({state})\n\n{step.hint}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = _("zakończony") if step.done else _("niezakończony")
            where = ", " + _("tu jest zespół") if is_current else ""
            return f"{step.number}. {step.label}, {state}{where}"
        if role == Qt.ItemDataRole.FontRole and is_current:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.BackgroundRole and is_current:
            return QBrush(QColor(CURRENT_STEP_COLOUR))
        if role == Qt.ItemDataRole.ForegroundRole and is_current:
            return QBrush(QColor("#1a1a1a"))
        if role == NAME_ROLE:
            return step.name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        step = self.steps[index.row()]
        if checked != step.done:
            self.done_toggled.emit(step.name, checked)
        return False  # the reload after the command shows the new state

    def where_text(self) -> str:
        """Where the team is in the cycle, in a sentence."""
        if not self.steps:
            return ""
        if self.current is None:
            return _("Wszystkie etapy cyklu doradczego są zakończone.")
        step = self.steps[self.current]
        return _("Zespół jest na etapie {number} z {count}: {label}.").format(
            number=step.number, count=len(self.steps), label=step.label
        )
