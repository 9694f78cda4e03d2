"""Wizyty doradcze: the advisor's visits to the municipality and their recommendations.

At the top the visits (number, date, place, advisor, recommendations open and
overdue); below, the selected visit's details in two forms side by side (when,
where, who; agenda, findings, notes) and its recommendations, edited in place.
"Tryb wizyty" (F5) opens the same visit in the mode built for the meeting itself
(:mod:`ui.dialogs.visit_mode`). Every edit is an undoable command, saved at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import Change
from app.errors import UserError
from app.i18n import _
from app.model import AdvisoryVisit, Recommendation, TeamMember
from app.services import links, records, visits
from app.services.fields import FIELDS
from ui.commands import push
from ui.commands.visits import CreateVisit, EditVisit
from ui.formatting import show_date
from ui.forms.record_form import RecordForm
from ui.models import visits as columns
from ui.models.roles import ID_ROLE, SORT_ROLE
from ui.models.visits import VisitTableModel
from ui.pages.base import Page
from ui.reference_day import ReferenceDay
from ui.widgets.column_fit import fit_width
from ui.widgets.empty_state import EmptyState
from ui.widgets.recommendations_panel import RecommendationsPanel
from ui.widgets.tables import under_buttons
from ui.widgets.team_picker import put_under_label

HEADER_FIELDS = (
    "visit_date",
    "start_time",
    "end_time",
    "number",
    "place",
    "place_kind",
)
PEOPLE_FIELDS = ("advisor", "participants")
CONTENT_FIELDS = ("agenda", "findings", "notes")
# Changes to these tables can change what the page shows (visits, owners, link targets).
WATCHED = {
    "advisory_visit",
    "recommendation",
    "team_member",
    "strategic_plan",
    "goal",
    "objective",
    "action",
    "indicator",
    "development_schedule",
    "schedule_item",
    "school",
    "risk",
    "monitoring_note",
}
COMPACT_TEXT = 56  # a text field's least height: the forms fit 1093×558 without scrolling
VISIT_WIDTHS = {columns.NUMBER: 44, columns.DATE: 100, columns.PLACE: 320, columns.ADVISOR: 170}


class VisitsPage(Page, ReferenceDay):
    key = "visits"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._team: list[TeamMember] = []
        self._sized = False
        self._build_list()
        self._build_details()
        self._layout()
        self._update_buttons()

    # -- building ---------------------------------------------------------------------------

    def _build_list(self) -> None:
        self.model = VisitTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(_("Wizyty doradcze"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in VISIT_WIDTHS.items():
            header.resizeSection(column, width)
        fit_width(self.table, columns.PLACE, keep=[columns.DATE, columns.RECOMMENDATIONS])
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_visit_mode())
        self.add_button = QPushButton(_("Dodaj wizytę"))
        self.add_button.setToolTip(_("Nowa wizyta z dzisiejszą datą i kolejnym numerem"))
        self.add_button.clicked.connect(self.add_visit)
        self.delete_button = QPushButton(_("Usuń wizytę"))
        self.delete_button.setToolTip(_("Usuń zaznaczoną wizytę z jej zaleceniami (Delete)"))
        self.delete_button.clicked.connect(self.delete_visit)
        self.mode_button = QPushButton(_("Tryb wizyty…"))
        self.mode_button.setObjectName("visitModeButton")
        self.mode_button.setToolTip(
            _(
                "Otwórz zaznaczoną wizytę w trybie spotkania: program, notatki na bieżąco, "
                "zalecenia i przegląd wcześniejszych zaleceń (F5)"
            )
        )
        self.mode_button.setDefault(True)
        self.mode_button.clicked.connect(self.open_visit_mode)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_visit)
        mode_key = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        mode_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        mode_key.activated.connect(self.open_visit_mode)

    def _build_details(self) -> None:
        self.header_form = RecordForm(AdvisoryVisit, HEADER_FIELDS, self._edit_visit)
        self.people_form = RecordForm(AdvisoryVisit, PEOPLE_FIELDS, self._edit_visit)
        self.content_form = RecordForm(AdvisoryVisit, CONTENT_FIELDS, self._edit_visit)
        participants = self.people_form.editors["participants"]
        participants.setMinimumHeight(COMPACT_TEXT)
        self.participants_button = QPushButton(_("Z zespołu"))
        self.participants_button.setToolTip(
            _("Wstaw do listy uczestników członków zespołu JST (bez powtórzeń)")
        )
        self.participants_menu = QMenu(self.participants_button)
        self.participants_menu.aboutToShow.connect(self._fill_participants_menu)
        self.participants_button.setMenu(self.participants_menu)
        put_under_label(self.people_form, "participants", self.participants_button)
        for name in CONTENT_FIELDS:
            self.content_form.editors[name].setMinimumHeight(COMPACT_TEXT)
        self.recommendations = RecommendationsPanel()
        self.recommendations.changed.connect(self._recommendations_changed)
        self.empty = EmptyState(
            _("Brak wizyt doradczych"),
            _(
                "Doradca odwiedza JST zwykle trzy razy w cyklu wsparcia. Dodaj wizytę, aby "
                "zapisać jej program, uczestników, ustalenia i zalecenia — także w trakcie "
                "spotkania, bez internetu."
            ),
        )
        self.empty_add = self.empty.add_button(
            _("Dodaj pierwszą wizytę"), self.add_visit, default=True
        )

    def _layout(self) -> None:
        top = under_buttons(self.table, [self.add_button, self.delete_button], [self.mode_button])
        forms = QSplitter(Qt.Orientation.Horizontal)
        forms.setChildrenCollapsible(False)
        # No scrolling: the band of forms is as tall as its tallest form needs (the splitter
        # keeps it so), and the text fields take what more there is.
        self.header_form.set_row_wrap(QFormLayout.RowWrapPolicy.DontWrapRows)
        for form in (self.people_form, self.content_form):  # sized for these, not taller
            form.set_row_wrap(QFormLayout.RowWrapPolicy.WrapLongRows)
        for column, form in enumerate(self._forms()):
            forms.addWidget(form)
            forms.setStretchFactor(column, 1)
        self.forms = forms
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 4, 0, 0)
        title = QLabel(_("Zalecenia z tej wizyty"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        bottom_box.addWidget(title)
        bottom_box.addWidget(self.recommendations)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(forms)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            height = max(self.splitter.height(), 400)
            rows = self.table.verticalHeader().defaultSectionSize()
            top = min(max(rows * 4 + 70, 140), round(height * 0.3))
            forms = max(form.minimumSizeHint().height() for form in self._forms())
            forms = max(forms, round((height - top) * 0.5))  # more for the texts when there is room
            self.splitter.setSizes([top, forms, max(height - top - forms, 100)])
            width = max(self.forms.width(), 600)
            self.forms.setSizes([round(width * 0.32), round(width * 0.36), round(width * 0.32)])

    # -- what is shown --------------------------------------------------------------------------

    def title(self) -> str:
        return _("Wizyty doradcze")

    def reload(self) -> None:
        keep = self.current_id()
        store = self.store
        if store is None or self.municipality_id is None:
            self.model.set_visits([], {})
            self._team = []
            self._show(None)
            return
        rows = visits.visits_of(store, self.municipality_id)
        counts = visits.recommendation_counts(store, self.municipality_id, self.today)
        self._team = visits.team(store, self.municipality_id)
        self.recommendations.model.today = self.today
        self.recommendations.set_choices(
            links.link_targets(store, self.municipality_id), [m.name for m in self._team]
        )
        self.model.set_visits(rows, counts)
        self.stack.setCurrentWidget(self.splitter if rows else self.empty)
        if keep is not None and self.select(keep):
            self._show(self.model.row_at(self.model.row_of(keep)))
        elif rows:
            self.select(rows[-1].id)  # the latest visit
        else:
            self._show(None)

    watched = frozenset({*WATCHED, "municipality"})

    def watches(self, change: Change) -> bool:
        return change.municipality_id in (None, self.municipality_id) and super().watches(change)

    def _forms(self) -> tuple[RecordForm, ...]:
        return (self.header_form, self.people_form, self.content_form)

    def flush(self) -> None:
        for form in self._forms():
            form.flush()
        self.recommendations.flush()

    def list_view(self) -> QAbstractItemView:
        return self.table

    def current(self) -> AdvisoryVisit | None:
        current = self.current_id()
        return self.model.row_at(self.model.row_of(current)) if current else None

    def select(self, visit_id: str) -> bool:
        row = self.model.row_of(visit_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def show_record(self, record_type: str, record_id: str) -> bool:
        """Select a visit, or a recommendation in its visit (for links from elsewhere)."""
        if self.store is None:
            return False
        visit_id = record_id
        if record_type == "recommendation":
            try:
                visit_id = records.get(self.store, Recommendation, record_id).visit_id
            except UserError:
                return False
        elif record_type != "advisory_visit":
            return False
        if self.stale or self.model.row_of(visit_id) < 0:
            self.refresh()
        if not self.select(visit_id):
            return False
        if record_type == "recommendation":
            self.recommendations.select(record_id)
            self.recommendations.table.setFocus()
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        visit_id = current.data(ID_ROLE) if current.isValid() else None
        self._show(self.model.row_at(self.model.row_of(str(visit_id))) if visit_id else None)

    def _show(self, visit: AdvisoryVisit | None) -> None:
        for form in self._forms():
            form.load(visit)
        self.recommendations.show_visit(self.context, visit.id if visit else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_municipality = self.context is not None and self.municipality_id is not None
        selected = has_municipality and self.current_id() is not None
        self.add_button.setEnabled(has_municipality)
        self.empty_add.setEnabled(has_municipality)
        self.delete_button.setEnabled(selected)
        self.mode_button.setEnabled(selected)
        self.participants_button.setEnabled(selected and bool(self._team))

    # -- editing --------------------------------------------------------------------------------

    def _edit_visit(self, field: str, old: Any, new: Any) -> None:
        visit_id = next((form.record_id for form in self._forms() if form.record_id), None)
        assert self.context is not None and visit_id is not None
        label = _(FIELDS[AdvisoryVisit][field].label)
        command = EditVisit(
            self.context.store,
            visit_id,
            {field: old},
            {field: new},
            _("zmianę pola „{field}”").format(field=label),
        )
        push(self.context.undo_stack, command)  # a UserError goes back to the form

    def add_visit(self) -> None:
        if self.context is None or self.municipality_id is None:
            return
        self.flush()
        values = visits.new_visit_values(self.context.store, self.municipality_id, self.today)
        command = CreateVisit(self.context.store, self.municipality_id, values)
        if not self.context.run(command) or command.record_id is None:
            return
        self.refresh()
        self.select(command.record_id)
        place = self.header_form.editors["place"]
        place.setFocus()
        place.selectAll()

    def delete_visit(self) -> None:
        visit = self.current()
        if visit is None or self.context is None:
            return
        self.flush()
        counts = self.model.counts_of(visit.id)
        if self.delete_with_confirm(
            _("Usuwanie wizyty"),
            _(
                "Usunąć wizytę z dnia {date} razem z jej zaleceniami ({count})?\n\n"
                "Można to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."
            ).format(date=show_date(visit.visit_date), count=counts.total),
            AdvisoryVisit,
            visit.id,
            _("usunięcie wizyty z dnia {date}").format(date=show_date(visit.visit_date)),
        ):
            self.refresh()

    def _fill_participants_menu(self) -> None:
        self.participants_menu.clear()
        everyone = QAction(_("Cały zespół JST"), self.participants_menu)
        everyone.triggered.connect(lambda: self.add_participants(self._team))
        self.participants_menu.addAction(everyone)
        self.participants_menu.addSeparator()
        for member in self._team:
            action = QAction(visits.participant_line(member), self.participants_menu)
            action.triggered.connect(lambda _c=False, m=member: self.add_participants([m]))
            self.participants_menu.addAction(action)

    def add_participants(self, members: list[TeamMember]) -> None:
        """Add team members to the selected visit's participants (each once)."""
        visit = self.current()
        if visit is None or self.context is None:
            return
        self.people_form.flush()
        visit = records.get(self.context.store, AdvisoryVisit, visit.id)
        lines = [visits.participant_line(m) for m in members]
        new = visits.add_participants(visit.participants, lines)
        if new == (visit.participants or ""):
            return
        command = EditVisit(
            self.context.store,
            visit.id,
            {"participants": visit.participants},
            {"participants": new},
            _("dodanie uczestników wizyty"),
            mergeable=False,
        )
        if self.context.run(command):
            self.refresh()

    def _recommendations_changed(self) -> None:
        self.refresh_soon()  # the counts in the list

    # -- visit mode -----------------------------------------------------------------------------

    def open_visit_mode(self) -> Any:
        """Open the selected visit in the visit mode (a large window); returns the window."""
        visit = self.current()
        if visit is None or self.context is None or self.municipality_id is None:
            return None
        from ui.dialogs.visit_mode import VisitModeDialog

        self.flush()
        dialog = VisitModeDialog(self.context, self.municipality_id, visit.id, self.window())
        dialog.today = self.today
        dialog.finished.connect(lambda _result: self.refresh())
        # The meeting has the laptop's attention: the main window waits (and its undo
        # history stays that of this municipality).
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        screen = self.screen()
        if screen is not None:  # the whole screen also where no window manager maximizes
            dialog.setGeometry(screen.availableGeometry())
        dialog.showMaximized()
        self.visit_mode = dialog
        return dialog
