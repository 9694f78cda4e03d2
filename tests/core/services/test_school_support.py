"""Process support of schools: the four stages, their history, and one-transaction changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest

from app.changes import Change
from app.errors import UserError
from app.model import School, SchoolSupport, SupportStage
from app.services import records, school_support
from app.services.school_support import STAGES
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Rejects, Snapshot, Tree

DATES = (date(2025, 2, 3), date(2025, 5, 12), date(2025, 9, 1), date(2026, 6, 1))


def stage_of(store: Store, school_id: str) -> SupportStage | None:
    return records.get(store, School, school_id).support_stage


def test_the_stages_follow_in_order() -> None:
    assert STAGES == (
        SupportStage.DIAGNOSIS,
        SupportStage.AGREEMENT,
        SupportStage.IMPLEMENTATION,
        SupportStage.ASSESSMENT,
    )
    assert school_support.next_stage(None) is SupportStage.DIAGNOSIS
    assert school_support.next_stage(SupportStage.DIAGNOSIS) is SupportStage.AGREEMENT
    assert school_support.next_stage(SupportStage.IMPLEMENTATION) is SupportStage.ASSESSMENT
    assert school_support.next_stage(SupportStage.ASSESSMENT) is None


def test_a_school_goes_through_the_four_stages(store: Store, tree: Tree) -> None:
    school_id = tree.school.id
    for stage, day in zip(STAGES, DATES, strict=True):
        school_support.advance(store, school_id, stage, day, notes=f"Etap {stage.value}")
        assert stage_of(store, school_id) is stage
    steps = school_support.history(store, school_id)
    assert [s.stage for s in steps] == list(STAGES)
    assert [s.stage_date for s in steps] == list(DATES)
    assert [s.completed_on for s in steps] == [*DATES[1:], None]
    assert steps[2].notes == "Etap implementation"
    grouped = school_support.by_stage(store, tree.municipality.id)
    assert [s.school.id for s in grouped[SupportStage.ASSESSMENT]] == [school_id]
    assert grouped[None] == []
    current = school_support.covered(store, tree.municipality.id)[0]
    assert (current.stage, current.since) == (SupportStage.ASSESSMENT, DATES[3])
    assert len(current.steps) == 4


def test_the_same_day_is_allowed_for_the_next_stage(store: Store, tree: Tree) -> None:
    school_support.advance(store, tree.school.id, "diagnosis", DATES[0])
    school_support.advance(store, tree.school.id, "agreement", DATES[0])
    steps = school_support.history(store, tree.school.id)
    assert steps[0].completed_on == DATES[0]


def test_a_new_cycle_may_start_after_the_assessment(store: Store, tree: Tree) -> None:
    for stage, day in zip(STAGES, DATES, strict=True):
        school_support.advance(store, tree.school.id, stage, day)
    school_support.advance(store, tree.school.id, SupportStage.DIAGNOSIS, date(2026, 9, 1))
    assert stage_of(store, tree.school.id) is SupportStage.DIAGNOSIS
    assert len(school_support.history(store, tree.school.id)) == 5


def test_the_current_stage_is_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    school_support.advance(store, tree.school.id, "diagnosis", DATES[0])
    error = rejects("stage", school_support.advance, store, tree.school.id, "diagnosis", DATES[1])
    assert "diagnoza" in error.message


def test_a_date_before_the_latest_step_is_refused(
    store: Store, tree: Tree, rejects: Rejects
) -> None:
    school_support.advance(store, tree.school.id, "diagnosis", DATES[1])
    error = rejects(
        "stage_date", school_support.advance, store, tree.school.id, "agreement", DATES[0]
    )
    assert "12.05.2025" in error.message


@pytest.mark.parametrize(
    ("field", "stage", "day"),
    [
        ("stage", "finished", DATES[0]),
        ("stage", None, DATES[0]),
        ("stage_date", "diagnosis", None),
        ("stage_date", "diagnosis", "2025-02-30"),
        ("stage_date", "diagnosis", date(1989, 12, 31)),
    ],
)
def test_bad_values_are_refused(
    store: Store, tree: Tree, rejects: Rejects, field: str, stage: Any, day: Any
) -> None:
    rejects(field, school_support.advance, store, tree.school.id, stage, day)


def test_too_long_notes_are_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    rejects(
        "notes",
        school_support.advance,
        store,
        tree.school.id,
        "diagnosis",
        DATES[0],
        "x" * 2_000_000,
    )


def test_a_deleted_or_unknown_school_is_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    rejects(None, school_support.advance, store, "no-such-school", "diagnosis", DATES[0])
    records.delete(store, School, tree.school.id)
    rejects(None, school_support.advance, store, tree.school.id, "diagnosis", DATES[0])


def test_a_failure_half_way_leaves_nothing_behind(
    store: Store,
    tree: Tree,
    snapshot: Callable[[], Snapshot],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The previous step is closed and the new one built before the school's check fails."""
    school_support.advance(store, tree.school.id, "diagnosis", DATES[0])
    before = snapshot()
    real = school_support.validation.check_rules

    def refuse_schools(record: Any) -> None:
        if isinstance(record, School):
            raise UserError("Nieudany zapis.")
        real(record)

    monkeypatch.setattr(school_support.validation, "check_rules", refuse_schools)
    with pytest.raises(UserError):
        school_support.advance(store, tree.school.id, "agreement", DATES[1])
    assert snapshot() == before
    assert school_support.history(store, tree.school.id)[0].completed_on is None


