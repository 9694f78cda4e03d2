"""The tables of the networks page as column specs, over the demo store, without a window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.demo_networks import network_id
from app.model import MeetingItem, MeetingStep, Participant
from app.services import municipalities, networks, people, trainings
from app.storage.store import Store
from ui.models.networks import (
    NetworkTableModel,
    item_columns,
    member_columns,
    module_columns,
    participant_columns,
    practice_columns,
    roman,
    session_columns,
    step_columns,
    upcoming_columns,
    visit_plan_columns,
)
from ui.models.roles import ID_ROLE, SORT_ROLE
from ui.models.table import RIGHT

DISPLAY = Qt.ItemDataRole.DisplayRole


def texts(model: NetworkTableModel[object], column: int) -> list[str]:
    return [model.index(row, column).data(DISPLAY) for row in range(model.rowCount())]


def test_members_say_which_jsts_have_their_data_here(demo_store: Store) -> None:
    model = NetworkTableModel(member_columns)
    members = networks.members(demo_store, network_id())
    here = {m.id: m.name for m in municipalities.all_municipalities(demo_store)}
    model.show(members, here)

    assert model.rowCount() == len(members) == 6
    assert texts(model, 0) == [m.name for m in members]
    assert texts(model, 4) == ["tak" if m.municipality_id in here else "" for m in members]
    assert texts(model, 4).count("tak") == 1  # only the demo JST's full data are here
    assert [model.index(r, 0).data(ID_ROLE) for r in range(6)] == [m.id for m in members]
    population = model.index(0, 2)
    assert population.data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert population.data(SORT_ROLE) == float(members[0].population or 0)


def test_sessions_count_who_was_present_and_sort_by_day(demo_store: Store) -> None:
    model = NetworkTableModel(session_columns)
    modules = trainings.modules(demo_store, network_id())
    sessions = trainings.sessions(demo_store, network_id())
    present = {
        s.id: sum(p.present for p in trainings.session_participants(demo_store, s.id))
        for s in sessions
    }
    model.show(sessions, {m.id: m.title for m in modules}, present)

    assert model.rowCount() == 3
    titles = {m.id: m.title for m in modules}
    assert texts(model, 1) == [titles[s.module_id] for s in sessions]
    assert texts(model, 3) == [str(present[s.id]) for s in sessions]
    assert any(present.values())  # the demo's sessions had people at them
    assert [model.index(r, 0).data(SORT_ROLE) for r in range(3)] == [
        s.held_on.isoformat() for s in sessions
    ]


def test_modules_and_practices_name_what_they_refer_to(demo_store: Store) -> None:
    modules = NetworkTableModel(module_columns)
    modules.show(trainings.modules(demo_store, network_id()))
    assert modules.rowCount() > 0
    assert modules.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT

    practices = NetworkTableModel(practice_columns)
    names = trainings.member_names(demo_store, network_id())
    found = trainings.practices(demo_store, network_id())
    practices.show(found, names)
    assert texts(practices, 1) == [names.get(p.member_id or "", "") for p in found]
    assert all(texts(practices, 1))  # each demo practice comes from a member


def test_a_meetings_lists(demo_store: Store) -> None:
    meeting = networks.meetings(demo_store, network_id())[0]
    names = {m.id: m.name for m in networks.members(demo_store, network_id())}

    items = NetworkTableModel(item_columns)
    found_items = networks.of_meeting(demo_store, MeetingItem, meeting.id)
    items.show(found_items, names)
    expected = [
        ", ".join(x for x in (i.presenter, names.get(i.member_id or "")) if x) for i in found_items
    ]
    assert texts(items, 2) == expected

    people_model = NetworkTableModel(participant_columns)
    found_people = networks.of_meeting(demo_store, Participant, meeting.id)
    people_model.show(found_people, names)
    assert texts(people_model, 2) == ["tak" if p.present else "nie" for p in found_people]

    steps = NetworkTableModel(step_columns)
    found_steps = networks.of_meeting(demo_store, MeetingStep, meeting.id)
    steps.show(found_steps, names)
    assert texts(steps, 1) == [names.get(s.member_id or "", "koordynator") for s in found_steps]


def test_the_portfolio_tables(demo_store: Store) -> None:
    plan = NetworkTableModel(visit_plan_columns)
    rows = people.visit_plan(demo_store)
    plan.show(rows)
    assert texts(plan, 1) == [r.person_name for r in rows]
    assert texts(plan, 6) == [str(r.due) for r in rows]

    upcoming = NetworkTableModel(upcoming_columns)
    meetings = networks.meetings(demo_store, network_id())
    upcoming.show(meetings, {network_id(): "Sieć"})
    first = meetings[0]
    assert upcoming.index(0, 0).data(DISPLAY).startswith(f"{roman(first.number)} · ")
    assert texts(upcoming, 1) == ["Sieć"] * len(meetings)


def test_roman_numbers() -> None:
    assert [roman(n) for n in (1, 4, 12, 13)] == ["I", "IV", "XII", "13"]


def test_the_same_rows_again_update_in_place() -> None:
    model = NetworkTableModel(participant_columns)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    person = Participant(id="p1", name="Anna", member_id="m1", present=True)
    model.show([person], {"m1": "Gmina A"})
    assert len(resets) == 1
    model.show([Participant(id="p1", name="Anna", member_id="m1", present=False)], {})
    assert len(resets) == 1  # same record: changed in place, the selection stays
    assert texts(model, 1) == [""] and texts(model, 2) == ["nie"]
    model.show([], {})
    assert model.rowCount() == 0 and len(resets) == 2
