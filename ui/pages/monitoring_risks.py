"""Rejestr ryzyk: the risk register — table, 5×5 matrix and the selected risk's form.

Clicking a matrix cell shows only its risks (click it again, or "Pokaż
wszystkie", to show all); the selected risk's cell is ringed. Every edit is an
undoable command; a risk made from a journal note links back to it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.changes import Change
from app.errors import UserError
from app.i18n import _
from app.model import MonitoringNote, Risk
from app.services import records, risks
from app.services.risks import SCALE, SCALE_LABELS
from ui.commands import CreateRecord, EditRecord, push
from ui.formatting import show_date
from ui.forms.record_form import RecordForm
from ui.models import risks as columns
from ui.models.risks import RiskTableModel
from ui.models.roles import ID_ROLE
from ui.pages.split_panel import SplitPanel, column
from ui.widgets.column_fit import fit_width
from ui.widgets.risk_matrix import RiskMatrixWidget
from ui.widgets.tables import make_table, on_delete_key, scrolled, select_source_row

FORM_FIELDS = (
    "title",
    "probability",
    "impact",
    "status",
    "owner",
    "review_date",
    "description",
    "mitigation",
)
COLUMN_WIDTHS = {
    columns.TITLE: 260,
    columns.PROBABILITY: 70,
    columns.IMPACT: 60,
    columns.SCORE: 110,
    columns.STATUS: 120,
    columns.OWNER: 150,
}


def _scale_choices() -> list[tuple[Any, str]]:
    return [(value, f"{value} – {_(SCALE_LABELS[value])}") for value in SCALE]


TITLE_ROOM = 130  # a risk's title beyond its header, before other columns fold


class RisksPanel(SplitPanel):
    note_requested = Signal(str)  # show this journal note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()
        self._show_risk(None)

    def _build(self) -> None:
        self.model = RiskTableModel()
        self.table, self.proxy = make_table(self.model, _("Rejestr ryzyk"), COLUMN_WIDTHS, self)
        self.table.setObjectName("risk_table")
        # Narrow: the score, the state and the review date stay whole; probability and
        # impact (the score and the matrix show them), then the owner fold (the owner is
        # shown whole or not at all).
        fit_width(
            self.table,
            columns.TITLE,
            keep=[columns.SCORE, columns.STATUS, columns.REVIEW, columns.OWNER],
            optional=[columns.PROBABILITY, columns.IMPACT, columns.OWNER],
            stretch_room=TITLE_ROOM,
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        on_delete_key(self.table, self.delete_selected)
        self.matrix = RiskMatrixWidget()
        self.matrix.setObjectName("risk_matrix")
        self.matrix.cell_clicked.connect(self.choose_cell)
        self.add_button = QPushButton(_("Dodaj ryzyko"))
        self.add_button.clicked.connect(self.add_risk)
        self.delete_button = QPushButton(_("Usuń"))
        self.delete_button.setToolTip(_("Usuń zaznaczone ryzyko (Delete; Ctrl+Z cofa)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.show_closed = QCheckBox(_("Pokaż zamknięte"))
        self.show_closed.setToolTip(
            _("Także ryzyka o statusie „zamknięte” (w tabeli i na macierzy)")
        )
        self.show_closed.toggled.connect(lambda _on: self.refresh())
        self.filter_label = QLabel()
        self.filter_label.setObjectName("risk_filter")
        self.show_all_button = QPushButton(_("Pokaż wszystkie"))
        self.show_all_button.clicked.connect(lambda: self.choose_cell(0, 0))
        self._build_form()
        self._layout()

    def _build_form(self) -> None:
        self.form = RecordForm(
            Risk,
            FORM_FIELDS,
            self._edit,
            choices={"probability": _scale_choices, "impact": _scale_choices},
        )
        for name in ("description", "mitigation"):
            self.form.editors[name].setMaximumHeight(110)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_button = QPushButton(_("Pokaż notatkę źródłową"))
        self.source_button.clicked.connect(self._show_source)

    def _layout(self) -> None:
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.setChildrenCollapsible(False)
        self.left.addWidget(self._table_side())
        self.left.addWidget(self.matrix)
        self.make_splitter(self.left, scrolled(self._form_side()))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(self.splitter)

    def _table_side(self) -> QWidget:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_closed)
        narrow = QHBoxLayout()
        narrow.addWidget(self.filter_label, 1)
        narrow.addWidget(self.show_all_button)
        return column(buttons, narrow, self.table)

    def _form_side(self) -> QWidget:
        source = QVBoxLayout()  # the note's title gets the panel's whole width
        source.addWidget(self.source_label)
        source.addWidget(self.source_button, 0, Qt.AlignmentFlag.AlignLeft)
        return column(self.form, source, stretch=True)

    # -- what is shown ----------------------------------------------------------------------

    def municipality_shown(self, changed: bool) -> None:
        self.choose_cell(0, 0, refresh=False)

    def on_change(self, change: Change) -> None:
        if self.municipality_id is None:
            return
        if change.record_type == "risk" and self.form.record_id in change.record_ids:
            self.refresh()  # at once: the form shows an undo of its own edit
        elif change.record_type in ("risk", "monitoring_note", "municipality"):
            self.refresh_soon()

    def flush(self) -> None:
        self.form.flush()

    def reload(self) -> None:
        keep = self.current_id()
        found: list[Risk] = []
        if self.context is not None and self.municipality_id is not None:
            found = risks.risks_of(
                self.context.store,
                self.municipality_id,
                include_closed=self.show_closed.isChecked(),
            )
        self.model.today = self.today
        self.model.set_risks(found)
        self.matrix.set_matrix(risks.matrix_of(found), {r.id: r.title for r in found})
        chosen = self.matrix.chosen()
        if chosen is not None:
            self.model.show_only(self.matrix.matrix().cell(*chosen))
        self._update_filter_label()
        self.add_button.setEnabled(self.context is not None and self.municipality_id is not None)
        if keep is not None and self.select(keep):
            self._show_risk(self.model.find(keep))
            return
        if self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        else:
            self._show_risk(None)

    def choose_cell(self, probability: int, impact: int, refresh: bool = True) -> None:
        """Show only the risks of one cell; the same cell again (or 0, 0) shows all."""
        cell = (probability, impact) if probability and impact else None
        if cell == self.matrix.chosen():
            cell = None
        self.matrix.set_chosen(cell)
        self.model.show_only(self.matrix.matrix().cell(*cell) if cell else None)
        self._update_filter_label()
        if not refresh:
            return
        if self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        else:
            self._show_risk(None)

    def _update_filter_label(self) -> None:
        cell = self.matrix.chosen()
        self.show_all_button.setVisible(cell is not None)
        if cell is None:
            total = self.model.rowCount()
            self.filter_label.setText(
                _(
                    "Ryzyk w rejestrze: {count}. Kliknij komórkę macierzy, "
                    "aby pokazać tylko jej ryzyka."
                ).format(count=total)
            )
            return
        probability, impact = cell
        self.filter_label.setText(
            _("Pokazano ryzyka z komórki: prawdopodobieństwo {p} × wpływ {i} ({count}).").format(
                p=probability, i=impact, count=self.model.rowCount()
            )
        )

    # -- selection --------------------------------------------------------------------------

    def list_view(self) -> QAbstractItemView:
        return self.table

    def current_link(self) -> tuple[str, str] | None:
        current = self.current_id()
        return ("risk", current) if current else None

    def select(self, risk_id: str) -> bool:
        """Make ``risk_id`` current (showing every cell and closed risks if needed)."""
        if self.model.row_of(risk_id) < 0 and self.model.find(risk_id) is not None:
            self.choose_cell(0, 0, refresh=False)
        if self.model.find(risk_id) is None and not self.show_closed.isChecked():
            self.show_closed.setChecked(True)  # refreshes
        return select_source_row(self.table, self.proxy, self.model.row_of(risk_id))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        risk_id = current.data(ID_ROLE) if current.isValid() else None
        self._show_risk(self.model.find(str(risk_id)) if risk_id else None)

    def _show_risk(self, risk: Risk | None) -> None:
        if risk is not None and risk.id == self.form.record_id:
            self.form.sync(risk)
        else:
            self.form.load(risk)
        self.delete_button.setEnabled(risk is not None)
        self.matrix.set_highlight(risk.id if risk is not None else None)
        self._show_source_note(risk)

    def _show_source_note(self, risk: Risk | None) -> None:
        note = None
        if risk is not None and risk.source_note_id and self.context is not None:
            try:
                note = records.get(self.context.store, MonitoringNote, risk.source_note_id)
            except UserError:
                note = None
        self.source_button.setVisible(note is not None)
        if note is None:
            self.source_label.clear()
            return
        self.source_label.setText(
            _("Z notatki z dnia {date}: {title}").format(
                date=show_date(note.noted_on), title=note.title or note.text[:80]
            )
        )

    def _show_source(self) -> None:
        risk = self.model.find(self.current_id() or "")
        if risk is not None and risk.source_note_id:
            self.note_requested.emit(risk.source_note_id)

    def focus_scores(self) -> None:
        editor = self.form.editors["probability"]
        editor.setFocus()

    # -- editing ----------------------------------------------------------------------------

    def _edit(self, field: str, old: Any, new: Any) -> None:
        assert self.context is not None and self.form.record_id is not None
        push(
            self.context.undo_stack,
            EditRecord.of_field(self.context.store, Risk, self.form.record_id, field, old, new),
        )

    def add_risk(self) -> None:
        if self.context is None or self.municipality_id is None:
            return
        self.flush()
        values = {
            "title": _("Nowe ryzyko"),
            "probability": risks.DEFAULT_PROBABILITY,
            "impact": risks.DEFAULT_IMPACT,
        }
        command = CreateRecord(
            self.context.store, Risk, self.municipality_id, values, _("dodanie ryzyka")
        )
        if not self.context.run(command) or command.record_id is None:
            return
        self.choose_cell(0, 0, refresh=False)
        self.refresh_when_seen()
        self.select(command.record_id)
        title = self.form.editors["title"]
        title.setFocus()
        title.selectAll()

    def delete_selected(self) -> None:
        risk = self.model.find(self.current_id() or "")
        if risk is None or self.context is None:
            return
        if self.delete_with_confirm(
            _("Usuwanie ryzyka"),
            _(
                "Usunąć ryzyko „{title}”?\n\nMożna to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."
            ).format(title=risk.title),
            Risk,
            risk.id,
            _("usunięcie ryzyka „{title}”").format(title=risk.title),
        ):
            self.refresh()
