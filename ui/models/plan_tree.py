"""The plan's tree: goals → objectives → actions, with drag-and-drop moves and renaming.

The model never writes: a drop or a rename becomes a ``move_requested`` or
``rename_requested`` signal that the page turns into an undoable command; the
model then reloads from the core. The whole tree comes in three queries (see
``app.services.plans.tree``), cheap even for a 300-action plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal

from app.i18n import _
from app.model import Action, Goal, Objective, Record
from app.services import terms
from app.services.plans import GoalNode
from ui.formatting import show, show_money
from ui.models.node_tree import Index, NodeTreeModel
from ui.models.roles import ID_ROLE, KIND_ROLE
from ui.models.tree_node import Node

TITLE, DATES, BUDGET, STATUS = range(4)
CHILD_KIND = {"root": "goal", "goal": "objective", "objective": "action"}
KIND_CLASS: dict[str, type[Record]] = {"goal": Goal, "objective": Objective, "action": Action}


class PlanTreeModel(NodeTreeModel):
    MIME = "application/x-plan-oswiaty-plan-node"
    move_requested = Signal(str, str, str, int)  # kind, id, new parent id, new index
    rename_requested = Signal(str, str, str)  # kind, id, new title

    def __init__(self) -> None:
        super().__init__()
        self.plan_id: str | None = None
        self.budgets: dict[str, int] = {}  # action id → planned total of its financing rows

    # -- loading -----------------------------------------------------------------

    def set_tree(
        self,
        plan_id: str | None,
        goals: Sequence[GoalNode],
        budgets: Mapping[str, int] | None = None,
    ) -> None:
        """``budgets``: each action's total of financing rows, in grosze."""
        self.beginResetModel()
        self.plan_id = plan_id
        self.budgets = dict(budgets or {})
        self._clear_nodes()
        for goal_node in goals:
            goal = self._add(self.root, "goal", goal_node.goal)
            for objective_node in goal_node.objectives:
                objective = self._add(goal, "objective", objective_node.objective)
                for action in objective_node.actions:
                    self._add(objective, "action", action)
        self.endResetModel()

    # -- structure -----------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [_("Cele i działania"), _("Termin"), _("Budżet"), _("Status")][section]

    # -- data ------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        record = node.record
        if role == KIND_ROLE:
            return node.kind
        if role == ID_ROLE:
            return node.id
        if role == Qt.ItemDataRole.EditRole and index.column() == TITLE:
            return record.title
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TITLE:
            return _label_for(node) + (f"\n\n{record.description}" if record.description else "")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == TITLE:
            code = getattr(record, "code", None)
            return f"{code}. {record.title}" if code else record.title
        if node.kind != "action":
            return ""
        if index.column() == DATES:
            return terms.label(
                record.start_date, record.end_date, record.term_precision, record.recurring
            )
        if index.column() == BUDGET:
            return show_money(self.budgets.get(record.id))
        return show(record.status)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        node = self.node(index)
        if node.kind != "action":
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == TITLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != TITLE or not index.isValid():
            return False
        node = self.node(index)
        title = str(value).strip()
        if not title or title == node.record.title:
            return False
        self.rename_requested.emit(node.kind, node.id, title)
        return False  # the reload after the command shows the new title

    # -- drag and drop ------------------------------------------------------------------

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        node = self._dragged(data)
        return node is not None and CHILD_KIND.get(self.node(parent).kind) == node.kind

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        node = self._dragged(data)
        target = self.node(parent)
        if node is None or CHILD_KIND.get(target.kind) != node.kind:
            return False
        new_index = self._new_place(node, target, len(target.children) if row < 0 else row)
        parent_id = self.plan_id if target is self.root else target.id
        if parent_id is None or new_index is None:
            return False
        self.move_requested.emit(node.kind, node.id, parent_id, new_index)
        return False  # the model reloads after the command; Qt must not remove rows itself


def _label_for(node: Node) -> str:
    return {
        "goal": _("Cel strategiczny"),
        "objective": _("Cel operacyjny"),
        "action": _("Działanie"),
    }.get(node.kind, "")
