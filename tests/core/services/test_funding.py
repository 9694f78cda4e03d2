"""Financing rows, the source catalogue, sums by source and goal, and old budgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from app.model import ActionFunding, FundingSource
from app.model.funding_seed import SEED, match_source, seed_id
from app.services import funding, records
from app.services.plan_budget import plan_budget
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Rejects, Tree


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("budżet gminy", "jst"),
        ("Budżet Gminy", "jst"),
        ("część oświatowa subwencji ogólnej", "subvention"),
        ("FERS", "efs"),
        ("FEW", "regional"),
        ("Fundusze Europejskie dla Wielkopolski 2021–2027", "regional"),
        ("Rządowy program Laboratoria Przyszłości", "government"),
        ("środki własne szkół", "schools"),
        ("FEW (85 %), budżet gminy (15 %)", "other"),  # two sources: one row, "inne"
        ("ferie zimowe", "other"),
        ("", "other"),
    ],
)
def test_a_free_text_source_is_matched_only_when_it_names_one(text: str, code: str) -> None:
    assert match_source(text) == code


def test_the_catalogue_is_seeded_once_with_stable_ids(store: Store, tree: Tree) -> None:
    first = funding.sources(store, tree.municipality.id)
    again = funding.sources(store, tree.municipality.id)
    assert [s.id for s in first] == [s.id for s in again]
    assert [s.code for s in first] == [code for code, _name in SEED]
    assert first[0].id == seed_id(tree.municipality.id, "jst")
    own = funding.add_source(store, tree.municipality.id, "Fundusz sołecki")
    assert funding.sources(store, tree.municipality.id)[-1].id == own.id


def test_rows_sum_to_the_budget_by_source_and_goal(store: Store, tree: Tree) -> None:
    jst, subvention = (seed_id(tree.municipality.id, c) for c in ("jst", "subvention"))
    funding.sources(store, tree.municipality.id)
    for year, source, cents in ((2025, jst, 100_000), (2026, jst, 50_000), (2025, subvention, 7)):
        funding.add_row(store, tree.action.id, year=year, source_id=source, planned_cents=cents)
    rows = funding.rows_of(store, tree.action.id)
    assert funding.budget_cents(rows) == 150_007
    budget = plan_budget(store, tree.plan.id)
    assert budget.by_source.years == [2024, 2025, 2026, 2027, 2028]
    assert dict(budget.by_source.rows)["budżet JST"] == {2025: 100_000, 2026: 50_000}
    assert budget.by_source.column_total(2025) == 100_007
    assert budget.by_source.total == budget.by_goal.total == budget.planned == 150_007


def test_bad_rows_are_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    source = funding.sources(store, tree.municipality.id)[0].id
    good = {"year": 2025, "source_id": source, "planned_cents": 100}
    error = rejects("year", funding.add_row, store, tree.action.id, **{**good, "year": 2031})
    assert "2024–2028" in error.message
    rejects(
        "planned_cents", funding.add_row, store, tree.action.id, **{**good, "planned_cents": -1}
    )
    rejects("spent_cents", funding.add_row, store, tree.action.id, **{**good, "spent_cents": -5})
    rejects("source_id", funding.add_row, store, tree.action.id, **{**good, "source_id": "x"})


def test_a_used_source_cannot_be_deleted(store: Store, tree: Tree, rejects: Rejects) -> None:
    source = funding.sources(store, tree.municipality.id)[0].id
    funding.add_row(store, tree.action.id, year=2025, source_id=source, planned_cents=1)
    rejects(None, funding.delete_source, store, source)


def test_old_budgets_become_one_row_each_once(store: Store, tree: Tree) -> None:
    records.update(
        store, type(tree.action), tree.action.id, budget_cents=1_250_000, funding_source="FEW"
    )
    with store.session() as session:
        assert funding.adopt_legacy_budgets(session, tree.municipality.id) == 1
        assert funding.adopt_legacy_budgets(session, tree.municipality.id) == 0
    (row,) = funding.rows_of(store, tree.action.id)
    assert (row.year, row.planned_cents, row.note) == (2024, 1_250_000, "FEW")
    assert records.get(store, FundingSource, row.source_id).code == "regional"
    records.delete(store, ActionFunding, row.id)
    with store.session() as session:  # a deleted row is not made again
        assert funding.adopt_legacy_budgets(session, tree.municipality.id) == 0
