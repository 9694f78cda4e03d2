"""Wskaźniki do uwagi: indicators off track, at risk or stale — and a measurement right here.

The list comes from :func:`app.services.attention.needs_attention` (or every
indicator, with "Pokaż wszystkie"); the selected indicator's chart and state are
shown beside it. "Zapisz pomiar…" (or Enter, or a double click) records a
measurement through an undoable command; an indicator that is fine again leaves
the list, and a line above it says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.model import IndicatorStatus
from app.services import attention
from app.services.attention import IndicatorCheck
from ui.commands.monitoring import RecordMeasurement
from ui.dialogs.measurement import MeasurementDialog
from ui.models import attention as columns
from ui.models.attention import AttentionTableModel
from ui.models.indicators import progress_text, stale_text
from ui.models.roles import ID_ROLE
from ui.pages.split_panel import SplitPanel
from ui.widgets.column_fit import fit_width
from ui.widgets.empty_state import EmptyState
from ui.widgets.indicator_chart import IndicatorChart, chart_data
from ui.widgets.tables import make_table, select_source_row

WATCHED = {
    "indicator",
    "measurement",
    "goal",
    "objective",
    "action",
    "strategic_plan",
    "schedule_item",
    "development_schedule",
    "municipality",
}
COLUMN_WIDTHS = {
    columns.NAME: 290,
    columns.STATUS: 115,
    columns.LATEST: 150,
    columns.TARGET: 95,
    columns.STALE: 100,
}

NAME_ROOM = 150  # an indicator's name beyond its header, before other columns fold


class AttentionPanel(SplitPanel):
    list_share = 0.62
    watched = frozenset(WATCHED)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()
        self._show_details(None)

    def _build(self) -> None:
        self.model = AttentionTableModel()
        self.table, self.proxy = make_table(
            self.model, _("Wskaźniki do uwagi"), COLUMN_WIDTHS, self
        )
        self.table.setObjectName("attention_table")
        # Narrow: the state and the values stay whole, the freshness and what the
        # indicator is attached to fold (the chart's caption names them).
        fit_width(
            self.table,
            columns.NAME,
            keep=[columns.STATUS, columns.LATEST, columns.TARGET],
            optional=[columns.STALE, columns.ATTACHED_TO],
            stretch_room=NAME_ROOM,
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(lambda _index: self.record_measurement())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.info = QLabel()
        self.info.setObjectName("attention_info")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #1d6a35;")
        self.info.hide()
        self.show_all = QCheckBox(_("Pokaż wszystkie wskaźniki"))
        self.show_all.setToolTip(_("Także wskaźniki zgodne z planem, osiągnięte i bez danych"))
        self.show_all.toggled.connect(lambda _on: self.refresh())
        self.measure_button = QPushButton(_("Zapisz pomiar…"))
        self.measure_button.setToolTip(_("Nowy pomiar zaznaczonego wskaźnika (Enter)"))
        self.measure_button.clicked.connect(lambda: self.record_measurement())
        self.empty = EmptyState(
            _("Nic nie wymaga uwagi"),
            _("Wszystkie wskaźniki są zgodne z planem i mają aktualne pomiary."),
        )
        self.empty.add_button(
            _("Pokaż wszystkie wskaźniki"), lambda: self.show_all.setChecked(True)
        )
        self.chart = IndicatorChart()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._layout()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.show_all)
        bar.addWidget(self.measure_button)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.chart, 3)
        right_box.addWidget(self.details, 1)
        self.make_splitter(self.list_stack, right)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.info)
        box.addWidget(self.splitter, 1)

    # -- what is shown ----------------------------------------------------------------------

    def municipality_shown(self, changed: bool) -> None:
        self.info.hide()

    def reload(self) -> None:
        keep = self.current_id()
        found: list[IndicatorCheck] = []
        counts = attention.IndicatorCounts()
        if self.context is not None and self.municipality_id is not None:
            every = attention.checks(self.context.store, self.municipality_id, self.today)
            counts = attention.counts_of(every)
            found = (
                every
                if self.show_all.isChecked()
                else sorted(
                    (c for c in every if c.needs_attention),
                    key=lambda c: (c.severity, c.indicator.name.casefold()),
                )
            )
        self.model.set_checks(found)
        self._show_summary(counts)
        self.list_stack.setCurrentWidget(self.table if found else self.empty)
        self.measure_button.setEnabled(bool(found))
        if keep is not None and self.select(keep):
            return
        if self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        else:
            self._show_details(None)

    def _show_summary(self, counts: attention.IndicatorCounts) -> None:
        if counts.total == 0:
            self.summary.setText(_("Ta JST nie ma jeszcze wskaźników."))
            return
        self.summary.setText(
            _(
                "Wymaga uwagi: {attention} z {total} — poza planem: {off}, zagrożone: {risk}, "
                "nieaktualne: {stale}."
            ).format(
                attention=counts.needing_attention,
                total=counts.total,
                off=counts.off_track,
                risk=counts.at_risk,
                stale=counts.stale,
            )
        )

    def count(self) -> int:
        return self.model.rowCount()

    # -- selection --------------------------------------------------------------------------

    def list_view(self) -> QAbstractItemView:
        return self.table

    def current_link(self) -> tuple[str, str] | None:
        current = self.current_id()
        return ("indicator", current) if current else None

    def select(self, indicator_id: str) -> bool:
        return select_source_row(self.table, self.proxy, self.model.row_of(indicator_id))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        indicator_id = current.data(ID_ROLE) if current.isValid() else None
        self._show_details(self.model.find(str(indicator_id)) if indicator_id else None)

    def _show_details(self, check: IndicatorCheck | None) -> None:
        if check is None:
            self.chart.set_data(None)
            self.details.clear()
            return
        self.chart.set_data(chart_data(check.indicator, check.measurements, check.state))
        status = check.state.status.label
        lines = [f"{status[:1].upper()}{status[1:]}: {progress_text(check.state)}"]
        if check.state.stale:
            lines.append(stale_text(check.indicator, check.state))
        if check.attached_to:
            lines.append(_("Przypisany do: {target}").format(target=check.attached_to))
        self.details.setText("\n".join(lines))

    # -- recording ----------------------------------------------------------------------------

    def record_measurement(self, indicator_id: str | None = None) -> bool:
        """Open the measurement dialog for ``indicator_id`` (default: the selected one)."""
        if self.context is None or self.municipality_id is None:
            return False
        indicator_id = indicator_id or self.current_id()
        check = self._check_of(indicator_id)
        if check is None:
            return False
        context = self.context

        def save(values: dict[str, Any]) -> None:
            from ui.commands import push

            push(context.undo_stack, RecordMeasurement(context.store, check.indicator.id, values))

        dialog = MeasurementDialog(check.indicator, check.state, save, self.today, self)
        if not dialog.exec():
            return False
        self.refresh()
        self._report(check.indicator.id, check.indicator.name)
        return True

    def _check_of(self, indicator_id: str | None) -> IndicatorCheck | None:
        if not indicator_id:
            return None
        found = self.model.find(indicator_id)
        if found is not None or self.context is None or self.municipality_id is None:
            return found
        every = attention.checks(self.context.store, self.municipality_id, self.today)
        return next((c for c in every if c.indicator.id == indicator_id), None)

    def _report(self, indicator_id: str, name: str) -> None:
        check = self._check_of(indicator_id)
        if check is None or self.context is None or self.municipality_id is None:
            return
        if check.needs_attention:
            text = _("Zapisano pomiar. Wskaźnik „{name}”: {status}.")
        else:
            text = _(
                "Zapisano pomiar. Wskaźnik „{name}” jest teraz w normie ({status}) "
                "i zniknął z listy."
            )
        self.info.setText(text.format(name=name, status=check.state.status.label))
        good = check.state.status in (IndicatorStatus.ON_TRACK, IndicatorStatus.ACHIEVED)
        self.info.setStyleSheet(f"color: {'#1d6a35' if good else '#8c1c1c'};")
        self.info.show()
