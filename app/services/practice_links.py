"""Good practices linked from a JST's notes, goals, objectives and actions — and from meetings.

A link is a :class:`PracticeLink` of the JST (it travels in the JST's exchange
file). A meeting names a practice through a point of its programme
(``MeetingItem.practice_id``). Both sides show the link: the practice lists
where it is named (:func:`uses_of_practice`), a note or a plan element lists its
practices (:func:`practices_of`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from app.changes import ChangeKind
from app.i18n import _
from app.model import (
    Action,
    Goal,
    GoodPractice,
    MeetingItem,
    MonitoringNote,
    Municipality,
    NetworkMeeting,
    Objective,
    PracticeLink,
    Record,
)
from app.services import links, validation
from app.services.links import LinkTarget
from app.services.networks import build, clean, load, writing
from app.storage.store import Store

# What a practice may be linked from, by table name.
LINKED_FROM: dict[str, type[Record]] = {
    "monitoring_note": MonitoringNote,
    "goal": Goal,
    "objective": Objective,
    "action": Action,
}


@dataclass(frozen=True)
class PracticeUse:
    """One place a practice is named: ``Notatka: …`` or ``Spotkanie II: …``."""

    label: str
    link_id: str | None  # the practice link (None for a meeting's programme point)


def link_practice(
    store: Store, municipality_id: str, practice_id: str, link_type: str, link_id: str
) -> PracticeLink:
    """Link a good practice from a note or a plan element of the JST (not twice)."""
    values = clean(
        PracticeLink, {"practice_id": practice_id, "link_type": link_type, "link_id": link_id}
    )
    with writing(store, "practice_link", ChangeKind.CREATED) as (session, touched):
        municipality = load(session, Municipality, municipality_id)
        practice = session.get(GoodPractice, values["practice_id"])
        if practice is None or practice.deleted_at is not None:
            raise validation.fail(_("Nie ma takiej dobrej praktyki."), "practice_id")
        target_cls = LINKED_FROM.get(values["link_type"])
        target = session.get(target_cls, values["link_id"]) if target_cls else None
        if (
            target is None
            or target.deleted_at is not None
            or getattr(target, "municipality_id", None) != municipality.id
        ):
            raise validation.fail(
                _("Dobrą praktykę można powiązać z notatką, celem lub działaniem tej JST."),
                "link_id",
            )
        twice = session.scalar(
            select(PracticeLink.id).where(
                PracticeLink.practice_id == practice.id,
                PracticeLink.link_id == target.id,
            )
        )
        if twice is not None:
            raise validation.fail(
                _("Ta dobra praktyka jest już tu powiązana: „{title}”.").format(
                    title=practice.title
                ),
                "practice_id",
            )
        link = build(PracticeLink, values, municipality_id=municipality.id)
        session.add(link)
        touched.append(link)
    return link


def practices_of(store: Store, link_type: str, link_id: str) -> list[tuple[str, GoodPractice]]:
    """The live practices linked from one note or plan element: (link id, practice)."""
    with store.session() as session:
        rows = session.execute(
            select(PracticeLink.id, GoodPractice)
            .join(GoodPractice, GoodPractice.id == PracticeLink.practice_id)
            .where(PracticeLink.link_type == link_type, PracticeLink.link_id == link_id)
            .order_by(GoodPractice.title)
        ).all()
    return [(str(link_id_), practice) for link_id_, practice in rows]


def uses_of_practice(store: Store, practice_id: str) -> list[PracticeUse]:
    """Where a practice is named: meetings' programmes first, then notes and plans."""
    with store.session() as session:
        items = session.execute(
            select(NetworkMeeting.number, MeetingItem.title)
            .join(NetworkMeeting, NetworkMeeting.id == MeetingItem.meeting_id)
            .where(MeetingItem.practice_id == practice_id)
            .order_by(NetworkMeeting.starts_on, MeetingItem.position)
        ).all()
        found = session.scalars(
            select(PracticeLink).where(PracticeLink.practice_id == practice_id)
        ).all()
    uses = [
        PracticeUse(_("Spotkanie nr {number}: {title}").format(number=number, title=title), None)
        for number, title in items
    ]
    live = _live(store, found)
    found = [link for link in found if (link.link_type, link.link_id) in live]
    labels = links.describe(store, [(link.link_type, link.link_id) for link in found])
    uses += sorted(
        (PracticeUse(labels[(link.link_type, link.link_id)], link.id) for link in found),
        key=lambda use: use.label,
    )
    return uses


def _live(store: Store, found: Sequence[PracticeLink]) -> set[tuple[str, str]]:
    """The links whose note or plan element is still there (a deleted one hides its links)."""
    live: set[tuple[str, str]] = set()
    with store.session() as session:
        for link_type, cls in LINKED_FROM.items():
            ids = [link.link_id for link in found if link.link_type == link_type]
            if ids:
                rows = session.scalars(
                    select(cls.id).where(cls.id.in_(ids), cls.deleted_at.is_(None))
                )
                live |= {(link_type, str(row)) for row in rows}
    return live


def link_choices(store: Store, municipality_id: str) -> list[LinkTarget]:
    """The notes, goals, objectives and actions of a JST a practice may be linked from."""
    targets = [
        target
        for target in links.link_targets(store, municipality_id)
        if target.link_type in LINKED_FROM
    ]
    with store.session() as session:
        notes = session.scalars(
            select(MonitoringNote)
            .where(MonitoringNote.municipality_id == municipality_id)
            .order_by(MonitoringNote.noted_on.desc(), MonitoringNote.created_at)
        ).all()
    return targets + [
        LinkTarget("monitoring_note", note.id, links.label_of(note)) for note in notes
    ]
