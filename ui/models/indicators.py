"""The indicators of one plan, with their computed status (never stored), one row each.

Rows come from :func:`app.services.indicator_queries.indicators_of_plan` (the
plan's own indicators and those of its goals, objectives and actions); the
status is :func:`app.services.indicators.evaluate` on :attr:`today`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app import units
from app.errors import UserError
from app.i18n import _
from app.model import Indicator, IndicatorMilestone, IndicatorStatus, Measurement
from app.services import indicator_queries, plans
from app.services.indicators import IndicatorState, add_months, evaluate
from app.storage.store import Store
from ui.formatting import show_date, show_number, show_percent
from ui.models.roles import ATTENTION_ROLE as ATTENTION_ROLE
from ui.models.roles import ID_ROLE, SORT_ROLE
from ui.models.roles import STATUS_ROLE as STATUS_ROLE

Index = QModelIndex | QPersistentModelIndex

# Columns.
NAME, ATTACHED_TO, UNIT, BASELINE, TARGET, LATEST, STATUS, STALE = range(8)
COLUMN_COUNT = 8


STALE_MARK = "⚠"
PATH_SEPARATOR = " › "

# (background, text) per status: soft tints with dark text, readable in light and dark themes.
STATUS_COLOURS: dict[IndicatorStatus, tuple[str, str]] = {
    IndicatorStatus.ACHIEVED: ("#d5eddb", "#14532d"),
    IndicatorStatus.ON_TRACK: ("#e3f3e6", "#1d6a35"),
    IndicatorStatus.AT_RISK: ("#fdf0c8", "#6e4a00"),
    IndicatorStatus.OFF_TRACK: ("#f9dcdc", "#8c1c1c"),
    IndicatorStatus.NO_DATA: ("#ebebeb", "#4d4d4d"),
}
# A stronger colour of the same hue, for lines and titles on the window background.
STATUS_STRONG: dict[IndicatorStatus, str] = {
    IndicatorStatus.ACHIEVED: "#1b7a3a",
    IndicatorStatus.ON_TRACK: "#2e7d32",
    IndicatorStatus.AT_RISK: "#b06d00",
    IndicatorStatus.OFF_TRACK: "#c62828",
    IndicatorStatus.NO_DATA: "#6b6b6b",
}
STALE_COLOUR = "#9a5b00"
_SEVERITY = {
    IndicatorStatus.OFF_TRACK: 0,
    IndicatorStatus.AT_RISK: 1,
    IndicatorStatus.NO_DATA: 2,
    IndicatorStatus.ON_TRACK: 3,
    IndicatorStatus.ACHIEVED: 4,
}
_ATTENTION = {IndicatorStatus.OFF_TRACK, IndicatorStatus.AT_RISK}
_ALIGNMENT = {
    BASELINE: int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
    TARGET: int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
    LATEST: int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
    STALE: int(Qt.AlignmentFlag.AlignCenter),
}
_ATTACH_FIELDS = ("plan_id", "goal_id", "objective_id", "action_id")


def headers() -> list[str]:
    return [
        _("Wskaźnik"),
        _("Przypisany do"),
        _("Jednostka"),
        _("Wartość bazowa"),
        _("Wartość docelowa"),
        _("Ostatni pomiar"),
        _("Stan"),
        _("Aktualność"),
    ]


def with_unit(value: float | None, unit: str | None) -> str:
    """``65%``, ``124 osoby``, ``190 osób``: a value with its unit agreeing, as in the PDFs."""
    return units.quantity(value, unit)


def status_colours(status: IndicatorStatus) -> tuple[QColor, QColor]:
    background, text = STATUS_COLOURS[status]
    return QColor(background), QColor(text)


# -- what an indicator can be attached to ------------------------------------------------


@dataclass(frozen=True)
class AttachTarget:
    """The plan as a whole, or one goal, objective or action of it."""

    kind: str  # plan | goal | objective | action
    record_id: str
    label: str  # the whole path: "Cel 1 › 1.2 › Szkolne pracownie…"
    depth: int

    @property
    def key(self) -> str:
        return "plan" if self.kind == "plan" else f"{self.kind}:{self.record_id}"

    def fields(self, plan_id: str) -> dict[str, str | None]:
        """The four *_id fields of an indicator attached here."""
        values: dict[str, str | None] = dict.fromkeys(_ATTACH_FIELDS)
        values["plan_id"] = plan_id
        if self.kind != "plan":
            values[f"{self.kind}_id"] = self.record_id
        return values


def attach_targets(plan_id: str, tree: Sequence[plans.GoalNode]) -> list[AttachTarget]:
    """The plan, then each goal with its objectives and their actions, in the plan's order."""
    targets = [AttachTarget("plan", plan_id, _("Cały plan"), 0)]
    for g_index, node in enumerate(tree, start=1):
        goal_code = node.goal.code or str(g_index)
        goal_path = _("Cel {code}").format(code=goal_code)
        targets.append(AttachTarget("goal", node.goal.id, f"{goal_path}. {node.goal.title}", 0))
        for o_index, o_node in enumerate(node.objectives, start=1):
            objective = o_node.objective
            code = objective.code or f"{goal_code}.{o_index}"
            path = f"{goal_path}{PATH_SEPARATOR}{code}"
            targets.append(AttachTarget("objective", objective.id, f"{path}. {objective.title}", 1))
            for action in o_node.actions:
                label = f"{path}{PATH_SEPARATOR}{action.title}"
                targets.append(AttachTarget("action", action.id, label, 2))
    return targets


