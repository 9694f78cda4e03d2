"""What an exchange file is: a zip with a manifest, the records as JSON, and room for more.

Layout of a plain file::

    manifest.json            format and program version, sender, municipality,
                             scope, counts, and the SHA-256 of every other entry
    records/<table>.json     a JSON list of the records of one table
    sync/seen.json           for each record, the versions the sender has seen
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
from app.model import RECORD_CLASSES

FORMAT_NAME = "plan-oswiaty-exchange"
# 2: financing rows, institutions, milestones, problem tree, diagnosis tables,
# consultations (schema 0004); a version-1 file still imports (ADDED_IN_2).
FORMAT_VERSION = 2
EXTENSION = ".planoswiaty"
MANIFEST = "manifest.json"
PAYLOAD = "payload.bin"
SEEN = "sync/seen.json"
RECORDS_FOLDER = "records/"
ATTACHMENTS_FOLDER = "attachments/"

TABLE_ORDER: tuple[str, ...] = tuple(cls.__tablename__ for cls in RECORD_CLASSES)

# The parts of a municipality that can be exported on their own. The
# municipality record itself always travels: it names what the file is about.
PARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "team": (
        N_("Zespół i szkoły"),
        ("team_member", "school", "school_support", "institution"),
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
            "consultation",
        ),
    ),
    "indicators": (
        N_("Wskaźniki i pomiary"),
        ("indicator", "measurement", "indicator_milestone"),
    ),
    "schedules": (
        N_("Harmonogramy (HDR)"),
        ("development_schedule", "schedule_priority", "schedule_item"),
    ),
    "visits": (N_("Wizyty doradcze i zalecenia"), ("advisory_visit", "recommendation")),
    "notes": (N_("Notatki monitoringowe i ryzyka"), ("monitoring_note", "risk")),
}
ALL_PARTS: tuple[str, ...] = tuple(PARTS)

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


def part_label(part: str) -> str:
    return _(PARTS[part][0])


def tables_of(parts: tuple[str, ...]) -> tuple[str, ...]:
    wanted = {"municipality"} | {table for part in parts for table in PARTS[part][1]}
    return tuple(table for table in TABLE_ORDER if table in wanted)


# Tables a version-1 file does not have.
TABLES_ADDED_IN_2 = frozenset(
    {
        "institution",
        "funding_source",
        "action_funding",
        "problem",
        "diagnosis_table",
        "consultation",
        "indicator_milestone",
    }
)


def tables_in_file(parts: tuple[str, ...], version: int) -> tuple[str, ...]:
    """The tables a file of ``version`` with ``parts`` holds."""
    tables = tables_of(parts)
    return tables if version >= 2 else tuple(t for t in tables if t not in TABLES_ADDED_IN_2)


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
        """The whole municipality (every part, no date limit)."""
        return self.since is None and set(self.parts) == set(ALL_PARTS)

    def to_json(self) -> bytes:
        document = {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "program_version": self.program_version,
            "created_at": self.created_at.astimezone(UTC).isoformat(timespec="seconds"),
            "installation": {"id": self.installation.id, "name": self.installation.name},
            "municipality": {"id": self.municipality_id, "name": self.municipality_name},
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
        municipality = _object(document, "municipality")
        scope = _object(document, "scope")
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
            parts=_parts(scope.get("parts")),
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
    if not isinstance(value, str) or not value or len(value) > limit or "\x00" in value:
        raise ValueError(key)
    return value


def _timestamp(document: Mapping[str, Any], key: str) -> datetime:
    value = _text(document, key, 40)
    stamp = datetime.fromisoformat(value)
    if stamp.tzinfo is None:
        raise ValueError(key)
    return stamp.astimezone(UTC)


def _parts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(part in PARTS for part in value):
        raise ValueError("parts")
    if len(set(value)) != len(value):
        raise ValueError("parts")
    return tuple(value)


def _day(value: Any) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError("since")
    return date.fromisoformat(value)


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
