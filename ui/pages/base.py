"""What every page of the main window has: a title and the municipality it shows."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.storage.store import Store


class Page(QWidget):
    """A page of the main window; it reads data through the core's services only."""

    key = "page"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.municipality_id: str | None = None

    def title(self) -> str:
        raise NotImplementedError

    def show_municipality(self, store: Store, municipality_id: str | None) -> None:
        self.store = store
        self.municipality_id = municipality_id
        self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows from the store."""
