"""Advisory visits (wizyty doradcze) and the recommendations given at them.

A recommendation is tracked until it is done or dropped. Rules (tested at
their boundaries):

* *open* means ``open`` or ``in_progress`` — not yet done and not dropped;
* *overdue* means open with a due date before today: on its due date it is not
  overdue yet, the day after it is; without a due date it is never overdue;
* a due date may not be earlier than the date of the visit that gave it.

The agenda is plain text, one point per line. A point that was dealt with at
the meeting starts with :data:`DONE_MARK` (the model has no field of its own
for it), so the mark travels with the agenda in exchange files and printouts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import _
from app.model import (
    AdvisoryVisit,
    Municipality,
    Recommendation,
    RecommendationStatus,
    TeamMember,
)
from app.services import records, validation
from app.storage.store import Store
from app.textnorm import fold

OPEN_STATUSES = frozenset({RecommendationStatus.OPEN, RecommendationStatus.IN_PROGRESS})
FINISHED_STATUSES = frozenset({RecommendationStatus.DONE, RecommendationStatus.DROPPED})
DONE_MARK = "✓ "
# The separator between a name and a role in a participant line ("Anna Nowak – skarbnik").
ROLE_SEPARATOR = " – "
_DONE_PREFIX = re.compile(r"^\s*(✓|\[x\])\s*", re.IGNORECASE)


# -- rules -------------------------------------------------------------------------------


def is_open(status: RecommendationStatus | str | None) -> bool:
    """Not yet done and not dropped (a new, unsaved recommendation is open)."""
    return RecommendationStatus(status or RecommendationStatus.OPEN) in OPEN_STATUSES


def is_overdue(recommendation: Recommendation, today: date) -> bool:
    return overdue(recommendation.status, recommendation.due_date, today)


def overdue(status: RecommendationStatus | str | None, due_date: date | None, today: date) -> bool:
    """The overdue rule on plain values (for rows read without ORM objects)."""
    return due_date is not None and due_date < today and is_open(status)


# -- visits ------------------------------------------------------------------------------


def visits_of(store: Store, municipality_id: str) -> list[AdvisoryVisit]:
    """The municipality's visits, oldest first (by date, then number, then entry)."""
    with store.session() as session:
        return list(session.scalars(_visits_query(municipality_id)).all())


def _visits_query(municipality_id: str) -> Any:
    return (
        select(AdvisoryVisit)
        .where(AdvisoryVisit.municipality_id == municipality_id)
        .order_by(AdvisoryVisit.visit_date, AdvisoryVisit.number, AdvisoryVisit.created_at)
    )


def new_visit_values(store: Store, municipality_id: str, today: date) -> dict[str, Any]:
    """Sensible values for a visit being added now: today, the next number, the advisor.

    No advisor known: the field stays empty (the role "Doradca" is no name to print).
    """
    visits = visits_of(store, municipality_id)
    numbers = [v.number for v in visits if v.number is not None]
    values: dict[str, Any] = {
        "visit_date": today,
        "number": min(max(numbers, default=0) + 1, 99),
        "advisor": default_advisor(store, municipality_id, visits),
    }
    if visits:
        values["place"] = visits[-1].place
    if open_recommendations(store, municipality_id):
        values["agenda"] = _("1. Przegląd realizacji zaleceń z poprzednich wizyt.")
    return values


def default_advisor(
    store: Store, municipality_id: str, visits: Sequence[AdvisoryVisit] | None = None
) -> str | None:
    """The advisor of the latest visit, or the team's advisor, or None."""
    visits = visits_of(store, municipality_id) if visits is None else visits
    if visits:
        return visits[-1].advisor
    advisors = [m for m in team(store, municipality_id) if m.is_advisor]
    return advisors[0].name if advisors else None


def create_visit(store: Store, municipality_id: str, **values: Any) -> AdvisoryVisit:
    """Add a visit to a municipality; its number must not repeat another visit's."""
    cleaned = validation.clean_fields(AdvisoryVisit, values)
    with store.session() as session:
        records.load(session, Municipality, municipality_id)
        _check_number(session, municipality_id, None, cleaned.get("number"))
    return records.create(store, AdvisoryVisit, municipality_id, **values)


