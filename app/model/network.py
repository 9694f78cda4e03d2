"""Networks of municipalities (Grupy Wymiany Doświadczeń): members, meetings, trainings,
good practices — and people (advisors, experts, trainers) who work with several JSTs.

A network is not owned by one municipality: it is the root of its own records
(``network_id`` on each, like ``municipality_id`` elsewhere) and travels in its
own exchange file. A member points at a JST of this store by its id when the
JST is here, and always carries the little the network needs (name, kind,
TERYT, population, schools), so a laptop without that JST still shows it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    select,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from app import enums
from app.enums import LabelledEnum, MunicipalityKind, RecommendationStatus
from app.i18n import N_
from app.model.base import OwnedRecord, Record
from app.model.types import JsonList, enum_type, json_list


class NetworkKind(LabelledEnum):
    EXCHANGE_GROUP = "exchange_group"  # Grupa Wymiany Doświadczeń
    THEMATIC = "thematic"
    TRAINING = "training"


class ProgrammeItemKind(LabelledEnum):
    PRESENTATION = "presentation"
    GROUP_WORK = "group_work"
    STUDY_VISIT = "study_visit"
    LECTURE = "lecture"
    DISCUSSION = "discussion"


class PersonRole(LabelledEnum):
    ADVISOR = "advisor"
    EXPERT = "expert"  # ekspert-opiekun
    TRAINER = "trainer"


NETWORK_LABELS: dict[str, dict[str, str]] = {
    "NetworkKind": {
        "exchange_group": N_("grupa wymiany doświadczeń"),
        "thematic": N_("sieć tematyczna"),
        "training": N_("grupa szkoleniowa"),
    },
    "ProgrammeItemKind": {
        "presentation": N_("prezentacja członka sieci"),
        "group_work": N_("praca w grupach"),
        "study_visit": N_("wizyta studyjna"),
        "lecture": N_("wykład"),
        "discussion": N_("dyskusja"),
    },
    "PersonRole": {
        "advisor": N_("doradca"),
        "expert": N_("ekspert-opiekun"),
        "trainer": N_("trener"),
    },
}
enums._LABELS.update(NETWORK_LABELS)


class Network(Record):
    """A network of JSTs: a GWD, a thematic network or a training group."""

    __tablename__ = "network"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[NetworkKind] = mapped_column(enum_type(NetworkKind))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    coordinator: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)

    members: Mapped[list[NetworkMember]] = relationship(order_by="NetworkMember.position")


class NetworkRecord(Record):
    """A record that belongs to one network (members, meetings, trainings, practices)."""

    __abstract__ = True

    @declared_attr
    def network_id(cls) -> Mapped[str]:
        return mapped_column(String(36), ForeignKey("network.id", ondelete="CASCADE"), index=True)


class NetworkMember(NetworkRecord):
    """A JST in a network; ``municipality_id`` names it when its data is on this laptop."""

    __tablename__ = "network_member"

    municipality_id: Mapped[str | None] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[MunicipalityKind] = mapped_column(enum_type(MunicipalityKind))
    teryt: Mapped[str | None] = mapped_column(String(7))
    population: Mapped[int | None] = mapped_column(Integer)
    schools_count: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)


class GoodPractice(NetworkRecord):
    """Dobra praktyka: what a JST or its school did well, for the others to learn from."""

    __tablename__ = "good_practice"

    member_id: Mapped[str | None] = mapped_column(
        ForeignKey("network_member.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    schools: Mapped[str | None] = mapped_column(Text)
    area_code: Mapped[int | None] = mapped_column(Integer)
    competences: Mapped[JsonList] = mapped_column(json_list(), default=list)
    description: Mapped[str | None] = mapped_column(Text)
    results: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(300))
    links: Mapped[str | None] = mapped_column(Text)


class NetworkMeeting(NetworkRecord):
    """Spotkanie sieci: one or two days, hosted by a member, with a leading topic."""

    __tablename__ = "network_meeting"

    number: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date)
    host_member_id: Mapped[str | None] = mapped_column(
        ForeignKey("network_member.id", ondelete="SET NULL")
    )
    place: Mapped[str | None] = mapped_column(String(300))
    topic: Mapped[str] = mapped_column(String(500))
    materials: Mapped[str | None] = mapped_column(Text)
    conclusions: Mapped[str | None] = mapped_column(Text)


class MeetingItem(NetworkRecord):
    """One point of a meeting's programme, with who presented it."""

    __tablename__ = "meeting_item"

    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("network_meeting.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ProgrammeItemKind] = mapped_column(enum_type(ProgrammeItemKind))
    title: Mapped[str] = mapped_column(String(500))
    presenter: Mapped[str | None] = mapped_column(String(200))
    member_id: Mapped[str | None] = mapped_column(
        ForeignKey("network_member.id", ondelete="SET NULL")
    )
    practice_id: Mapped[str | None] = mapped_column(
        ForeignKey("good_practice.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class MeetingStep(NetworkRecord):
    """An agreed next step, tracked to closure; owned by a member JST or the coordinator."""

    __tablename__ = "meeting_step"

    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("network_meeting.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    member_id: Mapped[str | None] = mapped_column(
        ForeignKey("network_member.id", ondelete="SET NULL")
    )
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[RecommendationStatus] = mapped_column(
        enum_type(RecommendationStatus), default=RecommendationStatus.OPEN
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class TrainingModule(NetworkRecord):
    """A module of a training programme for JST teams."""

    __tablename__ = "training_module"

    title: Mapped[str] = mapped_column(String(500))
    hours: Mapped[float | None] = mapped_column(Float)
    form: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)


class TrainingSession(NetworkRecord):
    """A session of a training module: when, where, and how it went."""

    __tablename__ = "training_session"

    module_id: Mapped[str] = mapped_column(
        ForeignKey("training_module.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(300))
    evaluation: Mapped[str | None] = mapped_column(Text)


class Participant(NetworkRecord):
    """A person at a meeting or a training session, for a member JST."""

    __tablename__ = "network_participant"

    meeting_id: Mapped[str | None] = mapped_column(
        ForeignKey("network_meeting.id", ondelete="CASCADE"), index=True
    )
    session_id: Mapped[str | None] = mapped_column(
        ForeignKey("training_session.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[str] = mapped_column(
        ForeignKey("network_member.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    present: Mapped[bool] = mapped_column(Boolean, default=True)


# -- people across JSTs ----------------------------------------------------------


class Person(Record):
    """An advisor, expert or trainer: one record, linked to every JST they support."""

    __tablename__ = "person"

    name: Mapped[str] = mapped_column(String(200))
    institution: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(50))
    notes: Mapped[str | None] = mapped_column(Text)

    links: Mapped[list[PersonLink]] = relationship(back_populates="person")


class PersonLink(OwnedRecord):
    """A person working with a JST in a role, with the cycle of on-site visits planned."""

    __tablename__ = "person_link"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role: Mapped[PersonRole] = mapped_column(enum_type(PersonRole))
    cycle_start: Mapped[date | None] = mapped_column(Date)
    cycle_end: Mapped[date | None] = mapped_column(Date)
    planned_visits: Mapped[int] = mapped_column(Integer, default=3)
    team_member_id: Mapped[str | None] = mapped_column(String(36))

    person: Mapped[Person] = relationship(back_populates="links")


class Consultation(OwnedRecord):
    """A remote consultation with a JST, logged alongside the on-site visits."""

    __tablename__ = "consultation"

    held_on: Mapped[date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(100))
    topic: Mapped[str] = mapped_column(String(500))
    outcome: Mapped[str | None] = mapped_column(Text)
    person_id: Mapped[str | None] = mapped_column(String(36))
    advisor: Mapped[str | None] = mapped_column(String(200))


class PracticeLink(OwnedRecord):
    """A good practice named from a note, a goal, an objective or an action of a JST.

    It belongs to the JST (it travels in the JST's exchange file); the practice is a
    network's record, named by id only, so a laptop without that network keeps the link.
    """

    __tablename__ = "practice_link"

    practice_id: Mapped[str] = mapped_column(String(36), index=True)
    link_type: Mapped[str] = mapped_column(String(40))
    link_id: Mapped[str] = mapped_column(String(36), index=True)


NETWORK_CLASSES: tuple[type[Record], ...] = (
    Network,
    NetworkMember,
    GoodPractice,
    NetworkMeeting,
    MeetingItem,
    MeetingStep,
    TrainingModule,
    TrainingSession,
    Participant,
)


# Records shared by every JST: a person travels with each JST linked to them, and an
# import recognises them whichever JST brought them first.
SHARED_TABLES = frozenset({"person"})


def scope_key(cls: type[Record]) -> str:
    """The column that names the record's exchange scope: its municipality or its network
    (``id`` for the municipality and the network themselves, ``""`` for shared records)."""
    if cls.__tablename__ in SHARED_TABLES:
        return ""
    if cls.__tablename__ in ("municipality", "network"):
        return "id"
    if issubclass(cls, NetworkRecord):
        return "network_id"
    return "municipality_id"


def in_scope(cls: type[Record], owner_id: str) -> ColumnElement[bool]:
    """The records of ``cls`` an exchange file of ``owner_id`` carries."""
    if cls is Person:
        linked = select(PersonLink.person_id).where(PersonLink.municipality_id == owner_id)
        return Person.id.in_(linked.execution_options(include_deleted=True).scalar_subquery())
    column: ColumnElement[bool] = getattr(cls, scope_key(cls)) == owner_id
    return column
