"""People across JSTs: an advisor, expert or trainer is one record linked to each JST they
support; the plan of on-site visits per JST, and remote consultations logged beside visits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from app.changes import ChangeKind
from app.i18n import _
from app.model import (
    AdvisoryVisit,
    Consultation,
    Municipality,
    Person,
    PersonLink,
    PersonRole,
)
from app.services import validation
from app.services.networks import build, clean, load, writing
from app.storage.store import Store


def add_person(store: Store, **values: Any) -> Person:
    with writing(store, "person", ChangeKind.CREATED) as (session, touched):
        person = build(Person, clean(Person, values))
        session.add(person)
        touched.append(person)
    return person


def people(store: Store) -> list[Person]:
    with store.session() as session:
        return list(session.scalars(select(Person).order_by(Person.name)))


def link_person(store: Store, person_id: str, municipality_id: str, **values: Any) -> PersonLink:
    """Link a person to a JST in a role (advisor, expert-opiekun, trainer)."""
    with writing(store, "person_link", ChangeKind.CREATED) as (session, touched):
        person = load(session, Person, person_id)
        municipality = load(session, Municipality, municipality_id)
        link = build(
            PersonLink,
            clean(PersonLink, {**values, "person_id": person.id}),
            municipality_id=municipality.id,
        )
        if link.cycle_start and link.cycle_end and link.cycle_end < link.cycle_start:
            raise validation.fail(
                _("Koniec cyklu nie może być wcześniejszy niż jego początek."), "cycle_end"
            )
        same = session.scalar(
            select(PersonLink.id).where(
                PersonLink.person_id == person.id,
                PersonLink.municipality_id == municipality.id,
                PersonLink.role == link.role,
            )
        )
        if same is not None:
            raise validation.fail(
                _("{person} ma już rolę „{role}” w JST „{jst}”.").format(
                    person=person.name, role=link.role.label, jst=municipality.name
                ),
                "role",
            )
        session.add(link)
        touched.append(link)
    return link


def links_of(store: Store, municipality_id: str) -> list[tuple[PersonLink, Person]]:
    with store.session() as session:
        rows = session.execute(
            select(PersonLink, Person)
            .join(Person, Person.id == PersonLink.person_id)
            .where(PersonLink.municipality_id == municipality_id)
            .order_by(Person.name)
        )
        return [(row[0], row[1]) for row in rows]


@dataclass(frozen=True)
class VisitPlanRow:
    """The on-site visits of one person in one JST in the cycle: planned, done, due."""

    municipality_id: str
    municipality_name: str
    person_name: str
    role: PersonRole
    planned: int
    done: int
    scheduled: int
    last_visit: date | None
    next_visit: date | None
    consultations: int

    @property
    def due(self) -> int:
        return max(0, self.planned - self.done - self.scheduled)


def visit_plan(store: Store, today: date | None = None) -> list[VisitPlanRow]:
    """Every live advisor or expert link with its visits in the cycle (all time without one)."""
    today = today or date.today()
    with store.session() as session:
        rows = session.execute(
            select(PersonLink, Person, Municipality)
            .join(Person, Person.id == PersonLink.person_id)
            .join(Municipality, Municipality.id == PersonLink.municipality_id)
            .where(PersonLink.role != PersonRole.TRAINER)
            .order_by(Municipality.name, Person.name)
        ).all()
        visits = session.execute(
            select(AdvisoryVisit.municipality_id, AdvisoryVisit.visit_date)
        ).all()
        talks = session.execute(select(Consultation.municipality_id, Consultation.held_on)).all()
    plan = []
    for link, person, municipality in rows:
        days = sorted(
            day for owner, day in visits if owner == municipality.id and _in_cycle(link, day)
        )
        done = [day for day in days if day <= today]
        coming = [day for day in days if day > today]
        plan.append(
            VisitPlanRow(
                municipality_id=municipality.id,
                municipality_name=municipality.name,
                person_name=person.name,
                role=link.role,
                planned=link.planned_visits,
                done=len(done),
                scheduled=len(coming),
                last_visit=done[-1] if done else None,
                next_visit=coming[0] if coming else None,
                consultations=sum(
                    1 for owner, day in talks if owner == municipality.id and _in_cycle(link, day)
                ),
            )
        )
    return plan


def _in_cycle(link: PersonLink, day: date) -> bool:
    return (link.cycle_start is None or day >= link.cycle_start) and (
        link.cycle_end is None or day <= link.cycle_end
    )


def add_consultation(store: Store, municipality_id: str, **values: Any) -> Consultation:
    with writing(store, "consultation", ChangeKind.CREATED) as (session, touched):
        municipality = load(session, Municipality, municipality_id)
        consultation = build(
            Consultation, clean(Consultation, values), municipality_id=municipality.id
        )
        if consultation.person_id is not None:
            person = load(session, Person, consultation.person_id)
            consultation.advisor = consultation.advisor or person.name
        session.add(consultation)
        touched.append(consultation)
    return consultation


def consultations(store: Store, municipality_id: str) -> list[Consultation]:
    with store.session() as session:
        query = select(Consultation).where(Consultation.municipality_id == municipality_id)
        return list(session.scalars(query.order_by(Consultation.held_on.desc())))
