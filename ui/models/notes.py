"""The journal's list: one row per monitoring note, newest first (as the core gives them).

Rows come from :func:`app.services.journal.list_notes`; the "Powiązanie" column
from :func:`app.services.journal.link_labels`. A note edited elsewhere is
replaced in place (:meth:`NoteTableModel.update_note`) so an edit never makes
the row being edited vanish from a filtered list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.i18n import _
from app.model import MonitoringNote, NoteKind
from app.services import journal
from app.services.links import Link, shorten
from ui.formatting import show_date
from ui.models.records import ID_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex

DATE, KIND, TITLE, LINK, AUTHOR, FOLLOW_UP = range(6)
COLUMN_COUNT = 6
OVERDUE_COLOUR = "#b00020"
DONE_COLOUR = "#2e7d32"
# A soft tint per kind, so a column of kinds can be scanned; the text says the kind too.
KIND_COLOURS: dict[NoteKind, str] = {
    NoteKind.PROGRESS: "#e3f3e6",
    NoteKind.RISK: "#fbe3d3",
    NoteKind.PROBLEM: "#f9dcdc",
    NoteKind.GOOD_PRACTICE: "#dcebf9",
    NoteKind.RECOMMENDATION: "#efe3f7",
    NoteKind.DECISION: "#ebebeb",
}


def headers() -> list[str]:
    return [_("Data"), _("Rodzaj"), _("Notatka"), _("Powiązanie"), _("Autor"), _("Dalsze kroki")]


def note_title(note: MonitoringNote) -> str:
    """The title, or the beginning of the text when there is none."""
    return note.title or shorten(note.text or "", 90)


def follow_up_text(note: MonitoringNote, today: date) -> str:
    if not journal.has_open_follow_up(note):
        return _("wykonane") if note.follow_up_done and note.follow_up else ""
    if note.follow_up_due is None:
        return _("otwarte")
    if journal.is_follow_up_overdue(note, today):
        return _("po terminie ({date})").format(date=show_date(note.follow_up_due))
    return _("do {date}").format(date=show_date(note.follow_up_due))


class NoteTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._notes: list[MonitoringNote] = []
        self._labels: dict[Link, str] = {}
        self.today = date.today()

    def set_notes(self, notes: Sequence[MonitoringNote], labels: Mapping[Link, str]) -> None:
        self.beginResetModel()
        self._notes = list(notes)
        self._labels = dict(labels)
        self.endResetModel()

    def update_note(self, note: MonitoringNote, labels: Mapping[Link, str]) -> bool:
        """Show the new state of a note already listed; False when it is not listed."""
        row = self.row_of(note.id)
        if row < 0:
            return False
        self._notes[row] = note
        self._labels.update(labels)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        return True

    def note_at(self, row: int) -> MonitoringNote | None:
        return self._notes[row] if 0 <= row < len(self._notes) else None

    def find(self, note_id: str) -> MonitoringNote | None:
        return self.note_at(self.row_of(note_id))

    def row_of(self, note_id: str) -> int:
        for row, note in enumerate(self._notes):
            if note.id == note_id:
                return row
        return -1

    def link_label(self, note: MonitoringNote) -> str:
        if not (note.link_type and note.link_id):
            return ""
        return self._labels.get((note.link_type, note.link_id), "")

    # -- Qt ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._notes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section] if 0 <= section < COLUMN_COUNT else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        note = self.note_at(index.row()) if index.isValid() else None
        if note is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(note, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(note, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == KIND:
            return QColor(KIND_COLOURS[NoteKind(note.kind)])
        if role == Qt.ItemDataRole.ForegroundRole and column == KIND:
            return QColor("#202020")
        if role == Qt.ItemDataRole.ForegroundRole and column == FOLLOW_UP:
            return self._follow_up_colour(note)
        if role == ID_ROLE:
            return note.id
        if role == SORT_ROLE:
            return self._sort_key(note, column)
        return None

    def _display(self, note: MonitoringNote, column: int) -> str:
        if column == DATE:
            return show_date(note.noted_on)
        if column == KIND:
            return NoteKind(note.kind).label
        if column == TITLE:
            return note_title(note)
        if column == LINK:
            return self.link_label(note)
        if column == AUTHOR:
            return note.author or ""
        return follow_up_text(note, self.today)

    def _tooltip(self, note: MonitoringNote, column: int) -> str | None:
        if column == TITLE:
            return shorten(note.text or "", 600)
        if column == LINK:
            return self.link_label(note) or None
        if column == FOLLOW_UP and note.follow_up:
            return note.follow_up
        return None

    def _follow_up_colour(self, note: MonitoringNote) -> QColor | None:
        if journal.is_follow_up_overdue(note, self.today):
            return QColor(OVERDUE_COLOUR)
        if note.follow_up_done and note.follow_up:
            return QColor(DONE_COLOUR)
        return None

    def _sort_key(self, note: MonitoringNote, column: int) -> Any:
        if column == DATE:
            return f"{note.noted_on.isoformat()} {note.created_at.isoformat()}"
        if column == FOLLOW_UP:
            if not journal.has_open_follow_up(note):
                return float("inf")
            return (note.follow_up_due or date.max).toordinal()
        return self._display(note, column).casefold()
