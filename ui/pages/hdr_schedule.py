"""Harmonogram: the HDR's priorities and items as a table and a timeline, and their forms.

The table (priorities → items, every field as a column) and the timeline show the
same rows and share one selection: choosing a row in one chooses it in the other,
and an edit in either (a form field, a dragged bar, a key press) is one undoable
command after which both are redrawn from the core.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import units
from app.i18n import _
from app.model import ActionStatus, DevelopmentSchedule, ScheduleItem, SchedulePriority
from app.services import hdr, records
from app.services.hdr import PriorityGroup
from ui.context import EditorContext
from ui.formatting import show_month, show_month_short
from ui.forms.month_form import MonthRecordForm
from ui.forms.record_form import RecordForm
from ui.models.schedule import (
    ACTION,
    BUDGET,
    EFFECT,
    END,
    GOAL,
    MATERIALS,
    PEOPLE,
    PLAN_ACTION,
    RESPONSIBLE,
    START,
    STATUS,
    STATUS_STYLES,
    SUCCESS,
    TOOL,
    WARNING_MARK,
    ScheduleTreeModel,
)
from ui.models.tree_node import Node
from ui.pages.hdr_schedule_edits import ScheduleEdits
from ui.widgets.column_fit import fit_width
from ui.widgets.empty_state import EmptyState
from ui.widgets.gantt import GanttLegend, GanttView, ZoomButtons, keys_help
from ui.widgets.short_text import ShortWhenNarrow, text_room
from ui.widgets.tables import make_current, movable_tree

ACTION_ROOM = 180  # the action's title keeps at least this much beyond its header
PRIORITY_FIELDS = ("title", "description")
ITEM_FIELDS = (
    "priority_id",
    "action",
    "goal",
    "responsible",
    "start_month",
    "end_month",
    "status",
    "resources_people",
    "resources_budget_cents",
    "resources_materials",
    "expected_effect",
    "success_indicator",
    "management_tool",
    "plan_action_id",
)
COLUMN_WIDTHS = {ACTION: 300, START: 105, END: 105, STATUS: 150, BUDGET: 110, PLAN_ACTION: 220}
OTHER_COLUMN_WIDTH = 170
SHORT_TEXT_HEIGHT = 52
TEXT_HEIGHT = 80


class ScheduleTab(ScheduleEdits):
    """Priorities and items of one HDR: table, timeline and the selected row's form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: EditorContext | None = None
        self.municipality_id: str | None = None
        self.schedule: DevelopmentSchedule | None = None
        self.model = ScheduleTreeModel()
        self.model.move_requested.connect(self._move)
        self.model.rename_requested.connect(self._rename_later)
        self._team: list[str] = []
        self._attachable: list[hdr.IndicatorChoice] = []
        self._build()

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self._build_tree()
        self._build_timeline()
        self._build_detail()
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addLayout(self._buttons())
        top_box.addWidget(self.tree)
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 0, 0, 0)
        bottom_box.addLayout(self._timeline_bar())
        bottom_box.addWidget(self.gantt, 1)
        bottom_box.addWidget(self.legend)
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.setChildrenCollapsible(False)
        self.left.addWidget(top)
        self.left.addWidget(bottom)
        self.left.setStretchFactor(0, 1)
        self.left.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _build_tree(self) -> None:
        self.tree = movable_tree(self.model, _("Priorytety i pozycje harmonogramu"))
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in range(self.model.columnCount()):
            header.resizeSection(column, COLUMN_WIDTHS.get(column, OTHER_COLUMN_WIDTH))
        month = _month_width(self.tree, show_month)
        for column in (START, END):
            header.resizeSection(column, month)
        # Thirteen columns: on a narrow screen the lesser ones fold (the form shows them all),
        # and months and statuses take their short form ("paź 2026", no "po terminie").
        folding = (PLAN_ACTION, TOOL, SUCCESS, EFFECT, MATERIALS, BUDGET, PEOPLE, GOAL)
        short = _month_width(self.tree, show_month_short)
        fit_width(
            self.tree,
            ACTION,
            optional=(*folding, RESPONSIBLE),
            stretch_room=ACTION_ROOM,
            widths={START: short, END: short, STATUS: _status_width(self.tree)},
            whole={START: month, END: month},
        )
        shorter = ShortWhenNarrow(self.tree, whole={START: month, END: month})
        for column in (START, END, STATUS):
            self.tree.setItemDelegateForColumn(column, shorter)
        self.tree.selectionModel().currentChanged.connect(self._node_changed)
        self._shortcuts()

    def _buttons(self) -> QHBoxLayout:
        self.add_priority_button = QPushButton(_("+ Priorytet"))
        self.add_priority_button.setToolTip(_("Dodaj priorytet rozwojowy (Ctrl+Shift+1)"))
        self.add_priority_button.clicked.connect(self.add_priority)
        self.add_item_button = QPushButton(_("+ Pozycja"))
        self.add_item_button.setToolTip(
            _("Dodaj pozycję harmonogramu do wybranego priorytetu (Ctrl+Shift+2)")
        )
        self.add_item_button.clicked.connect(self.add_item)
        self.delete_button = QPushButton(_("Usuń"))
        self.delete_button.setToolTip(_("Usuń wybrany element (Delete); można cofnąć"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip(_("Przesuń wyżej (Ctrl+↑)"))
        self.up_button.setAccessibleName(_("Przesuń wyżej"))
        self.up_button.clicked.connect(lambda: self.shift(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip(_("Przesuń niżej (Ctrl+↓)"))
        self.down_button.setAccessibleName(_("Przesuń niżej"))
        self.down_button.clicked.connect(lambda: self.shift(1))
        for button in (self.up_button, self.down_button):
            button.setMaximumWidth(40)
        row = QHBoxLayout()
        for button in (
            self.add_priority_button,
            self.add_item_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _build_timeline(self) -> None:
        self.gantt = GanttView()
        self.gantt.setToolTip(keys_help())
        self.gantt.item_selected.connect(self._timeline_selected)
        self.gantt.dates_changed.connect(self._dates_changed)
        self.gantt.activated.connect(lambda _id: self._focus_detail())
        self.gantt.delete_requested.connect(lambda _id: self.delete_selected())
        self.gantt.zoom_changed.connect(self._show_zoom)
        self.legend = GanttLegend()

    def _timeline_bar(self) -> QHBoxLayout:
        title = QLabel(_("Oś czasu"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.zoom_group = ZoomButtons(self, self.set_zoom)
        self.months_button, self.quarters_button = self.zoom_group.months, self.zoom_group.quarters
        help_button = QToolButton()
        help_button.setText(_("Klawisze…"))
        help_button.setToolTip(keys_help())
        help_button.setAccessibleName(_("Obsługa osi czasu myszą i klawiaturą"))
        help_button.clicked.connect(
            lambda: QToolTip.showText(
                help_button.mapToGlobal(help_button.rect().bottomLeft()), keys_help(), help_button
            )
        )
        row = QHBoxLayout()
        row.addWidget(title)
        row.addStretch(1)
        row.addWidget(help_button)
        row.addWidget(QLabel(_("Skala:")))
        row.addWidget(self.months_button)
        row.addWidget(self.quarters_button)
        return row

    def _build_detail(self) -> None:
        self.detail = QStackedWidget()
        self.detail_empty = EmptyState(
            _("Wybierz priorytet lub pozycję"),
            _("Wybierz wiersz w tabeli albo pasek na osi czasu, aby zobaczyć szczegóły."),
        )
        self.priority_form = RecordForm(
            SchedulePriority, PRIORITY_FIELDS, self._edit_field(SchedulePriority)
        )
        self.item_form = MonthRecordForm(
            ScheduleItem,
            ITEM_FIELDS,
            self._edit_field(ScheduleItem),
            months=("start_month", "end_month"),
            choices={
                "priority_id": self._priority_choices,
                "plan_action_id": self._action_choices,
            },
        )
        for name, spec in self.item_form.specs.items():
            if spec.kind == "long":
                editor = self.item_form.editors[name]
                editor.setMinimumHeight(SHORT_TEXT_HEIGHT)
                editor.setMaximumHeight(TEXT_HEIGHT if name == "action" else SHORT_TEXT_HEIGHT)
        item_box = QWidget()
        item_layout = QVBoxLayout(item_box)
        item_layout.addWidget(self.item_form)
        item_layout.addWidget(self._indicators_box())
        item_layout.addStretch(1)
        for widget in (self.detail_empty, self.priority_form, item_box):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(widget)
            self.detail.addWidget(scroll)
        self.detail.setMinimumWidth(340)

    def _indicators_box(self) -> QGroupBox:
        box = QGroupBox(_("Wskaźniki planu przypięte do pozycji"))
        self.indicator_list = QListWidget()
        self.indicator_list.setAccessibleName(_("Wskaźniki przypięte do pozycji"))
        self.indicator_list.setMaximumHeight(96)
        self.indicator_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.attach_combo = QComboBox()
        self.attach_combo.setAccessibleName(_("Wskaźnik planu do przypięcia"))
        self.attach_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.attach_combo.setMinimumContentsLength(12)
        self.attach_combo.currentIndexChanged.connect(lambda _index: self._update_buttons())
        self.attach_button = QPushButton(_("Przypnij"))
        self.attach_button.setToolTip(
            _(
                "Przypina wybrany wskaźnik planu do tej pozycji. Wskaźnik przypięty dotąd do "
                "celu lub działania planu zostanie przepięty (Ctrl+Z cofa)."
            )
        )
        self.attach_button.clicked.connect(self.attach_indicator)
        self.detach_button = QPushButton(_("Odepnij"))
        self.detach_button.setToolTip(
            _("Odpina zaznaczony wskaźnik; zostaje wskaźnikiem całego planu (Ctrl+Z cofa).")
        )
        self.detach_button.clicked.connect(self.detach_indicator)
        self.no_indicators = QLabel(_("Brak przypiętych wskaźników."))
        self.no_indicators.setStyleSheet("color: #555;")
        row = QHBoxLayout()
        row.addWidget(self.attach_button)
        row.addWidget(self.detach_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.no_indicators)
        layout.addWidget(self.indicator_list)
        layout.addWidget(self.attach_combo)
        layout.addLayout(row)
        return box

    def _shortcuts(self) -> None:
        for keys, slot in (("Ctrl+Shift+1", self.add_priority), ("Ctrl+Shift+2", self.add_item)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.shift(step))
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.tree)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.tree)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self._focus_detail)

    # -- loading ------------------------------------------------------------------------------

    def load(
        self,
        context: EditorContext | None,
        municipality_id: str | None,
        schedule: DevelopmentSchedule | None,
        groups: Sequence[PriorityGroup],
        action_labels: Mapping[str, str],
        today: date,
        new_schedule: bool = False,
    ) -> None:
        """Show ``schedule``'s rows, keeping the selection (unless it is another HDR)."""
        self.context = context
        self.municipality_id = municipality_id
        keep = None if new_schedule else self.current_id()
        collapsed = set() if new_schedule else self._collapsed_ids()
        self.schedule = schedule
        self._action_labels = dict(action_labels)
        self.model.set_schedule(schedule, groups, action_labels, today)
        self.tree.expandAll()
        for record_id in collapsed:
            self.tree.setExpanded(self.model.index_of(record_id), False)
        period = (schedule.period_start, schedule.period_end) if schedule else None
        self.gantt.set_rows(self.model.timeline_rows(), period, today, new_schedule)
        self._reload_choices()
        if keep and self.select(keep, sync_only=True):
            return
        self._show_detail(None)

    def _collapsed_ids(self) -> set[str]:
        return {
            group.id
            for group in self.model.root.children
            if group.id and not self.tree.isExpanded(self.model.index_of(group.id))
        }

    def _reload_choices(self) -> None:
        if self.context is None or self.municipality_id is None:
            return
        from app.model import TeamMember

        members = records.children(
            self.context.store, TeamMember, municipality_id=self.municipality_id
        )
        self.item_form.refresh_choices()
        self.item_form.complete_with("responsible", [m.name for m in members])
        self._attachable = hdr.attachable_indicators(self.context.store, self.municipality_id)

    def _priority_choices(self) -> list[tuple[Any, str]]:
        return [
            (group.id, group.record.title)
            for group in self.model.root.children
            if group.kind == "priority"
        ]

    def _action_choices(self) -> list[tuple[Any, str]]:
        return list(getattr(self, "_action_labels", {}).items())

    # -- selection ------------------------------------------------------------------------------

    def select(self, record_id: str, sync_only: bool = False) -> bool:
        index = self.model.index_of(record_id)
        if not index.isValid():
            return False
        make_current(self.tree, index)
        self.gantt.select(record_id)
        if sync_only:
            self._show_detail(self.model.node(index))
        return True

    def _node_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.model.node(current) if current.isValid() else None
        self.gantt.select(node.id if node is not None else "")
        self._show_detail(node)

    def _timeline_selected(self, record_id: str) -> None:
        if record_id:
            self.select(record_id)
        else:
            self.tree.setCurrentIndex(QModelIndex())

    def _show_detail(self, node: Node | None) -> None:
        if node is None or node.kind == "loose":
            self.priority_form.flush()
            self.item_form.flush()
            self.detail.setCurrentIndex(0)
        elif node.kind == "priority":
            self.item_form.flush()
            self.detail.setCurrentIndex(1)
            self.priority_form.load(node.record)
        else:
            self.priority_form.flush()
            self.detail.setCurrentIndex(2)
            self.item_form.load(node.record)
            self._show_warnings(node.record)
            self._show_indicators(node.record)
        self._update_buttons()

    def _show_warnings(self, item: ScheduleItem) -> None:
        warning = self.model.warning_of(item)
        schedule = self.schedule
        early = bool(warning) and schedule is not None and item.start_month < schedule.period_start
        late = bool(warning) and schedule is not None and item.end_month > schedule.period_end
        self.item_form.set_warning("start_month", warning if early else "")
        self.item_form.set_warning("end_month", warning if late and not early else "")

    def _show_indicators(self, item: ScheduleItem) -> None:
        assert self.context is not None
        linked = hdr.linked_indicators(self.context.store, item.id)
        self.indicator_list.clear()
        for indicator in linked:
            entry = QListWidgetItem(
                indicator.name
                + (f" [{units.axis_label(indicator.unit)}]" if indicator.unit else "")
            )
            entry.setData(Qt.ItemDataRole.UserRole, indicator.id)
            entry.setToolTip(indicator.description or indicator.name)
            self.indicator_list.addItem(entry)
        self.indicator_list.setVisible(bool(linked))
        self.no_indicators.setVisible(not linked)
        self.attach_combo.clear()
        for choice in self._attachable:
            if choice.indicator.schedule_item_id == item.id:
                continue
            label = f"{choice.indicator.name} ({choice.attached_to})"
            self.attach_combo.addItem(label, choice.indicator.id)
            self.attach_combo.setItemData(
                self.attach_combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole
            )
        if not self.attach_combo.count():
            self.attach_combo.addItem(_("— plan nie ma wskaźników do przypięcia —"), None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        node = self.current_node()
        has_schedule = self.schedule is not None
        self.add_priority_button.setEnabled(has_schedule)
        self.add_item_button.setEnabled(has_schedule)
        movable = node is not None and node.kind in ("priority", "item")
        for button in (self.delete_button, self.up_button, self.down_button):
            button.setEnabled(movable)
        self.attach_button.setEnabled(self.attach_combo.currentData() is not None)
        self.detach_button.setEnabled(self.indicator_list.currentRow() >= 0)

    def _focus_detail(self) -> None:
        node = self.current_node()
        if node is None:
            return
        if node.kind == "priority":
            self.priority_form.editors["title"].setFocus()
        elif node.kind == "item":
            self.item_form.editors["action"].setFocus()

    def set_zoom(self, zoom: str) -> None:
        self.gantt.set_zoom(zoom)
        self._show_zoom(zoom)

    def _show_zoom(self, zoom: str) -> None:
        self.zoom_group.show_zoom(zoom)

    # -- editing ----------------------------------------------------------------------------------

    # -- indicators ----------------------------------------------------------------------


def _month_width(tree: QTreeView, shown: Callable[[date], str]) -> int:
    """Room for the longest month of the window's language, in bold, with a warning mark."""
    return text_room(
        tree, [f"{shown(date(2026, month, 1))} {WARNING_MARK}" for month in range(1, 13)]
    )


def _status_width(tree: QTreeView) -> int:
    """Room for the longest short status: an item's ("✓ zrealizowane"), a priority's ("✓ 8 z 9")."""
    items = [f"{style.mark} {status.label}" for status, style in STATUS_STYLES.items()]
    done = STATUS_STYLES[ActionStatus.DONE].mark
    return text_room(
        tree, [*items, _("{mark} {done} z {total}").format(mark=done, done=88, total=88)]
    )
