"""Thousands of damaged exchange files: never a crash, never a traceback, never a changed store.

Each case is a good file (plain or encrypted) mutated one way: bits flipped,
cut short, bytes inserted, entries added with hostile names, sizes in the zip's
directory lied about, or records and manifest values replaced with random JSON
(checksums recomputed, so the record checks themselves are exercised). Reading,
planning and applying may only raise ``UserError``; whenever they do, the data
file and its write-ahead log are byte for byte what they were.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import struct
import time
import zipfile
from collections.abc import Callable

import pytest

from app.errors import UserError
from app.exchange import format as fmt
from app.exchange import reader
from app.exchange.merge import Choice, apply_import
from app.exchange.plan import plan_import

CASES = 2_000
SEED = 20261121
HOSTILE_NAMES = (
    "../../etc/passwd",
    "/absolute.json",
    "C:\\boot.ini",
    "D:/x",
    "records/../manifest.json",
    "attachments/",
    "attachments/ok.pdf",
    "attachments/.hidden",
    "records/action.json",
    "records/nowa_tabela.json",
    "sync/seen.json",
    "manifest.json",
    "payload.bin",
    "a\x00b",
    "records//goal.json",
    "./manifest.json",
    "x" * 300,
    "ąę/źż.json",
)


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zip(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries:
            archive.writestr(zipfile.ZipInfo(name), data)
    return buffer.getvalue()


def _fixed(entries: dict[str, bytes]) -> bytes:
    manifest = json.loads(entries[fmt.MANIFEST])
    manifest["entries"] = {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in entries.items()
        if name != fmt.MANIFEST and not name.endswith("/")
    }
    entries = {**entries, fmt.MANIFEST: json.dumps(manifest).encode()}
    return _zip(list(entries.items()))


def _random_json(rng: random.Random, ids: list[str]) -> object:
    return rng.choice(
        [
            None,
            True,
            False,
            0,
            -1,
            7,
            2**70,
            1.5,
            float("nan"),
            "",
            "x" * rng.randint(1, 2000),
            "2025-01-01",
            "2025-13-45",
            "2026-11-21T10:00:00+00:00",
            [],
            {},
            ["digital"],
            [rng.choice(ids)],
            rng.choice(ids),
            "ąęłńśźż",
            {"a": [1, {"b": None}]},
        ]
    )


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        position = rng.randrange(len(out))
        out[position] ^= 1 << rng.randrange(8)
    return bytes(out)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def _splice(rng: random.Random, data: bytes) -> bytes:
    position = rng.randrange(len(data))
    noise = rng.randbytes(rng.randint(1, 64))
    if rng.random() < 0.5:
        return data[:position] + noise + data[position:]
    return data[:position] + noise + data[position + len(noise) :]


def _hostile_entry(rng: random.Random, data: bytes) -> bytes:
    entries = list(_entries(data).items())
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(HOSTILE_NAMES)
        entries.insert(rng.randrange(len(entries) + 1), (name, rng.randbytes(rng.randint(0, 99))))
    return _zip(entries, rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED, zipfile.ZIP_BZIP2]))


def _lying_directory(rng: random.Random, data: bytes) -> bytes:
    """Central directory fields (sizes, name lengths, offsets) set to random or huge values."""
    out = bytearray(data)
    starts = []
    position = out.find(b"PK\x01\x02")
    while position != -1:
        starts.append(position)
        position = out.find(b"PK\x01\x02", position + 4)
    start = rng.choice(starts)
    offset, width = rng.choice([(20, "<I"), (24, "<I"), (28, "<H"), (42, "<I"), (10, "<H")])
    value = rng.choice([0, 1, 0xFFFF if width == "<H" else 0xFFFFFFFF, rng.randrange(1 << 16)])
    struct.pack_into(width, out, start + offset, value)
    return bytes(out)


def _record_value(rng: random.Random, data: bytes, ids: list[str]) -> bytes:
    entries = _entries(data)
    tables = [name for name in entries if name.startswith(fmt.RECORDS_FOLDER)]
    if not tables:  # an encrypted file: its records are inside the payload
        return _flip(rng, data)
    name = rng.choice(tables)
    rows = json.loads(entries[name])
    if not rows:
        return _fixed(entries)
    row = rng.choice(rows)
    key = rng.choice([*row.keys(), "nowe_pole"])
    if rng.random() < 0.1:
        row.pop(key, None)
    else:
        row[key] = _random_json(rng, ids)
    entries[name] = json.dumps(rows).encode()
    return _fixed(entries)


def _manifest_value(rng: random.Random, data: bytes, ids: list[str]) -> bytes:
    entries = _entries(data)
    manifest = json.loads(entries[fmt.MANIFEST])
    section = rng.choice(
        [
            "format_version",
            "created_at",
            "installation",
            "municipality",
            "scope",
            "contents",
            "program_version",
            "seen",
        ]
    )
    if section == "seen":
        entries[fmt.SEEN] = json.dumps({rng.choice(ids): _random_json(rng, ids)}).encode()
    elif isinstance(manifest.get(section), dict) and manifest[section] and rng.random() < 0.7:
        key = rng.choice(list(manifest[section]))
        manifest[section][key] = _random_json(rng, ids)
    else:
        manifest[section] = _random_json(rng, ids)
    entries[fmt.MANIFEST] = json.dumps(manifest).encode()
    return _fixed(entries) if rng.random() < 0.8 else _zip(list(entries.items()))


Mutator = Callable[[random.Random, bytes], bytes]


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_thousands_of_damaged_files_change_nothing(laptops, courier, file_state) -> None:
    m = laptops.municipality_id
    plain = courier.pack(laptops.officer, m).read_bytes()
    sealed = courier.pack(laptops.officer, m, passphrase="hasło").read_bytes()
    ids = list(laptops.ids.values())
    mutators: dict[str, tuple[Mutator, float]] = {
        "flip": (_flip, 3),
        "truncate": (_truncate, 2),
        "splice": (_splice, 2),
        "hostile entry": (_hostile_entry, 2),
        "lying directory": (_lying_directory, 2),
        "record value": (lambda rng, data: _record_value(rng, data, ids), 3),
        "manifest value": (lambda rng, data: _manifest_value(rng, data, ids), 2),
    }
    names = list(mutators)
    weights = [weight for _mutate, weight in mutators.values()]
    store, folder = laptops.advisor, laptops.folder / "advisor"
    rng = random.Random(SEED)
    still_valid: dict[str, int] = {}
    started = time.perf_counter()
    for case in range(CASES):
        base, passphrase = (sealed, "hasło") if rng.random() < 0.1 else (plain, None)
        name = rng.choices(names, weights)[0]
        data = mutators[name][0](rng, base)
        before = file_state(folder)
        try:
            package = reader.read_bytes(data, f"case{case}.planoswiaty", passphrase)
            plan_import(store, package)
            apply_import(store, package, default=Choice.THEIRS)
        except UserError as error:
            assert error.message.strip(), case
            assert file_state(folder) == before, f"case {case} ({name}) changed the store"
        except Exception as error:  # pragma: no cover - the failure report
            pytest.fail(f"case {case} ({name}) raised {error!r}")
        else:
            # Still a valid file: a changed text, a harmless timestamp bit, a size lied upwards.
            still_valid[name] = still_valid.get(name, 0) + 1
    elapsed = time.perf_counter() - started
    print(f"\n{CASES} cases in {elapsed:.1f} s; still valid: {still_valid}")
    assert sum(still_valid.values()) < CASES * 0.2
