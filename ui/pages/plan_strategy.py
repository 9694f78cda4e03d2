"""The plan's strategy parts: introduction and evaluation calendar, problem tree,
diagnosis tables, consultations, institutions, funding sources, and the budget.

One tab of the plan page; each part is a list with a form for the selected
record (:class:`ui.widgets.record_panel.RecordPanel`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Change
from app.errors import UserError
from app.i18n import N_, _
from app.model import (
    DiagnosisTable,
    FundingSource,
    Goal,
    Institution,
    Objective,
    PlanConsultation,
    Problem,
    ProblemKind,
    StrategicPlan,
)
from app.services import funding, records
from app.services.plan_budget import plan_budget
from app.services.strategy import EVALUATION_KINDS, table_rows, to_content
from ui.commands import EditRecord, push
from ui.context import EditorContext
from ui.errors import show_user_error
from ui.formatting import show_date, show_money
from ui.forms.record_form import EditHandler, RecordForm
from ui.models.budget import BudgetLine, BudgetTableModel, by_year, planned_spent
from ui.models.records import Column
from ui.models.table import Column as TableColumn
from ui.widgets.column_fit import fit_width
from ui.widgets.diagnosis_table import DiagnosisTableEditor
from ui.widgets.record_panel import RecordPanel

PLAN_FIELDS = (
    "introduction",
    "midterm_evaluation_date",
    "final_evaluation_date",
    "yearly_report_date",
)
SECTIONS = (
    ("context", N_("Charakterystyka JST")),
    ("education", N_("Stan oświaty")),
    ("demography", N_("Prognoza demograficzna")),
    ("conclusions", N_("Wnioski z diagnozy")),
)


class SourcesPanel(RecordPanel):
    """Funding sources: a source that financing rows use is not deleted with them."""

    def delete_selected(self) -> None:
        record_id = self.current_id()
        if self.context is None or record_id is None:
            return
        if funding.source_in_use(self.context.store, record_id):
            show_user_error(
                self,
                UserError(
                    _("Tego źródła używają wiersze finansowania działań; najpierw zmień je.")
                ),
            )
            return
        super().delete_selected()


class StrategyTab(QWidget):
    def __init__(self, edit_plan: EditHandler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: EditorContext | None = None
        self.municipality_id: str | None = None
        self.plan_id: str | None = None
        self.plan_form = RecordForm(StrategicPlan, PLAN_FIELDS, edit_plan)
        self.next_date = QLabel()
        self.problems = RecordPanel(
            Problem,
            [
                Column("title", _("Problem")),
                Column("kind", _("Rodzaj")),
                Column("above_id", _("Pod"), self._problem_name),
            ],
            ("title", "kind", "above_id", "description", "answered_by"),
            noun=_("przyczynę lub skutek"),
            new_values=self._new_problem,
            choices={"above_id": self._problem_choices, "answered_by": self._goal_choices},
        )
        self.tables = RecordPanel(
            DiagnosisTable,
            [Column("title", _("Tabela")), Column("section", _("Część diagnozy"), _section_name)],
            ("title", "section", "source_note"),
            noun=_("tabelę"),
            new_values=lambda: {"title": _("Nowa tabela"), "section": "education"},
            choices={"section": lambda: [(k, _(v)) for k, v in SECTIONS]},
        )
        self.grid = DiagnosisTableEditor(self._save_grid)
        self.tables.selection_changed.connect(self._show_grid)
        self.consultations = RecordPanel(
            PlanConsultation,
            [
                Column("form", _("Forma")),
                Column("date_from", _("Od"), show_date),
                Column("comments_count", _("Uwagi")),
            ],
            ("form", "date_from", "date_to", "participants", "comments_count", "handling"),
            noun=_("konsultację"),
            new_values=lambda: {"form": _("Nowe konsultacje"), "date_from": _today()},
        )
        self.institutions = RecordPanel(
            Institution,
            [Column("name", _("Instytucja")), Column("kind", _("Rodzaj"))],
            ("name", "kind", "notes"),
            noun=_("instytucję"),
            new_values=lambda: {"name": _("Nowa instytucja")},
        )
        self.sources = SourcesPanel(
            FundingSource,
            [Column("name", _("Źródło finansowania"))],
            ("name",),
            noun=_("źródło"),
            new_values=lambda: {"name": _("Nowe źródło finansowania")},
        )
        self.budget = self._build_budget()
        self.tabs = QTabWidget()
        intro = QWidget()
        intro_box = QVBoxLayout(intro)
        intro_box.addWidget(self.plan_form)
        intro_box.addWidget(self.next_date)
        intro_box.addStretch(1)
        tables = QWidget()
        tables_box = QVBoxLayout(tables)
        tables_box.addWidget(self.tables, 1)
        tables_box.addWidget(self.grid, 1)
        for widget, title in (
            (intro, _("Wprowadzenie i ewaluacja")),
            (self.problems, _("Drzewo problemów")),
            (tables, _("Tabele diagnozy")),
            (self.consultations, _("Konsultacje")),
            (self.institutions, _("Instytucje")),
            (self.sources, _("Źródła finansowania")),
            (self.budget, _("Budżet")),
        ):
            self.tabs.addTab(widget, title)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tabs)

    def _build_budget(self) -> QWidget:
        page = QWidget()
        self.by_source = _budget_table("budget_by_source", _("Według źródeł i lat"))
        self.by_goal = _budget_table("budget_by_goal", _("Według celów i lat"))
        self.planned_spent = QLabel()
        self.by_goal_spent = _budget_table("budget_planned_spent", _("Plan a wydatki według celów"))
        self.export_button = QPushButton(_("Zapisz budżet do pliku .xlsx…"))
        self.export_button.clicked.connect(self.export_xlsx)
        box = QVBoxLayout(page)
        box.addWidget(QLabel(_("Według źródeł i lat")))
        box.addWidget(self.by_source)
        box.addWidget(QLabel(_("Według celów i lat")))
        box.addWidget(self.by_goal)
        box.addWidget(QLabel(_("Plan a wydatki według celów")))
        box.addWidget(self.by_goal_spent)
        box.addWidget(self.planned_spent)
        box.addWidget(self.export_button)
        box.addStretch(1)
        # The page scrolls, not each table: every row of the three tables is on show.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    # -- loading ----------------------------------------------------------------------

    def show_plan(
        self, context: EditorContext, municipality_id: str | None, plan_id: str | None
    ) -> None:
        self.context, self.municipality_id, self.plan_id = context, municipality_id, plan_id
        plan = records.get(context.store, StrategicPlan, plan_id) if plan_id else None
        self.plan_form.load(plan)
        self._show_next_date(plan)
        where = {"plan_id": plan_id or ""}
        self.problems.show_parent(context, plan_id, **where)
        self.tables.show_parent(context, plan_id, **where)
        self.consultations.show_parent(context, plan_id, **where)
        self.institutions.show_parent(
            context, municipality_id, municipality_id=municipality_id or ""
        )
        if municipality_id is not None:
            funding.sources(context.store, municipality_id)  # the seeded catalogue, once
        self.sources.show_parent(context, municipality_id, municipality_id=municipality_id or "")
        self._show_grid(self.tables.current_id() or "")
        self.refresh_budget()

    def _show_next_date(self, plan: StrategicPlan | None) -> None:
        from datetime import date

        from app.services.strategy import next_evaluation_date

        found = next_evaluation_date(plan, date.today()) if plan is not None else None
        if found is None:
            self.next_date.clear()
            return
        when, kind = found
        self.next_date.setText(
            _("Najbliższy termin: {what} — {date}").format(
                what=_(EVALUATION_KINDS[kind]), date=show_date(when)
            )
        )

    def refresh_budget(self) -> None:
        if self.context is None or self.plan_id is None:
            return
        try:
            budget = plan_budget(self.context.store, self.plan_id)
        except UserError:
            return
        _show(self.by_source, *by_year(budget.by_source, _("Źródło finansowania")))
        _show(self.by_goal, *by_year(budget.by_goal, _("Cel strategiczny")))
        _show(self.by_goal_spent, *planned_spent(budget))
        self.planned_spent.setText(
            _("Plan: {planned} · wydano: {spent}").format(
                planned=show_money(budget.planned), spent=show_money(budget.spent)
            )
        )

    def on_change(self, change: Change) -> None:
        for panel in (
            self.problems,
            self.tables,
            self.consultations,
            self.institutions,
            self.sources,
        ):
            panel.on_change(change)
        if change.record_type == "strategic_plan" and self.context and self.plan_id:
            try:
                plan = records.get(self.context.store, StrategicPlan, self.plan_id)
            except UserError:
                return
            self.plan_form.sync(plan)
            self._show_next_date(plan)
        if change.record_type in ("action_funding", "funding_source", "goal", "action"):
            self.refresh_budget()
        if change.record_type == "diagnosis_table":
            self._show_grid(self.tables.current_id() or "")

    def flush(self) -> None:
        for panel in (
            self.problems,
            self.tables,
            self.consultations,
            self.institutions,
            self.sources,
        ):
            panel.form.flush()
        self.plan_form.flush()

    # -- parts ---------------------------------------------------------------------------

    def _problem_list(self) -> list[Problem]:
        if self.context is None or self.plan_id is None:
            return []
        return records.children(self.context.store, Problem, plan_id=self.plan_id)

    def _problem_name(self, problem_id: Any) -> str:
        names = {p.id: p.title for p in self._problem_list()}
        return names.get(problem_id or "", "")

    def _problem_choices(self) -> list[tuple[Any, str]]:
        return [(p.id, p.title) for p in self._problem_list()]

    def _goal_choices(self) -> list[tuple[Any, str]]:
        if self.context is None or self.plan_id is None:
            return []
        store = self.context.store
        found: list[tuple[Any, str]] = []
        for goal in records.children(store, Goal, plan_id=self.plan_id):
            found.append((goal.id, f"{goal.code or ''} {goal.title}".strip()))
            for objective in records.children(store, Objective, goal_id=goal.id):
                found.append((objective.id, f"  {objective.code or ''} {objective.title}".rstrip()))
        return found

    def _new_problem(self) -> dict[str, Any]:
        existing = self._problem_list()
        if not existing:
            return {"title": _("Problem główny"), "kind": ProblemKind.CENTRAL.value}
        selected = next((p for p in existing if p.id == self.problems.current_id()), None)
        parent = selected or next((p for p in existing if p.kind is ProblemKind.CENTRAL), None)
        kind = (
            ProblemKind.CAUSE
            if parent is None or parent.kind is ProblemKind.CENTRAL
            else parent.kind
        )
        values: dict[str, Any] = {"title": _("Nowa przyczyna"), "kind": kind.value}
        if kind is ProblemKind.EFFECT:
            values["title"] = _("Nowy skutek")
        if parent is not None:
            values["above_id"] = parent.id
        return values

    def _show_grid(self, table_id: str) -> None:
        table = None
        if self.context is not None and table_id:
            try:
                table = records.get(self.context.store, DiagnosisTable, table_id)
            except UserError:
                table = None
        self.grid.setEnabled(table is not None)
        self.grid.grid.set_rows(table_rows(table) if table is not None else [])

    def _save_grid(self, rows: list[list[str]]) -> None:
        table_id = self.tables.current_id()
        if self.context is None or table_id is None:
            return
        table = records.get(self.context.store, DiagnosisTable, table_id)
        content = to_content(rows)
        if content == table.content:
            return
        try:
            push(
                self.context.undo_stack,
                EditRecord(
                    self.context.store,
                    DiagnosisTable,
                    table_id,
                    {"content": table.content},
                    {"content": content},
                    _("zmiana tabeli diagnozy"),
                    mergeable=False,
                ),
            )
        except UserError as error:
            show_user_error(self, error)

    def export_xlsx(self) -> None:
        if self.context is None or self.plan_id is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Zapisz budżet"), str(Path.home() / _("budżet planu.xlsx")), "Excel (*.xlsx)"
        )
        if not name:
            return
        from app.reports.plan_budget_xlsx import write_budget_xlsx

        try:
            write_budget_xlsx(plan_budget(self.context.store, self.plan_id), Path(name))
        except UserError as error:
            show_user_error(self, error)


def _section_name(code: Any) -> str:
    return next((_(label) for key, label in SECTIONS if key == code), str(code or ""))


def _today() -> Any:
    from datetime import date

    return date.today()


def _budget_table(name: str, title: str) -> QTableView:
    """A read-only table (the model edits nothing) as tall as its rows: the page scrolls."""
    table = QTableView()
    model = BudgetTableModel()
    model.setParent(table)
    table.setModel(model)
    table.setObjectName(name)
    table.setAccessibleName(title)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().hide()
    fit_width(table, 0, keep=range(1, 40))  # the name gives way; sums by year stay whole
    return table


def _show(
    table: QTableView, columns: list[TableColumn[BudgetLine]], lines: list[BudgetLine]
) -> None:
    """Show the budget's ``lines``, the columns fitted to them and the table to its rows."""
    model = table.model()
    assert isinstance(model, BudgetTableModel)
    model.show(columns, lines)
    table.resizeColumnsToContents()
    _fit_height(table)


def _fit_height(table: QTableView) -> None:
    """As tall as its rows (and room for a horizontal scroll bar): no scrolling inside."""
    rows = sum(table.rowHeight(row) for row in range(table.model().rowCount()))
    header = table.horizontalHeader().sizeHint().height()
    bar = table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(rows + header + bar + 2 * table.frameWidth())
