"""Use cases of networks of JSTs: the network, its members, meetings and what happens there.

Every change is checked before anything is written: a meeting outside the
network's period, a participant of a JST that is not a member, or a JST that
is already a member is a :class:`UserError` in Polish, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import _
from app.model import (
    GoodPractice,
    MeetingItem,
    MeetingStep,
    Municipality,
    Network,
    NetworkMeeting,
    NetworkMember,
    NetworkRecord,
    Participant,
    RecommendationStatus,
    Record,
    School,
)
from app.services import records, validation
from app.storage.store import Store
from app.textnorm import fold

R = TypeVar("R", bound=Record)
N = TypeVar("N", bound=NetworkRecord)

MAX_MEETING_DAYS = 2


# -- loading --------------------------------------------------------------------------


def load(session: Session, cls: type[R], record_id: Any) -> R:
    record = session.get(cls, record_id) if isinstance(record_id, str) else None
    if record is None or record.deleted_at is not None:
        raise UserError(_("Ten element już nie istnieje (mógł zostać usunięty)."))
    return record


def networks(store: Store) -> list[Network]:
    with store.session() as session:
        return list(session.scalars(select(Network).order_by(Network.period_start, Network.name)))


def get_network(store: Store, network_id: str) -> Network:
    with store.session() as session:
        return load(session, Network, network_id)


def find_network(store: Store, name_or_id: str) -> Network:
    """A network by its id, or by its name (ignoring case and diacritics) when unique."""
    wanted = name_or_id.strip()
    with store.session() as session:
        found = session.get(Network, wanted)
        if found is not None and found.deleted_at is None:
            return found
        named = [n for n in session.scalars(select(Network)) if fold(n.name) == fold(wanted)]
    if len(named) == 1:
        return named[0]
    if not named:
        raise UserError(_("Nie ma sieci „{name}”.").format(name=wanted))
    raise UserError(
        _("Jest kilka sieci o nazwie „{name}”; podaj identyfikator.").format(name=wanted)
    )


def members(store: Store, network_id: str) -> list[NetworkMember]:
    with store.session() as session:
        query = (
            select(NetworkMember)
            .where(NetworkMember.network_id == network_id)
            .order_by(NetworkMember.position, NetworkMember.name)
        )
        return list(session.scalars(query))


def meetings(store: Store, network_id: str) -> list[NetworkMeeting]:
    with store.session() as session:
        query = (
            select(NetworkMeeting)
            .where(NetworkMeeting.network_id == network_id)
            .order_by(NetworkMeeting.starts_on, NetworkMeeting.number)
        )
        return list(session.scalars(query))


def of_meeting(store: Store, cls: type[N], meeting_id: str) -> list[N]:
    """The items, steps or participants of a meeting, in their order."""
    with store.session() as session:
        query = select(cls).where(cls.meeting_id == meeting_id)  # type: ignore[attr-defined]
        order = getattr(cls, "position", None)
        query = query.order_by(order, cls.created_at) if order is not None else query
        return list(session.scalars(query.order_by(cls.created_at)))


# -- writing ---------------------------------------------------------------------------


@contextmanager
def writing(
    store: Store, record_type: str, kind: ChangeKind
) -> Iterator[tuple[Session, list[Record]]]:
    """A unit of work; the records put in the list are announced after the commit."""
    touched: list[Record] = []
    with store.session() as session:
        yield session, touched
    ids = tuple(record.id for record in touched)
    if ids:
        store.changes.publish(Change(kind, record_type, ids, None))


def clean(cls: type[R], values: dict[str, Any]) -> dict[str, Any]:
    return validation.clean_fields(cls, values)


def build(cls: type[R], cleaned: dict[str, Any], **fixed: Any) -> R:
    record = cls(**cleaned, **fixed)
    records.set_defaults(record)
    validation.check_rules(record)
    return record


def create_network(store: Store, **values: Any) -> Network:
    cleaned = clean(Network, values)
    network = build(Network, cleaned)
    _check_period(network.period_start, network.period_end)
    with writing(store, "network", ChangeKind.CREATED) as (session, touched):
        session.add(network)
        touched.append(network)
    return network


def update_network(store: Store, network_id: str, **values: Any) -> Network:
    cleaned = clean(Network, values)
    with writing(store, "network", ChangeKind.UPDATED) as (session, touched):
        network = load(session, Network, network_id)
        for name, value in cleaned.items():
            setattr(network, name, value)
        validation.check_rules(network)
        _check_period(network.period_start, network.period_end)
        for meeting in session.scalars(
            select(NetworkMeeting).where(NetworkMeeting.network_id == network_id)
        ):
            check_in_period(network, meeting.starts_on, meeting.ends_on or meeting.starts_on)
        touched.append(network)
    return network


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise validation.fail(
            _("Koniec okresu sieci nie może być wcześniejszy niż jego początek."), "period_end"
        )


def check_in_period(network: Network, first: date, last: date, field: str = "starts_on") -> None:
    if first < network.period_start or last > network.period_end:
        raise validation.fail(
            _(
                "Termin {day} wypada poza okresem działania sieci „{name}” ({start} – {end})."
            ).format(
                day=first.strftime("%d.%m.%Y"),
                name=network.name,
                start=network.period_start.strftime("%d.%m.%Y"),
                end=network.period_end.strftime("%d.%m.%Y"),
            ),
            field,
        )


# -- members ----------------------------------------------------------------------------


def add_member(
    store: Store, network_id: str, municipality_id: str | None = None, **values: Any
) -> NetworkMember:
    """Add a JST to the network: one of this store (its data filled in) or a light record."""
    with writing(store, "network_member", ChangeKind.CREATED) as (session, touched):
        network = load(session, Network, network_id)
        if municipality_id is not None:
            values = {**_from_municipality(session, municipality_id), **values}
        member = build(NetworkMember, clean(NetworkMember, values), network_id=network.id)
        member.municipality_id = municipality_id
        _check_not_member(session, member)
        member.position = _count(session, NetworkMember, network_id)
        session.add(member)
        touched.append(member)
    return member


def _from_municipality(session: Session, municipality_id: str) -> dict[str, Any]:
    municipality = load(session, Municipality, municipality_id)
    schools = session.scalar(
        select(func.count()).select_from(School).where(School.municipality_id == municipality_id)
    )
    return {
        "name": municipality.name,
        "kind": municipality.kind,
        "teryt": municipality.teryt,
        "population": municipality.population,
        "schools_count": schools or None,
    }


def _check_not_member(session: Session, member: NetworkMember) -> None:
    others = session.scalars(
        select(NetworkMember).where(
            NetworkMember.network_id == member.network_id, NetworkMember.id != member.id
        )
    )
    for other in others:
        same = (
            (member.municipality_id is not None and other.municipality_id == member.municipality_id)
            or (member.teryt is not None and other.teryt == member.teryt)
            or fold(other.name) == fold(member.name)
        )
        if same:
            raise validation.fail(
                _("JST „{name}” jest już członkiem tej sieci.").format(name=other.name), "name"
            )


def update_member(store: Store, member_id: str, **values: Any) -> NetworkMember:
    cleaned = clean(NetworkMember, values)
    with writing(store, "network_member", ChangeKind.UPDATED) as (session, touched):
        member = load(session, NetworkMember, member_id)
        for name, value in cleaned.items():
            setattr(member, name, value)
        validation.check_rules(member)
        _check_not_member(session, member)
        touched.append(member)
    return member


def _count(session: Session, cls: type[Record], network_id: str) -> int:
    column = cls.network_id  # type: ignore[attr-defined]
    found = session.scalar(select(func.count()).select_from(cls).where(column == network_id))
    return int(found or 0)


# -- meetings ---------------------------------------------------------------------------


def add_meeting(store: Store, network_id: str, **values: Any) -> NetworkMeeting:
    with writing(store, "network_meeting", ChangeKind.CREATED) as (session, touched):
        network = load(session, Network, network_id)
        if values.get("number") in (None, ""):
            values = {**values, "number": _next_number(session, network_id)}
        meeting = build(NetworkMeeting, clean(NetworkMeeting, values), network_id=network.id)
        _check_meeting(session, network, meeting)
        session.add(meeting)
        touched.append(meeting)
    return meeting


def update_meeting(store: Store, meeting_id: str, **values: Any) -> NetworkMeeting:
    cleaned = clean(NetworkMeeting, values)
    with writing(store, "network_meeting", ChangeKind.UPDATED) as (session, touched):
        meeting = load(session, NetworkMeeting, meeting_id)
        for name, value in cleaned.items():
            setattr(meeting, name, value)
        validation.check_rules(meeting)
        _check_meeting(session, load(session, Network, meeting.network_id), meeting)
        touched.append(meeting)
    return meeting


def _next_number(session: Session, network_id: str) -> int:
    highest = session.scalar(
        select(func.max(NetworkMeeting.number)).where(NetworkMeeting.network_id == network_id)
    )
    return int(highest or 0) + 1


def _check_meeting(session: Session, network: Network, meeting: NetworkMeeting) -> None:
    last = meeting.ends_on or meeting.starts_on
    if last < meeting.starts_on:
        raise validation.fail(
            _("Drugi dzień spotkania nie może być wcześniejszy niż pierwszy."), "ends_on"
        )
    if last - meeting.starts_on >= timedelta(days=MAX_MEETING_DAYS):
        raise validation.fail(_("Spotkanie trwa jeden albo dwa kolejne dni."), "ends_on")
    check_in_period(network, meeting.starts_on, last)
    if meeting.host_member_id is not None:
        _member_of(session, network.id, meeting.host_member_id, "host_member_id")
    clash = session.scalar(
        select(NetworkMeeting.id).where(
            NetworkMeeting.network_id == network.id,
            NetworkMeeting.number == meeting.number,
            NetworkMeeting.id != meeting.id,
        )
    )
    if clash is not None:
        raise validation.fail(
            _("W tej sieci jest już spotkanie numer {number}.").format(number=meeting.number),
            "number",
        )


def _member_of(session: Session, network_id: str, member_id: str, field: str) -> NetworkMember:
    member = session.get(NetworkMember, member_id)
    if member is None or member.deleted_at is not None or member.network_id != network_id:
        raise validation.fail(_("Ta JST nie jest członkiem sieci."), field)
    return member


def add_item(store: Store, meeting_id: str, **values: Any) -> MeetingItem:
    return _add_to_meeting(store, MeetingItem, meeting_id, values)


def add_step(store: Store, meeting_id: str, **values: Any) -> MeetingStep:
    return _add_to_meeting(store, MeetingStep, meeting_id, values)


def add_participant(store: Store, meeting_id: str, **values: Any) -> Participant:
    return _add_to_meeting(store, Participant, meeting_id, values)


def _add_to_meeting(store: Store, cls: type[N], meeting_id: str, values: dict[str, Any]) -> N:
    with writing(store, cls.__tablename__, ChangeKind.CREATED) as (session, touched):
        meeting = load(session, NetworkMeeting, meeting_id)
        record = build(cls, clean(cls, values), network_id=meeting.network_id)
        record.meeting_id = meeting.id  # type: ignore[attr-defined]
        check_members(session, record)
        if hasattr(record, "position"):
            column: Any = cls.meeting_id  # type: ignore[attr-defined]
            existing = session.scalar(
                select(func.count()).select_from(cls).where(column == meeting.id)
            )
            record.position = int(existing or 0)
        session.add(record)
        touched.append(record)
    return record


def check_members(session: Session, record: NetworkRecord) -> None:
    """Every JST a record names is a live member of the record's network."""
    for field in ("member_id", "host_member_id"):
        member_id = getattr(record, field, None)
        if member_id is None:
            continue
        if isinstance(record, Participant):
            member = session.get(NetworkMember, member_id)
            if (
                member is None
                or member.deleted_at is not None
                or (member.network_id != record.network_id)
            ):
                raise validation.fail(
                    _("Uczestnik musi reprezentować JST, która jest członkiem sieci."),
                    "member_id",
                )
        else:
            _member_of(session, record.network_id, member_id, field)
    practice_id = getattr(record, "practice_id", None)
    if practice_id is not None:
        practice = session.get(GoodPractice, practice_id)
        if (
            practice is None
            or practice.deleted_at is not None
            or (practice.network_id != record.network_id)
        ):
            raise validation.fail(_("Ta dobra praktyka nie należy do tej sieci."), "practice_id")


def set_step_status(store: Store, step_id: str, status: RecommendationStatus | str) -> None:
    cleaned = clean(MeetingStep, {"status": status})
    with writing(store, "meeting_step", ChangeKind.UPDATED) as (session, touched):
        step = load(session, MeetingStep, step_id)
        step.status = cleaned["status"]
        touched.append(step)


def set_present(store: Store, participant_id: str, present: bool) -> None:
    with writing(store, "network_participant", ChangeKind.UPDATED) as (session, touched):
        participant = load(session, Participant, participant_id)
        participant.present = bool(present)
        touched.append(participant)


# -- deleting ---------------------------------------------------------------------------


def delete(store: Store, cls: type[Record], record_id: str) -> records.Deletion:
    """Tombstone a network record (a network with all of it, a meeting with its programme);
    the returned deletion brings it all back (:func:`app.services.records.restore`)."""
    return records.delete(store, cls, record_id)
