"""Older exchange files still import: a version-1 file (before financing rows) gets its
single budgets as financing rows, and a version-2 file (before a visit's times and the
conclusions of a monitoring period) its visits whole; the columns added since take
their defaults."""

from __future__ import annotations

from pathlib import Path

from app.exchange import format as fmt
from app.exchange.export import export_package
from app.exchange.merge import apply_import
from app.exchange.reader import read_bytes
from app.model import (
    Action,
    ActionFunding,
    AdvisoryVisit,
    FundingSource,
    Goal,
    MonitoringConclusion,
    Municipality,
    Objective,
    StrategicPlan,
)
from app.model.funding_seed import legacy_row_id
from app.services import conclusions, funding, records, visits
from app.storage.store import Store
from tests.core.exchange.old_files import as_version

NEW_TABLES = fmt.TABLES_ADDED_IN_2 | fmt.TABLES_ADDED_IN_3  # neither was in version 1


def _as_version_1(data: bytes) -> bytes:
    """The file as version 1 wrote it: no new tables, no new columns."""
    columns = {**fmt.ADDED_IN_2, **fmt.ADDED_IN_3}
    return as_version(data, 1, NEW_TABLES, columns)


def test_a_version_1_file_imports_with_its_budgets_as_rows(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a") as sender:
        m = records.create(sender, Municipality, name="Gmina Łąkowa", kind="rural")
        plan = records.create(
            sender, StrategicPlan, m.id, title="Plan", year_from=2025, year_to=2030
        )
        goal = records.create(sender, Goal, plan.id, title="Cel")
        objective = records.create(sender, Objective, goal.id, title="Cel operacyjny")
        action = records.create(
            sender,
            Action,
            objective.id,
            title="Zajęcia",
            budget_cents=500_000,
            funding_source="część oświatowa subwencji",
        )
        path = export_package(sender, m.id, tmp_path / "paczka").path
    old = _as_version_1(path.read_bytes())
    with Store.open(tmp_path / "b") as receiver:
        package = read_bytes(old, "paczka.planoswiaty")
        assert package.manifest.format_version == 1
        apply_import(receiver, package)
        stored = records.get(receiver, Action, action.id)
        assert (stored.term_precision.value, stored.recurring, stored.partner_ids) == (
            "day",
            False,
            [],
        )
        (row,) = funding.rows_of(receiver, action.id)
        assert row.id == legacy_row_id(action.id)
        assert (row.year, row.planned_cents) == (2025, 500_000)
        assert records.get(receiver, FundingSource, row.source_id).code == "subvention"
        # Imported twice: still one row.
        apply_import(receiver, read_bytes(old, "paczka.planoswiaty"))
        assert len(records.children(receiver, ActionFunding, action_id=action.id)) == 1


def test_a_version_2_file_imports_and_conclusions_travel_in_version_3(tmp_path: Path) -> None:
    from datetime import date

    with Store.open(tmp_path / "a") as sender:
        m = records.create(sender, Municipality, name="Gmina Łąkowa", kind="rural")
        visit = visits.create_visit(
            sender, m.id, visit_date=date(2025, 3, 1), advisor="dr Ewa Nowak",
            start_time="9:00", end_time="12:00", place_kind="school",
        )  # fmt: skip
        made = conclusions.add_period(sender, m.id, date(2025, 1, 1), date(2025, 12, 31))
        conclusions.update(sender, made.id, conclusions="Wnioski", approved_by="Burmistrz")
        path = export_package(sender, m.id, tmp_path / "paczka").path
    current = path.read_bytes()
    assert read_bytes(current, "paczka.planoswiaty").manifest.format_version == 3
    with Store.open(tmp_path / "b") as receiver:
        apply_import(receiver, read_bytes(current, "paczka.planoswiaty"))
        stored = records.get(receiver, MonitoringConclusion, made.id)
        assert (stored.conclusions, stored.approved_by) == ("Wnioski", "Burmistrz")
        copied = records.get(receiver, AdvisoryVisit, visit.id)
        assert (copied.start_time, copied.end_time, copied.place_kind) == (
            "09:00",
            "12:00",
            "school",
        )
    old = as_version(current, 2, fmt.TABLES_ADDED_IN_3, fmt.ADDED_IN_3)
    with Store.open(tmp_path / "c") as receiver:
        package = read_bytes(old, "paczka.planoswiaty")
        assert package.manifest.format_version == 2
        apply_import(receiver, package)
        copied = records.get(receiver, AdvisoryVisit, visit.id)
        assert (copied.advisor, copied.start_time, copied.place_kind) == (
            "dr Ewa Nowak",
            None,
            None,
        )
        assert records.children(receiver, MonitoringConclusion, municipality_id=m.id) == []
