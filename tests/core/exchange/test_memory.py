"""Refused files cost little memory: peak ≤ 300 MB for anything a crafted file can do.

Each crafted file is read in a process of its own under ``tracemalloc``; the
peak counts every Python allocation made while reading (the zip, the JSON, the
records), so a file that amplifies into gigabytes shows up at once.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.exchange import format as fmt
from app.exchange import reader

from .test_bad_files import entries_of, rezip

ROOT = Path(__file__).resolve().parents[3]
PEAK_LIMIT = 300 * 2**20

_MEASURE = """
import sys, tracemalloc
from app.errors import UserError
from app.exchange import reader
tracemalloc.start()
try:
    reader.read_package(sys.argv[1])
    outcome = "accepted"
except UserError as error:
    outcome = "refused: " + error.message
print(tracemalloc.get_traced_memory()[1])
print(outcome)
"""


def _peak(path: Path) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    peak, outcome = done.stdout.strip().split("\n", 1)
    return int(peak), outcome


def _stored(entries: dict[str, bytes]) -> bytes:
    """``rezip`` without compression: the ratio check cannot help, only the size limits."""
    packed = entries_of(rezip(entries))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in packed.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _list_of(unit: bytes, size: int, opening: bytes = b"[", closing: bytes = b"]") -> bytes:
    """A JSON list of ``unit`` repeated to ``size`` bytes (``unit`` ends with a comma)."""
    count = (size - len(opening) - len(closing)) // len(unit)
    return opening + unit * count + unit[:-1] + closing


def _room(entries: dict[str, bytes], replaced: str) -> int:
    """What is left of the per-file limit once the other entries are counted."""
    others = sum(len(data) for name, data in entries.items() if name != replaced)
    return reader.MAX_TOTAL_BYTES - others - 1024


def _records(table: str, unit: bytes) -> Callable[[dict[str, bytes]], None]:
    def put(entries: dict[str, bytes]) -> None:
        name = fmt.records_entry(table)
        entries[name] = _list_of(unit, _room(entries, name))

    return put


def _nesting(entries: dict[str, bytes]) -> None:
    entries[fmt.records_entry("goal")] = b"[" * 400_000 + b"]" * 400_000


def _seen(entries: dict[str, bytes]) -> None:
    some_id = json.loads(entries[fmt.records_entry("municipality")])[0]["id"]
    opening = f'{{"{some_id}":['.encode()
    entries[fmt.SEEN] = _list_of(b"[],", _room(entries, fmt.SEEN), opening, b"]}")


def _valid_then_bad(entries: dict[str, bytes]) -> None:
    """As many good notes as fit, then a broken one: everything before it is decoded."""
    name = fmt.records_entry("monitoring_note")
    note = json.loads(entries[name])[0]
    note["text"] = "Notatka z wizyty: ZSP w Łące, zespół gotowy do diagnozy. " * 4
    room = _room(entries, name) - 200
    rows = []
    while room > 0:
        row = dict(note, id=f"{len(rows):08d}-0000-4000-8000-000000000000")
        room -= len(json.dumps(row, ensure_ascii=False).encode()) + 2
        rows.append(row)
    rows[-1] = dict(rows[-1], kind="nieznany")
    entries[name] = json.dumps(rows, ensure_ascii=False).encode()
    manifest = json.loads(entries[fmt.MANIFEST])
    manifest["contents"]["monitoring_note"] = len(rows)
    entries[fmt.MANIFEST] = json.dumps(manifest).encode()


ATTACKS: dict[str, Callable[[dict[str, bytes]], None]] = {
    "valid records, then a bad one": _valid_then_bad,
    "empty objects": _records("monitoring_note", b"{},"),
    "empty lists": _records("goal", b"[],"),
    "short strings": _records("goal", b'"ab",'),
    "floats": _records("risk", b"1e300,"),
    "small numbers": _records("risk", b"7,"),
    "deep nesting": _nesting,
    "seen lists": _seen,
}


@pytest.mark.slow
@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_crafted_files_are_refused_within_300_mb(good: bytes, tmp_path: Path, attack: str) -> None:
    entries = entries_of(good)
    ATTACKS[attack](entries)
    path = tmp_path / "crafted.planoswiaty"
    path.write_bytes(_stored(entries))
    peak, outcome = _peak(path)
    print(f"{attack}: peak {peak / 2**20:.1f} MB", outcome)
    assert outcome.startswith("refused: "), outcome
    assert "nieoczekiwany" not in outcome
    assert peak <= PEAK_LIMIT, f"{attack}: {peak / 2**20:.0f} MB"


@pytest.mark.slow
def test_the_reported_amplification_file_is_refused(good: bytes, tmp_path: Path) -> None:
    """Two entries of "[{},{},…]" far over the limit, deflated (the issue's file had two of
    208 MB; 48 MB each takes the same path through the reader in a quarter of the time)."""
    entries = entries_of(good)
    path = tmp_path / "amplified.planoswiaty"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in entries.items():
            if name.endswith("/"):
                continue
            archive.writestr(name, data)
        for table in ("goal", "risk"):
            with archive.open(f"attachments/{table}", "w", force_zip64=True) as handle:
                handle.write(b"[")
                for _block in range(48):
                    handle.write(b"{}," * (2**20 // 3))
                handle.write(b"{}]")
    peak, outcome = _peak(path)
    print(f"amplified: peak {peak / 2**20:.1f} MB")
    assert outcome.startswith("refused: ") and "bomba zip" in outcome, outcome
    assert peak <= PEAK_LIMIT
