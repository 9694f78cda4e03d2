"""The closed school years' tables: the list of closed years and, in the snapshot viewer,
each part of a closed year as the read-only rows of text the core gives."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.exchange.describe import moment
from app.i18n import _
from app.reports.dates import long_date
from app.services.snapshot_view import Table
from app.services.snapshots import Snapshot
from ui.models.table import RIGHT, Column, TableModel, no_tip

Line = tuple[str, ...]


def snapshot_columns() -> list[Column[Snapshot]]:
    return [
        Column(_("Rok szkolny"), lambda s: s.label, sort=lambda s: s.school_year),
        Column(_("Stan"), lambda s: s.status.label),
        Column(
            _("Stan danych na"), lambda s: long_date(s.as_of), sort=lambda s: s.as_of.isoformat()
        ),
        Column(_("Zamknięto"), lambda s: moment(s.taken_at), sort=lambda s: s.taken_at.isoformat()),
        Column(_("Kto zamknął"), lambda s: s.author or "—"),
    ]


class SnapshotListModel(TableModel[Snapshot]):
    def __init__(self) -> None:
        super().__init__(snapshot_columns())


def _text_at(column: int) -> Any:
    return lambda line: line[column]


class PartModel(TableModel[Line]):
    """One part of a closed year (schools, indicators, …): its headers and rows of text.
    A number is right-aligned (not a date, not the first column)."""

    def __init__(self, part: Table) -> None:
        columns = [Column[Line](h, _text_at(c), tooltip=no_tip) for c, h in enumerate(part.headers)]
        super().__init__(columns, row_id=lambda line: "\t".join(line))
        self._rows = list(part.rows)

    def extra(self, row: Line, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and is_number(row[column]) and column > 0:
            return RIGHT
        return None


def is_number(text: str) -> bool:
    return text[:1].isdigit() and not _is_date(text)


def _is_date(text: str) -> bool:
    return len(text) == 10 and text[2] == "." and text[5] == "."
