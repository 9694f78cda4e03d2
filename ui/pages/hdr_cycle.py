"""Cykl doradczy: the six steps of the advisory cycle, each with its text and done flag.

The list on the left ticks off the finished steps and marks where the team is
(the first step not done); the right side edits the chosen step's text, which
is saved as it is typed. Every edit is an undoable command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.model import CYCLE_STEPS, DevelopmentSchedule
from app.services.hdr import STEP_HINTS, step_label
from ui.forms.record_form import RecordForm
from ui.models.roles import NAME_ROLE
from ui.models.schedule_steps import StepListModel

EditFactory = Callable[[], Callable[[str, Any, Any], None]]
StepToggle = Callable[[str, bool], None]


class CycleTab(QWidget):
    """The guided steps of one HDR; ``on_edit`` saves a field, ``on_toggle`` a done flag."""

    def __init__(
        self,
        on_edit: Callable[[str, Any, Any], None],
        on_toggle: StepToggle,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = StepListModel()
        self.model.done_toggled.connect(on_toggle)
        self.forms: dict[str, RecordForm] = {}
        self._build(on_edit)

    def _build(self, on_edit: Callable[[str, Any, Any], None]) -> None:
        self.steps = QListView()
        self.steps.setModel(self.model)
        self.steps.setAccessibleName(_("Etapy cyklu doradczego"))
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps.setSpacing(3)
        self.steps.setWordWrap(True)  # long step names (in English, say) wrap, never scroll
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.selectionModel().currentChanged.connect(self._step_chosen)
        self.steps.setToolTip(_("Spacja zaznacza etap jako zakończony albo niezakończony."))
        self.where = QLabel()
        self.where.setObjectName("cycle_where")
        self.where.setWordWrap(True)
        bold = QFont(self.where.font())
        bold.setBold(True)
        self.where.setFont(bold)
        self.count = QLabel()
        self.count.setWordWrap(True)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(QLabel(_("Etapy cyklu doradczego")))
        left_box.addWidget(self.steps, 1)
        left_box.addWidget(self.count)
        self.where.hide()  # the page's header says where the team is; once is enough

        self.pages = QStackedWidget()
        for number, name in enumerate(CYCLE_STEPS, start=1):
            self.pages.addWidget(self._step_page(number, name, on_edit))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _step_page(
        self, number: int, name: str, on_edit: Callable[[str, Any, Any], None]
    ) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        title = QLabel(f"{number}. {step_label(name)}")
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        hint = QLabel(_(STEP_HINTS[name]))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form = RecordForm(DevelopmentSchedule, (f"step_{name}", f"step_{name}_done"), on_edit)
        form.set_row_wrap(QFormLayout.RowWrapPolicy.WrapAllRows)
        editor = form.editors[f"step_{name}"]
        editor.setMinimumHeight(220)
        label = form.layout_.labelForField(editor.parentWidget())
        if label is not None:
            label.hide()  # the step's title above says it
        self.forms[name] = form
        buttons = QHBoxLayout()
        previous = QPushButton(_("← Poprzedni etap"))
        previous.setEnabled(number > 1)
        previous.clicked.connect(lambda: self.choose(number - 2))
        following = QPushButton(_("Następny etap →"))
        following.setEnabled(number < len(CYCLE_STEPS))
        following.clicked.connect(lambda: self.choose(number))
        buttons.addWidget(previous)
        buttons.addStretch(1)
        buttons.addWidget(following)
        box.addWidget(title)
        box.addWidget(hint)
        box.addWidget(form, 1)
        box.addLayout(buttons)
        return page

    # -- showing --------------------------------------------------------------------------

    def load(self, schedule: DevelopmentSchedule | None) -> None:
        """Show ``schedule``'s steps; a changed one (undo, another field) is synced in place."""
        keep = self.current_name()
        self.model.set_schedule(schedule)
        for form in self.forms.values():
            form.load(schedule)
        self.where.setText(self.model.where_text())
        done = sum(1 for step in self.model.steps if step.done)
        self.count.setText(
            _("Zakończone etapy: {done} z {count}.").format(done=done, count=len(CYCLE_STEPS))
            if schedule is not None
            else ""
        )
        if schedule is None:
            return
        if keep is None:
            self.choose(self.model.current if self.model.current is not None else 0)
        else:
            self.choose(self.model.row_of(keep), focus=False)

    def current_name(self) -> str | None:
        index = self.steps.currentIndex()
        value = index.data(NAME_ROLE) if index.isValid() else None
        return str(value) if value else None

    def choose(self, row: int, focus: bool = False) -> None:
        index = self.model.index(row, 0)
        if not index.isValid():
            return
        self.steps.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.pages.setCurrentIndex(row)
        if focus:
            self.forms[CYCLE_STEPS[row]].editors[f"step_{CYCLE_STEPS[row]}"].setFocus()

    def _step_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            for form in self.forms.values():
                form.flush()
            self.pages.setCurrentIndex(current.row())

    def flush(self) -> None:
        for form in self.forms.values():
            form.flush()
