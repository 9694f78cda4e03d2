"""Strategic plans: the goal → objective → action tree, and which schools an action involves."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select

from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import _
from app.model import Action, Goal, Objective, School, StrategicPlan, action_school, utcnow
from app.services import records
from app.storage.store import Store


@dataclass
class ObjectiveNode:
    objective: Objective
    actions: list[Action] = field(default_factory=list)


@dataclass
class GoalNode:
    goal: Goal
    objectives: list[ObjectiveNode] = field(default_factory=list)


def plans_of(store: Store, municipality_id: str) -> list[StrategicPlan]:
    with store.session() as session:
        query = (
            select(StrategicPlan)
            .where(StrategicPlan.municipality_id == municipality_id)
            .order_by(StrategicPlan.year_from.desc(), StrategicPlan.created_at.desc())
        )
        return list(session.scalars(query).all())


def tree(store: Store, plan_id: str) -> list[GoalNode]:
    """The whole tree of a plan in three queries, in the users' order."""
    with store.session() as session:
        records.load(session, StrategicPlan, plan_id)
        goals = session.scalars(
            select(Goal).where(Goal.plan_id == plan_id).order_by(Goal.position, Goal.created_at)
        ).all()
        goal_ids = [g.id for g in goals]
        objectives = session.scalars(
            select(Objective)
            .where(Objective.goal_id.in_(goal_ids))
            .order_by(Objective.position, Objective.created_at)
        ).all()
        objective_ids = [o.id for o in objectives]
        actions = session.scalars(
            select(Action)
            .where(Action.objective_id.in_(objective_ids))
            .order_by(Action.position, Action.created_at)
        ).all()
    by_objective: dict[str, ObjectiveNode] = {o.id: ObjectiveNode(o) for o in objectives}
    for action in actions:
        by_objective[action.objective_id].actions.append(action)
    nodes = {g.id: GoalNode(g) for g in goals}
    for objective in objectives:
        nodes[objective.goal_id].objectives.append(by_objective[objective.id])
    return [nodes[g.id] for g in goals]


def action_school_ids(store: Store, action_id: str) -> list[str]:
    with store.session() as session:
        query = (
            select(action_school.c.school_id)
            .join(School, School.id == action_school.c.school_id)
            .where(action_school.c.action_id == action_id)
            .order_by(School.name)
        )
        return [str(row) for row in session.scalars(query).all()]


def set_action_schools(store: Store, action_id: str, school_ids: list[str]) -> None:
    """Set the schools an action involves (schools of the same municipality only)."""
    with store.session() as session:
        action = records.load(session, Action, action_id)
        for school_id in school_ids:
            school = records.load(session, School, school_id)
            if school.municipality_id != action.municipality_id:
                raise UserError(_("Szkoła należy do innej JST."))
        session.execute(delete(action_school).where(action_school.c.action_id == action_id))
        if school_ids:
            session.execute(
                insert(action_school),
                [{"action_id": action_id, "school_id": sid} for sid in dict.fromkeys(school_ids)],
            )
        action.updated_at = utcnow()  # the link is part of the action for exchange
    store.changes.publish(
        Change(ChangeKind.UPDATED, "action", (action_id,), action.municipality_id, ("schools",))
    )
