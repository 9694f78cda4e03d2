"""The plan page's edits: fields, term, schools; add, rename, move, delete; new plans.

Every edit is an undoable command run through the page's context; the page
(:class:`ui.pages.plan.PlanPage`) builds the widgets these edits act on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QTabWidget, QTreeView

from app.i18n import N_, _
from app.model import Action, Municipality, Record, StrategicPlan
from app.services import records
from app.services.plans import set_action_schools
from ui.commands import CallCommand, CreateRecord, EditRecord, MoveRecord, push
from ui.forms.editors import ChecklistEditor
from ui.models.plan_tree import KIND_CLASS, PlanTreeModel
from ui.models.roles import KIND_ROLE
from ui.pages.base import Page
from ui.widgets.tables import selected_id

NEW_TITLES = {
    "goal": N_("Nowy cel strategiczny"),
    "objective": N_("Nowy cel operacyjny"),
    "action": N_("Nowe działanie"),
}


class PlanEdits(Page):
    """The edits of :class:`ui.pages.plan.PlanPage`, which sets these attributes."""

    plan_id: str | None
    tree_model: PlanTreeModel
    tree: QTreeView
    tabs: QTabWidget
    add_goal_button: QPushButton
    schools_editor: ChecklistEditor
    _school_ids: list[str]

    # -- what is selected --------------------------------------------------------------

    def current_id(self) -> str | None:
        return selected_id(self.tree)

    def current_kind(self) -> str | None:
        index = self.tree.currentIndex()
        value = index.data(KIND_ROLE) if index.isValid() else None
        return str(value) if value else None

    # -- the detail forms' edits and choices ------------------------------------------

    def _save_term(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        assert self.context is not None
        action_id = self.current_id()
        assert action_id is not None
        push(
            self.context.undo_stack,
            EditRecord(
                self.context.store, Action, action_id, old, new, _("zmiana terminu realizacji")
            ),
        )

    def _institution_choices(self) -> list[tuple[Any, str]]:
        if self.context is None or self.municipality_id is None:
            return []
        from app.model import Institution, School

        store, municipality_id = self.context.store, self.municipality_id
        found = records.children(store, Institution, municipality_id=municipality_id)
        schools = records.children(store, School, municipality_id=municipality_id)
        return [(i.id, i.name) for i in sorted(found, key=lambda i: i.name)] + [
            (s.id, s.name) for s in sorted(schools, key=lambda s: s.name)
        ]

    def _team_choices(self) -> list[tuple[Any, str]]:
        if self.context is None or self.municipality_id is None:
            return []
        from app.model import TeamMember

        members = records.children(
            self.context.store, TeamMember, municipality_id=self.municipality_id
        )
        return [(m.id, f"{m.name} — {m.role}" if m.role else m.name) for m in members]

    def _school_choices(self) -> list[tuple[str, str]]:
        if self.context is None or self.municipality_id is None:
            return []
        from app.model import School

        schools = records.children(self.context.store, School, municipality_id=self.municipality_id)
        return [(s.id, s.name) for s in sorted(schools, key=lambda s: s.name)]

    def _edit_field(self, cls: type[Record]) -> Any:
        def edit(field: str, old: Any, new: Any) -> None:
            assert self.context is not None
            record_id = self.plan_id if cls is StrategicPlan else self.current_id()
            assert record_id is not None

            push(
                self.context.undo_stack,
                EditRecord.of_field(self.context.store, cls, record_id, field, old, new),
            )

        return edit

    def _schools_edited(self) -> None:
        if self.context is None or self.current_kind() != "action":
            return
        action_id = self.current_id()
        assert action_id is not None
        store = self.context.store
        old, new = list(self._school_ids), self.schools_editor.value()
        if set(old) == set(new):
            return
        command = CallCommand(
            store,
            lambda: set_action_schools(store, action_id, new),
            lambda: set_action_schools(store, action_id, old),
            _("zmianę szkół objętych działaniem"),
        )
        if self.context.run(command):
            self._school_ids = new

    # -- the tree's edits --------------------------------------------------------------

    def _rename(self, kind: str, record_id: str, title: str) -> None:
        if self.context is None:
            return
        node = self.tree_model.node_by_id(record_id)
        old = node.record.title if node is not None else ""
        self.context.run(
            EditRecord(
                self.context.store,
                KIND_CLASS[kind],
                record_id,
                {"title": old},
                {"title": title},
                _("zmianę nazwy"),
                mergeable=False,
            )
        )

    def _move(self, kind: str, record_id: str, parent_id: str, new_index: int) -> None:
        if self.context is None:
            return
        node = self.tree_model.node_by_id(record_id)
        if node is None or node.parent is None:
            return
        old_parent = self.plan_id if node.parent.kind == "root" else node.parent.id
        assert old_parent is not None
        self.context.run(
            MoveRecord(
                self.context.store,
                KIND_CLASS[kind],
                record_id,
                (old_parent, node.row()),
                (parent_id, new_index),
                _("przeniesienie elementu"),
            )
        )
        self.select(record_id)

    def shift(self, step: int) -> None:
        """Move the selected element up or down; past the edge, into the neighbouring parent."""
        record_id = self.current_id()
        node = self.tree_model.node_by_id(record_id or "")
        if node is None or node.parent is None or self.plan_id is None:
            return
        siblings = node.parent.children
        row = node.row()
        target = row + step
        if 0 <= target < len(siblings):
            parent_id = self.plan_id if node.parent.kind == "root" else node.parent.id
            self._move(node.kind, node.id, parent_id, target)
            return
        grandparent = node.parent.parent
        if grandparent is None:
            return
        uncles = grandparent.children
        uncle_row = node.parent.row() + step
        if 0 <= uncle_row < len(uncles):
            uncle = uncles[uncle_row]
            index = len(uncle.children) if step < 0 else 0
            self._move(node.kind, node.id, uncle.id, index)

    def add(self, kind: str) -> None:
        if self.context is None or self.plan_id is None:
            return
        self.flush()
        parent_id = self._parent_for_new(kind)
        if parent_id is None:
            return
        values: dict[str, Any] = {"title": _(NEW_TITLES[kind])}
        values.update(self._code_for_new(kind, parent_id))
        cls = KIND_CLASS[kind]
        command = CreateRecord(
            self.context.store,
            cls,
            parent_id,
            values,
            _("dodanie: {what}").format(what=_(NEW_TITLES[kind]).lower()),
        )
        if self.context.run(command) and command.record_id:
            self.select(command.record_id)
            index = self.tree_model.index_of(command.record_id)
            self.tree.setFocus()
            self.tree.edit(index)

    def _parent_for_new(self, kind: str) -> str | None:
        if kind == "goal":
            return self.plan_id
        node = self.tree_model.node_by_id(self.current_id() or "")
        wanted_parent = {"objective": "goal", "action": "objective"}[kind]
        while node is not None and node.kind != wanted_parent:
            node = node.parent if node.kind != "root" else None
            if node is not None and node.kind == "root":
                node = None
        if node is None:
            return None
        return node.id

    def _code_for_new(self, kind: str, parent_id: str) -> dict[str, Any]:
        if kind == "action":
            return {}
        if kind == "goal":
            return {"code": str(len(self.tree_model.root.children) + 1)}
        parent = self.tree_model.node_by_id(parent_id)
        if parent is None:
            return {}
        prefix = getattr(parent.record, "code", None) or str(parent.row() + 1)
        return {"code": f"{prefix}.{len(parent.children) + 1}"}

    def delete_selected(self) -> None:
        record_id = self.current_id()
        node = self.tree_model.node_by_id(record_id or "")
        if self.context is None or node is None:
            return
        count = node.descendant_count()
        detail = (
            _("Elementy podrzędne usuwane razem z nim: {count}.").format(count=count)
            if count
            else ""
        )
        next_id = node.neighbour_id()
        deleted = self.delete_with_confirm(
            _("Usuwanie"),
            _("Usunąć „{title}”?").format(title=node.record.title)
            + ("\n\n" + detail if detail else "")
            + "\n\n"
            + _("Można to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."),
            KIND_CLASS[node.kind],
            node.id,
            _("usunięcie: {title}").format(title=node.record.title),
        )
        if deleted and next_id:
            self.select(next_id)

    def new_plan(self) -> None:
        """Ask for the new plan's title and years, then show it."""
        if self.context is None or self.municipality_id is None:
            return
        from ui.dialogs.new_plan import NewPlanDialog

        self.flush()
        municipality = records.get(self.context.store, Municipality, self.municipality_id)
        dialog = NewPlanDialog(self.context, self.municipality_id, municipality.name, self)
        created = dialog.created_id if dialog.exec() else None
        dialog.deleteLater()
        if created:
            self.plan_id = created
            self.refresh()
            self.tabs.setCurrentIndex(0)
            self.add_goal_button.setFocus()

    def delete_plan(self) -> None:
        if self.context is None or self.plan_id is None:
            return
        plan = records.get(self.context.store, StrategicPlan, self.plan_id)
        if self.delete_with_confirm(
            _("Usuwanie planu"),
            _(
                "Usunąć cały plan „{title}” wraz z celami, działaniami i wskaźnikami?\n\n"
                "Można to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."
            ).format(title=plan.title),
            StrategicPlan,
            self.plan_id,
            _("usunięcie planu"),
        ):
            self.plan_id = None
            self.refresh()
