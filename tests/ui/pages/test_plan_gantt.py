"""The plan's Gantt: bars at the stated precision, each occurrence, overdue, read-only."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.demo import demo_municipality_id
from app.model import ActionStatus, TermPrecision
from app.services import plan_timeline, plans
from app.services.plan_timeline import TimelineEntry
from app.storage.store import Store
from ui.main_window import MainWindow
from ui.pages.plan import PlanPage
from ui.pages.plan_gantt import PlanGanttView, timeline_rows
from ui.widgets.gantt_area import LABEL_WIDTH, MIN_BAR, MONTH_WIDTH, MONTHS

QUARTER = ((date(2025, 7, 1), date(2025, 9, 30)),)
SCHOOL_YEAR = ((date(2025, 9, 1), date(2026, 8, 31)),)
DAY = ((date(2025, 3, 16), date(2025, 3, 16)),)
YEARLY = tuple((date(y, 10, 1), date(y, 12, 31)) for y in (2025, 2026, 2027))
ENTRIES = [
    TimelineEntry("goal", "g", "1", "Cel"),
    TimelineEntry("objective", "o", "1.1", "Cel operacyjny"),
    TimelineEntry("action", "q", "1.1.1", "Diagnoza", ActionStatus.DONE, QUARTER, "III kw. 2025"),
    TimelineEntry("action", "s", "1.1.2", "Pracownie", spans=SCHOOL_YEAR, term="2025/2026"),
    TimelineEntry("action", "d", "1.1.3", "Konferencja", spans=DAY, term="16.03.2025"),
    TimelineEntry(
        "action",
        "r",
        "1.1.4",
        "Ankieta",
        ActionStatus.IN_PROGRESS,
        YEARLY,
        "corocznie, IV kw. 2025–2027",
        TermPrecision.QUARTER,
        overdue=True,
    ),
]
TODAY = date(2026, 1, 10)


@pytest.fixture
def view(qtbot: Any) -> PlanGanttView:
    widget = PlanGanttView()
    qtbot.addWidget(widget)
    widget.resize(LABEL_WIDTH + 40 * MONTH_WIDTH[MONTHS], 400)
    widget.show()
    qtbot.waitExposed(widget)
    period = plan_timeline.plan_period(2025, 2027)
    widget.set_rows(timeline_rows(ENTRIES), period, today=TODAY, new_schedule=True)
    widget.set_zoom(MONTHS)
    widget.horizontalScrollBar().setValue(0)
    return widget


def _month_x(view: PlanGanttView, day: date) -> int:
    return view.x_of(day.year * 12 + day.month - 1)


def test_each_bar_covers_its_stated_period(view: PlanGanttView) -> None:
    [quarter] = view.bar_rects("q")
    assert quarter.left() == _month_x(view, date(2025, 7, 1))
    assert quarter.width() == 3 * view.month_width
    [school_year] = view.bar_rects("s")
    assert school_year.left() == _month_x(view, date(2025, 9, 1))
    assert school_year.right() + 1 == _month_x(view, date(2026, 9, 1))
    [day] = view.bar_rects("d")
    assert day.width() == MIN_BAR
    assert _month_x(view, date(2025, 3, 1)) < day.left() < _month_x(view, date(2025, 4, 1))


def test_a_recurring_task_shows_each_occurrence(view: PlanGanttView) -> None:
    rects = view.bar_rects("r")
    assert len(rects) == 3
    assert [r.left() for r in rects] == [_month_x(view, start) for start, _end in YEARLY]
    assert {r.width() for r in rects} == {3 * view.month_width}
    assert view.rows[view._row_of("r")].overdue
    assert view.bar_rects("o") == [] and view.bar_rects("g") == []


def test_the_chart_is_read_only_and_enter_opens_the_row(view: PlanGanttView, qtbot: Any) -> None:
    changed: list[object] = []
    view.dates_changed.connect(lambda *args: changed.append(args))
    view.delete_requested.connect(changed.append)
    rect = view.bar_rects("q")[0]
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(3 * view.month_width, 0))
    QTest.mouseRelease(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=rect.center() + QPoint(3 * view.month_width, 0),
    )
    assert view.selected_id == "q"
    view.setFocus()
    for key in (Qt.Key.Key_Delete,):
        QTest.keyClick(view, key)
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert changed == [] and view.bar_rects("q")[0] == rect
    with qtbot.waitSignal(view.activated) as opened:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == ["q"]


def test_the_demo_plan_on_its_gantt_tab(demo_store: Store, window: MainWindow, qtbot: Any) -> None:
    window.municipality_model.reload()
    window.choose_municipality(demo_municipality_id())
    page = next(p for p in window.pages if isinstance(p, PlanPage))
    window.navigation.setCurrentRow(window.pages.index(page))
    page.refresh()
    page.tabs.setCurrentWidget(page.gantt_tab)
    gantt = page.gantt_tab.gantt
    entries = plan_timeline.timeline(plans.tree(demo_store, page.plan_id), date.today())
    actions = [e for e in entries if e.kind == "action" and e.spans]
    assert [r.id for r in gantt.rows] == [e.id for e in entries]
    recurring = [e for e in actions if len(e.spans) > 1]
    assert recurring, "the demo has recurring tasks"
    for entry in recurring:
        assert len(gantt.bar_rects(entry.id)) == len(entry.spans)
    gantt.select(recurring[0].id)
    gantt.setFocus()
    QTest.keyClick(gantt, Qt.Key.Key_Return)
    assert page.tabs.currentIndex() == 0
    assert page.current_id() == recurring[0].id
