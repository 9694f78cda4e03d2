"""Closed school years travel in exchange files; a closed year cannot change by an import."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import UserError
from app.exchange import describe, reader
from app.exchange import format as fmt
from app.exchange.merge import apply_import
from app.model import MonitoringNote, SchoolYearStats
from app.services import records, snapshots
from app.services.school_data import grid
from tests.core.exchange.old_files import as_version

AFTER = date(2026, 12, 3)


def _pupils(store, school_id: str, year: int) -> int | None:
    with store.session() as session:
        row = session.scalars(
            select(SchoolYearStats).where(
                SchoolYearStats.school_id == school_id, SchoolYearStats.school_year == year
            )
        ).first()
        return None if row is None else row.pupils


def test_a_closed_year_reaches_the_advisor_and_stays_closed_there(laptops, courier) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    grid.set_cell(laptops.officer, m, "stats:pupils", ids["school"], 2025, 118)
    closed = snapshots.close_school_year(laptops.officer, m, 2025, author="Anna", today=AFTER)
    courier.deliver(courier.pack(laptops.officer, m), laptops.advisor)

    theirs = snapshots.list_snapshots(laptops.advisor, m)
    assert [(s.id, s.label, s.content_hash, s.closed) for s in theirs] == [
        (closed.id, "2025/2026", closed.content_hash, True)
    ]
    assert [e.author for e in theirs[0].events] == ["Anna"]
    with snapshots.open_snapshot(laptops.advisor, closed.id) as frozen:
        assert _pupils(frozen, ids["school"], 2025) == 118
    with pytest.raises(UserError, match="zamknięty"):
        grid.set_cell(laptops.advisor, m, "stats:pupils", ids["school"], 2025, 5)
    # Sent back, the same snapshot merges silently.
    plan = courier.plan(courier.pack(laptops.advisor, m), laptops.officer)
    assert plan.conflicts == [] and plan.changed == [] and plan.added == []


def test_a_file_changing_a_closed_year_is_refused_and_nothing_saved(
    laptops, courier, file_state
) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    grid.set_cell(laptops.officer, m, "stats:pupils", ids["school"], 2025, 118)
    courier.deliver(courier.pack(laptops.officer, m), laptops.advisor)
    snapshots.close_school_year(laptops.officer, m, 2025, today=AFTER)
    grid.set_cell(laptops.advisor, m, "stats:pupils", ids["school"], 2025, 90)  # still open there
    path = courier.pack(laptops.advisor, m)
    before = file_state(laptops.folder / "officer")
    with pytest.raises(UserError, match="2025/2026 jest zamknięty"):
        courier.deliver(path, laptops.officer)
    assert file_state(laptops.folder / "officer") == before
    assert _pupils(laptops.officer, ids["school"], 2025) == 118


def test_the_same_year_closed_differently_on_two_laptops_is_a_conflict(laptops, courier) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    grid.set_cell(laptops.officer, m, "stats:pupils", ids["school"], 2025, 118)
    grid.set_cell(laptops.advisor, m, "stats:pupils", ids["school"], 2025, 117)
    mine = snapshots.close_school_year(laptops.officer, m, 2025, today=AFTER)
    theirs = snapshots.close_school_year(laptops.advisor, m, 2025, today=AFTER)
    assert mine.id == theirs.id and mine.content_hash != theirs.content_hash

    path = courier.pack(laptops.advisor, m)
    plan = courier.plan(path, laptops.officer)
    conflict = next(item for item in plan.conflicts if item.record_id == mine.id)
    assert describe.type_label(conflict.table) == "zamknięty rok szkolny"
    assert describe.title(conflict.table, conflict.mine or {}) == "rok szkolny 2025/2026"
    rows = plan.differences(conflict)
    assert "Skrót zapisanych danych" in [row.label for row in rows]
    assert all(len(row.mine) < 300 and len(row.theirs) < 300 for row in rows)  # no payload
    with pytest.raises(UserError, match="Rozstrzygnij najpierw konflikty"):
        courier.deliver(path, laptops.officer)
    # Never overwritten silently: the officer's snapshot stays until they choose.
    assert snapshots.get_snapshot(laptops.officer, mine.id).content_hash == mine.content_hash


def test_a_version_2_file_without_snapshots_still_imports(laptops, courier) -> None:
    m = laptops.municipality_id
    records.update(laptops.officer, MonitoringNote, laptops.ids["note"], text="Z wersji 2")
    data = _as_version_2(courier.pack(laptops.officer, m).read_bytes())
    package = reader.read_bytes(data, "stary.planoswiaty")
    assert package.manifest.format_version == 2
    assert not set(fmt.SNAPSHOT_TABLES) & set(package.records)
    apply_import(laptops.advisor, package)
    assert records.get(laptops.advisor, MonitoringNote, laptops.ids["note"]).text == "Z wersji 2"


def _as_version_2(data: bytes) -> bytes:
    """The file as the previous program wrote it: format 2, none of version 3's additions."""
    return as_version(data, 2, fmt.TABLES_ADDED_IN_3, fmt.ADDED_IN_3)


def test_a_year_reopened_and_corrected_elsewhere_merges(laptops, courier) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    grid.set_cell(laptops.officer, m, "stats:pupils", ids["school"], 2025, 118)
    closed = snapshots.close_school_year(laptops.officer, m, 2025, today=AFTER)
    courier.deliver(courier.pack(laptops.officer, m), laptops.advisor)
    snapshots.reopen_school_year(laptops.advisor, closed.id, reason="Korekta SIO")
    grid.set_cell(laptops.advisor, m, "stats:pupils", ids["school"], 2025, 119)
    courier.deliver(courier.pack(laptops.advisor, m), laptops.officer)
    assert _pupils(laptops.officer, ids["school"], 2025) == 119
    assert not snapshots.is_year_closed(laptops.officer, m, 2025)
