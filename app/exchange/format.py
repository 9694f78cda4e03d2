"""What an exchange file is: a zip with a manifest, the records as JSON, and room for more.

Layout of a plain file::

    manifest.json            format and program version, sender, municipality,
                             scope, counts, and the SHA-256 of every other entry
    records/<table>.json     a JSON list of the records of one table
    sync/seen.json           for each record, the versions the sender has seen
    sync/counters.json       for each record, its version counter (format 2 on)
    attachments/…            reserved for files attached to records (none yet)

A file with a passphrase is a zip of two entries: a small ``manifest.json``
that says only that and how it is encrypted, and ``payload.bin``, the plain
file above encrypted whole (see :mod:`app.exchange.crypto`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from app.errors import UserError
from app.i18n import N_, _
from app.model import NETWORK_CLASSES, RECORD_CLASSES
from app.textnorm import bounded_date, first_control, has_lone_surrogate, iso_stamp

FORMAT_NAME = "plan-oswiaty-exchange"
# 2: sync/counters.json; a network of JSTs may be the scope of a file; financing rows,
# institutions, milestones, problem tree, diagnosis tables, plan consultations (schema
# 0004). A version-1 file still imports (ADDED_IN_2).
# 3: closed school years (snapshots and their log, schema 0007) travel with the schools;
# a version-2 file still imports (TABLES_ADDED_IN_3);
# also a school's history and who runs it, pupils by grade and spending per school (schema
# 0009); a visit's times and place kind, the conclusions of a monitoring period (schema
# 0010); links from notes, goals, objectives and actions to good practices
# (practice_link, schema 0011); older programs refuse such a file as newer.
# Versions 1 and 2 still import.
FORMAT_VERSION = 3
EXTENSION = ".planoswiaty"
MANIFEST = "manifest.json"
PAYLOAD = "payload.bin"
SEEN = "sync/seen.json"
COUNTERS = "sync/counters.json"
RECORDS_FOLDER = "records/"
ATTACHMENTS_FOLDER = "attachments/"

TABLE_ORDER: tuple[str, ...] = tuple(cls.__tablename__ for cls in RECORD_CLASSES)

# School-year data travels with the schools (no new part: version-1 files stay complete).
SCHOOL_DATA_TABLES = (
    "school_year_stats",
    "exam_result",
    "education_finance",
    "supervision_finding",
    "yearly_report_chapter",  # the yearly report's chapter order, switches and comments
)
# Closed school years: the frozen data and the log of closing and reopening.
SNAPSHOT_TABLES = ("school_year_snapshot", "snapshot_event")

# The parts of a municipality that can be exported on their own. The
# municipality record itself always travels: it names what the file is about.
PARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "team": (
        N_("Zespół i szkoły"),
        (
            "team_member",
            "school",
            "school_support",
            "institution",
            "person",
            "person_link",
            *SCHOOL_DATA_TABLES,
            *SNAPSHOT_TABLES,
        ),
    ),
    "plans": (
        N_("Plany rozwoju oświaty"),
        (
            "strategic_plan",
            "goal",
            "objective",
            "action",
            "funding_source",
            "action_funding",
            "problem",
            "diagnosis_table",
            "plan_consultation",
            "practice_link",
        ),
    ),
    "indicators": (
        N_("Wskaźniki i pomiary"),
        ("indicator", "measurement", "indicator_milestone", "indicator_binding"),
    ),
    "schedules": (
        N_("Harmonogramy (HDR)"),
        ("development_schedule", "schedule_priority", "schedule_item"),
    ),
    "visits": (
        N_("Wizyty doradcze i zalecenia"),
        ("advisory_visit", "recommendation", "consultation"),
    ),
    "notes": (
        N_("Notatki monitoringowe i ryzyka"),
        ("monitoring_note", "risk", "monitoring_conclusion", "practice_link"),
    ),
}
ALL_PARTS: tuple[str, ...] = tuple(PARTS)

# A network of JSTs travels in a file of its own: the network record names what
# the file is about (as the municipality does in the others), and the file holds
# nothing of any municipality.
NETWORK = "network"
NETWORK_PARTS: tuple[str, ...] = (NETWORK,)
NETWORK_TABLES: tuple[str, ...] = tuple(cls.__tablename__ for cls in NETWORK_CLASSES)
PARTS[NETWORK] = (N_("Sieć JST i jej spotkania"), NETWORK_TABLES[1:])


def root_table(parts: tuple[str, ...]) -> str:
    """The record a file is about: its municipality, or its network."""
    return "network" if parts == NETWORK_PARTS else "municipality"


# Columns a version-1 file does not carry, with the value they take when it is read.
ADDED_IN_2: dict[str, dict[str, Any]] = {
    "action": {
        "realizator_id": None,
        "responsible_person": None,
        "partner_ids": [],
        "term_precision": "day",
        "recurring": False,
    },
    "strategic_plan": {
        "introduction": None,
        "midterm_evaluation_date": None,
        "final_evaluation_date": None,
        "yearly_report_date": None,
    },
}


# Columns a version-1 or version-2 file does not carry (schema 0009), with their values.
ADDED_IN_3: dict[str, dict[str, Any]] = {
    "school": {
        "opened_on": None,
        "closed_on": None,
        "merged_into_id": None,
        "is_public": True,
        "run_by_jst": True,
        "operator": None,
    },
    "school_year_stats": {
        **{f"pupils_grade_{grade}": None for grade in range(9)},
        "spending_cents": None,
    },
    "advisory_visit": {"place_kind": None, "start_time": None, "end_time": None},
}


def added_columns(table: str) -> dict[str, Any]:
    """The columns an older file may lack in ``table``, with the values they take."""
    return {**ADDED_IN_2.get(table, {}), **ADDED_IN_3.get(table, {})}


def part_label(part: str) -> str:
    return _(PARTS[part][0])


def tables_of(parts: tuple[str, ...]) -> tuple[str, ...]:
    wanted = {root_table(parts)} | {table for part in parts for table in PARTS[part][1]}
    return tuple(table for table in TABLE_ORDER if table in wanted)


# Tables a version-1 file does not have.
TABLES_ADDED_IN_2 = frozenset(
    {
        "institution",
        "funding_source",
        "action_funding",
        "problem",
        "diagnosis_table",
        "plan_consultation",
        "indicator_milestone",
    }
)


# Tables a version-2 file does not have.
TABLES_ADDED_IN_3 = frozenset(SNAPSHOT_TABLES) | {"monitoring_conclusion", "practice_link"}


def tables_in_file(parts: tuple[str, ...], version: int) -> tuple[str, ...]:
    """The tables a file of ``version`` with ``parts`` holds."""
    missing = (TABLES_ADDED_IN_2 if version < 2 else frozenset()) | (
        TABLES_ADDED_IN_3 if version < 3 else frozenset()
    )
    return tuple(t for t in tables_of(parts) if t not in missing)


def records_entry(table: str) -> str:
    return f"{RECORDS_FOLDER}{table}.json"


@dataclass(frozen=True)
class Installation:
    id: str
    name: str


@dataclass(frozen=True)
class Manifest:
    program_version: str
    created_at: datetime
    installation: Installation
    municipality_id: str
    municipality_name: str
    parts: tuple[str, ...]
    since: date | None
    contents: dict[str, int]
    checksums: dict[str, str]
    sizes: dict[str, int] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION

    @property
    def complete(self) -> bool:
        """The whole municipality or network (every part, no date limit)."""
        if self.is_network:
            return self.since is None
        return self.since is None and set(self.parts) == set(ALL_PARTS)

    @property
    def is_network(self) -> bool:
        return self.parts == NETWORK_PARTS

    def to_json(self) -> bytes:
        document = {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "program_version": self.program_version,
            "created_at": self.created_at.astimezone(UTC).isoformat(timespec="seconds"),
            "installation": {"id": self.installation.id, "name": self.installation.name},
            root_table(self.parts): {"id": self.municipality_id, "name": self.municipality_name},
            "scope": {
                "parts": list(self.parts),
                "since": self.since.isoformat() if self.since else None,
                "complete": self.complete,
            },
            "contents": self.contents,
            "entries": {
                name: {"sha256": digest, "size": self.sizes.get(name, 0)}
                for name, digest in sorted(self.checksums.items())
            },
            "encrypted": False,
        }
        return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


# -- reading a manifest ------------------------------------------------------------

_HEX64 = re.compile(r"[0-9a-f]{64}")


def parse_json(data: bytes, what: str) -> Any:
    """JSON from a file entry, or a UserError (deep nesting and huge numbers included)."""
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise corrupt(_("niepoprawny JSON w {entry}").format(entry=what)) from None


def corrupt(detail: str) -> UserError:
    return UserError(
        _(
            "Plik wymiany jest uszkodzony albo niekompletny ({detail}). Dane pozostały bez zmian."
        ).format(detail=detail)
    )


def check_format(document: Any) -> dict[str, Any]:
    """The outer checks every manifest passes: ours, and a version this program reads."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise not_an_exchange_file()
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise corrupt(_("niepoprawna wersja formatu"))
    if version > FORMAT_VERSION:
        program = document.get("program_version")
        raise UserError(
            _(
                "Ten plik wymiany zapisała nowsza wersja programu Plan Oświaty "
                "({program}, format {version}); ta wersja czyta format {ours}. "
                "Zainstaluj aktualną wersję programu. Dane pozostały bez zmian."
            ).format(
                program=program if isinstance(program, str) else "?",
                version=version,
                ours=FORMAT_VERSION,
            )
        )
    return document


