"""The HDR schedule tab's edits: fields, dates, names, order, new and deleted rows, indicators.

Every edit is one undoable command run through the tab's context;
:class:`ui.pages.hdr_schedule.ScheduleTab` builds the table, timeline and forms.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QListWidget, QMessageBox, QTreeView, QWidget

from app.i18n import _
from app.model import DevelopmentSchedule, Indicator, Record, ScheduleItem, SchedulePriority
from app.services import hdr, records
from ui.commands import CreateRecord, DeleteRecord, EditRecord, MoveRecord, push
from ui.commands.hdr import PlaceItem
from ui.context import EditorContext
from ui.forms.month_form import MonthRecordForm
from ui.forms.record_form import RecordForm
from ui.models.schedule import ScheduleTreeModel
from ui.models.tree_node import Node
from ui.widgets.gantt import GanttView
from ui.widgets.tables import selected_id


class ScheduleEdits(QWidget):
    """The edits of :class:`ui.pages.hdr_schedule.ScheduleTab`, which sets these attributes."""

    context: EditorContext | None
    schedule: DevelopmentSchedule | None
    model: ScheduleTreeModel
    tree: QTreeView
    gantt: GanttView
    priority_form: RecordForm
    item_form: MonthRecordForm
    attach_combo: QComboBox
    indicator_list: QListWidget

    def select(self, record_id: str, sync_only: bool = False) -> bool:
        raise NotImplementedError  # the tab selects the row in its table and its timeline

    def flush(self) -> None:
        self.priority_form.flush()
        self.item_form.flush()

    def current_id(self) -> str | None:
        return selected_id(self.tree)

    def current_node(self) -> Node | None:
        index = self.tree.currentIndex()
        return self.model.node(index) if index.isValid() else None

    def _edit_field(self, cls: type[Record]) -> Any:
        def edit(field: str, old: Any, new: Any) -> None:
            assert self.context is not None
            form = self.priority_form if cls is SchedulePriority else self.item_form
            assert form.record_id is not None
            push(
                self.context.undo_stack,
                EditRecord.of_field(self.context.store, cls, form.record_id, field, old, new),
            )

        return edit

    def _dates_changed(self, item_id: str, start: date, end: date) -> None:
        """One drag or key press on the timeline: one undoable command."""
        node = self.model.node_by_id(item_id)
        if self.context is None or node is None:
            return
        item: ScheduleItem = node.record
        command = EditRecord(
            self.context.store,
            ScheduleItem,
            item_id,
            {"start_month": item.start_month, "end_month": item.end_month},
            {"start_month": start, "end_month": end},
            _("zmianę terminu: {action}").format(action=_short(item.action)),
            mergeable=False,
        )
        if not self.context.run(command):
            self.gantt.set_rows(
                self.model.timeline_rows(),
                self.gantt.period,
                self.gantt.today,
            )

    def _rename_later(self, kind: str, record_id: str, text: str) -> None:
        """Rename once the inline editor has closed: the command reloads the model under it."""
        QTimer.singleShot(0, lambda: self._rename(kind, record_id, text))

    def _rename(self, kind: str, record_id: str, text: str) -> None:
        node = self.model.node_by_id(record_id)
        if self.context is None or node is None:
            return
        field = "title" if kind == "priority" else "action"
        cls: type[Record] = SchedulePriority if kind == "priority" else ScheduleItem
        self.context.run(
            EditRecord(
                self.context.store,
                cls,
                record_id,
                {field: getattr(node.record, field)},
                {field: text},
                _("zmianę nazwy"),
                mergeable=False,
            )
        )

    def _move(self, kind: str, record_id: str, parent_id: str, new_index: int) -> None:
        node = self.model.node_by_id(record_id)
        if self.context is None or self.schedule is None or node is None or node.parent is None:
            return
        if kind == "priority":
            command: Any = MoveRecord(
                self.context.store,
                SchedulePriority,
                record_id,
                (self.schedule.id, node.row()),
                (self.schedule.id, new_index),
                _("przeniesienie priorytetu"),
            )
        else:
            old_parent = node.parent.id or None
            command = PlaceItem(
                self.context.store,
                record_id,
                (old_parent, node.row()),
                (parent_id or None, new_index),
                _("przeniesienie pozycji"),
            )
        self.context.run(command)
        self.select(record_id)

    def shift(self, step: int) -> None:
        """Move the selected row up or down; an item past its priority's edge goes next door."""
        node = self.current_node()
        if node is None or node.parent is None or node.kind not in ("priority", "item"):
            return
        siblings = node.parent.children
        target = node.row() + step
        if node.kind == "priority":
            priorities = [c for c in siblings if c.kind == "priority"]
            if 0 <= target < len(priorities):
                self._move("priority", node.id, "", target)
            return
        if 0 <= target < len(siblings):
            self._move("item", node.id, node.parent.id, target)
            return
        groups = self.model.root.children
        neighbour = node.parent.row() + step
        if 0 <= neighbour < len(groups):
            group = groups[neighbour]
            self._move("item", node.id, group.id, len(group.children) if step < 0 else 0)

    def add_priority(self) -> None:
        if self.context is None or self.schedule is None:
            return
        self.flush()
        title = _("Nowy priorytet")
        command = CreateRecord(
            self.context.store,
            SchedulePriority,
            self.schedule.id,
            {"title": title},
            _("dodanie priorytetu"),
        )
        if self.context.run(command) and command.record_id:
            self.select(command.record_id)
            self.tree.setFocus()
            self.tree.edit(self.model.index_of(command.record_id))

    def add_item(self) -> None:
        if self.context is None or self.schedule is None:
            return
        self.flush()
        start, end = self._new_item_months()
        values: dict[str, Any] = {
            "action": _("Nowe działanie"),
            "start_month": start,
            "end_month": end,
            "priority_id": self._priority_for_new(),
        }
        command = CreateRecord(
            self.context.store, ScheduleItem, self.schedule.id, values, _("dodanie pozycji HDR")
        )
        if self.context.run(command) and command.record_id:
            self.select(command.record_id)
            editor = self.item_form.editors["action"]
            editor.setFocus()
            editor.selectAll()

    def _priority_for_new(self) -> str | None:
        node = self.current_node()
        while node is not None and node.kind == "item":
            node = node.parent
        if node is not None and node.kind == "priority":
            return node.id
        priorities = [g for g in self.model.root.children if g.kind == "priority"]
        return priorities[-1].id if priorities else None

    def _new_item_months(self) -> tuple[date, date]:
        """This month (or the HDR's start, if that is later) and two months on, in the period."""
        assert self.schedule is not None
        first, last = self.schedule.period_start, self.schedule.period_end
        this_month = self.model.today.replace(day=1)
        start = this_month if first <= this_month <= last else first
        end = min(hdr.shift_month(start, 2), max(last, start))
        return start, end

    def delete_selected(self) -> None:
        node = self.current_node()
        if self.context is None or node is None or node.kind not in ("priority", "item"):
            return
        if node.kind == "priority":
            name = node.record.title
            detail = (
                _("Razem z nim zostanie usuniętych pozycji: {count}.").format(
                    count=len(node.children)
                )
                if node.children
                else ""
            )
        else:
            name, detail = _short(node.record.action), ""
        answer = QMessageBox.question(
            self,
            _("Usuwanie"),
            _("Usunąć „{title}”?").format(title=name)
            + ("\n\n" + detail if detail else "")
            + "\n\n"
            + _("Można to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        cls: type[Record] = SchedulePriority if node.kind == "priority" else ScheduleItem
        neighbour = node.neighbour_id()
        if (
            self.context.run(
                DeleteRecord(
                    self.context.store, cls, node.id, _("usunięcie: {title}").format(title=name)
                )
            )
            and neighbour
        ):
            self.select(neighbour)

    def attach_indicator(self) -> None:
        indicator_id = self.attach_combo.currentData()
        item_id = self.item_form.record_id
        if self.context is None or not indicator_id or item_id is None:
            return
        indicator = records.get(self.context.store, Indicator, str(indicator_id))
        old, new = hdr.attach_change(indicator, item_id)
        self.context.run(
            EditRecord(
                self.context.store,
                Indicator,
                indicator.id,
                dict(old),
                dict(new),
                _("przypięcie wskaźnika „{name}”").format(name=indicator.name),
                mergeable=False,
            )
        )

    def detach_indicator(self) -> None:
        entry = self.indicator_list.currentItem()
        if self.context is None or entry is None:
            return
        indicator = records.get(
            self.context.store, Indicator, str(entry.data(Qt.ItemDataRole.UserRole))
        )
        old, new = hdr.attach_change(indicator, None)
        self.context.run(
            EditRecord(
                self.context.store,
                Indicator,
                indicator.id,
                dict(old),
                dict(new),
                _("odpięcie wskaźnika „{name}”").format(name=indicator.name),
                mergeable=False,
            )
        )


def _short(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
