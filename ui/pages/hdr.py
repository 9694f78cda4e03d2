"""HDR: the Harmonogram Działań Rozwojowych of the chosen municipality.

One municipality keeps several HDRs over the years; the selector at the top picks
one, and "Nowy HDR" or "Kopiuj jako nowy okres" starts another. Under a summary
(area, period, where the team is in the advisory cycle, overall progress) four
tabs: the advisory cycle's steps, the schedule (table and timeline), progress per
priority, and the HDR's own details. Every edit is an undoable command; the page
redraws itself from the core's change notifications, so undo and redo show at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalogs import area, areas
from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import _
from app.model import DevelopmentSchedule, TeamMember
from app.services import hdr, plans, records, visits
from ui.commands import EditRecord, push
from ui.formatting import show_month
from ui.forms.month_form import MonthRecordForm
from ui.models.schedule import progress_text
from ui.pages.base import Page
from ui.pages.hdr_cycle import CycleTab
from ui.pages.hdr_schedule import ScheduleTab
from ui.reference_day import ReferenceDay
from ui.widgets.empty_state import EmptyState, empty_or_content
from ui.widgets.hdr_progress import ProgressPanel, StatusBar
from ui.widgets.team_picker import attach_team_pickers

INFO_FIELDS = (
    "title",
    "area_code",
    "custom_area",
    "period_start",
    "period_end",
    "participants",
    "advisors",
    "plan_id",
)
# Changes to these tables can change what the page shows.
WATCHED = {
    "development_schedule",
    "schedule_priority",
    "schedule_item",
    "indicator",
    "strategic_plan",
    "goal",
    "objective",
    "action",
    "team_member",
}
CYCLE_TAB, SCHEDULE_TAB, PROGRESS_TAB, INFO_TAB = range(4)


class HdrPage(Page, ReferenceDay):
    key = "hdr"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schedule_id: str | None = None
        self.schedule: DevelopmentSchedule | None = None
        self.schedule_list: list[DevelopmentSchedule] = []
        self._build()

    def title(self) -> str:
        return _("HDR")

    def _day_changed(self) -> None:
        self._load()  # progress and overdue follow the day

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.schedule_combo = QComboBox()
        self.schedule_combo.setAccessibleName(_("Wybór HDR"))
        self.schedule_combo.setMinimumContentsLength(40)
        self.schedule_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.schedule_combo.activated.connect(self._schedule_chosen)
        self.new_button = QPushButton(_("Nowy HDR…"))
        self.new_button.setToolTip(_("Nowy harmonogram dla jednego z 12 obszarów"))
        self.new_button.clicked.connect(self.new_hdr)
        self.copy_button = QPushButton(_("Kopiuj jako nowy okres…"))
        self.copy_button.setToolTip(
            _("Nowy HDR na kolejny okres z tymi samymi priorytetami i pozycjami")
        )
        self.copy_button.clicked.connect(self.copy_hdr)
        self.delete_button = QPushButton(_("Usuń HDR"))
        self.delete_button.setToolTip(_("Usuń cały HDR; można cofnąć (Ctrl+Z)"))
        self.delete_button.clicked.connect(self.delete_hdr)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("HDR:")))
        top.addWidget(self.schedule_combo, 1)
        for button in (self.new_button, self.copy_button, self.delete_button):
            top.addWidget(button)

        self.cycle = CycleTab(self._edit_schedule, self._toggle_step)
        self.schedule_tab = ScheduleTab()
        self.progress = ProgressPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.cycle, _("Cykl doradczy"))
        self.tabs.addTab(self.schedule_tab, _("Harmonogram i oś czasu"))
        self.tabs.addTab(_scrolled(self.progress), _("Postęp"))
        self.tabs.addTab(self._build_info(), _("Informacje o HDR"))

        self.empty = EmptyState(
            _("Ta JST nie ma jeszcze HDR"),
            _(
                "Harmonogram Działań Rozwojowych powstaje w cyklu doradczym dla jednego z 12 "
                "obszarów funkcjonowania JST: wybór obszaru, diagnoza potrzeb, priorytety, "
                "harmonogram, kierunki wdrażania i narzędzia zarządcze."
            ),
        )
        self.empty.add_button(_("Utwórz HDR…"), self.new_hdr, default=True)
        self.stack = empty_or_content(self, self.empty, top, self._build_summary(), self.tabs)

    def _build_summary(self) -> QWidget:
        self.area_label = QLabel()
        self.area_label.setObjectName("hdr_area")
        self.area_label.setWordWrap(True)
        bold = QFont(self.area_label.font())
        bold.setBold(True)
        self.area_label.setFont(bold)
        self.period_label = QLabel()
        self.stage_label = QLabel()
        self.stage_label.setObjectName("hdr_stage")
        self.stage_label.setWordWrap(True)  # a long stage name wraps instead of being cut
        self.overall_bar = StatusBar()
        self.overall_bar.setMaximumWidth(220)
        self.overall_text = QLabel()
        self.overall_text.setObjectName("hdr_progress")
        top = QHBoxLayout()  # the area, and how far the whole HDR has got
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.area_label, 1)
        top.addWidget(self.overall_bar)
        top.addWidget(self.overall_text)
        row = QHBoxLayout()  # when, and where the team is in the cycle
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.period_label)
        row.addSpacing(6)
        row.addWidget(QLabel("·"))
        row.addSpacing(6)
        row.addWidget(self.stage_label, 1)
        summary = QWidget()
        # Its wrapped lines keep their height; the tabs below give way on a short screen.
        summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        box = QVBoxLayout(summary)
        box.setContentsMargins(4, 2, 4, 2)
        box.setSpacing(2)
        box.addLayout(top)
        box.addLayout(row)
        return summary

    def _build_info(self) -> QWidget:
        self.info_form = MonthRecordForm(
            DevelopmentSchedule,
            INFO_FIELDS,
            self._edit_schedule,
            months=("period_start", "period_end"),
            choices={"area_code": _area_choices, "plan_id": self._plan_choices},
        )
        self.area_description = QLabel()
        self.area_description.setObjectName("info_area_description")
        self.area_description.setWordWrap(True)
        self.area_description.setStyleSheet("color: #444;")
        area_cell = self.info_form.editors["area_code"].parentWidget()
        area_cell.layout().insertWidget(1, self.area_description)
        for name in ("participants", "advisors"):
            self.info_form.editors[name].setMaximumHeight(110)
        self.team_pickers = attach_team_pickers(
            self.info_form, {"participants": False, "advisors": True}, self._team
        )
        self.info_form.edited.connect(lambda _name: self._describe_area())
        container = QWidget()
        box = QVBoxLayout(container)
        box.addWidget(self.info_form)
        box.addStretch(1)
        return _scrolled(container)

    def _team(self) -> list[TeamMember]:
        if self.context is None or self.municipality_id is None:
            return []
        return visits.team(self.context.store, self.municipality_id)

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        if self.context is None or self.municipality_id is None:
            return
        self.schedule_list = hdr.schedules_of(self.context.store, self.municipality_id)
        self.schedule_combo.clear()
        for schedule in self.schedule_list:
            period = (
                f"{hdr.month_text(schedule.period_start)}–{hdr.month_text(schedule.period_end)}"
            )
            self.schedule_combo.addItem(f"{schedule.title} ({period})", schedule.id)
        ids = [s.id for s in self.schedule_list]
        changed = self.schedule_id not in ids
        if changed:
            self.schedule_id = ids[0] if ids else None
        if self.schedule_id:
            self.schedule_combo.setCurrentIndex(ids.index(self.schedule_id))
        self.stack.setCurrentIndex(1 if self.schedule_id else 0)
        self._load(new_schedule=changed)

    def _load(self, new_schedule: bool = False) -> None:
        """Read the chosen HDR again and show it everywhere, keeping the user's place."""
        if self.context is None:
            return
        store = self.context.store
        try:
            schedule = records.get(store, DevelopmentSchedule, self.schedule_id or "")
        except UserError:
            schedule = None
        self.schedule = schedule
        groups = hdr.items_by_priority(store, schedule.id) if schedule is not None else []
        labels = (
            {c.id: c.label for c in hdr.plan_actions(store, self.municipality_id)}
            if self.municipality_id
            else {}
        )
        self.cycle.load(schedule)
        self.schedule_tab.load(
            self.context, self.municipality_id, schedule, groups, labels, self.today, new_schedule
        )
        self.info_form.refresh_choices()
        self.info_form.load(schedule)
        self._describe_area()
        self._show_summary(groups)
        self.copy_button.setEnabled(schedule is not None)
        self.delete_button.setEnabled(schedule is not None)

    def _show_summary(self, groups: list[hdr.PriorityGroup]) -> None:
        schedule = self.schedule
        progress = self.schedule_tab.model.progress
        if schedule is None:
            for label in (self.area_label, self.period_label, self.stage_label, self.overall_text):
                label.clear()
            self.progress.set_progress(progress.overall, [])
            return
        self.area_label.setText(_("Obszar: {area}").format(area=hdr.area_label(schedule)))
        self.period_label.setText(
            _("Okres: {start} – {end}").format(
                start=show_month(schedule.period_start), end=show_month(schedule.period_end)
            )
        )
        self.stage_label.setText(self.cycle.model.where_text())
        self.overall_bar.set_progress(progress.overall)
        self.overall_text.setText(progress_text(progress.overall))
        self.progress.set_progress(
            progress.overall,
            [
                (
                    group.priority.title if group.priority is not None else _("Bez priorytetu"),
                    progress.by_priority.get(group.id, type(progress.overall)()),
                )
                for group in groups
            ],
        )

    def _describe_area(self) -> None:
        schedule = self.schedule
        found = area(schedule.area_code) if schedule and schedule.area_code else None
        self.area_description.setText(_(found.description) if found else "")
        self.area_description.setVisible(found is not None)

    def _plan_choices(self) -> list[tuple[Any, str]]:
        if self.context is None or self.municipality_id is None:
            return []
        return [
            (p.id, f"{p.title} ({p.year_from}–{p.year_to})")
            for p in plans.plans_of(self.context.store, self.municipality_id)
        ]

    def _schedule_chosen(self, row: int) -> None:
        self.flush()
        chosen = self.schedule_combo.itemData(row)
        if chosen != self.schedule_id:
            self.schedule_id = chosen
            self._load(new_schedule=True)

    def on_change(self, change: Change) -> None:
        if self.context is None or change.record_type not in WATCHED:
            return
        if change.record_type == "development_schedule" and change.kind in (
            ChangeKind.CREATED,
            ChangeKind.RESTORED,
        ):
            self.schedule_id = change.record_ids[0]  # a copy, an undone deletion: show it
            if not self.defer_while_hidden():
                self.refresh()
        elif self.defer_while_hidden():
            return
        elif change.record_type == "development_schedule" and change.kind != ChangeKind.UPDATED:
            self.refresh()
        elif change.record_type == "development_schedule":
            self._update_title()
            self._load()
        else:
            self._load()

    def _update_title(self) -> None:
        """A renamed or re-dated HDR shows its new name in the selector."""
        if self.context is None or self.municipality_id is None:
            return
        self.schedule_list = hdr.schedules_of(self.context.store, self.municipality_id)
        for schedule in self.schedule_list:
            row = self.schedule_combo.findData(schedule.id)
            if row >= 0:
                period = (
                    f"{hdr.month_text(schedule.period_start)}–{hdr.month_text(schedule.period_end)}"
                )
                self.schedule_combo.setItemText(row, f"{schedule.title} ({period})")

    def flush(self) -> None:
        self.cycle.flush()
        self.schedule_tab.flush()
        self.info_form.flush()

    # -- editing ----------------------------------------------------------------------------------

    def _edit_schedule(self, field: str, old: Any, new: Any) -> None:
        assert self.context is not None and self.schedule_id is not None
        push(
            self.context.undo_stack,
            EditRecord.of_field(
                self.context.store, DevelopmentSchedule, self.schedule_id, field, old, new
            ),
        )

    def _toggle_step(self, name: str, done: bool) -> None:
        if self.context is None or self.schedule_id is None:
            return
        field = f"step_{name}_done"
        text = _("etap „{step}” zakończony") if done else _("etap „{step}” niezakończony")
        self.context.run(
            EditRecord(
                self.context.store,
                DevelopmentSchedule,
                self.schedule_id,
                {field: not done},
                {field: done},
                text.format(step=hdr.step_label(name)),
                mergeable=False,
            )
        )

    def new_hdr(self) -> None:
        if self.context is None or self.municipality_id is None:
            return
        from ui.dialogs.new_hdr import NewHdrDialog

        self.flush()
        dialog = NewHdrDialog(self.context, self.municipality_id, self.today, self)
        created = dialog.created_id if dialog.exec() else None
        dialog.deleteLater()
        if created:
            self.show_schedule(created, CYCLE_TAB)

    def copy_hdr(self) -> None:
        if self.context is None or self.schedule is None:
            return
        from ui.dialogs.new_hdr import CopyHdrDialog

        self.flush()
        count = len(self.schedule_tab.model.items())
        dialog = CopyHdrDialog(self.context, self.schedule, count, self)
        created = dialog.created_id if dialog.exec() else None
        dialog.deleteLater()
        if created:
            self.show_schedule(created, SCHEDULE_TAB)

    def show_schedule(self, schedule_id: str, tab: int | None = None) -> None:
        self.schedule_id = schedule_id
        self.refresh()
        self._load(new_schedule=True)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)

    def delete_hdr(self) -> None:
        if self.context is None or self.schedule is None:
            return
        self.flush()
        title = self.schedule.title
        self.delete_with_confirm(
            _("Usuwanie HDR"),
            _(
                "Usunąć cały HDR „{title}” wraz z priorytetami i pozycjami harmonogramu?\n\n"
                "Można to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."
            ).format(title=title),
            DevelopmentSchedule,
            self.schedule.id,
            _("usunięcie HDR „{title}”").format(title=title),
        )


def _area_choices() -> list[tuple[Any, str]]:
    return [(a.code, f"{a.code}. {_(a.name)}") for a in areas()]


def _scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(widget)
    return scroll
