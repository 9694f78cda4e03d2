"""Exchange files as older versions of the program wrote them (for the compatibility tests)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Collection, Mapping
from typing import Any

from app.exchange import format as fmt


def as_version(
    data: bytes,
    version: int,
    tables: Collection[str] = (),
    columns: Mapping[str, Mapping[str, Any]] | None = None,
) -> bytes:
    """``data`` rewritten as ``version`` wrote it: without ``tables`` and ``columns``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    dropped: set[str] = set()
    for table in tables:
        body = entries.pop(fmt.records_entry(table), None)
        dropped |= {row["id"] for row in json.loads(body or b"[]")}
    for bookkeeping in (fmt.SEEN, fmt.COUNTERS):  # no trace of the dropped records
        if bookkeeping in entries:
            kept = json.loads(entries[bookkeeping])
            kept = {key: value for key, value in kept.items() if key not in dropped}
            entries[bookkeeping] = json.dumps(kept).encode()
    for table, names in (columns or {}).items():
        name = fmt.records_entry(table)
        if name not in entries:
            continue
        rows = json.loads(entries[name])
        for row in rows:
            for column in names:
                row.pop(column, None)
        entries[name] = json.dumps(rows).encode()
    manifest = json.loads(entries[fmt.MANIFEST])
    manifest["format_version"] = version
    manifest["contents"] = {k: v for k, v in manifest["contents"].items() if k not in tables}
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
