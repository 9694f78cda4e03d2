"""The overview page's models: the lists behind each number, and the advisor's portfolio.

Rows come from :mod:`app.services.overview`; every row names the record it
stands for (``RECORD_TYPE_ROLE`` and ``ID_ROLE``) so a view can link to where it
lives. The models are filled without a window and tested that way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.enums import ActionStatus, IndicatorStatus
from app.i18n import _
from app.services.overview_signals import (
    HIGH_RISK,
    Item,
    MunicipalityOverview,
)
from ui.formatting import OVERDUE_COLOUR, OVERDUE_MARK, show, show_date, show_month
from ui.models.roles import ATTENTION_ROLE as ATTENTION_ROLE
from ui.models.roles import RECORD_TYPE_ROLE as RECORD_TYPE_ROLE
from ui.models.table import Column, TableModel

Index = QModelIndex | QPersistentModelIndex


# -- the lists -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemColumn(Column[Item]):
    """A column of an overview list: every cell's tooltip tells the whole item."""

    tooltip: Callable[[Item], str | None] | None = field(default=lambda item: details(item))
    warn: Callable[[Item], bool] | None = None  # shown in red and bold when true
    stretch: bool = False  # the column that takes the spare width (the title)


def _when(item: Item) -> str:
    return show_date(item.when)


def _due(item: Item) -> str:
    text = show_date(item.when)
    return f"{OVERDUE_MARK} {text}" if item.overdue and text else text


def _iso(item: Item) -> str:
    return item.when.isoformat() if item.when else "9999"


def _status(item: Item) -> str:
    return show(item.status)


def _stale(item: Item) -> str:
    return f"{OVERDUE_MARK} " + _("nieaktualny") if item.stale else _("aktualny")


def _title(item: Item) -> str:
    return item.title


def _who(item: Item) -> str:
    return item.who or ""


def _score(item: Item) -> str:
    return str(item.score or "")


def _is_overdue(item: Item) -> bool:
    return item.overdue


def _high(item: Item) -> bool:
    return (item.score or 0) >= HIGH_RISK


def late_columns() -> list[ItemColumn]:
    """Overdue plan actions and HDR items."""
    return [
        ItemColumn(_("Działanie"), _title, stretch=True),
        ItemColumn(_("Koniec"), _month_or_day, sort=_iso, warn=_is_overdue),
        ItemColumn(_("Odpowiedzialni"), _who),
    ]


def _month_or_day(item: Item) -> str:
    text = show_month(item.when) if item.record_type == "schedule_item" else show_date(item.when)
    return f"{OVERDUE_MARK} {text}" if text else ""


def indicator_columns() -> list[ItemColumn]:
    return [
        ItemColumn(_("Wskaźnik"), _title, stretch=True),
        ItemColumn(_("Stan"), _status, sort=lambda i: _SEVERITY.get(i.status, 9), warn=_attention),
        ItemColumn(_("Aktualność"), _stale, sort=lambda i: not i.stale, warn=lambda i: i.stale),
    ]


_SEVERITY: dict[Any, int] = {IndicatorStatus.OFF_TRACK: 0, IndicatorStatus.AT_RISK: 1}


def _attention(item: Item) -> bool:
    return item.status is IndicatorStatus.OFF_TRACK


def recommendation_columns() -> list[ItemColumn]:
    return [
        ItemColumn(_("Zalecenie"), _title, stretch=True),
        ItemColumn(_("Termin"), _due, sort=_iso, warn=_is_overdue),
        ItemColumn(_("Odpowiedzialny"), _who),
    ]


def risk_columns() -> list[ItemColumn]:
    return [
        ItemColumn(_("Ryzyko"), _title, stretch=True),
        ItemColumn(_("P × W"), _score, sort=lambda i: -(i.score or 0), warn=_high),
        ItemColumn(_("Status"), _status),
    ]


def note_columns() -> list[ItemColumn]:
    return [
        ItemColumn(_("Data"), _when, sort=_iso),
        ItemColumn(_("Rodzaj"), _status),
        ItemColumn(_("Notatka"), _title, stretch=True),
        ItemColumn(_("Autor"), _who),
    ]


