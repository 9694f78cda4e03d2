"""A report of a period shows the state then: future refused, running "stan na", past frozen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.demo import load_demo
from app.errors import UserError
from app.model import Recommendation, RecommendationStatus
from app.reports import as_of, queries
from app.reports.export import export
from app.services import records, snapshots
from app.storage.store import Store

TODAY = date(2026, 12, 3)
PAST = (date(2025, 9, 1), date(2026, 6, 30))


def _cover(path: Path) -> str:
    return PdfReader(path).pages[0].extract_text()


def _open_recommendations(store: Store, m: str, start: date, end: date) -> set[str]:
    source = as_of.source_for(store, m, start, end, TODAY)
    with as_of.state_store(store, source) as state:
        data = queries.monitoring_data(state, m, start, end, today=TODAY)
    return {row.recommendation.id for row in data.recommendations}


def test_a_follow_up_done_after_the_period_shows_open_in_its_report(demo_store: Store) -> None:
    m = load_demo(demo_store)[0].id  # the demo closes 2025/2026 as it loads
    with demo_store.session() as session:
        follow_up = next(
            r for r in session.query(Recommendation) if r.status == RecommendationStatus.OPEN
        )
    records.update(demo_store, Recommendation, follow_up.id, status="done")

    assert follow_up.id in _open_recommendations(demo_store, m, *PAST)
    assert follow_up.id not in _open_recommendations(
        demo_store, m, date(2026, 9, 1), date(2027, 6, 30)
    )


def test_the_cover_says_where_the_data_come_from(demo_store: Store, tmp_path: Path) -> None:
    m = load_demo(demo_store)[0].id
    past = export(
        demo_store,
        "monitoring",
        m,
        date_from=PAST[0],
        date_to=PAST[1],
        output=tmp_path / "past.pdf",
    )
    assert "zamknięty rok szkolny 2025/2026" in _cover(past)
    assert "31 sierpnia 2026" in _cover(past)
    today = date.today()
    running = export(demo_store, "monitoring", m, date_from=date(today.year - 1, 9, 1),
                     date_to=date(today.year + 1, 6, 30), output=tmp_path / "now.pdf")  # fmt: skip
    assert "(okres jeszcze trwa)" in " ".join(_cover(running).split())
    plan = export(demo_store, "plan", m, date_to=PAST[1], output=tmp_path / "plan.pdf")
    assert "zamknięty rok szkolny 2025/2026" in _cover(plan)


def test_an_ended_period_without_a_closed_year_says_the_data_are_today_s(demo_store: Store) -> None:
    m = load_demo(demo_store)[0].id
    closed = snapshots.list_snapshots(demo_store, m)[0]
    snapshots.reopen_school_year(demo_store, closed.id, reason="Korekta")
    source = as_of.source_for(demo_store, m, *PAST, today=TODAY)
    assert source.snapshot is None
    assert source.note is not None and source.note.startswith("dane bieżące, stan na 3 grudnia")


def test_a_running_period_reports_today(demo_store: Store) -> None:
    m = load_demo(demo_store)[0].id
    source = as_of.source_for(demo_store, m, date(2026, 9, 1), date(2027, 6, 30), TODAY)
    assert (source.reference, source.snapshot) == (TODAY, None)
    assert source.note == "stan na 3 grudnia 2026 (okres jeszcze trwa)"
    assert as_of.source_for(demo_store, m, None, None, TODAY).note is None


@pytest.mark.parametrize("kind", ["monitoring", "plan"])
def test_a_period_that_has_not_started_is_refused(
    demo_store: Store, tmp_path: Path, kind: str
) -> None:
    m = load_demo(demo_store)[0].id
    with pytest.raises(UserError, match="jeszcze się nie zaczął") as error:
        export(demo_store, kind, m, date_from=date(2030, 1, 1), output=tmp_path / "x.pdf")
    assert error.value.field == "date_from"
    assert not (tmp_path / "x.pdf").exists()
