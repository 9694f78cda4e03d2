"""Undoable edits (command objects with ``do`` and ``undo``) over the core's services.

Each command performs its first step *before* it is pushed, so a validation
error (``UserError``) reaches the form and nothing lands on the undo stack. Later
undo/redo steps that fail (the record was deleted meanwhile, say) are reported
through ``on_error`` and the command becomes obsolete.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from app.errors import UserError
from app.i18n import _
from app.model import Record
from app.services import records
from app.storage.store import Store

ErrorSink = Callable[[UserError], None]
_MERGE_ID = 0x504F  # any constant: edits of the same fields of one record merge


class StoreCommand(QUndoCommand):
    on_error: ErrorSink | None = None

    def __init__(self, store: Store, text: str) -> None:
        super().__init__(text)
        self.store = store
        self._pushed = False

    def first(self) -> None:
        """The first ``do``; may raise UserError (then the command is not pushed)."""
        self.do()

    def do(self) -> None:
        raise NotImplementedError

    def undo_step(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # ``first`` already did it
            return
        self._guard(self.do)

    def undo(self) -> None:
        self._guard(self.undo_step)

    def _guard(self, step: Callable[[], None]) -> None:
        try:
            step()
        except UserError as error:
            self.setObsolete(True)
            if StoreCommand.on_error is not None:
                StoreCommand.on_error(error)


def push(stack: QUndoStack, command: StoreCommand) -> None:
    """Do ``command`` now and put it on ``stack`` (on UserError nothing is pushed)."""
    command.first()
    stack.push(command)


class EditRecord(StoreCommand):
    """Change some fields of one record; consecutive edits of the same fields merge."""

    merges = True  # unless ``mergeable`` says otherwise

    def __init__(
        self,
        store: Store,
        cls: type[Record],
        record_id: str,
        old: dict[str, Any],
        new: dict[str, Any],
        text: str,
        mergeable: bool | None = None,
    ) -> None:
        super().__init__(store, text)
        self.cls = cls
        self.record_id = record_id
        self.old = old
        self.new = new
        self.mergeable = self.merges if mergeable is None else mergeable

    @classmethod
    def of_field(
        cls, store: Store, kind: type[Record], record_id: str, field: str, old: Any, new: Any
    ) -> EditRecord:
        """One field of a record edited in a form: "Cofnij zmianę pola „Nazwa”"."""
        from app.services.fields import FIELDS

        label = _(FIELDS[kind][field].label)
        text = _("zmianę pola „{field}”").format(field=label)
        return cls(store, kind, record_id, {field: old}, {field: new}, text)

    def do(self) -> None:
        records.update(self.store, self.cls, self.record_id, **self.new)

    def undo_step(self) -> None:
        records.update(self.store, self.cls, self.record_id, **self.old)

    def id(self) -> int:
        return _MERGE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, EditRecord)
            and other.mergeable
            and other.cls is self.cls
            and other.record_id == self.record_id
            and set(other.new) == set(self.new)
        ):
            return False
        self.new = other.new
        return True


class CreateRecord(StoreCommand):
    def __init__(
        self,
        store: Store,
        cls: type[Record],
        parent_id: str | None,
        values: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(store, text)
        self.cls = cls
        self.parent_id = parent_id
        self.values = values
        self.record_id: str | None = None
        self._stamp: records.Deletion | None = None

    def first(self) -> None:
        record = records.create(self.store, self.cls, self.parent_id, **self.values)
        self.record_id = record.id

    def do(self) -> None:
        assert self.record_id is not None and self._stamp is not None
        records.restore(self.store, self.cls, self.record_id, self._stamp)

    def undo_step(self) -> None:
        assert self.record_id is not None
        self._stamp = records.delete(self.store, self.cls, self.record_id)


class DeleteRecord(StoreCommand):
    def __init__(self, store: Store, cls: type[Record], record_id: str, text: str) -> None:
        super().__init__(store, text)
        self.cls = cls
        self.record_id = record_id
        self._stamp: records.Deletion | None = None

    @property
    def deletion(self) -> records.Deletion | None:
        return self._stamp

    def do(self) -> None:
        self._stamp = records.delete(self.store, self.cls, self.record_id)

    def undo_step(self) -> None:
        assert self._stamp is not None
        records.restore(self.store, self.cls, self.record_id, self._stamp)


class MoveRecord(StoreCommand):
    def __init__(
        self,
        store: Store,
        cls: type[Record],
        record_id: str,
        old: tuple[str, int],
        new: tuple[str, int],
        text: str,
    ) -> None:
        super().__init__(store, text)
        self.cls = cls
        self.record_id = record_id
        self.old = old  # (parent id, index)
        self.new = new

    def do(self) -> None:
        records.move(self.store, self.cls, self.record_id, self.new[1], self.new[0])

    def undo_step(self) -> None:
        records.move(self.store, self.cls, self.record_id, self.old[1], self.old[0])


class CallCommand(StoreCommand):
    """An edit done by two plain functions (e.g. linking schools to an action)."""

    def __init__(self, store: Store, do: Callable[[], None], undo: Callable[[], None], text: str):
        super().__init__(store, text)
        self._do = do
        self._undo = undo

    def do(self) -> None:
        self._do()

    def undo_step(self) -> None:
        self._undo()