def details(item: Item) -> str:
    """Everything the overview knows of an item, for its tooltip (lists show only some)."""
    lines = [item.title]
    labels = {
        "action": (_("Termin"), _("Odpowiedzialny")),
        "schedule_item": (_("Koniec"), _("Odpowiedzialni")),
        "indicator": (_("Ostatni pomiar"), ""),
        "recommendation": (_("Termin"), _("Odpowiedzialny")),
        "risk": (_("Data przeglądu"), _("Właściciel")),
        "monitoring_note": (_("Data"), _("Autor")),
    }
    when_label, who_label = labels.get(item.record_type, (_("Data"), ""))
    if item.when is not None:
        lines.append(f"{when_label}: {show_date(item.when)}")
    if item.who and who_label:
        lines.append(f"{who_label}: {item.who}")
    if item.status is not None:
        lines.append(_("Status: {status}").format(status=show(item.status)))
    if item.score is not None:
        lines.append(_("Prawdopodobieństwo × wpływ: {score}").format(score=item.score))
    if item.stale:
        lines.append(_("Brak pomiaru na czas (nieaktualny)."))
    lines.append(_("Dwuklik lub Enter: przejdź do tego miejsca."))
    return "\n".join(lines)


class ItemListModel(TableModel[Item]):
    """A list of overview items with the given columns; read-only."""

    def __init__(self, columns: Sequence[ItemColumn]) -> None:
        super().__init__(columns, row_id=lambda item: item.record_id)
        self.item_columns = list(columns)

    def set_items(self, items: Sequence[Item]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def extra(self, row: Item, column: int, role: int) -> Any:
        if role == RECORD_TYPE_ROLE:
            return row.record_type
        warn = self.item_columns[column].warn
        if warn is None or not warn(row):
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None


class OverviewModels:
    """One list model per section of the overview page, filled from one overview."""

    def __init__(self) -> None:
        self.overview: MunicipalityOverview | None = None
        self.late = ItemListModel(late_columns())
        self.indicators = ItemListModel(indicator_columns())
        self.recommendations = ItemListModel(recommendation_columns())
        self.risks = ItemListModel(risk_columns())
        self.notes = ItemListModel(note_columns())

    def set_overview(self, overview: MunicipalityOverview | None) -> None:
        self.overview = overview
        if overview is None:
            for model in self.all():
                model.set_items([])
            return
        late = sorted(
            (*overview.overdue_schedule_items, *overview.overdue_actions),
            key=lambda i: i.when or date.max,
        )
        self.late.set_items(late)
        self.indicators.set_items(overview.indicators)
        self.recommendations.set_items(overview.recommendations)
        self.risks.set_items(overview.top_risks)
        self.notes.set_items(overview.latest_notes)

    def all(self) -> list[ItemListModel]:
        return [self.late, self.indicators, self.recommendations, self.risks, self.notes]


# -- chart segments ------------------------------------------------------------------------

ACTION_COLOURS: dict[ActionStatus, tuple[str, bool, str]] = {
    ActionStatus.DONE: ("#1f5f2a", False, "#ffffff"),
    ActionStatus.IN_PROGRESS: ("#4f8fcf", False, "#ffffff"),
    ActionStatus.PLANNED: ("#c9d3df", False, "#1a1a1a"),
    ActionStatus.DELAYED: ("#d9822b", True, "#1a1a1a"),
    ActionStatus.DROPPED: ("#efefef", False, "#1a1a1a"),
}
INDICATOR_COLOURS: dict[IndicatorStatus, tuple[str, bool, str]] = {
    IndicatorStatus.ACHIEVED: ("#1f5f2a", False, "#ffffff"),
    IndicatorStatus.ON_TRACK: ("#6fb07a", False, "#1a1a1a"),
    IndicatorStatus.AT_RISK: ("#f2c14e", True, "#1a1a1a"),
    IndicatorStatus.OFF_TRACK: ("#b3261e", True, "#ffffff"),
    IndicatorStatus.NO_DATA: ("#e4e4e4", False, "#1a1a1a"),
}
ON_TIME_COLOUR = ("#4f8fcf", False, "#ffffff")
LATE_COLOUR = ("#b3261e", True, "#ffffff")