def attach_key(indicator: Indicator) -> str:
    """The :attr:`AttachTarget.key` an indicator is attached to."""
    for kind in ("action", "objective", "goal"):
        record_id = getattr(indicator, f"{kind}_id")
        if record_id:
            return f"{kind}:{record_id}"
    if indicator.schedule_item_id:
        return f"schedule_item:{indicator.schedule_item_id}"
    return "plan"


def attach_fields(indicator: Indicator) -> dict[str, str | None]:
    return {name: getattr(indicator, name) for name in _ATTACH_FIELDS}


# -- rows -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    measurements: tuple[Measurement, ...]
    state: IndicatorState
    attached: str
    milestones: tuple[IndicatorMilestone, ...] = ()

    @property
    def needs_attention(self) -> bool:
        return self.state.stale or self.state.status in _ATTENTION


def progress_text(state: IndicatorState) -> str:
    """``Postęp 46% (oczekiwany 58%)`` or why there is no status."""
    if state.status is IndicatorStatus.NO_DATA:
        if state.latest is None:
            return _("Dodaj pierwszy pomiar.")
        if state.progress is not None:
            return _(
                "Postęp {progress}; bez daty wartości bazowej i terminu osiągnięcia nie da się "
                "ocenić, czy to zgodnie z planem."
            ).format(progress=show_percent(state.progress))
        return _("Brak wartości bazowej lub docelowej.")
    return _("Postęp {progress} (oczekiwany {expected})").format(
        progress=show_percent(state.progress), expected=show_percent(state.expected)
    )


def status_label(indicator: Indicator, state: IndicatorState) -> str:
    """The status in words; a pace that cannot be judged says which date is missing."""
    if state.status is IndicatorStatus.NO_DATA and state.progress is not None:
        if indicator.target_date is None:
            return _("nie oceniono: brak terminu")
        return _("nie oceniono: brak daty bazowej")
    return state.status.label


def stale_text(indicator: Indicator, state: IndicatorState) -> str:
    """Why an indicator is stale: ``Brak pomiaru od 30.06.2025 (pomiar co 12 mies.)``."""
    last = state.latest.measured_on if state.latest is not None else indicator.baseline_date
    if last is None:
        return _("Brak jakiegokolwiek pomiaru.")
    return _("Brak pomiaru od {date} (pomiar co {months} mies., należał się {due}).").format(
        date=show_date(last),
        months=indicator.interval_months or 12,
        due=show_date(_due(last, indicator.interval_months or 12)),
    )


def _due(last: date, months: int) -> date | None:
    try:
        return add_months(last, months)
    except ValueError:
        return None


