"""A "Z zespołu" button under a field's label: tick the team members the field lists.

Used for the HDR's "Zespół JST" and "Doradcy" (and a visit's participants):
the menu holds one tick per person of the team (ticked when the text has a line
for them); ticking adds their line, unticking takes it out. What the text says
otherwise is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from app.i18n import _
from app.model import TeamMember
from app.services import team_lines, visits
from ui.forms.editors import TextEditor
from ui.forms.record_form import RecordForm

Members = Callable[[], list[TeamMember]]
Text = Callable[[], str]
Store = Callable[[str], None]


class TeamPicker(QPushButton):
    """Opens a menu of the team; each choice changes the field's text through ``save``."""

    def __init__(self, members: Members, text: Text, save: Store, parent: QWidget | None = None):
        super().__init__(_("Z zespołu"), parent)
        self.members = members
        self.current_text = text
        self.save = save
        self.setToolTip(_("Zaznacz osoby z zespołu JST (karta „Zespół i szkoły”)"))
        self.picker = QMenu(self)
        self.picker.aboutToShow.connect(self.fill)
        self.setMenu(self.picker)

    def fill(self) -> None:
        self.picker.clear()
        people = self.members()
        if not people:
            empty = self.picker.addAction(_("Zespół JST nie ma jeszcze osób"))
            empty.setEnabled(False)
            return
        current = self.current_text()
        for member in people:
            action = self.picker.addAction(visits.participant_line(member).replace("&", "&&"))
            action.setCheckable(True)
            action.setChecked(team_lines.listed(current, member))
            action.toggled.connect(lambda on, m=member: self.choose(m, on))

    def choose(self, member: TeamMember, present: bool) -> None:
        old = self.current_text()
        new = team_lines.with_member(old, member, present)
        if new != old:
            self.save(new)


def put_under_label(form: RecordForm, field: str, button: QWidget) -> QLabel:
    """Put ``button`` under the label of ``field`` (where the eye looks for what to do).

    The label stays the field's buddy, so its Alt+letter still reaches the field.
    """
    layout = form.layout_
    cell = form.editors[field].parentWidget()
    assert cell is not None
    position: tuple[int, QFormLayout.ItemRole] = layout.getWidgetPosition(cell)  # type: ignore[assignment]
    old = layout.labelForField(cell)
    text = old.text() if isinstance(old, QLabel) else ""
    if old is not None:
        layout.removeWidget(old)
        if isinstance(old, QLabel):
            old.clear()  # on its way out: it must not keep an Alt+letter
        old.hide()
        old.deleteLater()
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    label = QLabel(text)
    label.setBuddy(form.editors[field])
    box.addWidget(label)
    box.addWidget(button)
    box.addStretch(1)
    layout.setWidget(position[0], QFormLayout.ItemRole.LabelRole, holder)
    return label


def attach_team_pickers(
    form: RecordForm, fields: dict[str, bool], team: Members
) -> dict[str, TeamPicker]:
    """A picker under each of ``fields`` (name → advisors only?) of ``form``.

    A choice changes the field as typing would: the form saves it (and Ctrl+Z undoes it).
    """
    pickers: dict[str, TeamPicker] = {}
    for name, advisors in fields.items():
        editor = form.editors[name]
        assert isinstance(editor, TextEditor)

        def members(advisors: bool = advisors) -> list[TeamMember]:
            officers, advising = team_lines.split_team(team())
            return advising if advisors else officers

        def save(text: str, editor: TextEditor = editor) -> None:
            editor.set_value(text)
            editor.committed.emit()

        picker = TeamPicker(members, editor.value, save)
        put_under_label(form, name, picker)
        pickers[name] = picker
    return pickers
