"""A closed school year's report reads the year's snapshot, not today's data."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.reports.yearly import chapters
from app.reports.yearly.source import report_session
from app.services import snapshots, yearly_report
from app.services.school_data import grid
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Small


def _pupils_text(store: Store, small: Small, *, frozen: bool = True) -> str:
    with report_session(store, small.municipality_id, 2025, frozen=frozen) as session:
        (found,) = chapters.generate(session, small.municipality_id, 2025, ["pupils"])
    return " ".join(found.paragraphs).replace("\u00a0", " ")


def test_a_closed_year_reads_its_snapshot(store: Store, small: Small) -> None:
    snapshots.close_school_year(store, small.municipality_id, 2025, today=date(2026, 9, 15))
    before = _pupils_text(store, small)
    assert "(z 1 245 do 1 193)" in before
    snapshot = snapshots.list_snapshots(store, small.municipality_id)[0]
    snapshots.reopen_school_year(store, snapshot.id, reason="korekta liczby uczniów")
    grid.set_cell(store, small.municipality_id, "stats:pupils", small.first, 2025, 800)
    # Reopened: the live data are read again.
    assert "(z 1 245 do 1 293)" in _pupils_text(store, small)


def test_a_closed_year_keeps_its_numbers_after_later_years_change(
    store: Store, small: Small
) -> None:
    snapshots.close_school_year(store, small.municipality_id, 2025, today=date(2026, 9, 15))
    grid.set_cell(store, small.municipality_id, "stats:pupils", small.first, 2024, 900)
    frozen_text = _pupils_text(store, small)
    live_text = _pupils_text(store, small, frozen=False)
    assert "(z 1 245 do 1 193)" in frozen_text
    assert "(z 1 245 do 1 193)" not in live_text


def test_the_overview_status_does_not_unpack_the_snapshot(store: Store, small: Small) -> None:
    snapshots.close_school_year(store, small.municipality_id, 2025, today=date(2026, 9, 15))
    status = yearly_report.status(store, small.municipality_id, date(2026, 10, 4))
    assert status.year == 2025 and status.days_left == 27
