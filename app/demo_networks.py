"""The demo network: six JSTs of different kinds with four meetings, a training with three
sessions and six good practices — and the demo JST's advisor as one person record.

Its content lives in ``resources/demo/demo_network.json``. Called from
:func:`app.demo.load_demo` inside its unit of work; ids are derived from the
file's keys (and the demo copy), so loading twice finds the first copy.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import _
from app.model import (
    Consultation,
    GoodPractice,
    MeetingItem,
    MeetingStep,
    Network,
    NetworkMeeting,
    NetworkMember,
    Participant,
    Person,
    PersonLink,
    Record,
    TeamMember,
    TrainingModule,
    TrainingSession,
)
from app.services import records, validation
from app.services.fields import FIELDS

_NAMESPACE = uuid.UUID("0b5d3c61-8f0e-4d8c-a7b2-4e6f1b2c9d16")
DEMO_JST = "zielonki"  # the member that is the demo municipality itself


@cache
def demo_network_data() -> dict[str, Any]:
    path = resources.files("resources") / "demo" / "demo_network.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UserError(
            _("Nie można odczytać danych demonstracyjnych: {error}").format(error=error)
        ) from error
    if not isinstance(data, dict):
        raise UserError(_("Dane demonstracyjne mają niepoprawną postać."))
    return data


def _id(kind: str, key: str, copy: int = 0) -> str:
    prefix = f"{copy}:" if copy else ""  # copy 0 keeps the plain keys
    return str(uuid.uuid5(_NAMESPACE, f"{prefix}{kind}:{key}"))


def network_id(copy: int = 0) -> str:
    return _id("network", "gwd", copy)


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


class _Builder:
    """Adds the records of one demo copy, each validated the way a form would."""

    def __init__(self, session: Session, copy: int) -> None:
        self.session = session
        self.copy = copy
        self.network = {"network_id": network_id(copy)}

    def id(self, kind: str, key: str | None) -> str | None:
        return None if key is None else _id(kind, key, self.copy)

    def add(self, cls: type[Record], kind: str, key: str, /, **values: Any) -> Any:
        present = {name: value for name, value in values.items() if value is not None}
        fields = {name: value for name, value in present.items() if name in FIELDS[cls]}
        other = {name: value for name, value in present.items() if name not in FIELDS[cls]}
        record = cls(id=_id(kind, key, self.copy), **other, **validation.clean_fields(cls, fields))
        records.set_defaults(record)
        validation.check_rules(record)
        self.session.add(record)
        # Few of these records have relationships to tell the unit of work which goes first.
        self.session.flush()
        return record


def build(session: Session, municipality_id: str, copy: int = 0) -> None:
    """Add the demo network (unless already here) and the demo JST's advisor as a person."""
    data = demo_network_data()
    builder = _Builder(session, copy)
    _advisor(builder, municipality_id, data["advisor"])
    if session.get(Network, network_id(copy), execution_options={"include_deleted": True}):
        return
    network = dict(data["network"])
    network["name"] += f" {copy}" if copy else ""
    builder.add(
        Network, "network", "gwd",
        **{**network, "period_start": _day(network["period_start"]),
           "period_end": _day(network["period_end"])},
    )  # fmt: skip
    for position, member in enumerate(data["members"]):
        values = {k: v for k, v in member.items() if k != "key"}
        linked = municipality_id if member["key"] == DEMO_JST else None
        builder.add(
            NetworkMember, "member", member["key"],
            municipality_id=linked, position=position, **values, **builder.network,
        )  # fmt: skip
    for practice in data["practices"]:
        values = {k: v for k, v in practice.items() if k not in ("key", "member")}
        builder.add(
            GoodPractice, "practice", practice["key"],
            member_id=builder.id("member", practice["member"]),
            contact=data["people"][practice["member"]][0]["name"], **values, **builder.network,
        )  # fmt: skip
    for meeting in data["meetings"]:
        _meeting(builder, meeting, data["people"])
    _training(builder, data["training"], data["people"])


