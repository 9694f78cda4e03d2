"""The recommendations of one visit: a table edited in place, add, delete, one-click status.

Used by the visits page and by the visit mode. Every change is an undoable
command (:mod:`ui.commands.visits`) on the context's undo stack; a refused edit
shows the core's message under the table and the old value stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.model import Recommendation, RecommendationStatus
from app.services import links, visits
from ui.commands import DeleteRecord, push
from ui.commands.visits import AddRecommendation, EditRecommendation, status_change
from ui.context import EditorContext
from ui.forms.editors import ChoiceEditor, enum_choices
from ui.models.recommendations import (
    DUE,
    LINK,
    NOTE,
    OWNER,
    STATUS,
    TEXT,
    RecommendationTableModel,
)
from ui.widgets.cell_delegate import CellDelegate
from ui.widgets.date_edit import date_cell_editor
from ui.widgets.tables import EditingTable

Index = QModelIndex | QPersistentModelIndex
ERROR_STYLE = "color: #b00020;"
WIDTHS = {OWNER: 150, DUE: 105, STATUS: 105, NOTE: 170, LINK: 180}


def _status_buttons() -> list[tuple[str, str, str]]:
    """The one-click status buttons: (status, label, tooltip)."""
    return [
        ("open", _("Otwarte"), _("Przywróć zaznaczone zalecenie do otwartych")),
        ("in_progress", _("W realizacji"), _("Zaznaczone zalecenie jest realizowane")),
        ("done", _("Wykonane"), _("Zaznaczone zalecenie zostało wykonane")),
        ("dropped", _("Zaniechane"), _("Od zaznaczonego zalecenia odstąpiono")),
    ]


class RecommendationDelegate(CellDelegate):
    """Editors per column: a line of text, a person (typed or chosen), a date, a status, a link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owners: list[str] = []
        self.targets: list[links.LinkTarget] = []

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column == DUE:
            editor: QWidget = date_cell_editor(parent)
        elif column == STATUS:
            editor = ChoiceEditor(
                enum_choices(RecommendationStatus), allow_empty=False, parent=parent
            )
        elif column == LINK:
            editor = ChoiceEditor([(t.key, t.label) for t in self.targets], True, parent)
            editor.view().setMinimumWidth(420)
        elif column == OWNER:
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.addItems(self.owners)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            editor = combo
        else:
            line = QLineEdit(parent)
            line.setMaxLength(20_000 if column == TEXT else 100_000)
            editor = line
        return editor


