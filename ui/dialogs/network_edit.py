"""Undoable adding and editing on the "Sieci i spotkania" page.

Every addition and every change goes through a command on the window's undo
stack (:mod:`ui.commands.networks`), so Edycja → Cofnij (Ctrl+Z) takes it back
like on the other pages. A dialog's OK runs the command's first step: a
:class:`UserError` stays in the dialog under its field and nothing is saved or
pushed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from app.i18n import _
from app.model import Record
from app.services import records
from ui.commands import push
from ui.commands.networks import AddToNetwork, EditNetworkRecord
from ui.context import EditorContext
from ui.dialogs.network_forms import Choices, RecordDialog
from ui.models.roles import ID_ROLE


def add(context: EditorContext, cls: type[Record], make: Callable[[], Record], text: str) -> Record:
    """Do ``make`` as an undoable addition and return what it made."""
    command = AddToNetwork(context.store, cls, make, text)
    push(context.undo_stack, command)
    assert command.record is not None
    return command.record


def change(
    context: EditorContext, cls: type[Record], record_id: str, new: dict[str, Any], text: str
) -> Record | None:
    """Write the fields of ``new`` that differ from the stored ones, as one undoable step."""
    record = records.get(context.store, cls, record_id)
    old = {name: getattr(record, name) for name in new}
    changed = {name: value for name, value in new.items() if _differs(old[name], value)}
    if not changed:
        return record
    command = EditNetworkRecord(
        context.store, cls, record_id, {n: old[n] for n in changed}, changed, text
    )
    push(context.undo_stack, command)
    return records.get(context.store, cls, record_id)


def _differs(old: Any, new: Any) -> bool:
    blank: tuple[Any, ...] = (None, "", [])
    return not (old == new or (old in blank and new in blank))


def add_dialog(
    parent: QWidget,
    context: EditorContext,
    title: str,
    cls: type[Record],
    names: Sequence[str],
    make: Callable[[dict[str, Any]], Record],
    text: str,
    choices: Mapping[str, Choices] | None = None,
    values: Mapping[str, Any] | None = None,
) -> RecordDialog:
    """A dialog whose OK adds a record through ``make`` as one undoable step."""
    return RecordDialog(
        title,
        cls,
        names,
        lambda entered: add(context, cls, lambda: make(entered), text),
        choices=choices,
        values=values,
        parent=parent,
    )


def edit_dialog(
    parent: QWidget,
    context: EditorContext,
    title: str,
    cls: type[Record],
    record_id: str,
    names: Sequence[str],
    text: str,
    choices: Mapping[str, Choices] | None = None,
) -> RecordDialog:
    """A dialog showing the record's fields; OK saves what changed as one undoable step."""
    record = records.get(context.store, cls, record_id)
    return RecordDialog(
        title,
        cls,
        names,
        lambda entered: change(context, cls, record_id, entered, text),
        choices=choices,
        values={name: getattr(record, name) for name in names},
        parent=parent,
    )


# Asks, then deletes as an undoable step: (title, question, type, id, undo text) -> done.
Delete = Callable[[str, str, type[Record], str, str], bool]


def delete_row(table: QAbstractItemView, cls: type[Record], what: str, delete: Delete) -> bool:
    """Ask about the record of the table's chosen row (its first cell names it) and delete it."""
    current = table.currentIndex()
    chosen = current.data(ID_ROLE) if current.isValid() else None
    if not chosen:
        return False
    name = current.siblingAtColumn(0).data(Qt.ItemDataRole.DisplayRole)
    return delete(
        _("Usuwanie"),
        _("Usunąć „{name}”?\n\nMożna to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z).").format(
            name=name
        ),
        cls,
        str(chosen),
        _("usunięcie: {what}").format(what=_(what)),
    )
