"""A plan's budget as an .xlsx workbook an officer can paste into the WPF.

Three sheets: by source × year with totals, by goal × year with totals, and
every financing row. Amounts are numbers in złoty (two decimals, a Polish
number format), totals are formulas, so the sheet stays right when edited.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.errors import UserError
from app.i18n import _
from app.services import municipalities
from app.services.funding import BudgetTable
from app.services.plan_budget import PlanBudget, plan_budget
from app.storage.store import Store

MONEY_FORMAT = "#,##0.00"
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DCE3EE")


def _zl(cents: int | None) -> float | None:
    return None if cents is None else cents / 100


def _header(sheet: Worksheet, names: list[str]) -> None:
    sheet.append(names)
    for cell in sheet[1]:
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"


def _by_year(sheet: Worksheet, table: BudgetTable, first: str) -> None:
    years = table.years
    _header(sheet, [first, *[str(y) for y in years], _("Razem")])
    last_col = get_column_letter(len(years) + 1)
    for label, cells in table.rows:
        sheet.append([label, *[_zl(cells.get(y, 0)) for y in years]])
        row = sheet.max_row
        sheet.cell(row, len(years) + 2, f"=SUM(B{row}:{last_col}{row})")
    end = sheet.max_row
    totals: list[object] = [_("Razem")]
    for index in range(len(years) + 1):
        col = get_column_letter(index + 2)
        totals.append(f"=SUM({col}2:{col}{end})")
    sheet.append(totals)
    for cell in sheet[sheet.max_row]:
        cell.font = _BOLD
    _money_columns(sheet, range(2, len(years) + 3))
    sheet.column_dimensions["A"].width = 48


def _money_columns(sheet: Worksheet, columns: range) -> None:
    for col in columns:
        letter = get_column_letter(col)
        sheet.column_dimensions[letter].width = 15
        for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = MONEY_FORMAT


def _rows(sheet: Worksheet, budget: PlanBudget) -> None:
    _header(
        sheet,
        [
            _("Cel strategiczny"),
            _("Cel operacyjny"),
            _("Działanie"),
            _("Rok"),
            _("Źródło finansowania"),
            _("Kwota planowana (zł)"),
            _("Kwota wydana (zł)"),
            _("Uwagi"),
        ],
    )
    for line in budget.lines:
        sheet.append(
            [
                line.goal,
                line.objective,
                line.action.title,
                line.row.year,
                line.source,
                _zl(line.row.planned_cents),
                _zl(line.row.spent_cents),
                line.row.note or "",
            ]
        )
    _money_columns(sheet, range(6, 8))
    for letter, width in zip("ABCDE", (36, 36, 44, 8, 30), strict=True):
        sheet.column_dimensions[letter].width = width


def write_budget_xlsx(budget: PlanBudget, path: Path) -> Path:
    book = Workbook()
    by_source = book.active
    assert by_source is not None
    by_source.title = _("Źródła × lata")
    _by_year(by_source, budget.by_source, _("Źródło finansowania"))
    _by_year(book.create_sheet(_("Cele × lata")), budget.by_goal, _("Cel strategiczny"))
    _rows(book.create_sheet(_("Wiersze finansowania")), budget)
    book.properties.title = budget.plan.title
    book.properties.creator = "Plan Oświaty"
    try:
        book.save(path)
    except OSError as error:
        raise UserError(
            _("Nie można zapisać pliku {path}: {reason}").format(
                path=path, reason=error.strerror or error
            ),
            field="output",
        ) from error
    return path


def export_budget(store: Store, municipality: str, plan_id: str | None, output: Path | str) -> Path:
    """Write the budget of ``plan_id`` (default: the newest plan) of ``municipality``."""
    from app.reports import queries

    target = Path(output).expanduser()
    if target.suffix.lower() != ".xlsx":
        raise UserError(_("Plik budżetu musi mieć rozszerzenie .xlsx."), field="output")
    if not target.parent.is_dir():
        raise UserError(
            _("Folder {folder} nie istnieje — wybierz inny folder.").format(folder=target.parent),
            field="output",
        )
    place = municipalities.find(store, municipality)
    if plan_id is None:
        plan_id = queries.newest_plan_id(store, place.id)
    else:
        from app.model import StrategicPlan

        queries.owned(store, StrategicPlan, plan_id.strip(), place.id)
        plan_id = plan_id.strip()
    return write_budget_xlsx(plan_budget(store, plan_id), target)
