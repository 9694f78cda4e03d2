"""Szybka notatka: a journal note in a few keystrokes from anywhere in the program.

Ctrl+M opens the dialog with the note already linked to what is selected on the
current page: a page that can say so implements ``current_link()`` returning
``(link_type, link_id)`` (a table name and an id, e.g. ``("school", id)``) or
``None``. Pages with ``current_kind()``/``current_id()`` (the plan tree) are
understood too. Type the text, Ctrl+Enter saves; the note is one undoable command.

The main window gets the action with :func:`ui.quick_note_action.install_quick_note`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.model import NoteKind
from app.services import journal, links
from ui.commands import push
from ui.commands.monitoring import CreateNote
from ui.context import EditorContext
from ui.dialogs.form_rows import FormRows, ok_cancel, save_on_ctrl_enter, stack
from ui.forms.editors import ChoiceEditor, DateEditor, LineEditor, TextEditor, enum_choices
from ui.widgets.link_editor import LinkEditor

AUTHOR_KEY = "journal/author"


class QuickNoteDialog(QDialog):
    """A new note of ``municipality_id``, linked to ``link_type``/``link_id`` when given."""

    def __init__(
        self,
        context: EditorContext,
        municipality_id: str,
        link_type: str | None = None,
        link_id: str | None = None,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
        kind: NoteKind = NoteKind.PROGRESS,
    ) -> None:
        super().__init__(parent or context.window)
        self.context = context
        self.municipality_id = municipality_id
        self.settings = settings
        self.created_id: str | None = None
        self.setWindowTitle(_("Szybka notatka"))
        self._build(kind)
        self._fill_links(_link(link_type, link_id))
        self.setMinimumWidth(560)
        self.text.setFocus()

    def _build(self, kind: NoteKind) -> None:
        self.rows = FormRows("text")
        self._build_editors(kind)
        hint = QLabel(_("Ctrl+Enter zapisuje notatkę; Esc zamyka bez zapisu."))
        hint.setStyleSheet("color: #555;")
        self.buttons = ok_cancel(self, _("Zapisz notatkę"))
        save_on_ctrl_enter(self, self.text)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.buttons)
        stack(self, self.rows.layout, bottom)

    def _build_editors(self, kind: NoteKind) -> None:
        """The editors in the order of the form (which is also the Tab order)."""
        self.text = TextEditor(100_000)
        self.text.setPlaceholderText(_("Co się wydarzyło, co ustalono, co zauważono…"))
        self.text.setMinimumHeight(120)
        self.rows.add("text", _("Treść *"), self.text)
        self.kind = ChoiceEditor(enum_choices(NoteKind), allow_empty=False)
        self.kind.set_value(kind)
        self.rows.add("kind", _("Rodzaj *"), self.kind)
        self.link = LinkEditor()
        self.rows.add("link_id", _("Dotyczy"), self.link)
        self.noted_on = DateEditor()
        self.noted_on.set_value(date.today())
        self.rows.add("noted_on", _("Data *"), self.noted_on)
        self.author = LineEditor(200)
        self.author.setCompleter(
            QCompleter(journal.authors(self.context.store, self.municipality_id))
        )
        self.author.set_value(self._remembered_author())
        self.rows.add("author", _("Autor"), self.author)
        self.follow_up = LineEditor(500)
        self.follow_up.setPlaceholderText(_("np. Uzgodnić termin spotkania z dyrektorami"))
        self.rows.add("follow_up", _("Dalsze kroki"), self.follow_up)
        self.follow_up_due = DateEditor()
        self.follow_up_due.set_value(None)
        self.follow_up_due.neighbour = self.noted_on
        self.rows.add("follow_up_due", _("Termin"), self.follow_up_due)

    def _fill_links(self, wanted: links.Link | None) -> None:
        self.link.set_targets(links.link_targets(self.context.store, self.municipality_id))
        if wanted is None:
            return
        if self.link.findData(f"{wanted[0]}:{wanted[1]}") < 0:
            try:
                journal.check_link_exists(self.context.store, self.municipality_id, wanted)
            except UserError:
                return  # selected record gone or not linkable: no link rather than a bad one
        self.link.show_link(wanted, links.describe(self.context.store, [wanted])[wanted])

    def _remembered_author(self) -> str:
        if self.settings is None:
            return ""
        return str(self.settings.value(AUTHOR_KEY, "") or "")

    def values(self) -> dict[str, Any]:
        values = journal.note_values(
            self.text.value(),
            link=self.link.link(),
            kind=str(self.kind.value()),
            author=self.author.value(),
            follow_up=self.follow_up.value(),
            follow_up_due=self.follow_up_due.value(),
        )
        values["noted_on"] = self.noted_on.value()  # a cleared date is refused, not "today"
        return values

    def accept(self) -> None:
        try:
            command = CreateNote(self.context.store, self.municipality_id, self.values())
            push(self.context.undo_stack, command)
        except UserError as error:
            self.rows.show(error)
            return
        self.created_id = command.record_id
        if self.settings is not None:
            self.settings.setValue(AUTHOR_KEY, self.author.value().strip())
        super().accept()


def _link(link_type: str | None, link_id: str | None) -> links.Link | None:
    return (link_type, link_id) if link_type and link_id else None


def current_link(page: object) -> links.Link | None:
    """What ``page`` has selected, as a link: its ``current_link()``, or kind and id."""
    method = getattr(page, "current_link", None)
    if callable(method):
        found = method()
        return found if isinstance(found, tuple) and len(found) == 2 else None
    kind = getattr(page, "current_kind", None)
    record = getattr(page, "current_id", None)
    if callable(kind) and callable(record):
        link_type, link_id = kind(), record()
        if link_type in links.LINK_CLASSES and link_id:
            return (str(link_type), str(link_id))
    return None


def open_quick_note(window: QMainWindow) -> QuickNoteDialog | None:
    """Open the dialog for the window's municipality and current page's selection."""
    context = getattr(window, "context", None)
    municipality_id = getattr(window, "municipality_id", None)
    if not isinstance(context, EditorContext) or not municipality_id:
        window.statusBar().showMessage(_("Najpierw wybierz albo utwórz JST."), 5000)
        return None
    stack = getattr(window, "stack", None)
    page = stack.currentWidget() if stack is not None else None
    flush = getattr(page, "flush", None)
    if callable(flush):
        flush()
    link = current_link(page)
    settings = getattr(window, "settings", None)
    link_type, link_id = link if link is not None else (None, None)
    dialog = QuickNoteDialog(
        context,
        municipality_id,
        link_type,
        link_id,
        parent=window,
        settings=settings if isinstance(settings, QSettings) else None,
    )
    if dialog.exec() and dialog.created_id:
        window.statusBar().showMessage(_("Notatka zapisana w dzienniku monitoringu."), 5000)
    return dialog
