"""Every grid to .xlsx: a sheet per measure with years, schools and totals, read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import demo
from app.errors import UserError
from app.services.school_data import export, grid
from app.services.school_data import snapshot as snapshots
from app.storage.store import Store


def test_export_every_grid_and_read_it_back(demo_store: Store, tmp_path: Path) -> None:
    municipality, _created = demo.load_demo(demo_store)
    data = snapshots.load(demo_store, municipality.id)
    path = export.export(data, tmp_path / "dane.xlsx")
    book = load_workbook(path, read_only=True)
    assert len(book.sheetnames) == len(grid.measures(data)) + 1
    pupils = list(book["Uczniowie"].iter_rows(values_only=True))
    assert pupils[1][1:] == ("2021/2022", "2022/2023", "2023/2024", "2024/2025", "2025/2026")
    assert pupils[-1][0] == "Razem"
    assert pupils[-1][1] == grid.grid(data, "stats:pupils").totals[2021]
    money = list(book[book.sheetnames[-2]].iter_rows(values_only=True))
    assert money[1][1:] == ("2021", "2022", "2023", "2024", "2025")
    indicators = [row[0] for row in book["Wskaźniki JST"].iter_rows(values_only=True)]
    assert "Uczniów na oddział" in indicators
    book.close()


def test_sheet_titles_are_valid_and_unique() -> None:
    taken: set[str] = set()
    long = "Egzamin ósmoklasisty: język polski — średni wynik (%) / kraj"
    first, second = export.sheet_title(long, taken), export.sheet_title(long, taken)
    assert len(first) <= 31 and len(second) <= 31 and first != second
    assert not set(first) & set("[]:*?/\\")


def test_unwritable_target_is_a_polish_error(demo_store: Store, tmp_path: Path) -> None:
    municipality, _created = demo.load_demo(demo_store)
    data = snapshots.load(demo_store, municipality.id)
    with pytest.raises(UserError, match="Nie można zapisać"):
        export.export(data, tmp_path)  # a folder
