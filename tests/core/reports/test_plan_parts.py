"""The plan PDF's parts: the money tables' columns fit their amounts."""

from __future__ import annotations

from typing import Any

import pytest

from app.reports.plan import WIDTH


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_budget_total_fits_its_column_in_either_language(language: str) -> None:
    """ "2,585,000 PLN" in English is wider than "2 585 000 zł": the total never wraps."""
    from app import i18n
    from app.reports import fonts
    from app.reports.plan_parts import budget_table
    from app.reports.styles import styles
    from app.reports.values import money
    from app.services.funding import BudgetTable

    before = i18n.current_language()
    i18n.set_language(language)
    try:
        years = list(range(2025, 2031))
        table = BudgetTable(years, [("budżet JST", {y: 123_456_700 for y in years})])
        flowable: Any = budget_table(table, "Źródło")
        widest = fonts.string_width(money(table.total), styles().cell_right.fontSize, fonts.BOLD)
    finally:
        i18n.set_language(before)
    assert flowable._colWidths[-1] >= widest + 8  # the cell's paddings
    assert sum(flowable._colWidths) == pytest.approx(WIDTH)
