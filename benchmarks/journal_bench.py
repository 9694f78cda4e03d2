"""Journal benchmark: the monitoring journal's list, filters and search on the large store.

The store is the one of ``store_bench.py``: 50 copies of the demo municipality
(1 950 notes, 8 800 indexed records). For one municipality in the middle of it,
each case is what the journal page does when a filter changes —
``journal.list_notes`` with a :class:`NoteFilter`, then ``journal.link_labels``
for the "Powiązanie" column — against a baseline measured in the same run,
interleaved run by run: the plain SQL that gives the same rows (a plain
``sqlite3`` connection on the same file: the notes query with the same
conditions, the FTS5 match for a search, one lookup per kind of linked record).
The journal reads one municipality's folded note text instead of the FTS5 index
(which spans all 50), so a short prefix is fast where the raw FTS5 query is not.

Also reported (info only): the indicators needing attention and the risk matrix
against their raw SQL, since the overview page reads them too.

Run from the project folder: ``.venv/bin/python benchmarks/journal_bench.py``.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import (
    Result,
    _connect_ro,
    build_store,
    make_result,
    measure_pair,
    print_table,
)

from app.demo import demo_municipality_id
from app.model import NoteKind
from app.paths import DATABASE_NAME
from app.services import attention, journal, risks
from app.services.journal import NoteFilter
from app.storage.search_index import fts_query
from app.storage.store import Store

COPIES = 50
REPEAT = 15
WARMUP = 2
TODAY = date(2026, 11, 21)
# The journal refilters while the user types: what counts is that the answer comes
# without visible lag, whatever is typed. The ratio is reported, not judged: the raw
# SQL of a small filter takes a few tenths of a millisecond, and the ORM's fixed cost
# (about 1.5 ms for the notes and their labels on a quiet machine) dominates it.
ABSOLUTE_TARGET_MS = 50.0

# (case name, filter). The search words fold: "psychologa" and "szkol" match Polish text.
CASES: tuple[tuple[str, NoteFilter], ...] = (
    ("all notes (no filter)", NoteFilter()),
    ("search 'psychologa'", NoteFilter(text="psychologa")),
    ("search 'szkol' (prefix, many hits)", NoteFilter(text="szkol")),
    ("search 'z' (1 letter)", NoteFilter(text="z")),
    (
        "kind risk + school year 2025/26",
        NoteFilter(
            kinds=frozenset({NoteKind.RISK}), date_from=date(2025, 9, 1), date_to=date(2026, 8, 31)
        ),
    ),
    ("open follow-ups + search 'raport'", NoteFilter(text="raport", open_follow_ups=True)),
)

_LINK_TABLES = {
    "strategic_plan": "title",
    "goal": "title",
    "objective": "title",
    "action": "title",
    "indicator": "name",
    "development_schedule": "title",
    "schedule_item": "action",
    "school": "name",
    "risk": "title",
    "advisory_visit": "place",
    "recommendation": "text",
    "monitoring_note": "title",
}


def raw_notes(connection: sqlite3.Connection, municipality_id: str, where: NoteFilter) -> list[Any]:
    """The same rows as ``list_notes`` + ``link_labels``, in plain SQL."""
    sql = [
        "SELECT n.* FROM monitoring_note AS n WHERE n.deleted_at IS NULL AND n.municipality_id = ?"
    ]
    params: list[Any] = [municipality_id]
    if where.kinds:
        sql.append(f"AND n.kind IN ({','.join('?' * len(where.kinds))})")
        params += sorted(where.kinds)
    if where.date_from:
        sql.append("AND n.noted_on >= ?")
        params.append(where.date_from.isoformat())
    if where.date_to:
        sql.append("AND n.noted_on <= ?")
        params.append(where.date_to.isoformat())
    if where.open_follow_ups:
        sql.append(
            "AND (n.follow_up IS NOT NULL OR n.follow_up_due IS NOT NULL) AND n.follow_up_done = 0"
        )
    if where.text:
        sql.append(
            "AND n.id IN (SELECT d.record_id FROM search_index JOIN search_doc AS d "
            "ON d.rowid = search_index.rowid WHERE search_index MATCH ? "
            "AND d.record_type = 'monitoring_note' AND d.municipality_id = ?)"
        )
        params += [fts_query(where.text), municipality_id]
    sql.append("ORDER BY n.noted_on DESC, n.created_at DESC")
    rows = connection.execute(" ".join(sql), params).fetchall()
    columns = [
        c[0] for c in connection.execute("SELECT * FROM monitoring_note LIMIT 0").description
    ]
    type_at, id_at = columns.index("link_type"), columns.index("link_id")
    wanted: dict[str, set[str]] = {}
    for row in rows:
        if row[type_at] and row[id_at]:
            wanted.setdefault(row[type_at], set()).add(row[id_at])
    labels = {}
    for table, ids in wanted.items():
        title = _LINK_TABLES[table]
        marks = ",".join("?" * len(ids))
        for record_id, text in connection.execute(
            f"SELECT id, {title} FROM {table} WHERE id IN ({marks})", sorted(ids)
        ):
            labels[(table, record_id)] = text
    return [rows, labels]


def service_notes(store: Store, municipality_id: str, where: NoteFilter) -> list[Any]:
    found = journal.list_notes(store, municipality_id, where)
    return [found, journal.link_labels(store, found)]


def raw_attention(connection: sqlite3.Connection, municipality_id: str) -> list[Any]:
    indicators = connection.execute(
        "SELECT * FROM indicator WHERE deleted_at IS NULL AND municipality_id = ? "
        "ORDER BY position, created_at",
        (municipality_id,),
    ).fetchall()
    measurements = connection.execute(
        "SELECT * FROM measurement WHERE deleted_at IS NULL AND municipality_id = ? "
        "ORDER BY measured_on, created_at",
        (municipality_id,),
    ).fetchall()
    return [indicators, measurements]


def raw_risks(connection: sqlite3.Connection, municipality_id: str) -> list[Any]:
    return connection.execute(
        "SELECT id, title, probability, impact, status, review_date FROM risk "
        "WHERE deleted_at IS NULL AND municipality_id = ?",
        (municipality_id,),
    ).fetchall()


def bench(data_dir: Path, copy: int, repeat: int, warmup: int) -> list[Result]:
    database = data_dir / DATABASE_NAME
    municipality_id = demo_municipality_id(copy)
    results: list[Result] = []
    store = Store.open(data_dir, readonly=True)
    try:
        with _connect_ro(database) as connection:
            for name, where in CASES:
                expected = len(raw_notes(connection, municipality_id, where)[0])
                got = len(service_notes(store, municipality_id, where)[0])
                if got != expected:
                    raise SystemExit(f"{name}: list_notes gave {got} notes, raw SQL {expected}")
                base, case = measure_pair(
                    _bind(raw_notes, connection, municipality_id, where),
                    _bind(service_notes, store, municipality_id, where),
                    repeat=repeat,
                    warmup=warmup,
                )
                results.append(
                    make_result(
                        f"journal: {name}",
                        "journal",
                        case,
                        "raw: notes SQL (+FTS5) + labels",
                        base,
                        target=f"< {ABSOLUTE_TARGET_MS:g} ms",
                        check=lambda median, _ratio: median < ABSOLUTE_TARGET_MS,
                        detail=f"{got} notes",
                    )
                )
            base, case = measure_pair(
                lambda: raw_attention(connection, municipality_id),
                lambda: attention.needs_attention(store, municipality_id, TODAY),
                repeat=repeat,
                warmup=warmup,
            )
            results.append(
                make_result("  attention: needs_attention", "info", case, "raw: 2 queries", base)
            )
            base, case = measure_pair(
                lambda: raw_risks(connection, municipality_id),
                lambda: risks.matrix(store, municipality_id),
                repeat=repeat,
                warmup=warmup,
            )
            results.append(make_result("  risks: matrix", "info", case, "raw: 1 query", base))
    finally:
        store.close()
    return results


def _bind(function: Callable[..., Any], *args: Any) -> Callable[[], Any]:
    return lambda: function(*args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data-dir", type=Path, help="build (or reuse) the store here; kept")
    parser.add_argument("--copies", type=int, default=COPIES)
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument("--warmup", type=int, default=WARMUP)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="plan-oswiaty-journal-bench-"))
    try:
        data_dir = args.data_dir.resolve() if args.data_dir else scratch / "data"
        print(f"building {args.copies} municipalities in {data_dir} …", file=sys.stderr)
        info = build_store(data_dir, args.copies)
        results = bench(data_dir, args.copies // 2, args.repeat, args.warmup)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print_table(info, results, args.repeat)
    print(f"benchmark took {time.perf_counter() - started:.0f} s")
    passed = all(r.passed is not False for r in results)
    return 1 if args.check and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
