"""A list of records with a form for the selected one: add, delete (undoable), edit in place."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import Change
from app.i18n import _
from app.model import Record
from app.services import records
from ui.commands import CreateRecord, DeleteRecord, EditRecord
from ui.context import EditorContext
from ui.dialogs.confirm_delete import ask_delete, erase_from_backups_after
from ui.forms.record_form import RecordForm
from ui.models.records import Column, RecordTableModel
from ui.models.roles import ID_ROLE, SORT_ROLE
from ui.widgets.column_fit import STRETCH_ROOM, fit_width
from ui.widgets.tables import selected_id


@dataclass(frozen=True)
class ColumnFit:
    """How the table's columns give way on a narrow screen (see :func:`fit_width`): the
    columns kept at their content's width, those that fold, the room the name keeps."""

    keep: Sequence[int] = ()
    optional: Sequence[int] = ()
    name_room: int = STRETCH_ROOM


class RecordPanel(QWidget):
    """Table of ``cls`` records under one parent, and a form for the selected row."""

    selection_changed = Signal(str)

    def __init__(
        self,
        cls: type[Record],
        columns: Sequence[Column],
        form_fields: Sequence[str],
        *,
        noun: str,
        new_values: Callable[[], dict[str, Any]],
        choices: dict[str, Callable[[], Sequence[tuple[Any, str]]]] | None = None,
        parent: QWidget | None = None,
        scroll_form: bool = True,
        fit: ColumnFit | None = None,
    ) -> None:
        super().__init__(parent)
        self.scroll_form = scroll_form  # False inside a scrolled page: no scrolling in scrolling
        self.cls = cls
        self.noun = noun
        self.new_values = new_values
        self.context: EditorContext | None = None
        self.parent_id: str | None = None
        self.where: dict[str, Any] = {}
        self.model = RecordTableModel(columns, self._load)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fit = fit or ColumnFit()  # the name (first column) takes what the others leave
        fit_width(self.table, 0, fit.keep, fit.optional, fit.name_room)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.form = RecordForm(cls, form_fields, self._edit, choices=choices)
        self.form.setEnabled(False)
        self.add_button = QPushButton(_("Dodaj {noun}").format(noun=noun))
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton(_("Usuń"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_button.setEnabled(False)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        self._layout(form_fields)

    def _layout(self, form_fields: Sequence[str]) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addLayout(buttons)
        left_box.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        if self.scroll_form:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(self.form)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setMinimumWidth(320)
            self.splitter.addWidget(scroll)
        else:
            self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.splitter)

    # -- data -----------------------------------------------------------------------

    def show_parent(self, context: EditorContext, parent_id: str | None, **where: Any) -> None:
        self.form.flush()
        self.context = context
        self.parent_id = parent_id
        self.where = where
        self.reload()

    def _load(self) -> Sequence[Record]:
        if self.context is None or self.parent_id is None:
            return []
        return records.children(self.context.store, self.cls, **self.where)

    def reload(self, keep: str | None = None) -> None:
        keep = keep or self.current_id()
        self.model.reload()
        self._fit_columns()
        self.form.refresh_choices()
        self.add_button.setEnabled(self.parent_id is not None)
        if keep and self.select(keep):
            return
        if self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        else:
            self.form.load(None)
            self.delete_button.setEnabled(False)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            self.table.resizeColumnToContents(column)
            header.resizeSection(column, min(max(header.sectionSize(column), 80), 320))

    def on_change(self, change: Change) -> None:
        if change.record_type == self.cls.__tablename__ or change.record_type == "municipality":
            current = self.current_id()
            self.model.reload()
            if current and self.select(current):
                record = self._record(current)
                if record is not None:
                    self.form.sync(record)
            elif self.proxy.rowCount() == 0:
                self.form.load(None)

    def _record(self, record_id: str) -> Record | None:
        row = self.model.row_of(record_id)
        return self.model.row_at(row)

    def current_id(self) -> str | None:
        return selected_id(self.table)

    def select(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            proxy_index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(proxy_index)
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = current.data(ID_ROLE) if current.isValid() else None
        record = self._record(str(record_id)) if record_id else None
        self.form.load(record)
        self.delete_button.setEnabled(record is not None)
        if record is not None:
            self.selection_changed.emit(record.id)

    # -- editing ----------------------------------------------------------------------

    def _edit(self, field: str, old: Any, new: Any) -> None:
        assert self.context is not None and self.form.record_id is not None
        label = _(self.form.specs[field].label)
        command = EditRecord(
            self.context.store,
            self.cls,
            self.form.record_id,
            {field: old},
            {field: new},
            _("zmianę pola „{field}”").format(field=label),
        )
        from ui.commands import push

        push(self.context.undo_stack, command)

    def add(self) -> None:
        if self.context is None or self.parent_id is None:
            return
        self.form.flush()
        command = CreateRecord(
            self.context.store,
            self.cls,
            self.parent_id,
            self.new_values(),
            _("dodanie: {noun}").format(noun=self.noun),
        )
        if self.context.run(command) and command.record_id:
            self.reload(keep=command.record_id)
            first = next(iter(self.form.editors.values()), None)
            if first is not None:
                first.setFocus()
                select_all = getattr(first, "selectAll", None)
                if select_all is not None:
                    select_all()

    def delete_selected(self) -> None:
        record_id = self.current_id()
        if self.context is None or record_id is None:
            return
        record = self._record(record_id)
        title = getattr(record, "name", None) or getattr(record, "title", None) or self.noun
        erase_backups = ask_delete(
            self,
            _("Usuwanie"),
            _("Usunąć „{title}”?\n\nMożna to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z).").format(
                title=title
            ),
        )
        if erase_backups is None:
            return
        command = DeleteRecord(
            self.context.store, self.cls, record_id, _("usunięcie: {title}").format(title=title)
        )
        if self.context.run(command):
            if erase_backups:
                erase_from_backups_after(self, self.context.store, command)
            self.reload()
