"""Timeline maths shared by the screen and PDF Gantt charts: terms cover whole periods."""

from __future__ import annotations

from datetime import date

import pytest

from app import timeline
from app.months import month_index


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2025, 7, 1), date(2025, 9, 30), 3.0),  # III kw. 2025
        (date(2025, 9, 1), date(2026, 8, 31), 12.0),  # 2025/2026
        (date(2025, 1, 1), date(2025, 12, 31), 12.0),  # 2025
        (date(2028, 2, 1), date(2028, 2, 29), 1.0),  # a leap February
    ],
)
def test_a_period_spans_whole_months(start: date, end: date, months: float) -> None:
    left, right = timeline.span(start, end)
    assert left == month_index(start)
    assert right - left == pytest.approx(months)


def test_a_day_is_a_slice_of_its_month() -> None:
    left, right = timeline.span(date(2025, 3, 16), date(2025, 3, 16))
    assert left == pytest.approx(month_index(date(2025, 3, 1)) + 15 / 31)
    assert right - left == pytest.approx(1 / 31)
    assert timeline.day_middle(date(2025, 3, 16)) == pytest.approx(left + 0.5 / 31)


def test_the_range_leaves_room_and_snaps_to_quarters() -> None:
    months = [month_index(date(2025, 5, 1)), month_index(date(2025, 8, 1))]
    first, last = timeline.fit_range(months, date(2030, 1, 1), quarters=False)
    assert (first, last) == (months[0] - 2, months[1] + 2)
    first, last = timeline.fit_range(months, date(2030, 1, 1), quarters=True)
    assert first % 3 == 0 and last % 3 == 2 and first <= months[0] - 2 and last >= months[1] + 2
    today = date(2026, 4, 9)
    assert timeline.fit_range([], today, quarters=False) == (
        month_index(today) - 2,
        month_index(today) + 2,
    )


def test_the_view_starts_at_the_whole_period_today_or_the_start() -> None:
    period = (month_index(date(2025, 1, 1)), month_index(date(2028, 12, 1)))
    first, last = period[0] - 2, period[1] + 2
    assert timeline.first_visible(first, last, period, date(2026, 6, 1), visible=60) == first
    inside = timeline.first_visible(first, last, period, date(2026, 6, 1), visible=12)
    assert inside == month_index(date(2026, 6, 1)) - 4
    after = timeline.first_visible(first, last, period, date(2031, 1, 1), visible=12)
    assert after == period[0] - 1


def test_quarter_ticks_name_each_quarter() -> None:
    first = month_index(date(2025, 1, 1))
    assert timeline.quarter_ticks(first, first + 11) == [
        (first, "I"),
        (first + 3, "II"),
        (first + 6, "III"),
        (first + 9, "IV"),
    ]