def test_undo_takes_back_exactly_one_change(store: Store, tree: Tree) -> None:
    school_support.advance(store, tree.school.id, "diagnosis", DATES[0])
    change = school_support.advance(store, tree.school.id, "agreement", DATES[1], "Kontrakt")
    school_support.undo_advance(store, change)
    assert stage_of(store, tree.school.id) is SupportStage.DIAGNOSIS
    steps = school_support.history(store, tree.school.id)
    assert [s.stage for s in steps] == [SupportStage.DIAGNOSIS]
    assert steps[0].completed_on is None
    first = school_support.history(store, tree.school.id)[0]
    school_support.undo_advance(
        store,
        school_support.StageChange(
            tree.school.id,
            tree.municipality.id,
            first.id,
            SupportStage.DIAGNOSIS,
            None,
            None,
            DATES[0],
        ),
    )
    assert stage_of(store, tree.school.id) is None
    assert school_support.history(store, tree.school.id) == []


def test_undo_keeps_a_completion_date_edited_since(store: Store, tree: Tree) -> None:
    school_support.advance(store, tree.school.id, "diagnosis", DATES[0])
    change = school_support.advance(store, tree.school.id, "agreement", DATES[1])
    first = school_support.history(store, tree.school.id)[0]
    records.update(store, SchoolSupport, first.id, completed_on=date(2025, 4, 30))
    school_support.undo_advance(store, change)
    assert school_support.history(store, tree.school.id)[0].completed_on == date(2025, 4, 30)


def test_undo_after_another_change_is_refused(store: Store, tree: Tree) -> None:
    change = school_support.advance(store, tree.school.id, "diagnosis", DATES[0])
    school_support.advance(store, tree.school.id, "agreement", DATES[1])
    with pytest.raises(UserError):
        school_support.undo_advance(store, change)
    assert stage_of(store, tree.school.id) is SupportStage.AGREEMENT


def test_advance_tells_listeners(store: Store, tree: Tree) -> None:
    heard: list[Change] = []
    store.changes.subscribe(heard.append)
    change = school_support.advance(store, tree.school.id, "diagnosis", DATES[0])
    assert {(c.record_type, c.record_ids) for c in heard} >= {
        ("school", (tree.school.id,)),
        ("school_support", (change.step_id,)),
    }
    assert all(c.municipality_id == tree.municipality.id for c in heard)


def test_by_stage_groups_every_school(store: Store, tree: Tree, other: Tree) -> None:
    m = tree.municipality.id
    second = records.create(store, School, m, name="Przedszkole Żaczek", school_type="przedszkole")
    school_support.advance(store, second.id, "diagnosis", DATES[0])
    grouped = school_support.by_stage(store, m)
    assert list(grouped) == [*STAGES, None]
    assert [s.school.id for s in grouped[SupportStage.DIAGNOSIS]] == [second.id]
    assert [s.school.id for s in grouped[None]] == [tree.school.id]
    assert school_support.stage_counts(store, m) == {
        SupportStage.DIAGNOSIS: 1,
        SupportStage.AGREEMENT: 0,
        SupportStage.IMPLEMENTATION: 0,
        SupportStage.ASSESSMENT: 0,
    }
    assert other.school.id not in {s.school.id for group in grouped.values() for s in group}


def test_a_stage_set_without_history_has_no_date(store: Store, tree: Tree) -> None:
    records.update(store, School, tree.school.id, support_stage="implementation")
    current = school_support.covered(store, tree.municipality.id)[0]
    assert (current.stage, current.step, current.since) == (SupportStage.IMPLEMENTATION, None, None)
