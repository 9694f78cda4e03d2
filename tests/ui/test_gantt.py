"""The timeline widget on its own: geometry, dragging bar ends, keys, zoom, selection."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtTest import QTest

from app.model import ActionStatus
from app.services.hdr import month_index
from ui.models.schedule import TimelineRow
from ui.widgets.gantt import (
    LABEL_WIDTH,
    MONTH_WIDTH,
    QUARTERS,
    TODAY_COLOUR,
    GanttLegend,
    GanttView,
)

PERIOD = (date(2026, 1, 1), date(2026, 12, 1))
ROWS = [
    TimelineRow("priority", "p1", "Priorytet pierwszy", summary="zrealizowane 0 z 2"),
    TimelineRow("item", "a", "Analiza", date(2026, 1, 1), date(2026, 3, 1)),
    TimelineRow(
        "item",
        "b",
        "Szkolenie",
        date(2026, 2, 1),
        date(2026, 2, 1),
        ActionStatus.DELAYED,
        overdue=True,
        warning="Pozycja wykracza poza okres HDR (01.2026–12.2026).",
    ),
    TimelineRow("priority", "p2", "Priorytet drugi"),
    TimelineRow("item", "c", "Sieć", date(2026, 9, 1), date(2027, 2, 1), ActionStatus.DONE),
]
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def view(qtbot) -> GanttView:  # type: ignore[no-untyped-def]
    widget = GanttView()
    widget.auto_zoom = False
    qtbot.addWidget(widget)
    widget.resize(LABEL_WIDTH + 12 * MONTH_WIDTH["months"], 320)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_rows(ROWS, PERIOD, today=date(2026, 5, 15), new_schedule=True)
    widget.set_zoom("months")  # a choice of the user's: no more fitting to the HDR
    widget.horizontalScrollBar().setValue(0)
    return widget


def _drag(view: GanttView, start: QPoint, end: QPoint) -> None:
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, start)
    middle = QPoint((start.x() + end.x()) // 2, start.y())
    QTest.mouseMove(viewport, middle)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, LEFT, NONE, end)


def test_bars_sit_on_their_months_and_rows(view: GanttView) -> None:
    width = view.month_width
    a, b = view.bar_rect("a"), view.bar_rect("b")
    assert a.width() == 3 * width and b.width() == width
    assert b.left() - a.left() == width  # February starts a month after January
    assert b.top() - a.top() == view.row_height
    assert view.row_at(a.center().y()) == 1
    assert view.row_at(5) == -1  # the header
    assert view.bar_rect("p1").isNull() and view.bar_rect("nope").isNull()
    assert view.month_at_x(a.left() + 1) == view.month_at_x(a.left() + width - 1)


def test_dragging_the_right_end_moves_the_end_month_once(view: GanttView, qtbot) -> None:  # type: ignore[no-untyped-def]
    rect = view.bar_rect("a")
    y = rect.center().y()
    grab = QPoint(rect.right() - 1, y)
    changes: list[tuple[str, date, date]] = []
    view.dates_changed.connect(lambda *args: changes.append(args))
    _drag(view, grab, grab + QPoint(2 * view.month_width + 4, 0))
    assert changes == [("a", date(2026, 1, 1), date(2026, 5, 1))]
    assert view.selected_id == "a"
    # The bar shows the new end at once.
    assert view.bar_rect("a").width() == 5 * view.month_width


def test_dragging_the_left_end_moves_the_start_and_never_past_the_end(view: GanttView) -> None:
    changes: list[tuple[str, date, date]] = []
    view.dates_changed.connect(lambda *args: changes.append(args))
    rect = view.bar_rect("a")
    grab = QPoint(rect.left() + 1, rect.center().y())
    _drag(view, grab, grab - QPoint(view.month_width, 0))
    assert changes[-1] == ("a", date(2025, 12, 1), date(2026, 3, 1))
    rect = view.bar_rect("a")
    grab = QPoint(rect.left() + 1, rect.center().y())
    _drag(view, grab, grab + QPoint(10 * view.month_width, 0))  # far past the end
    assert changes[-1] == ("a", date(2026, 3, 1), date(2026, 3, 1))


def test_dragging_the_middle_moves_the_whole_bar_and_a_click_changes_nothing(
    view: GanttView,
) -> None:
    changes: list[tuple[str, date, date]] = []
    selected: list[str] = []
    view.dates_changed.connect(lambda *args: changes.append(args))
    view.item_selected.connect(selected.append)
    rect = view.bar_rect("a")
    middle = rect.center()
    QTest.mouseClick(view.viewport(), LEFT, NONE, middle)
    assert changes == [] and selected == ["a"]
    _drag(view, middle, middle + QPoint(3 * view.month_width, 0))
    assert changes == [("a", date(2026, 4, 1), date(2026, 6, 1))]


def test_escape_cancels_a_drag(view: GanttView) -> None:
    changes: list[object] = []
    view.dates_changed.connect(lambda *args: changes.append(args))
    rect = view.bar_rect("a")
    grab = QPoint(rect.right() - 1, rect.center().y())
    QTest.mousePress(view.viewport(), LEFT, NONE, grab)
    QTest.mouseMove(view.viewport(), grab + QPoint(3 * view.month_width, 0))
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.mouseRelease(view.viewport(), LEFT, NONE, grab + QPoint(3 * view.month_width, 0))
    assert changes == []
    assert view.bar_rect("a").width() == 3 * view.month_width


def test_keys_move_ends_and_selection(view: GanttView, qtbot) -> None:  # type: ignore[no-untyped-def]
    changes: list[tuple[str, date, date]] = []
    view.dates_changed.connect(lambda *args: changes.append(args))
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)  # the first row: a priority
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_id == "a"
    ctrl, shift, alt = (
        Qt.KeyboardModifier.ControlModifier,
        Qt.KeyboardModifier.ShiftModifier,
        Qt.KeyboardModifier.AltModifier,
    )
    QTest.keyClick(view, Qt.Key.Key_Right, ctrl)
    QTest.keyClick(view, Qt.Key.Key_Left, ctrl | shift)
    QTest.keyClick(view, Qt.Key.Key_Right, alt)
    assert changes == [
        ("a", date(2026, 1, 1), date(2026, 4, 1)),
        ("a", date(2025, 12, 1), date(2026, 4, 1)),
        ("a", date(2026, 1, 1), date(2026, 5, 1)),
    ]
    QTest.keyClick(view, Qt.Key.Key_Down)  # "b": one month long
    QTest.keyClick(view, Qt.Key.Key_Left, ctrl)  # the end cannot pass the start
    QTest.keyClick(view, Qt.Key.Key_Right, ctrl | shift)
    assert len(changes) == 3
    with qtbot.waitSignal(view.activated) as activated:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert activated.args == ["b"]
    with qtbot.waitSignal(view.delete_requested):
        QTest.keyClick(view, Qt.Key.Key_Delete)
    before = view.horizontalScrollBar().value()
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.horizontalScrollBar().value() == before + view.month_width


def test_selecting_from_outside_does_not_echo(view: GanttView) -> None:
    selected: list[str] = []
    view.item_selected.connect(selected.append)
    view.select("c")
    assert view.selected_id == "c" and selected == []
    view.select("gone")
    assert view.selected_id == ""
    view.set_rows(ROWS[:2], PERIOD)
    assert view.selected_id == ""


def test_quarters_zoom_keeps_months_snapping(view: GanttView) -> None:
    view.set_zoom(QUARTERS)
    assert view.month_width == MONTH_WIDTH[QUARTERS]
    assert view.bar_rect("a").width() == 3 * MONTH_WIDTH[QUARTERS]
    changes: list[tuple[str, date, date]] = []
    view.dates_changed.connect(lambda *args: changes.append(args))
    rect = view.bar_rect("a")
    grab = QPoint(rect.right() - 1, rect.center().y())
    _drag(view, grab, grab + QPoint(view.month_width, 0))
    assert changes == [("a", date(2026, 1, 1), date(2026, 4, 1))]


def test_tooltips_say_status_overdue_and_the_keys(view: GanttView) -> None:
    rect = view.bar_rect("b")
    text = view._tooltip_at(rect.center())
    assert "Szkolenie" in text and "opóźnione" in text
    assert "Po terminie" in text and "poza okres HDR" in text
    assert "Ctrl+←/→" in view._tooltip_at(QPoint(LABEL_WIDTH + 5, 3))
    assert "Ctrl+←/→" in view.toolTip() or "Ctrl+←/→" in view.accessibleDescription()


def test_paints_bars_in_status_colours_and_a_line_for_today(view: GanttView, qtbot) -> None:  # type: ignore[no-untyped-def]
    image = view.viewport().grab().toImage()
    a = view.bar_rect("a")
    assert image.pixelColor(a.center().x() + 8, a.center().y()).name() == "#cfe0f5"
    today = view.x_of(month_index(date(2026, 5, 1))) + round(14.5 / 31 * view.month_width)
    below_bars = view.row_top(len(ROWS)) + 10
    assert image.pixelColor(today, below_bars).name() == TODAY_COLOUR or (
        image.pixelColor(today, below_bars + 3).name() == TODAY_COLOUR
    )
    view.set_rows([], PERIOD)
    assert not view.viewport().grab().toImage().isNull()


def test_legend_wraps_when_narrow(qtbot) -> None:  # type: ignore[no-untyped-def]
    legend = GanttLegend()
    qtbot.addWidget(legend)
    keys = [key for key, _text in legend.entries()]
    assert keys == [
        "planned",
        "in_progress",
        "done",
        "delayed",
        "dropped",
        "overdue",
        "outside",
        "today",
    ]
    legend.resize(260, 40)
    assert legend.sizeHint().height() > 2 * legend.fontMetrics().height()
    assert not legend.grab().toImage().isNull()
    statuses = GanttLegend(timeline_marks=False)
    qtbot.addWidget(statuses)
    assert len(statuses.entries()) == 5


def test_a_long_hdr_opens_in_quarters_until_the_user_picks_a_scale(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = GanttView()
    qtbot.addWidget(view)
    view.resize(LABEL_WIDTH + 12 * MONTH_WIDTH["months"], 300)
    view.show()
    qtbot.waitExposed(view)
    zooms: list[str] = []
    view.zoom_changed.connect(zooms.append)
    view.set_rows(ROWS, (date(2025, 1, 1), date(2027, 6, 1)), date(2026, 5, 15), True)
    assert view.zoom == QUARTERS and zooms == [QUARTERS]
    view.set_zoom("months")
    view.set_rows(ROWS, (date(2025, 1, 1), date(2027, 6, 1)), date(2026, 5, 15), True)
    assert view.zoom == "months"  # the user's choice stays
    short = GanttView()
    qtbot.addWidget(short)
    short.resize(LABEL_WIDTH + 30 * MONTH_WIDTH["months"], 300)
    short.show()
    qtbot.waitExposed(short)
    short.set_rows(ROWS[:3], PERIOD, date(2026, 5, 15), True)
    assert short.zoom == "months"


def test_header_labels_cut_by_the_names_column_are_left_out(
    view: GanttView, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[tuple[QRect, str]] = []
    draw = QPainter.drawText

    def record(painter: QPainter, *args: object) -> None:
        if len(args) == 3 and isinstance(args[0], QRect):
            drawn.append((args[0], str(args[2])))
        draw(painter, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(QPainter, "drawText", record)
    for zoom in ("months", QUARTERS):
        view.set_zoom(zoom)
        view.horizontalScrollBar().setValue(view.month_width + view.month_width // 2)
        drawn.clear()
        view.viewport().grab()
        width = view.viewport().width()
        labels = [
            (rect, text)
            for rect, text in drawn
            if rect.top() < view.header_height and rect.left() > 8 and text != "dziś"
        ]
        assert labels, zoom
        for rect, text in labels:
            assert rect.left() >= LABEL_WIDTH and rect.right() < width, (zoom, text, rect)
            assert rect.width() >= view.fontMetrics().horizontalAdvance(text) * 0.8, (zoom, text)
