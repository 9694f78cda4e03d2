"""Every data grid (and the computed indicators) to one .xlsx workbook, a sheet per measure."""

from __future__ import annotations

import re
from pathlib import Path

from app.errors import UserError
from app.i18n import _
from app.model.school_data import school_year_label
from app.services.school_data import grid as grids
from app.services.school_data import series as catalogue
from app.services.school_data.snapshot import DataSnapshot

_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


def sheet_title(title: str, taken: set[str]) -> str:
    """A worksheet name Excel accepts (31 characters, no ``[]:*?/\\``), unique in the book."""
    base = _BAD_TITLE.sub(" ", title).strip()[:31] or "Arkusz"
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(name.lower())
    return name


def year_label(grid: grids.Grid, year: int) -> str:
    return str(year) if grid.measure.table == grids.FINANCE else school_year_label(year)


def export(data: DataSnapshot, path: Path, codes: list[str] | None = None) -> Path:
    """Write the grids ``codes`` (all by default) and the JST's computed indicators."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    taken: set[str] = set()
    bold = Font(bold=True)
    for code in codes or [m.code for m in grids.measures(data)]:
        grid = grids.grid(data, code)
        sheet = book.create_sheet(sheet_title(grid.measure.title, taken))
        sheet.append([grid.measure.title])
        sheet["A1"].font = bold
        sheet.append(
            [_("Szkoła") if grid.measure.table != grids.FINANCE else ""]
            + [year_label(grid, y) for y in grid.years]
        )
        for row in grid.rows:
            sheet.append([row.label] + [row.values[y] for y in grid.years])
        total_label = _("Średnia ważona") if grid.measure.total == grids.WEIGHTED else _("Razem")
        sheet.append([total_label] + [grid.totals[y] for y in grid.years])
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        sheet.column_dimensions["A"].width = 60
    _indicators_sheet(book, data, taken, bold)
    try:
        book.save(path)
    except OSError as error:
        raise UserError(
            _("Nie można zapisać pliku {path}: {reason}.").format(
                path=path, reason=error.strerror or error
            )
        ) from error
    return path


def _indicators_sheet(book: object, data: DataSnapshot, taken: set[str], bold: object) -> None:
    from openpyxl import Workbook

    assert isinstance(book, Workbook)
    sheet = book.create_sheet(sheet_title(_("Wskaźniki JST"), taken))
    school_years = data.school_years()
    finance_years = data.finance_years()
    sheet.append([_("Wskaźnik"), _("Jednostka"), _("Okres")])
    for series in catalogue.catalogue(data):
        values = catalogue.values(data, series.code)
        years = finance_years if series.axis == catalogue.CALENDAR_AXIS else school_years
        labels = [
            str(y) if series.axis == catalogue.CALENDAR_AXIS else school_year_label(y)
            for y in years
        ]
        sheet.append([series.title, _(series.unit), "", *labels])
        sheet.append(["", "", _("wartość"), *[values.get(y) for y in years]])
    for cell in sheet[1]:
        cell.font = bold
    sheet.column_dimensions["A"].width = 55
