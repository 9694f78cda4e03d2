"""What a note or recommendation can be linked to, and how a link is shown to people.

A link is a pair ``(link_type, link_id)``: the table name of a record of the same
municipality and its id (see :class:`app.model.monitoring.LinkMixin`). This
module lists the records a user may link to (:func:`link_targets`, in the order a
person would look for them) and names linked records in a few queries
(:func:`describe`). Validation of a link is :func:`app.services.validation.check_link`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from app.i18n import N_, _
from app.model import (
    Action,
    AdvisoryVisit,
    DevelopmentSchedule,
    Goal,
    Indicator,
    MonitoringNote,
    Objective,
    Recommendation,
    Record,
    Risk,
    ScheduleItem,
    School,
    StrategicPlan,
)
from app.services.fields import LINKABLE
from app.storage.store import Store

Link = tuple[str, str]  # (link_type, link_id)

LABEL_LIMIT = 120

# What each kind of record is called in front of its title ("Działanie: …").
KIND_LABELS: dict[str, str] = {
    "strategic_plan": N_("Plan"),
    "goal": N_("Cel strategiczny"),
    "objective": N_("Cel operacyjny"),
    "action": N_("Działanie"),
    "indicator": N_("Wskaźnik"),
    "development_schedule": N_("HDR"),
    "schedule_item": N_("Pozycja HDR"),
    "school": N_("Szkoła"),
    "risk": N_("Ryzyko"),
    "advisory_visit": N_("Wizyta doradcza"),
    "recommendation": N_("Zalecenie"),
    "monitoring_note": N_("Notatka"),
}
LINK_CLASSES: dict[str, type[Record]] = {cls.__tablename__: cls for cls in LINKABLE}
MISSING = N_("element usunięty")


@dataclass(frozen=True)
class LinkTarget:
    """One record a note may be linked to, with the words a list shows for it."""

    link_type: str
    link_id: str
    label: str  # "Działanie: Szkolenia nauczycieli matematyki"
    depth: int = 0  # for indenting the plan's tree in a list

    @property
    def link(self) -> Link:
        return (self.link_type, self.link_id)

    @property
    def key(self) -> str:
        """One string for a combo box's data: ``"action:<id>"``."""
        return f"{self.link_type}:{self.link_id}"


def parse_key(key: str | None) -> Link | None:
    """The link of a :attr:`LinkTarget.key` (``None`` or ``""``: no link)."""
    if not key:
        return None
    link_type, _sep, link_id = key.partition(":")
    return (link_type, link_id) if link_type and link_id else None


def kind_label(link_type: str) -> str:
    return _(KIND_LABELS.get(link_type, link_type))


def title_of(record: Record) -> str:
    """The short title of a linkable record, on one line."""
    if isinstance(record, Goal | Objective):
        text = f"{record.code}. {record.title}" if record.code else record.title
    elif isinstance(record, Indicator):
        text = record.name
    elif isinstance(record, ScheduleItem):
        text = record.action
    elif isinstance(record, School):
        text = record.name
    elif isinstance(record, Recommendation):
        text = record.text
    elif isinstance(record, AdvisoryVisit):
        text = _visit_title(record)
    elif isinstance(record, MonitoringNote):
        text = f"{_day(record.noted_on)} {record.title or record.text}"
    else:
        text = str(getattr(record, "title", "") or "")
    return shorten(text)


def label_of(record: Record) -> str:
    """``Działanie: Szkolenia nauczycieli`` — the kind of record and its title."""
    return f"{kind_label(type(record).__tablename__)}: {title_of(record)}"


def shorten(text: str, limit: int = LABEL_LIMIT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def _visit_title(visit: AdvisoryVisit) -> str:
    number = f"{visit.number} " if visit.number else ""
    place = f", {visit.place}" if visit.place else ""
    return f"{number}({_day(visit.visit_date)}{place})".strip()


def describe(
    store: Store, links: Iterable[Link | tuple[str | None, str | None]]
) -> dict[Link, str]:
    """The label of each link, one query per kind of record; a deleted one is named so."""
    wanted: dict[str, set[str]] = {}
    for link_type, link_id in links:
        if link_type and link_id:
            wanted.setdefault(link_type, set()).add(link_id)
    labels: dict[Link, str] = {}
    with store.session() as session:
        for link_type, ids in wanted.items():
            cls: Any = LINK_CLASSES.get(link_type)
            found = {}
            if cls is not None:
                found = {r.id: r for r in session.scalars(select(cls).where(cls.id.in_(ids)))}
            for link_id in ids:
                record = found.get(link_id)
                labels[(link_type, link_id)] = (
                    label_of(record)
                    if record is not None
                    else f"{kind_label(link_type)}: ({_(MISSING)})"
                )
    return labels


def link_targets(store: Store, municipality_id: str) -> list[LinkTarget]:
    """Everything of the municipality a note may be linked to, grouped as people look.

    Each plan with its goals, objectives and actions (indented) and indicators; each
    HDR with its items; the schools; the risks; the advisory visits.
    """
    with store.session() as session:

        def rows(cls: Any, *order: Any) -> Sequence[Any]:
            query = select(cls).where(cls.municipality_id == municipality_id)
            return session.scalars(query.order_by(*order, cls.created_at)).all()

        plans = rows(StrategicPlan, StrategicPlan.year_from.desc())
        goals = rows(Goal, Goal.position)
        objectives = rows(Objective, Objective.position)
        actions = rows(Action, Action.position)
        indicators = rows(Indicator, Indicator.position)
        schedules = rows(DevelopmentSchedule, DevelopmentSchedule.period_start.desc())
        items = rows(ScheduleItem, ScheduleItem.position)
        schools = rows(School, School.name)
        risks = rows(Risk, Risk.title)
        visits = rows(AdvisoryVisit, AdvisoryVisit.visit_date)
    targets: list[LinkTarget] = []
    for plan in plans:
        targets.append(_target(plan, 0))
        for goal in (g for g in goals if g.plan_id == plan.id):
            targets.append(_target(goal, 1))
            for objective in (o for o in objectives if o.goal_id == goal.id):
                targets.append(_target(objective, 2))
                targets.extend(_target(a, 3) for a in actions if a.objective_id == objective.id)
        targets.extend(_target(i, 1) for i in indicators if i.plan_id == plan.id)
    targets.extend(_target(i, 0) for i in indicators if i.plan_id is None)
    for schedule in schedules:
        targets.append(_target(schedule, 0))
        targets.extend(_target(i, 1) for i in items if i.schedule_id == schedule.id)
    for group in (schools, risks, visits):
        targets.extend(_target(record, 0) for record in group)
    return targets


def _target(record: Record, depth: int) -> LinkTarget:
    return LinkTarget(type(record).__tablename__, record.id, label_of(record), depth)
