"""Month arithmetic shared by the services, the screen and the PDFs (app.months)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.months import (
    add_months,
    month_at,
    month_index,
    months_between,
    months_spanned,
    shift_month,
)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # clamped to the month's last day
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # a leap year
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),  # over the year's end
        (date(2026, 1, 15), -13, date(2024, 12, 15)),
        (date(2026, 5, 20), 0, date(2026, 5, 20)),
    ],
)
def test_add_months_keeps_the_day_where_the_month_has_it(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected


def test_month_steps_land_on_first_days() -> None:
    assert shift_month(date(2025, 11, 17), 3) == date(2026, 2, 1)
    assert months_between(date(2025, 1, 31), date(2027, 6, 1)) == 29
    assert months_spanned(date(2026, 1, 31), date(2026, 1, 1)) == 1
    assert months_spanned(date(2025, 9, 1), date(2026, 8, 31)) == 12


@given(st.dates(min_value=date(100, 1, 1), max_value=date(9000, 12, 31)), st.integers(-900, 900))
def test_add_months_is_a_month_step(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert months_between(day, moved) == months
    assert moved.day <= day.day
    assert month_at(month_index(moved)) == moved.replace(day=1)
