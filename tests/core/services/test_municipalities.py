"""Finding a municipality by id or name, and the overview of what each holds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from app.errors import UserError
from app.model import (
    Action,
    AdvisoryVisit,
    Goal,
    MonitoringNote,
    Municipality,
    Objective,
    School,
    StrategicPlan,
    TeamMember,
)
from app.services import records
from app.services.municipalities import all_municipalities, find, summaries
from app.storage.store import Store


@pytest.fixture
def names(store: Store) -> dict[str, str]:
    made = {}
    for name, kind in [
        ("Łódź", "city_county"),
        ("Gmina Nowa Wieś", "rural"),
        ("Gmina Nowa Wieś Wielka", "rural"),
        ("Gmina Żółkiewka", "rural"),
        ("Powiat łódzki wschodni", "county"),
    ]:
        made[name] = records.create(store, Municipality, name=name, kind=kind).id
    return made


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Łódź", "Łódź"),
        ("lodz", "Łódź"),  # exact, folded — though "łódzki" also contains it
        ("  ŁÓDŹ ", "Łódź"),
        ("gmina nowa wies", "Gmina Nowa Wieś"),  # exact beats the longer name
        ("zolkiewka", "Gmina Żółkiewka"),  # unique partial
        ("WIELKA", "Gmina Nowa Wieś Wielka"),
        ("wschodni", "Powiat łódzki wschodni"),
    ],
)
def test_find_by_name(store: Store, names: dict[str, str], query: str, expected: str) -> None:
    assert find(store, query).id == names[expected]


def test_find_by_id(store: Store, names: dict[str, str]) -> None:
    for record_id in names.values():
        assert find(store, record_id).id == record_id
        assert find(store, f" {record_id}\n").id == record_id


def test_ambiguous_name_lists_the_candidates(
    store: Store, names: dict[str, str], polish: Callable[[str], None]
) -> None:
    with pytest.raises(UserError) as caught:
        find(store, "nowa")
    message = caught.value.message
    assert "Gmina Nowa Wieś, Gmina Nowa Wieś Wielka" in message
    assert "identyfikator" in message
    polish(message)


def test_same_name_twice_is_ambiguous(store: Store, names: dict[str, str]) -> None:
    records.create(store, Municipality, name="gmina żółkiewka", kind="rural")
    with pytest.raises(UserError, match="pasuje do kilku"):
        find(store, "Gmina Żółkiewka")


@pytest.mark.parametrize("query", ["Kraków", "", "   ", "00000000-0000-0000-0000-000000000000"])
def test_nothing_found(
    store: Store, names: dict[str, str], query: str, polish: Callable[[str], None]
) -> None:
    with pytest.raises(UserError) as caught:
        find(store, query)
    assert "Nie znaleziono" in caught.value.message
    polish(caught.value.message)


def test_deleted_municipality_is_not_found(store: Store, names: dict[str, str]) -> None:
    records.delete(store, Municipality, names["Gmina Żółkiewka"])
    with pytest.raises(UserError):
        find(store, "zolkiewka")
    with pytest.raises(UserError):
        find(store, names["Gmina Żółkiewka"])


def test_all_municipalities_sorted_by_folded_name(store: Store, names: dict[str, str]) -> None:
    assert [m.name for m in all_municipalities(store)] == [
        "Gmina Nowa Wieś",
        "Gmina Nowa Wieś Wielka",
        "Gmina Żółkiewka",
        "Łódź",
        "Powiat łódzki wschodni",
    ]


def test_summaries_count_live_records_per_municipality(store: Store) -> None:
    assert summaries(store) == []
    first = records.create(store, Municipality, name="Alfa", kind="rural")
    second = records.create(store, Municipality, name="Beta", kind="urban")
    for n in range(3):
        records.create(store, TeamMember, first.id, name=f"Osoba {n}")
    records.create(store, School, first.id, name="SP 1", school_type="szkola_podstawowa")
    gone = records.create(store, School, first.id, name="SP 2", school_type="szkola_podstawowa")
    records.delete(store, School, gone.id)
    plan = records.create(
        store, StrategicPlan, first.id, title="Plan", year_from=2024, year_to=2028
    )
    goal = records.create(store, Goal, plan.id, title="Cel")
    objective = records.create(store, Objective, goal.id, title="Cel op.")
    for n in range(4):
        records.create(store, Action, objective.id, title=f"Działanie {n}")
    records.create(
        store, MonitoringNote, second.id, noted_on=date(2025, 1, 1), kind="risk", text="Uwaga"
    )
    records.create(
        store,
        AdvisoryVisit,
        second.id,
        visit_date=date(2025, 5, 6),
        advisor="Doradca",
        place="Urząd",
    )
    alfa, beta = summaries(store)
    assert alfa.municipality.id == first.id
    assert (alfa.team_count, alfa.school_count, alfa.action_count, alfa.note_count) == (3, 1, 4, 0)
    assert [(p.title, p.detail) for p in alfa.plans] == [("Plan", "2024–2028")]
    assert (alfa.schedules, alfa.visits) == ((), ())
    assert (beta.team_count, beta.school_count, beta.action_count, beta.note_count) == (0, 0, 0, 1)
    assert [(v.title, v.detail) for v in beta.visits] == [("Urząd", "2025-05-06")]
    records.delete(store, Goal, goal.id)
    assert summaries(store)[0].action_count == 0
    records.delete(store, Municipality, second.id)
    assert [s.municipality.name for s in summaries(store)] == ["Alfa"]
