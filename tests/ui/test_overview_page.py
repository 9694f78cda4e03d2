"""The overview page and the portfolio in the real window, values read back through the core."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.demo import load_demo
from app.model import Municipality
from app.services import records, visits
from app.services.first_look import YearlyLine
from app.services.overview import municipality_overview, portfolio
from app.storage.store import Store
from tests.ui.cells import cell, row_count
from tests.ui.conftest import type_text
from ui.main_window import MainWindow
from ui.models import portfolio as cols
from ui.models.roles import ID_ROLE
from ui.pages.overview import PORTFOLIO_TAB, OverviewPage
from ui.pages.visits import VisitsPage

TODAY = date(2026, 11, 21)


@pytest.fixture
def demo(demo_store: Store) -> str:
    municipality, _new = load_demo(demo_store)
    return municipality.id


def _overview(window: MainWindow, municipality_id: str) -> OverviewPage:
    window.municipality_model.reload()
    window.choose_municipality(municipality_id)
    page = next(p for p in window.pages if isinstance(p, OverviewPage))
    window.navigation.setCurrentRow(window.pages.index(page))
    page.today = TODAY
    return page


def test_the_demo_at_a_glance(window: MainWindow, store: Store, demo: str) -> None:
    page = _overview(window, demo)
    expected = municipality_overview(store, demo, TODAY)
    s = expected.signals
    assert page.heading.text() == "Gmina Zielonki Wielkie"
    assert "ostatnia wizyta doradcy: " in page.subheading.text()
    plan = page.cards["plan"].chart
    assert plan.total == s.actions_total
    assert f"zrealizowane: {s.actions_done}" in plan.describe()
    hdr = page.cards["hdr"]
    assert hdr.chart.total == s.hdr.total
    assert f"po terminie: {s.hdr.overdue}" in hdr.footnote.text()
    assert page.cards["indicators"].chart.total == s.indicators_total
    recommendations = page.cards["recommendations"].chart.describe()
    assert f"po terminie: {s.recommendations_overdue}" in recommendations
    late = len(expected.overdue_actions) + len(expected.overdue_schedule_items)
    assert page.sections["late"].title() == f"Po terminie ({late})"
    assert page.sections["recommendations"].model.rowCount() == s.recommendations_open
    assert page.sections["risks"].table.isVisibleTo(page)


def test_an_empty_municipality_says_so(window: MainWindow, store: Store) -> None:
    empty = records.create(store, Municipality, name="Gmina Nowa", kind="rural")
    page = _overview(window, empty.id)
    assert page.cards["plan"].chart.describe() == "Plan nie ma jeszcze działań."
    assert page.cards["plan"].figure.text() == ""
    for section in page.sections.values():
        assert section.empty.isVisibleTo(page) and not section.table.isVisibleTo(page)
    assert page.sections["notes"].empty.text() == "Nie ma jeszcze notatek monitoringowych."


def test_a_change_elsewhere_shows_up(
    qtbot: Any, window: MainWindow, store: Store, demo: str
) -> None:
    page = _overview(window, demo)
    before = page.models.recommendations.rowCount()
    (latest,) = visits.visits_of(store, demo)[-1:]
    visits.add_recommendation(store, latest.id, text="Nowe zalecenie", due_date=TODAY)
    qtbot.waitUntil(lambda: page.models.recommendations.rowCount() == before + 1)


def test_an_item_links_to_where_it_lives(
    qtbot: Any, window: MainWindow, store: Store, demo: str
) -> None:
    page = _overview(window, demo)
    section = page.sections["recommendations"]
    index = section.model.index(0, 0)
    wanted = index.data(ID_ROLE)
    with qtbot.waitSignal(page.link_activated) as signal:
        section.table.activated.emit(index)
    assert signal.args == ["visits", "recommendation", wanted]
    visits_page = next(p for p in window.pages if isinstance(p, VisitsPage))
    assert window.pages[window.navigation.currentRow()] is visits_page
    assert visits_page.recommendations.current_id() == wanted


def test_links_use_the_windows_navigate_when_it_has_one(
    window: MainWindow, store: Store, demo: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _overview(window, demo)
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(window, "navigate", lambda *args: calls.append(args), raising=False)
    item = page.models.risks.row_at(0)
    assert item is not None
    page.open_record(item.record_type, item.record_id)
    page.open_page("hdr")
    assert calls == [("monitoring", "risk", item.record_id), ("hdr", None, None)]


def test_portfolio_sorted_by_attention_and_opens_a_municipality(
    qtbot: Any, window: MainWindow, store: Store, demo: str
) -> None:
    load_demo(store, copy=1)
    calm = records.create(store, Municipality, name="Gmina Spokojna", kind="rural")
    page = _overview(window, demo)
    page.tabs.setCurrentIndex(PORTFOLIO_TAB)
    table = page.portfolio_table
    proxy = page.portfolio_proxy
    assert proxy.rowCount() == 3
    scores = [int(proxy.index(r, cols.ATTENTION).data()) for r in range(3)]
    assert scores == sorted(scores, reverse=True)
    expected = {row.municipality_id: row.attention for row in portfolio(store, TODAY)}
    for r in range(3):
        mid = proxy.index(r, cols.NAME).data(ID_ROLE)
        assert int(proxy.index(r, cols.ATTENTION).data()) == expected[mid]
    assert proxy.index(2, cols.NAME).data(ID_ROLE) == calm.id  # nothing to worry about: last
    table.sortByColumn(cols.NAME, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, cols.NAME).data() == "Gmina Spokojna"
    with qtbot.waitSignal(window.municipality_changed) as changed:
        table.activated.emit(proxy.index(0, cols.NAME))
    assert changed.args == [calm.id]
    assert page.tabs.currentIndex() == 0
    assert page.heading.text() == "Gmina Spokojna"


def test_portfolio_shows_the_visit_plan_and_logs_a_consultation(
    qtbot: Any, window: MainWindow, store: Store, demo: str, monkeypatch: Any
) -> None:
    from app.services import people
    from ui.dialogs.network_forms import RecordDialog

    page = _overview(window, demo)
    page.tabs.setCurrentIndex(PORTFOLIO_TAB)
    plan = page.visit_plan.visit_plan
    expected = people.visit_plan(store)
    qtbot.waitUntil(lambda: row_count(plan) == len(expected) > 0)
    assert cell(plan, 0, 0) == "Gmina Zielonki Wielkie"
    assert cell(plan, 0, 3) == "3"  # three on-site visits in the cycle
    assert cell(plan, 0, 4) == str(expected[0].done)
    assert cell(plan, 0, 6) == str(expected[0].due)
    before = expected[0].consultations

    def fill_in(dialog: RecordDialog) -> int:
        dialog.editors["held_on"].set_value(expected[0].last_visit or TODAY)  # type: ignore[attr-defined]
        type_text(dialog.editors["form"], "telefon")
        dialog.accept()  # no topic: refused in place
        assert "nie może być puste" in dialog.rows.text("topic")
        type_text(dialog.editors["topic"], "Harmonogram ewaluacji")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", fill_in)
    page.visit_plan.add_consultation()
    assert people.visit_plan(store)[0].consultations == before + 1
    qtbot.waitUntil(lambda: cell(plan, 0, 9) == str(before + 1))


def test_the_yearly_report_line_follows_the_page_and_the_data(
    qtbot: Any, window: MainWindow, store: Store, demo: str, monkeypatch: Any
) -> None:
    from app.services import yearly_report

    calls: list[str] = []
    real = yearly_report.status

    def counted(*args: Any) -> Any:
        calls.append(args[1])
        return real(*args)

    monkeypatch.setattr(yearly_report, "status", counted)
    page = _overview(window, demo)
    expected = real(store, demo, TODAY).text
    qtbot.waitUntil(lambda: expected in page.yearly.text())  # just after the page is filled
    before = len(calls)
    page.refresh()  # nothing changed: the line is kept, not worked out again
    assert expected in page.yearly.text() and len(calls) == before
    (latest,) = visits.visits_of(store, demo)[-1:]
    visits.add_recommendation(store, latest.id, text="Nowe zalecenie", due_date=TODAY)
    qtbot.waitUntil(lambda: len(calls) > before and expected in page.yearly.text())


@pytest.mark.parametrize(
    ("missing", "told"),
    [
        (5, "i 1 inny brak"),
        (6, "i 2 inne braki"),
        (9, "i 5 innych braków"),
        (26, "i 22 inne braki"),
    ],
)
def test_the_yearly_line_counts_the_data_it_does_not_list_in_polish(
    missing: int, told: str
) -> None:
    """Four missing data are listed; the rest are counted, the noun agreeing with the number."""
    from ui.pages.overview import yearly_html

    line = YearlyLine("Informacja za 2025/2026", tuple(f"brak {n}" for n in range(missing)))
    html = yearly_html(line)
    assert html.count("<li>") == 5
    assert f"<li>{told}</li>" in html


def test_the_yearly_line_counts_in_english_too() -> None:
    from app import i18n
    from ui.pages.overview import yearly_html

    i18n.set_language("en")
    try:
        html = yearly_html(YearlyLine("Report", tuple(f"gap {n}" for n in range(6))))
    finally:
        i18n.set_language("pl")
    assert "and 2 more gaps" in html and "braki" not in html
