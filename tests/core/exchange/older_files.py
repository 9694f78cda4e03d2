"""Exchange files as older versions wrote them: unpack, change entries, pack with a fresh list
of checksums (the tests of version-1 and version-2 files share it)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

from app.exchange import format as fmt


def entries_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def packed(entries: dict[str, bytes], manifest: dict[str, object]) -> bytes:
    """The zip of ``entries`` under ``manifest``, whose list of entries is computed afresh."""
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
