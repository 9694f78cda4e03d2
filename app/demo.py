"""The demo municipality: a fictional but realistic JST to explore the program on.

Its content lives in ``resources/demo/demo_municipality.json``. Records get
deterministic UUIDs derived from the file's keys, so loading it twice finds
the first copy instead of duplicating it. ``copy`` makes further independent
copies (other ids, numbered names) for benchmarks.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from importlib import resources
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import demo_monitoring, demo_networks, demo_practice_links, demo_snapshots
from app.changes import Change, ChangeKind
from app.demo_school_data import add_school_data, after_load
from app.demo_strategy import build_strategy
from app.demo_yearly_report import add_yearly_report
from app.errors import UserError
from app.i18n import _
from app.model import (
    RECORD_CLASSES,
    Action,
    AdvisoryVisit,
    DevelopmentSchedule,
    Goal,
    Indicator,
    Measurement,
    MonitoringNote,
    Municipality,
    Objective,
    OwnedRecord,
    Recommendation,
    Record,
    Risk,
    ScheduleItem,
    SchedulePriority,
    School,
    SchoolSupport,
    StrategicPlan,
    TeamMember,
    action_school,
)
from app.services import records, validation
from app.services.fields import FIELDS
from app.services.municipalities import PROFILE_FIELDS, SCHOOL_FIELDS
from app.storage.store import Store

_NAMESPACE = uuid.UUID("6f1c3b8e-1d7a-4f43-9a51-3c4f0a6b2d10")
_LINK_TYPES = {
    "goal": "goal",
    "objective": "objective",
    "action": "action",
    "indicator": "indicator",
    "schedule_item": "schedule_item",
    "school": "school",
}


def demo_data() -> dict[str, Any]:
    path = resources.files("resources") / "demo" / "demo_municipality.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UserError(
            _("Nie można odczytać danych demonstracyjnych: {error}").format(error=error)
        ) from error
    if not isinstance(data, dict):
        raise UserError(_("Dane demonstracyjne mają niepoprawną postać."))
    return data


def demo_municipality_id(copy: int = 0) -> str:
    return _Builder(copy).id("municipality", "gmina")


def load_demo(store: Store, copy: int = 0) -> tuple[Municipality, bool]:
    """Load the demo municipality (copy ``copy``); returns it and whether it was new."""
    builder = _Builder(copy)
    municipality_id = builder.id("municipality", "gmina")
    with store.session() as session:
        existing = session.get(
            Municipality, municipality_id, execution_options={"include_deleted": True}
        )
        if existing is not None and existing.deleted_at is None:
            return existing, False
        data = demo_data()
        if existing is not None:
            _purge(session, municipality_id)
        municipality = builder.build(session, data)
        demo_networks.build(session, municipality_id, copy)
        demo_monitoring.build(session, municipality_id, copy)
        demo_practice_links.build(session, municipality_id, copy)
        _number_siblings(session, municipality_id)
    after_load(store, municipality_id)
    demo_snapshots.close_years(store, municipality_id)
    store.changes.publish(
        Change(ChangeKind.RELOADED, "municipality", (municipality_id,), municipality_id)
    )
    return municipality, True


def _number_siblings(session: Session, municipality_id: str) -> None:
    """Give every record of the demo its own place among its siblings, as a merge would."""
    from app.services.fields import PARENTS
    from app.services.records import normalise_positions

    session.flush()
    groups: list[tuple[type[Record], str]] = []
    for cls, (parent_attr, _parent) in PARENTS.items():
        if not hasattr(cls, "position") or not hasattr(cls, "municipality_id"):
            continue
        column = getattr(cls, parent_attr)
        found = session.scalars(
            select(column).where(cls.municipality_id == municipality_id).distinct()
        )
        groups += [(cls, parent_id) for parent_id in found if parent_id]
    normalise_positions(session, groups)


def _purge(session: Session, municipality_id: str) -> None:
    """Hard-delete a tombstoned demo before loading it again (it is never exchanged)."""
    session.execute(
        delete(action_school).where(
            action_school.c.action_id.in_(
                select(Action.id).where(Action.municipality_id == municipality_id)
            )
        )
    )
    for cls in reversed(RECORD_CLASSES):
        if issubclass(cls, OwnedRecord):
            session.execute(delete(cls).where(cls.municipality_id == municipality_id))
    session.execute(delete(Municipality).where(Municipality.id == municipality_id))
    session.flush()


def _d(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _month(value: str | None) -> date | None:
    """``2026-10`` (or a whole date, ``2026-10-31``) as the first day of its month."""
    if value is None:
        return None
    return date.fromisoformat(value if len(value) > 7 else f"{value}-01").replace(day=1)


def _cents(value: float | None) -> int | None:
    return None if value is None else round(value * 100)


class _Builder:
    def __init__(self, copy: int) -> None:
        self.copy = copy
        self.session: Session
        self.municipality_id = ""
        self.plan_id: str | None = None
        self.added: list[Record] = []

    def id(self, kind: str, key: str) -> str:
        return str(uuid.uuid5(_NAMESPACE, f"{self.copy}:{kind}:{key}"))

    def add(self, cls: type[Record], kind: str, key: str, /, **values: Any) -> Any:
        """Validate and add one record (``kind`` and ``key`` make its id).

        Positional-only: records have fields named ``kind`` (a note, a municipality).
        Values are cleaned like user input; missing ones get the column defaults.
        """
        present = {name: value for name, value in values.items() if value is not None}
        fields = {name: value for name, value in present.items() if name in FIELDS[cls]}
        other = {name: value for name, value in present.items() if name not in FIELDS[cls]}
        cleaned = validation.clean_fields(cls, fields)
        record = cls(id=self.id(kind, key), **other, **cleaned)
        if isinstance(record, OwnedRecord):
            record.municipality_id = self.municipality_id
        records.set_defaults(record)
        validation.check_rules(record)
        self.session.add(record)
        self.added.append(record)
        return record

    def build(self, session: Session, data: dict[str, Any]) -> Municipality:
        self.session = session
        m = data["municipality"]
        self.municipality_id = self.id("municipality", "gmina")
        name = m["name"] if self.copy == 0 else f"{m['name']} {self.copy}"
        municipality = self.add(
            Municipality,
            "municipality",
            "gmina",
            is_demo=True,
            name=name,
            **{k: m.get(k) for k in PROFILE_FIELDS if k != "name"},
        )
        session.flush()
        self._team(data["team"])
        self._schools(data["schools"])
        self._plan(data["plan"])
        self._schedule(data["schedule"])
        self._indicators(data["indicators"])
        add_school_data(self, data["schools"])
        add_yearly_report(self)
        self._visits(data["visits"])
        self._notes(data["notes"])
        self._risks(data["risks"])
        build_strategy(self, data)  # financing, institutions, terms, problems, … (issue 13)
        session.flush()
        for record in self.added:
            validation.check_refs(session, record)
        assert isinstance(municipality, Municipality)
        return municipality

    def _team(self, team: list[dict[str, Any]]) -> None:
        for position, person in enumerate(team):
            self.add(
                TeamMember,
                "team",
                person["key"],
                position=position,
                **{k: person.get(k) for k in ("name", "role", "institution", "email", "phone")},
                is_advisor=bool(person.get("is_advisor")),
            )

    def _schools(self, schools: list[dict[str, Any]]) -> None:
        for school in schools:
            values = {k: school.get(k) for k in SCHOOL_FIELDS}  # absent ones stay defaults
            record = self.add(School, "school", school["key"], **values)
            for index, step in enumerate(school.get("support_history") or []):
                self.add(
                    SchoolSupport,
                    "support",
                    f"{school['key']}:{index}",
                    school_id=record.id,
                    stage=step["stage"],
                    stage_date=_d(step["stage_date"]),
                    completed_on=_d(step.get("completed_on")),
                    notes=step.get("notes"),
                )

    def _plan(self, plan: dict[str, Any]) -> None:
        text_fields = (
            "title",
            "year_from",
            "year_to",
            "status",
            "resolution_number",
            "diagnosis_context",
            "diagnosis_education",
            "diagnosis_demography",
            "diagnosis_conclusions",
            "swot_strengths",
            "swot_weaknesses",
            "swot_opportunities",
            "swot_threats",
            "vision",
            "mission",
            "implementation_system",
        )
        record = self.add(
            StrategicPlan,
            "plan",
            plan["key"],
            resolution_date=_d(plan.get("resolution_date")),
            **{k: plan.get(k) for k in text_fields},
        )
        self.plan_id = record.id
        for g_pos, goal in enumerate(plan["goals"]):
            g = self.add(
                Goal,
                "goal",
                goal["key"],
                plan_id=record.id,
                position=g_pos,
                code=goal.get("code"),
                title=goal["title"],
                description=goal.get("description"),
            )
            for o_pos, objective in enumerate(goal["objectives"]):
                o = self.add(
                    Objective,
                    "objective",
                    objective["key"],
                    goal_id=g.id,
                    position=o_pos,
                    code=objective.get("code"),
                    title=objective["title"],
                    description=objective.get("description"),
                )
                for a_pos, action in enumerate(objective["actions"]):
                    self._action(o.id, a_pos, action)

    def _action(self, objective_id: str, position: int, action: dict[str, Any]) -> None:
        responsible = action.get("responsible")
        record = self.add(
            Action,
            "action",
            action["key"],
            objective_id=objective_id,
            position=position,
            title=action["title"],
            description=action.get("description"),
            responsible_id=self.id("team", responsible) if responsible else None,
            partners=action.get("partners"),
            start_date=_d(action.get("start_date")),
            end_date=_d(action.get("end_date")),
            key_competences=list(action.get("key_competences") or []),
            status=action.get("status", "planned"),
        )
        self.session.flush()
        for school_key in action.get("schools") or []:
            self.session.execute(
                action_school.insert().values(
                    action_id=record.id, school_id=self.id("school", school_key)
                )
            )

    def _schedule(self, schedule: dict[str, Any]) -> None:
        steps = schedule.get("steps") or {}
        step_values: dict[str, Any] = {}
        for step, content in steps.items():
            step_values[f"step_{step}"] = content.get("text")
            step_values[f"step_{step}_done"] = bool(content.get("done"))
        record = self.add(
            DevelopmentSchedule,
            "schedule",
            schedule["key"],
            title=schedule["title"],
            area_code=schedule.get("area_code"),
            custom_area=schedule.get("custom_area"),
            period_start=_month(schedule["period_start"]),
            period_end=_month(schedule["period_end"]),
            participants=schedule.get("participants"),
            advisors=schedule.get("advisors"),
            plan_id=self.plan_id,
            **step_values,
        )
        position = 0
        for p_pos, priority in enumerate(schedule["priorities"]):
            p = self.add(
                SchedulePriority,
                "priority",
                priority["key"],
                schedule_id=record.id,
                position=p_pos,
                title=priority["title"],
                description=priority.get("description"),
            )
            for item in priority["items"]:
                plan_action = item.get("plan_action")
                fields = (
                    "goal",
                    "action",
                    "responsible",
                    "resources_people",
                    "resources_materials",
                    "expected_effect",
                    "success_indicator",
                    "management_tool",
                    "status",
                )
                self.add(
                    ScheduleItem,
                    "item",
                    item["key"],
                    schedule_id=record.id,
                    priority_id=p.id,
                    position=position,
                    start_month=_month(item["start_month"]),
                    end_month=_month(item["end_month"]),
                    resources_budget_cents=_cents(item.get("resources_budget")),
                    plan_action_id=self.id("action", plan_action) if plan_action else None,
                    **{k: item.get(k) for k in fields},
                )
                position += 1

    def _indicators(self, indicators: list[dict[str, Any]]) -> None:
        for position, ind in enumerate(indicators):
            attach = ind.get("attach") or {}
            links: dict[str, Any] = {"plan_id": self.plan_id}
            for kind, column in (
                ("goal", "goal_id"),
                ("objective", "objective_id"),
                ("action", "action_id"),
                ("schedule_item", "schedule_item_id"),
            ):
                if kind in attach:
                    links[column] = self.id(
                        "item" if kind == "schedule_item" else kind, attach[kind]
                    )
            fields = (
                "name",
                "description",
                "unit",
                "direction",
                "baseline_value",
                "target_value",
                "data_source",
                "interval_months",
            )
            record = self.add(
                Indicator,
                "indicator",
                ind["key"],
                position=position,
                baseline_date=_d(ind.get("baseline_date")),
                target_date=_d(ind.get("target_date")),
                **links,
                **{k: ind.get(k) for k in fields},
            )
            for index, m in enumerate(ind.get("measurements") or []):
                self.add(
                    Measurement,
                    "measurement",
                    f"{ind['key']}:{index}",
                    indicator_id=record.id,
                    measured_on=_d(m["measured_on"]),
                    value=float(m["value"]),
                    source=m.get("source"),
                    comment=m.get("comment"),
                )

    def _link(self, link: dict[str, Any] | None) -> dict[str, Any]:
        if not link:
            return {"link_type": None, "link_id": None}
        kind = _LINK_TYPES[link["type"]]
        key_kind = "item" if kind == "schedule_item" else kind
        return {"link_type": kind, "link_id": self.id(key_kind, link["key"])}

    def _visits(self, visits: list[dict[str, Any]]) -> None:
        for visit in visits:
            fields = ("number", "place", "advisor", "participants", "agenda", "findings", "notes")
            record = self.add(
                AdvisoryVisit,
                "visit",
                visit["key"],
                visit_date=_d(visit["visit_date"]),
                **{k: visit.get(k) for k in fields},
            )
            for position, rec in enumerate(visit.get("recommendations") or []):
                key = rec.get("key") or f"{visit['key']}:{position}"
                self.add(
                    Recommendation,
                    "recommendation",
                    key,
                    visit_id=record.id,
                    position=position,
                    text=rec["text"],
                    owner=rec.get("owner"),
                    due_date=_d(rec.get("due_date")),
                    status=rec.get("status", "open"),
                    status_note=rec.get("status_note"),
                    **self._link(rec.get("link")),
                )

    def _notes(self, notes: list[dict[str, Any]]) -> None:
        for note in notes:
            visit = note.get("visit")
            self.add(
                MonitoringNote,
                "note",
                note["key"],
                noted_on=_d(note["noted_on"]),
                author=note.get("author"),
                kind=note["kind"],
                title=note.get("title"),
                text=note["text"],
                follow_up=note.get("follow_up"),
                follow_up_due=_d(note.get("follow_up_due")),
                follow_up_done=bool(note.get("follow_up_done")),
                visit_id=self.id("visit", visit) if visit else None,
                **self._link(note.get("link")),
            )

    def _risks(self, risks: list[dict[str, Any]]) -> None:
        for risk in risks:
            source = risk.get("source_note")
            fields = (
                "title",
                "description",
                "probability",
                "impact",
                "mitigation",
                "owner",
                "status",
            )
            self.add(
                Risk,
                "risk",
                risk["key"],
                review_date=_d(risk.get("review_date")),
                source_note_id=self.id("note", source) if source else None,
                **{k: risk.get(k) for k in fields},
            )
