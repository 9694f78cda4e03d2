"""The indicator chart paints for every shape of data, and its scales are sensible."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from app.model import IndicatorStatus
from ui.models.indicators import STATUS_STRONG
from ui.widgets.indicator_chart import (
    ChartData,
    IndicatorChart,
    date_range,
    month_ticks,
    nice_step,
    value_ticks,
)

START = date(2024, 1, 1)


pytestmark = pytest.mark.usefixtures("polish_locale")


def _points(count: int, step_days: int = 30) -> tuple[tuple[date, float], ...]:
    return tuple((START + timedelta(days=i * step_days), 10 + i * 0.5) for i in range(count))


def _data(count: int, **changes: object) -> ChartData:
    values: dict[str, object] = {
        "points": _points(count),
        "baseline_value": 10.0,
        "baseline_date": START,
        "target_value": 40.0,
        "target_date": date(2028, 12, 31),
        "unit": "%",
        "status": IndicatorStatus.AT_RISK,
        "caption": "Postęp 12% (oczekiwany 30%)",
    }
    values.update(changes)
    return ChartData(**values)  # type: ignore[arg-type]


def _render(qtbot, data: ChartData | None, ratio: float = 1.0) -> QImage:  # type: ignore[no-untyped-def]
    chart = IndicatorChart()
    qtbot.addWidget(chart)
    chart.resize(400, 220)
    chart.set_data(data)
    image = QImage(round(400 * ratio), round(220 * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    chart.render(image)
    return image


def _colours(image: QImage) -> set[int]:
    step = max(1, image.width() // 200)
    return {
        image.pixel(x, y)
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), 2)
    }


def _has_colour(image: QImage, colour: str, tolerance: int = 12) -> bool:
    want = QColor(colour)
    for x in range(image.width()):
        for y in range(image.height()):
            got = QColor(image.pixel(x, y))
            if (
                abs(got.red() - want.red()) <= tolerance
                and abs(got.green() - want.green()) <= tolerance
                and abs(got.blue() - want.blue()) <= tolerance
            ):
                return True
    return False


@pytest.mark.parametrize("count", [0, 1, 60])
def test_paints_0_1_and_60_points(qtbot, count: int) -> None:  # type: ignore[no-untyped-def]
    image = _render(qtbot, _data(count))
    assert not image.isNull()
    assert len(_colours(image)) > 10  # lines, labels and antialiasing, not a blank box
    assert _has_colour(image, STATUS_STRONG[IndicatorStatus.AT_RISK])  # the title's colour


def test_grab_of_a_shown_chart(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = IndicatorChart()
    qtbot.addWidget(chart)
    chart.set_data(_data(5, status=IndicatorStatus.OFF_TRACK, caption="Postęp 5%"))
    chart.resize(chart.sizeHint())
    chart.show()
    qtbot.waitExposed(chart)
    pixmap = chart.grab()
    assert pixmap.width() == 400 and pixmap.height() == 220
    assert _has_colour(pixmap.toImage(), STATUS_STRONG[IndicatorStatus.OFF_TRACK])
    assert chart.title_text() == "Poza planem · Postęp 5%"


@pytest.mark.parametrize(
    "changes",
    [
        {"baseline_value": 20.0, "target_value": 10.0, "points": _points(4)},  # direction down
        {"points": ((START, 5.0), (START, 5.0)), "baseline_value": 5.0, "target_value": None},
        {"baseline_date": None, "target_date": None},  # no dates but the measurements'
        {"baseline_date": None, "target_date": None, "points": ()},  # no date at all
        {"points": (), "baseline_value": None, "target_value": None},  # nothing to plot
        {"status": None, "caption": "", "unit": ""},
        {"points": ((START, -1e12), (START + timedelta(days=1), 1e12))},
    ],
)
def test_paints_awkward_data(qtbot, changes: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    image = _render(qtbot, _data(3, **changes))
    assert len(_colours(image)) > 3


def test_paints_nothing_selected_and_high_dpi(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert len(_colours(_render(qtbot, None))) > 3
    sharp = _render(qtbot, _data(12), ratio=2.0)
    assert (sharp.width(), sharp.height()) == (800, 440)
    assert len(_colours(sharp)) > 10


def test_value_ticks_are_round_and_cover_the_values() -> None:
    assert value_ticks([0, 85], 5) == [0, 25, 50, 75, 100]
    assert value_ticks([182, 140, 151], 5) == [140, 160, 180, 200]
    # A measured point at the edge gets air; a reference line may sit on the frame.
    assert value_ticks([46, 47, 55, 48], 5, points=[46, 47, 48]) == [45, 47.5, 50, 52.5, 55]
    assert value_ticks([0, 600, 190], 5, points=[190]) == [0, 200, 400, 600]
    equal = value_ticks([5, 5], 5)
    assert equal[0] < 5 < equal[-1]
    assert value_ticks([0, 0], 3)[0] == 0  # no negative axis for counts
    assert nice_step(0.7) == 1 and nice_step(21) == 25 and nice_step(0) == 1


def test_time_axis_ticks() -> None:
    ticks, step = month_ticks(date(2024, 1, 1), date(2028, 12, 31), 6)
    assert step == 12 and ticks == [date(year, 1, 1) for year in range(2024, 2029)]
    ticks, step = month_ticks(date(2025, 1, 15), date(2025, 7, 1), 10)
    assert step == 1 and ticks[0] == date(2025, 2, 1) and ticks[-1] == date(2025, 7, 1)
    lo, hi = date_range([date(2025, 3, 1)])
    assert (hi - lo).days == 60 and lo < date(2025, 3, 1) < hi
