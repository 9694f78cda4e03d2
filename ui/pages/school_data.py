"""The "Dane oświatowe" page: data grids per measure, computed indicators as small multiples.

Tab "Dane": pick a measure; schools × school years (or the JST × budget years
for finance) with totals and a trend sparkline; cells are edited in place
(undoable; the core validates), a year can be added, every grid exported to
.xlsx, and files imported (RSPO, SIO, OKE) through the import dialog.
Tab "Wskaźniki": one chart per computed indicator.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import _
from app.model import SupervisionFinding, SupervisionKind
from app.model.school_data import school_year_label
from app.services import snapshots as closed
from app.services.school_data import export as exporting
from app.services.school_data import grid as grids
from app.services.school_data import series as catalogue
from app.services.school_data import snapshot as snapshots
from app.services.school_data.snapshot import DataSnapshot
from app.storage.store import Store
from ui.commands import StoreCommand
from ui.errors import show_user_error
from ui.models.records import Column
from ui.models.school_data_grid import SchoolDataGridModel
from ui.pages.base import Page
from ui.widgets.record_panel import RecordPanel
from ui.widgets.small_multiples import MultipleData, SmallMultiple, SparklineDelegate

SUPERVISION_FIELDS = (
    "held_on",
    "kind",
    "topic",
    "conclusions",
    "recommendations",
    "follow_up",
    "follow_up_done",
)
_TABLES = (
    "school_year_stats",
    "exam_result",
    "education_finance",
    "school",
    "indicator_binding",
    "school_year_snapshot",
)


class SetCell(StoreCommand):
    """One grid value; undo puts back the value it replaced."""

    def __init__(
        self,
        store: Store,
        municipality_id: str,
        code: str,
        school_id: str | None,
        year: int,
        value: float | None,
    ) -> None:
        super().__init__(store, _("Zmiana danych oświatowych"))
        self.where = (municipality_id, code, school_id, year)
        self.value = value
        self.previous: float | None = None

    def do(self) -> None:
        self.previous = grids.set_cell(self.store, *self.where, self.value)

    def undo_step(self) -> None:
        grids.set_cell(self.store, *self.where, self.previous)


class SchoolDataPage(Page):
    key = "school_data"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: DataSnapshot | None = None
        self._charts_stale = True
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_grid_tab(), _("&Dane"))
        self.tabs.addTab(self._build_charts_tab(), _("&Wskaźniki"))
        self.tabs.addTab(self._build_supervision_tab(), _("&Nadzór pedagogiczny"))
        self.tabs.currentChanged.connect(lambda _index: self._fill_charts())
        self.tabs.setCornerWidget(self.years_button)  # beside the tabs: the bar below is full
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)

    def title(self) -> str:
        return _("Dane oświatowe")

    # -- building -------------------------------------------------------------------------

    def _build_grid_tab(self) -> QWidget:
        tab = QWidget()
        self.measure = QComboBox()
        self.measure.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.measure.currentIndexChanged.connect(lambda _index: self._show_grid())
        measure_label = QLabel(_("&Miara:"))
        measure_label.setBuddy(self.measure)
        self.new_year = QSpinBox()
        self.new_year.setRange(2000, 2100)
        self.new_year.setValue(2025)
        self.add_year_button = QPushButton(_("Dodaj &rok"))
        self.add_year_button.clicked.connect(self._add_year)
        self.import_button = QPushButton(_("&Importuj…"))
        self.import_button.clicked.connect(self._import)
        self.export_button = QPushButton(_("&Eksportuj do .xlsx…"))
        self.export_button.clicked.connect(self._export)
        self.years_button = QPushButton(_("Zamknięte &lata szkolne…"))
        self.years_button.clicked.connect(self._school_years)
        bar = QHBoxLayout()
        bar.addWidget(measure_label)
        bar.addWidget(self.measure)
        bar.addStretch(1)
        bar.addWidget(self.new_year)
        for button in (self.add_year_button, self.import_button, self.export_button):
            bar.addWidget(button)
        self.model = SchoolDataGridModel(self._set_cell)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.sparkline = SparklineDelegate(self.table)
        self.plain = QStyledItemDelegate(self.table)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.verticalHeader().setVisible(False)
        self.empty = QLabel(
            _(
                "Brak danych tej miary. Wpisz je w tabeli (Dodaj rok) albo zaimportuj z pliku "
                "SIO, OKE lub RSPO."
            )
        )
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        return tab

    def _build_charts_tab(self) -> QWidget:
        self.charts_host = QWidget()
        self.charts_layout = QGridLayout(self.charts_host)
        self.charts_layout.setSpacing(12)
        self.charts: list[SmallMultiple] = []
        legend = QLabel(
            _(
                "Każdy wykres to jeden wskaźnik: cienkie linie — szkoły, gruba linia — cała JST, "
                "linia przerywana — poziom porównawczy (średnia kraju lub zero dla różnic)."
            )
        )
        legend.setWordWrap(True)
        self.bind_button = QPushButton(_("&Powiąż wskaźnik planu lub HDR z danymi…"))
        self.bind_button.clicked.connect(self._bind_indicator)
        top = QHBoxLayout()
        top.addWidget(legend, 1)
        top.addWidget(self.bind_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts_host)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        return tab

    def _build_supervision_tab(self) -> QWidget:
        self.supervision_school = QComboBox()
        self.supervision_school.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.supervision_school.currentIndexChanged.connect(lambda _i: self._show_supervision())
        label = QLabel(_("&Szkoła:"))
        label.setBuddy(self.supervision_school)
        self.supervision = RecordPanel(
            SupervisionFinding,
            [
                Column("held_on", _("Data")),
                Column("kind", _("Rodzaj")),
                Column("topic", _("Temat")),
                Column("follow_up_done", _("Wykonane")),
            ],
            SUPERVISION_FIELDS,
            noun=_("ewaluację lub kontrolę"),
            new_values=lambda: {
                "held_on": date.today(),
                "kind": SupervisionKind.EVALUATION,
                "topic": _("Nowa ewaluacja"),
            },
        )
        bar = QHBoxLayout()
        bar.addWidget(label)
        bar.addWidget(self.supervision_school)
        bar.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.supervision, 1)
        return tab

    def _fill_supervision_schools(self) -> None:
        assert self.data is not None
        current = self.supervision_school.currentData()
        self.supervision_school.blockSignals(True)
        self.supervision_school.clear()
        for school in self.data.schools:
            self.supervision_school.addItem(school.name, school.id)
        index = self.supervision_school.findData(current) if current else 0
        self.supervision_school.setCurrentIndex(max(index, 0))
        self.supervision_school.blockSignals(False)
        self._show_supervision()

    def _show_supervision(self) -> None:
        if self.context is None:
            return
        school_id = self.supervision_school.currentData()
        self.supervision.show_parent(self.context, school_id, school_id=school_id)

    # -- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        if self.store is None or self.municipality_id is None:
            return
        self.data = snapshots.load(self.store, self.municipality_id)
        self.model.closed_years = closed.closed_years(self.store, self.municipality_id)
        self._fill_measures()
        self._show_grid()
        self._fill_supervision_schools()
        self._charts_stale = True
        self._fill_charts()

    def on_change(self, change: Change) -> None:
        if change.municipality_id not in (None, self.municipality_id):
            return
        if change.record_type == "supervision_finding":
            self.supervision.on_change(change)  # keeps the form being typed in
            return
        if change.record_type in _TABLES or change.kind == ChangeKind.RELOADED:
            self.refresh_soon()  # once the edit is over, once for several changes

    def flush(self) -> None:
        self.supervision.form.flush()

    def _fill_measures(self) -> None:
        assert self.data is not None
        current = self.measure.currentData()
        self.measure.blockSignals(True)
        self.measure.clear()
        for measure in grids.measures(self.data):
            self.measure.addItem(measure.title, measure.code)
        found = self.measure.findData(current) if current else 0
        self.measure.setCurrentIndex(max(found, 0))
        self.measure.blockSignals(False)

    def _show_grid(self) -> None:
        if self.data is None or not self.measure.currentData():
            return
        code = str(self.measure.currentData())
        if self.model.grid is not None and self.model.grid.measure.code != code:
            self.model.extra_years = []  # a year added by hand belongs to the measure shown
        grid = grids.grid(self.data, code)
        self.model.set_grid(grid)
        filled = any(v is not None for row in grid.rows for v in row.values.values())
        self.empty.setVisible(not filled and not self.model.extra_years)
        self._layout_columns()

    def _layout_columns(self) -> None:
        header = self.table.horizontalHeader()
        last = self.model.columnCount() - 1
        if last < 1:
            return
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, last):
            self.table.setItemDelegateForColumn(column, self.plain)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegateForColumn(last, self.sparkline)
        header.setSectionResizeMode(last, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(last, 96)

    def _add_year(self) -> None:
        self.model.add_year(self.new_year.value())
        self.empty.setVisible(False)
        self._layout_columns()

    def _set_cell(self, school_id: str | None, year: int, value: float | None) -> bool:
        if self.context is None or self.municipality_id is None:
            return False
        code = str(self.measure.currentData())
        command = SetCell(self.context.store, self.municipality_id, code, school_id, year, value)
        return self.context.run(command)

    def _fill_charts(self) -> None:
        if self.data is None or self.tabs.currentIndex() != 1 or not self._charts_stale:
            return
        self._charts_stale = False
        for chart in self.charts:
            chart.setParent(None)
        self.charts = []
        for number, code in enumerate(catalogue.chart_codes(self.data)):
            shown = catalogue.chart(self.data, code)
            labels = [
                str(y) if shown.series.axis == catalogue.CALENDAR_AXIS else school_year_label(y)
                for y in shown.years
            ]
            chart = SmallMultiple(
                MultipleData(
                    shown.series.title,
                    _(shown.series.unit),
                    shown.years,
                    labels,
                    shown.jst,
                    list(shown.schools.values()),
                    shown.level,
                    shown.level_label,
                )
            )
            self.charts.append(chart)
            self.charts_layout.addWidget(chart, number // 3, number % 3)

    def _bind_indicator(self) -> None:
        if self.context is None or self.municipality_id is None or self.data is None:
            return
        from ui.dialogs.bind_indicator import BindIndicatorDialog

        dialog = BindIndicatorDialog(
            self.context.store, self.municipality_id, self.data.schools, self
        )
        dialog.exec()

    def _school_years(self) -> None:
        if self.context is None or self.municipality_id is None:
            return
        from ui.dialogs.school_years import SchoolYearsDialog

        SchoolYearsDialog(self.context.store, self.municipality_id, self).exec()
        self.refresh()

    # -- files ----------------------------------------------------------------------------

    def _export(self) -> None:
        if self.data is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Eksport danych oświatowych"), "dane-oswiatowe.xlsx", _("Arkusz (*.xlsx)")
        )
        if not path:
            return
        try:
            exporting.export(self.data, Path(path))
        except UserError as error:
            show_user_error(self, error)
            return
        QMessageBox.information(
            self, _("Eksport"), _("Zapisano dane oświatowe w pliku {path}.").format(path=path)
        )

    def _import(self) -> None:
        if self.context is None or self.municipality_id is None:
            return
        from ui.dialogs.import_sheet import ImportSheetDialog

        dialog = ImportSheetDialog(self.context.store, self.municipality_id, self)
        if dialog.exec():
            self.context.undo_stack.clear()  # an import is undone from its backup, not step by step
            self.refresh()
