"""Applying an import: a fresh plan, a backup, then one transaction — or nothing at all.

:func:`app.exchange.plan.plan_import` says what an import would do without
writing; :func:`app.exchange.resolve.resolve` turns the user's choices into
writes; :func:`apply_import` does both again against the store as it is now,
takes a backup, writes every record, the school links, the versions seen and
a log entry in one transaction, and tells the window what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from app.changes import Change, ChangeKind
from app.exchange import codec, describe
from app.exchange import format as fmt
from app.exchange.export import add_seen
from app.exchange.plan import Choice, ImportPlan, Item, Outcome, plan_import
from app.exchange.reader import Package
from app.exchange.resolve import Choices, Resolution, resolve
from app.model import ImportRecord, Record, action_school
from app.model.base import UTCDateTime
from app.services import records as record_service
from app.services.fields import PARENTS
from app.services.funding import adopt_legacy_budgets
from app.storage import change_log, closed_years
from app.storage.store import Store

__all__ = ["Choice", "ImportPlan", "ImportResult", "Item", "Outcome", "apply_import", "plan_import"]

MAX_LOGGED = 5_000


@dataclass(frozen=True)
class ImportResult:
    added: int
    changed: int
    deleted: int
    conflicts: int
    kept_alive: tuple[str, ...]
    backup: Path | None
    import_id: str | None

    @property
    def nothing_changed(self) -> bool:
        return self.import_id is None


def apply_import(
    store: Store,
    package: Package,
    choices: Choices | None = None,
    *,
    default: Choice | None = None,
    expected_municipality_id: str | None = None,
) -> ImportResult:
    """Apply ``package``: a fresh plan, a backup, then one transaction (or nothing at all)."""
    plan = plan_import(store, package, expected_municipality_id)
    resolution = resolve(plan, choices or {}, default)
    seen = plan.new_seen() + _resolution_seen(plan, resolution)
    if not resolution.writes:
        # Nothing to change; only what the file taught us about versions, if anything.
        if seen:
            with store.session() as session:
                add_seen(session, seen)
        return ImportResult(0, 0, 0, len(plan.conflicts), (), None, None)
    backup = store.backup("before-import")
    with store.session() as session:
        _write_records(session, plan, resolution)
        if package.manifest.format_version < 2:  # a version-1 file's single budgets
            adopt_legacy_budgets(session, plan.municipality_id)
        add_seen(session, seen)
        record = _log(session, plan, resolution, backup)
    if any(codec.is_deleted(write.wire) for write in resolution.writes):
        store.forget_erased()
    manifest = plan.package.manifest
    root = fmt.root_table(manifest.parts)
    owner = None if manifest.is_network else plan.municipality_id
    store.changes.publish(Change(ChangeKind.RELOADED, root, (plan.municipality_id,), owner))
    return ImportResult(
        added=resolution.count("added", "conflict-copy"),
        changed=resolution.count("changed", "conflict-theirs", "conflict-both", "kept-alive"),
        deleted=resolution.count("deleted"),
        conflicts=len(plan.conflicts),
        kept_alive=tuple(resolution.kept_alive),
        backup=backup,
        import_id=record.id,
    )


_SNAPSHOT = ("school_year_snapshot",)


def _write_records(session: Session, plan: ImportPlan, resolution: Resolution) -> None:
    stamps: dict[str, list[dict[str, Any]]] = {}
    closed_years.allow_arriving(
        session, {w.wire["school_year"] for w in resolution.writes if w.table in _SNAPSHOT}
    )
    for table in fmt.TABLE_ORDER:
        writes = [w for w in resolution.writes if w.table == table]
        if not writes:
            continue
        cls = codec.TABLES[table]
        existing = {
            record.id: record
            for chunk in codec.chunks([w.record_id for w in writes if not w.insert])
            for record in session.scalars(
                select(cls).where(cls.id.in_(chunk)).execution_options(include_deleted=True)
            )
        }
        for write in writes:
            values = codec.python_values(table, write.wire)
            if write.insert:
                session.add(cls(**values))
            else:
                record = existing[write.record_id]
                for name, value in values.items():
                    if name != "id":
                        setattr(record, name, value)
                stamps.setdefault(table, []).append(
                    {"b_id": write.record_id, "b_stamp": values["updated_at"]}
                )
        session.flush()
    _restore_stamps(session, stamps)
    change_log.set_counters(
        session,
        {
            write.record_id: plan.package.counters.get(write.record_id, 0)
            for write in resolution.writes
            if write.outcome != "conflict-copy"
        },
    )
    _write_school_links(session, plan, resolution)
    record_service.normalise_positions(session, _sibling_groups(plan, resolution))
    session.flush()


def _sibling_groups(plan: ImportPlan, resolution: Resolution) -> list[tuple[type[Record], str]]:
    """(class, parent id) of every record written that has a place among siblings,
    under its new parent and under the one it left."""
    groups = []
    for write in resolution.writes:
        cls = codec.TABLES[write.table]
        if cls not in PARENTS or not hasattr(cls, "position"):
            continue
        mine = plan.mine.get(write.record_id)
        for wire in (write.wire, mine[1] if mine else {}):
            parent_id = wire.get(PARENTS[cls][0])
            if isinstance(parent_id, str):
                groups.append((cls, parent_id))
    return groups


def _restore_stamps(session: Session, stamps: Mapping[str, list[dict[str, Any]]]) -> None:
    """Edits get a fresh ``updated_at`` from the session hook; an import keeps the sender's,
    so that both laptops hold the same record, stamps included."""
    for table, rows in stamps.items():
        target = cast(Table, codec.TABLES[table].__table__)
        statement = (
            update(target)
            .where(target.c.id == bindparam("b_id"))
            .values(updated_at=bindparam("b_stamp", type_=UTCDateTime()))
        )
        session.execute(statement, rows)


def _write_school_links(session: Session, plan: ImportPlan, resolution: Resolution) -> None:
    for write in resolution.writes:
        if write.table != "action":
            continue
        wanted = list(write.wire.get(codec.SCHOOLS, []))
        mine = plan.mine.get(write.record_id)
        if mine is not None and mine[1].get(codec.SCHOOLS, []) == wanted:
            continue
        session.execute(delete(action_school).where(action_school.c.action_id == write.record_id))
        if wanted:
            session.execute(
                insert(action_school),
                [{"action_id": write.record_id, "school_id": school} for school in wanted],
            )


def _resolution_seen(plan: ImportPlan, resolution: Resolution) -> list[dict[str, str]]:
    """Versions a resolution settles beyond the file's: ours when both notes were kept."""
    settled = [
        (write.record_id, write.wire)
        for write in resolution.writes
        if write.outcome in ("conflict-copy", "conflict-both")
    ]
    settled += [(item.record_id, item.mine) for item in plan.conflicts if item.mine is not None]
    rows = []
    for record_id, wire in settled:
        version = codec.content_hash(wire)
        if version not in plan.known.get(record_id, set()):
            rows.append(
                {
                    "record_id": record_id,
                    "version": version,
                    "municipality_id": plan.municipality_id,
                }
            )
    return rows


