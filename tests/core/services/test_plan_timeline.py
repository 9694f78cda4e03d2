"""The plan's actions on a timeline: tree order, spans at the stated precision, overdue."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from app.model import Action, ActionStatus, Objective, TermPrecision
from app.services import overview, plan_timeline, plans, records, terms
from app.services.plan_timeline import ACTION, GOAL, OBJECTIVE
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Tree


def _term(store: Store, action_id: str, text: str) -> None:
    term = terms.parse(text)
    assert term is not None
    records.update(store, Action, action_id, **term.values())


def test_entries_follow_the_tree_and_its_numbers(store: Store, tree: Tree) -> None:
    second = records.create(store, Objective, tree.goal.id, title="Cel operacyjny 1.2", code="")
    records.create(store, Action, second.id, title="Pikniki   naukowe")
    entries = plan_timeline.timeline(plans.tree(store, tree.plan.id), date(2025, 1, 1))
    assert [(e.kind, e.label) for e in entries] == [
        (GOAL, "1. Cel strategiczny 1"),
        (OBJECTIVE, "1.1. Cel operacyjny 1.1"),
        (ACTION, "1.1.1. Szkolenia nauczycieli"),
        (OBJECTIVE, "1.2. Cel operacyjny 1.2"),
        (ACTION, "1.2.1. Pikniki naukowe"),
    ]
    assert entries[2].spans == () and entries[2].term == ""


@pytest.mark.parametrize(
    ("text", "spans", "precision"),
    [
        ("III kw. 2025", [(date(2025, 7, 1), date(2025, 9, 30))], TermPrecision.QUARTER),
        ("2025/2026", [(date(2025, 9, 1), date(2026, 8, 31))], TermPrecision.SCHOOL_YEAR),
        ("2026", [(date(2026, 1, 1), date(2026, 12, 31))], TermPrecision.YEAR),
        ("15.03.2025", [(date(2025, 3, 15), date(2025, 3, 15))], TermPrecision.DAY),
        (
            "corocznie, IV kw. 2025–2027",
            [
                (date(2025, 10, 1), date(2025, 12, 31)),
                (date(2026, 10, 1), date(2026, 12, 31)),
                (date(2027, 10, 1), date(2027, 12, 31)),
            ],
            TermPrecision.QUARTER,
        ),
    ],
)
def test_an_action_spans_its_periods_at_the_stated_precision(
    store: Store, tree: Tree, text: str, spans: list[tuple[date, date]], precision: TermPrecision
) -> None:
    _term(store, tree.action.id, text)
    entries = plan_timeline.timeline(plans.tree(store, tree.plan.id), date(2025, 1, 1))
    action = entries[-1]
    assert list(action.spans) == spans
    assert action.precision is precision
    assert action.term == terms.label(spans[0][0], spans[-1][1], precision, len(spans) > 1)


@pytest.mark.parametrize(
    ("today", "status", "overdue"),
    [
        (date(2025, 9, 30), ActionStatus.IN_PROGRESS, False),  # the quarter's last day
        (date(2025, 10, 1), ActionStatus.IN_PROGRESS, True),
        (date(2025, 10, 1), ActionStatus.DONE, False),
        (date(2025, 10, 1), ActionStatus.DROPPED, False),
    ],
)
def test_overdue_reads_the_end_of_the_stated_period_here_and_in_the_overview(
    store: Store, tree: Tree, today: date, status: ActionStatus, overdue: bool
) -> None:
    _term(store, tree.action.id, "III kw. 2025")
    records.update(store, Action, tree.action.id, status=status)
    [*_, entry] = plan_timeline.timeline(plans.tree(store, tree.plan.id), today)
    assert entry.overdue is overdue
    found = overview.municipality_overview(store, tree.municipality.id, today)
    assert found.signals.actions_overdue == int(overdue)


def test_a_term_stored_inside_its_period_is_widened_to_the_whole_period(
    store: Store, tree: Tree
) -> None:
    """An import or an old edit that stores 15.08 with quarter precision still ends on 30.09."""
    records.update(
        store,
        Action,
        tree.action.id,
        term_precision=TermPrecision.QUARTER,
        start_date=date(2025, 8, 15),
        end_date=date(2025, 8, 15),
    )
    action = records.get(store, Action, tree.action.id)
    assert (action.start_date, action.end_date) == (date(2025, 7, 1), date(2025, 9, 30))
    found = overview.municipality_overview(store, tree.municipality.id, date(2025, 9, 1))
    assert found.signals.actions_overdue == 0
