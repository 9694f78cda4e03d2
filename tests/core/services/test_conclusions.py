"""Wnioski i rekomendacje of a monitoring period, and a visit's times and place kind:
kept per period, checked (a Polish message and nothing saved), never a default name."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import UserError
from app.model import AdvisoryVisit, MonitoringConclusion, Municipality, PlaceKind
from app.services import conclusions, records, visits
from app.services.clock import parse_time, time_span
from app.storage.store import Store

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def _place(store: Store) -> str:
    return records.create(store, Municipality, name="Gmina Łąkowa", kind="rural").id


def test_conclusions_are_kept_per_period(store: Store) -> None:
    m = _place(store)
    first = conclusions.add_period(store, m, *YEAR)
    second = conclusions.add_period(store, m, date(2026, 1, 1), date(2026, 6, 30))
    conclusions.update(store, first.id, conclusions="Wnioski za 2025 r.", prepared_by="Anna Nowak")
    assert [c.id for c in conclusions.conclusions_of(store, m)] == [second.id, first.id]
    with store.session() as session:
        found = conclusions.for_period(session, m, *YEAR)
        assert found is not None and found.conclusions == "Wnioski za 2025 r."
        assert found.prepared_by == "Anna Nowak"
        assert conclusions.for_period(session, m, YEAR[0], None) is None  # an open period
        assert conclusions.for_period(session, m, YEAR[0], date(2025, 12, 30)) is None


def test_a_period_has_one_set_of_conclusions(store: Store) -> None:
    m = _place(store)
    first = conclusions.add_period(store, m, *YEAR)
    with pytest.raises(UserError, match="Dla tego okresu wnioski już są"):
        conclusions.add_period(store, m, *YEAR)
    other = conclusions.add_period(store, m, date(2024, 1, 1), date(2024, 12, 31))
    with pytest.raises(UserError, match="Dla tego okresu wnioski już są"):
        conclusions.update(store, other.id, period_start=YEAR[0], period_end=YEAR[1])
    assert records.get(store, MonitoringConclusion, other.id).period_start == date(2024, 1, 1)
    assert len(conclusions.conclusions_of(store, m)) == 2 and first.id


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"period_start": date(2025, 6, 1), "period_end": date(2025, 5, 31)}, "period_end"),
        ({"period_start": None}, "period_start"),
        ({"period_end": "31.12.2025"}, "period_end"),
        ({"prepared_by": "x" * 201}, "prepared_by"),
    ],
)
def test_bad_conclusions_are_refused_in_polish_and_nothing_is_saved(
    store: Store, values: dict[str, object], field: str
) -> None:
    m = _place(store)
    record = conclusions.add_period(store, m, *YEAR)
    with pytest.raises(UserError) as error:
        conclusions.update(store, record.id, **values)
    assert error.value.field == field
    assert any(letter in str(error.value) for letter in "ąćęłńóśźżPo")
    stored = records.get(store, MonitoringConclusion, record.id)
    assert (stored.period_start, stored.period_end, stored.prepared_by) == (*YEAR, None)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("9:30", "09:30"), ("09.05", "09:05"), (" 13:00 ", "13:00"), ("0:00", "00:00")],
)
def test_times_of_day_are_read_the_polish_ways(typed: str, stored: str) -> None:
    assert parse_time(typed) == stored


@pytest.mark.parametrize("typed", ["24:00", "12:60", "9", "9:5", "dziewiąta", "12:30:00", "-1:00"])
def test_what_is_no_time_of_day_is_refused(typed: str, store: Store) -> None:
    assert parse_time(typed) is None
    m = _place(store)
    with pytest.raises(UserError, match="GG:MM") as error:
        visits.create_visit(store, m, visit_date=date(2025, 3, 1), start_time=typed)
    assert error.value.field == "start_time"
    assert records.children(store, AdvisoryVisit, municipality_id=m) == []


def test_a_visit_keeps_its_times_and_place_kind_and_ends_after_it_starts(store: Store) -> None:
    m = _place(store)
    visit = visits.create_visit(
        store, m, visit_date=date(2025, 3, 1), start_time="9:00", end_time="12:30",
        place_kind="online", place="Teams",
    )  # fmt: skip
    stored = records.get(store, AdvisoryVisit, visit.id)
    assert (stored.start_time, stored.end_time, stored.place_kind) == (
        "09:00",
        "12:30",
        PlaceKind.ONLINE,
    )
    with pytest.raises(UserError, match="zakończyć później") as error:
        visits.update_visit(store, visit.id, end_time="08:59")
    assert error.value.field == "end_time"
    assert records.get(store, AdvisoryVisit, visit.id).end_time == "12:30"
    assert time_span("09:00", "12:30") == "09:00–12:30"
    assert time_span(None, "12:30") == "12:30" and time_span(None, None) == ""


def test_a_new_visit_has_no_placeholder_advisor(store: Store) -> None:
    m = _place(store)
    values = visits.new_visit_values(store, m, date(2025, 3, 1))
    assert values["advisor"] is None
    visit = visits.create_visit(store, m, **values)
    assert records.get(store, AdvisoryVisit, visit.id).advisor is None
