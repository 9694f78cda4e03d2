"""Plan strategiczny: the plan's header, its goal → objective → action tree, and indicators."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalogs import key_competences
from app.changes import Change
from app.i18n import _
from app.model import Action, Goal, Objective, StrategicPlan
from app.services import funding, plans, records
from app.services.plans import action_school_ids
from ui.forms.editors import ChecklistEditor
from ui.forms.financing import FinancingEditor
from ui.forms.record_form import RecordForm
from ui.forms.term_field import TermField
from ui.models.plan_tree import CHILD_KIND, PlanTreeModel
from ui.models.tree_node import Node
from ui.pages.plan_edits import PlanEdits
from ui.pages.plan_gantt import PlanGanttTab
from ui.pages.plan_header import header_tab
from ui.pages.plan_strategy import StrategyTab
from ui.widgets.empty_state import EmptyState, empty_or_content
from ui.widgets.practice_links import PracticeLinks
from ui.widgets.tables import make_current, movable_tree

GOAL_FIELDS = ("code", "title", "description")
ACTION_FIELDS = (
    "title",
    "description",
    "realizator_id",
    "responsible_id",
    "responsible_person",
    "partner_ids",
    "partners",
    "status",
    "key_competences",
)


class PlanPage(PlanEdits):
    key = "plan"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan_id: str | None = None
        self.plan_list: list[StrategicPlan] = []
        self.tree_model = PlanTreeModel()
        self.tree_model.move_requested.connect(self._move)
        self.tree_model.rename_requested.connect(self._rename)
        self._build()

    def title(self) -> str:
        return _("Plan strategiczny")

    # -- building -------------------------------------------------------------------

    def _build(self) -> None:
        self.plan_combo = QComboBox()
        self.plan_combo.setMinimumContentsLength(40)
        self.plan_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.plan_combo.setAccessibleName(_("Wybór planu"))
        self.plan_combo.activated.connect(self._plan_chosen)
        self.new_plan_button = QPushButton(_("Nowy plan"))
        self.new_plan_button.clicked.connect(self.new_plan)
        self.delete_plan_button = QPushButton(_("Usuń plan"))
        self.delete_plan_button.clicked.connect(self.delete_plan)
        top = QHBoxLayout()
        plan_label = QLabel(_("Plan:"))
        plan_label.setBuddy(self.plan_combo)  # Alt+letter opens the choice of plan
        top.addWidget(plan_label)
        top.addWidget(self.plan_combo, 1)
        top.addWidget(self.new_plan_button)
        top.addWidget(self.delete_plan_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_tree_tab(), _("Cele i działania"))
        self.gantt_tab = PlanGanttTab()
        self.gantt_tab.record_activated.connect(self._show_in_tree)
        self.tabs.addTab(self.gantt_tab, _("Harmonogram (Gantt)"))
        header, self.header_forms = header_tab(self._edit_field(StrategicPlan))
        self.tabs.addTab(header, _("Informacje, diagnoza i SWOT"))
        self.indicators = self._build_indicators()
        self.tabs.addTab(self.indicators, _("Wskaźniki"))
        self.strategy = StrategyTab(self._edit_field(StrategicPlan))
        self.tabs.addTab(self.strategy, _("Problemy, finansowanie, konsultacje"))

        self.empty = EmptyState(
            _("Ta JST nie ma jeszcze planu"),
            _(
                "Plan rozwoju oświaty zawiera diagnozę, analizę SWOT, wizję i misję oraz cele "
                "strategiczne i operacyjne z działaniami i wskaźnikami."
            ),
        )
        self.empty.add_button(_("Utwórz plan rozwoju oświaty"), self.new_plan, default=True)
        self.stack = empty_or_content(self, self.empty, top, self.tabs)

    def _build_indicators(self) -> QWidget:
        try:
            from ui.pages.plan_indicators import IndicatorsPanel
        except ImportError:  # built in its own module; absent only in a partial checkout
            return EmptyState(_("Wskaźniki"), "")
        return IndicatorsPanel()

    def _build_tree_tab(self) -> QWidget:
        self.tree = movable_tree(self.tree_model, _("Cele i działania planu"))
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._node_changed)

        buttons = QHBoxLayout()
        self.add_goal_button = QPushButton(_("+ Cel strategiczny"))
        self.add_goal_button.setToolTip(_("Dodaj cel strategiczny (Ctrl+Shift+1)"))
        self.add_goal_button.clicked.connect(lambda: self.add("goal"))
        self.add_objective_button = QPushButton(_("+ Cel operacyjny"))
        self.add_objective_button.setToolTip(
            _("Dodaj cel operacyjny do wybranego celu (Ctrl+Shift+2)")
        )
        self.add_objective_button.clicked.connect(lambda: self.add("objective"))
        self.add_action_button = QPushButton(_("+ Działanie"))
        self.add_action_button.setToolTip(
            _("Dodaj działanie do wybranego celu operacyjnego (Ctrl+Shift+3)")
        )
        self.add_action_button.clicked.connect(lambda: self.add("action"))
        self.delete_button = QPushButton(_("Usuń"))
        self.delete_button.setToolTip(_("Usuń wybrany element (Delete); można cofnąć"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip(_("Przesuń wyżej (Ctrl+↑)"))
        self.up_button.clicked.connect(lambda: self.shift(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip(_("Przesuń niżej (Ctrl+↓)"))
        self.down_button.clicked.connect(lambda: self.shift(1))
        for button in (
            self.add_goal_button,
            self.add_objective_button,
            self.add_action_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self._shortcuts()

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addLayout(buttons)
        left_box.addWidget(self.tree)
        hint = QLabel(
            _(
                "Przeciągnij element myszą albo użyj Ctrl+↑/↓, aby zmienić kolejność; "
                "F2 zmienia nazwę."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        left_box.addWidget(hint)

        self.detail = QStackedWidget()
        self.detail_empty = EmptyState(
            _("Wybierz element"), _("Wybierz cel lub działanie z listy po lewej.")
        )
        self.goal_form = RecordForm(Goal, GOAL_FIELDS, self._edit_field(Goal))
        self.objective_form = RecordForm(Objective, GOAL_FIELDS, self._edit_field(Objective))
        self.action_form = RecordForm(
            Action,
            ACTION_FIELDS,
            self._edit_field(Action),
            choices={
                "responsible_id": self._team_choices,
                "realizator_id": self._institution_choices,
                "partner_ids": self._institution_choices,
                "key_competences": lambda: [(k.code, _(k.name_2018)) for k in key_competences()],
            },
        )
        self.practice_links = {kind: PracticeLinks() for kind in ("goal", "objective", "action")}
        for kind, form in (
            ("goal", self.goal_form),
            ("objective", self.objective_form),
            ("action", self.action_form),
        ):
            form.layout_.addRow(_("Dobre praktyki"), self.practice_links[kind])
        self.term_field = TermField(self._save_term)
        self.financing = FinancingEditor()
        self.schools_editor = ChecklistEditor()
        self.schools_editor.setAccessibleName(_("Szkoły objęte działaniem"))
        self.schools_editor.committed.connect(self._schools_edited)
        action_box = QWidget()
        action_layout = QVBoxLayout(action_box)
        action_layout.addWidget(self.action_form)
        action_layout.addWidget(QLabel(_("Termin realizacji")))
        action_layout.addWidget(self.term_field)
        action_layout.addWidget(QLabel(_("Finansowanie (rok × źródło × kwota)")))
        action_layout.addWidget(self.financing)
        action_layout.addWidget(QLabel(_("Szkoły i placówki objęte działaniem")))
        action_layout.addWidget(self.schools_editor)
        for widget in (self.detail_empty, self.goal_form, self.objective_form, action_box):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(widget)
            self.detail.addWidget(scroll)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([600, 480])
        return self.splitter

    def _shortcuts(self) -> None:
        bindings = (
            ("Ctrl+Shift+1", lambda: self.add("goal")),
            ("Ctrl+Shift+2", lambda: self.add("objective")),
            ("Ctrl+Shift+3", lambda: self.add("action")),
            ("Ctrl+Up", lambda: self.shift(-1)),
            ("Ctrl+Down", lambda: self.shift(1)),
        )
        for keys, slot in bindings:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.tree)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.tree)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self._focus_detail)

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        if self.context is None or self.municipality_id is None:
            return
        self.plan_list = plans.plans_of(self.context.store, self.municipality_id)
        self.plan_combo.clear()
        for plan in self.plan_list:
            self.plan_combo.addItem(_plan_label(plan), plan.id)
        ids = [p.id for p in self.plan_list]
        if self.plan_id not in ids:
            self.plan_id = ids[0] if ids else None
        if self.plan_id:
            self.plan_combo.setCurrentIndex(ids.index(self.plan_id))
        self.stack.setCurrentIndex(1 if self.plan_id else 0)
        self._load_plan()

    def _load_plan(self, keep: str | None = None) -> None:
        assert self.context is not None
        keep = keep or self.current_id()
        if self.plan_id is None:
            self.tree_model.set_tree(None, [])
            self.gantt_tab.show_plan(self.context, None, [])
            for form in self.header_forms:
                form.load(None)
        else:
            plan = records.get(self.context.store, StrategicPlan, self.plan_id)
            for form in self.header_forms:
                form.load(plan)
            self._set_tree()
        self.tree.expandAll()
        self.action_form.refresh_choices()
        self.schools_editor.set_choices(self._school_choices())
        if keep and self.select(keep):
            return
        self._show_detail(None)
        show_plan = getattr(self.indicators, "show_plan", None)
        if show_plan is not None:
            show_plan(self.context, self.municipality_id, self.plan_id)
        self.strategy.show_plan(self.context, self.municipality_id, self.plan_id)

    def _show_in_tree(self, record_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        if self.select(record_id):
            self.tree.setFocus()

    def _set_tree(self) -> None:
        assert self.context is not None and self.plan_id is not None
        store = self.context.store
        goals = plans.tree(store, self.plan_id)
        self.tree_model.set_tree(self.plan_id, goals, funding.budgets_of_plan(store, self.plan_id))
        self.gantt_tab.show_plan(self.context, self.plan_id, goals)

    def _plan_chosen(self, row: int) -> None:
        self.flush()
        self.plan_id = self.plan_combo.itemData(row)
        self._load_plan()
        show_plan = getattr(self.indicators, "show_plan", None)
        if show_plan is not None:
            show_plan(self.context, self.municipality_id, self.plan_id)

    def on_change(self, change: Change) -> None:
        if self.context is None:
            return
        relevant = {
            "strategic_plan",
            "goal",
            "objective",
            "action",
            "team_member",
            "school",
            "institution",
        }
        if change.record_type in ("action_funding", "funding_source"):
            self.financing.on_change(change)
            if self.plan_id is not None and not self.defer_while_hidden():
                self._sync()
        if change.record_type in relevant and self.defer_while_hidden():
            pass  # read again when shown
        elif change.record_type == "strategic_plan" and change.kind.value != "updated":
            self.refresh()
        elif change.record_type in relevant:
            self._sync()
        on_change = getattr(self.indicators, "on_change", None)
        if on_change is not None:
            on_change(change)
        self.strategy.on_change(change)

    def _sync(self) -> None:
        """Reflect a change (an edit, undo or redo) without losing the user's place."""
        assert self.context is not None
        if self.plan_id is None:
            return
        try:
            plan = records.get(self.context.store, StrategicPlan, self.plan_id)
        except Exception:
            self.refresh()
            return
        for form in self.header_forms:
            form.sync(plan)
        row = self.plan_combo.findData(plan.id)
        if row >= 0:  # the selector names the plan as it is now
            self.plan_combo.setItemText(row, _plan_label(plan))
        current = self.current_id()
        expanded = self._expanded_ids()
        self._set_tree()
        self._restore_expanded(expanded)
        self.action_form.refresh_choices()
        self.schools_editor.set_choices(self._school_choices())
        if current and self.select(current, sync_only=True):
            return
        self._show_detail(None)

    def _expanded_ids(self) -> set[str]:
        found: set[str] = set()

        def walk(node: Node) -> None:
            for child in node.children:
                index = self.tree_model.index_of(child.id)
                if self.tree.isExpanded(index):
                    found.add(child.id)
                walk(child)

        walk(self.tree_model.root)
        return found

    def _restore_expanded(self, expanded: set[str]) -> None:
        if not expanded:
            self.tree.expandAll()
            return
        for record_id in expanded:
            self.tree.setExpanded(self.tree_model.index_of(record_id), True)

    def flush(self) -> None:
        for form in (
            *getattr(self, "header_forms", []),
            self.goal_form,
            self.objective_form,
            self.action_form,
        ):
            form.flush()
        self.financing.flush()
        if hasattr(self, "strategy"):
            self.strategy.flush()
        flush = getattr(self.indicators, "flush", None)
        if flush is not None:
            flush()

    # -- selection and detail ---------------------------------------------------------------

    def select(self, record_id: str, sync_only: bool = False) -> bool:
        index = self.tree_model.index_of(record_id)
        if not index.isValid():
            return False
        make_current(self.tree, index)
        node = self.tree_model.node(index)
        if sync_only:
            form = self._form_for(node.kind)
            if form is not None:
                form.sync(node.record)
            if node.kind == "action":
                self._load_schools(node.id)
                self.term_field.load(node.record)
        return True

    def _node_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.tree_model.node(current) if current.isValid() else None
        self._show_detail(node)

    def _form_for(self, kind: str) -> RecordForm | None:
        return {
            "goal": self.goal_form,
            "objective": self.objective_form,
            "action": self.action_form,
        }.get(kind)

    def _show_detail(self, node: Node | None) -> None:
        for form in (self.goal_form, self.objective_form, self.action_form):
            form.flush()
        if node is None or node.record is None:
            self._describe_empty()
            self.detail.setCurrentIndex(0)
            self._update_buttons(None)
            return
        kinds = ["goal", "objective", "action"]
        self.detail.setCurrentIndex(kinds.index(node.kind) + 1)
        detail_form = self._form_for(node.kind)
        assert detail_form is not None
        detail_form.load(node.record)
        self.practice_links[node.kind].show_for(
            self.context, self.municipality_id, node.kind, node.id
        )
        if node.kind == "action":
            self._load_schools(node.id)
            self._load_action_parts(node.record)
        self._update_buttons(node)

    def _describe_empty(self) -> None:
        if self.tree_model.root.children:
            self.detail_empty.set_text(
                _("Wybierz element"), _("Wybierz cel lub działanie z listy po lewej.")
            )
        else:
            self.detail_empty.set_text(
                _("Plan nie ma jeszcze celów"),
                _(
                    "Zacznij od celu strategicznego: przycisk „+ Cel strategiczny” "
                    "(Ctrl+Shift+1). Cele operacyjne i działania dodasz pod nim."
                ),
            )

    def _load_schools(self, action_id: str) -> None:
        assert self.context is not None
        self.schools_editor.set_value(action_school_ids(self.context.store, action_id))
        self._school_ids = self.schools_editor.value()

    def _update_buttons(self, node: Node | None) -> None:
        kind = node.kind if node else None
        self.add_objective_button.setEnabled(kind in ("goal", "objective", "action"))
        self.add_action_button.setEnabled(kind in ("objective", "action"))
        self.delete_button.setEnabled(node is not None)
        self.up_button.setEnabled(node is not None)
        self.down_button.setEnabled(node is not None)

    def _focus_detail(self) -> None:
        form = self._form_for(self.current_kind() or "")
        if form is not None:
            editor = form.editors.get("title")
            if editor is not None:
                editor.setFocus()

    def _load_action_parts(self, action: Any) -> None:
        assert self.context is not None
        self.term_field.load(action)
        self.financing.show_action(self.context, self.municipality_id, action.id)

    # -- editing ------------------------------------------------------------------------------


__all__ = ["CHILD_KIND", "PlanPage"]


def _plan_label(plan: StrategicPlan) -> str:
    return f"{plan.title} ({plan.year_from}–{plan.year_to})"
