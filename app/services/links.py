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

from sqlalchemy import String, literal, null, select, type_coerce, union_all

from app.i18n import N_, _
from app.model import (
    Action,
    AdvisoryVisit,
    DevelopmentSchedule,
    Goal,
    Indicator,
    Objective,
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


# The columns a label is made of, per kind of record (at most three; "" for none).
LABEL_COLUMNS: dict[str, tuple[str, str, str]] = {
    "strategic_plan": ("title", "", ""),
    "goal": ("code", "title", ""),
    "objective": ("code", "title", ""),
    "action": ("title", "", ""),
    "indicator": ("name", "", ""),
    "development_schedule": ("title", "", ""),
    "schedule_item": ("action", "", ""),
    "school": ("name", "", ""),
    "risk": ("title", "", ""),
    "advisory_visit": ("number", "visit_date", "place"),
    "recommendation": ("text", "", ""),
    "monitoring_note": ("noted_on", "title", "text"),
}


def title_of(record: Record) -> str:
    """The short title of a linkable record, on one line."""
    table = type(record).__tablename__
    names = LABEL_COLUMNS.get(table, ("title", "", ""))
    return _title(table, *(getattr(record, name, None) if name else None for name in names))


def _title(link_type: str, first: Any, second: Any, third: Any) -> str:
    """A title from the :data:`LABEL_COLUMNS` values (dates may come as ISO text)."""
    if link_type in ("goal", "objective"):
        text = f"{first}. {second}" if first else str(second or "")
    elif link_type == "advisory_visit":
        number = f"{first} " if first else ""
        place = f", {third}" if third else ""
        text = f"{number}({_day(second)}{place})"
    elif link_type == "monitoring_note":
        text = f"{_day(first)} {second or third or ''}"
    else:
        text = str(first or "")
    return shorten(text)


def label_of(record: Record) -> str:
    """``Działanie: Szkolenia nauczycieli`` — the kind of record and its title."""
    return f"{kind_label(type(record).__tablename__)}: {title_of(record)}"


def shorten(text: str, limit: int = LABEL_LIMIT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _day(value: date | str | None) -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return value.strftime("%d.%m.%Y") if value is not None else ""


def describe(
    store: Store, links: Iterable[Link | tuple[str | None, str | None]]
) -> dict[Link, str]:
    """The label of each link, in one query; a deleted or unknown one is named so."""
    wanted: dict[str, set[str]] = {}
    for link_type, link_id in links:
        if link_type and link_id:
            wanted.setdefault(link_type, set()).add(link_id)
    parts = [_label_query(t, ids) for t, ids in wanted.items() if t in LABEL_COLUMNS]
    found: dict[Link, str] = {}
    if parts:
        with store.session() as session:
            for row in session.execute(union_all(*parts)):
                found[(row[0], row[1])] = f"{kind_label(row[0])}: {_title(row[0], *row[2:])}"
    missing = _(MISSING)
    return {
        (t, i): found.get((t, i), f"{kind_label(t)}: ({missing})")
        for t, ids in wanted.items()
        for i in ids
    }


def _label_query(link_type: str, ids: set[str]) -> Any:
    """The label columns of live ``ids`` of one kind (plain columns: cheap to read)."""
    table = LINK_CLASSES[link_type].__table__
    values = [
        type_coerce(table.c[name], String) if name else null() for name in LABEL_COLUMNS[link_type]
    ]
    return select(literal(link_type, String), table.c.id, *values).where(
        table.c.id.in_(sorted(ids)), table.c.deleted_at.is_(None)
    )


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
