"""Fuzz the exchange reader and merge with thousands of crafted files (seeded, repeatable).

    .venv/bin/python scripts/exchange_fuzz.py [--cases 10000] [--seed 20261203]

Each case is a good file (plain or encrypted) damaged one way: the mutations
of ``tests/core/exchange/test_fuzz.py`` (bits, cuts, hostile entry names, lying
zip directories, random JSON values) plus lone surrogates, far and week-form
dates, control bytes in values and entry names, and amplification (stored
lists of tiny values that would balloon once parsed). Reading, planning and
importing may only raise ``UserError``; a refused file leaves the data file
byte for byte as it was; an accepted one leaves a store that can still be
edited. Prints counts per mutation and outcome; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import random
import sys
import tempfile
import time
import warnings
import zipfile
from collections import Counter
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.errors import UserError  # noqa: E402
from app.exchange import crypto, export, reader  # noqa: E402
from app.exchange import format as fmt  # noqa: E402
from app.exchange.merge import Choice, apply_import  # noqa: E402
from app.exchange.plan import plan_import  # noqa: E402
from app.model import Municipality  # noqa: E402
from app.paths import DATABASE_NAME  # noqa: E402
from app.services import records  # noqa: E402
from app.storage.store import Store  # noqa: E402


def _module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


FUZZ = _module(ROOT / "tests/core/exchange/test_fuzz.py", "exchange_fuzz_cases")
LAPTOPS = _module(ROOT / "tests/core/exchange/conftest.py", "exchange_fuzz_laptops")

HOSTILE_TEXT = (
    "\ud83d",
    "Gmina \udc00 Łąka",
    "\x1b]0;przejęty\x07",
    "\x1b[2J\x1b[H",
    "nazwa\u202etxt.exe",
    "\x9b31m",
    "a\x00b",
    "\x7f",
)
HOSTILE_STAMPS = (
    "9999-12-31T23:59:59.999999+00:00",
    "0001-01-01T00:00:00+00:00",
    "2025-W01-1T00:00:00+00:00",
    "2150-06-01T00:00:00Z",
    "1969-12-31T23:59:59-01:00",
    "2026-02-30T00:00:00+00:00",
)
HOSTILE_DAYS = ("9999-12-31", "0001-01-01", "2025-W01-1", "2025-001", "20250101", "2025-02-30")


def _rows(entries: dict[str, bytes], rng: random.Random) -> tuple[str, list[dict]] | None:
    tables = [name for name in entries if name.startswith(fmt.RECORDS_FOLDER)]
    if not tables:
        return None
    name = rng.choice(tables)
    rows = json.loads(entries[name])
    return (name, rows) if rows else None


def _value(kind: str):
    def mutate(rng: random.Random, data: bytes) -> bytes:
        entries = FUZZ._entries(data)
        found = _rows(entries, rng)
        if found is None:
            return FUZZ._flip(rng, data)
        name, rows = found
        row = rng.choice(rows)
        if kind == "text":
            keys = [k for k, v in row.items() if isinstance(v, str) and not k.endswith("_at")]
            row[rng.choice(keys)] = rng.choice(HOSTILE_TEXT)
        elif kind == "stamp":
            row[rng.choice(("created_at", "updated_at", "deleted_at"))] = rng.choice(HOSTILE_STAMPS)
        else:
            days = [
                k for k, v in row.items() if isinstance(v, str) and len(v) == 10 and v[4] == "-"
            ]
            row[rng.choice(days) if days else "id"] = rng.choice(HOSTILE_DAYS)
        text = json.dumps(rows, ensure_ascii=rng.random() < 0.5)
        entries[name] = text.encode("utf-8", "surrogatepass")
        return FUZZ._fixed(entries)

    return mutate


def _manifest_text(rng: random.Random, data: bytes) -> bytes:
    entries = FUZZ._entries(data)
    manifest = json.loads(entries[fmt.MANIFEST])
    section = rng.choice(("installation", "municipality"))
    if not isinstance(manifest.get(section), dict):  # an encrypted file's outer manifest
        return FUZZ._flip(rng, data)
    manifest[section]["name"] = rng.choice(HOSTILE_TEXT)
    entries[fmt.MANIFEST] = json.dumps(manifest).encode()
    return FUZZ._fixed(entries)


def _control_entry_name(rng: random.Random, data: bytes) -> bytes:
    entries = list(FUZZ._entries(data).items())
    name = rng.choice(("records/\x1b]0;x\x07.json", "attachments/\u202eexe.txt", "a\x1b[2Jb"))
    entries.append((name, b"[]"))
    return FUZZ._zip(entries)


def _amplification(rng: random.Random, data: bytes) -> bytes:
    entries = FUZZ._entries(data)
    unit = rng.choice((b"{},", b"[],", b'"ab",', b"1e300,", b"7,", b"[[]],"))
    size = rng.choice((2**20, 4 * 2**20, 15 * 2**20, 17 * 2**20))
    target = rng.choice(
        [name for name in entries if name.startswith(fmt.RECORDS_FOLDER)] or [fmt.SEEN]
    )
    entries[target] = b"[" + unit * (size // len(unit)) + b"{}]"
    manifest = json.loads(entries[fmt.MANIFEST])
    manifest["entries"] = {
        name: {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
        for name, body in entries.items()
        if name != fmt.MANIFEST and not name.endswith("/")
    }
    entries[fmt.MANIFEST] = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    method = rng.choice((zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED))
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, body in entries.items():
            archive.writestr(zipfile.ZipInfo(name), body)
    return buffer.getvalue()


def _state(folder: Path) -> tuple[str, ...]:
    return tuple(
        hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "-"
        for path in (folder / DATABASE_NAME, folder / (DATABASE_NAME + "-wal"))
    )


def run(cases: int, seed: int) -> int:
    crypto.SCRYPT_N = crypto.MIN_N = 2**10  # the same code, a thousandth of the wait
    root = Path(tempfile.mkdtemp(prefix="exchange-fuzz-"))
    source = Store.open(root / "source", backup_on_open=False)
    ids = LAPTOPS.build_municipality(source)
    m = ids["municipality"]
    plain = export.export_package(source, m, root / "plain").path.read_bytes()
    sealed = export.export_package(source, m, root / "sealed", passphrase="hasło").path.read_bytes()
    source.close()
    folder = root / "target"
    store = Store.open(folder, backup_on_open=False)
    apply_import(store, reader.read_bytes(plain, "first.planoswiaty"))
    values = list(ids.values())
    mutators = {
        "flip": (FUZZ._flip, 3),
        "truncate": (FUZZ._truncate, 1),
        "splice": (FUZZ._splice, 2),
        "hostile entry": (FUZZ._hostile_entry, 1),
        "lying directory": (FUZZ._lying_directory, 2),
        "record value": (lambda rng, data: FUZZ._record_value(rng, data, values), 3),
        "manifest value": (lambda rng, data: FUZZ._manifest_value(rng, data, values), 2),
        "surrogate/control text": (_value("text"), 3),
        "far/odd timestamp": (_value("stamp"), 2),
        "far/week date": (_value("date"), 2),
        "manifest text": (_manifest_text, 1),
        "control entry name": (_control_entry_name, 1),
        "amplification": (_amplification, 1),
    }
    names = list(mutators)
    weights = [weight for _m, weight in mutators.values()]
    rng = random.Random(seed)
    outcomes: Counter[tuple[str, str]] = Counter()
    failures: list[str] = []
    started = time.perf_counter()
    for case in range(cases):
        base, passphrase = (sealed, "hasło") if rng.random() < 0.1 else (plain, None)
        name = rng.choices(names, weights)[0]
        data = mutators[name][0](rng, base)
        before = _state(folder)
        try:
            package = reader.read_bytes(data, f"case{case}.planoswiaty", passphrase)
            plan_import(store, package)
            apply_import(store, package, default=Choice.THEIRS)
            records.update(store, Municipality, m, notes=f"edycja po przypadku {case}")
            outcomes[name, "accepted"] += 1
        except UserError as error:
            outcomes[name, "refused"] += 1
            if _state(folder) != before:
                failures.append(f"case {case} ({name}): refused but the store changed")
            if not error.message.strip() or error.message != error.message.strip("\x1b\x07"):
                failures.append(f"case {case} ({name}): bad message {error.message!r}")
        except Exception as error:
            failures.append(f"case {case} ({name}): {type(error).__name__}: {error!r}"[:300])
        if (case + 1) % 1000 == 0:
            print(f"{case + 1} cases, {time.perf_counter() - started:.0f} s", flush=True)
    store.close()
    elapsed = time.perf_counter() - started
    print(f"\n{cases} cases (seed {seed}) in {elapsed:.0f} s; failures: {len(failures)}")
    for name in names:
        refused, accepted = outcomes[name, "refused"], outcomes[name, "accepted"]
        print(f"  {name:<24} refused {refused:>5}  accepted {accepted:>5}")
    for failure in failures[:50]:
        print("FAIL", failure)
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261203)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", "Duplicate name")
    return run(args.cases, args.seed)


if __name__ == "__main__":
    raise SystemExit(main())
