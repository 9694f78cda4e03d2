"""A version-1 exchange file (before financing rows) still imports: its single budgets
become financing rows, the columns added since take their defaults."""

from __future__ import annotations

import json
from pathlib import Path

from app.exchange import format as fmt
from app.exchange.export import export_package
from app.exchange.merge import apply_import
from app.exchange.reader import read_bytes
from app.model import (
    Action,
    ActionFunding,
    FundingSource,
    Goal,
    Municipality,
    Objective,
    StrategicPlan,
)
from app.model.funding_seed import legacy_row_id
from app.services import funding, records
from app.storage.store import Store
from tests.core.exchange.older_files import entries_of, packed

NEW_TABLES = fmt.TABLES_ADDED_IN_2 | fmt.TABLES_ADDED_IN_3


def _as_version_1(data: bytes) -> bytes:
    """The file as version 1 wrote it: no new tables, no new columns."""
    entries = entries_of(data)
    for table in NEW_TABLES:
        entries.pop(fmt.records_entry(table), None)
    for table, columns in fmt.ADDED_IN_2.items():
        name = fmt.records_entry(table)
        rows = json.loads(entries[name])
        for row in rows:
            for column in columns:
                row.pop(column, None)
        entries[name] = json.dumps(rows).encode()
    manifest = json.loads(entries[fmt.MANIFEST])
    manifest["format_version"] = 1
    manifest["contents"] = {k: v for k, v in manifest["contents"].items() if k not in NEW_TABLES}
    return packed(entries, manifest)


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
