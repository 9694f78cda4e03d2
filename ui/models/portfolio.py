"""The advisor's portfolio: one row per municipality with the overview's signals."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app import units
from app.enums import IndicatorStatus
from app.i18n import _
from app.services.overview_signals import (
    QUIET_DAYS,
    WEIGHTS,
    PortfolioRow,
    Signals,
)
from ui.formatting import OVERDUE_MARK, show_date, show_percent
from ui.models.roles import ATTENTION_ROLE as ATTENTION_ROLE
from ui.models.roles import RECORD_TYPE_ROLE as RECORD_TYPE_ROLE
from ui.models.table import Column, TableModel

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
WARNING_BACKGROUND = "#fbe3e3"
CAUTION_BACKGROUND = "#fdf0c8"


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
# The columns a narrow table folds first (the name and the attention score never fold).
PORTFOLIO_FOLDING = (
    ACTIONS_DONE,
    HDR_DONE,
    RECOMMENDATIONS_OPEN,
    STALE,
    LAST_NOTE,
    AT_RISK,
    HIGH_RISKS,
    LAST_VISIT,
    RECOMMENDATIONS_LATE,
)


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


class PortfolioModel(TableModel[PortfolioRow]):
    """One row per municipality with the overview's signals; sorted by the view's proxy."""

    def __init__(self) -> None:
        self.current_id: str | None = None  # the municipality chosen in the window
        super().__init__(self._columns(), row_id=lambda row: row.municipality_id)

    def _columns(self) -> list[Column[PortfolioRow]]:
        headers, tips = portfolio_headers(), portfolio_tooltips()
        return [
            self._column(column, headers[column], tips.get(column, headers[column]))
            for column in range(COLUMN_COUNT)
        ]

    def _column(self, column: int, header: str, tip: str) -> Column[PortfolioRow]:
        def value(row: PortfolioRow) -> Any:
            return self.value(row, column)

        def text(row: PortfolioRow) -> str:
            return self.text(row, column)

        def order(row: PortfolioRow) -> Any:
            return _order(self.value(row, column))

        def tooltip(row: PortfolioRow) -> str | None:
            if column == NAME:
                return self.reasons(row)
            return attention_text(row.signals) if column == ATTENTION else None

        align = None if column == NAME else _CENTRE if column >= LAST_NOTE else _RIGHT
        return Column(header, value, text, align, order, tooltip, header_tooltip=tip)

    def extra(self, row: PortfolioRow, column: int, role: int) -> Any:
        if role == RECORD_TYPE_ROLE:
            return "municipality"
        if role == ATTENTION_ROLE:
            return row.attention
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column, self.value(row, column))
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row, column, self.value(row, column))
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
                else _("ostatnia notatka {days} temu").format(days=units.count(days, "day"))
            )
        return "\n".join([row.name, *lines]) if lines else row.name


def _order(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value if value is not None else -1


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
