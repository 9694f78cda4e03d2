"""Undoable HDR edits that the generic commands do not cover: create, copy, place an item."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.model import DevelopmentSchedule
from app.services import hdr
from app.storage.store import Store
from ui.commands.base import CallCommand, CreateRecord


class CreateSchedule(CreateRecord):
    """A new HDR (named after its area when untitled); undo deletes it, redo restores it."""

    def __init__(
        self, store: Store, municipality_id: str, values: dict[str, Any], text: str
    ) -> None:
        super().__init__(store, DevelopmentSchedule, municipality_id, values, text)

    def first(self) -> None:
        assert self.parent_id is not None
        self.record_id = hdr.create_schedule(self.store, self.parent_id, **self.values).id


class CopySchedule(CreateRecord):
    """A copy of an HDR for a new period; undo deletes the copy, redo brings it back."""

    def __init__(self, store: Store, schedule_id: str, start: date, end: date, text: str) -> None:
        super().__init__(store, DevelopmentSchedule, None, {}, text)
        self.source_id = schedule_id
        self.start = start
        self.end = end

    def first(self) -> None:
        copy = hdr.copy_schedule(self.store, self.source_id, self.start, self.end)
        self.record_id = copy.id


Place = tuple[str | None, int]  # (priority id or None, index among its items)


class PlaceItem(CallCommand):
    """Move an item within or between priorities; undo puts it back where it was."""

    def __init__(self, store: Store, item_id: str, old: Place, new: Place, text: str) -> None:
        super().__init__(
            store,
            lambda: _place(store, item_id, new),
            lambda: _place(store, item_id, old),
            text,
        )


def _place(store: Store, item_id: str, place: Place) -> None:
    hdr.place_item(store, item_id, place[0], place[1])