class IndicatorTableModel(QAbstractTableModel):
    """One row per indicator of a plan; status, progress and staleness computed on ``today``."""

    def __init__(self, store: Store | None = None, plan_id: str | None = None) -> None:
        super().__init__()
        self._store = store
        self._plan_id = plan_id
        self._today = date.today()
        self._rows: list[IndicatorRow] = []
        self.targets: list[AttachTarget] = []
        if store is not None and plan_id is not None:
            self.reload()

    # -- loading ------------------------------------------------------------------------

    @property
    def today(self) -> date:
        return self._today

    @today.setter
    def today(self, value: date) -> None:
        self._today = value
        self._apply([self._row(r.indicator, r.measurements, r.milestones) for r in self._rows])

    @property
    def plan_id(self) -> str | None:
        return self._plan_id

    def set_plan(self, store: Store | None, plan_id: str | None) -> None:
        self._store = store
        self._plan_id = plan_id
        self.reload()

    def reload(self) -> None:
        """Read the plan again; rows that stay in place are updated without a reset."""
        items: list[indicator_queries.IndicatorWithMeasurements] = []
        targets: list[AttachTarget] = []
        if self._store is not None and self._plan_id is not None:
            try:
                tree = plans.tree(self._store, self._plan_id)
            except UserError:  # the plan was deleted meanwhile
                tree = None
            if tree is not None:
                targets = attach_targets(self._plan_id, tree)
                items = indicator_queries.indicators_of_plan(self._store, self._plan_id)
        self.targets = targets
        self._apply(
            [self._row(item.indicator, item.measurements, item.milestones) for item in items]
        )

    def _row(
        self,
        indicator: Indicator,
        measurements: Sequence[Measurement],
        milestones: Sequence[IndicatorMilestone] = (),
    ) -> IndicatorRow:
        state = evaluate(indicator, measurements, self._today, milestones)
        return IndicatorRow(
            indicator, tuple(measurements), state, self._attached(indicator), tuple(milestones)
        )

    def _attached(self, indicator: Indicator) -> str:
        key = attach_key(indicator)
        if key.startswith("schedule_item:"):
            return _("pozycja HDR")
        for target in self.targets:
            if target.key == key:
                return target.label if target.kind != "plan" else _("cały plan")
        return ""

    def _apply(self, rows: list[IndicatorRow]) -> None:
        same = [r.indicator.id for r in rows] == [r.indicator.id for r in self._rows]
        if same and rows:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, COLUMN_COUNT - 1))
            return
        if same:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    # -- access ---------------------------------------------------------------------------

    def row_at(self, row: int) -> IndicatorRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, indicator_id: str) -> IndicatorRow | None:
        row = self.row_of(indicator_id)
        return self._rows[row] if row >= 0 else None

    def row_of(self, indicator_id: str) -> int:
        for row, item in enumerate(self._rows):
            if item.indicator.id == indicator_id:
                return row
        return -1

    def attention_count(self) -> int:
        return sum(1 for row in self._rows if row.needs_attention)

    # -- Qt -------------------------------------------------------------------------------

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
        if role == Qt.ItemDataRole.ToolTipRole and section == STALE:
            return _("{mark} — brak pomiaru w zapisanej częstotliwości pomiaru").format(
                mark=STALE_MARK
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return self._colour(row, column, role == Qt.ItemDataRole.BackgroundRole)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNMENT.get(column)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == STALE:
            return _("nieaktualny") if row.state.stale else _("aktualny")
        return self._other(row, column, role)

    def _other(self, row: IndicatorRow, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return row.indicator.id
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ATTENTION_ROLE:
            return row.needs_attention
        if role == STATUS_ROLE:
            return row.state.status
        return None

    def _display(self, row: IndicatorRow, column: int) -> str:
        indicator, state = row.indicator, row.state
        if column == NAME:
            return indicator.name
        if column == ATTACHED_TO:
            return row.attached
        if column == UNIT:
            return indicator.unit or ""
        yes_no = indicator.direction == "yes_no"
        if column == BASELINE:
            return (
                _yes_no(indicator.baseline_value)
                if yes_no
                else show_number(indicator.baseline_value)
            )
        if column == TARGET:
            return (
                _yes_no(indicator.target_value) if yes_no else show_number(indicator.target_value)
            )
        if column == LATEST:
            if state.latest is None:
                return ""
            if yes_no:
                return _yes_no(state.latest.value)
            return with_unit(state.latest.value, indicator.unit)
        if column == STATUS:
            return status_label(indicator, state)
        return STALE_MARK if state.stale else ""

    def _tooltip(self, row: IndicatorRow, column: int) -> str | None:
        indicator, state = row.indicator, row.state
        if column == NAME:
            return indicator.name + (
                f"\n\n{indicator.description}" if indicator.description else ""
            )
        if column == ATTACHED_TO:
            return row.attached or None
        if column == BASELINE and indicator.baseline_date is not None:
            return _("Wartość bazowa z dnia {date}").format(date=show_date(indicator.baseline_date))
        if column == TARGET and indicator.target_date is not None:
            return _("Do osiągnięcia do {date}").format(date=show_date(indicator.target_date))
        if column == LATEST and state.latest is not None:
            return _("Pomiar z dnia {date}").format(date=show_date(state.latest.measured_on))
        if column == STATUS:
            return f"{status_label(indicator, state)}: {progress_text(state)}"
        if column == STALE and state.stale:
            return stale_text(indicator, state)
        return None

    def _colour(self, row: IndicatorRow, column: int, background: bool) -> QColor | None:
        if column == STATUS:
            colours = status_colours(row.state.status)
            return colours[0] if background else colours[1]
        if column == STALE and row.state.stale and not background:
            return QColor(STALE_COLOUR)
        return None

    def _sort_key(self, row: IndicatorRow, column: int) -> Any:
        indicator, state = row.indicator, row.state
        numbers = {
            BASELINE: indicator.baseline_value,
            TARGET: indicator.target_value,
            LATEST: state.latest.value if state.latest is not None else None,
        }
        if column in numbers:
            value = numbers[column]
            return float("-inf") if value is None else value
        if column == STATUS:
            return _SEVERITY[state.status]
        if column == STALE:
            return 0 if state.stale else 1
        if column == ATTACHED_TO:
            return self._target_order(indicator)
        return self._display(row, column).casefold()

    def _target_order(self, indicator: Indicator) -> int:
        key = attach_key(indicator)
        for position, target in enumerate(self.targets):
            if target.key == key:
                return position
        return len(self.targets)


def _yes_no(value: float | None) -> str:
    """A yes/no indicator's value as the plan states it."""
    if value is None:
        return ""
    return _("tak") if value >= 1 else _("nie")
