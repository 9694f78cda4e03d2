"""Demo: the demo JST names good practices of the demo network from its plan and its notes.

The first goal and the first action of the demo plan point at "Piknik Naukowy"
(Gmina Piaski), and the demo JST's good-practice notes at "Angażujemy rodziców
i uczniów…", so both sides of a link show real-looking work.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo_networks import _id
from app.model import Action, Goal, MonitoringNote, NoteKind, PracticeLink, Record


def build(session: Session, municipality_id: str, copy: int = 0) -> None:
    """Link demo practices from the demo JST's first goal, first action and practice notes."""
    piknik, parents = _id("practice", "piknik", copy), _id("practice", "rodzice", copy)
    wanted: list[tuple[str, Record | None]] = [
        (piknik, _first(session, Goal, municipality_id)),
        (piknik, _first(session, Action, municipality_id)),
    ]
    notes = session.scalars(
        select(MonitoringNote).where(
            MonitoringNote.municipality_id == municipality_id,
            MonitoringNote.kind == NoteKind.GOOD_PRACTICE,
        )
    ).all()
    wanted += [(parents, note) for note in notes[:2]]
    for number, (practice_id, target) in enumerate(wanted):
        if target is None:
            continue
        link_id = _id("practice_link", f"{municipality_id}:{number}", copy)
        if session.get(PracticeLink, link_id, execution_options={"include_deleted": True}):
            continue
        session.add(
            PracticeLink(
                id=link_id,
                municipality_id=municipality_id,
                practice_id=practice_id,
                link_type=type(target).__tablename__,
                link_id=target.id,
            )
        )
    session.flush()


def _first(session: Session, cls: type[Goal] | type[Action], municipality_id: str) -> Record | None:
    query = select(cls).where(cls.municipality_id == municipality_id)
    return session.scalars(query.order_by(cls.position, cls.created_at)).first()
