"""Undo commands of networks without a window: push, undo, redo against a real store."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QUndoStack

from app.demo_networks import _id, network_id
from app.errors import UserError
from app.model import MeetingItem, Network, NetworkMeeting, NetworkMember, Participant
from app.services import networks
from app.storage.store import Store
from ui.commands import DeleteRecord, push
from ui.commands.networks import AddToNetwork, EditNetworkRecord


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


def _member_names(store: Store) -> list[str]:
    return [m.name for m in networks.members(store, network_id())]


def test_adding_a_member_undoes_and_redoes(demo_store: Store, stack: QUndoStack) -> None:
    def make() -> NetworkMember:
        return networks.add_member(demo_store, network_id(), name="Gmina Łąkowa", kind="rural")

    push(stack, AddToNetwork(demo_store, NetworkMember, make, "dodanie JST"))
    assert _member_names(demo_store)[-1] == "Gmina Łąkowa"
    stack.undo()
    assert "Gmina Łąkowa" not in _member_names(demo_store)
    stack.redo()
    assert _member_names(demo_store)[-1] == "Gmina Łąkowa"


def test_a_refused_addition_lands_on_no_stack(demo_store: Store, stack: QUndoStack) -> None:
    def make() -> NetworkMember:
        return networks.add_member(demo_store, network_id(), name="gmina piaski", kind="rural")

    with pytest.raises(UserError, match="jest już członkiem"):
        push(stack, AddToNetwork(demo_store, NetworkMember, make, "dodanie JST"))
    assert stack.count() == 0
    assert len(_member_names(demo_store)) == 6


def test_editing_a_meeting_undoes_through_the_same_checks(
    demo_store: Store, stack: QUndoStack
) -> None:
    meeting_id = _id("meeting", "m2")
    old = {"topic": _topic(demo_store)}
    command = EditNetworkRecord(
        demo_store, NetworkMeeting, meeting_id, old, {"topic": "Nowy temat"}, "zmiana"
    )
    push(stack, command)
    assert _topic(demo_store) == "Nowy temat"
    stack.undo()
    assert _topic(demo_store) == old["topic"]
    with pytest.raises(UserError, match="poza okresem"):
        push(
            stack,
            EditNetworkRecord(
                demo_store,
                NetworkMeeting,
                _id("meeting", "m4"),
                {"starts_on": date(2026, 12, 10)},
                {"starts_on": date(2030, 3, 1)},
                "zmiana",
            ),
        )
    assert stack.count() == 1


def _topic(store: Store) -> str:
    found = [m for m in networks.meetings(store, network_id()) if m.id == _id("meeting", "m2")]
    return found[0].topic


def test_deleting_a_meeting_brings_its_programme_back(demo_store: Store, stack: QUndoStack) -> None:
    meeting_id = _id("meeting", "m2")
    items = [i.title for i in networks.of_meeting(demo_store, MeetingItem, meeting_id)]
    people = len(networks.of_meeting(demo_store, Participant, meeting_id))
    assert items and people
    push(stack, DeleteRecord(demo_store, NetworkMeeting, meeting_id, "usunięcie"))
    assert len(networks.meetings(demo_store, network_id())) == 3
    assert networks.of_meeting(demo_store, MeetingItem, meeting_id) == []
    stack.undo()
    assert len(networks.meetings(demo_store, network_id())) == 4
    assert [i.title for i in networks.of_meeting(demo_store, MeetingItem, meeting_id)] == items
    assert len(networks.of_meeting(demo_store, Participant, meeting_id)) == people


def test_deleting_the_network_takes_everything_and_undo_returns_it(
    demo_store: Store, stack: QUndoStack
) -> None:
    push(stack, DeleteRecord(demo_store, Network, network_id(), "usunięcie sieci"))
    assert networks.networks(demo_store) == []
    assert networks.members(demo_store, network_id()) == []
    stack.undo()
    assert [n.id for n in networks.networks(demo_store)] == [network_id()]
    assert len(_member_names(demo_store)) == 6
    assert len(networks.meetings(demo_store, network_id())) == 4
