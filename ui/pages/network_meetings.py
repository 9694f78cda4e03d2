"""The meetings of a network: a timeline, and the selected meeting's editor — dates, host,
place, leading topic, materials, conclusions; its programme, participants and next steps.

Every field is saved when it is left (as everywhere in the program); a value the
core refuses (a day outside the network's period) shows its Polish message under
the editor and the stored value comes back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import N_, _
from app.model import (
    MeetingItem,
    MeetingStep,
    NetworkMeeting,
    NetworkMember,
    Participant,
    RecommendationStatus,
    Record,
)
from app.reports.network_data import meeting_days
from app.services import networks, trainings
from app.storage.store import Store
from ui.context import EditorContext
from ui.dialogs import network_edit
from ui.dialogs.form_rows import ERROR_STYLE
from ui.dialogs.network_forms import RecordDialog
from ui.errors import show_user_error
from ui.forms.editors import ChoiceEditor, DateEditor, LineEditor, TextEditor
from ui.models.networks import (
    NetworkTableModel,
    item_columns,
    participant_columns,
    roman,
    step_columns,
)
from ui.pages.network_tables import current_id, fill, make_table

Delete = network_edit.Delete
# What each list of a meeting holds: (record type, fields of its dialog, what one is called).
LISTS: dict[str, tuple[type[Record], tuple[str, ...], str]] = {
    "meeting_items": (
        MeetingItem,
        ("title", "kind", "presenter", "member_id", "practice_id"),
        N_("punkt programu"),
    ),
    "meeting_people": (Participant, ("name", "role", "member_id"), N_("uczestnik")),
    "meeting_steps": (MeetingStep, ("text", "member_id", "due_date"), N_("ustalony krok")),
}


class MeetingsTab(QWidget):
    """Timeline on the left, the chosen meeting on the right."""

    def __init__(
        self,
        export_pdf: Callable[[str, str | None], None],
        delete: Delete,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.context: EditorContext | None = None
        self._delete = delete
        self.network_id: str | None = None
        self.members: list[NetworkMember] = []
        self.meeting: NetworkMeeting | None = None
        self._export_pdf = export_pdf
        self._loading = False

        self.timeline = QListWidget()
        self.timeline.setObjectName("meeting_timeline")
        self.timeline.setAccessibleName(_("Oś czasu spotkań"))
        self.timeline.setWordWrap(True)
        self.timeline.setSpacing(4)
        self.timeline.currentItemChanged.connect(lambda *_args: self._chosen())
        self.add_button = QPushButton(_("&Nowe spotkanie…"))
        self.add_button.clicked.connect(self.add_meeting)
        self.delete_button = QPushButton(_("Usuń spotkanie"))
        self.delete_button.clicked.connect(self.delete_meeting)
        self.pdf_button = QPushButton(_("Sprawozdanie &PDF…"))
        self.pdf_button.clicked.connect(self._pdf)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(QLabel(_("Spotkania sieci")))
        left_box.addWidget(self.timeline, 1)
        for button in (self.add_button, self.delete_button, self.pdf_button):
            left_box.addWidget(button)

        self.editors: dict[str, Any] = {
            "starts_on": DateEditor(),
            "ends_on": DateEditor(),
            "host_member_id": ChoiceEditor([], allow_empty=True),
            "place": LineEditor(300),
            "topic": LineEditor(500),
            "materials": TextEditor(100_000),
            "conclusions": TextEditor(100_000),
        }
        for name in ("materials", "conclusions"):
            self.editors[name].setMaximumHeight(90)
        labels = {
            "starts_on": _("Pierwszy dzień"),
            "ends_on": _("Drugi dzień"),
            "host_member_id": _("Gospodarz"),
            "place": _("Miejsce"),
            "topic": _("Temat wiodący"),
            "materials": _("Materiały przesłane wcześniej"),
            "conclusions": _("Wnioski"),
        }
        form = QFormLayout()
        for name, editor in self.editors.items():
            editor.setObjectName(f"meeting_{name}")
            editor.setAccessibleName(labels[name])
            editor.committed.connect(lambda name=name: self._save(name))
            form.addRow(labels[name], editor)
        self.error = QLabel()
        self.error.setObjectName("meeting_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow("", self.error)

        self.items = make_table("meeting_items", NetworkTableModel(item_columns))
        self.people = make_table("meeting_people", NetworkTableModel(participant_columns))
        self.steps = make_table("meeting_steps", NetworkTableModel(step_columns))
        self.lists = QTabWidget()
        self.lists.setObjectName("meeting_lists")
        self.lists.addTab(self._section(self.items, self.add_item, None), _("Program"))
        self.lists.addTab(
            self._section(
                self.people, self.add_participant, (_("Obecny / nieobecny"), self.toggle_present)
            ),
            _("Uczestnicy"),
        )
        self.lists.addTab(
            self._section(self.steps, self.add_step, (_("Wykonany"), self.step_done)),
            _("Ustalone kroki"),
        )
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addLayout(form)
        right_box.addWidget(self.lists, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _section(
        self,
        table: QWidget,
        add: Callable[[], None],
        extra: tuple[str, Callable[[], None]] | None,
    ) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        bar.addStretch(1)
        if extra is not None:
            toggle = QPushButton(extra[0])
            toggle.clicked.connect(extra[1])
            bar.addWidget(toggle)
        button = QPushButton(_("Dodaj…"))
        button.setObjectName(f"add_{table.objectName()}")
        button.clicked.connect(add)
        bar.addWidget(button)
        assert isinstance(table, QTableView)
        for text, slot in ((_("Zmień…"), self.edit_row), (_("Usuń"), self.delete_row)):
            other = QPushButton(text)
            other.clicked.connect(lambda _checked=False, slot=slot: slot(table))
            bar.addWidget(other)
        table.doubleClicked.connect(lambda _index: self.edit_row(table))
        box.addLayout(bar)
        box.addWidget(table, 1)
        return holder

    # -- showing ---------------------------------------------------------------------

    @property
    def store(self) -> Store | None:
        return self.context.store if self.context is not None else None

    def show_network(self, context: EditorContext | None, network_id: str | None) -> None:
        self.context, self.network_id = context, network_id
        self.refresh()

    def refresh(self) -> None:
        if self.store is None or self.network_id is None:
            self.timeline.clear()
            self._show(None)
            return
        self.members = networks.members(self.store, self.network_id)
        names = {m.id: m.name for m in self.members}
        chosen = self.meeting.id if self.meeting else None
        found = networks.meetings(self.store, self.network_id)
        self._loading = True
        self.timeline.clear()
        for meeting in found:
            host = names.get(meeting.host_member_id or "", "")
            text = f"{roman(meeting.number)} · {meeting_days(meeting.starts_on, meeting.ends_on)}"
            text += f"\n{host + ' — ' if host else ''}{meeting.topic}"
            if meeting.starts_on > date.today():
                text += "\n" + _("(planowane)")
            item = QListWidgetItem(text, self.timeline)
            item.setData(Qt.ItemDataRole.UserRole, meeting.id)
        self._loading = False
        ids = [m.id for m in found]
        row = ids.index(chosen) if chosen in ids else len(ids) - 1
        self.timeline.setCurrentRow(row)
        self._chosen()

    def _chosen(self) -> None:
        if self._loading or self.store is None:
            return
        item = self.timeline.currentItem()
        meeting_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        meetings = networks.meetings(self.store, self.network_id or "")
        self._show(next((m for m in meetings if m.id == meeting_id), None))

    def _show(self, meeting: NetworkMeeting | None) -> None:
        self.meeting = meeting
        self.error.hide()
        for widget in (self.delete_button, self.pdf_button, *self.editors.values()):
            widget.setEnabled(meeting is not None)
        host = self.editors["host_member_id"]
        host.set_choices([(m.id, m.name) for m in self.members], allow_empty=True)
        if meeting is None:
            for table in (self.items, self.people, self.steps):
                fill(table, [])
            return
        for name, editor in self.editors.items():
            editor.set_value(getattr(meeting, name))
        self._show_lists()

    def _show_lists(self) -> None:
        if self.store is None or self.meeting is None:
            return
        names = {m.id: m.name for m in self.members}
        for table, cls in (
            (self.items, MeetingItem),
            (self.people, Participant),
            (self.steps, MeetingStep),
        ):
            fill(table, networks.of_meeting(self.store, cls, self.meeting.id), names)

    # -- editing ---------------------------------------------------------------------

    def _save(self, name: str) -> None:
        if self.context is None or self.meeting is None:
            return
        editor = self.editors[name]
        try:
            changed = network_edit.change(
                self.context,
                NetworkMeeting,
                self.meeting.id,
                {name: editor.value()},
                _("zmiana spotkania"),
            )
        except UserError as error:
            self.error.setText(error.message)
            self.error.show()
            editor.set_value(getattr(self.meeting, name))
            return
        assert isinstance(changed, NetworkMeeting)
        self.meeting = changed
        self.error.hide()

    def member_choices(self) -> list[tuple[str, str]]:
        return [(m.id, m.name) for m in self.members]

    def _choices(self) -> dict[str, list[tuple[str, str]]]:
        practices = trainings.practices(self.store, self.network_id) if self.store else []
        return {
            "member_id": self.member_choices(),
            "host_member_id": self.member_choices(),
            "practice_id": [(p.id, p.title) for p in practices],
        }

    def add_meeting(self) -> None:
        dialog = self.meeting_dialog()
        if dialog is not None and dialog.exec() and dialog.result_record is not None:
            self.meeting = dialog.result_record
            self.refresh()

    def meeting_dialog(self) -> RecordDialog | None:
        if self.context is None or self.network_id is None:
            return None
        store, network_id = self.context.store, self.network_id
        return network_edit.add_dialog(
            self,
            self.context,
            _("Nowe spotkanie sieci"),
            NetworkMeeting,
            ("topic", "starts_on", "ends_on", "host_member_id", "place"),
            lambda values: networks.add_meeting(store, network_id, **values),
            _("dodanie spotkania"),
            choices=self._choices(),
        )

    def delete_meeting(self) -> None:
        if self.meeting is None:
            return
        meeting = self.meeting
        if self._delete(
            _("Usuwanie spotkania"),
            _(
                "Usunąć spotkanie {number} ({days}) razem z programem, uczestnikami "
                "i ustalonymi krokami?\n\nMożna to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."
            ).format(
                number=roman(meeting.number),
                days=meeting_days(meeting.starts_on, meeting.ends_on),
            ),
            NetworkMeeting,
            meeting.id,
            _("usunięcie spotkania"),
        ):
            self.meeting = None
            self.refresh()

    def add_item(self) -> None:
        self._add("meeting_items", _("Nowy punkt programu"), networks.add_item)

    def add_participant(self) -> None:
        self._add("meeting_people", _("Nowy uczestnik"), networks.add_participant)

    def add_step(self) -> None:
        self._add("meeting_steps", _("Nowy krok"), networks.add_step)

    def _add(self, table: str, title: str, make: Callable[..., Any]) -> None:
        if self.context is None or self.meeting is None:
            return
        cls, names, what = LISTS[table]
        store, meeting_id = self.context.store, self.meeting.id
        dialog = network_edit.add_dialog(
            self,
            self.context,
            title,
            cls,
            names,
            lambda values: make(store, meeting_id, **values),
            _("dodanie: {what}").format(what=_(what)),
            choices=self._choices(),
        )
        if dialog.exec():
            self._show_lists()

    def edit_row(self, table: QTableView) -> None:
        chosen = current_id(table)
        if self.context is None or chosen is None:
            return
        cls, names, what = LISTS[table.objectName()]
        dialog = network_edit.edit_dialog(
            self,
            self.context,
            _(what).capitalize(),
            cls,
            chosen,
            names,
            _("zmiana: {what}").format(what=_(what)),
            self._choices(),
        )
        if dialog.exec():
            self._show_lists()

    def delete_row(self, table: QTableView) -> None:
        cls, _names, what = LISTS[table.objectName()]
        if network_edit.delete_row(table, cls, what, self._delete):
            self._show_lists()

    def _set(self, table: QTableView, cls: type[Record], values: dict[str, Any]) -> None:
        chosen = current_id(table)
        if self.context is None or chosen is None:
            return
        try:
            network_edit.change(
                self.context,
                cls,
                chosen,
                values,
                _("zmiana: {what}").format(what=_(LISTS[table.objectName()][2])),
            )
        except UserError as error:
            show_user_error(self, error)
        self._show_lists()

    def toggle_present(self) -> None:
        chosen = current_id(self.people)
        if self.store is None or self.meeting is None or chosen is None:
            return
        people = networks.of_meeting(self.store, Participant, self.meeting.id)
        person = next(p for p in people if p.id == chosen)
        self._set(self.people, Participant, {"present": not person.present})

    def step_done(self) -> None:
        self._set(self.steps, MeetingStep, {"status": RecommendationStatus.DONE})

    def _pdf(self) -> None:
        if self.meeting is not None:
            self._export_pdf("meeting", self.meeting.id)
