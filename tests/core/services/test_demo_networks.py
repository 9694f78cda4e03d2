"""The demo network: six JSTs of different kinds, four meetings, a training with three
sessions, six good practices, and the demo JST's advisor as one person."""

from __future__ import annotations

from sqlalchemy import func, select

from app.demo import load_demo
from app.demo_networks import network_id
from app.model import Consultation, Network, Person, PersonLink
from app.reports.network_data import network_data
from app.services import networks, people, trainings
from app.storage.store import Store


def test_the_demo_network(demo_store: Store) -> None:
    members = networks.members(demo_store, network_id())
    assert len(members) == 6
    assert len({member.kind for member in members}) >= 5
    assert sum(member.municipality_id is not None for member in members) == 1
    meetings = networks.meetings(demo_store, network_id())
    assert [meeting.number for meeting in meetings] == [1, 2, 3, 4]
    assert len(trainings.modules(demo_store, network_id())) >= 1
    assert len(trainings.sessions(demo_store, network_id())) == 3
    assert len(trainings.practices(demo_store, network_id())) == 6
    data = network_data(demo_store, network_id())
    assert all(data.present(m.id, meetings[1].id) == 2 for m in members)
    assert {step.status.value for step in data.steps} >= {"open", "in_progress", "done"}


def test_the_demo_advisor_is_one_person_with_a_visit_plan(demo_store: Store) -> None:
    (person,) = people.people(demo_store)
    assert person.name == "dr Ewa Wróblewska"
    (row,) = people.visit_plan(demo_store)
    assert (row.planned, row.done + row.scheduled) == (3, 3)
    assert row.due == 0 and row.consultations == 2


def test_loading_the_demo_twice_adds_nothing(demo_store: Store) -> None:
    def counts() -> list[int]:
        with demo_store.session() as session:
            return [
                int(session.scalar(select(func.count()).select_from(cls)) or 0)
                for cls in (Network, Person, PersonLink, Consultation)
            ]

    before = counts()
    load_demo(demo_store)
    assert counts() == before == [1, 1, 1, 2]
