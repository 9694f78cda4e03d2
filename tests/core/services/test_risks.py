"""The risk register: scores and levels, the 5×5 matrix, reviews, risks from notes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest

from app.model import MonitoringNote, NoteKind, Risk, RiskStatus
from app.services import journal, records, risks
from app.services.risks import RiskLevel
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Rejects, Tree


def risk(store: Store, tree: Tree, title: str = "Ryzyko", **values: object) -> Risk:
    return risks.create_risk(store, tree.municipality.id, title=title, **values)


# -- scores and levels ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (1, RiskLevel.LOW),
        (4, RiskLevel.LOW),
        (5, RiskLevel.MEDIUM),
        (9, RiskLevel.MEDIUM),
        (10, RiskLevel.HIGH),
        (14, RiskLevel.HIGH),
        (15, RiskLevel.CRITICAL),
        (25, RiskLevel.CRITICAL),
    ],
)
def test_levels_at_their_boundaries(score: int, expected: RiskLevel) -> None:
    assert risks.level(score) is expected
    assert expected.label


def test_a_new_risk_gets_medium_defaults(store: Store, tree: Tree) -> None:
    created = risk(store, tree, "Brak kadry")
    again = records.get(store, Risk, created.id)
    assert (again.probability, again.impact, again.score) == (3, 3, 9)
    assert again.status is RiskStatus.OPEN


@pytest.mark.parametrize("field", ["probability", "impact"])
@pytest.mark.parametrize("value", [0, 6, -1, 2.5, True, "3", None])
def test_probability_and_impact_must_be_1_to_5(
    store: Store, tree: Tree, rejects: Rejects, field: str, value: object
) -> None:
    rejects(field, risks.create_risk, store, tree.municipality.id, title="R", **{field: value})


@pytest.mark.parametrize("value", [1, 5])
def test_the_ends_of_the_scale_are_accepted(store: Store, tree: Tree, value: int) -> None:
    created = risk(store, tree, probability=value, impact=value)
    assert records.get(store, Risk, created.id).score == value * value


def test_a_bad_update_changes_nothing(store: Store, tree: Tree, rejects: Rejects) -> None:
    rejects("impact", risks.update_risk, store, tree.risk.id, probability=5, impact=6)
    again = records.get(store, Risk, tree.risk.id)
    assert (again.probability, again.impact) == (3, 4)


def test_an_empty_title_is_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    rejects("title", risks.create_risk, store, tree.municipality.id, title="   ")


def test_delete_and_restore(store: Store, tree: Tree) -> None:
    stamp = risks.delete_risk(store, tree.risk.id)
    assert risks.risks_of(store, tree.municipality.id) == []
    records.restore(store, Risk, tree.risk.id, stamp)
    assert [r.id for r in risks.risks_of(store, tree.municipality.id)] == [tree.risk.id]


# -- the matrix -----------------------------------------------------------------------


def test_the_matrix_places_each_active_risk(store: Store, tree: Tree, other: Tree) -> None:
    low = risk(store, tree, probability=1, impact=1)
    corner = risk(store, tree, probability=5, impact=1)
    closed = risk(store, tree, probability=5, impact=5, status="closed")
    gone = risk(store, tree, probability=2, impact=2)
    records.delete(store, Risk, gone.id)
    grid = risks.matrix(store, tree.municipality.id)
    assert len(grid.cells) == 5 and all(len(row) == 5 for row in grid.cells)
    assert grid.cell(1, 1) == (low.id,)
    assert grid.cell(5, 1) == (corner.id,)
    assert grid.cell(3, 4) == (tree.risk.id,)
    assert grid.cell(5, 5) == ()
    assert grid.cell(2, 2) == ()
    assert grid.count() == 3
    assert grid.position_of(corner.id) == (5, 1)
    assert grid.position_of(closed.id) is None
    assert grid.position_of(other.risk.id) is None
    with_closed = risks.matrix(store, tree.municipality.id, include_closed=True)
    assert with_closed.cell(5, 5) == (closed.id,)


def test_several_risks_share_a_cell(store: Store, tree: Tree) -> None:
    second = risk(store, tree, probability=3, impact=4)
    assert set(risks.matrix(store, tree.municipality.id).cell(3, 4)) == {tree.risk.id, second.id}


@pytest.mark.parametrize("status", ["open", "monitored", "materialised"])
def test_every_status_but_closed_is_active(store: Store, tree: Tree, status: str) -> None:
    created = risk(store, tree, status=status)
    assert risks.is_active(created)
    assert risks.matrix(store, tree.municipality.id).position_of(created.id) == (3, 3)


# -- reviews ----------------------------------------------------------------------------


def test_a_review_is_overdue_from_the_day_after_its_date() -> None:
    due = date(2025, 5, 31)
    open_risk = Risk(title="R", probability=1, impact=1, status=RiskStatus.OPEN, review_date=due)
    assert not risks.is_review_overdue(open_risk, due)
    assert risks.is_review_overdue(open_risk, due + timedelta(days=1))
    closed = Risk(title="R", probability=1, impact=1, status=RiskStatus.CLOSED, review_date=due)
    assert not risks.is_review_overdue(closed, date(2030, 1, 1))
    undated = Risk(title="R", probability=1, impact=1, status=RiskStatus.OPEN)
    assert not risks.is_review_overdue(undated, date(2030, 1, 1))


def test_overdue_reviews_longest_overdue_first(store: Store, tree: Tree) -> None:
    today = date(2025, 6, 1)
    recent = risk(store, tree, review_date=today - timedelta(days=1))
    oldest = risk(store, tree, review_date=today - timedelta(days=30))
    risk(store, tree, review_date=today)
    risk(store, tree, review_date=today - timedelta(days=60), status="closed")
    found = risks.overdue_reviews(store, tree.municipality.id, today)
    assert [r.id for r in found] == [oldest.id, recent.id]


def test_top_risks_by_score_then_review_date(store: Store, tree: Tree) -> None:
    critical = risk(store, tree, probability=5, impact=5)
    later = risk(store, tree, probability=4, impact=3, review_date=date(2026, 1, 1))
    sooner = risk(store, tree, probability=3, impact=4, review_date=date(2025, 1, 1))
    risk(store, tree, probability=5, impact=5, status="closed")
    top = risks.top_risks(store, tree.municipality.id, limit=3)
    assert [r.id for r in top] == [critical.id, sooner.id, later.id]
    assert tree.risk.id not in [r.id for r in top]  # 3 × 4 without a review date comes later


# -- risks from notes -----------------------------------------------------------------


def risk_note(store: Store, tree: Tree, **values: object) -> MonitoringNote:
    values.setdefault("text", "Brak chętnych na stanowisko psychologa.\nDrugi akapit.")
    return journal.create_note(store, tree.municipality.id, kind="risk", **values)


def test_a_risk_from_a_note_remembers_it(store: Store, tree: Tree) -> None:
    source = risk_note(store, tree, title="Brak psychologów", author="Anna Łęcka")
    created = risks.risk_from_note(store, source.id)
    again = records.get(store, Risk, created.id)
    assert again.source_note_id == source.id
    assert again.title == "Brak psychologów"
    assert again.description == source.text
    assert again.owner == "Anna Łęcka"
    assert (again.probability, again.impact, again.status) == (3, 3, RiskStatus.OPEN)
    assert again.municipality_id == tree.municipality.id
    assert risks.risk_of_note(store, source.id) is not None


def test_without_a_title_the_first_line_becomes_the_title(store: Store, tree: Tree) -> None:
    source = risk_note(store, tree)
    created = risks.risk_from_note(store, source.id)
    assert created.title == "Brak chętnych na stanowisko psychologa."


def test_a_very_long_first_line_is_shortened(store: Store, tree: Tree) -> None:
    source = risk_note(store, tree, text="Bardzo długie zdanie " * 100)
    created = risks.risk_from_note(store, source.id)
    assert len(created.title) <= 500 and created.title.endswith("…")


def test_overrides_set_the_scores(store: Store, tree: Tree) -> None:
    source = risk_note(store, tree)
    created = risks.risk_from_note(store, source.id, probability=5, impact=2)
    assert created.score == 10


def test_a_note_of_another_kind_is_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    error = rejects(None, risks.risk_from_note, store, tree.note.id)
    assert "ryzyko" in error.message


def test_a_note_becomes_a_risk_only_once(store: Store, tree: Tree, rejects: Rejects) -> None:
    source = risk_note(store, tree, title="Jedno ryzyko")
    risks.risk_from_note(store, source.id)
    error = rejects(None, risks.risk_from_note, store, source.id)
    assert "Jedno ryzyko" in error.message


def test_a_deleted_note_is_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    source = risk_note(store, tree)
    records.delete(store, MonitoringNote, source.id)
    rejects(None, risks.risk_from_note, store, source.id)


def test_bad_overrides_are_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    source = risk_note(store, tree)
    rejects("probability", risks.risk_from_note, store, source.id, probability=0)


def test_the_values_from_a_note(store: Store, tree: Tree) -> None:
    source = risk_note(store, tree)
    values = risks.risk_values_from_note(source)
    assert values["source_note_id"] == source.id
    assert source.kind is NoteKind.RISK
