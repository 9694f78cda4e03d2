"""The recommendations of one visit, editable in place (text, owner, due date, status, link).

A :class:`TableModel` of six columns; the cells' editors are in
:mod:`ui.widgets.recommendations_panel`.

The model never writes to the database: a valid edit goes to ``on_edit``
(the page turns it into an undoable command through the visits service); an
invalid one goes to ``on_error`` with the core's message and the old value
stays. Overdue recommendations (:func:`app.services.visits.is_overdue`) show
their due date with a warning sign and in red, so they stand out in greyscale
too; finished ones are greyed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from app.errors import UserError
from app.i18n import _
from app.model import Recommendation, RecommendationStatus
from app.services import links, validation, visits
from app.services.fields import FIELDS
from ui.formatting import OVERDUE_COLOUR, OVERDUE_MARK, show, show_date
from ui.models.table import TOOLTIP_FROM, Column, TableModel

EditHandler = Callable[[str, dict[str, Any], dict[str, Any]], None]  # (id, old, new)
ErrorHandler = Callable[[UserError], None]

TEXT, OWNER, DUE, STATUS, NOTE, LINK = range(6)
FIELD_NAMES = ("text", "owner", "due_date", "status", "status_note", "link")
FINISHED_COLOUR = "#6b6b6b"


def headers() -> list[str]:
    return [
        _("Zalecenie"),
        _("Odpowiedzialny"),
        _("Termin"),
        _("Status"),
        _("Komentarz do statusu"),
        _("Dotyczy"),
    ]


def due_text(recommendation: Recommendation, today: date) -> str:
    """``⚠ 31.03.2026`` for an overdue one; the plain date otherwise."""
    text = show_date(recommendation.due_date)
    return f"{OVERDUE_MARK} {text}" if visits.is_overdue(recommendation, today) else text


class RecommendationTableModel(TableModel[Recommendation]):
    """The rows of one visit; editable when there is an ``on_edit`` to take the changes."""

    def __init__(
        self, on_edit: EditHandler | None = None, on_error: ErrorHandler | None = None
    ) -> None:
        self.on_edit = on_edit
        self.today = date.today()
        self.link_labels: dict[str, str] = {}  # link key → label
        super().__init__(self._columns(), on_error=on_error)

    def _columns(self) -> list[Column[Recommendation]]:
        titles = headers()
        return [
            self._column(titles[TEXT], TEXT, display=lambda r: " ".join(r.text.split())),
            self._column(titles[OWNER], OWNER),
            self._column(
                titles[DUE],
                DUE,
                display=lambda r: due_text(r, self.today),
                sort=lambda r: r.due_date.isoformat() if r.due_date else "",
                tooltip=self._due_tip,
            ),
            self._column(
                titles[STATUS],
                STATUS,
                display=lambda r: RecommendationStatus(r.status or "open").label,
            ),
            self._column(titles[NOTE], NOTE),
            self._column(titles[LINK], LINK, display=self._link),
        ]

    def _column(
        self,
        header: str,
        column: int,
        display: Callable[[Recommendation], str] | None = None,
        sort: Callable[[Recommendation], Any] | None = None,
        tooltip: Callable[[Recommendation], str | None] | None = None,
    ) -> Column[Recommendation]:
        def value(row: Recommendation) -> Any:
            return _raw(row, column)

        def edit(row: Recommendation, new_value: Any) -> None:
            old, new = _change(row, column, new_value)
            if old != new and self.on_edit is not None:
                self.on_edit(row.id, old, new)

        return Column(
            header,
            value,
            display=display or (lambda r: show(value(r))),
            sort=sort or (lambda r: str(value(r) or "").casefold()),
            tooltip=tooltip,
            edit=edit if self.on_edit is not None else None,
        )

    def set_link_targets(self, targets: Sequence[links.LinkTarget]) -> None:
        self.link_labels = {t.key: t.label for t in targets}

    def _link(self, row: Recommendation) -> str:
        key = _raw(row, LINK)
        if not key:
            return ""
        return self.link_labels.get(key) or _("(element usunięty)")

    def _due_tip(self, row: Recommendation) -> str | None:
        if self._overdue(row):
            return _("Termin minął {date}, a zalecenie nie jest wykonane.").format(
                date=show_date(row.due_date)
            )
        text = due_text(row, self.today)
        return text if len(text) > TOOLTIP_FROM else None

    def _overdue(self, row: Recommendation) -> bool:
        return visits.is_overdue(row, self.today)

    def extra(self, row: Recommendation, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if not visits.is_open(row.status):
                return QColor(FINISHED_COLOUR)
            if column == DUE and self._overdue(row):
                return QColor(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and column == DUE and self._overdue(row):
            bold = QFont()
            bold.setBold(True)
            return bold
        return None


def _raw(row: Recommendation, column: int) -> Any:
    """What an editor of ``column`` starts from: a link key, a status value, a field."""
    if column == LINK:
        return f"{row.link_type}:{row.link_id}" if row.link_type and row.link_id else ""
    if column == STATUS:
        return getattr(row.status, "value", row.status) or "open"
    return getattr(row, FIELD_NAMES[column])


def _change(row: Recommendation, column: int, value: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fields that change (old and new values), checked by the core's rules."""
    if column == LINK:
        link = links.parse_key(value if isinstance(value, str) else None)
        new = {"link_type": link[0] if link else None, "link_id": link[1] if link else None}
        return {"link_type": row.link_type, "link_id": row.link_id}, new
    name = FIELD_NAMES[column]
    cleaned = validation.clean_value(name, FIELDS[Recommendation][name], value)
    return {name: _raw(row, column)}, {name: getattr(cleaned, "value", cleaned)}