def not_an_exchange_file() -> UserError:
    return UserError(
        _(
            "To nie jest plik wymiany programu Plan Oświaty (oczekiwano pliku {extension}). "
            "Dane pozostały bez zmian."
        ).format(extension=EXTENSION)
    )


def parse_manifest(document: dict[str, Any]) -> Manifest:
    """The full manifest of a plain file, every value checked."""
    try:
        installation = _object(document, "installation")
        scope = _object(document, "scope")
        parts = _parts(scope.get("parts"))
        municipality = _object(document, root_table(parts))
        entries = _object(document, "entries")
        return Manifest(
            format_version=int(document["format_version"]),
            program_version=_text(document, "program_version", 40),
            created_at=_timestamp(document, "created_at"),
            installation=Installation(
                _text(installation, "id", 36), _text(installation, "name", 200)
            ),
            municipality_id=_text(municipality, "id", 36),
            municipality_name=_text(municipality, "name", 200),
            parts=parts,
            since=_day(scope.get("since")),
            contents=_contents(document.get("contents")),
            checksums={name: _digest(info) for name, info in _entries(entries)},
            sizes={name: _size(info) for name, info in _entries(entries)},
        )
    except (KeyError, TypeError, ValueError, OverflowError):
        raise corrupt(_("niepoprawny manifest")) from None


