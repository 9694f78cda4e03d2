"""The executive summary opening the plan and the monitoring report: status by goal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.model import Action, ActionStatus
from app.reports import queries
from app.reports.summary import goal_statuses, is_late
from app.storage.store import Store

Documents = Callable[[str, str], Path]


def test_counts_by_goal_add_up_to_the_plans_actions_and_indicators(
    demo_ro: Store, demo_id: str
) -> None:
    data = queries.plan_data(demo_ro, queries.newest_plan_id(demo_ro, demo_id))
    rows = goal_statuses(data, data.indicators, data.today)
    assert len(rows) == len(data.goals) >= 2
    dropped = sum(1 for a in data.actions if ActionStatus(a.status) == ActionStatus.DROPPED)
    assert sum(r.done + r.under_way + r.late for r in rows) + dropped == len(data.actions)
    attached = [
        row
        for row in data.indicators
        if row.indicator.goal_id or row.indicator.objective_id or row.indicator.action_id
    ]
    assert sum(r.on_track + r.at_risk + r.off_track + r.no_data for r in rows) == len(attached)
    assert sum(r.late for r in rows) >= 1 and sum(r.off_track for r in rows) >= 1


def test_late_means_delayed_or_past_its_end() -> None:
    today = date(2026, 6, 1)

    def action(status: str, end: date | None) -> Action:
        return Action(title="x", status=status, end_date=end)

    assert is_late(action("delayed", None), today)
    assert is_late(action("in_progress", date(2026, 5, 31)), today)
    assert not is_late(action("done", date(2026, 5, 31)), today)
    assert not is_late(action("planned", date(2026, 6, 1)), today)


@pytest.mark.parametrize("kind", ["plan", "monitoring"])
def test_the_summary_is_the_page_after_the_cover(kind: str, demo_documents: Documents) -> None:
    reader = PdfReader(str(demo_documents(kind, "pl")))
    page = reader.pages[1].extract_text()
    assert "Podsumowanie dla kierownictwa" in page
    assert "opóźnione" in page and "zagrożone" in page and "Razem" in page
    english = PdfReader(str(demo_documents(kind, "en"))).pages[1].extract_text()
    assert "Podsumowanie" not in english