def _meeting(builder: _Builder, data: dict[str, Any], people: dict[str, Any]) -> None:
    key = data["key"]
    meeting_id = builder.id("meeting", key)
    builder.add(
        NetworkMeeting, "meeting", key,
        number=int(key[1:]), starts_on=_day(data["starts_on"]), ends_on=_day(data["ends_on"]),
        host_member_id=builder.id("member", data["host"]), place=data["place"],
        topic=data["topic"], materials=data["materials"], conclusions=data["conclusions"],
        **builder.network,
    )  # fmt: skip
    for position, item in enumerate(data["items"]):
        builder.add(
            MeetingItem, "item", f"{key}:{position}",
            meeting_id=meeting_id, kind=item["kind"], title=item["title"],
            presenter=item["presenter"], member_id=builder.id("member", item["member"]),
            practice_id=builder.id("practice", item.get("practice")), position=position,
            **builder.network,
        )  # fmt: skip
    for position, step in enumerate(data["steps"]):
        builder.add(
            MeetingStep, "step", f"{key}:{position}",
            meeting_id=meeting_id, text=step["text"],
            member_id=builder.id("member", step["member"]), due_date=_day(step["due_date"]),
            status=step["status"], position=position, **builder.network,
        )  # fmt: skip
    for member, persons in people.items():
        for person in persons:
            builder.add(
                Participant, "participant", f"{key}:{person['name']}",
                meeting_id=meeting_id, member_id=builder.id("member", member),
                name=person["name"], role=person["role"],
                present=member not in data["absent"], **builder.network,
            )  # fmt: skip


def _training(builder: _Builder, data: dict[str, Any], people: dict[str, Any]) -> None:
    for position, module in enumerate(data["modules"]):
        values = {k: v for k, v in module.items() if k != "key"}
        builder.add(
            TrainingModule, "module", module["key"], position=position, **values,
            **builder.network,
        )  # fmt: skip
    for session in data["sessions"]:
        key = session["key"]
        builder.add(
            TrainingSession, "session", key,
            module_id=builder.id("module", session["module"]),
            held_on=_day(session["held_on"]), place=session["place"],
            evaluation=session["evaluation"], **builder.network,
        )  # fmt: skip
        for member, persons in people.items():
            first = persons[0]  # one person of each JST comes to the training
            builder.add(
                Participant, "participant", f"{key}:{first['name']}",
                session_id=builder.id("session", key), member_id=builder.id("member", member),
                name=first["name"], role=first["role"],
                present=member not in session["absent"], **builder.network,
            )  # fmt: skip


def _advisor(builder: _Builder, municipality_id: str, data: dict[str, Any]) -> None:
    """The demo JST's advisor as one person linked to it, with remote consultations."""
    session = builder.session
    advisor = session.scalars(
        select(TeamMember).where(
            TeamMember.municipality_id == municipality_id, TeamMember.is_advisor.is_(True)
        )
    ).first()
    if advisor is None:
        return
    person_id = _id("person", advisor.name, builder.copy)
    if session.get(Person, person_id, execution_options={"include_deleted": True}) is None:
        builder.add(
            Person, "person", advisor.name,
            name=advisor.name, institution=advisor.institution, email=advisor.email,
            phone=advisor.phone,
        )  # fmt: skip
    key = f"{municipality_id}:advisor"
    link_id = _id("link", key, builder.copy)
    if session.get(PersonLink, link_id, execution_options={"include_deleted": True}):
        return
    builder.add(
        PersonLink, "link", key,
        person_id=person_id, municipality_id=municipality_id, role="advisor",
        cycle_start=_day(data["cycle_start"]), cycle_end=_day(data["cycle_end"]),
        planned_visits=data["planned_visits"], team_member_id=advisor.id,
    )  # fmt: skip
    for number, talk in enumerate(data["consultations"]):
        builder.add(
            Consultation, "consultation", f"{municipality_id}:{number}",
            municipality_id=municipality_id, held_on=_day(talk["held_on"]), form=talk["form"],
            topic=talk["topic"], outcome=talk["outcome"], person_id=person_id,
            advisor=advisor.name,
        )  # fmt: skip
