"""EditRecord.of_field: one form field's undoable edit, named after the field."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from app.errors import UserError
from app.model import Municipality
from app.services import records
from app.storage.store import Store
from ui.commands import EditRecord, push


def test_a_field_edit_is_undone_and_redone_against_a_real_store(store: Store) -> None:
    place = records.create(store, Municipality, name="Gmina Łąka", kind="rural")
    stack = QUndoStack()
    command = EditRecord.of_field(store, Municipality, place.id, "name", "Gmina Łąka", "Gmina Żyto")
    assert command.text() == "zmianę pola „Nazwa”"
    push(stack, command)
    assert records.get(store, Municipality, place.id).name == "Gmina Żyto"
    stack.undo()
    assert records.get(store, Municipality, place.id).name == "Gmina Łąka"
    stack.redo()
    assert records.get(store, Municipality, place.id).name == "Gmina Żyto"


def test_a_refused_value_lands_nowhere(store: Store) -> None:
    place = records.create(store, Municipality, name="Gmina Łąka", kind="rural")
    stack = QUndoStack()
    with pytest.raises(UserError):
        push(stack, EditRecord.of_field(store, Municipality, place.id, "name", "Gmina Łąka", ""))
    assert stack.count() == 0
    assert records.get(store, Municipality, place.id).name == "Gmina Łąka"
