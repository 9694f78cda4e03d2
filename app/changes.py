"""How the core tells its listeners (the Qt models, the autosave indicator) what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class ChangeKind(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"
    RESTORED = "restored"
    MOVED = "moved"
    RELOADED = "reloaded"  # many things at once (demo loaded, backup restored, import)


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    record_type: str
    record_ids: tuple[str, ...]
    municipality_id: str | None = None
    fields: tuple[str, ...] = ()


Listener = Callable[[Change], None]


@dataclass
class ChangeBus:
    """Plain-Python publish/subscribe; listeners are called after the commit."""

    _listeners: list[Listener] = field(default_factory=list)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
