"""Starting an HDR: a new one (area, period, people, plan), or a copy for a new period."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from app.catalogs import areas
from app.errors import UserError
from app.i18n import _
from app.model import DevelopmentSchedule, TeamMember
from app.services import hdr, plans, records
from ui.commands import push
from ui.commands.hdr import CopySchedule, CreateSchedule
from ui.context import EditorContext
from ui.dialogs.form_rows import ok_cancel, stack
from ui.forms.month_form import MonthEditor
from ui.models.roles import AREA_ROLE as AREA_ROLE
from ui.widgets.field_error import error_label, show_error, with_error

CUSTOM = 0  # the list's "custom area" entry (the 12 areas have codes 1–12)
DEFAULT_MONTHS = 24


class NewHdrDialog(QDialog):
    """The area (one of 12, with its description, or a custom one), period, people, plan."""

    def __init__(
        self,
        context: EditorContext,
        municipality_id: str,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.municipality_id = municipality_id
        self.created_id: str | None = None
        self._auto_title = ""
        self.setWindowTitle(_("Nowy HDR"))
        self.setMinimumWidth(720)
        self._build(today or date.today())
        self.area_list.setCurrentRow(0)

    def _build(self, today: date) -> None:
        self.area_list = QListWidget()
        self.area_list.setAccessibleName(_("Obszar HDR"))
        for entry in areas():
            item = QListWidgetItem(f"{entry.code}. {_(entry.name)}")
            item.setData(AREA_ROLE, entry.code)
            item.setToolTip(_(entry.description))
            self.area_list.addItem(item)
        custom = QListWidgetItem(_("Obszar własny…"))
        custom.setData(AREA_ROLE, CUSTOM)
        self.area_list.addItem(custom)
        # the names wrap rather than scroll sideways; the list shows ~7 of them at 125 %
        self.area_list.setWordWrap(True)
        self.area_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.area_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area_list.setMinimumHeight(136)
        self.area_list.setMaximumHeight(170)
        self.area_list.currentRowChanged.connect(lambda _row: self._area_changed())
        self.description = QLabel()
        self.description.setObjectName("area_description")
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #444;")
        self.custom_area = QLineEdit()
        self.custom_area.setMaxLength(300)
        self.custom_area.setPlaceholderText(_("nazwa obszaru spoza listy 12"))
        self.custom_area.textEdited.connect(lambda _text: self._area_changed())
        self.title = QLineEdit()
        self.title.setMaxLength(500)
        self.title.textEdited.connect(lambda _text: setattr(self, "_auto_title", ""))
        start = today.replace(day=1)
        self.start = MonthEditor()
        self.start.set_value(start)
        self.start.setAccessibleName(_("Początek okresu"))
        self.end = MonthEditor()
        self.end.set_value(hdr.shift_month(start, DEFAULT_MONTHS - 1))
        self.end.setAccessibleName(_("Koniec okresu"))
        self.start.field, self.end.field = "period_start", "period_end"
        self.end.neighbour = self.start
        self.participants = QPlainTextEdit(self._people(advisors=False))
        self.participants.setTabChangesFocus(True)
        self.advisors = QPlainTextEdit(self._people(advisors=True))
        self.advisors.setTabChangesFocus(True)
        self.participants.setMaximumHeight(72)  # four people without scrolling
        self.advisors.setMaximumHeight(52)  # usually one or two
        self.plan = QComboBox()
        self.plan.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.plan.setMinimumContentsLength(30)
        self.plan.setAccessibleName(_("Plan rozwoju oświaty"))
        self.plan.addItem(_("— bez powiązania z planem —"), None)
        for plan in plans.plans_of(self.context.store, self.municipality_id):
            self.plan.addItem(f"{plan.title} ({plan.year_from}–{plan.year_to})", plan.id)
        self.plan.setCurrentIndex(min(1, self.plan.count() - 1))
        self._layout()

    def _layout(self) -> None:
        self.errors = {
            name: error_label()
            for name in (
                "area_code",
                "custom_area",
                "title",
                "period_start",
                "period_end",
                "participants",
                "advisors",
                "plan_id",
            )
        }
        form = QFormLayout()
        form.addRow(_("Obszar *"), with_error(self.area_list, self.errors["area_code"]))
        form.addRow("", self.description)
        form.addRow(_("Obszar własny"), with_error(self.custom_area, self.errors["custom_area"]))
        form.addRow(_("Tytuł HDR *"), with_error(self.title, self.errors["title"]))
        form.addRow(_("Początek okresu *"), with_error(self.start, self.errors["period_start"]))
        form.addRow(_("Koniec okresu *"), with_error(self.end, self.errors["period_end"]))
        form.addRow(_("Zespół JST"), with_error(self.participants, self.errors["participants"]))
        form.addRow(_("Doradcy"), with_error(self.advisors, self.errors["advisors"]))
        form.addRow(_("Plan"), with_error(self.plan, self.errors["plan_id"]))
        hint = QLabel(
            _(
                "Etapy cyklu doradczego, priorytety i pozycje harmonogramu uzupełnisz po "
                "utworzeniu HDR."
            )
        )
        hint.setWordWrap(True)
        self.buttons = ok_cancel(self)
        stack(self, form, hint, self.buttons)

    def _people(self, advisors: bool) -> str:
        members = records.children(
            self.context.store, TeamMember, municipality_id=self.municipality_id
        )
        return "\n".join(
            f"{m.name} – {m.role}" if m.role else m.name
            for m in members
            if bool(m.is_advisor) == advisors
        )

    def area_code(self) -> int | None:
        item = self.area_list.currentItem()
        code = int(item.data(AREA_ROLE)) if item is not None else CUSTOM
        return None if code == CUSTOM else code

    def _area_changed(self) -> None:
        code = self.area_code()
        self.custom_area.setEnabled(code is None)
        if code is None:
            self.description.setText(
                _("Wpisz nazwę obszaru, jeśli żaden z 12 nie opisuje potrzeb JST.")
            )
        else:
            entry = next(a for a in areas() if a.code == code)
            self.description.setText(_(entry.description))
        if not self.title.text() or self.title.text() == self._auto_title:
            self._auto_title = hdr.default_title(code, self.custom_area.text())
            self.title.setText(self._auto_title)

    def values(self) -> dict[str, Any]:
        code = self.area_code()
        return {
            "area_code": code,
            "custom_area": self.custom_area.text() if code is None else None,
            "title": self.title.text(),
            "period_start": self.start.value(),
            "period_end": self.end.value(),
            "participants": self.participants.toPlainText(),
            "advisors": self.advisors.toPlainText(),
            "plan_id": self.plan.currentData(),
        }

    def accept(self) -> None:
        for label in self.errors.values():
            label.hide()
        try:
            command = CreateSchedule(
                self.context.store, self.municipality_id, self.values(), _("utworzenie HDR")
            )
            push(self.context.undo_stack, command)
        except UserError as error:
            show_error(self.errors, error, "title")
            return
        self.created_id = command.record_id
        super().accept()


class CopyHdrDialog(QDialog):
    """A new period for an existing HDR: what is copied, what starts afresh."""

    def __init__(
        self,
        context: EditorContext,
        schedule: DevelopmentSchedule,
        item_count: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.schedule = schedule
        self.item_count = item_count
        self.created_id: str | None = None
        self.setWindowTitle(_("Kopiuj HDR jako nowy okres"))
        self.setMinimumWidth(560)
        length = hdr.months_between(schedule.period_start, schedule.period_end)
        start = hdr.shift_month(schedule.period_end, 1)
        self.start = MonthEditor()
        self.start.set_value(start)
        self.start.setAccessibleName(_("Początek nowego okresu"))
        self.end = MonthEditor()
        self.end.set_value(hdr.shift_month(start, length))
        self.end.setAccessibleName(_("Koniec nowego okresu"))
        self.start.field, self.end.field = "period_start", "period_end"
        self.end.neighbour = self.start
        self.errors = {name: error_label() for name in ("period_start", "period_end")}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.start.committed.connect(self._describe)
        self.end.committed.connect(self._describe)
        form = QFormLayout()
        title = QLabel(schedule.title)
        title.setWordWrap(True)
        form.addRow(_("Kopiowany HDR"), title)
        form.addRow(
            _("Początek nowego okresu *"), with_error(self.start, self.errors["period_start"])
        )
        form.addRow(_("Koniec nowego okresu *"), with_error(self.end, self.errors["period_end"]))
        self.buttons = ok_cancel(self, _("Kopiuj"))
        stack(self, form, self.summary, self.buttons)
        self._describe()

    def _period(self) -> tuple[date, date]:
        """The new period's months, or a UserError naming the field that is wrong."""
        months = []
        for editor in (self.start, self.end):
            value = editor.value()
            if value is None:
                raise UserError(
                    _("Pole „{label}” nie może być puste.").format(label=editor.accessibleName()),
                    field=editor.field,
                )
            months.append(value)
        return months[0], months[1]

    def _describe(self) -> None:
        try:
            start, _end = self._period()
        except UserError:
            return  # the message appears under the field when copying
        shift = hdr.months_between(self.schedule.period_start, start)
        self.summary.setText(
            _(
                "Zostaną skopiowane priorytety i pozycje harmonogramu ({count}), przesunięte "
                "o {shift} mies. Statusy pozycji wrócą do „zaplanowane”, a etapy cyklu "
                "doradczego do niezakończonych; ich teksty zostaną. Wskaźniki zostają przy "
                "pozycjach starego HDR. Kopię można usunąć poleceniem Cofnij (Ctrl+Z)."
            ).format(count=self.item_count, shift=shift)
        )

    def accept(self) -> None:
        for label in self.errors.values():
            label.hide()
        try:
            start, end = self._period()
            command = CopySchedule(
                self.context.store, self.schedule.id, start, end, _("kopię HDR na nowy okres")
            )
            push(self.context.undo_stack, command)
        except UserError as error:
            show_error(self.errors, error, "period_start")
            return
        self.created_id = command.record_id
        super().accept()
