"""The plan's budget tables, over the demo plan's money, without a window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.demo import demo_municipality_id
from app.model import StrategicPlan
from app.services import records
from app.services.funding import BudgetTable
from app.services.plan_budget import PlanBudget, plan_budget
from app.storage.store import Store
from ui.formatting import show_money, show_percent
from ui.models.budget import DASH, BudgetTableModel, by_year, planned_spent
from ui.models.table import RIGHT

DISPLAY = Qt.ItemDataRole.DisplayRole


def _budget(store: Store) -> PlanBudget:
    (plan,) = records.children(store, StrategicPlan, municipality_id=demo_municipality_id())
    return plan_budget(store, plan.id)


def _texts(model: BudgetTableModel, row: int) -> list[str]:
    return [model.index(row, c).data(DISPLAY) for c in range(model.columnCount())]


def test_by_source_has_a_column_per_year_and_totals(demo_store: Store) -> None:
    table = _budget(demo_store).by_source
    model = BudgetTableModel()
    model.show(*by_year(table, "Źródło finansowania"))

    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["Źródło finansowania", "2024", "2025", "2026", "2027", "2028", "Razem"]
    assert model.columnCount() == len(table.years) + 2
    assert model.rowCount() == len(table.rows) + 1
    name, cells = table.rows[1]  # "dotacja celowa": only in 2027 and 2028
    assert _texts(model, 1) == [
        name,
        *(show_money(cells[y]) if y in cells else DASH for y in table.years),
        show_money(table.row_total(cells)),
    ]
    last = model.rowCount() - 1
    assert _texts(model, last)[0] == "Razem"
    assert _texts(model, last)[-1] == show_money(table.total)
    assert model.index(last, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None


def test_planned_against_spent_with_the_share(demo_store: Store) -> None:
    budget = _budget(demo_store)
    model = BudgetTableModel()
    model.show(*planned_spent(budget))
    goals = budget.planned_spent_by_goal()
    assert model.rowCount() == len(goals) + 1 == 4
    goal, planned, spent = goals[0]
    assert _texts(model, 0) == [
        goal,
        show_money(planned),
        show_money(spent),
        show_percent(spent / planned),
    ]
    assert _texts(model, 3) == [
        "Razem",
        show_money(budget.planned),
        show_money(budget.spent),
        show_percent(budget.spent / budget.planned),
    ]


def test_new_columns_reset_the_table() -> None:
    model = BudgetTableModel()
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.show(*by_year(BudgetTable([2025], [("A", {2025: 100})]), "Źródło"))
    assert model.columnCount() == 3 and _texts(model, 0) == ["A", show_money(100), show_money(100)]
    model.show(*by_year(BudgetTable([2025, 2026], [("A", {2026: 5})]), "Źródło"))
    assert model.columnCount() == 4 and len(resets) == 2
    assert _texts(model, 0) == ["A", DASH, show_money(5), show_money(5)]
    assert _texts(model, 1) == ["Razem", show_money(0), show_money(5), show_money(5)]
