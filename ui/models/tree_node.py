"""The node of every tree model (the plan's goals, the HDR's priorities): one type."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False)
class Node:
    kind: str  # "root", then the model's own kinds (goal/objective/action, priority/loose/item)
    record: Any = None
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def id(self) -> str:
        return "" if self.record is None else str(self.record.id)

    def row(self) -> int:
        return 0 if self.parent is None else self.parent.children.index(self)

    def descendant_count(self) -> int:
        return sum(1 + child.descendant_count() for child in self.children)

    def neighbour_id(self) -> str | None:
        """The id to select once this node is gone: the next sibling, the previous, the parent."""
        if self.parent is None:
            return None
        siblings = self.parent.children
        row = self.row()
        if row + 1 < len(siblings):
            return siblings[row + 1].id
        if row > 0:
            return siblings[row - 1].id
        return self.parent.id or None
