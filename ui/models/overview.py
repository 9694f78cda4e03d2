"""The overview page's models: the lists behind each number, and the advisor's portfolio.

Rows come from :mod:`app.services.overview`; every row names the record it
stands for (``RECORD_TYPE_ROLE`` and ``ID_ROLE``) so a view can link to where it
lives. The models are filled without a window and tested that way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.i18n import _
from app.model import ActionStatus, IndicatorStatus
from app.services.overview import (
    HIGH_RISK,
    QUIET_DAYS,
    WEIGHTS,
    Item,
    MunicipalityOverview,
    PortfolioRow,
    Signals,
)
from ui.formatting import show, show_date, show_month, show_percent
from ui.models.recommendations import OVERDUE_COLOUR, OVERDUE_MARK
from ui.models.records import ID_ROLE, SORT_ROLE
from ui.models.roles import ATTENTION_ROLE as ATTENTION_ROLE
from ui.models.roles import RECORD_TYPE_ROLE as RECORD_TYPE_ROLE

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
WARNING_BACKGROUND = "#fbe3e3"
CAUTION_BACKGROUND = "#fdf0c8"


# -- the lists -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemColumn:
    header: str
    text: Callable[[Item], str]
    sort: Callable[[Item], Any] | None = None
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
        ItemColumn(_("Koniec"), _month_or_day, _iso, _is_overdue),
        ItemColumn(_("Odpowiedzialni"), _who),
    ]


def _month_or_day(item: Item) -> str:
    text = show_month(item.when) if item.record_type == "schedule_item" else show_date(item.when)
    return f"{OVERDUE_MARK} {text}" if text else ""


def indicator_columns() -> list[ItemColumn]:
    return [
        ItemColumn(_("Wskaźnik"), _title, stretch=True),
        ItemColumn(_("Stan"), _status, lambda i: _SEVERITY.get(i.status, 9), _attention),
        ItemColumn(_("Aktualność"), _stale, lambda i: not i.stale, lambda i: i.stale),
    ]


_SEVERITY: dict[Any, int] = {IndicatorStatus.OFF_TRACK: 0, IndicatorStatus.AT_RISK: 1}


def _attention(item: Item) -> bool:
    return item.status is IndicatorStatus.OFF_TRACK


def recommendation_columns() -> list[ItemColumn]:
    return [
        ItemColumn(_("Zalecenie"), _title, stretch=True),
        ItemColumn(_("Termin"), _due, _iso, _is_overdue),
        ItemColumn(_("Odpowiedzialny"), _who),
    ]


def risk_columns() -> list[ItemColumn]:
    return [
        ItemColumn(_("Ryzyko"), _title, stretch=True),
        ItemColumn(_("P × W"), _score, lambda i: -(i.score or 0), _high),
        ItemColumn(_("Status"), _status),
    ]


def note_columns() -> list[ItemColumn]:
    return [
        ItemColumn(_("Data"), _when, _iso),
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
        "risk": (_("Przegląd"), _("Właściciel")),
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


class ItemListModel(QAbstractTableModel):
    """A list of overview items with the given columns; read-only."""

    def __init__(self, columns: Sequence[ItemColumn]) -> None:
        super().__init__()
        self.columns = list(columns)
        self._rows: list[Item] = []

    def set_items(self, items: Sequence[Item]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> Item | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return details(item)
        if role == ID_ROLE:
            return item.record_id
        if role == RECORD_TYPE_ROLE:
            return item.record_type
        if role == SORT_ROLE:
            return column.sort(item) if column.sort else column.text(item).casefold()
        warn = column.warn is not None and column.warn(item)
        if role == Qt.ItemDataRole.ForegroundRole and warn:
            return QColor(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and warn:
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


# -- the portfolio -------------------------------------------------------------------------

(
    NAME,
    ATTENTION,
    ACTIONS_DONE,
    ACTIONS_LATE,
    HDR_DONE,
    HDR_LATE,
    OFF_TRACK,
    AT_RISK,
    STALE,
    RECOMMENDATIONS_OPEN,
    RECOMMENDATIONS_LATE,
    HIGH_RISKS,
    LAST_NOTE,
    LAST_VISIT,
) = range(14)
COLUMN_COUNT = 14


def portfolio_headers() -> list[str]:
    return [
        _("JST"),
        _("Uwaga"),
        _("Plan %"),
        _("Działania po terminie"),
        _("HDR %"),
        _("HDR po terminie"),
        _("Wskaźniki poza planem"),
        _("Wskaźniki zagrożone"),
        _("Wskaźniki nieaktualne"),
        _("Zalecenia otwarte"),
        _("Zalecenia po terminie"),
        _("Ryzyka wysokie"),
        _("Ostatnia notatka"),
        _("Ostatnia wizyta"),
    ]


def portfolio_tooltips() -> dict[int, str]:
    return {
        ATTENTION: _(
            "Suma ważona problemów: wskaźnik poza planem 3, zagrożony 1, nieaktualny 1, "
            "pozycja HDR po terminie 2, działanie po terminie 1, zalecenie po terminie 2, "
            "wysokie ryzyko 3, brak notatek od ponad 90 dni 2."
        ),
        HIGH_RISKS: _("Otwarte ryzyka z iloczynem prawdopodobieństwa i wpływu od 15 (na 25)."),
        ACTIONS_DONE: _("Zrealizowane działania planu (procent niezaniechanych)."),
        HDR_DONE: _("Zrealizowane pozycje HDR (procent niezaniechanych)."),
        STALE: _("Wskaźniki bez pomiaru dłużej, niż wynosi ich częstotliwość pomiaru."),
    }


# Columns where any number above zero is a problem (tinted, bold).
_PROBLEMS = {ACTIONS_LATE, HDR_LATE, OFF_TRACK, RECOMMENDATIONS_LATE, HIGH_RISKS}
_CAUTIONS = {AT_RISK, STALE}


class PortfolioModel(QAbstractTableModel):
    """One row per municipality with the overview's signals; sorted by the view's proxy."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PortfolioRow] = []
        self.current_id: str | None = None  # the municipality chosen in the window

    def set_rows(self, rows: Sequence[PortfolioRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PortfolioRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, municipality_id: str) -> int:
        return next(
            (i for i, r in enumerate(self._rows) if r.municipality_id == municipality_id), -1
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return portfolio_headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return portfolio_tooltips().get(section, portfolio_headers()[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        value = self.value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == SORT_ROLE:
            if isinstance(value, date):
                return value.isoformat()
            return value if value is not None else -1
        if role in (ID_ROLE, RECORD_TYPE_ROLE):
            return row.municipality_id if role == ID_ROLE else "municipality"
        if role == ATTENTION_ROLE:
            return row.attention
        if role == Qt.ItemDataRole.TextAlignmentRole and column != NAME:
            return _RIGHT if column not in (LAST_NOTE, LAST_VISIT) else _CENTRE
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column, value)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row, column, value)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return self.reasons(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == ATTENTION:
            return attention_text(row.signals)
        return None

    def value(self, row: PortfolioRow, column: int) -> Any:
        s = row.signals
        values: dict[int, Any] = {
            NAME: row.name.casefold(),
            ATTENTION: row.attention,
            ACTIONS_DONE: s.actions_share_done if s.actions_total else None,
            ACTIONS_LATE: s.actions_overdue,
            HDR_DONE: s.hdr.share_done if s.hdr.total else None,
            HDR_LATE: s.hdr.overdue,
            OFF_TRACK: s.indicators.get(IndicatorStatus.OFF_TRACK, 0),
            AT_RISK: s.indicators.get(IndicatorStatus.AT_RISK, 0),
            STALE: s.indicators_stale,
            RECOMMENDATIONS_OPEN: s.recommendations_open,
            RECOMMENDATIONS_LATE: s.recommendations_overdue,
            HIGH_RISKS: s.risks_high,
            LAST_NOTE: s.last_note,
            LAST_VISIT: s.last_visit,
        }
        return values[column]

    def text(self, row: PortfolioRow, column: int) -> str:
        if column == NAME:
            return row.name
        value = self.value(row, column)
        if column in (ACTIONS_DONE, HDR_DONE):
            return "—" if value is None else show_percent(value)
        if column in (LAST_NOTE, LAST_VISIT):
            return show_date(value) if value else "—"
        if column in _PROBLEMS and value:
            return f"{OVERDUE_MARK} {value}"
        return str(value)

    def _background(self, row: PortfolioRow, column: int, value: Any) -> QColor | None:
        if column == ATTENTION:
            return _attention_colour(row.attention)
        if column in _PROBLEMS and value:
            return QColor(WARNING_BACKGROUND)
        if column in _CAUTIONS and value:
            return QColor(CAUTION_BACKGROUND)
        return None

    def _font(self, row: PortfolioRow, column: int, value: Any) -> QFont | None:
        current = row.municipality_id == self.current_id and column == NAME
        if (column in _PROBLEMS and value) or column == ATTENTION or current:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None

    def reasons(self, row: PortfolioRow) -> str:
        """Why the municipality needs attention, in words (the name's tooltip)."""
        s = row.signals
        found = [
            (s.indicators.get(IndicatorStatus.OFF_TRACK, 0), _("wskaźniki poza planem")),
            (s.indicators.get(IndicatorStatus.AT_RISK, 0), _("wskaźniki zagrożone")),
            (s.indicators_stale, _("wskaźniki nieaktualne")),
            (s.hdr.overdue, _("pozycje HDR po terminie")),
            (s.actions_overdue, _("działania planu po terminie")),
            (s.recommendations_overdue, _("zalecenia po terminie")),
            (s.risks_high, _("wysokie ryzyka")),
        ]
        lines = [f"{label}: {count}" for count, label in found if count]
        if s.quiet:
            days = s.days_since_note
            lines.append(
                _("brak notatek monitoringowych")
                if days is None
                else _("ostatnia notatka {days} dni temu").format(days=days)
            )
        return "\n".join([row.name, *lines]) if lines else row.name


def _attention_labels() -> dict[str, str]:
    return {
        "indicator_off_track": _("wskaźniki poza planem"),
        "indicator_at_risk": _("wskaźniki zagrożone"),
        "indicator_stale": _("wskaźniki nieaktualne"),
        "hdr_overdue": _("pozycje HDR po terminie"),
        "action_overdue": _("działania planu po terminie"),
        "recommendation_overdue": _("zalecenia po terminie"),
        "risk_high": _("wysokie ryzyka"),
        "quiet": _("brak notatek od ponad {days} dni").format(days=QUIET_DAYS),
    }


def attention_text(signals: Signals) -> str:
    """How the attention score adds up: ``wskaźniki poza planem: 2 × 3 pkt = 6``, one a line."""
    labels = _attention_labels()
    lines = [
        _("{label}: {count} × {weight} pkt = {points}").format(
            label=labels[name], count=count, weight=WEIGHTS[name], points=count * WEIGHTS[name]
        )
        for name, count in signals.attention_counts().items()
        if count
    ]
    total = _("Punkty uwagi: {score} — im więcej, tym pilniej warto zajrzeć do tej JST.").format(
        score=signals.attention
    )
    return "\n".join([total, *lines]) if lines else _("Punkty uwagi: 0 — nic nie wymaga uwagi.")


def _attention_colour(score: int) -> QColor | None:
    if score >= 15:
        return QColor("#f4c7c3")
    if score >= 6:
        return QColor(CAUTION_BACKGROUND)
    return None


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
