"""The HDR's models: priorities → items (tree and timeline rows) and the advisory cycle's steps.

The models never write. A drop, a rename or a ticked step becomes a signal that
the page turns into an undoable command; the model then reloads from the core.
The same rows feed the table and the timeline, so the two always agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from app.i18n import N_, _
from app.model import ActionStatus, DevelopmentSchedule, ScheduleItem
from app.services.hdr import PriorityGroup, period_warning
from app.services.overview_signals import Progress
from app.services.schedules import ScheduleProgress, is_overdue, progress_of
from ui.contrast import tint
from ui.formatting import show, show_money, show_month, show_month_short
from ui.models.node_tree import Index, NodeTreeModel
from ui.models.roles import ID_ROLE, KIND_ROLE, OVERDUE_ROLE, SHORT_TEXT_ROLE, WARNING_ROLE
from ui.models.tree_node import Node

# Columns of the tree: every field of an item.
(
    ACTION,
    START,
    END,
    STATUS,
    RESPONSIBLE,
    GOAL,
    PEOPLE,
    BUDGET,
    MATERIALS,
    EFFECT,
    SUCCESS,
    TOOL,
    PLAN_ACTION,
) = range(13)
COLUMN_FIELDS: tuple[str, ...] = (
    "action",
    "start_month",
    "end_month",
    "status",
    "responsible",
    "goal",
    "resources_people",
    "resources_budget_cents",
    "resources_materials",
    "expected_effect",
    "success_indicator",
    "management_tool",
    "plan_action_id",
)
HEADERS: tuple[str, ...] = (
    N_("Priorytet / działanie"),
    N_("Od"),
    N_("Do"),
    N_("Status"),
    N_("Odpowiedzialni"),
    N_("Cel"),
    N_("Zasoby ludzkie"),
    N_("Środki finansowe"),
    N_("Zasoby rzeczowe"),
    N_("Oczekiwany efekt"),
    N_("Wskaźnik sukcesu"),
    N_("Narzędzie zarządcze"),
    N_("Działanie planu"),
)
WARNING_MARK = "⚠"


@dataclass(frozen=True)
class StatusStyle:
    """How a status looks: a fill, a brush pattern and a mark, so it reads in greyscale too."""

    fill: str
    edge: str
    pattern: Qt.BrushStyle
    mark: str


STATUS_STYLES: dict[ActionStatus, StatusStyle] = {
    ActionStatus.PLANNED: StatusStyle("#cfe0f5", "#3d6a9e", Qt.BrushStyle.SolidPattern, "○"),
    ActionStatus.IN_PROGRESS: StatusStyle("#5b9bd5", "#1f4e79", Qt.BrushStyle.BDiagPattern, "▶"),
    ActionStatus.DONE: StatusStyle("#63a86b", "#1d5a26", Qt.BrushStyle.SolidPattern, "✓"),
    ActionStatus.DELAYED: StatusStyle("#f0a830", "#8a5300", Qt.BrushStyle.DiagCrossPattern, "!"),
    ActionStatus.DROPPED: StatusStyle("#c4c4c4", "#6b6b6b", Qt.BrushStyle.HorPattern, "✕"),
}
OVERDUE_COLOUR = "#c62828"
OVERDUE_TEXT = "#a00018"  # the overdue red for text on a status tint: 4.5:1 or more
WARNING_TEXT = "#7a4a00"
CURRENT_STEP_COLOUR = "#fff2c6"


def status_of(item: ScheduleItem) -> ActionStatus:
    return ActionStatus(item.status or ActionStatus.PLANNED)


def progress_text(progress: Progress) -> str:
    """``zrealizowane 2 z 5 · w toku 1 · po terminie 1`` (dropped items not counted)."""
    counted = progress.total - progress.dropped
    parts = [_("zrealizowane {done} z {total}").format(done=progress.done, total=counted)]
    if progress.in_progress:
        parts.append(_("w toku {count}").format(count=progress.in_progress))
    if progress.overdue:
        parts.append(_("po terminie {count}").format(count=progress.overdue))
    return " · ".join(parts)


@dataclass(frozen=True)
class TimelineRow:
    """One row of the timeline: a priority's heading or an item's bar."""

    kind: str  # priority | item
    id: str
    label: str
    start: date | None = None
    end: date | None = None
    status: ActionStatus = ActionStatus.PLANNED
    overdue: bool = False
    warning: str = ""
    summary: str = ""
    # A plan action's periods (start, last day) when not whole months from start to end.
    spans: tuple[tuple[date, date], ...] = ()
    term: str = ""  # the term as the plan states it (tooltips)
    depth: int = 0  # headings under headings (a plan's objective under its goal)


class ScheduleTreeModel(NodeTreeModel):
    MIME = "application/x-plan-oswiaty-hdr-node"
    """Priorities with their items under them; items without a priority come last."""

    move_requested = Signal(str, str, str, int)  # kind, id, new priority id ("" none), index
    rename_requested = Signal(str, str, str)  # kind, id, new text

    def __init__(self) -> None:
        super().__init__()
        self.schedule: DevelopmentSchedule | None = None
        self.today = date.today()
        self.progress = ScheduleProgress()
        self._action_labels: Mapping[str, str] = {}
        self._marks: dict[str, tuple[bool, str]] = {}

    # -- loading --------------------------------------------------------------------------

    def set_schedule(
        self,
        schedule: DevelopmentSchedule | None,
        groups: Sequence[PriorityGroup],
        action_labels: Mapping[str, str] | None = None,
        today: date | None = None,
    ) -> None:
        self.beginResetModel()
        self.schedule = schedule
        self.today = today or date.today()
        self._action_labels = dict(action_labels or {})
        self._clear_nodes()
        for group in groups:
            kind = "priority" if group.priority is not None else "loose"
            parent = self._add(self.root, kind, group.priority)
            for item in group.items:
                self._add(parent, "item", item)
        self.progress = progress_of((i for g in groups for i in g.items), self.today)
        # Computed once per load: data() asks for them for every cell it paints.
        self._marks = {
            item.id: (is_overdue(item, self.today), self._period_warning(item))
            for group in groups
            for item in group.items
        }
        self.endResetModel()

    def items(self) -> list[ScheduleItem]:
        return [c.record for group in self.root.children for c in group.children]

    def group_progress(self, node: Node) -> Progress:
        key = node.record.id if node.kind == "priority" else None
        return self.progress.by_priority.get(key, Progress())

    def warning_of(self, item: ScheduleItem) -> str:
        """The outside-the-period warning of an item ("" when it is within the period)."""
        marks = self._marks.get(item.id)
        return marks[1] if marks is not None else self._period_warning(item)

    def overdue(self, item: ScheduleItem) -> bool:
        marks = self._marks.get(item.id)
        return marks[0] if marks is not None else is_overdue(item, self.today)

    def _period_warning(self, item: ScheduleItem) -> str:
        if self.schedule is None:
            return ""
        return period_warning(self.schedule, item.start_month, item.end_month) or ""

    # -- structure --------------------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    # -- data -----------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == KIND_ROLE:
            return node.kind
        if role == ID_ROLE:
            return node.id
        if node.kind == "item":
            return self._item_data(node.record, index.column(), role)
        return self._group_data(node, index.column(), role)

    def _group_data(self, node: Node, column: int, role: int) -> Any:
        progress = self.group_progress(node)
        title = node.record.title if node.kind == "priority" else _("Bez priorytetu")
        if role == Qt.ItemDataRole.EditRole and column == ACTION and node.kind == "priority":
            return title
        if role == Qt.ItemDataRole.FontRole:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.ToolTipRole and column == ACTION:
            description = getattr(node.record, "description", None)
            return title + (f"\n\n{description}" if description else "")
        if role == Qt.ItemDataRole.ToolTipRole and column == STATUS and node.children:
            return progress_text(progress)
        items = [child.record for child in node.children]
        if role == SHORT_TEXT_ROLE and items:
            return self._group_short(items, column, progress)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == ACTION:
            return title
        if column == START and items:
            return show_month(min(i.start_month for i in items))
        if column == END and items:
            return show_month(max(i.end_month for i in items))
        if column == STATUS and items:
            return progress_text(progress)
        return ""

    def _group_short(self, items: list[ScheduleItem], column: int, progress: Progress) -> Any:
        if column == START:
            return show_month_short(min(i.start_month for i in items))
        if column == END:
            return show_month_short(max(i.end_month for i in items))
        if column == STATUS:
            counted = progress.total - progress.dropped
            done = STATUS_STYLES[ActionStatus.DONE].mark
            return _("{mark} {done} z {total}").format(mark=done, done=progress.done, total=counted)
        return None

    def _item_data(self, item: ScheduleItem, column: int, role: int) -> Any:
        overdue = self.overdue(item)
        warning = self.warning_of(item)
        if role == OVERDUE_ROLE:
            return overdue
        if role == WARNING_ROLE:
            return warning
        if role == Qt.ItemDataRole.EditRole and column == ACTION:
            return item.action
        if role == Qt.ItemDataRole.ForegroundRole:
            if (column == STATUS and overdue) or (column in (START, END) and warning):
                return QBrush(QColor(OVERDUE_TEXT if overdue else WARNING_TEXT))
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS:
            return QBrush(tint(STATUS_STYLES[status_of(item)].fill))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._item_tooltip(item, column, overdue, warning)
        if role == SHORT_TEXT_ROLE:
            return self._item_short(item, column, warning)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._item_text(item, column, overdue, warning)

    def _item_text(self, item: ScheduleItem, column: int, overdue: bool, warning: str) -> str:
        if column in (START, END):
            text = show_month(getattr(item, COLUMN_FIELDS[column]))
            return f"{text} {WARNING_MARK}" if warning else text
        if column == STATUS:
            status = status_of(item)
            text = f"{STATUS_STYLES[status].mark} {status.label}"
            return f"{text} · {_('po terminie')}" if overdue else text
        if column == BUDGET:
            return show_money(item.resources_budget_cents)
        if column == PLAN_ACTION:
            return self._action_labels.get(item.plan_action_id or "", "")
        value = show(getattr(item, COLUMN_FIELDS[column]))
        return " ".join(value.split())  # one line in the table; the form shows it whole

    def _item_short(self, item: ScheduleItem, column: int, warning: str) -> str | None:
        """The month abbreviated, the status without "po terminie" (its red says so)."""
        if column in (START, END):
            text = show_month_short(getattr(item, COLUMN_FIELDS[column]))
            return f"{text} {WARNING_MARK}" if warning else text
        if column == STATUS:
            status = status_of(item)
            return f"{STATUS_STYLES[status].mark} {status.label}"
        return None

    def _item_tooltip(self, item: ScheduleItem, column: int, overdue: bool, warning: str) -> Any:
        if column in (START, END) and warning:
            return warning
        if column == STATUS and overdue:
            return _("Po terminie: miesiąc zakończenia minął, a pozycja nie jest zrealizowana.")
        text = self._item_text(item, column, overdue, warning)
        full = show(getattr(item, COLUMN_FIELDS[column])) if column != PLAN_ACTION else text
        return full if len(full) > 30 else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        node = self.node(index)
        if node.kind in ("priority", "item"):
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        if node.kind in ("priority", "loose"):
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == ACTION and node.kind in ("priority", "item"):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != ACTION or not index.isValid():
            return False
        node = self.node(index)
        text = str(value).strip()
        current = node.record.title if node.kind == "priority" else node.record.action
        if node.kind not in ("priority", "item") or not text or text == current:
            return False
        self.rename_requested.emit(node.kind, node.id, text)
        return False  # the reload after the command shows the new text

    # -- drag and drop ----------------------------------------------------------------------

    def draggable(self, node: Node) -> bool:  # type: ignore[override]
        return node.kind in ("priority", "item")

    def _target(self, node: Node, parent: Index, row: int) -> tuple[Node, int] | None:
        """The group (or the root) a drop lands in, and the index there."""
        target = self.node(parent)
        if node.kind == "priority":
            if target is not self.root:
                return None
            if row < 0:
                row = len(self.root.children)
            return self.root, min(row, self._priority_count())
        if target.kind == "item":  # dropped onto an item: just before it
            assert target.parent is not None
            return target.parent, target.row()
        if target.kind not in ("priority", "loose"):
            return None
        return target, len(target.children) if row < 0 else row

    def _priority_count(self) -> int:
        return sum(1 for child in self.root.children if child.kind == "priority")

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        node = self._dragged(data)
        return node is not None and self._target(node, parent, row) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        node = self._dragged(data)
        found = self._target(node, parent, row) if node is not None else None
        if node is None or found is None:
            return False
        target = found[0]
        new_index = self._new_place(node, target, found[1])
        if new_index is None:
            return False
        parent_id = "" if target.kind in ("root", "loose") else target.id
        self.move_requested.emit(node.kind, node.id, parent_id, new_index)
        return False  # the model reloads after the command; Qt must not remove rows itself

    # -- the timeline ---------------------------------------------------------------------------

    def timeline_rows(self) -> list[TimelineRow]:
        """The same priorities and items as the tree, as rows of the timeline."""
        rows: list[TimelineRow] = []
        for group in self.root.children:
            title = group.record.title if group.kind == "priority" else _("Bez priorytetu")
            summary = progress_text(self.group_progress(group)) if group.children else ""
            rows.append(TimelineRow("priority", group.id, title, summary=summary))
            for child in group.children:
                item: ScheduleItem = child.record
                rows.append(
                    TimelineRow(
                        "item",
                        item.id,
                        " ".join(item.action.split()),
                        item.start_month,
                        item.end_month,
                        status_of(item),
                        self.overdue(item),
                        self.warning_of(item),
                    )
                )
        return rows