def update_visit(store: Store, visit_id: str, **values: Any) -> AdvisoryVisit:
    cleaned = validation.clean_fields(AdvisoryVisit, values)
    if "number" in cleaned:
        with store.session() as session:
            visit = records.load(session, AdvisoryVisit, visit_id)
            _check_number(session, visit.municipality_id, visit_id, cleaned["number"])
    return records.update(store, AdvisoryVisit, visit_id, **values)


def _check_number(
    session: Session, municipality_id: str, visit_id: str | None, number: int | None
) -> None:
    if number is None:
        return
    query = select(AdvisoryVisit.id).where(
        AdvisoryVisit.municipality_id == municipality_id, AdvisoryVisit.number == number
    )
    if visit_id is not None:
        query = query.where(AdvisoryVisit.id != visit_id)
    if session.scalar(query.limit(1)) is not None:
        raise UserError(
            _("Wizyta nr {number} już istnieje w tej JST. Podaj inny numer.").format(number=number),
            field="number",
        )


# -- participants ------------------------------------------------------------------------


def team(store: Store, municipality_id: str) -> list[TeamMember]:
    return records.children(store, TeamMember, municipality_id=municipality_id)


def participant_line(member: TeamMember) -> str:
    """``Anna Nowak – skarbnik gminy``: how a team member is listed among participants."""
    role = (member.role or "").strip()
    return f"{member.name}{ROLE_SEPARATOR}{role}" if role else member.name


def add_participants(participants: str | None, lines: Iterable[str]) -> str:
    """``participants`` with each of ``lines`` added on a line of its own, unless present.

    A person is present when a line already starts with their name (ignoring
    case and Polish letters), so "Anna Nowak" is not added twice when she was
    typed with another role description.
    """
    current = [line for line in (participants or "").splitlines() if line.strip()]
    known = {fold(person_of(line)) for line in current}
    for line in lines:
        person = fold(person_of(line))
        if line.strip() and person not in known:
            current.append(line.strip())
            known.add(person)
    return "\n".join(current)


def person_of(line: str) -> str:
    """The person's name at the start of a participants' line (before a dash or comma)."""
    return re.split(r"\s+[–—-]\s+|,", line.strip(), maxsplit=1)[0].strip()


# -- agenda ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaPoint:
    line: int  # the line of the agenda text it stands on
    text: str  # without the done mark
    done: bool


def agenda_points(agenda: str | None) -> list[AgendaPoint]:
    """The points of an agenda: one per non-blank line, done when marked."""
    points = []
    for number, line in enumerate((agenda or "").splitlines()):
        if not line.strip():
            continue
        mark = _DONE_PREFIX.match(line)
        text = line[mark.end() :] if mark else line.strip()
        points.append(AgendaPoint(number, text.strip(), mark is not None))
    return points


def mark_point(agenda: str | None, line: int, done: bool) -> str:
    """The agenda with the point on ``line`` marked done (or not); other lines unchanged."""
    lines = (agenda or "").splitlines()
    if not 0 <= line < len(lines) or not lines[line].strip():
        raise UserError(_("Tego punktu programu już nie ma (program został zmieniony)."))
    mark = _DONE_PREFIX.match(lines[line])
    text = lines[line][mark.end() :] if mark else lines[line].strip()
    lines[line] = f"{DONE_MARK}{text.strip()}" if done else text.strip()
    return "\n".join(lines)


def add_point(agenda: str | None, text: str) -> str:
    point = " ".join(text.split())
    if not point:
        raise UserError(_("Wpisz treść punktu programu."))
    current = (agenda or "").rstrip("\n")
    return f"{current}\n{point}" if current.strip() else point


# -- recommendations ---------------------------------------------------------------------


def recommendations_of(store: Store, visit_id: str) -> list[Recommendation]:
    with store.session() as session:
        records.load(session, AdvisoryVisit, visit_id)
        query = (
            select(Recommendation)
            .where(Recommendation.visit_id == visit_id)
            .order_by(Recommendation.position, Recommendation.created_at)
        )
        return list(session.scalars(query).all())


