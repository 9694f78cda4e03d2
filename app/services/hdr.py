"""HDR use cases: create, copy into a new period, items by priority, the advisory cycle.

Progress and the overdue rule live in :mod:`app.services.schedules`; this module
holds what the HDR editor needs around them. Months are dates on the first day
of the month (the store normalises them, see ``records._normalise``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalogs import area
from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import N_, _
from app.model import (
    CYCLE_STEPS,
    Action,
    ActionStatus,
    DevelopmentSchedule,
    Goal,
    Indicator,
    Objective,
    ScheduleItem,
    SchedulePriority,
    StrategicPlan,
)
from app.months import month_at as month_at  # the month helpers, re-exported for callers
from app.months import month_index as month_index
from app.months import months_between as months_between
from app.months import shift_month as shift_month
from app.services import records, validation
from app.services.fields import FIELDS
from app.storage.store import Store

# What each step of the advisory cycle asks of the team (shown beside its text).
STEP_HINTS: dict[str, str] = {
    "area_choice": N_(
        "Dlaczego ten obszar? Opiszcie, jak zespół JST wybrał obszar spośród 12 "
        "(np. wyniki samooceny) i kto zatwierdził wybór."
    ),
    "diagnosis": N_(
        "Diagnoza potrzeb w wybranym obszarze: jakie dane zebrano, od kogo, i jakie "
        "wnioski z nich płyną."
    ),
    "priorities": N_(
        "Priorytety rozwojowe wynikające z diagnozy. Każdy priorytet ma swoje pozycje "
        "w harmonogramie."
    ),
    "schedule": N_(
        "Jak powstał harmonogram działań rozwojowych: kto go przyjął i kiedy, co zmieniono "
        "po konsultacjach. Same pozycje wpisuje się na karcie „Harmonogram”."
    ),
    "implementation": N_(
        "Kierunki wdrażania: jak zespół realizuje harmonogram, co już zrobiono, co się "
        "opóźnia i jak wspiera to doradca."
    ),
    "tools": N_(
        "Narzędzia i rozwiązania zarządcze wybrane i wdrażane w JST (procedury, arkusze, "
        "zarządzenia, kalendarze)."
    ),
}

# Item fields that a copy takes over unchanged (months are shifted, status reset).
_ITEM_COPIED = (
    "goal",
    "action",
    "responsible",
    "resources_people",
    "resources_budget_cents",
    "resources_materials",
    "expected_effect",
    "success_indicator",
    "management_tool",
)
_SCHEDULE_COPIED = ("area_code", "custom_area", "participants", "advisors")
_ATTACH_FIELDS = ("goal_id", "objective_id", "action_id", "schedule_item_id")
# A period added to a title by an earlier copy: " (… 01.2025–06.2027)".
_PERIOD_SUFFIX = re.compile(r" \([^()]*\d{2}\.\d{4}–\d{2}\.\d{4}\)$")


# -- months -------------------------------------------------------------------------------


def month_text(day: date) -> str:
    """A month as ``MM.RRRR``, the same in every language."""
    return f"{day.month:02d}.{day.year}"


# -- the advisory cycle ---------------------------------------------------------------------


@dataclass(frozen=True)
class CycleStep:
    name: str
    number: int
    label: str
    hint: str
    text: str
    done: bool


def step_label(name: str) -> str:
    return _(FIELDS[DevelopmentSchedule][f"step_{name}"].label)


def cycle_steps(schedule: DevelopmentSchedule) -> list[CycleStep]:
    """The six steps of the advisory cycle with their texts and done flags, in order."""
    return [
        CycleStep(
            name,
            number,
            step_label(name),
            _(STEP_HINTS[name]),
            getattr(schedule, f"step_{name}") or "",
            bool(getattr(schedule, f"step_{name}_done")),
        )
        for number, name in enumerate(CYCLE_STEPS, start=1)
    ]


def current_step(schedule: DevelopmentSchedule) -> int | None:
    """Where the team is: the index of the first step not done (None when all are done)."""
    for index, name in enumerate(CYCLE_STEPS):
        if not getattr(schedule, f"step_{name}_done"):
            return index
    return None


def area_label(schedule: DevelopmentSchedule) -> str:
    """The HDR's area for people: ``8. System wspomagania…`` or the custom area."""
    if schedule.area_code is not None:
        found = area(schedule.area_code)
        if found is not None:
            return f"{found.code}. {_(found.name)}"
    return schedule.custom_area or ""


