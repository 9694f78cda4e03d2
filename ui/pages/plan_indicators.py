"""Wskaźniki planu: the plan's indicators, their measurements and a chart of each.

Left, the indicators with their computed status (one click shows only those
that need attention); right, the selected indicator's form, what it is attached
to, its measurements (edited in place) and its chart. Every change is an
undoable command on the context's undo stack; the panel redraws itself from the
core's change notifications (``on_change``), so undo and redo show at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import Change
from app.i18n import _
from app.model import Indicator
from ui import keyboard
from ui.commands import EditRecord
from ui.context import EditorContext
from ui.forms.editors import ChoiceEditor
from ui.forms.record_form import RecordForm
from ui.models.indicators import (
    AttachTarget,
    IndicatorRow,
    IndicatorTableModel,
    attach_fields,
    attach_key,
)
from ui.models.measurements import (
    COMMENT,
    DATE,
    VALUE,
    MeasurementDelegate,
    MeasurementTableModel,
)
from ui.models.roles import DEPTH_ROLE as DEPTH_ROLE
from ui.models.roles import ID_ROLE
from ui.pages.plan_indicator_edits import IndicatorEdits
from ui.pages.plan_indicator_views import (
    MEASUREMENT_WIDTHS,
    AttentionFilter,
    IndentDelegate,
    indicator_table,
    setup_table,
    show_starts,
)
from ui.widgets.column_fit import fit_width
from ui.widgets.indicator_chart import IndicatorChart, chart_data
from ui.widgets.milestones import MilestonesPanel
from ui.widgets.tables import EditingTable, on_delete_key, scrolled, split, under_buttons

Index = QModelIndex | QPersistentModelIndex

FORM_FIELDS = (
    "name",
    "description",
    "unit",
    "direction",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "data_source",
    "interval_months",
)
# Changes to these tables can change what the panel shows.
WATCHED = {
    "indicator",
    "measurement",
    "indicator_milestone",
    "goal",
    "objective",
    "action",
    "strategic_plan",
}
DESCRIPTION_HEIGHT = 64
ERROR_STYLE = "color: #b00020;"


class IndicatorsPanel(IndicatorEdits):
    """The indicators of one plan; everything edited here is undoable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan_id: str | None = None
        self._sized = False
        self._forget_selection = False  # another plan is shown: select its first indicator
        self._build_list()
        self._build_details()
        self._layout()
        self._show_details(None)

    # -- building ---------------------------------------------------------------------------

    def _build_list(self) -> None:
        self.model = IndicatorTableModel()
        self.proxy = AttentionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = indicator_table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAccessibleName(_("Wskaźniki planu"))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.add_button = QPushButton(_("Dodaj wskaźnik"))
        self.add_button.clicked.connect(self.add_indicator)
        self.delete_button = QPushButton(_("Usuń"))
        self.delete_button.setToolTip(_("Usuń zaznaczony wskaźnik z pomiarami (Delete)"))
        self.delete_button.clicked.connect(self.delete_indicator)
        self.attention_toggle = QPushButton()
        self.attention_toggle.setCheckable(True)
        self.attention_toggle.setToolTip(
            _("Pokaż tylko wskaźniki poza planem, zagrożone albo bez aktualnego pomiaru")
        )
        self.attention_toggle.toggled.connect(self._filter_toggled)
        on_delete_key(self.table, self.delete_indicator)

    def _build_details(self) -> None:
        self.form = RecordForm(Indicator, FORM_FIELDS, self._edit_indicator)
        self.attach = ChoiceEditor([], allow_empty=False)
        self.attach.setObjectName("field_attached_to")
        self.attach.setAccessibleName(_("Przypisany do"))
        self.attach.setItemDelegate(IndentDelegate(self.attach))
        self.attach.view().setMinimumWidth(480)
        self.attach.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.attach.committed.connect(self._attach_changed)
        self.form.layout_.insertRow(1, _("Przypisany do"), self.attach)
        self.form.editors["description"].setMaximumHeight(DESCRIPTION_HEIGHT)
        self.form.layout_.setVerticalSpacing(4)
        self.measurements = MeasurementTableModel(self._edit_measurement, self._measurement_failed)
        self.measurement_table = EditingTable()
        setup_table(self.measurement_table, self.measurements)
        self.measurement_table.setItemDelegate(MeasurementDelegate(self.measurement_table))
        self.measurement_table.setAccessibleName(_("Pomiary wskaźnika"))
        for column, width in MEASUREMENT_WIDTHS.items():
            self.measurement_table.horizontalHeader().resizeSection(column, width)
        fit_width(self.measurement_table, COMMENT, keep=(DATE, VALUE))
        self.measurement_table.selectionModel().currentRowChanged.connect(
            lambda *_args: self._update_buttons()
        )
        self.add_measurement_button = QPushButton(_("Dodaj pomiar"))
        self.add_measurement_button.setToolTip(
            _("Nowy pomiar z dzisiejszą datą i ostatnią wartością do poprawienia")
        )
        self.add_measurement_button.clicked.connect(self.add_measurement)
        self.delete_measurement_button = QPushButton(_("Usuń pomiar"))
        self.delete_measurement_button.setToolTip(_("Usuń zaznaczony pomiar (Delete; Ctrl+Z cofa)"))
        self.delete_measurement_button.clicked.connect(self.delete_measurement)
        self.measurement_error = QLabel()
        self.measurement_error.setObjectName("measurement_error")
        self.measurement_error.setStyleSheet(ERROR_STYLE)
        self.measurement_error.setWordWrap(True)
        self.measurement_error.hide()
        on_delete_key(self.measurement_table, self.delete_measurement)
        self.chart = IndicatorChart()

    def _layout(self) -> None:
        """Left: the list over the chart of the selected indicator; right: its form over
        its measurements. Both halves are split vertically so each part gets real room
        on a 768-pixel-high laptop screen; every splitter can be dragged (and is remembered).
        """
        top_left = under_buttons(
            self.table, [self.add_button, self.delete_button], [self.attention_toggle]
        )
        self.overview = split(Qt.Orientation.Vertical, top_left, self.chart, (3, 2))
        form_page = QWidget()  # the form at its natural height, the spare room below it
        form_box = QVBoxLayout(form_page)
        form_box.setContentsMargins(0, 0, 0, 0)
        form_box.addWidget(self.form)
        self.milestones = MilestonesPanel()
        form_box.addWidget(QLabel(_("Kamienie milowe (wartości pośrednie)")))
        form_box.addWidget(self.milestones)
        form_box.addStretch(1)
        form = scrolled(form_page, 0)
        self.details = split(Qt.Orientation.Vertical, form, self._measurement_box(), (3, 2))
        self.splitter = split(Qt.Orientation.Horizontal, self.overview, self.details, (3, 2))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.splitter)

    def _measurement_box(self) -> QWidget:
        title = QLabel(_("Pomiary"))
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        buttons = QHBoxLayout()
        buttons.addWidget(title)
        buttons.addStretch(1)
        buttons.addWidget(self.add_measurement_button)
        buttons.addWidget(self.delete_measurement_button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.measurement_table)
        layout.addWidget(self.measurement_error)
        return box

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # first show: the list gets a little more than half
            self._sized = True
            width = max(self.splitter.width(), 600)
            self.splitter.setSizes([round(width * 0.56), round(width * 0.44)])
            height = max(self.details.height(), 450)
            self.overview.setSizes([round(height * 0.6), round(height * 0.4)])
            self.details.setSizes([round(height * 0.58), round(height * 0.42)])

    # -- what is shown ------------------------------------------------------------------------

    def show_plan(
        self, context: EditorContext | None, municipality_id: str | None, plan_id: str | None
    ) -> None:
        """Show the indicators of ``plan_id`` (read now if on screen, else when shown)."""
        self.flush()
        self._forget_selection |= plan_id != self.plan_id
        self.context = context
        self.municipality_id = municipality_id
        self.plan_id = plan_id if context is not None else None
        self.refresh_when_seen()

    watched = frozenset({*WATCHED, "municipality"})

    def watches(self, change: Change) -> bool:
        return (
            self.plan_id is not None
            and change.municipality_id in (None, self.municipality_id)
            and super().watches(change)
        )

    def flush(self) -> None:
        """Save what is being typed (the form) or edited (a measurement cell)."""
        self.form.flush()
        self.milestones.form.flush()
        self.measurement_table.commit_open_editor()

    def reload(self) -> None:
        """Read the plan again and show it, keeping the selected indicator."""
        keep = None if self._forget_selection else self.current_id()
        self._forget_selection = False
        if self.model.today != self.today:
            self.model.today = self.today
        self.model.set_plan(self.store, self.plan_id)
        self._present(keep)

    def _present(self, keep: str | None) -> None:
        """Show the freshly read rows, with ``keep`` selected if it is still there."""
        self._fill_attach()
        self._update_toggle()
        if keep is not None and self.select(keep):
            self._show_details(self.model.find(keep))
        elif self.proxy.rowCount() > 0:
            self.table.selectRow(0)
            self._show_details(self._current_row())
        else:
            self._show_details(None)

    def list_view(self) -> QAbstractItemView:
        return self.table

    def select(self, indicator_id: str) -> bool:
        """Make ``indicator_id`` the current row (showing all rows if the filter hides it)."""
        row = self.model.row_of(indicator_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.attention_toggle.setChecked(False)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().setCurrentIndex(
            index, flags | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = current.data(ID_ROLE) if current.isValid() else None
        self._show_details(self.model.find(str(record_id)) if record_id else None)

    def _show_details(self, row: IndicatorRow | None) -> None:
        self.milestones.show_indicator(self.context, row.indicator if row else None)
        if row is None:
            self.form.load(None)
            self.measurements.clear()
            self.chart.set_data(None)
        else:
            if self.form.record_id == row.indicator.id:
                self.form.sync(row.indicator)
            else:
                self.measurement_table.commit_open_editor()
                self.form.load(row.indicator)
                show_starts(self.form)
                self._clear_measurement_error()
            self._show_attach(row.indicator)
            self.measurements.set_measurements(row.measurements)
            self.chart.set_data(chart_data(row.indicator, row.measurements, row.state))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_plan = self.context is not None and self.plan_id is not None
        selected = has_plan and self.form.record_id is not None
        self.add_button.setEnabled(has_plan)
        self.delete_button.setEnabled(selected)
        self.attention_toggle.setEnabled(has_plan)
        self.add_measurement_button.setEnabled(selected)
        self.measurement_table.setEnabled(selected)
        has_measurement = self.measurement_table.currentIndex().isValid()
        self.delete_measurement_button.setEnabled(selected and has_measurement)

    def _update_toggle(self) -> None:
        count = self.model.attention_count()
        keyboard.retitle(
            self.attention_toggle, _("Tylko zagrożone i nieaktualne ({count})").format(count=count)
        )

    def _filter_toggled(self, on: bool) -> None:
        keep = self.current_id()
        self.proxy.set_attention_only(on)
        if (
            keep is not None
            and self.proxy.mapFromSource(self.model.index(self.model.row_of(keep), 0)).isValid()
        ):
            self.select(keep)
        elif self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        else:
            self.table.setCurrentIndex(QModelIndex())
            self._show_details(None)

    # -- "Przypisany do" -------------------------------------------------------------------

    def _fill_attach(self) -> None:
        targets = self.model.targets
        self.attach.set_choices([(t.key, t.label) for t in targets], allow_empty=False)
        for position, target in enumerate(targets):
            self.attach.setItemData(position, target.depth, DEPTH_ROLE)
            self.attach.setItemData(position, target.label, Qt.ItemDataRole.ToolTipRole)
            if target.kind == "goal":
                bold = QFont(self.attach.font())
                bold.setBold(True)
                self.attach.setItemData(position, bold, Qt.ItemDataRole.FontRole)

    def _show_attach(self, indicator: Indicator) -> None:
        key = attach_key(indicator)
        if self.attach.findData(key) < 0:  # an HDR item: shown, not offered
            self.attach.addItem(_("pozycja HDR (poza planem)"), key)
        self.attach.set_value(key)
        self.attach.setToolTip(self.attach.currentText())

    def _target(self, key: str) -> AttachTarget | None:
        return next((t for t in self.model.targets if t.key == key), None)

    def _attach_changed(self) -> None:
        row = self._current_row()
        target = self._target(str(self.attach.value()))
        if row is None or target is None or self.context is None or self.plan_id is None:
            return
        indicator = row.indicator
        old: dict[str, Any] = attach_fields(indicator)
        new: dict[str, Any] = target.fields(self.plan_id)
        if indicator.schedule_item_id:
            old["schedule_item_id"], new["schedule_item_id"] = indicator.schedule_item_id, None
        if old == new:
            return
        command = EditRecord(
            self.context.store,
            Indicator,
            indicator.id,
            old,
            new,
            _("przypisanie wskaźnika: {target}").format(target=target.label),
            mergeable=False,
        )
        if not self.context.run(command):
            self._show_attach(indicator)

    # -- editing indicators -------------------------------------------------------------------

    # -- editing measurements -----------------------------------------------------------------

    # -- remembered layout --------------------------------------------------------------------

    def save_state(self, settings: QSettings, prefix: str = "indicators") -> None:
        settings.setValue(f"{prefix}/splitter", self.splitter.saveState())
        settings.setValue(f"{prefix}/overview", self.overview.saveState())
        settings.setValue(f"{prefix}/details", self.details.saveState())
        settings.setValue(f"{prefix}/columns", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings, prefix: str = "indicators") -> None:
        self._sized = True
        for key, target in (
            ("splitter", self.splitter),
            ("overview", self.overview),
            ("details", self.details),
            ("columns", self.table.horizontalHeader()),
        ):
            value = settings.value(f"{prefix}/{key}")
            if isinstance(value, QByteArray | bytes):
                target.restoreState(QByteArray(value))
