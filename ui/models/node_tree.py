"""The base of every tree model over :class:`~ui.models.tree_node.Node` (the plan's, the HDR's).

It keeps the nodes (a root, an index by record id) and answers Qt's structural
questions — ``index``, ``parent``, ``rowCount`` — so a tree model only builds
its nodes with :meth:`NodeTreeModel._add` and says what each cell shows.
Dragging a node comes from :class:`~ui.models.node_drag.NodeDragMixin`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

from ui.models.node_drag import NodeDragMixin
from ui.models.tree_node import Node

Index = QModelIndex | QPersistentModelIndex


class NodeTreeModel(NodeDragMixin, QAbstractItemModel):
    """Nodes under :attr:`root`; a subclass sets ``MIME`` and says ``columnCount``."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Node("root")
        self._by_id: dict[str, Node] = {}

    # -- nodes ----------------------------------------------------------------------------

    def _clear_nodes(self) -> None:
        """Start again from an empty root (inside a model reset)."""
        self.root = Node("root")
        self._by_id = {}

    def _add(self, parent: Node, kind: str, record: Any) -> Node:
        node = Node(kind, record, parent)
        parent.children.append(node)
        if record is not None:
            self._by_id[node.id] = node
        return node

    def node(self, index: Index) -> Node:
        if index.isValid():
            pointer = index.internalPointer()
            if isinstance(pointer, Node):
                return pointer
        return self.root

    def node_by_id(self, record_id: str) -> Node | None:
        return self._by_id.get(record_id)

    def index_of(self, record_id: str, column: int = 0) -> QModelIndex:
        node = self._by_id.get(record_id)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    # -- Qt's structure -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        parent_node = self.node(parent)
        if not 0 <= row < len(parent_node.children) or not 0 <= column < self.columnCount():
            return QModelIndex()
        return self.createIndex(row, column, parent_node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if not index.isValid() or node.parent is None or node.parent is self.root:
            return QModelIndex()
        return self.createIndex(node.parent.row(), 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    # -- moving a node ----------------------------------------------------------------------

    @staticmethod
    def _new_place(node: Node, target: Node, new_index: int) -> int | None:
        """Where ``node`` lands among ``target``'s children once it leaves its old place;
        None when that is where it already is."""
        if node.parent is target and node.row() < new_index:
            new_index -= 1  # the node leaves its old place first
        if node.parent is target and node.row() == new_index:
            return None
        return new_index