# -- schedules ------------------------------------------------------------------------------


def schedules_of(store: Store, municipality_id: str) -> list[DevelopmentSchedule]:
    """The municipality's HDRs, the latest period first."""
    with store.session() as session:
        query = (
            select(DevelopmentSchedule)
            .where(DevelopmentSchedule.municipality_id == municipality_id)
            .order_by(
                DevelopmentSchedule.period_start.desc(), DevelopmentSchedule.created_at.desc()
            )
        )
        return list(session.scalars(query).all())


def default_title(area_code: int | None, custom_area: str | None) -> str:
    found = area(area_code) if area_code is not None else None
    name = _(found.name) if found is not None else (custom_area or "").strip()
    return _("HDR: {area}").format(area=name) if name else _("Harmonogram Działań Rozwojowych")


def create_schedule(store: Store, municipality_id: str, **values: Any) -> DevelopmentSchedule:
    """A new HDR; without a title it is named after its area.

    Either one of the 12 areas (``area_code``) or a custom area, not both.
    """
    if values.get("area_code") is not None and str(values.get("custom_area") or "").strip():
        raise UserError(
            _("Wybierz jeden z 12 obszarów albo wpisz obszar własny, nie oba naraz."),
            field="custom_area",
        )
    if not str(values.get("title") or "").strip():
        code = values.get("area_code")
        values["title"] = default_title(
            code if isinstance(code, int) else None, values.get("custom_area")
        )
    return records.create(store, DevelopmentSchedule, municipality_id, **values)


def copy_title(title: str, start: date, end: date) -> str:
    base = _PERIOD_SUFFIX.sub("", title)
    suffix = _(" (okres {start}–{end})").format(start=month_text(start), end=month_text(end))
    limit = FIELDS[DevelopmentSchedule]["title"].max_length
    return base[: limit - len(suffix)] + suffix


def copy_schedule(
    store: Store, schedule_id: str, new_start_month: date, new_end_month: date
) -> DevelopmentSchedule:
    """A new HDR for another period, started from ``schedule_id``.

    Priorities and items are copied and shifted by as many months as the period
    start moves; statuses go back to "planned", step texts are kept and the steps
    are not done. Indicators stay with the items they measure. Undo: delete the copy.
    """
    start, end = _period(new_start_month, new_end_month)
    with store.session() as session:
        source = records.load(session, DevelopmentSchedule, schedule_id)
        shift = months_between(source.period_start, start)
        copy = _copy_header(session, source, start, end)
        priorities = session.scalars(
            select(SchedulePriority)
            .where(SchedulePriority.schedule_id == source.id)
            .order_by(SchedulePriority.position, SchedulePriority.created_at)
        ).all()
        new_priority: dict[str, str] = {}
        for priority in priorities:
            twin = SchedulePriority(
                schedule_id=copy.id,
                municipality_id=copy.municipality_id,
                title=priority.title,
                description=priority.description,
                position=priority.position,
            )
            session.add(twin)
            session.flush()
            new_priority[priority.id] = twin.id
        for item in _ordered_items(session, source.id):
            session.add(_copy_item(session, item, copy, new_priority, shift))
        session.flush()
    store.changes.publish(
        Change(ChangeKind.CREATED, "development_schedule", (copy.id,), copy.municipality_id)
    )
    return copy


def _period(start: date, end: date) -> tuple[date, date]:
    specs = FIELDS[DevelopmentSchedule]
    first = validation.clean_value("period_start", specs["period_start"], start)
    last = validation.clean_value("period_end", specs["period_end"], end)
    first, last = first.replace(day=1), last.replace(day=1)
    if last < first:
        raise UserError(
            _("Koniec okresu nie może być wcześniejszy niż jego początek."), field="period_end"
        )
    return first, last


def _copy_header(
    session: Session, source: DevelopmentSchedule, start: date, end: date
) -> DevelopmentSchedule:
    copy = DevelopmentSchedule(
        municipality_id=source.municipality_id,
        title=copy_title(source.title, start, end),
        period_start=start,
        period_end=end,
        plan_id=source.plan_id if _live(session, StrategicPlan, source.plan_id) else None,
        **{name: getattr(source, name) for name in _SCHEDULE_COPIED},
    )
    for name in CYCLE_STEPS:
        setattr(copy, f"step_{name}", getattr(source, f"step_{name}"))
        setattr(copy, f"step_{name}_done", False)
    validation.check_rules(copy)
    session.add(copy)
    session.flush()
    return copy


