"""Changing any record of a network with the same checks as adding it.

One entry point, :func:`update`, so the window's undoable edits need not know
which service owns which record: a network keeps its meetings inside its period,
a meeting stays within the period and hosted by a member, a session falls within
the period, and anyone a record names is a member of its network.
"""

from __future__ import annotations

from typing import Any

from app.changes import ChangeKind
from app.model import (
    Network,
    NetworkMeeting,
    NetworkMember,
    NetworkRecord,
    Record,
    TrainingSession,
)
from app.services import networks, validation
from app.services.networks import check_members, clean, load, writing
from app.storage.store import Store


def update(store: Store, cls: type[Record], record_id: str, **values: Any) -> Record:
    """Apply ``values`` to a network record after the checks its kind calls for."""
    if cls is Network:
        return networks.update_network(store, record_id, **values)
    if cls is NetworkMember:
        return networks.update_member(store, record_id, **values)
    if cls is NetworkMeeting:
        return networks.update_meeting(store, record_id, **values)
    cleaned = clean(cls, values)
    with writing(store, cls.__tablename__, ChangeKind.UPDATED) as (session, touched):
        record = load(session, cls, record_id)
        assert isinstance(record, NetworkRecord)
        for name, value in cleaned.items():
            setattr(record, name, value)
        validation.check_rules(record)
        check_members(session, record)
        if isinstance(record, TrainingSession):
            network = load(session, Network, record.network_id)
            networks.check_in_period(network, record.held_on, record.held_on, "held_on")
        touched.append(record)
    return record


def values_of(record: Record, names: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """The stored values of ``names`` (what an undo puts back)."""
    return {name: getattr(record, name) for name in names}
