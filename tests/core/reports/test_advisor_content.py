"""What an advisor expects in the monitoring report and the visit protocol: the officer's
conclusions of the period with the names under "sporządził / zatwierdził", spending
against the plan, and the visit's times and the place's recorded kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.demo_monitoring import CONCLUSIONS, PERIOD, RECOMMENDATIONS
from app.model import PlaceKind
from app.reports import queries
from app.reports.export import export
from app.reports.visit import kind_line, write_visit_pdf
from app.storage.store import Store

Read = Callable[..., Any]


@pytest.fixture(scope="module")
def period_report(demo_ro: Store, demo_id: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("period") / "monitoring-2025.pdf"
    return export(
        demo_ro, "monitoring", demo_id, date_from=PERIOD[0], date_to=PERIOD[1], output=target
    )


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_report_of_a_period_prints_its_conclusions_and_who_signs(
    period_report: Path, read_pdf: Read
) -> None:
    pdf = read_pdf(period_report)
    body = _words(pdf.body)
    assert "Wnioski i rekomendacje" in body
    for line in (*CONCLUSIONS.splitlines(), *RECOMMENDATIONS.splitlines()):
        assert _words(line.lstrip("– "))[:60] in body, line
    last = pdf.pages[-1]
    assert "Sporządził(a)" in last and "Joanna Nowaczyk" in last
    assert "Zatwierdził(a)" in last and "Tomasz Wachowiak" in last


def test_a_period_without_conclusions_says_where_to_write_them(
    demo_documents: Callable[[str, str], Path], read_pdf: Read
) -> None:
    pdf = read_pdf(demo_documents("monitoring", "pl"))
    assert pdf.contains("Wnioski zapisuje się dla okresu z datą początku i końca.")
    assert not pdf.contains("Joanna Nowaczyk, inspektor")


def test_spending_against_the_plan_covers_the_years_of_the_period(
    demo_ro: Store, demo_id: str, period_report: Path, read_pdf: Read
) -> None:
    data = queries.monitoring_data(demo_ro, demo_id, *PERIOD)
    assert data.plan is not None and data.plan.strategy.budget is not None
    lines = [line for line in data.plan.strategy.budget.lines if line.row.year == 2025]
    planned = sum(line.row.planned_cents for line in lines)
    spent = sum(line.row.spent_cents or 0 for line in lines)
    assert planned and spent
    from app.reports.values import money

    text = _words(read_pdf(period_report).body)
    assert "Wydatki na tle planu" in text and "Lata budżetowe 2025" in text
    assert _words(f"Razem {money(planned)} {money(spent)}") in text


def test_the_protocol_says_when_and_where_the_visit_was_held(
    demo_documents: Callable[[str, str], Path], read_pdf: Read
) -> None:
    pdf = read_pdf(demo_documents("visit", "pl"))
    assert pdf.contains("20 maja 2026, godz. 10:00–14:15")
    assert pdf.contains("DORADZTWO W SIEDZIBIE JST")
    english = read_pdf(demo_documents("visit", "en"))
    assert english.contains("10:00–14:15")


def test_the_recorded_kind_wins_over_the_words_of_the_place(
    demo_ro: Store, demo_id: str, tmp_path: Path, read_pdf: Read
) -> None:
    assert kind_line(PlaceKind.ONLINE, "Urząd Gminy") == "Doradztwo online"
    assert kind_line(None, "Urząd Gminy") == "Doradztwo w siedzibie JST"
    assert kind_line("school", None) == "Doradztwo w szkole"
    data = queries.visit_data(demo_ro, queries.visits_of(demo_ro, demo_id)[-1].id)
    online = replace(data, visit=_copy(data.visit, place_kind=PlaceKind.ONLINE, advisor=None))
    pdf = read_pdf(write_visit_pdf(online, tmp_path / "online.pdf"))
    assert pdf.contains("DORADZTWO ONLINE") and not pdf.contains("W SIEDZIBIE JST")
    assert not pdf.contains("Doradca Doradca")


def _copy(visit: Any, **changes: Any) -> Any:
    from app.model import AdvisoryVisit

    fields = {c.name: getattr(visit, c.name) for c in AdvisoryVisit.__table__.columns}
    return AdvisoryVisit(**{**fields, **changes})
