"""What every page of the main window (and every panel on a page's tabs) shares.

The life of a view over one municipality's data, written once:

* :meth:`LiveView.show_municipality` — the window chose a municipality; the view
  reads its data now if it is on screen, else it only marks itself *stale*;
* :meth:`LiveView.on_change` — the core's change bus reports an edit (here, an
  undo, another page): a visible view reloads once after the burst (a 0 ms
  timer gathers many changes into one reload), a hidden one marks itself stale;
* ``showEvent`` — a stale view reloads when it is shown again;
* :meth:`LiveView.refresh` — the one way to reload: it keeps the selected record
  (:meth:`current_id` / :meth:`select`) and the scroll position of the lists,
  and calls the subclass's :meth:`reload`.

So choosing a municipality costs the page on screen only, not all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

from app.changes import Change
from ui.widgets.tables import selected_id

if TYPE_CHECKING:
    from app.model.base import Record
    from app.storage.store import Store
    from ui.context import EditorContext


class LiveView(QWidget):
    """A view of one municipality's data that reloads only when it is seen."""

    # Record types whose changes concern this view; None: every change does.
    watched: frozenset[str] | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: EditorContext | None = None
        self.municipality_id: str | None = None
        self._stale = False
        self._reload_timer = QTimer(self, singleShot=True, interval=0)
        self._reload_timer.timeout.connect(self.refresh)

    @property
    def store(self) -> Store | None:
        return self.context.store if self.context is not None else None

    @property
    def stale(self) -> bool:
        """True when the data changed while the view was hidden (it reloads when shown)."""
        return self._stale

    # -- the lifecycle ------------------------------------------------------------------

    def show_municipality(self, context: EditorContext | None, municipality_id: str | None) -> None:
        self.flush()
        changed = municipality_id != self.municipality_id
        self.context = context
        self.municipality_id = municipality_id
        self.municipality_shown(changed)
        self.refresh_when_seen()

    def municipality_shown(self, changed: bool) -> None:
        """Hook: forget what belonged to the previous municipality (messages, filters)."""

    def refresh_when_seen(self) -> None:
        """Read the data now if the view is on screen, else when it is next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh_soon(self) -> None:
        """Reload once after the current burst of changes (or when next shown)."""
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._stale = True

    def defer_while_hidden(self) -> bool:
        """True when the view is hidden: it is marked stale and reloads when shown."""
        if self.isVisible():
            return False
        self._stale = True
        return True

    def watches(self, change: Change) -> bool:
        """Does ``change`` concern this view? (default: its record type is :attr:`watched`)."""
        return self.watched is None or change.record_type in self.watched

    def on_change(self, change: Change) -> None:
        """The core reports a change (an edit here, an undo, another page)."""
        if self.municipality_id is None or not self.watches(change):
            return
        self.refresh_soon()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Reload what the view shows, keeping the selected record and the scroll position."""
        self._reload_timer.stop()
        self._stale = False
        keep = self.current_id()
        scrolled = [(view, _scroll_of(view)) for view in self.kept_views()]
        self.reload()
        if keep is not None and self.current_id() != keep:
            self.select(keep)
        for view, (vertical, horizontal) in scrolled:
            view.verticalScrollBar().setValue(vertical)
            view.horizontalScrollBar().setValue(horizontal)
            current = view.currentIndex()
            if current.isValid():
                view.scrollTo(current)  # the selection stays in sight

    def reload(self) -> None:
        """Fill the view from the store (subclasses; called by :meth:`refresh` only)."""

    def flush(self) -> None:
        """Save anything still being typed (before switching or closing)."""

    # -- selection ------------------------------------------------------------------------

    def list_view(self) -> QAbstractItemView | None:
        """The list whose selected record and scroll position a reload keeps (if any)."""
        return None

    def current_id(self) -> str | None:
        """The id of the selected record, kept across a reload (None: nothing to keep)."""
        view = self.list_view()
        return selected_id(view) if view is not None else None

    def select(self, record_id: str) -> bool:
        """Select the record ``record_id``; False when it is not shown."""
        return False

    def kept_views(self) -> list[QAbstractItemView]:
        """The lists whose scroll position a reload keeps (default: :meth:`list_view`)."""
        view = self.list_view()
        return [view] if view is not None else []

    # -- deleting ---------------------------------------------------------------------------

    def delete_with_confirm(
        self, title: str, question: str, cls: type[Record], record_id: str, undo_text: str
    ) -> bool:
        """Save what is typed, ask ``question``; on Yes delete the record as an undoable step."""
        if self.context is None:
            return False
        self.flush()
        from ui.commands import DeleteRecord
        from ui.dialogs.confirm_delete import ask_delete, erase_from_backups_after

        erase_backups = ask_delete(self, title, question)
        if erase_backups is None:
            return False
        command = DeleteRecord(self.context.store, cls, record_id, undo_text)
        if not self.context.run(command):
            return False
        if erase_backups:
            erase_from_backups_after(self, self.context.store, command)
        return True


class Page(LiveView):
    """A page of the main window; it reads data through the core's services only."""

    key = "page"

    def title(self) -> str:
        raise NotImplementedError


def _scroll_of(view: QAbstractItemView) -> tuple[int, int]:
    return view.verticalScrollBar().value(), view.horizontalScrollBar().value()
