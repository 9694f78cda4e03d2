"""Indicators that need attention (off track, at risk, stale), or all of them, one row each.

Rows are :class:`app.services.attention.IndicatorCheck` values: the status and
the stale flag are computed by the core on the model's ``today``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.i18n import _
from app.services.attention import IndicatorCheck
from ui.formatting import show_date
from ui.models.indicators import (
    STALE_COLOUR,
    STALE_MARK,
    progress_text,
    stale_text,
    status_colours,
    with_unit,
)
from ui.models.table import RIGHT, Column, TableModel, no_tip

NAME, STATUS, LATEST, TARGET, STALE, ATTACHED_TO = range(6)
COLUMN_COUNT = 6


def headers() -> list[str]:
    return [
        _("Wskaźnik"),
        _("Stan"),
        _("Ostatni pomiar"),
        _("Wartość docelowa"),
        _("Aktualność"),
        _("Przypisany do"),
    ]


def latest_text(check: IndicatorCheck) -> str:
    latest = check.state.latest
    if latest is None:
        return ""
    value = with_unit(latest.value, check.indicator.unit)
    return _("{value} ({date})").format(value=value, date=show_date(latest.measured_on))


def _stale_text(check: IndicatorCheck) -> str:
    return f"{STALE_MARK} {_('nieaktualny')}" if check.state.stale else _("aktualny")


def _target_tip(check: IndicatorCheck) -> str | None:
    day = check.indicator.target_date
    return _("Do osiągnięcia do {date}").format(date=show_date(day)) if day else None


def _latest_order(check: IndicatorCheck) -> str:
    latest = check.state.latest
    return latest.measured_on.isoformat() if latest is not None else ""


def columns() -> list[Column[IndicatorCheck]]:
    titles = headers()
    return [
        Column(titles[NAME], lambda c: c.indicator.name, tooltip=lambda c: c.indicator.name),
        Column(
            titles[STATUS],
            lambda c: c.state.status.label,
            sort=lambda c: c.severity[0],
            tooltip=lambda c: f"{c.state.status.label}: {progress_text(c.state)}",
        ),
        Column(titles[LATEST], latest_text, sort=_latest_order, align=RIGHT, tooltip=no_tip),
        Column(
            titles[TARGET],
            lambda c: with_unit(c.indicator.target_value, c.indicator.unit),
            align=RIGHT,
            tooltip=_target_tip,
        ),
        Column(
            titles[STALE],
            _stale_text,
            sort=lambda c: 0 if c.state.stale else 1,
            tooltip=lambda c: stale_text(c.indicator, c.state) if c.state.stale else None,
        ),
        Column(
            titles[ATTACHED_TO], lambda c: c.attached_to, tooltip=lambda c: c.attached_to or None
        ),
    ]


class AttentionTableModel(TableModel[IndicatorCheck]):
    def __init__(self) -> None:
        super().__init__(columns(), row_id=lambda check: check.indicator.id)

    def set_checks(self, checks: Sequence[IndicatorCheck]) -> None:
        self.beginResetModel()
        self._rows = list(checks)
        self.endResetModel()

    def extra(self, row: IndicatorCheck, column: int, role: int) -> Any:
        background = role == Qt.ItemDataRole.BackgroundRole
        if not background and role != Qt.ItemDataRole.ForegroundRole:
            return None
        if column == STATUS:
            colours = status_colours(row.state.status)
            return colours[0] if background else colours[1]
        if column == STALE and row.state.stale and not background:
            return QColor(STALE_COLOUR)
        return None
