"""Diagnosis tables from pasted cells, the problem tree's nesting, the evaluation calendar."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.model import Problem, ProblemKind, StrategicPlan
from app.services import records
from app.services.strategy import (
    next_evaluation,
    next_evaluation_date,
    parse_pasted,
    problem_tree,
    to_content,
)
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Rejects, Tree


def test_cells_pasted_from_a_spreadsheet() -> None:
    assert parse_pasted("a\tb\tc\r\n1\t2\r\n\r\n") == [["a", "b", "c"], ["1", "2", ""]]
    # What officers typed before tables existed: "a | b | c".
    assert parse_pasted("Szkoła | 2024\nSP 1 | 410") == [["Szkoła", "2024"], ["SP 1", "410"]]
    assert parse_pasted("") == []
    assert to_content([["a\tb", "c\nd"], ["1", "2"]]) == "a b\tc d\n1\t2"


def test_the_problem_tree_nests_causes(store: Store, tree: Tree) -> None:
    plan_id = tree.plan.id
    central = records.create(store, Problem, plan_id, title="Słabe wyniki", kind="central")
    cause = records.create(store, Problem, plan_id, title="Mało zajęć", above_id=central.id)
    deeper = records.create(store, Problem, plan_id, title="Brak kadry", above_id=cause.id)
    effect = records.create(
        store, Problem, plan_id, title="Odpływ uczniów", kind="effect", above_id=central.id
    )
    (root,) = problem_tree(records.children(store, Problem, plan_id=plan_id))
    assert root.problem.id == central.id
    assert [c.problem.id for c in root.children] == [cause.id, effect.id]
    assert [c.problem.id for c in root.children[0].children] == [deeper.id]


def test_bad_problem_places_are_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    plan_id = tree.plan.id
    central = records.create(store, Problem, plan_id, title="Problem", kind="central")
    effect = records.create(
        store, Problem, plan_id, title="Skutek", kind="effect", above_id=central.id
    )
    rejects("kind", records.create, store, Problem, plan_id, title="x", above_id=effect.id)
    rejects(
        "above_id", records.create, store, Problem, plan_id, title="x", kind="central",
        above_id=central.id,
    )  # fmt: skip
    assert ProblemKind(effect.kind) is ProblemKind.EFFECT


def test_the_next_evaluation_date(store: Store, tree: Tree) -> None:
    plan = records.update(
        store,
        StrategicPlan,
        tree.plan.id,
        midterm_evaluation_date=date(2026, 9, 30),
        final_evaluation_date=date(2029, 3, 31),
        yearly_report_date=date(2024, 10, 31),
    )
    assert next_evaluation_date(plan, date(2026, 1, 1)) == (date(2026, 9, 30), "midterm")
    assert next_evaluation_date(plan, date(2026, 10, 1)) == (date(2026, 10, 31), "yearly")
    assert next_evaluation_date(plan, date(2028, 11, 1)) == (date(2029, 3, 31), "final")
    assert next_evaluation(store, tree.municipality.id, date(2026, 1, 1)) == (
        date(2026, 9, 30),
        "midterm",
    )


def test_a_planned_consultation_is_the_next_date_when_it_comes_first(
    store: Store, tree: Tree
) -> None:
    from app.model import PlanConsultation

    records.update(store, StrategicPlan, tree.plan.id, midterm_evaluation_date=date(2026, 9, 30))
    records.create(
        store, PlanConsultation, tree.plan.id, form="Ankieta", date_from=date(2025, 5, 5)
    )
    soon = records.create(
        store, PlanConsultation, tree.plan.id, form="Spotkanie", date_from=date(2026, 3, 2)
    )
    today = date(2026, 1, 1)
    assert next_evaluation(store, tree.municipality.id, today) == (date(2026, 3, 2), "consultation")
    records.delete(store, PlanConsultation, soon.id)
    assert next_evaluation(store, tree.municipality.id, today) == (date(2026, 9, 30), "midterm")
    records.update(store, StrategicPlan, tree.plan.id, status="closed")
    assert next_evaluation(store, tree.municipality.id, today) is None


def test_search_finds_the_strategy_parts(store: Store, tree: Tree) -> None:
    from app.model import DiagnosisTable, Institution, PlanConsultation
    from app.services.search import search

    plan_id = tree.plan.id
    made = {
        records.create(store, Problem, plan_id, title="Odpływ uczniów", kind="central").id,
        records.create(
            store, DiagnosisTable, plan_id, title="Uczniowie", content="Szkoła\tŁąkowa\n1\t2"
        ).id,
        records.create(
            store,
            PlanConsultation,
            plan_id,
            form="ankieta",
            date_from=date(2025, 3, 1),
            handling="Uwzględniono uwagi rady rodziców",
        ).id,
        records.create(store, Institution, tree.municipality.id, name="Poradnia w Żółkwi").id,
    }
    found = {
        hit.record_id
        for words in ("odplyw", "lakowa", "rady rodzicow", "zolkwi")
        for hit in search(store, words)
    }
    assert made <= found