def _object(document: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = document[key]
    if not isinstance(value, dict):
        raise TypeError(key)
    return value


def _text(document: Mapping[str, Any], key: str, limit: int) -> str:
    value = document[key]
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ValueError(key)
    if has_lone_surrogate(value) or first_control(value) is not None:
        raise ValueError(key)
    return value


def _timestamp(document: Mapping[str, Any], key: str) -> datetime:
    return iso_stamp(_text(document, key, 40))


def _parts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(part in PARTS for part in value):
        raise ValueError("parts")
    if len(set(value)) != len(value) or (NETWORK in value and len(value) > 1):
        raise ValueError("parts")
    return tuple(value)


def _day(value: Any) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("since")
    return bounded_date(value)


def _contents(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        raise TypeError("contents")
    for table, count in value.items():
        if table not in TABLE_ORDER or isinstance(count, bool) or not isinstance(count, int):
            raise ValueError("contents")
        if count < 0:
            raise ValueError("contents")
    return dict(value)


def _entries(entries: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for name, info in entries.items():
        if not isinstance(info, dict):
            raise TypeError(name)
        found.append((name, info))
    return found


def _digest(info: Mapping[str, Any]) -> str:
    digest = info["sha256"]
    if not isinstance(digest, str) or not _HEX64.fullmatch(digest):
        raise ValueError("sha256")
    return digest


def _size(info: Mapping[str, Any]) -> int:
    size = info.get("size", 0)
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise ValueError("size")
    return size
