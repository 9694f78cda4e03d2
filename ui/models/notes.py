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

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.i18n import _
from app.model import MonitoringNote, NoteKind
from app.services import journal
from app.services.links import Link, shorten
from ui.formatting import show_date
from ui.models.table import Column, TableModel, no_tip

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


class NoteTableModel(TableModel[MonitoringNote]):
    def __init__(self) -> None:
        self._labels: dict[Link, str] = {}
        self.today = date.today()
        super().__init__(self._columns())

    def _columns(self) -> list[Column[MonitoringNote]]:
        titles = headers()
        return [
            Column(
                titles[DATE],
                lambda n: n.noted_on,
                sort=lambda n: f"{n.noted_on.isoformat()} {n.created_at.isoformat()}",
                tooltip=no_tip,
            ),
            Column(titles[KIND], lambda n: NoteKind(n.kind).label, tooltip=no_tip),
            Column(titles[TITLE], note_title, tooltip=lambda n: shorten(n.text or "", 600)),
            Column(titles[LINK], self.link_label, tooltip=lambda n: self.link_label(n) or None),
            Column(titles[AUTHOR], lambda n: n.author or "", tooltip=no_tip),
            Column(
                titles[FOLLOW_UP],
                lambda n: follow_up_text(n, self.today),
                sort=_follow_up_order,
                tooltip=lambda n: n.follow_up or None,
            ),
        ]

    def set_notes(self, notes: Sequence[MonitoringNote], labels: Mapping[Link, str]) -> None:
        self._labels = dict(labels)
        self.beginResetModel()
        self._rows = list(notes)
        self.endResetModel()

    def update_note(self, note: MonitoringNote, labels: Mapping[Link, str]) -> bool:
        """Show the new state of a note already listed; False when it is not listed."""
        row = self.row_of(note.id)
        if row < 0:
            return False
        self._rows[row] = note
        self._labels.update(labels)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        return True

    def link_label(self, note: MonitoringNote) -> str:
        if not (note.link_type and note.link_id):
            return ""
        return self._labels.get((note.link_type, note.link_id), "")

    def extra(self, row: MonitoringNote, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == KIND:
            return QColor(KIND_COLOURS[NoteKind(row.kind)])
        if role == Qt.ItemDataRole.ForegroundRole and column == KIND:
            return QColor("#202020")
        if role == Qt.ItemDataRole.ForegroundRole and column == FOLLOW_UP:
            return self._follow_up_colour(row)
        return None

    def _follow_up_colour(self, note: MonitoringNote) -> QColor | None:
        if journal.is_follow_up_overdue(note, self.today):
            return QColor(OVERDUE_COLOUR)
        if note.follow_up_done and note.follow_up:
            return QColor(DONE_COLOUR)
        return None


def _follow_up_order(note: MonitoringNote) -> float:
    if not journal.has_open_follow_up(note):
        return float("inf")
    return (note.follow_up_due or date.max).toordinal()
