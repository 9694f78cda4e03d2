"""``plan-oswiaty export budget``: the plan's budget as an .xlsx the WPF can take."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import load_workbook

from app.demo import load_demo
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Run


def test_the_budget_workbook_has_three_sheets_with_totals(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    with Store.open(data_dir) as store:
        load_demo(store)
    out = tmp_path / "budżet.xlsx"
    outcome = cli("--data-dir", str(data_dir), "export", "budget", "--municipality", "zielonki",
                  "-o", str(out))  # fmt: skip
    assert outcome.code == 0, outcome.err
    book = load_workbook(out)
    assert book.sheetnames == ["Źródła × lata", "Cele × lata", "Wiersze finansowania"]
    sources = list(book["Źródła × lata"].iter_rows(values_only=True))
    assert sources[0] == ("Źródło finansowania", "2024", "2025", "2026", "2027", "2028", "Razem")
    assert sources[-1][0] == "Razem" and sources[-1][1] == f"=SUM(B2:B{len(sources) - 1})"
    body = sources[1:-1]
    rows = list(book["Wiersze finansowania"].iter_rows(values_only=True))[1:]
    planned = sum(r[5] for r in rows)
    assert round(sum(sum(v for v in r[1:6] if v) for r in body), 2) == round(planned, 2)
    goals = list(book["Cele × lata"].iter_rows(values_only=True))[1:-1]
    assert round(sum(sum(v for v in r[1:6] if v) for r in goals), 2) == round(planned, 2)


def test_bad_budget_requests_fail_in_polish(cli: Run, data_dir: Path, tmp_path: Path) -> None:
    with Store.open(data_dir) as store:
        load_demo(store)
    base = ("--data-dir", str(data_dir), "export", "budget", "--municipality", "zielonki")
    wrong_suffix = cli(*base, "-o", str(tmp_path / "b.pdf"))
    assert wrong_suffix.code != 0 and ".xlsx" in wrong_suffix.err
    wrong_plan = cli(*base, "--plan", "nie-ma", "-o", str(tmp_path / "b.xlsx"))
    assert wrong_plan.code != 0 and "Nie znaleziono" in wrong_plan.err
    assert not (tmp_path / "b.xlsx").exists()
