"""The plan's budget tables (by source, by goal, planned against spent): read-only rows of
amounts whose columns — the plan's years — are known only when the budget is read.

Amounts are right-aligned money (:func:`ui.formatting.show_money`, i.e. :mod:`app.units`),
an empty cell is a dash, and the total row ("Razem") is bold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from app.i18n import _
from app.services.funding import BudgetTable
from app.services.plan_budget import PlanBudget
from ui.formatting import show_money, show_percent
from ui.models.table import RIGHT, Column, TableModel, no_tip

DASH = "—"


@dataclass(frozen=True)
class BudgetLine:
    """One row: its label and its cells (grosze, or a share), None where there is nothing."""

    label: str
    values: tuple[float | None, ...]
    total: bool = False


def _cell(index: int, show: Any) -> Any:
    def text(line: BudgetLine) -> str:
        value = line.values[index]
        return DASH if value is None else str(show(value))

    return text


def money(header: str, index: int) -> Column[BudgetLine]:
    """An amount in grosze, as money."""
    return Column(
        header, lambda line: line.values[index], _cell(index, show_money), RIGHT, None, no_tip
    )


def share(header: str, index: int) -> Column[BudgetLine]:
    """A share (0.46), as a percentage."""
    return Column(
        header, lambda line: line.values[index], _cell(index, show_percent), RIGHT, None, no_tip
    )


def label(header: str) -> Column[BudgetLine]:
    return Column(header, lambda line: line.label)


def by_year(table: BudgetTable, first: str) -> tuple[list[Column[BudgetLine]], list[BudgetLine]]:
    """Amounts by ``first`` (a source, a goal) and year, a total column and a total row."""
    years = table.years
    columns = [
        label(first),
        *(money(str(year), i) for i, year in enumerate(years)),
        money(_("Razem"), len(years)),
    ]
    lines = [
        BudgetLine(
            name,
            (*(cells.get(year) or None for year in years), table.row_total(cells)),
        )
        for name, cells in table.rows
    ]
    totals = (*(table.column_total(year) for year in years), table.total)
    lines.append(BudgetLine(_("Razem"), totals, total=True))
    return columns, lines


def planned_spent(budget: PlanBudget) -> tuple[list[Column[BudgetLine]], list[BudgetLine]]:
    """Planned against spent by goal, with the share spent and a total row."""
    columns = [
        label(_("Cel strategiczny")),
        money(_("Plan"), 0),
        money(_("Wydano"), 1),
        share(_("Wykonanie"), 2),
    ]

    def line(goal: str, planned: int, spent: int, total: bool = False) -> BudgetLine:
        return BudgetLine(goal, (planned, spent, spent / planned if planned else None), total)

    lines = [line(*row) for row in budget.planned_spent_by_goal()]
    lines.append(line(_("Razem"), budget.planned, budget.spent, total=True))
    return columns, lines


class BudgetTableModel(TableModel[BudgetLine]):
    """A budget table; :meth:`show` sets its columns and rows together."""

    def __init__(self) -> None:
        super().__init__([], row_id=lambda line: line.label)

    def show(self, columns: Sequence[Column[BudgetLine]], lines: Sequence[BudgetLine]) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self._rows = list(lines)
        self.endResetModel()

    def extra(self, row: BudgetLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.total:
            font = QFont()
            font.setBold(True)
            return font
        return None
