"""Trainings of a network (modules, sessions, who came) and its library of good practices."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from app.changes import ChangeKind
from app.model import (
    GoodPractice,
    Network,
    NetworkMember,
    Participant,
    TrainingModule,
    TrainingSession,
)
from app.services import networks
from app.services.networks import build, check_members, clean, load, writing
from app.storage.store import Store


def add_module(store: Store, network_id: str, **values: Any) -> TrainingModule:
    with writing(store, "training_module", ChangeKind.CREATED) as (session, touched):
        network = load(session, Network, network_id)
        module = build(TrainingModule, clean(TrainingModule, values), network_id=network.id)
        found = session.scalar(
            select(func.count())
            .select_from(TrainingModule)
            .where(TrainingModule.network_id == network.id)
        )
        module.position = int(found or 0)
        session.add(module)
        touched.append(module)
    return module


def add_session(store: Store, module_id: str, **values: Any) -> TrainingSession:
    """A session of a module, on a day within the network's period."""
    with writing(store, "training_session", ChangeKind.CREATED) as (session, touched):
        module = load(session, TrainingModule, module_id)
        network = load(session, Network, module.network_id)
        record = build(
            TrainingSession,
            clean(TrainingSession, {**values, "module_id": module.id}),
            network_id=network.id,
        )
        networks.check_in_period(network, record.held_on, record.held_on, "held_on")
        session.add(record)
        touched.append(record)
    return record


def add_session_participant(store: Store, session_id: str, **values: Any) -> Participant:
    with writing(store, "network_participant", ChangeKind.CREATED) as (session, touched):
        training = load(session, TrainingSession, session_id)
        record = build(Participant, clean(Participant, values), network_id=training.network_id)
        record.session_id = training.id
        check_members(session, record)
        session.add(record)
        touched.append(record)
    return record


def add_practice(store: Store, network_id: str, **values: Any) -> GoodPractice:
    with writing(store, "good_practice", ChangeKind.CREATED) as (session, touched):
        network = load(session, Network, network_id)
        practice = build(GoodPractice, clean(GoodPractice, values), network_id=network.id)
        check_members(session, practice)
        session.add(practice)
        touched.append(practice)
    return practice


def update_practice(store: Store, practice_id: str, **values: Any) -> GoodPractice:
    cleaned = clean(GoodPractice, values)
    with writing(store, "good_practice", ChangeKind.UPDATED) as (session, touched):
        practice = load(session, GoodPractice, practice_id)
        for name, value in cleaned.items():
            setattr(practice, name, value)
        check_members(session, practice)
        touched.append(practice)
    return practice


def modules(store: Store, network_id: str) -> list[TrainingModule]:
    with store.session() as session:
        query = select(TrainingModule).where(TrainingModule.network_id == network_id)
        return list(session.scalars(query.order_by(TrainingModule.position)))


def sessions(store: Store, network_id: str) -> list[TrainingSession]:
    with store.session() as session:
        query = select(TrainingSession).where(TrainingSession.network_id == network_id)
        return list(session.scalars(query.order_by(TrainingSession.held_on)))


def session_participants(store: Store, session_id: str) -> list[Participant]:
    with store.session() as session:
        query = select(Participant).where(Participant.session_id == session_id)
        return list(session.scalars(query.order_by(Participant.created_at)))


def practices(store: Store, network_id: str | None = None) -> list[GoodPractice]:
    """Good practices of a network (or of every network), by title."""
    with store.session() as session:
        query = select(GoodPractice)
        if network_id is not None:
            query = query.where(GoodPractice.network_id == network_id)
        return list(session.scalars(query.order_by(GoodPractice.title)))


def member_names(store: Store, network_id: str) -> dict[str, str]:
    with store.session() as session:
        rows = session.execute(
            select(NetworkMember.id, NetworkMember.name).where(
                NetworkMember.network_id == network_id
            )
        )
        return {str(row.id): str(row.name) for row in rows}
