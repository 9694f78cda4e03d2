"""The demo municipality's closed school year 2025/2026, for the yearly report to read."""

from __future__ import annotations

from datetime import date

from app.services import snapshots
from app.storage.store import Store

CLOSED_YEAR = 2025  # 2025/2026, the last year of the demo's school data
AUTHOR = "Anna Kowalska"


def close_years(store: Store, municipality_id: str) -> None:
    """Close 2025/2026 as the office would in September (on any clock, after the year)."""
    today = max(date.today(), snapshots.year_end(CLOSED_YEAR).replace(day=1, month=9))
    snapshots.close_school_year(
        store, municipality_id, CLOSED_YEAR, author=AUTHOR, today=today, publish=False
    )
