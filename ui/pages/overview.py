"""Przegląd: the chosen municipality at a glance, and the advisor's portfolio of all of them.

"Ta JST": four charts (plan actions, HDR items, indicators, recommendations by
status) and the lists behind them — overdue items, indicators needing
attention, open recommendations, top risks, latest notes. Each row links to
where it lives (double-click or Enter). "Portfel doradcy": one sortable row
per municipality with the same signals, the ones needing attention first;
double-click switches to that municipality.

Links go through the main window's ``navigate(page_key, record_type,
record_id)`` when it has one; otherwise the page switches the navigation to the
page and asks it to ``show_record(record_type, record_id)`` if it can.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Change
from app.enums import ActionStatus, IndicatorStatus
from app.errors import UserError
from app.i18n import _, ngettext
from app.reports.counts import counted
from app.services.first_look import FirstLook, YearlyLine
from app.services.overview_signals import MunicipalityOverview, Signals
from ui.formatting import escape, show_date, show_percent
from ui.models.overview import (
    LATE_COLOUR,
    ON_TIME_COLOUR,
    RECORD_TYPE_ROLE,
    OverviewModels,
)
from ui.models.portfolio import (
    ATTENTION,
    LAST_NOTE,
    LAST_VISIT,
    NAME,
    PORTFOLIO_FOLDING,
    PortfolioModel,
)
from ui.models.roles import ID_ROLE
from ui.pages.base import Page
from ui.pages.overview_parts import Card, Section, action_segments, indicator_segments, segment
from ui.record_jump import PAGE_OF
from ui.reference_day import ReferenceDay
from ui.widgets.card_grid import CardGrid
from ui.widgets.column_fit import fit_width
from ui.widgets.tables import make_table

if TYPE_CHECKING:
    from ui.pages.network_portfolio import PortfolioTab

# Where each kind of record lives: the key of its page in the main window.
NAME_WIDTH = 210  # the portfolio's municipality column
OVERVIEW_TAB, PORTFOLIO_TAB = range(2)
NextTerm = tuple[date, str] | None  # the plan's next date and what happens then


class OverviewPage(Page, ReferenceDay):
    key = "overview"
    link_activated = Signal(str, str, str)  # page key, record type, record id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview: MunicipalityOverview | None = None
        self._look: FirstLook | None = None  # shown until the store is open (start-up)
        # The yearly report's status regenerates every chapter (a few hundred ms on a
        # large store): it is kept per (municipality, day) of the store until the data change,
        # and when not kept it is worked out just after the page is filled and painted.
        self._yearly_known: dict[tuple[str, date], str] = {}
        self._yearly_store: object = None  # the store _yearly_known was read from
        self._yearly_timer = QTimer(self)
        self._yearly_timer.setSingleShot(True)
        self._yearly_timer.setInterval(0)
        self._yearly_timer.timeout.connect(self._show_yearly)
        self.models = OverviewModels()
        self.portfolio_model = PortfolioModel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_overview(), _("Ta JST"))
        # The portfolio is built when its tab is first shown: the start-up shows the overview.
        self.portfolio_page = QWidget()
        self.portfolio_table: QTableView | None = None
        self.visit_plan: PortfolioTab | None = None
        self.tabs.addTab(self.portfolio_page, _("Portfel doradcy"))
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # -- building -------------------------------------------------------------------------

    def _build_overview(self) -> QWidget:
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.yearly = QLabel()  # the yearly report's deadline and what it still lacks
        self.yearly.setWordWrap(True)
        self.yearly.linkActivated.connect(lambda _link: self.open_page("yearly_report"))
        self.cards = {
            "plan": Card(_("Działania planu"), _("Przejdź do planu"), "plan"),
            "hdr": Card(_("Pozycje HDR"), _("Przejdź do HDR"), "hdr"),
            "indicators": Card(_("Wskaźniki"), _("Przejdź do wskaźników"), "plan"),
            "recommendations": Card(_("Zalecenia doradcy"), _("Przejdź do wizyt"), "visits"),
        }
        for card in self.cards.values():
            card.link.linkActivated.connect(lambda _href, c=card: self.open_page(c.page_key))
        self.sections = {
            "late": Section(_("Po terminie"), self.models.late, _("Nic nie jest po terminie.")),
            "indicators": Section(
                _("Wskaźniki wymagające uwagi"),
                self.models.indicators,
                _("Wszystkie wskaźniki idą zgodnie z planem i są aktualne."),
            ),
            "recommendations": Section(
                _("Otwarte zalecenia"),
                self.models.recommendations,
                _("Nie ma otwartych zaleceń doradcy."),
            ),
            "risks": Section(
                _("Największe ryzyka"), self.models.risks, _("Nie ma otwartych ryzyk.")
            ),
            "notes": Section(
                _("Ostatnie notatki"),
                self.models.notes,
                _("Nie ma jeszcze notatek monitoringowych."),
            ),
        }
        for section in self.sections.values():
            section.table.activated.connect(lambda index, s=section: self._item_activated(s, index))
        charts = CardGrid(list(self.cards.values()))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        grid.addWidget(self.sections["late"], 0, 0)
        grid.addWidget(self.sections["indicators"], 0, 1)
        grid.addWidget(self.sections["recommendations"], 1, 0)
        grid.addWidget(self.sections["risks"], 1, 1)
        grid.addWidget(self.sections["notes"], 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        content = QWidget()
        box = QVBoxLayout(content)
        box.addWidget(self.heading)
        box.addWidget(self.subheading)
        box.addWidget(self.yearly)
        box.addWidget(charts)
        box.addLayout(grid)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _portfolio(self) -> QTableView:
        """The portfolio's table, the tab built on first use."""
        if self.portfolio_table is None:
            self._build_portfolio(self.portfolio_page)
        assert self.portfolio_table is not None
        return self.portfolio_table

    def _build_portfolio(self, page: QWidget) -> None:
        table, self.portfolio_proxy = make_table(
            self.portfolio_model, _("Portfel doradcy"), {}, self
        )
        table.setObjectName("portfolioTable")
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(table.fontMetrics().height() * 3 + 8)
        _fit_headers(header, self.portfolio_model)
        # Fourteen columns: on a narrow screen the lesser signals fold (the header menu
        # shows them again); the municipality's name stretches.
        fit_width(table, NAME, keep=(LAST_NOTE, LAST_VISIT), optional=PORTFOLIO_FOLDING)
        table.sortByColumn(ATTENTION, Qt.SortOrder.DescendingOrder)
        table.activated.connect(self._portfolio_activated)
        _column_menu(table, self.portfolio_model)
        self.portfolio_table = table
        self.portfolio_note = QLabel(
            _(
                "Wszystkie JST w tym pliku danych z tymi samymi sygnałami co przegląd; "
                "najpierw te, które najbardziej wymagają uwagi. Kliknij nagłówek, aby "
                "posortować; dwuklik lub Enter otwiera JST."
            )
        )
        self.portfolio_note.setWordWrap(True)
        # The plan of on-site visits per JST and the networks' coming meetings, below
        # (with the model behind them: the overview tab, shown at start-up, does without).
        from ui.pages.network_portfolio import PortfolioTab

        self.visit_plan = PortfolioTab()
        self.visit_plan.setObjectName("portfolioVisitPlan")
        parts = QSplitter(Qt.Orientation.Vertical)
        parts.setChildrenCollapsible(False)
        parts.addWidget(table)
        parts.addWidget(self.visit_plan)
        parts.setStretchFactor(0, 1)
        parts.setStretchFactor(1, 1)
        box = QVBoxLayout(page)
        box.addWidget(self.portfolio_note)
        box.addWidget(parts, 1)

    # -- what is shown --------------------------------------------------------------------

    def title(self) -> str:
        return _("Przegląd")

    def on_change(self, change: Change) -> None:
        """Everything a municipality holds shows here (the portfolio: of every one)."""
        self._yearly_known.clear()
        self.refresh_soon()

    def reload(self) -> None:
        if self.tabs.currentIndex() == PORTFOLIO_TAB:
            self._refresh_portfolio()
        else:
            self._refresh_overview()

    def show_first_look(self, look: FirstLook) -> None:
        """Show the overview as the program last left it, until the store is open.

        It is replaced by the store's own the next time the page is filled
        (:meth:`show_municipality` with the store's context).
        """
        self.municipality_id = look.overview.municipality_id
        self._look = look
        self.refresh()

    def _refresh_overview(self) -> None:
        if self.store is not None and self._look is not None:
            self._keep_yearly_of(self._look)
            self._look = None
        look = self._look
        if look is not None and look.overview.municipality_id == self.municipality_id:
            self._show(look.overview, look.next_term)
            self.yearly.setText(yearly_html(look.yearly) if look.yearly else "")
            return
        from app.services.overview import municipality_overview
        from app.services.strategy import next_evaluation_text

        overview = next_term = None
        if self.store is not None and self.municipality_id is not None:
            try:
                overview = municipality_overview(self.store, self.municipality_id, self.today)
                next_term = next_evaluation_text(self.store, self.municipality_id, self.today)
            except UserError:  # the municipality was deleted meanwhile
                overview = None
        self._show(overview, next_term)
        if overview is None:
            self.yearly.setText("")
            return
        if self._yearly_key() in self._yearly_known:
            self._show_yearly()
        else:  # worked out once the page is on screen (see __init__)
            self.yearly.setText("")
            self._yearly_timer.start()

    def _keep_yearly_of(self, look: FirstLook) -> None:
        """The store just opened is the file the look was taken of: its yearly line holds
        (worked out again, it would blank the line for a moment)."""
        key = self._yearly_key()
        if look.yearly is not None and key == (look.overview.municipality_id, look.today):
            self._yearly_known[key] = yearly_html(look.yearly)

    def _show(self, overview: MunicipalityOverview | None, next_term: NextTerm) -> None:
        self.overview = overview
        self.models.set_overview(overview)
        for section in self.sections.values():
            section.update_size()
        self._show_heading(overview, next_term)
        self._show_charts(overview.signals if overview else Signals(today=self.today))

    def _refresh_portfolio(self) -> None:
        from app.services.networks import networks
        from app.services.overview import portfolio

        table = self._portfolio()
        rows = portfolio(self.store, self.today) if self.store is not None else []
        self.portfolio_model.current_id = self.municipality_id
        self.portfolio_model.set_rows(rows)
        table.resizeColumnToContents(ATTENTION)
        if self.store is not None:
            assert self.visit_plan is not None  # built with the table
            self.visit_plan.show_data(self.context, self.municipality_id, networks(self.store))
        current = self.portfolio_model.row_of(self.municipality_id or "")
        if current >= 0:
            index = self.portfolio_proxy.mapFromSource(self.portfolio_model.index(current, NAME))
            table.setCurrentIndex(index)

    def _show_heading(self, overview: MunicipalityOverview | None, next_term: NextTerm) -> None:
        if overview is None:
            self.heading.setText(_("Nie wybrano JST"))
            self.subheading.setText("")
            return
        s = overview.signals
        self.heading.setText(overview.name)
        parts = [_("Stan na {date}").format(date=show_date(self.today))]
        parts.append(
            _("ostatnia notatka: {date}").format(date=show_date(s.last_note))
            if s.last_note
            else _("brak notatek monitoringowych")
        )
        parts.append(
            _("ostatnia wizyta doradcy: {date}").format(date=show_date(s.last_visit))
            if s.last_visit
            else _("nie było jeszcze wizyty doradcy")
        )
        if next_term is not None:
            when, what = next_term
            parts.append(
                _("najbliższy termin planu: {what}, {date}").format(what=what, date=show_date(when))
            )
        self.subheading.setText(" · ".join(parts))

    def _yearly_key(self) -> tuple[str, date] | None:
        if self.store is not self._yearly_store:  # another store: nothing known of it
            self._yearly_known.clear()
            self._yearly_store = self.store
        if self.store is None or self.municipality_id is None:
            return None
        return (self.municipality_id, self.today)

    def _show_yearly(self) -> None:
        """ "Informacja za 2025/2026: termin 31.10.2026 (za 27 dni) — rozdziały gotowe 6 z 10"."""
        self._yearly_timer.stop()
        key = self._yearly_key()
        if key is None:
            self.yearly.setText("")
            return
        text = self._yearly_known.get(key)
        if text is None:
            text = self._yearly_text()
            self._yearly_known[key] = text
        self.yearly.setText(text)

    def _yearly_text(self) -> str:
        from app.services import yearly_report

        assert self.store is not None and self.municipality_id is not None
        status = yearly_report.status(self.store, self.municipality_id, self.today)
        return yearly_html(YearlyLine(status.text, tuple(status.missing)))

    def _show_charts(self, s: Signals) -> None:
        counted = s.actions_total - s.actions.get(ActionStatus.DROPPED, 0)
        self.cards["plan"].set_content(
            action_segments(s.actions),
            _("{share} zrealizowanych").format(share=show_percent(s.actions_share_done))
            if s.actions_total
            else "",
            _("zrealizowane {done} z {count} · po terminie: {late}").format(
                done=s.actions_done, count=counted, late=s.actions_overdue
            ),
            _("Plan nie ma jeszcze działań."),
        )
        hdr = s.hdr
        self.cards["hdr"].set_content(
            action_segments(
                {
                    ActionStatus.DONE: hdr.done,
                    ActionStatus.IN_PROGRESS: hdr.in_progress,
                    ActionStatus.PLANNED: hdr.planned,
                    ActionStatus.DELAYED: hdr.delayed,
                    ActionStatus.DROPPED: hdr.dropped,
                }
            ),
            _("{share} zrealizowanych").format(share=show_percent(hdr.share_done))
            if hdr.total
            else "",
            _("zrealizowane {done} z {count} · po terminie: {late}").format(
                done=hdr.done, count=hdr.total - hdr.dropped, late=hdr.overdue
            ),
            _("Nie ma jeszcze HDR."),
        )
        attention = s.indicators.get(IndicatorStatus.OFF_TRACK, 0) + s.indicators.get(
            IndicatorStatus.AT_RISK, 0
        )
        self.cards["indicators"].set_content(
            indicator_segments(s.indicators),
            _("wymaga uwagi: {count}").format(count=attention) if s.indicators_total else "",
            _("nieaktualne (bez pomiaru na czas): {count}").format(count=s.indicators_stale),
            _("Nie ma jeszcze wskaźników."),
        )
        on_time = s.recommendations_open - s.recommendations_overdue
        self.cards["recommendations"].set_content(
            [
                segment(_("otwarte w terminie"), on_time, ON_TIME_COLOUR),
                segment(_("po terminie"), s.recommendations_overdue, LATE_COLOUR),
            ],
            _("otwarte: {count}").format(count=s.recommendations_open)
            if s.recommendations_open
            else "",
            _("ryzyka otwarte: {count} · wysokie: {high}").format(
                count=s.risks_open, high=s.risks_high
            ),
            _("Nie ma otwartych zaleceń."),
        )

    # -- links ----------------------------------------------------------------------------

    def _item_activated(self, section: Section, index: QModelIndex) -> None:
        record_type = index.data(RECORD_TYPE_ROLE)
        record_id = index.data(ID_ROLE)
        if record_type and record_id:
            self.open_record(str(record_type), str(record_id))

    def open_record(self, record_type: str, record_id: str) -> None:
        """Go to where the record lives (the main window's ``navigate`` when it has one)."""
        page_key = PAGE_OF.get(record_type)
        if page_key is None:
            return
        self.link_activated.emit(page_key, record_type, record_id)
        window = self.window()
        navigate: Callable[..., Any] | None = getattr(window, "navigate", None)
        if callable(navigate):
            navigate(page_key, record_type, record_id)
            return
        page = self._switch_to(page_key)
        show_record = getattr(page, "show_record", None)
        if callable(show_record):
            show_record(record_type, record_id)

    def open_page(self, page_key: str) -> None:
        window = self.window()
        navigate: Callable[..., Any] | None = getattr(window, "navigate", None)
        if callable(navigate):
            navigate(page_key, None, None)
        else:
            self._switch_to(page_key)

    def _switch_to(self, page_key: str) -> QWidget | None:
        """Until the main window has ``navigate``: select the page in its navigation."""
        window = self.window()
        pages = getattr(window, "pages", [])
        navigation = getattr(window, "navigation", None)
        for row, page in enumerate(pages):
            if getattr(page, "key", None) == page_key:
                if navigation is not None:
                    navigation.setCurrentRow(row)
                return page  # type: ignore[no-any-return]
        return None

    def _portfolio_activated(self, index: QModelIndex) -> None:
        municipality_id = index.data(ID_ROLE)
        choose = getattr(self.window(), "choose_municipality", None)
        if municipality_id and callable(choose):
            self.tabs.setCurrentIndex(OVERVIEW_TAB)
            choose(str(municipality_id))


