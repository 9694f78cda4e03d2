"""What every editor shares: the store, the undo stack, and how errors are shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from app.errors import UserError
from ui.errors import show_user_error

if TYPE_CHECKING:
    from app.storage.store import Store
    from ui.commands import StoreCommand


@dataclass
class EditorContext:
    store: Store
    undo_stack: QUndoStack
    window: QWidget | None = None

    def run(self, command: StoreCommand) -> bool:
        """Do and record ``command``; a UserError is shown in a dialog and nothing changes."""
        from ui.commands import push  # with the model behind it: not before the data layer

        try:
            push(self.undo_stack, command)
        except UserError as error:
            show_user_error(self.window, error)
            return False
        return True
