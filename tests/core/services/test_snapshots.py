"""Closing a school year: a frozen snapshot, a lock on the year's data, reopening with a reason."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import UserError
from app.model import (
    MonitoringNote,
    Municipality,
    School,
    SchoolYearSnapshot,
    SchoolYearStats,
    SnapshotEvent,
    SnapshotStatus,
    SupervisionFinding,
)
from app.services import records, snapshots
from app.services.school_data import grid
from app.storage.store import Store

AFTER = date(2026, 12, 3)


@pytest.fixture
def place(store: Store) -> dict[str, str]:
    m = records.create(store, Municipality, name="Gmina Łąkowa", kind="rural", teryt="3021052")
    school = records.create(
        store, School, m.id, name="Szkoła Podstawowa w Łące", school_type="szkola_podstawowa"
    )
    for year, pupils in ((2024, 120), (2025, 118)):
        grid.set_cell(store, m.id, "stats:pupils", school.id, year, pupils)
    note = records.create(
        store,
        MonitoringNote,
        m.id,
        text="Przed zamknięciem",
        noted_on=date(2026, 5, 4),
        kind="progress",
    )
    return {"municipality": m.id, "school": school.id, "note": note.id}


def _pupils(store: Store, school_id: str, year: int) -> int | None:
    with store.session() as session:
        row = session.scalars(
            select(SchoolYearStats).where(
                SchoolYearStats.school_id == school_id, SchoolYearStats.school_year == year
            )
        ).one()
        return row.pupils


def test_close_lists_locks_and_logs_the_year(store: Store, place: dict[str, str]) -> None:
    m = place["municipality"]
    closed = snapshots.close_school_year(store, m, 2025, author="Anna Nowak", today=AFTER)
    assert (closed.label, closed.as_of, closed.status) == (
        "2025/2026",
        date(2026, 8, 31),
        SnapshotStatus.CLOSED,
    )
    assert closed.record_count >= 5  # municipality, school, two stats rows, the note
    assert [s.id for s in snapshots.list_snapshots(store, m)] == [closed.id]
    assert snapshots.is_year_closed(store, m, 2025)
    assert not snapshots.is_year_closed(store, m, 2024)
    assert [(e.status, e.author) for e in closed.events] == [(SnapshotStatus.CLOSED, "Anna Nowak")]


def test_a_year_closed_twice_or_not_ended_is_refused(store: Store, place: dict[str, str]) -> None:
    m = place["municipality"]
    with pytest.raises(UserError, match="jeszcze się nie skończył") as error:
        snapshots.close_school_year(store, m, 2025, today=date(2026, 8, 31))
    assert error.value.field == "school_year"
    assert snapshots.list_snapshots(store, m) == []
    snapshots.close_school_year(store, m, 2025, today=date(2026, 9, 1))
    with pytest.raises(UserError, match="jest już zamknięty"):
        snapshots.close_school_year(store, m, 2025, today=AFTER)
    with store.session() as session:
        assert len(session.scalars(select(SnapshotEvent)).all()) == 1


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("2025-2026", "RRRR/RRRR"),
        ("2025/2027", "RRRR/RRRR"),
        ("", "RRRR/RRRR"),
        ("1900/1901", "poza zakresem"),
        ("2025/2026" * 1000, "RRRR/RRRR"),
    ],
)
def test_a_malformed_school_year_is_refused(text: str, needle: str) -> None:
    with pytest.raises(UserError, match=needle):
        snapshots.parse_school_year(text)


def test_parse_school_year() -> None:
    assert snapshots.parse_school_year(" 2025 / 2026 ") == 2025


def test_the_snapshot_keeps_the_state_then_and_cannot_be_written(
    store: Store, place: dict[str, str]
) -> None:
    m = place["municipality"]
    closed = snapshots.close_school_year(store, m, 2025, today=AFTER)
    records.update(store, MonitoringNote, place["note"], text="Stan po zamknięciu")
    grid.set_cell(store, m, "stats:pupils", place["school"], 2024, 200)  # an open year
    with snapshots.open_snapshot(store, closed.id) as frozen:
        assert records.get(frozen, MonitoringNote, place["note"]).text == "Przed zamknięciem"
        assert _pupils(frozen, place["school"], 2024) == 120
        assert _pupils(frozen, place["school"], 2025) == 118
        with pytest.raises(UserError):
            records.update(frozen, MonitoringNote, place["note"], text="Zmiana w zamkniętym")
        assert records.get(frozen, MonitoringNote, place["note"]).text == "Przed zamknięciem"
    assert records.get(store, MonitoringNote, place["note"]).text == "Stan po zamknięciu"


def test_every_service_write_of_a_closed_year_is_refused(
    store: Store, place: dict[str, str]
) -> None:
    m, school = place["municipality"], place["school"]
    snapshots.close_school_year(store, m, 2025, today=AFTER)
    with pytest.raises(UserError, match="2025/2026 jest zamknięty") as error:
        grid.set_cell(store, m, "stats:pupils", school, 2025, 5)
    assert "otwórz" in error.value.message
    assert _pupils(store, school, 2025) == 118
    with pytest.raises(UserError, match="zamknięty"):
        grid.set_cell(store, m, "exam:e8:matematyka:mean_pct", school, 2025, 50)
    with pytest.raises(UserError, match="zamknięty"):
        records.create(
            store, SupervisionFinding, school, held_on=date(2026, 3, 1), topic="Ewaluacja"
        )
    with store.session() as session:
        assert session.scalars(select(SupervisionFinding)).all() == []
    moving = pytest.raises(UserError, match="zamknięty")  # a row out of the year
    with moving, store.session() as session:
        row = session.scalars(
            select(SchoolYearStats).where(SchoolYearStats.school_year == 2025)
        ).one()
        row.school_year = 2023
    with pytest.raises(UserError, match="zamknięty"):  # its school goes with its data
        records.delete(store, School, school)
    assert records.get(store, School, school).name.startswith("Szkoła")
    # Another year stays open; and a whole municipality may still be deleted.
    grid.set_cell(store, m, "stats:pupils", school, 2024, 121)
    assert _pupils(store, school, 2024) == 121
    records.delete(store, Municipality, m)


def test_reopening_needs_a_reason_and_unlocks_the_year(store: Store, place: dict[str, str]) -> None:
    m, school = place["municipality"], place["school"]
    closed = snapshots.close_school_year(store, m, 2025, author="Anna", today=AFTER)
    for bad in ("", "   ", "x" * (snapshots.MAX_REASON + 1)):
        with pytest.raises(UserError) as error:
            snapshots.reopen_school_year(store, closed.id, reason=bad)
        assert error.value.field == "reason"
    assert snapshots.is_year_closed(store, m, 2025)
    reopened = snapshots.reopen_school_year(
        store, closed.id, reason="Korekta danych SIO", author="Jan"
    )
    assert reopened.status == SnapshotStatus.REOPENED
    assert [(e.status, e.reason, e.author) for e in reopened.events] == [
        (SnapshotStatus.CLOSED, None, "Anna"),
        (SnapshotStatus.REOPENED, "Korekta danych SIO", "Jan"),
    ]
    with pytest.raises(UserError, match="nie jest zamknięty"):
        snapshots.reopen_school_year(store, closed.id, reason="Jeszcze raz")
    grid.set_cell(store, m, "stats:pupils", school, 2025, 117)
    assert _pupils(store, school, 2025) == 117
    # Closed again: the same record, the new state, a third line in the log.
    again = snapshots.close_school_year(store, m, 2025, today=AFTER)
    assert again.id == closed.id and again.closed and len(again.events) == 3
    assert again.content_hash != closed.content_hash
    with snapshots.open_snapshot(store, again.id) as frozen:
        assert _pupils(frozen, school, 2025) == 117


def test_the_same_data_freeze_to_the_same_hash(store: Store, place: dict[str, str]) -> None:
    m = place["municipality"]
    first = snapshots.close_school_year(store, m, 2025, today=AFTER)
    snapshots.reopen_school_year(store, first.id, reason="Sprawdzenie")
    second = snapshots.close_school_year(store, m, 2025, today=AFTER)
    assert second.content_hash == first.content_hash


def test_snapshot_nearest_picks_the_year_ending_closest(
    store: Store, place: dict[str, str]
) -> None:
    m = place["municipality"]
    assert snapshots.snapshot_nearest(store, m, date(2026, 6, 30)) is None
    older = snapshots.close_school_year(store, m, 2023, today=AFTER)
    newer = snapshots.close_school_year(store, m, 2025, today=AFTER)
    assert snapshots.snapshot_nearest(store, m, date(2026, 6, 30)) == newer
    assert snapshots.snapshot_nearest(store, m, date(2024, 6, 30)) == older
    snapshots.reopen_school_year(store, newer.id, reason="Korekta")
    assert snapshots.snapshot_nearest(store, m, date(2026, 6, 30)) == older


def test_a_damaged_payload_is_a_polish_error(store: Store, place: dict[str, str]) -> None:
    closed = snapshots.close_school_year(store, place["municipality"], 2025, today=AFTER)
    with store.session() as session:
        session.get(SchoolYearSnapshot, closed.id).payload = "nie-base64!"  # type: ignore[union-attr]
    with pytest.raises(UserError, match="uszkodzony"), snapshots.open_snapshot(store, closed.id):
        pass


def test_closable_years_leave_out_closed_and_running_years(
    store: Store, place: dict[str, str]
) -> None:
    m = place["municipality"]
    assert snapshots.closable_years(store, m, AFTER)[:2] == [2025, 2024]
    snapshots.close_school_year(store, m, 2025, today=AFTER)
    assert snapshots.closable_years(store, m, AFTER)[0] == 2024
