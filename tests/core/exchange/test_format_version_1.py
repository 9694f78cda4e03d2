"""Older exchange files still import: a version-1 file (before financing rows) gets its
single budgets as financing rows, and a version-2 file (before a visit's times and the
conclusions of a monitoring period) its visits whole; the columns added since take
their defaults."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
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

ADDED = {2: (fmt.TABLES_ADDED_IN_2, fmt.ADDED_IN_2), 3: (fmt.TABLES_ADDED_IN_3, fmt.ADDED_IN_3)}


def _as_version_1(data: bytes) -> bytes:
    return _as_version(data, 1)


def _as_version(data: bytes, version: int) -> bytes:
    """The file as ``version`` wrote it: none of the tables and columns added since."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    later = [ADDED[v] for v in ADDED if v > version]
    new_tables = {table for tables, _columns in later for table in tables}
    dropped: set[str] = set()
    for table in new_tables:
        body = entries.pop(fmt.records_entry(table), None)
        dropped |= {row["id"] for row in json.loads(body or b"[]")}
    for bookkeeping in (fmt.SEEN, fmt.COUNTERS):
        if bookkeeping in entries:
            kept = json.loads(entries[bookkeeping])
            kept = {key: value for key, value in kept.items() if key not in dropped}
            entries[bookkeeping] = json.dumps(kept).encode()
    for _tables, added in later:
        for table, columns in added.items():
            name = fmt.records_entry(table)
            rows = json.loads(entries[name])
            for row in rows:
                for column in columns:
                    row.pop(column, None)
            entries[name] = json.dumps(rows).encode()
    manifest = json.loads(entries[fmt.MANIFEST])
    manifest["format_version"] = version
    manifest["contents"] = {k: v for k, v in manifest["contents"].items() if k not in new_tables}
    manifest["entries"] = {
        name: {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
        for name, body in entries.items()
        if name != fmt.MANIFEST and not name.endswith("/")
    }
    entries[fmt.MANIFEST] = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in entries.items():
            archive.writestr(name, body)
    return buffer.getvalue()


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
    old = _as_version(current, 2)
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
