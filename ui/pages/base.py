"""What every page of the main window has: a title and the municipality it shows."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.changes import Change
from app.storage.store import Store
from ui.context import EditorContext


class Page(QWidget):
    """A page of the main window; it reads data through the core's services only."""

    key = "page"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: EditorContext | None = None
        self.municipality_id: str | None = None

    @property
    def store(self) -> Store | None:
        return self.context.store if self.context is not None else None

    def title(self) -> str:
        raise NotImplementedError

    def show_municipality(self, context: EditorContext, municipality_id: str | None) -> None:
        self.flush()
        self.context = context
        self.municipality_id = municipality_id
        self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows from the store."""

    def on_change(self, change: Change) -> None:
        """The core reports a change (an edit here, an undo, another page)."""

    def flush(self) -> None:
        """Save anything still being typed (before switching or closing)."""
