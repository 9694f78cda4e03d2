"""What the network documents show, read from the store in one go (no layout here)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from babel.dates import format_date
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import _
from app.model import (
    GoodPractice,
    MeetingItem,
    MeetingStep,
    Network,
    NetworkMeeting,
    NetworkMember,
    Participant,
    TrainingModule,
    TrainingSession,
)
from app.reports.dates import locale, long_date
from app.services.networks import load
from app.storage.store import Store


@dataclass(frozen=True)
class MeetingData:
    network: Network
    meeting: NetworkMeeting
    members: list[NetworkMember]
    items: list[MeetingItem]
    steps: list[MeetingStep]
    participants: list[Participant]

    def member_name(self, member_id: str | None) -> str:
        return next((m.name for m in self.members if m.id == member_id), "")

    @property
    def host(self) -> str:
        return self.member_name(self.meeting.host_member_id)

    def participants_of(self, member_id: str) -> list[Participant]:
        return [p for p in self.participants if p.member_id == member_id]


@dataclass(frozen=True)
class NetworkData:
    network: Network
    members: list[NetworkMember]
    meetings: list[NetworkMeeting]
    participants: list[Participant]
    steps: list[MeetingStep]
    modules: list[TrainingModule]
    sessions: list[TrainingSession]
    practices: list[GoodPractice]
    attendance: dict[tuple[str, str], int] = field(default_factory=dict)
    today: date = field(default_factory=date.today)

    @property
    def held(self) -> list[NetworkMeeting]:
        """The meetings that have taken place (a planned one has no attendance yet)."""
        return [m for m in self.meetings if m.starts_on <= self.today]

    def member_name(self, member_id: str | None) -> str:
        return next((m.name for m in self.members if m.id == member_id), "")

    def present(self, member_id: str, meeting_id: str) -> int:
        """How many people of a member JST were at a meeting."""
        return self.attendance.get((member_id, meeting_id), 0)


def meeting_data(store: Store, meeting_id: str) -> MeetingData:
    with store.session() as session:
        meeting = load(session, NetworkMeeting, meeting_id)
        network = load(session, Network, meeting.network_id)

        def of(cls: Any, order: Any) -> list[Any]:
            query = select(cls).where(cls.meeting_id == meeting.id)
            return list(session.scalars(query.order_by(order)))

        return MeetingData(
            network=network,
            meeting=meeting,
            members=_members(session, network.id),
            items=of(MeetingItem, MeetingItem.position),
            steps=of(MeetingStep, MeetingStep.position),
            participants=of(Participant, Participant.created_at),
        )


def network_data(store: Store, network_id: str) -> NetworkData:
    with store.session() as session:
        network = load(session, Network, network_id)

        def of(cls: Any, *order: Any) -> list[Any]:
            query = select(cls).where(cls.network_id == network.id)
            return list(session.scalars(query.order_by(*order)))

        participants = of(Participant, Participant.created_at)
        attendance = Counter(
            (p.member_id, p.meeting_id) for p in participants if p.present and p.meeting_id
        )
        return NetworkData(
            network=network,
            members=_members(session, network.id),
            meetings=of(NetworkMeeting, NetworkMeeting.starts_on, NetworkMeeting.number),
            participants=participants,
            steps=of(MeetingStep, MeetingStep.due_date, MeetingStep.position),
            modules=of(TrainingModule, TrainingModule.position),
            sessions=of(TrainingSession, TrainingSession.held_on),
            practices=of(GoodPractice, GoodPractice.title),
            attendance={(str(m), str(g)): n for (m, g), n in attendance.items()},
        )


def _members(session: Session, network_id: str) -> list[NetworkMember]:
    query = select(NetworkMember).where(NetworkMember.network_id == network_id)
    return list(session.scalars(query.order_by(NetworkMember.position, NetworkMember.name)))


def latest_meeting_id(store: Store, network_id: str) -> str:
    """The latest meeting of the network (the default of ``export meeting``)."""
    with store.session() as session:
        found = session.scalar(
            select(NetworkMeeting.id)
            .where(NetworkMeeting.network_id == network_id)
            .order_by(NetworkMeeting.starts_on.desc(), NetworkMeeting.number.desc())
            .limit(1)
        )
    if found is None:
        raise UserError(_("Ta sieć nie ma jeszcze żadnego spotkania."))
    return str(found)


def meeting_of(store: Store, network_id: str, meeting_id: str) -> str:
    """``meeting_id`` when it is a meeting of this network, else a UserError."""
    with store.session() as session:
        meeting = session.get(NetworkMeeting, meeting_id.strip())
        if meeting is None or meeting.deleted_at is not None or meeting.network_id != network_id:
            raise UserError(
                _("Ta sieć nie ma spotkania o identyfikatorze {id}.").format(id=meeting_id.strip())
            )
        return meeting.id


def meeting_days(first: date, last: date | None) -> str:
    """``15 września 2016``, or two days as ``15–16 września 2016``.

    The month is written out as in :func:`long_date` in both languages (Babel's
    English interval would shorten it to "Jan" beside a one-day "10 December").
    """
    if last is None or last == first:
        return long_date(first)
    if first.year != last.year:
        return f"{long_date(first)} – {long_date(last)}"
    if first.month != last.month:
        return f"{format_date(first, 'd MMMM', locale=locale())} – {long_date(last)}"
    return f"{first.day}–{long_date(last)}"