def add_recommendation(store: Store, visit_id: str, **values: Any) -> Recommendation:
    """Add a recommendation (text, owner, due date, status, link) to a live visit."""
    cleaned = validation.clean_fields(Recommendation, values)
    _check_due_date(records.get(store, AdvisoryVisit, visit_id), cleaned.get("due_date"))
    return records.create(store, Recommendation, visit_id, **values)


def update_recommendation(store: Store, recommendation_id: str, **values: Any) -> Recommendation:
    cleaned = validation.clean_fields(Recommendation, values)
    if cleaned.get("due_date") is not None:
        recommendation = records.get(store, Recommendation, recommendation_id)
        _check_due_date(
            records.get(store, AdvisoryVisit, recommendation.visit_id), cleaned["due_date"]
        )
    return records.update(store, Recommendation, recommendation_id, **values)


def set_status(
    store: Store,
    recommendation_id: str,
    status: RecommendationStatus | str,
    status_note: str | None = None,
) -> Recommendation:
    """Change a recommendation's status, with an optional comment (kept when not given)."""
    values: dict[str, Any] = {"status": status}
    if status_note is not None:
        values["status_note"] = status_note
    return records.update(store, Recommendation, recommendation_id, **values)


def _check_due_date(visit: AdvisoryVisit, due_date: date | None) -> None:
    if due_date is not None and due_date < visit.visit_date:
        raise UserError(
            _("Termin zalecenia nie może być wcześniejszy niż data wizyty ({date}).").format(
                date=visit.visit_date.strftime("%d.%m.%Y")
            ),
            field="due_date",
        )


@dataclass(frozen=True)
class ReviewItem:
    """An open recommendation of an earlier visit, with the visit it came from."""

    recommendation: Recommendation
    visit_date: date
    visit_number: int | None

    def overdue(self, today: date) -> bool:
        return is_overdue(self.recommendation, today)


def open_recommendations(
    store: Store, municipality_id: str, before_visit_id: str | None = None
) -> list[ReviewItem]:
    """Open recommendations, oldest visit first; with ``before_visit_id`` only those of
    the visits before it (earlier date; on the same day, entered earlier).
    """
    with store.session() as session:
        query = (
            select(Recommendation, AdvisoryVisit.visit_date, AdvisoryVisit.number)
            .join(AdvisoryVisit, Recommendation.visit_id == AdvisoryVisit.id)
            .where(
                Recommendation.municipality_id == municipality_id,
                Recommendation.status.in_([s.value for s in OPEN_STATUSES]),
            )
            .order_by(
                AdvisoryVisit.visit_date,
                AdvisoryVisit.created_at,
                Recommendation.position,
                Recommendation.created_at,
            )
        )
        if before_visit_id is not None:
            visit = records.load(session, AdvisoryVisit, before_visit_id)
            if visit.municipality_id != municipality_id:
                raise UserError(_("Ta wizyta należy do innej JST."))
            query = query.where(
                (AdvisoryVisit.visit_date < visit.visit_date)
                | (
                    (AdvisoryVisit.visit_date == visit.visit_date)
                    & (AdvisoryVisit.created_at < visit.created_at)
                )
            )
        rows = session.execute(query).all()
    return [ReviewItem(rec, visit_date, number) for rec, visit_date, number in rows]


@dataclass(frozen=True)
class RecommendationCounts:
    total: int = 0
    open: int = 0
    overdue: int = 0


def recommendation_counts(
    store: Store, municipality_id: str, today: date
) -> dict[str, RecommendationCounts]:
    """Per visit id: how many recommendations it has, how many open and overdue."""
    with store.session() as session:
        rows = session.execute(
            select(Recommendation.visit_id, Recommendation.status, Recommendation.due_date).where(
                Recommendation.municipality_id == municipality_id
            )
        ).all()
    totals: dict[str, list[int]] = {}
    for visit_id, status, due_date in rows:
        counts = totals.setdefault(visit_id, [0, 0, 0])
        counts[0] += 1
        counts[1] += is_open(status)
        counts[2] += overdue(status, due_date, today)
    return {key: RecommendationCounts(*value) for key, value in totals.items()}
