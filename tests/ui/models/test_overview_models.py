"""The overview's list models, the portfolio model and the status bar chart, without a window."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.demo import load_demo
from app.model import ActionStatus, IndicatorStatus, Municipality, RecommendationStatus
from app.services import records
from app.services.overview import municipality_overview, portfolio
from app.services.overview_signals import Item, Signals
from app.storage.store import Store
from ui.models import portfolio as cols
from ui.models.overview import RECORD_TYPE_ROLE, OverviewModels, details
from ui.models.portfolio import PortfolioModel
from ui.models.roles import ID_ROLE, SORT_ROLE
from ui.widgets.status_bar_chart import Segment, StatusBarChart

TODAY = date(2026, 11, 21)


@pytest.fixture
def demo(demo_store: Store) -> str:
    municipality, _new = load_demo(demo_store)
    return municipality.id


def test_each_list_holds_the_overview_items_with_their_records(
    store: Store, demo: str, qapp: Any
) -> None:
    overview = municipality_overview(store, demo, TODAY)
    models = OverviewModels()
    models.set_overview(overview)
    assert models.late.rowCount() == len(overview.overdue_actions) + len(
        overview.overdue_schedule_items
    )
    assert models.indicators.rowCount() == len(overview.indicators)
    assert models.recommendations.rowCount() == len(overview.recommendations)
    assert models.risks.rowCount() == len(overview.top_risks)
    assert models.notes.rowCount() == len(overview.latest_notes)
    first = models.recommendations.index(0, 0)
    assert first.data(RECORD_TYPE_ROLE) == "recommendation"
    assert first.data(ID_ROLE) == overview.recommendations[0].record_id
    late_dates = [models.late.row_at(r).when for r in range(models.late.rowCount())]
    assert late_dates == sorted(late_dates)  # the longest overdue first
    models.set_overview(None)
    assert all(m.rowCount() == 0 for m in models.all())


def test_overdue_and_off_track_cells_stand_out(qapp: Any) -> None:
    models = OverviewModels()
    late = Item("recommendation", "r1", "Zalecenie", date(2026, 3, 1), "Anna", None, None, True)
    due = models.recommendations.columns.index(
        next(c for c in models.recommendations.columns if c.header == "Termin")
    )
    models.recommendations.set_items([late])
    cell = models.recommendations.index(0, due)
    assert cell.data().startswith("⚠")
    assert cell.data(Qt.ItemDataRole.FontRole).bold()
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is not None
    off = Item("indicator", "i1", "Wynik", None, None, IndicatorStatus.OFF_TRACK, stale=True)
    models.indicators.set_items([off])
    texts = [models.indicators.index(0, c).data() for c in range(3)]
    assert texts == ["Wynik", "poza planem", "⚠ nieaktualny"]


def test_item_tooltips_say_everything_the_list_leaves_out() -> None:
    item = Item(
        "recommendation",
        "r1",
        "Zaktualizować prognozę",
        date(2026, 3, 31),
        "Anna Łęcka",
        RecommendationStatus.IN_PROGRESS,
    )
    text = details(item)
    assert "Zaktualizować prognozę" in text and "Anna Łęcka" in text
    assert "w realizacji" in text and "Dwuklik" in text
    assert "Prawdopodobieństwo" in details(Item("risk", "x", "R", score=16))


def test_portfolio_rows_texts_and_sorting(store: Store, demo: str, qapp: Any) -> None:
    empty = records.create(store, Municipality, name="Gmina Pusta", kind="rural")
    model = PortfolioModel()
    model.set_rows(portfolio(store, TODAY))
    assert model.rowCount() == 2 and model.columnCount() == cols.COLUMN_COUNT
    busy, quiet = model.row_of(demo), model.row_of(empty.id)
    row = model.row_at(busy)
    assert row is not None
    s = row.signals
    assert model.index(busy, cols.ATTENTION).data() == str(s.attention)
    assert model.index(busy, cols.ATTENTION).data(SORT_ROLE) == s.attention
    assert model.index(busy, cols.HDR_LATE).data() == f"⚠ {s.hdr.overdue}"
    assert model.index(busy, cols.HDR_LATE).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(busy, cols.LAST_VISIT).data(SORT_ROLE) == "2026-05-20"
    assert model.index(quiet, cols.ACTIONS_DONE).data() == "—"
    assert model.index(quiet, cols.LAST_NOTE).data() == "—"
    assert model.index(quiet, cols.HDR_LATE).data() == "0"
    assert model.index(quiet, cols.HDR_LATE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(quiet, cols.NAME).data(ID_ROLE) == empty.id
    reasons = model.index(busy, cols.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "pozycje HDR po terminie: 4" in reasons
    assert model.index(quiet, cols.NAME).data(Qt.ItemDataRole.ToolTipRole) == "Gmina Pusta"
    assert model.headerData(cols.ATTENTION, Qt.Orientation.Horizontal) == "Uwaga"
    assert "Suma ważona" in model.headerData(
        cols.ATTENTION, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )


def test_the_attention_score_is_explained_in_its_cell(store: Store, demo: str, qapp: Any) -> None:
    model = PortfolioModel()
    model.set_rows(portfolio(store, TODAY))
    busy = model.row_of(demo)
    row = model.row_at(busy)
    assert row is not None
    text = model.index(busy, cols.ATTENTION).data(Qt.ItemDataRole.ToolTipRole)
    assert isinstance(text, str), "the score's cell says what it adds up"
    assert text.startswith(f"Punkty uwagi: {row.signals.attention} — ")
    hdr_late = row.signals.hdr.overdue
    assert f"pozycje HDR po terminie: {hdr_late} × 2 pkt = {2 * hdr_late}" in text
    lines = text.splitlines()[1:]
    assert sum(int(line.rsplit("= ", 1)[1]) for line in lines) == row.signals.attention


def test_quiet_municipality_reason(qapp: Any) -> None:
    from app.services.overview_signals import PortfolioRow

    signals = Signals(today=TODAY, actions={ActionStatus.PLANNED: 1}, last_note=date(2026, 1, 1))
    model = PortfolioModel()
    model.set_rows([PortfolioRow("m", "Gmina Cicha", signals)])
    reasons = model.reasons(model.row_at(0)).replace("\u00a0", " ")  # type: ignore[arg-type]
    assert "ostatnia notatka 324 dni temu" in reasons


def test_status_bar_chart_in_words(qtbot: Any) -> None:
    chart = StatusBarChart()
    qtbot.addWidget(chart)
    chart.set_segments([], "Nie ma jeszcze HDR.")
    assert chart.describe() == "Nie ma jeszcze HDR."
    chart.set_segments(
        [
            Segment("zrealizowane", 5, "#1f5f2a"),
            Segment("opóźnione", 2, "#d9822b", hatched=True),
            Segment("zaniechane", 0, "#efefef"),
        ]
    )
    assert chart.total == 7
    assert chart.describe() == "zrealizowane: 5, opóźnione: 2"
    assert chart.toolTip() == chart.describe()
    chart.resize(200, chart.heightForWidth(200))
    chart.show()
    qtbot.waitExposed(chart)
    image = chart.grab().toImage()
    assert image.width() == 200  # painted without errors, at its size
    assert chart.heightForWidth(120) >= chart.heightForWidth(600)  # a narrow legend wraps
