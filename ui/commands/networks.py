"""Undoable edits of networks and everything in them, through the core's network services.

Adding goes through the service that checks it (a meeting inside the network's
period, a member not already there, a participant of a member JST); undoing an
addition tombstones the record and redoing brings it back. An edit is undone by
writing the old values back through the same checks. Deleting is the generic
:class:`ui.commands.base.DeleteRecord` (a meeting takes its programme with it and
brings it back on undo).
"""

from __future__ import annotations

from collections.abc import Callable

from app.model import Record
from app.services import network_edits
from app.storage.store import Store
from ui.commands.base import CreateRecord, EditRecord


class AddToNetwork(CreateRecord):
    """Add a record with ``add`` (a service call returning it)."""

    def __init__(
        self, store: Store, cls: type[Record], add: Callable[[], Record], text: str
    ) -> None:
        super().__init__(store, cls, None, {}, text)
        self._add = add
        self.record: Record | None = None

    def first(self) -> None:
        self.record = self._add()
        self.record_id = self.record.id


class EditNetworkRecord(EditRecord):
    """Change fields of a network record; each change is its own step."""

    merges = False

    def do(self) -> None:
        network_edits.update(self.store, self.cls, self.record_id, **self.new)

    def undo_step(self) -> None:
        network_edits.update(self.store, self.cls, self.record_id, **self.old)