def yearly_html(line: YearlyLine) -> str:
    """The yearly report's line with a link to it, and the first few data it lacks."""
    text = f"<b>{escape(line.text)}</b> · <a href='#'>{escape(_('Przejdź do informacji'))}</a>"
    if line.missing:
        shown = "".join(f"<li>{escape(missing)}</li>" for missing in line.missing[:4])
        more = len(line.missing) - 4
        if more > 0:
            others = counted(
                more,
                ngettext("i {count} inny brak", "i {count} innych braków", more),
                "i {count} inne braki",  # the Polish 2–4 form: used only in Polish
            )
            shown += f"<li>{escape(others)}</li>"
        text += f"<br>{escape(_('Brakuje danych:'))}<ul style='margin:0'>{shown}</ul>"
    return text


def _column_menu(table: QTableView, model: PortfolioModel) -> None:
    """Right-click on the header: show or hide columns (as in Windows Explorer)."""
    header = table.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for column in range(model.columnCount()):
        if column == NAME:
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        action = QAction(title, header)
        action.setCheckable(True)
        action.setChecked(True)
        action.toggled.connect(lambda on, c=column: table.setColumnHidden(c, not on))
        header.addAction(action)


def _fit_headers(header: QHeaderView, model: PortfolioModel) -> None:
    """Numbers get columns as narrow as their headers' longest word (headers wrap);
    the name gets room to be read.
    """
    metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        if column == NAME:
            header.resizeSection(column, NAME_WIDTH)
            continue
        words = str(model.headerData(column, Qt.Orientation.Horizontal)).split()
        widest = max((metrics.horizontalAdvance(word) for word in words), default=40)
        header.resizeSection(column, max(widest + 16, 52))
