"""Dziennik: the monitoring journal — notes filtered and searched, one note's form beside them.

Filters (kind, period, link, author, open follow-ups) and the search box (case
and Polish diacritics ignored) narrow the list through
:func:`app.services.journal.list_notes`. The selected note is edited in place
(autosaved, undoable); new notes come from the quick-note dialog; a risk-kind
note can become a register entry; a note about an indicator can record a
measurement of it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import _
from app.model import MonitoringNote, NoteKind
from app.services import journal, links, risks
from app.services.journal import NO_LINK
from ui.commands import EditRecord, push
from ui.commands.monitoring import RiskFromNote
from ui.context import EditorContext
from ui.dialogs.quick_note import QuickNoteDialog
from ui.forms.record_form import RecordForm
from ui.models import notes as columns
from ui.models.notes import NoteTableModel, note_title
from ui.models.roles import ID_ROLE
from ui.pages.monitoring_journal_filters import JournalFilters
from ui.pages.split_panel import column
from ui.widgets.column_fit import fit_width
from ui.widgets.link_editor import LinkEditor
from ui.widgets.practice_links import PracticeLinks
from ui.widgets.tables import make_table, on_delete_key, scrolled, select_source_row

FORM_FIELDS = (
    "kind",
    "noted_on",
    "author",
    "title",
    "text",
    "follow_up",
    "follow_up_due",
    "follow_up_done",
)
SEARCH_PAUSE_MS = 250
TITLE_ROOM = 200  # a note's title beyond its header, before other columns fold
COLUMN_WIDTHS = {
    columns.DATE: 86,
    columns.KIND: 120,
    columns.TITLE: 290,
    columns.LINK: 230,
    columns.AUTHOR: 150,
}
# Records whose names appear in the "Powiązanie" column and list.
LINKED_TABLES = set(links.LINK_CLASSES) - {"monitoring_note"}


class JournalPanel(JournalFilters):
    risk_created = Signal(str)  # the new risk's id
    risk_requested = Signal(str)  # show this risk
    measurement_requested = Signal(str)  # record a measurement of this indicator

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.reload_list)
        self._build_filters()
        self._build_list()
        self._build_form()
        self._layout()
        self._show_note(None)

    # -- building ---------------------------------------------------------------------------

    def _build_list(self) -> None:
        self.model = NoteTableModel()
        self.table, self.proxy = make_table(
            self.model, _("Notatki monitoringowe"), COLUMN_WIDTHS, self
        )
        self.table.setObjectName("journal_table")
        # The date, the kind and the follow-up's state stay whole; on a narrow screen the
        # link, then the author (whole or not at all) fold (the form beside shows them).
        fit_width(
            self.table,
            columns.TITLE,
            keep=[columns.DATE, columns.KIND, columns.FOLLOW_UP, columns.AUTHOR],
            optional=[columns.LINK, columns.AUTHOR],
            stretch_room=TITLE_ROOM,
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(lambda _index: self._focus_text())
        self.new_button = QPushButton(_("Nowa notatka…"))
        self.new_button.setToolTip(_("Dopisz notatkę (w całym programie także Ctrl+M)"))
        self.new_button.clicked.connect(self.new_note)
        self.delete_button = QPushButton(_("Usuń"))
        self.delete_button.setToolTip(_("Usuń zaznaczoną notatkę (Delete; Ctrl+Z cofa)"))
        self.delete_button.clicked.connect(self.delete_selected)
        on_delete_key(self.table, self.delete_selected)
        find_key = QShortcut(QKeySequence.StandardKey.Find, self)
        find_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find_key.activated.connect(self._focus_search)

    def _build_form(self) -> None:
        self.form = RecordForm(MonitoringNote, FORM_FIELDS, self._edit)
        self.form.editors["text"].setMinimumHeight(150)
        self.form.editors["follow_up"].setMaximumHeight(70)
        self.link = LinkEditor()
        self.link.setObjectName("field_link")
        self.link.committed.connect(self._link_changed)
        self.form.layout_.insertRow(2, _("Dotyczy"), self.link)
        self.practice_links = PracticeLinks()
        self.form.layout_.insertRow(3, _("Dobre praktyki"), self.practice_links)
        self.risk_button = QPushButton(_("Utwórz ryzyko z notatki"))
        self.risk_button.setToolTip(
            _("Wpisz to ryzyko do rejestru ryzyk (notatka rodzaju „ryzyko”)")
        )
        self.risk_button.clicked.connect(self.create_risk)
        self.measure_button = QPushButton(_("Zapisz pomiar wskaźnika…"))
        self.measure_button.setToolTip(_("Nowy pomiar wskaźnika, którego dotyczy notatka"))
        self.measure_button.clicked.connect(self._measure)

    def _layout(self) -> None:
        self.make_splitter(self._list_side(), scrolled(self._form_side()))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        for row in self._filter_rows():
            box.addLayout(row)
        box.addWidget(self.filter_error)
        box.addWidget(self.splitter, 1)
        self._period_changed()

    def _list_side(self) -> QWidget:
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        return column(buttons, self.table)

    def _form_side(self) -> QWidget:
        actions = QHBoxLayout()
        actions.addWidget(self.risk_button)
        actions.addWidget(self.measure_button)
        actions.addStretch(1)
        return column(self.form, actions, stretch=True)

    # -- what is shown ----------------------------------------------------------------------

    def municipality_shown(self, changed: bool) -> None:
        if changed:
            self._reset_filters()

    def on_change(self, change: Change) -> None:
        if self.municipality_id is None:
            return
        if change.record_type == "monitoring_note" and change.kind is ChangeKind.UPDATED:
            self._update_rows(change.record_ids)
            return
        relevant = {"monitoring_note", "municipality", "risk", *LINKED_TABLES}
        if change.record_type in relevant:
            self.refresh_soon()

    def flush(self) -> None:
        self.form.flush()

    def reload(self) -> None:
        """Read the filter choices and the list again, keeping the selected note."""
        self._fill_filter_choices()
        self._fill_link_choices()
        self.reload_list()

    def reload_list(self, keep: str | None = None) -> None:
        self._search_timer.stop()
        keep = keep or self.current_id()
        self.model.today = self.today
        found: list[MonitoringNote] = []
        if self.context is not None and self.municipality_id is not None:
            try:
                found = journal.list_notes(
                    self.context.store, self.municipality_id, self.note_filter()
                )
                self._filter_problem(None)
            except UserError as error:
                self._filter_problem(error.message)
        labels = journal.link_labels(self.context.store, found) if self.context else {}
        self.model.set_notes(found, labels)
        self._update_count(len(found))
        if keep is not None and self.select(keep):
            return
        if self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        else:
            self._show_note(None)

    def _update_rows(self, note_ids: tuple[str, ...]) -> None:
        if self.context is None:
            return
        for note_id in note_ids:
            try:
                note = journal.get_note(self.context.store, note_id)
            except UserError:
                continue
            listed = self.model.update_note(note, journal.link_labels(self.context.store, [note]))
            if listed and note.id == self.form.record_id:
                self.form.sync(note)
                self._show_link(note)
                self._update_buttons(note)

    def _update_count(self, shown: int) -> None:
        if self.context is None or self.municipality_id is None:
            self.count_label.clear()
            return
        total = journal.count_notes(self.context.store, self.municipality_id)
        text = (
            _("Notatek: {count}").format(count=total)
            if shown == total
            else _("Pokazano {shown} z {total} notatek").format(shown=shown, total=total)
        )
        self.count_label.setText(text)

    def _filter_problem(self, message: str | None) -> None:
        self.filter_error.setText(message or "")
        self.filter_error.setVisible(bool(message))

    def _fill_link_choices(self) -> None:
        targets = (
            links.link_targets(self.context.store, self.municipality_id)
            if self.context and self.municipality_id
            else []
        )
        self.link.set_targets(targets)

    def _focus_text(self) -> None:
        """Enter on a note goes to its text (Shift+Tab leads back through the form)."""
        self.form.editors["text"].setFocus()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- selection --------------------------------------------------------------------------

    def list_view(self) -> QAbstractItemView:
        return self.table

    def current_note(self) -> MonitoringNote | None:
        current = self.current_id()
        return self.model.find(current) if current else None

    def current_link(self) -> links.Link | None:
        """What the selected note is about (a quick note continues the same topic)."""
        note = self.current_note()
        if note is None or not (note.link_type and note.link_id):
            return None
        return (note.link_type, note.link_id)

    def select(self, note_id: str) -> bool:
        return select_source_row(self.table, self.proxy, self.model.row_of(note_id))

    def show_note(self, note_id: str) -> bool:
        """Select ``note_id``, clearing the filters when they hide it."""
        if self.select(note_id):
            return True
        self.clear_filters()
        return self.select(note_id)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        note_id = current.data(ID_ROLE) if current.isValid() else None
        self._show_note(self.model.find(str(note_id)) if note_id else None)

    def _show_note(self, note: MonitoringNote | None) -> None:
        self.form.load(note)
        note_id = note.id if note is not None else None
        self.practice_links.show_for(self.context, self.municipality_id, "monitoring_note", note_id)
        self.link.setEnabled(note is not None)
        if note is not None:
            self._show_link(note)
        else:
            self.link.set_value(None)
        self._update_buttons(note)

    def _show_link(self, note: MonitoringNote) -> None:
        link = (note.link_type, note.link_id) if note.link_type and note.link_id else None
        self.link.show_link(link, self.model.link_label(note))

    def _update_buttons(self, note: MonitoringNote | None) -> None:
        has_data = self.context is not None and self.municipality_id is not None
        self.new_button.setEnabled(has_data)
        self.delete_button.setEnabled(note is not None)
        is_risk = note is not None and NoteKind(note.kind) is NoteKind.RISK
        existing = (
            risks.risk_of_note(self.context.store, note.id)
            if is_risk and note is not None and self.context is not None
            else None
        )
        self.risk_button.setVisible(is_risk)
        self.risk_button.setText(
            _("Pokaż ryzyko w rejestrze") if existing else _("Utwórz ryzyko z notatki")
        )
        self.measure_button.setVisible(note is not None and note.link_type == "indicator")

    # -- editing ----------------------------------------------------------------------------

    def _edit(self, field: str, old: Any, new: Any) -> None:
        assert self.context is not None and self.form.record_id is not None
        push(
            self.context.undo_stack,
            EditRecord.of_field(
                self.context.store, MonitoringNote, self.form.record_id, field, old, new
            ),
        )

    def _link_changed(self) -> None:
        note = self.current_note()
        if note is None or self.context is None:
            return
        new = self.link.link()
        old = (note.link_type, note.link_id) if note.link_id else None
        if new == old:
            return
        command = EditRecord(
            self.context.store,
            MonitoringNote,
            note.id,
            {"link_type": old[0] if old else None, "link_id": old[1] if old else None},
            {"link_type": new[0] if new else None, "link_id": new[1] if new else None},
            _("zmianę powiązania notatki"),
            mergeable=False,
        )
        if not self.context.run(command):
            self._show_link(note)

    def new_note(self) -> None:
        if self.context is None or self.municipality_id is None:
            return
        self.flush()
        link_type, link_id = self._link_filter_value()
        kind = self.kind_filter.currentData()
        dialog = QuickNoteDialog(
            self.context,
            self.municipality_id,
            link_type if link_type != NO_LINK else None,
            link_id,
            parent=self,
            settings=_settings(self.context),
            kind=NoteKind(kind) if kind else NoteKind.PROGRESS,
        )
        if dialog.exec() and dialog.created_id:
            self.refresh()
            self.show_note(dialog.created_id)
            self.table.setFocus()

    def delete_selected(self) -> None:
        note = self.current_note()
        if note is None or self.context is None:
            return
        self.flush()
        title = note_title(note)
        row = self.proxy.mapFromSource(self.model.index(self.model.row_of(note.id), 0)).row()
        if self.delete_with_confirm(
            _("Usuwanie notatki"),
            _(
                "Usunąć notatkę „{title}”?\n\nMożna to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."
            ).format(title=title),
            MonitoringNote,
            note.id,
            _("usunięcie notatki „{title}”").format(title=title),
        ):
            self.reload_list()
            if self.proxy.rowCount() > 0:
                self.table.selectRow(min(row, self.proxy.rowCount() - 1))

    def create_risk(self) -> None:
        note = self.current_note()
        if note is None or self.context is None:
            return
        self.flush()
        existing = risks.risk_of_note(self.context.store, note.id)
        if existing is not None:
            self.risk_requested.emit(existing.id)
            return
        command = RiskFromNote(self.context.store, note.id)
        if self.context.run(command) and command.record_id:
            self._update_buttons(self.current_note())
            self.risk_created.emit(command.record_id)

    def _measure(self) -> None:
        note = self.current_note()
        if note is not None and note.link_type == "indicator" and note.link_id:
            self.measurement_requested.emit(note.link_id)


def _settings(context: EditorContext) -> QSettings | None:
    settings = getattr(context.window, "settings", None)
    return settings if isinstance(settings, QSettings) else None
