"""Wspomaganie szkół: every school by stage of process support, and one school's history.

Above, a board with a column per stage (and one for schools not covered);
below, the selected school: its stage and since when, the button that moves it
to the next stage (one undoable command: the stage, the new history step and
the end of the previous one together), and its history with dates and notes,
editable in place.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.changes import Change
from app.i18n import _
from app.model import SchoolSupport, SupportStage
from app.services import school_support
from app.services.school_support import SchoolStage
from ui import keyboard
from ui.commands import push
from ui.commands.monitoring import AdvanceStage
from ui.dialogs.advance_stage import AdvanceStageDialog
from ui.formatting import show_date
from ui.models.records import Column
from ui.pages.base import LiveView
from ui.reference_day import ReferenceDay
from ui.widgets.column_fit import fit_width
from ui.widgets.record_panel import RecordPanel
from ui.widgets.stage_board import StageBoard

WATCHED = {"school", "school_support", "municipality"}


class SchoolsPanel(LiveView, ReferenceDay):
    watched = frozenset(WATCHED)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._schools: dict[str, SchoolStage] = {}
        self._build()
        self._show_school(None)

    def _build(self) -> None:
        self.board = StageBoard()
        self.board.setObjectName("stage_board")
        self.board.school_chosen.connect(lambda school_id: self._show_school(school_id))
        self.board.school_activated.connect(lambda _school_id: self.advance_selected())
        self.board.stage_requested.connect(self._dropped)
        self.intro = QLabel(
            _(
                "Przeciągnij szkołę do kolumny innego etapu albo zaznacz ją i użyj przycisku "
                "poniżej. Każdą zmianę można cofnąć (Ctrl+Z)."
            )
        )
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: #555;")
        self.title = QLabel()
        bold = QFont(self.title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.title.setFont(bold)
        self.title.setWordWrap(True)
        self.stage_line = QLabel()
        self.stage_line.setWordWrap(True)
        self.advance_button = QPushButton()
        self.advance_button.setObjectName("advance_button")
        self.advance_button.clicked.connect(lambda: self.advance_selected())
        self.advance_button.setToolTip(
            _("Zmień etap zaznaczonej szkoły; w oknie można wybrać też inny etap")
        )
        self.history = RecordPanel(
            SchoolSupport,
            [
                Column("stage", _("Etap")),
                Column("stage_date", _("Od")),
                Column("completed_on", _("Zakończony")),
                Column("notes", _("Uwagi")),
            ],
            ("stage_date", "completed_on", "notes"),
            noun=_("etap"),
            new_values=dict,
        )
        self.history.add_button.hide()
        self.history.delete_button.hide()
        self.history.table.setAccessibleName(_("Historia wspomagania szkoły"))
        fit_width(self.history.table, 3)  # the notes take the room the dates leave
        self._layout()

    def _layout(self) -> None:
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(self.intro)
        top_box.addWidget(self.board, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.stage_line, 1)
        actions.addWidget(self.advance_button)
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 4, 0, 0)
        bottom_box.addWidget(self.title)
        bottom_box.addLayout(actions)
        bottom_box.addWidget(self.history, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(self.splitter)

    # -- what is shown ----------------------------------------------------------------------

    def _day_changed(self) -> None:
        """Nothing to redraw now: the stages are read on the next refresh."""

    def on_change(self, change: Change) -> None:
        if self.municipality_id is None or change.record_type not in WATCHED:
            return
        if change.record_type == "school_support":
            self.history.on_change(change)
        self.refresh_soon()

    def flush(self) -> None:
        self.history.form.flush()

    def reload(self) -> None:
        keep = self.current_id()
        grouped: dict[SupportStage | None, list[SchoolStage]] = {}
        if self.context is not None and self.municipality_id is not None:
            grouped = school_support.by_stage(self.context.store, self.municipality_id)
        self._schools = {s.school.id: s for group in grouped.values() for s in group}
        self.board.set_schools(grouped)
        if keep is not None and keep in self._schools:
            self.board.select(keep)
            self._show_school(keep)
        else:
            first = next((s for s in self._ordered() if s.stage is not None), None)
            if first is not None:
                self.board.select(first.school.id)
            self._show_school(first.school.id if first is not None else None)

    def _ordered(self) -> list[SchoolStage]:
        return sorted(
            self._schools.values(),
            key=lambda s: (s.stage is None, school_support.STAGES.index(s.stage) if s.stage else 0),
        )

    # -- selection --------------------------------------------------------------------------

    def current_id(self) -> str | None:
        return self.board.selected_school_id()

    def current_link(self) -> tuple[str, str] | None:
        current = self.current_id()
        return ("school", current) if current else None

    def select(self, school_id: str) -> bool:
        if not self.board.select(school_id):
            return False
        self._show_school(school_id)
        return True

    def _show_school(self, school_id: str | None) -> None:
        entry = self._schools.get(school_id or "")
        self.advance_button.setEnabled(entry is not None)
        if entry is None or self.context is None:
            self.title.setText(_("Zaznacz szkołę na tablicy powyżej."))
            self.stage_line.clear()
            keyboard.retitle(self.advance_button, _("Następny etap"))
            if self.context is not None:
                self.history.show_parent(self.context, None)
            return
        self.title.setText(entry.school.name)
        self.stage_line.setText(_stage_text(entry))
        upcoming = school_support.next_stage(entry.stage)
        if upcoming is None:
            keyboard.retitle(
                self.advance_button,
                _("Nowy cykl: {stage}…").format(stage=SupportStage.DIAGNOSIS.label),
            )
        elif entry.stage is None:
            keyboard.retitle(
                self.advance_button, _("Objąć wspomaganiem: {stage}…").format(stage=upcoming.label)
            )
        else:
            keyboard.retitle(
                self.advance_button, _("Następny etap…")
            )  # the stage can be long: it is below
            self.advance_button.setToolTip(
                _("Przenieś szkołę na etap: {stage}").format(stage=upcoming.label)
            )
        if self.history.parent_id != entry.school.id:
            self.history.show_parent(self.context, entry.school.id, school_id=entry.school.id)

    # -- changing the stage -------------------------------------------------------------------

    def advance_selected(self, stage: SupportStage | None = None) -> bool:
        """Move the selected school to ``stage`` (default: the next one), asking date and notes."""
        entry = self._schools.get(self.current_id() or "")
        if entry is None or self.context is None:
            return False
        self.flush()
        proposed = stage or school_support.next_stage(entry.stage) or SupportStage.DIAGNOSIS
        context = self.context
        school = entry.school

        def save(new_stage: SupportStage, on: date | None, notes: str) -> None:
            command = AdvanceStage(
                context.store,
                school.id,
                new_stage,
                on,
                notes,
                _("etap wspomagania: {school} → {stage}").format(
                    school=school.name, stage=new_stage.label
                ),
            )
            push(context.undo_stack, command)

        dialog = AdvanceStageDialog(school.name, entry.stage, proposed, save, self.today, self)
        if not dialog.exec():
            return False
        self.refresh()
        self.board.select(school.id)
        self._show_school(school.id)
        return True

    def _dropped(self, school_id: str, stage: SupportStage | None) -> None:
        if stage is None:
            return  # leaving process support is not a stage; undo is the way back
        if self.board.select(school_id):
            self._show_school(school_id)
            self.advance_selected(stage)


def _stage_text(entry: SchoolStage) -> str:
    if entry.stage is None:
        return _("Szkoła nie jest objęta procesowym wspomaganiem.")
    if entry.since is None:
        return _("Etap: {stage} (bez zapisanej daty rozpoczęcia)").format(stage=entry.stage.label)
    return _("Etap: {stage}, od {date}").format(
        stage=entry.stage.label, date=show_date(entry.since)
    )