def _copy_item(
    session: Session,
    item: ScheduleItem,
    copy: DevelopmentSchedule,
    new_priority: Mapping[str, str],
    shift: int,
) -> ScheduleItem:
    months: dict[str, date] = {}
    for name in ("start_month", "end_month"):
        moved = month_index(getattr(item, name)) + shift
        if not 1990 * 12 <= moved < 2101 * 12:
            raise UserError(
                _("Po przesunięciu pozycja „{action}” wypadłaby poza lata 1990–2100.").format(
                    action=_short(item.action)
                ),
                field="period_start",
            )
        months[name] = month_at(moved)
    twin = ScheduleItem(
        schedule_id=copy.id,
        municipality_id=copy.municipality_id,
        priority_id=new_priority.get(item.priority_id or ""),
        status=ActionStatus.PLANNED,
        position=item.position,
        plan_action_id=(
            item.plan_action_id if _live(session, Action, item.plan_action_id) else None
        ),
        **months,
        **{name: getattr(item, name) for name in _ITEM_COPIED},
    )
    validation.check_rules(twin)
    return twin


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _live(session: Session, cls: type[Action] | type[StrategicPlan], record_id: str | None) -> bool:
    if record_id is None:
        return False
    record = session.get(cls, record_id)
    return record is not None and record.deleted_at is None


def _ordered_items(session: Session, schedule_id: str) -> list[ScheduleItem]:
    query = (
        select(ScheduleItem)
        .where(ScheduleItem.schedule_id == schedule_id)
        .order_by(ScheduleItem.position, ScheduleItem.created_at)
    )
    return list(session.scalars(query).all())


# -- items grouped by priority --------------------------------------------------------------


@dataclass
class PriorityGroup:
    """A priority (None: the items that have none) and its items in the users' order."""

    priority: SchedulePriority | None
    items: list[ScheduleItem] = field(default_factory=list)

    @property
    def id(self) -> str | None:
        return self.priority.id if self.priority is not None else None


def items_by_priority(store: Store, schedule_id: str) -> list[PriorityGroup]:
    """Every priority with its items (two queries); items without one come last."""
    with store.session() as session:
        records.load(session, DevelopmentSchedule, schedule_id)
        priorities = session.scalars(
            select(SchedulePriority)
            .where(SchedulePriority.schedule_id == schedule_id)
            .order_by(SchedulePriority.position, SchedulePriority.created_at)
        ).all()
        items = _ordered_items(session, schedule_id)
    groups = {p.id: PriorityGroup(p) for p in priorities}
    loose = PriorityGroup(None)
    for item in items:
        groups.get(item.priority_id or "", loose).items.append(item)
    result = list(groups.values())
    return [*result, loose] if loose.items else result


def item_place(groups: list[PriorityGroup], item_id: str) -> tuple[str | None, int]:
    """Where an item is: its priority and its index among that priority's items."""
    for group in groups:
        for index, item in enumerate(group.items):
            if item.id == item_id:
                return group.id, index
    raise UserError(_("Ten element już nie istnieje (mógł zostać usunięty)."))


def place_item(store: Store, item_id: str, priority_id: str | None, index: int) -> ScheduleItem:
    """Put an item at ``index`` among the items of ``priority_id`` (of the same HDR)."""
    with store.session() as session:
        item = records.load(session, ScheduleItem, item_id)
        if priority_id is not None:
            priority = records.load(session, SchedulePriority, priority_id)
            if priority.schedule_id != item.schedule_id:
                raise UserError(_("Priorytet należy do innego HDR."), field="priority_id")
        others = [s for s in _ordered_items(session, item.schedule_id) if s.id != item.id]
        group = [s for s in others if s.priority_id == priority_id]
        index = max(0, min(index, len(group)))
        if index < len(group):
            at = others.index(group[index])
        elif group:
            at = others.index(group[-1]) + 1
        else:
            at = len(others)
        others.insert(at, item)
        item.priority_id = priority_id
        for position, sibling in enumerate(others):
            if sibling.position != position:
                sibling.position = position
        session.flush()
    store.changes.publish(
        Change(
            ChangeKind.MOVED,
            "schedule_item",
            (item.id,),
            item.municipality_id,
            ("priority_id", "position"),
        )
    )
    return item


# -- warnings -------------------------------------------------------------------------------