def _log(session: Session, plan: ImportPlan, resolution: Resolution, backup: Path) -> ImportRecord:
    manifest = plan.package.manifest
    detail = {
        "records": [
            {
                "table": write.table,
                "id": write.record_id,
                "title": describe.title(write.table, write.wire),
                "outcome": write.outcome,
            }
            for write in resolution.writes[:MAX_LOGGED]
            if write.outcome != "tombstone"
        ],
        "kept_alive": resolution.kept_alive[:MAX_LOGGED],
        "backup": backup.name,
        "encrypted": plan.package.encrypted,
        "parts": list(manifest.parts),
        "since": manifest.since.isoformat() if manifest.since else None,
    }
    record = ImportRecord(
        municipality_id=plan.municipality_id,
        municipality_name=plan.municipality_name[:200],
        source_installation_id=manifest.installation.id,
        source_installation_name=manifest.installation.name,
        file_name=plan.package.file_name[:500],
        file_sha256=plan.package.file_sha256,
        package_created_at=manifest.created_at,
        added=resolution.count("added", "conflict-copy"),
        changed=resolution.count("changed", "conflict-theirs", "conflict-both", "kept-alive"),
        deleted=resolution.count("deleted"),
        conflicts=len(plan.conflicts),
        detail=detail,
    )
    session.add(record)
    return record
