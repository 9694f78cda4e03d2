"""Tryb wizyty: a large window for the meeting itself, usable with no network.

Left: the agenda as a checklist (tick what was dealt with; Enter on a point
starts a section of the notes with it) and the open recommendations of earlier
visits, each with one-click status buttons. Right: the notes, big and always
saved — 400 ms after typing stops, whenever the focus moves, when the window
loses focus or the application is suspended (a laptop's lid closing) and when
the window closes — then the findings, then the recommendations agreed at this
meeting: one line, who, by when, Enter adds it.

Everything goes through undoable commands on the main window's undo stack
(Ctrl+Z / Ctrl+Y work here too); the text lives in the visit's ``notes`` and
``findings`` fields.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import Change
from app.errors import UserError
from app.i18n import _
from app.model import AdvisoryVisit, Recommendation
from app.services import links, records, visits
from app.services.fields import FIELDS
from ui.commands import push
from ui.commands.visits import AddRecommendation, EditVisit, status_change
from ui.context import EditorContext
from ui.dialogs.visit_mode_editors import AutosaveText, QuickRecommendation
from ui.errors import show_user_error
from ui.formatting import show_date
from ui.models.recommendations import LINK, NOTE
from ui.reference_day import ReferenceDay
from ui.widgets.agenda_checklist import AgendaChecklist
from ui.widgets.recommendation_review import RecommendationReview
from ui.widgets.recommendations_panel import RecommendationsPanel
from ui.widgets.tables import split

# The tables whose changes the window shows (the rest do not touch it).
_PARTS = {"advisory_visit", "recommendation", "team_member", "municipality"}
NOTES_POINT_SIZE = 1.25  # the notes' font, relative to the window's


class VisitModeDialog(QDialog, ReferenceDay):
    def __init__(
        self,
        context: EditorContext,
        municipality_id: str,
        visit_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.municipality_id = municipality_id
        self.visit_id = visit_id
        self.setWindowTitle(_("Tryb wizyty"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setMinimumSize(900, 500)  # within 1093×558 (a 1366×768 laptop at 125 %)
        self._build()
        self._layout()
        self._shortcuts()
        for button in self.findChildren(QPushButton):
            # Enter belongs to the field it is typed in (it adds a recommendation or an
            # agenda point), never to a dialog button that would close the meeting.
            button.setAutoDefault(False)
            button.setDefault(False)
        self._changed: set[str] = set()
        self._change_timer = QTimer(self, singleShot=True, interval=0)
        self._change_timer.timeout.connect(self._show_changes)
        self._unsubscribe: Callable[[], None] | None = context.store.changes.subscribe(
            self._on_change
        )
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._application_state)
            app.aboutToQuit.connect(self.flush)  # a logout or shutdown closing everything
        self.refresh()
        self.notes.editor.setFocus()

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("visitHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.saved = QLabel(_("Wszystko, co wpiszesz, zapisuje się samo."))
        self.saved.setStyleSheet("color: palette(placeholder-text);")
        self.full_screen_button = QPushButton(_("Pełny ekran"))
        self.full_screen_button.setToolTip(_("Pełny ekran i z powrotem (F11)"))
        self.full_screen_button.setCheckable(True)
        self.full_screen_button.toggled.connect(self._full_screen)
        self.close_button = QPushButton(_("Zakończ wizytę"))
        self.close_button.setToolTip(_("Zamknij tryb wizyty; wszystko jest już zapisane"))
        self.close_button.clicked.connect(self.accept)
        self.agenda = AgendaChecklist()
        self.agenda.toggled.connect(self._agenda_toggled)
        self.agenda.point_added.connect(self._agenda_added)
        self.agenda.activated.connect(self._start_section)
        self.review = RecommendationReview()
        self.review.status_requested.connect(self._review_status)
        self.notes = AutosaveText("notes", self._save_field)
        notes_font = QFont(self.notes.editor.font())
        notes_font.setPointSizeF(notes_font.pointSizeF() * NOTES_POINT_SIZE)
        self.notes.editor.setFont(notes_font)
        self.notes.editor.setPlaceholderText(
            _("Notatki z przebiegu spotkania. Zapisują się same, także gdy zamkniesz laptop.")
        )
        self.findings = AutosaveText("findings", self._save_field)
        self.findings.editor.setPlaceholderText(_("Najważniejsze ustalenia wizyty."))
        self.quick = QuickRecommendation(self._add_recommendation)
        self.recommendations = RecommendationsPanel(add_button=False)
        for column in (NOTE, LINK):  # on the visits page; here the room goes to the text
            self.recommendations.table.setColumnHidden(column, True)

    def _layout(self) -> None:
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        top.addLayout(titles, 1)
        top.addWidget(self.saved)
        top.addWidget(self.full_screen_button)
        top.addWidget(self.close_button)
        self.agenda_box = _group(_("Program"), self.agenda)
        self.review_box = _group(_("Zalecenia z poprzednich wizyt"), self.review)
        left = split(Qt.Orientation.Vertical, self.agenda_box, self.review_box, (2, 3))
        self.left = left
        recommendations = QWidget()
        rec_box = QVBoxLayout(recommendations)
        rec_box.setContentsMargins(0, 0, 0, 0)
        rec_box.addWidget(self.quick)
        rec_box.addWidget(self.recommendations, 1)
        self.recommendations_box = _group(_("Zalecenia uzgodnione na tej wizycie"), recommendations)
        notes_box = _group(_("Notatki"), self.notes)
        findings_box = _group(_("Ustalenia"), self.findings)
        right = split(Qt.Orientation.Vertical, notes_box, findings_box, (5, 2))
        right.addWidget(self.recommendations_box)
        right.setStretchFactor(2, 3)
        self.splitter = split(Qt.Orientation.Horizontal, left, right, (2, 5))
        self.right = right
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    def _shortcuts(self) -> None:
        stack = self.context.undo_stack
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, stack.undo),
            (QKeySequence("Ctrl+Y"), stack.redo),
            (QKeySequence("Ctrl+Shift+Z"), stack.redo),
            (QKeySequence(Qt.Key.Key_F11), self.full_screen_button.toggle),
            (QKeySequence("Ctrl+W"), self.accept),
        ):
            QShortcut(keys, self).activated.connect(slot)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        width = max(self.splitter.width(), 900)
        self.splitter.setSizes([round(width * 0.36), round(width * 0.64)])
        height = max(self.right.height(), 560)
        self.right.setSizes([round(height * 0.45), round(height * 0.17), round(height * 0.38)])
        self.left.setSizes([round(height * 0.36), round(height * 0.64)])

    # -- what is shown --------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything again: the visit, earlier recommendations, this visit's, the team."""
        if self._reload_visit():
            self._reload_recommendations()
            self._reload_choices()

    def _reload_visit(self) -> bool:
        try:
            visit = records.get(self.context.store, AdvisoryVisit, self.visit_id)
        except UserError as error:  # the visit was deleted (an undo in the main window)
            show_user_error(self, error)
            self.reject()
            return False
        self.visit = visit
        self._show_heading(visit)
        self.agenda.set_points(visits.agenda_points(visit.agenda))
        ticked, total = self.agenda.done_count()
        self.agenda_box.setTitle(
            _("Program ({done} z {total} omówione)").format(done=ticked, total=total)
        )
        self.notes.load(visit.notes)
        self.findings.load(visit.findings)
        return True

    def _reload_recommendations(self) -> None:
        store = self.context.store
        try:
            earlier = visits.open_recommendations(store, self.municipality_id, self.visit_id)
        except UserError:
            earlier = []
        self.review.set_items(earlier, self.today)
        late = sum(item.overdue(self.today) for item in earlier)
        self.review_box.setTitle(
            _("Zalecenia z poprzednich wizyt: otwarte {count}, po terminie {late}").format(
                count=len(earlier), late=late
            )
        )
        self.recommendations.model.today = self.today
        self.recommendations.show_visit(self.context, self.visit_id)

    def _reload_choices(self) -> None:
        store = self.context.store
        team = [m.name for m in visits.team(store, self.municipality_id)]
        self.quick.set_owners(team)
        self.recommendations.set_choices(links.link_targets(store, self.municipality_id), team)
        self.recommendations.model.layoutChanged.emit()  # the "Dotyczy" labels

    def _show_heading(self, visit: AdvisoryVisit) -> None:
        number = (
            _("Wizyta nr {number}").format(number=visit.number)
            if visit.number
            else _("Wizyta doradcza")
        )
        self.heading.setText(f"{number} · {show_date(visit.visit_date)}")
        self.subheading.setText(" · ".join(x for x in (visit.place, visit.advisor) if x))
        self.setWindowTitle(_("Tryb wizyty — {title}").format(title=self.heading.text()))

    def _on_change(self, change: Change) -> None:
        """A change made here, by an undo or elsewhere: shown once the current event is over
        (an edit may come from inside a widget's own signal), only the part it touches.
        """
        if self._unsubscribe is None or change.municipality_id not in (None, self.municipality_id):
            return
        if change.record_type in _PARTS:
            self._changed.add(change.record_type)
            self._change_timer.start()

    def _show_changes(self) -> None:
        changed, self._changed = self._changed, set()
        if "municipality" in changed:
            self.refresh()
            return
        if "advisory_visit" in changed and not self._reload_visit():
            return
        if "recommendation" in changed:
            self._reload_recommendations()
        if "team_member" in changed:
            self._reload_choices()

    # -- saving ---------------------------------------------------------------------------

    def flush(self) -> None:
        """Save whatever is being typed (notes, findings, a table cell)."""
        self.notes.flush()
        self.findings.flush()
        self.recommendations.flush()

    def _save_field(self, field: str, old: Any, new: Any) -> None:
        label = _(FIELDS[AdvisoryVisit][field].label)
        command = EditVisit(
            self.context.store,
            self.visit_id,
            {field: old},
            {field: new},
            _("zmianę pola „{field}”").format(field=label),
        )
        push(self.context.undo_stack, command)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.flush()  # another window, a screen lock, a lid closing

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.flush()

    def done(self, result: int) -> None:
        self.flush()
        self._detach()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        self._detach()
        super().closeEvent(event)

    def _detach(self) -> None:
        if self._unsubscribe is None:
            return
        self._unsubscribe()
        self._unsubscribe = None
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            with contextlib.suppress(RuntimeError, TypeError):  # never connected
                app.applicationStateChanged.disconnect(self._application_state)
                app.aboutToQuit.disconnect(self.flush)

    # -- the agenda -----------------------------------------------------------------------

    def _agenda_toggled(self, line: int, done: bool) -> None:
        text = _("omówiony punkt programu") if done else _("punkt programu do omówienia")
        self._edit_agenda(lambda agenda: visits.mark_point(agenda, line, done), text)

    def _agenda_added(self, point: str) -> None:
        self._edit_agenda(lambda agenda: visits.add_point(agenda, point), _("nowy punkt programu"))

    def _edit_agenda(self, change: Callable[[str | None], str], text: str) -> None:
        """Apply ``change`` to the agenda as stored now (not as last shown: two quick ticks
        must both count).
        """
        try:
            old = records.get(self.context.store, AdvisoryVisit, self.visit_id).agenda
            command = EditVisit(
                self.context.store,
                self.visit_id,
                {"agenda": old},
                {"agenda": change(old)},
                text,
                mergeable=False,
            )
        except UserError as error:
            show_user_error(self, error)
            self._reload_visit()
            return
        if not self.context.run(command):
            self._reload_visit()

    def _start_section(self, point: str) -> None:
        """Begin a section of the notes with the agenda point (Enter or double-click on it)."""
        editor = self.notes.editor
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        before = "\n\n" if editor.toPlainText().strip() else ""
        cursor.insertText(f"{before}{point}\n")
        editor.setTextCursor(cursor)
        editor.setFocus()

    # -- recommendations ------------------------------------------------------------------

    def _add_recommendation(self, values: dict[str, Any]) -> bool:
        command = AddRecommendation(self.context.store, self.visit_id, values)
        try:
            push(self.context.undo_stack, command)
        except UserError as error:
            self.quick._show_error(error.message)
            return False
        self.recommendations.refresh()
        if command.record_id is not None:
            self.recommendations.select(command.record_id)
        return True

    def _review_status(self, recommendation_id: str, status: str) -> None:
        try:
            recommendation = records.get(self.context.store, Recommendation, recommendation_id)
        except UserError as error:
            show_user_error(self, error)
            return
        self.context.run(status_change(self.context.store, recommendation, status))

    # -- window ---------------------------------------------------------------------------

    def _full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showMaximized()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.full_screen_button.setChecked(False)  # Esc leaves full screen first
            return
        super().keyPressEvent(event)


def _group(title: str, content: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.addWidget(content)
    return box
