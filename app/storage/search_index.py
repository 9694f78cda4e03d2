"""Full-text search over every text a user writes, with SQLite FTS5.

The index holds *folded* text (see :mod:`app.textnorm`) so that ``lodz`` finds
``Łódź``. It is kept in step by a session hook in the same transaction as the
change, so it can never disagree with the data after a crash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.model import (
    Action,
    AdvisoryVisit,
    DevelopmentSchedule,
    DiagnosisTable,
    Goal,
    GoodPractice,
    Indicator,
    Institution,
    MonitoringConclusion,
    MonitoringNote,
    Municipality,
    Network,
    NetworkMeeting,
    Objective,
    Person,
    PlanConsultation,
    Problem,
    Recommendation,
    Record,
    Risk,
    ScheduleItem,
    SchedulePriority,
    School,
    SchoolSupport,
    StrategicPlan,
    TeamMember,
)
from app.textnorm import fold

# The index (created by the first migration): a plain table ``search_doc`` holds
# the folded text, looked up by record id so an update is not a scan, and an
# external-content FTS5 table ``search_index`` indexes it, kept in step by
# triggers in plain SQL (no Python function is needed to open the file).

# The text fields of each record type that search looks into; the first is its title.
SEARCH_FIELDS: dict[type[Record], tuple[str, ...]] = {
    Municipality: ("name", "voivodeship", "county", "address", "notes"),
    TeamMember: ("name", "role", "institution", "email"),
    School: ("name", "school_type", "town", "street", "director", "rspo"),
    SchoolSupport: ("notes",),
    StrategicPlan: (
        "title",
        "diagnosis_context",
        "diagnosis_education",
        "diagnosis_demography",
        "diagnosis_conclusions",
        "swot_strengths",
        "swot_weaknesses",
        "swot_opportunities",
        "swot_threats",
        "vision",
        "mission",
        "implementation_system",
        "resolution_number",
        "introduction",
    ),
    Goal: ("title", "description"),
    Objective: ("title", "description"),
    Action: ("title", "description", "partners", "funding_source"),
    Indicator: ("name", "description", "unit", "data_source"),
    DevelopmentSchedule: (
        "title",
        "custom_area",
        "participants",
        "advisors",
        "step_area_choice",
        "step_diagnosis",
        "step_priorities",
        "step_schedule",
        "step_implementation",
        "step_tools",
    ),
    SchedulePriority: ("title", "description"),
    ScheduleItem: (
        "action",
        "goal",
        "responsible",
        "resources_people",
        "resources_materials",
        "expected_effect",
        "success_indicator",
        "management_tool",
    ),
    MonitoringNote: ("title", "text", "author", "follow_up"),
    MonitoringConclusion: ("conclusions", "recommendations", "prepared_by", "approved_by"),
    Risk: ("title", "description", "mitigation", "owner"),
    AdvisoryVisit: ("place", "advisor", "participants", "agenda", "findings", "notes"),
    Recommendation: ("text", "owner", "status_note"),
    Network: ("name", "coordinator", "description"),
    NetworkMeeting: ("topic", "place", "materials", "conclusions"),
    GoodPractice: ("title", "schools", "description", "results", "contact"),
    Person: ("name", "institution", "email"),
    Institution: ("name", "notes"),
    Problem: ("title", "description"),
    DiagnosisTable: ("title", "content", "source_note"),
    PlanConsultation: ("form", "participants", "handling"),
}

_WORD = re.compile(r"\w+", re.UNICODE)


def record_text(record: Record) -> str:
    fields = SEARCH_FIELDS.get(type(record), ())
    parts = [getattr(record, name) for name in fields]
    return "\n".join(str(part) for part in parts if part)


def _municipality_of(record: Record) -> str:
    if isinstance(record, Municipality):
        return record.id
    return str(getattr(record, "municipality_id", ""))


def reindex(session: Session, records: Iterable[Record]) -> None:
    """Bring the index rows of ``records`` up to date (deleted ones are removed)."""
    for record in records:
        if type(record) not in SEARCH_FIELDS:
            continue
        session.connection().execute(
            text("DELETE FROM search_doc WHERE record_id = :id"), {"id": record.id}
        )
        if record.deleted_at is None:
            session.connection().execute(
                text(
                    "INSERT INTO search_doc (record_type, record_id, municipality_id, body) "
                    "VALUES (:type, :id, :municipality, :body)"
                ),
                {
                    "type": type(record).__tablename__,
                    "id": record.id,
                    "municipality": _municipality_of(record),
                    "body": fold(record_text(record)),
                },
            )


def remove(session: Session, record_ids: Iterable[str]) -> None:
    for record_id in record_ids:
        session.connection().execute(
            text("DELETE FROM search_doc WHERE record_id = :id"), {"id": record_id}
        )


def fts_query(user_text: str) -> str | None:
    """Turn what a user typed into an FTS5 query: every word, as a prefix, all required."""
    words = _WORD.findall(fold(user_text))
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words[:20])


@dataclass(frozen=True)
class IndexHit:
    record_type: str
    record_id: str
    municipality_id: str
    folded_body: str = ""


def query(
    session: Session, user_text: str, *, municipality_id: str | None = None, limit: int = 200
) -> list[IndexHit]:
    match = fts_query(user_text)
    if match is None:
        return []
    sql = (
        "SELECT d.record_type, d.record_id, d.municipality_id, d.body FROM search_index "
        "JOIN search_doc AS d ON d.rowid = search_index.rowid "
        "WHERE search_index MATCH :match"
    )
    params: dict[str, object] = {"match": match, "limit": limit}
    if municipality_id is not None:
        sql += " AND d.municipality_id = :municipality"
        params["municipality"] = municipality_id
    # Ranking thousands of hits of a one- or two-letter prefix costs more than it helps.
    short = all(len(word) <= 2 for word in _WORD.findall(fold(user_text)))
    sql += " ORDER BY d.rowid DESC LIMIT :limit" if short else " ORDER BY rank LIMIT :limit"
    rows = session.execute(text(sql), params).all()
    return [IndexHit(str(row[0]), str(row[1]), str(row[2]), str(row[3])) for row in rows]


def rebuild(session: Session) -> int:
    """Recreate the whole index from the records (used by migrations and repair)."""
    session.execute(text("DELETE FROM search_doc"))
    count = 0
    for cls in SEARCH_FIELDS:
        records = session.scalars(select(cls).execution_options(include_deleted=True)).all()
        reindex(session, records)
        count += len(records)
    return count
