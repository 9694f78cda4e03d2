"""The shared pieces: Polish dates and money, chart scales, Gantt splitting, risk bands."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from app.axes import month_ticks, value_ticks
from app.i18n import set_language
from app.model import ActionStatus
from app.reports import dates, fonts
from app.reports.charts import Series, fit_text, indicator_chart
from app.reports.gantt_chart import GanttChart, GanttRow
from app.reports.risk_chart import risk_band_label
from app.reports.values import (
    blocks,
    has_grosze,
    is_list,
    list_items,
    markup,
    money,
    number,
    with_unit,
)


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("pl")


def test_polish_dates_have_the_right_cases() -> None:
    assert dates.long_date(date(2026, 11, 21)) == "21 listopada 2026"
    assert dates.month(date(2026, 11, 1)) == "listopad 2026"
    assert dates.short_date(date(2026, 3, 5)) == "05.03.2026"
    assert dates.date_range(date(2025, 1, 1), date(2027, 6, 1), months=True) == (
        "styczeń 2025 – czerwiec 2027"
    )
    assert dates.long_date(None) == "" and dates.date_range(None, None) == ""


def test_english_follows_the_language_setting(english: None) -> None:
    assert dates.long_date(date(2026, 11, 21)) == "21 November 2026"
    assert dates.short_date(date(2026, 3, 5)) == "5 Mar 2026"
    assert dates.month(date(2026, 11, 1)) == "November 2026"


def test_money_and_numbers_read_the_polish_way() -> None:
    assert money(14_600_000) == "146\u00a0000\u00a0zł"
    assert money(123_450) == "1\u00a0234,50\u00a0zł"
    assert money(None) == "—"
    assert number(18.5) == "18,5" and number(85.0) == "85"
    assert with_unit(67, "%") == "67%" and with_unit(3, "szkoły") == "3\u00a0szkoły"
    assert with_unit(5, "szkoły") == "5\u00a0szkół" and with_unit(0, "osoby") == "0\u00a0osób"


def test_stored_text_is_escaped_and_lists_are_recognised() -> None:
    assert markup("a < b & c\nd") == "a &lt; b &amp; c<br/>d"
    text = "Wstęp.\n\n– pierwszy\n– drugi <b>\n\nKoniec."
    parts = blocks(text)
    assert parts == ["Wstęp.", "– pierwszy\n– drugi <b>", "Koniec."]
    assert is_list(parts[1]) and not is_list(parts[0])
    assert list_items(parts[1]) == ["pierwszy", "drugi &lt;b&gt;"]


def test_the_fonts_have_every_polish_letter() -> None:
    fonts.register()
    from reportlab.pdfbase import pdfmetrics

    for name in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC):
        face = pdfmetrics.getFont(name).face
        missing = [c for c in "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”–—…§" if ord(c) not in face.charToGlyph]
        assert missing == [], name


def test_value_ticks_cover_the_range() -> None:
    assert value_ticks([0, 85], 5) == [0, 25, 50, 75, 100]
    ticks = value_ticks([45.5, 48.2], 5)
    assert ticks[0] <= 45.5 and ticks[-1] >= 48.2 and len(ticks) <= 8
    assert value_ticks([5, 5], 5)[0] < 5 < value_ticks([5, 5], 5)[-1]


def test_month_ticks_thin_out_for_long_periods() -> None:
    ticks, step = month_ticks(date(2021, 1, 15), date(2026, 12, 31), 8)
    assert step == 12 and ticks[0] == date(2022, 1, 1) and len(ticks) <= 8
    short, step = month_ticks(date(2025, 1, 1), date(2025, 6, 30), 8)
    assert step == 1 and len(short) == 6


def test_charts_handle_sixty_points_and_no_points() -> None:
    points = [(date(2021 + m // 12, m % 12 + 1, 1), float(m)) for m in range(60)]
    series = Series(points, 0, date(2021, 1, 1), 80, date(2026, 12, 31), "%")
    drawing = indicator_chart(series, 240, 140)
    assert drawing is not None
    labels = [s.text for s in drawing.contents if hasattr(s, "text")]
    assert "59" in labels and "30" not in labels  # only the last of many points is labelled
    assert indicator_chart(Series([], None, None, None, None), 240, 140) is None


def test_a_gantt_chart_splits_between_rows_never_after_a_group_heading() -> None:
    rows = []
    for group in range(3):
        rows.append(GanttRow(f"Priorytet {group}"))
        rows += [
            GanttRow(f"{group}.{i}", date(2025, 1, 1), date(2025, 6, 1), ActionStatus.PLANNED)
            for i in range(10)
        ]
    chart = GanttChart(rows, date(2025, 1, 1), date(2026, 12, 1), label_width=200)
    chart.wrap(700, 10_000)
    # Room for the axis and exactly 12 rows: row 12 would be the second group's heading.
    height = GanttChart.AXIS + GanttChart.FOOT + 12 * GanttChart.ROW
    first, rest = chart.split(700, height)
    assert first.rows[-1].status is not None
    assert rest.rows[0].label == "Priorytet 1" and rest.continued
    assert chart.split(700, GanttChart.AXIS + GanttChart.ROW) == []


def test_fit_text_shortens_with_an_ellipsis() -> None:
    assert fit_text("krótki", 100) == "krótki"
    long = fit_text("Bardzo długi opis działania " * 10, 120)
    assert long.endswith("…") and fonts.string_width(long, 7) <= 120


def test_risk_bands() -> None:
    assert [risk_band_label(s) for s in (1, 4, 5, 9, 10, 14, 15, 25)] == [
        "niskie", "niskie", "średnie", "średnie", "wysokie", "wysokie", "krytyczne", "krytyczne",
    ]  # fmt: skip


def test_counts_get_whole_ticks_and_never_go_below_zero() -> None:
    assert value_ticks([0, 4], 5, whole=True) == [0, 1, 2, 3, 4]
    assert all(t == int(t) for t in value_ticks([1, 9], 5, whole=True))
    assert 2.5 not in value_ticks([0, 10], 5, whole=True)
    assert value_ticks([3, 5], 5, whole=True)[0] >= 0


def _texts(drawing: Any) -> list[str]:
    found: list[str] = []
    for shape in drawing.contents:
        if hasattr(shape, "text"):
            found.append(shape.text)
        elif hasattr(shape, "contents"):
            found += _texts(shape)
    return found


def test_an_indicator_chart_of_schools_has_whole_ticks_units_and_a_description() -> None:
    series = Series(
        [(date(2025, 1, 1), 2.0), (date(2026, 1, 1), 3.0)], 2, date(2024, 9, 1), 5,
        date(2028, 6, 30), "szkoły",
    )  # fmt: skip
    drawing = indicator_chart(series, 240, 140)
    assert drawing is not None
    texts = _texts(drawing)
    assert "2,5" not in texts and "szkoły" in texts
    assert "cel: 5\u00a0szkół" in texts and "poziom bazowy: 2\u00a0szkoły" in texts
    assert "3\u00a0szkoły" in drawing.alt_text and "cel: 5\u00a0szkół" in drawing.alt_text
    # The baseline equals the axis minimum: its line is drawn above the time axis.
    lines = [s for s in drawing.contents if type(s).__name__ == "Line"]
    axis_y = min(s.y1 for s in lines)
    dashed = [s for s in lines if s.strokeDashArray == [4, 3]]
    assert dashed and dashed[0].y1 > axis_y + 2


def test_english_month_labels_do_not_collide(english: None) -> None:
    points = [(date(2025, m, 1), float(m)) for m in range(1, 13)]
    drawing = indicator_chart(Series(points, 1, date(2025, 1, 1), 12, date(2025, 12, 1)), 240, 140)
    assert drawing is not None
    labels = [
        s
        for s in drawing.contents
        if hasattr(s, "text") and s.text[-4:].isdigit() and " " in s.text
    ]
    labels.sort(key=lambda s: s.x)
    for left, right in itertools.pairwise(labels):
        half = (fonts.string_width(left.text, 7) + fonts.string_width(right.text, 7)) / 2
        assert right.x - left.x > half + 2, (left.text, right.text)


def test_a_gantt_continuation_repeats_its_priority_and_overdue_items_are_marked() -> None:
    rows = [GanttRow("Priorytet 1")]
    rows += [
        GanttRow(f"1.{i}", date(2025, 1, 1), date(2025, 3, 1), ActionStatus.IN_PROGRESS,
                 overdue=i == 0)
        for i in range(20)
    ]  # fmt: skip
    chart = GanttChart(rows, date(2025, 1, 1), date(2026, 12, 1), label_width=200)
    chart.wrap(700, 10_000)
    first, rest = chart.split(700, GanttChart.AXIS + GanttChart.FOOT + 8 * GanttChart.ROW)
    assert rest.rows[0].label == "Priorytet 1 (cd.)" and rest.rows[0].status is None
    assert "!" in _texts(first.drawing())
    assert "Po terminie: 1.0" in chart.alt_text


def test_a_reference_label_moves_away_from_a_measurement_near_it() -> None:
    points = [(date(2025, 1, 1), 16.0), (date(2025, 6, 1), 64.0), (date(2026, 6, 1), 124.0)]
    series = Series(points, 6, date(2024, 9, 1), 128, date(2026, 6, 30), "osoby")
    drawing = indicator_chart(series, 240, 140)
    assert drawing is not None
    label = next(s for s in drawing.contents if getattr(s, "text", "").startswith("cel:"))
    value = next(s for s in drawing.contents if getattr(s, "text", "") == "124")
    assert label.x < value.x - 40  # moved to the left end, off the last point's label


def test_a_table_never_leaves_a_single_row_on_a_page(tmp_path: Any) -> None:
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from app.reports.blocks import cell
    from app.reports.styles import data_table

    fonts.register()
    rows = [[cell("Nagłówek"), cell("Kwota")]]
    rows += [[cell(f"Wiersz {i}"), cell(str(i))] for i in range(30)] + [[cell("Razem"), cell("9")]]
    target = tmp_path / "t.pdf"
    for gap in range(560, 680, 6):  # the table starting lower and lower on the first page
        story = [Spacer(1, gap), data_table(rows, [300, 100])]
        SimpleDocTemplate(str(target), pagesize=A4).build(story)
        for page in PdfReader(str(target)).pages:
            lines = (page.extract_text() or "").splitlines()
            body = [line for line in lines if line.startswith(("Wiersz", "Razem"))]
            assert len(body) != 1, (gap, body)


def test_a_money_column_with_grosze_shows_them_on_every_row() -> None:
    assert has_grosze([100_00, None, 2_50]) and not has_grosze([100_00, None])
    assert money(146_000_00, grosze=True) == "146\u00a0000,00\u00a0zł"
    assert money(146_000_00) == "146\u00a0000\u00a0zł"
    widths = {len(money(c, grosze=True).split(",")[1]) for c in (1_00, 2_50, 3_000_00)}
    assert widths == {len("00\u00a0zł")}  # the decimals line up when right-aligned
