"""The indicators of one plan, with their computed status (never stored), one row each.

Rows come from :func:`app.services.indicator_queries.indicators_of_plan` (the
plan's own indicators and those of its goals, objectives and actions); the
status is :func:`app.services.indicators.evaluate` on :attr:`today`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app import units
from app.errors import UserError
from app.i18n import _
from app.model import Indicator, IndicatorMilestone, IndicatorStatus, Measurement
from app.services import indicator_queries, plans
from app.services.attention import ATTENTION_STATUSES
from app.services.indicators import SEVERITY, IndicatorState, add_months, evaluate
from app.storage.store import Store
from ui.contrast import cell_colours
from ui.formatting import show_date, show_number, show_percent
from ui.models.roles import ATTENTION_ROLE as ATTENTION_ROLE
from ui.models.roles import STATUS_ROLE as STATUS_ROLE
from ui.models.table import CENTRE, RIGHT, Column, TableModel, no_tip

NAME, ATTACHED_TO, UNIT, BASELINE, TARGET, LATEST, STATUS, STALE = range(8)
STALE_MARK = "⚠"
PATH_SEPARATOR = " › "

# Per status: a soft tint and dark text for a cell (readable in light and dark themes),
# then a stronger colour of the same hue for lines and titles on the window background.
STATUS_COLOURS: dict[IndicatorStatus, tuple[str, str, str]] = {
    IndicatorStatus.ACHIEVED: ("#d5eddb", "#14532d", "#1b7a3a"),
    IndicatorStatus.ON_TRACK: ("#e3f3e6", "#1d6a35", "#2e7d32"),
    IndicatorStatus.AT_RISK: ("#fdf0c8", "#6e4a00", "#b06d00"),
    IndicatorStatus.OFF_TRACK: ("#f9dcdc", "#8c1c1c", "#c62828"),
    IndicatorStatus.NO_DATA: ("#ebebeb", "#4d4d4d", "#6b6b6b"),
}
STATUS_STRONG: dict[IndicatorStatus, str] = {s: c[2] for s, c in STATUS_COLOURS.items()}
STALE_COLOUR = "#9a5b00"
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
    return cell_colours(STATUS_COLOURS[status])


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
        return self.state.stale or self.state.status in ATTENTION_STATUSES


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


class IndicatorTableModel(TableModel[IndicatorRow]):
    """One row per indicator of a plan; status, progress and staleness computed on ``today``."""

    def __init__(self, store: Store | None = None, plan_id: str | None = None) -> None:
        super().__init__(self._columns(), row_id=lambda row: row.indicator.id)
        self._store = store
        self._plan_id = plan_id
        self._today = date.today()
        self.targets: list[AttachTarget] = []
        if store is not None and plan_id is not None:
            self.reload()

    def _columns(self) -> list[Column[IndicatorRow]]:
        titles = headers()
        return [
            Column(titles[NAME], lambda r: r.indicator.name, tooltip=_name_tip),
            Column(
                titles[ATTACHED_TO],
                lambda r: r.attached,
                sort=lambda r: self._target_order(r.indicator),
                tooltip=lambda r: r.attached or None,
            ),
            Column(titles[UNIT], lambda r: r.indicator.unit or "", tooltip=no_tip),
            _planned(titles[BASELINE], "baseline", _("Wartość bazowa z dnia {date}")),
            _planned(titles[TARGET], "target", _("Do osiągnięcia do {date}")),
            _number(titles[LATEST], _latest, _latest_text, _latest_tip),
            Column(
                titles[STATUS],
                lambda r: r.state.status,
                display=lambda r: status_label(r.indicator, r.state),
                sort=lambda r: SEVERITY[r.state.status],
                tooltip=lambda r: f"{status_label(r.indicator, r.state)}: {progress_text(r.state)}",
            ),
            Column(
                titles[STALE],
                lambda r: r.state.stale,
                display=lambda r: STALE_MARK if r.state.stale else "",
                align=CENTRE,
                sort=lambda r: 0 if r.state.stale else 1,
                tooltip=lambda r: stale_text(r.indicator, r.state) if r.state.stale else None,
                header_tooltip=_("{mark} — brak pomiaru w zapisanej częstotliwości pomiaru").format(
                    mark=STALE_MARK
                ),
            ),
        ]

    # -- loading ------------------------------------------------------------------------

    @property
    def today(self) -> date:
        return self._today

    @today.setter
    def today(self, value: date) -> None:
        self._today = value
        self.set_rows([self._row(r.indicator, r.measurements, r.milestones) for r in self._rows])

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
        self.set_rows(
            [self._row(item.indicator, item.measurements, item.milestones) for item in items]
        )

    def set_rows(self, rows: Sequence[IndicatorRow]) -> None:
        if rows or self._rows:  # no plan before, none now: nothing to reset
            super().set_rows(rows)

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

    def _target_order(self, indicator: Indicator) -> int:
        key = attach_key(indicator)
        for position, target in enumerate(self.targets):
            if target.key == key:
                return position
        return len(self.targets)

    def attention_count(self) -> int:
        return sum(1 for row in self._rows if row.needs_attention)

    # -- colours and roles of its own ------------------------------------------------------

    def extra(self, row: IndicatorRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS:
            return status_colours(row.state.status)[0]
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return status_colours(row.state.status)[1]
        if role == Qt.ItemDataRole.ForegroundRole and column == STALE and row.state.stale:
            return QColor(STALE_COLOUR)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == STALE:
            return _("nieaktualny") if row.state.stale else _("aktualny")
        if role == ATTENTION_ROLE:
            return row.needs_attention
        if role == STATUS_ROLE:
            return row.state.status
        return None


# -- the columns' values, texts and tooltips -------------------------------------------------


def _number(
    header: str,
    value: Callable[[IndicatorRow], float | None],
    text: Callable[[IndicatorRow], str],
    tip: Callable[[IndicatorRow], str | None],
) -> Column[IndicatorRow]:
    """A value column: right-aligned, sorted as a number with the empty ones first."""

    def sort(row: IndicatorRow) -> float:
        number = value(row)
        return float("-inf") if number is None else number

    return Column(header, value, display=text, align=RIGHT, sort=sort, tooltip=tip)


def _planned(header: str, name: str, when: str) -> Column[IndicatorRow]:
    """The baseline or the target (``name``): its number or yes/no, its date in the tooltip."""

    def value(row: IndicatorRow) -> float | None:
        number: float | None = getattr(row.indicator, f"{name}_value")
        return number

    def text(row: IndicatorRow) -> str:
        if row.indicator.direction == "yes_no":
            return _yes_no(value(row))
        return show_number(value(row))

    def tip(row: IndicatorRow) -> str | None:
        day = getattr(row.indicator, f"{name}_date")
        return None if day is None else when.format(date=show_date(day))

    return _number(header, value, text, tip)


def _name_tip(row: IndicatorRow) -> str:
    indicator = row.indicator
    return indicator.name + (f"\n\n{indicator.description}" if indicator.description else "")


def _latest(row: IndicatorRow) -> float | None:
    latest = row.state.latest
    return latest.value if latest is not None else None


def _latest_text(row: IndicatorRow) -> str:
    latest = row.state.latest
    if latest is None:
        return ""
    if row.indicator.direction == "yes_no":
        return _yes_no(latest.value)
    return with_unit(latest.value, row.indicator.unit)


def _latest_tip(row: IndicatorRow) -> str | None:
    latest = row.state.latest
    if latest is None:
        return None
    return _("Pomiar z dnia {date}").format(date=show_date(latest.measured_on))


def _yes_no(value: float | None) -> str:
    """A yes/no indicator's value as the plan states it."""
    if value is None:
        return ""
    return _("tak") if value >= 1 else _("nie")
