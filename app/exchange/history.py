"""The log of imports: when, from which installation and file, and what each changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.i18n import N_, _
from app.model import ImportRecord
from app.storage.store import Store

OUTCOME_LABELS = {
    "added": N_("dodany"),
    "changed": N_("zmieniony"),
    "deleted": N_("usunięty"),
    "conflict-theirs": N_("konflikt: przyjęto wersję z pliku"),
    "conflict-both": N_("konflikt: zachowano obie wersje"),
    "conflict-copy": N_("konflikt: dodany jako osobna notatka"),
    "kept-alive": N_("zachowany, bo należą do niego zachowane elementy"),
}


def outcome_label(outcome: str) -> str:
    return _(OUTCOME_LABELS[outcome]) if outcome in OUTCOME_LABELS else outcome


@dataclass(frozen=True)
class LoggedRecord:
    table: str
    record_id: str
    title: str
    outcome: str


@dataclass(frozen=True)
class ImportEntry:
    id: str
    imported_at: datetime
    municipality_id: str
    municipality_name: str
    source_installation_id: str
    source_installation_name: str
    file_name: str
    package_created_at: datetime
    added: int
    changed: int
    deleted: int
    conflicts: int
    records: tuple[LoggedRecord, ...]
    backup: str | None


def imports(store: Store, municipality_id: str | None = None) -> list[ImportEntry]:
    """Every import, newest first (of one municipality, if given)."""
    query = select(ImportRecord).order_by(ImportRecord.imported_at.desc(), ImportRecord.id)
    if municipality_id is not None:
        query = query.where(ImportRecord.municipality_id == municipality_id)
    with store.session() as session:
        return [_entry(row) for row in session.scalars(query).all()]


def origin(store: Store, record_id: str) -> ImportEntry | None:
    """The latest import that changed ``record_id``: where its current version came from.

    None when no import touched it (it was made or last changed here).
    """
    for entry in imports(store):
        if any(logged.record_id == record_id for logged in entry.records):
            return entry
    return None


def _entry(row: ImportRecord) -> ImportEntry:
    detail: dict[str, Any] = row.detail if isinstance(row.detail, dict) else {}
    logged = detail.get("records", [])
    backup = detail.get("backup")
    return ImportEntry(
        id=row.id,
        imported_at=row.imported_at,
        municipality_id=row.municipality_id,
        municipality_name=row.municipality_name,
        source_installation_id=row.source_installation_id,
        source_installation_name=row.source_installation_name,
        file_name=row.file_name,
        package_created_at=row.package_created_at,
        added=row.added,
        changed=row.changed,
        deleted=row.deleted,
        conflicts=row.conflicts,
        records=tuple(
            LoggedRecord(
                str(item.get("table", "")),
                str(item.get("id", "")),
                str(item.get("title", "")),
                str(item.get("outcome", "")),
            )
            for item in logged
            if isinstance(item, dict)
        ),
        backup=backup if isinstance(backup, str) else None,
    )
