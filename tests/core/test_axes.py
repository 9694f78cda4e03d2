"""One choice of chart axes for the screen and the PDFs (app.axes)."""

from __future__ import annotations

from datetime import date

from app.axes import month_ticks, value_ticks
from app.reports.charts import Series, indicator_chart
from app.reports.values import number


def test_the_pdf_chart_uses_the_shared_value_axis() -> None:
    points = [(date(2025, 6, 30), 12.0), (date(2026, 6, 30), 47.0)]
    series = Series(points, 10.0, date(2025, 1, 1), 40.0, date(2027, 6, 30), "%")
    drawing = indicator_chart(series, 240, 140)
    assert drawing is not None
    labels = {s.text for s in drawing.getContents() if hasattr(s, "text")}
    # The highest measurement (47) is above the target: the axis leaves air over it.
    expected = value_ticks([12.0, 47.0, 10.0, 40.0], 5, [12.0, 47.0])
    assert expected[-1] > 47
    assert {number(t) for t in expected} <= labels


def test_month_ticks_fall_on_calendar_quarters_and_years() -> None:
    ticks, step = month_ticks(date(2025, 2, 10), date(2026, 6, 1), 6)
    assert step == 3
    assert [t.month for t in ticks] == [4, 7, 10, 1, 4]
    years, step = month_ticks(date(2021, 3, 1), date(2026, 12, 31), 8, min_step=12)
    assert step == 12 and {t.month for t in years} == {1}
    assert years[0] == date(2022, 1, 1)


def test_values_that_are_not_negative_never_get_a_negative_axis() -> None:
    assert value_ticks([0.0, 3.0], 5, [0.0])[0] == 0
    assert value_ticks([-2.0, 3.0], 5, [-2.0])[0] < -2
