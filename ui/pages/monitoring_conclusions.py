"""Wnioski i rekomendacje: the officer's conclusions of each monitoring period.

On the left the periods that have conclusions (the latest first) and a button
adding one; on the right the chosen period's dates, conclusions, recommendations
and who prepared and approved the report. The monitoring report of exactly that
period prints them. Every edit is an undoable command.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.model import MonitoringConclusion
from app.services import conclusions
from app.services.fields import FIELDS
from ui.commands import push
from ui.commands.monitoring import AddConclusions, EditConclusion
from ui.formatting import show_date
from ui.forms.record_form import RecordForm
from ui.models.roles import ID_ROLE
from ui.pages.base import LiveView

FORM_FIELDS = (
    "period_start",
    "period_end",
    "conclusions",
    "recommendations",
    "prepared_by",
    "approved_by",
)


def period_text(record: MonitoringConclusion) -> str:
    return f"{show_date(record.period_start)} – {show_date(record.period_end)}"


def default_period(today: date, taken: set[tuple[date, date]]) -> tuple[date, date]:
    """The last calendar year without conclusions, counting back from the one before today's."""
    year = today.year - 1
    while (date(year, 1, 1), date(year, 12, 31)) in taken and year > 1990:
        year -= 1
    return date(year, 1, 1), date(year, 12, 31)


class ConclusionsPanel(LiveView):
    watched = frozenset({"monitoring_conclusion", "municipality"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today: date | None = None
        self._found: list[MonitoringConclusion] = []
        self.periods = QListWidget()
        self.periods.setObjectName("conclusion_periods")
        self.periods.setAccessibleName(_("Okresy monitoringu"))
        self.periods.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.periods.currentItemChanged.connect(lambda *_args: self._show_current())
        self.add_button = QPushButton(_("Dodaj okres"))
        self.add_button.setToolTip(
            _("Wnioski za ostatni rok kalendarzowy, który ich nie ma (daty można zmienić)")
        )
        self.add_button.clicked.connect(self.add_period)
        self.delete_button = QPushButton(_("Usuń"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.form = RecordForm(MonitoringConclusion, FORM_FIELDS, self._edit)
        for name in ("conclusions", "recommendations"):
            self.form.editors[name].setMinimumHeight(120)
        self.hint = QLabel(
            _(
                "Raport z monitoringu za dokładnie ten okres (Plik → Eksportuj dokument PDF…, "
                "okres od–do) drukuje te wnioski i rekomendacje oraz nazwiska pod "
                "„Sporządził(a)” i „Zatwierdził(a)”."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setObjectName("muted")
        self._layout()
        self._show(None)

    def _layout(self) -> None:
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        box.addWidget(self.periods)
        right = QWidget()
        form_box = QVBoxLayout(right)
        form_box.setContentsMargins(0, 0, 0, 0)
        form_box.addWidget(self.form)
        form_box.addWidget(self.hint)
        form_box.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- what is shown ----------------------------------------------------------------------

    def list_view(self) -> QAbstractItemView:
        return self.periods

    def flush(self) -> None:
        self.form.flush()

    def reload(self) -> None:
        keep = self.current_id()
        store = self.store
        self._found = (
            conclusions.conclusions_of(store, self.municipality_id)
            if store is not None and self.municipality_id is not None
            else []
        )
        self.periods.blockSignals(True)
        self.periods.clear()
        for record in self._found:
            item = QListWidgetItem(period_text(record))
            item.setData(ID_ROLE, record.id)
            self.periods.addItem(item)
        self.periods.blockSignals(False)
        self.add_button.setEnabled(store is not None and self.municipality_id is not None)
        if not (keep and self.select(keep)) and self._found:
            self.periods.setCurrentRow(0)
        self._show_current()

    def select(self, record_id: str) -> bool:
        for row in range(self.periods.count()):
            if self.periods.item(row).data(ID_ROLE) == record_id:
                self.periods.setCurrentRow(row)
                return True
        return False

    def _show_current(self) -> None:
        current = self.current_id()
        self._show(next((r for r in self._found if r.id == current), None))

    def _show(self, record: MonitoringConclusion | None) -> None:
        if record is not None and record.id == self.form.record_id:
            self.form.sync(record)
        else:
            self.form.load(record)
        self.form.setEnabled(record is not None)
        self.delete_button.setEnabled(record is not None)

    # -- editing ----------------------------------------------------------------------------

    def _edit(self, field: str, old: Any, new: Any) -> None:
        assert self.context is not None and self.form.record_id is not None
        label = _(FIELDS[MonitoringConclusion][field].label)
        push(
            self.context.undo_stack,
            EditConclusion(
                self.context.store,
                self.form.record_id,
                {field: old},
                {field: new},
                _("zmianę pola „{field}”").format(field=label),
            ),
        )

    def add_period(self) -> None:
        if self.context is None or self.municipality_id is None:
            return
        self.flush()
        taken = {(r.period_start, r.period_end) for r in self._found}
        start, end = default_period(self.today or date.today(), taken)
        command = AddConclusions(self.context.store, self.municipality_id, start, end)
        if not self.context.run(command) or command.record_id is None:
            return
        self.refresh()
        self.select(command.record_id)
        self.form.editors["conclusions"].setFocus()

    def delete_selected(self) -> None:
        record = next((r for r in self._found if r.id == self.current_id()), None)
        if record is None:
            return
        period = period_text(record)
        if self.delete_with_confirm(
            _("Usuwanie wniosków"),
            _(
                "Usunąć wnioski i rekomendacje za okres {period}?\n\n"
                "Można to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."
            ).format(period=period),
            MonitoringConclusion,
            record.id,
            _("usunięcie wniosków za okres {period}").format(period=period),
        ):
            self.refresh()