class RecommendationsPanel(QWidget):
    """The recommendations of the visit :attr:`visit_id`."""

    changed = Signal()  # something was added, edited or deleted here

    def __init__(self, parent: QWidget | None = None, *, add_button: bool = True) -> None:
        super().__init__(parent)
        self.context: EditorContext | None = None
        self.visit_id: str | None = None
        self.model = RecommendationTableModel(self._edit, self._failed)
        self.delegate = RecommendationDelegate(self)
        self.table = EditingTable()
        self.table.setModel(self.model)
        self.table.setItemDelegate(self.delegate)
        self.table.setAccessibleName(_("Zalecenia"))
        self._setup_table()
        self.add_button = QPushButton(_("Dodaj zalecenie"))
        self.add_button.setToolTip(_("Nowe zalecenie do tej wizyty (Insert)"))
        self.add_button.clicked.connect(self.add)
        if not add_button:  # (setVisible(True) on a button without a parent opens a window)
            self.add_button.hide()
        self.delete_button = QPushButton(_("Usuń"))
        self.delete_button.setToolTip(_("Usuń zaznaczone zalecenie (Delete; Ctrl+Z cofa)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.status_buttons: dict[str, QPushButton] = {}
        for status, label, tip in _status_buttons():
            button = QPushButton(label)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, s=status: self.set_status(s))
            self.status_buttons[status] = button
        self.error = QLabel()
        self.error.setObjectName("recommendation_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self._layout()
        self._shortcuts()
        self._update_buttons()

    def _setup_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(60)
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addSpacing(16)
        buttons.addWidget(QLabel(_("Status:")))
        for button in self.status_buttons.values():
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(buttons)
        box.addWidget(self.table, 1)
        box.addWidget(self.error)

    def _shortcuts(self) -> None:
        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self.delete_selected),
            (QKeySequence(Qt.Key.Key_Insert), self.add),
        ):
            shortcut = QShortcut(keys, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # -- what is shown ----------------------------------------------------------------------

    def show_visit(self, context: EditorContext | None, visit_id: str | None) -> None:
        if visit_id != self.visit_id:
            self.flush()  # a cell of the previous visit still being edited
        self.context = context
        self.visit_id = visit_id
        self.refresh()

    def set_choices(self, targets: Sequence[links.LinkTarget], owners: Sequence[str]) -> None:
        """What the "Dotyczy" and "Odpowiedzialny" editors offer."""
        self.delegate.targets = list(targets)
        self.delegate.owners = list(owners)
        self.model.set_link_targets(targets)

    def refresh(self) -> None:
        keep = self.current_id()
        rows: list[Recommendation] = []
        if self.context is not None and self.visit_id is not None:
            try:
                rows = visits.recommendations_of(self.context.store, self.visit_id)
            except UserError:  # the visit was deleted meanwhile
                rows = []
        self.model.set_rows(rows)
        if keep:
            self.select(keep)
        self._update_buttons()

    def flush(self) -> None:
        self.table.commit_open_editor()

    def current_id(self) -> str | None:
        row = self.model.row_at(self.table.currentIndex().row())
        return row.id if row is not None else None

    def current(self) -> Recommendation | None:
        return self.model.row_at(self.table.currentIndex().row())

    def select(self, recommendation_id: str, column: int = TEXT) -> bool:
        row = self.model.row_of(recommendation_id)
        if row < 0:
            return False
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _update_buttons(self) -> None:
        has_visit = self.context is not None and self.visit_id is not None
        current = self.current()
        self.add_button.setEnabled(has_visit)
        self.delete_button.setEnabled(current is not None)
        status = getattr(current.status, "value", current.status) if current else None
        for value, button in self.status_buttons.items():
            button.setEnabled(current is not None and value != status)

    # -- editing ----------------------------------------------------------------------------

    def add(self) -> None:
        if self.context is None or self.visit_id is None:
            return
        self.flush()
        command = AddRecommendation(
            self.context.store, self.visit_id, {"text": _("Nowe zalecenie")}
        )
        if not self.context.run(command) or command.record_id is None:
            return
        self.refresh()
        self.changed.emit()
        if self.select(command.record_id):
            self.table.setFocus()
            self.table.edit(self.table.currentIndex())

    def delete_selected(self) -> None:
        current = self.current()
        if current is None or self.context is None:
            return
        self.flush()
        answer = QMessageBox.question(
            self,
            _("Usuwanie zalecenia"),
            _(
                "Usunąć zalecenie „{text}”?\n\nMożna to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."
            ).format(text=links.shorten(current.text, 80)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        command = DeleteRecord(
            self.context.store, Recommendation, current.id, _("usunięcie zalecenia")
        )
        if self.context.run(command):
            self.refresh()
            self.changed.emit()

    def set_status(self, status: str) -> None:
        current = self.current()
        if current is None or self.context is None:
            return
        self.flush()
        if self.context.run(status_change(self.context.store, current, status)):
            self._clear_error()
            self.refresh()
            self.changed.emit()

    def _edit(self, recommendation_id: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Called by the model; a UserError goes back to it (and is shown)."""
        if self.context is None:
            raise UserError(_("Nie wybrano wizyty."))
        command = EditRecommendation(
            self.context.store, recommendation_id, old, new, _("zmianę zalecenia")
        )
        push(self.context.undo_stack, command)
        self._clear_error()
        self.refresh()  # the same rows with new values: the editor being closed is not disturbed
        self.changed.emit()

    def _failed(self, error: UserError) -> None:
        self.error.setText(error.message)
        self.error.show()

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
