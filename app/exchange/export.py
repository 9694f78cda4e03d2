"""Writing an exchange file: all of a municipality, or chosen parts changed since a date."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import platform
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.errors import UserError
from app.exchange import codec, crypto
from app.exchange import format as fmt
from app.exchange.codec import Wire
from app.i18n import _
from app.model import Action, SeenVersion, in_scope, scope_key, utcnow
from app.services import records as record_service
from app.storage import change_log
from app.storage.store import Store
from app.version import __version__

NAME_SETTING = "installation_name"


@dataclass(frozen=True)
class Collected:
    """What an export will write, read from the store in one unit of work."""

    manifest: fmt.Manifest
    records: dict[str, list[Wire]]
    seen: dict[str, list[str]]
    counters: dict[str, int] = dataclasses.field(default_factory=dict)

    def count(self) -> int:
        return sum(len(rows) for rows in self.records.values())


def installation(store: Store) -> fmt.Installation:
    """This installation: its id, and a name people recognise (the computer's by default)."""
    name = store.setting(NAME_SETTING) or platform.node() or _("komputer bez nazwy")
    return fmt.Installation(store.installation_id, name.strip()[:200] or "?")


def collect(
    store: Store,
    municipality_id: str,
    parts: tuple[str, ...] = fmt.ALL_PARTS,
    since: date | None = None,
) -> Collected:
    """Read what an export of ``parts`` of the municipality (changed since ``since``) holds."""
    parts = _checked_parts(parts)
    stamp = _since_stamp(since)
    sender = installation(store)
    root_cls = codec.TABLES[fmt.root_table(parts)]
    with store.session() as session:
        root = record_service.load(session, root_cls, municipality_id)
        records = {
            table: _rows(session, table, municipality_id, stamp) for table in fmt.tables_of(parts)
        }
        known = _seen_versions(session, municipality_id)
        counters = change_log.counters(session, municipality_id)
    seen = {
        wire["id"]: sorted(known.get(wire["id"], set()) | {codec.content_hash(wire)})
        for rows in records.values()
        for wire in rows
    }
    manifest = fmt.Manifest(
        program_version=__version__,
        created_at=utcnow().replace(microsecond=0),
        installation=sender,
        municipality_id=root.id,
        municipality_name=str(root.name),  # type: ignore[attr-defined]
        parts=parts,
        since=since,
        contents={table: len(rows) for table, rows in records.items()},
        checksums={},
    )
    sent = {wire["id"]: counters.get(wire["id"], 0) for rows in records.values() for wire in rows}
    return Collected(manifest, records, seen, sent)


def build(collected: Collected, passphrase: str | None = None) -> bytes:
    """The bytes of the file (a zip, encrypted whole when there is a passphrase)."""
    entries = {fmt.records_entry(table): _json(rows) for table, rows in collected.records.items()}
    entries[fmt.SEEN] = _json(collected.seen)
    entries[fmt.COUNTERS] = _json(collected.counters)
    manifest = dataclasses.replace(
        collected.manifest,
        checksums={name: hashlib.sha256(data).hexdigest() for name, data in entries.items()},
        sizes={name: len(data) for name, data in entries.items()},
    )
    stamp = manifest.created_at
    plain = _zip({fmt.MANIFEST: manifest.to_json(), **entries}, stamp, folder=True)
    if not passphrase:
        return plain
    sealed = crypto.encrypt(plain, passphrase)
    return _zip({fmt.MANIFEST: sealed.manifest, fmt.PAYLOAD: sealed.payload}, stamp)


def remember_sent(store: Store, collected: Collected) -> None:
    """Remember the versions sent, so that a later import knows them as common ground."""
    rows = [
        {
            "record_id": wire["id"],
            "version": codec.content_hash(wire),
            "municipality_id": collected.manifest.municipality_id,
        }
        for rows in collected.records.values()
        for wire in rows
    ]
    with store.session() as session:
        add_seen(session, rows)


def add_seen(session: Session, rows: list[dict[str, str]]) -> None:
    for start in range(0, len(rows), 300):
        statement = insert(SeenVersion).on_conflict_do_nothing()
        session.execute(statement, rows[start : start + 300])


@dataclass(frozen=True)
class ExportResult:
    path: Path
    counts: dict[str, int]
    encrypted: bool


def export_package(
    store: Store,
    municipality_id: str,
    path: str | Path,
    *,
    parts: tuple[str, ...] = fmt.ALL_PARTS,
    since: date | None = None,
    passphrase: str | None = None,
) -> ExportResult:
    """Collect, write ``path`` (atomically) and remember what was sent."""
    collected = collect(store, municipality_id, parts, since)
    target = with_extension(Path(path))
    write_file(target, build(collected, passphrase))
    remember_sent(store, collected)
    return ExportResult(target, collected.manifest.contents, bool(passphrase))


def with_extension(path: Path) -> Path:
    return (
        path if path.suffix.lower() == fmt.EXTENSION else path.with_name(path.name + fmt.EXTENSION)
    )


def write_file(path: Path, data: bytes) -> None:
    """Write next to the target and rename: a full disk never leaves half a file behind."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".export-", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise UserError(
            _("Nie można zapisać pliku {path}: {error}").format(
                path=path, error=error.strerror or error
            )
        ) from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


# -- helpers -------------------------------------------------------------------------


def _checked_parts(parts: tuple[str, ...]) -> tuple[str, ...]:
    if parts == fmt.NETWORK_PARTS:
        return parts
    unknown = [part for part in parts if part not in fmt.ALL_PARTS]
    if unknown or not parts:
        raise UserError(_("Wybierz, które części JST wyeksportować."))
    return tuple(part for part in fmt.ALL_PARTS if part in parts)


def _since_stamp(since: date | None) -> datetime | None:
    if since is None:
        return None
    # Midnight where the user is: "since 1 March" means their 1 March.
    return datetime.combine(since, time.min).astimezone().astimezone(UTC)


def live_rows(session: Session, table: str, municipality_id: str) -> list[Wire]:
    """Every live record of ``table`` of the municipality, as it travels (by id)."""
    return [
        wire for wire in _rows(session, table, municipality_id, None) if not codec.is_deleted(wire)
    ]


def _rows(session: Session, table: str, municipality_id: str, since: datetime | None) -> list[Wire]:
    cls = codec.TABLES[table]
    query = select(cls).execution_options(include_deleted=True)
    query = query.where(in_scope(cls, municipality_id))
    if scope_key(cls) != "id" and since is not None:
        # By the change counter (a clock set back cannot hide a change), and by
        # edit time for anything the counter does not know.
        day = since.astimezone().date()
        changed = change_log.changed_since(municipality_id, day)
        query = query.where(or_(cls.id.in_(changed), cls.updated_at >= since))
    found = list(session.scalars(query.order_by(cls.id)).all())
    links: dict[str, list[str]] = {}
    if cls is Action:
        links = codec.load_school_links(session, [record.id for record in found])
    return [codec.encode(record, links.get(record.id)) for record in found]


def _seen_versions(session: Session, municipality_id: str) -> dict[str, set[str]]:
    known: dict[str, set[str]] = {}
    rows = session.execute(
        select(SeenVersion.record_id, SeenVersion.version).where(
            SeenVersion.municipality_id == municipality_id
        )
    )
    for record_id, version in rows:
        known.setdefault(record_id, set()).add(version)
    return known


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _zip(entries: dict[str, bytes], stamp: datetime, folder: bool = False) -> bytes:
    moment = stamp.astimezone().timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=moment)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
        if folder:
            archive.writestr(zipfile.ZipInfo(fmt.ATTACHMENTS_FOLDER, date_time=moment), b"")
    return buffer.getvalue()
