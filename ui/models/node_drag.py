"""Dragging one node of a tree model to move it: the part every movable tree shares.

A dragged node travels as ``kind:id`` under the model's own MIME type; the model
decides where it may land (``canDropMimeData``) and turns a drop into a move
request, so Qt never removes rows by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt


class TreeNode(Protocol):
    kind: str

    @property
    def id(self) -> str: ...


class NodeDragMixin:
    """For a QAbstractItemModel with ``node(index)`` and ``_by_id``; set ``MIME``."""

    MIME = "application/x-plan-oswiaty-node"
    _by_id: dict[str, Any]

    def node(self, index: QModelIndex | QPersistentModelIndex) -> Any:
        raise NotImplementedError

    def draggable(self, node: TreeNode) -> bool:
        """Whether ``node`` may be picked up (all nodes by default)."""
        return True

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        nodes = [self.node(i) for i in indexes if i.isValid() and i.column() == 0]
        if nodes and self.draggable(nodes[0]):
            data.setData(self.MIME, f"{nodes[0].kind}:{nodes[0].id}".encode())
        return data

    def _dragged(self, data: QMimeData) -> Any:
        """The node ``data`` carries, if it is still in this model."""
        if not data.hasFormat(self.MIME):
            return None
        kind, _sep, record_id = bytes(data.data(self.MIME).data()).decode().partition(":")
        node = self._by_id.get(record_id)
        return node if node is not None and node.kind == kind else None