def period_warning(schedule: DevelopmentSchedule, start: date, end: date) -> str | None:
    """A warning (never an error) when an item runs outside the HDR's period."""
    first, last = schedule.period_start.replace(day=1), schedule.period_end.replace(day=1)
    if start.replace(day=1) >= first and end.replace(day=1) <= last:
        return None
    return _("Pozycja wykracza poza okres HDR ({start}–{end}).").format(
        start=month_text(first), end=month_text(last)
    )


# -- links to the strategic plan ------------------------------------------------------------


@dataclass(frozen=True)
class PlanActionChoice:
    id: str
    label: str


def plan_actions(store: Store, municipality_id: str) -> list[PlanActionChoice]:
    """Every action of the municipality's plans, in plan order, labelled with its objective."""
    with store.session() as session:
        rows = session.execute(
            select(Action, Objective.code, StrategicPlan.title)
            .join(Objective, Action.objective_id == Objective.id)
            .join(Goal, Objective.goal_id == Goal.id)
            .join(StrategicPlan, Goal.plan_id == StrategicPlan.id)
            .where(StrategicPlan.municipality_id == municipality_id)
            .order_by(
                StrategicPlan.year_from.desc(),
                StrategicPlan.created_at,
                Goal.position,
                Goal.created_at,
                Objective.position,
                Objective.created_at,
                Action.position,
                Action.created_at,
            )
        ).all()
    several_plans = len({plan for _action, _code, plan in rows}) > 1
    choices: list[PlanActionChoice] = []
    for action, code, plan in rows:
        label = f"{code} · {action.title}" if code else action.title
        choices.append(PlanActionChoice(action.id, f"{plan}: {label}" if several_plans else label))
    return choices


@dataclass(frozen=True)
class IndicatorChoice:
    """A plan indicator that could be attached to an item, and where it is attached now."""

    indicator: Indicator
    attached_to: str


def linked_indicators(store: Store, item_id: str) -> list[Indicator]:
    """The indicators attached to a schedule item, in the users' order."""
    with store.session() as session:
        query = (
            select(Indicator)
            .where(Indicator.schedule_item_id == item_id)
            .order_by(Indicator.position, Indicator.created_at)
        )
        return list(session.scalars(query).all())


def attachable_indicators(store: Store, municipality_id: str) -> list[IndicatorChoice]:
    """The indicators of the municipality's plans, each with what it is attached to now."""
    with store.session() as session:
        indicators = session.scalars(
            select(Indicator)
            .where(Indicator.municipality_id == municipality_id, Indicator.plan_id.is_not(None))
            .order_by(Indicator.position, Indicator.created_at)
        ).all()
        titles = _target_titles(session, indicators)
    return [IndicatorChoice(i, _attached_to(i, titles)) for i in indicators]


_TARGETS: tuple[tuple[str, Any, Any, str], ...] = (
    ("goal_id", Goal, Goal.title, N_("cel strategiczny")),
    ("objective_id", Objective, Objective.title, N_("cel operacyjny")),
    ("action_id", Action, Action.title, N_("działanie")),
    ("schedule_item_id", ScheduleItem, ScheduleItem.action, N_("pozycja HDR")),
)


def _target_titles(session: Session, indicators: Sequence[Indicator]) -> dict[str, str]:
    """The titles of what the indicators are attached to: one query per kind of target."""
    titles: dict[str, str] = {}
    for name, cls, column, _kind in _TARGETS:
        ids = {getattr(i, name) for i in indicators if getattr(i, name)}
        if ids:
            rows = session.execute(select(cls.id, column).where(cls.id.in_(ids))).all()
            titles.update({str(row[0]): str(row[1]) for row in rows})
    return titles


def _attached_to(indicator: Indicator, titles: Mapping[str, str]) -> str:
    for name, _cls, _column, kind in _TARGETS:
        target_id = getattr(indicator, name)
        if target_id:
            title = titles.get(target_id)
            return f"{_(kind)}: {_short(title)}" if title is not None else _(kind)
    return _("cały plan")


def attach_change(
    indicator: Indicator, item_id: str | None
) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """The (old, new) values that attach ``indicator`` to ``item_id`` (None: detach).

    An indicator is attached to one element only: attaching it to an item takes it
    off the goal, objective or action it measured; detaching leaves it with its plan.
    ``old`` restores exactly what it was attached to (for undo).
    """
    old = {name: getattr(indicator, name) for name in _ATTACH_FIELDS}
    new: dict[str, str | None] = dict.fromkeys(_ATTACH_FIELDS)
    new["schedule_item_id"] = item_id
    return old, new
