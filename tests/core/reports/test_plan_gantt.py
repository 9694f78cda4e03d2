"""The plan PDF's Gantt of actions (chapter 8): tree order, a box a period, no empty heads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from reportlab.graphics.shapes import Rect

from app.model import ActionStatus
from app.reports import queries
from app.reports.gantt_chart import GanttChart, GanttRow
from app.reports.plan import WIDTH, build_plan_pdf
from app.reports.plan_gantt import LABEL_WIDTH, gantt_rows
from app.storage.store import Store


@pytest.fixture(scope="module")
def data(demo_ro: Store, demo_id: str) -> queries.PlanData:
    plan_id = queries.newest_plan_id(demo_ro, demo_id)
    assert plan_id is not None
    return queries.plan_data(demo_ro, plan_id, today=date(2026, 1, 15))


def _boxes(row: GanttRow, start: date, end: date) -> list[Rect]:
    chart = GanttChart([row], start, end, label_width=LABEL_WIDTH)
    chart.wrap(WIDTH, 500)
    return [
        shape
        for shape in chart.drawing().contents
        if isinstance(shape, Rect) and shape.y > 0 and shape.height < chart.ROW - 1
    ]


def test_rows_follow_the_tree_and_every_period_is_a_box(data: queries.PlanData) -> None:
    rows = gantt_rows(data)
    assert rows[0].status is None and rows[0].label.startswith("1. ")
    actions = [row for row in rows if row.status is not None]
    assert len(actions) == sum(1 for a in data.actions if a.start_date or a.end_date)
    recurring = [row for row in actions if len(row.spans) > 1]
    assert recurring, "the demo has recurring tasks"
    start, end = date(data.plan.year_from, 1, 1), date(data.plan.year_to, 12, 31)
    for row in recurring:
        inside = [s for s in row.spans if s[0] <= end]
        assert len(_boxes(row, start, end)) == len(inside)


def test_a_quarter_box_is_three_months_wide_and_a_day_a_thin_mark() -> None:
    start, end = date(2025, 1, 1), date(2026, 12, 31)
    quarter = GanttRow(
        "q", status=ActionStatus.PLANNED, spans=((date(2025, 7, 1), date(2025, 9, 30)),)
    )
    day = GanttRow(
        "d", status=ActionStatus.PLANNED, spans=((date(2025, 3, 16), date(2025, 3, 16)),)
    )
    column = (WIDTH - LABEL_WIDTH) / 24
    [box] = _boxes(quarter, start, end)
    assert box.width == pytest.approx(3 * column)
    assert box.x == pytest.approx(LABEL_WIDTH + 6 * column)
    [mark] = _boxes(day, start, end)
    assert mark.width < column / 2 and LABEL_WIDTH + 2 * column < mark.x < LABEL_WIDTH + 3 * column


def test_a_heading_without_dated_actions_is_left_out(data: queries.PlanData) -> None:
    headings = {row.label for row in gantt_rows(data) if row.status is None}
    for node in data.goals:
        dated = [a for o in node.objectives for a in o.actions if a.end_date]
        assert any(h.endswith(node.goal.title) for h in headings) == bool(dated)


def test_chapter_8_prints_the_gantt(
    demo_ro: Store, demo_id: str, tmp_path: Path, read_pdf: Callable[..., Any]
) -> None:
    plan_id = queries.newest_plan_id(demo_ro, demo_id)
    assert plan_id is not None
    output = build_plan_pdf(demo_ro, plan_id, tmp_path / "plan.pdf")
    pdf = read_pdf(output)
    assert pdf.contains("8.1. Harmonogram działań")
    assert pdf.contains("8.2. Kalendarz ewaluacji")
