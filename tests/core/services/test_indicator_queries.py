"""indicators_of_plan: every live indicator of a plan with its measurements, in two queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import event

from app.model import Action, Goal, Indicator, Measurement, Municipality, Objective, StrategicPlan
from app.services import indicator_queries, records
from app.storage.store import Store


@contextmanager
def _counted(store: Store) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


def _plan(store: Store) -> dict[str, Any]:
    m = records.create(store, Municipality, name="Gmina Łęczna", kind="urban_rural")
    plan = records.create(store, StrategicPlan, m.id, title="Plan", year_from=2024, year_to=2028)
    other = records.create(store, StrategicPlan, m.id, title="Inny", year_from=2019, year_to=2023)
    goal = records.create(store, Goal, plan.id, title="Cel")
    objective = records.create(store, Objective, goal.id, title="Cel operacyjny")
    action = records.create(store, Action, objective.id, title="Działanie")
    return {"m": m.id, "plan": plan.id, "other": other.id, "goal": goal.id, "action": action.id}


def test_own_and_attached_indicators_with_measurements_in_three_queries(store: Store) -> None:
    ids = _plan(store)
    own = records.create(store, Indicator, ids["m"], name="Planu", plan_id=ids["plan"])
    on_goal = records.create(store, Indicator, ids["m"], name="Celu", goal_id=ids["goal"])
    on_action = records.create(
        store, Indicator, ids["m"], name="Działania", plan_id=ids["plan"], action_id=ids["action"]
    )
    records.create(store, Indicator, ids["m"], name="Innego planu", plan_id=ids["other"])
    for day, value in ((date(2025, 6, 1), 2.0), (date(2025, 1, 1), 1.0), (date(2025, 6, 1), 3.0)):
        records.create(store, Measurement, own.id, measured_on=day, value=value)
    gone = records.create(store, Measurement, on_goal.id, measured_on=date(2025, 1, 1), value=9)
    records.delete(store, Measurement, gone.id)

    with _counted(store) as selects:
        found = indicator_queries.indicators_of_plan(store, ids["plan"])
    assert len(selects) == 3  # indicators, measurements, milestones
    assert [f.indicator.id for f in found] == [own.id, on_goal.id, on_action.id]
    # Oldest first; of two on one day, the one entered first comes first.
    assert [m.value for m in found[0].measurements] == [1.0, 2.0, 3.0]
    assert found[1].measurements == ()


def test_deleted_indicators_and_missing_plans_give_nothing(store: Store) -> None:
    ids = _plan(store)
    indicator = records.create(store, Indicator, ids["m"], name="Planu", plan_id=ids["plan"])
    records.delete(store, Indicator, indicator.id)
    assert indicator_queries.indicators_of_plan(store, ids["plan"]) == []
    assert indicator_queries.indicators_of_plan(store, "no-such-plan") == []
