"""A page whose editor is not built yet: says so honestly and shows what the data holds."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.i18n import _
from app.services.municipalities import summaries
from ui.pages.base import Page
from ui.widgets.empty_state import EmptyState


class PendingPage(Page):
    def __init__(self, key: str, title: str, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._title = title
        self._purpose = purpose
        self._empty = EmptyState(title, purpose)
        layout = QVBoxLayout(self)
        layout.addWidget(self._empty)

    def title(self) -> str:
        return self._title

    def reload(self) -> None:
        text = (
            self._purpose
            + "\n\n"
            + _(
                "Ta część programu nie jest jeszcze gotowa w tej wersji. Dane tej JST są "
                "bezpiecznie zapisane i będą tu widoczne."
            )
        )
        if self.store is not None and self.municipality_id is not None:
            found = [s for s in summaries(self.store) if s.municipality.id == self.municipality_id]
            if found:
                s = found[0]
                text += "\n\n" + _(
                    "W danych: plany {plans}, HDR {schedules}, wizyty {visits}, szkoły {schools}, "
                    "notatki {notes}."
                ).format(
                    plans=len(s.plans),
                    schedules=len(s.schedules),
                    visits=len(s.visits),
                    schools=s.school_count,
                    notes=s.note_count,
                )
        self._empty.set_text(self._title, text)
