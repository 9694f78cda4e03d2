"""Store benchmark: a large store (50 demo-sized municipalities), listing and search.

Every measured case is paired with a baseline measured in the same run, on the
same file, interleaved run by run (baseline, case, baseline, case, …) so that a
busy machine slows both alike. What is reported is the median of the runs, the
ratio to the baseline (the median of the per-pair ratios), and PASS/FAIL
against the targets:

- opening the store and listing (``Store.open(readonly=True)`` + ``summaries``)
  against a plain ``sqlite3`` connection running the raw SQL a listing needs:
  at most ``LIST_RATIO_TARGET`` times the baseline;
- search over everything (``app.services.search.search``) against a raw FTS5
  ``MATCH`` on the same folded query: a median under ``SEARCH_TARGET_MS``;
- ``python -m app --data-dir X list`` against ``python -c pass``: reported only.

Run from the project folder: ``.venv/bin/python benchmarks/store_bench.py``.
See benchmarks/README.md for the options and how to read the table.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app.demo import load_demo
from app.paths import DATABASE_NAME
from app.services.municipalities import summaries
from app.services.search import search
from app.storage.search_index import fts_query
from app.storage.store import Store

PROJECT = Path(__file__).resolve().parent.parent

COPIES = 50
REPEAT = 15
WARMUP = 2
CLI_REPEAT = 5
SEARCH_LIMIT = 100  # the default of app.services.search.search

LIST_RATIO_TARGET = 5.0
SEARCH_TARGET_MS = 50.0

# Realistic queries: common words, a folded one without hits (``lodz``), a folded
# one with hits (``mlodziez`` finds ``Młodzieżowy``), two words, a 1-letter prefix.
QUERIES = ("rodzic", "ewaluacja", "lodz", "mlodziez", "nauczycieli matematyki", "z")


@dataclass
class Result:
    case: str
    group: str  # "list", "search", "cli" or "info"
    median_ms: float
    min_ms: float
    baseline: str
    baseline_median_ms: float
    ratio: float
    target: str  # human-readable, "" when the case only reports
    passed: bool | None  # None when there is no target
    detail: str = ""


# -- timing -------------------------------------------------------------------


def _time_once(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000.0


def measure_pair(
    baseline: Callable[[], object],
    case: Callable[[], object],
    *,
    repeat: int,
    warmup: int,
) -> tuple[list[float], list[float]]:
    """Run ``baseline`` and ``case`` alternately; the times (ms) of each, warm-up excluded."""
    for _ in range(warmup):
        baseline()
        case()
    base_times: list[float] = []
    case_times: list[float] = []
    for _ in range(repeat):
        base_times.append(_time_once(baseline))
        case_times.append(_time_once(case))
    return base_times, case_times


def make_result(
    case: str,
    group: str,
    case_times: list[float],
    baseline: str,
    base_times: list[float],
    *,
    target: str = "",
    check: Callable[[float, float], bool] | None = None,
    detail: str = "",
) -> Result:
    median = statistics.median(case_times)
    base_median = statistics.median(base_times)
    # The median of the per-pair ratios: each case run is compared with the baseline
    # run just before it, so a load spike on a busy machine skews one pair, not the ratio.
    ratio = statistics.median(
        case / base if base > 0 else float("inf")
        for base, case in zip(base_times, case_times, strict=True)
    )
    return Result(
        case=case,
        group=group,
        median_ms=median,
        min_ms=min(case_times),
        baseline=baseline,
        baseline_median_ms=base_median,
        ratio=ratio,
        target=target,
        passed=None if check is None else check(median, ratio),
        detail=detail,
    )


# -- the large store -------------------------------------------------------------


@dataclass
class StoreInfo:
    data_dir: str
    copies: int
    loaded: int  # how many copies this run had to load (0 when reusing a store)
    build_s: float
    file_mb: float
    municipalities: int
    notes: int
    indexed_records: int


def build_store(data_dir: Path, copies: int) -> StoreInfo:
    """Load ``copies`` copies of the demo (those already there are kept)."""
    loaded = 0
    start = time.perf_counter()
    store = Store.open(data_dir, backup_on_open=False)
    try:
        for copy in range(copies):
            _municipality, new = load_demo(store, copy=copy)
            loaded += int(new)
    finally:
        store.close()
    build_s = time.perf_counter() - start
    database = data_dir / DATABASE_NAME
    with _connect_ro(database) as connection:
        municipalities = _count(connection, "municipality")
        notes = _count(connection, "monitoring_note")
        indexed = connection.execute("SELECT count(*) FROM search_doc").fetchone()[0]
    return StoreInfo(
        data_dir=str(data_dir),
        copies=copies,
        loaded=loaded,
        build_s=build_s,
        file_mb=database.stat().st_size / 1e6,
        municipalities=municipalities,
        notes=notes,
        indexed_records=indexed,
    )


def _count(connection: sqlite3.Connection, table: str) -> int:
    sql = f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL"
    return int(connection.execute(sql).fetchone()[0])


class _connect_ro:
    """A plain read-only sqlite3 connection, closed at the end of a ``with``."""

    def __init__(self, database: Path) -> None:
        self.connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)

    def __enter__(self) -> sqlite3.Connection:
        return self.connection

    def __exit__(self, *_exc: object) -> None:
        self.connection.close()


# -- listing --------------------------------------------------------------------

_LIST_SQL = {
    "municipalities": (
        "SELECT id, name, kind, teryt, is_demo FROM municipality "
        "WHERE deleted_at IS NULL ORDER BY name"
    ),
    "plans": (
        "SELECT municipality_id, id, title, year_from, year_to FROM strategic_plan "
        "WHERE deleted_at IS NULL ORDER BY year_from"
    ),
    "schedules": (
        "SELECT municipality_id, id, title, period_start, period_end FROM development_schedule "
        "WHERE deleted_at IS NULL ORDER BY period_start"
    ),
    "visits": (
        "SELECT municipality_id, id, place, advisor, visit_date FROM advisory_visit "
        "WHERE deleted_at IS NULL ORDER BY visit_date"
    ),
}
_COUNTED = ("team_member", "school", "action", "monitoring_note")


def raw_listing_queries(connection: sqlite3.Connection) -> dict[str, Any]:
    """The minimal SQL a listing needs: rows of documents, counts, grouped by municipality."""
    municipalities = connection.execute(_LIST_SQL["municipalities"]).fetchall()
    documents: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
    for kind in ("plans", "schedules", "visits"):
        grouped: dict[str, list[tuple[Any, ...]]] = {}
        for row in connection.execute(_LIST_SQL[kind]):
            grouped.setdefault(row[0], []).append(row)
        documents[kind] = grouped
    counts = {
        table: dict(
            connection.execute(
                f"SELECT municipality_id, count(*) FROM {table} "
                "WHERE deleted_at IS NULL GROUP BY municipality_id"
            ).fetchall()
        )
        for table in _COUNTED
    }
    return {"municipalities": municipalities, "documents": documents, "counts": counts}


def bench_listing(data_dir: Path, repeat: int, warmup: int) -> list[Result]:
    database = data_dir / DATABASE_NAME

    def raw_open_and_list() -> int:
        with _connect_ro(database) as connection:
            return len(raw_listing_queries(connection)["municipalities"])

    def store_open_and_list() -> int:
        store = Store.open(data_dir, readonly=True)
        try:
            return len(summaries(store))
        finally:
            store.close()

    expected = raw_open_and_list()
    got = store_open_and_list()
    if got != expected:
        raise SystemExit(f"listing mismatch: summaries() gave {got}, raw SQL {expected}")

    results = []
    base, case = measure_pair(raw_open_and_list, store_open_and_list, repeat=repeat, warmup=warmup)
    results.append(
        make_result(
            "open + list: Store.open(ro) + summaries",
            "list",
            case,
            "raw: connect + listing SQL",
            base,
            target=f"≤ {LIST_RATIO_TARGET:g}× baseline",
            check=lambda _median, ratio: ratio <= LIST_RATIO_TARGET,
            detail=f"{expected} municipalities",
        )
    )

    # Where the time goes (reported only): opening alone, the integrity check the
    # design asks for on every open, and the listing on an already open store.
    def raw_open_only() -> None:
        with _connect_ro(database) as connection:
            connection.execute("SELECT 1").fetchone()

    def store_open_only() -> None:
        Store.open(data_dir, readonly=True).close()

    base, case = measure_pair(raw_open_only, store_open_only, repeat=repeat, warmup=warmup)
    results.append(
        make_result(
            "  open only: Store.open(ro) + close",
            "info",
            case,
            "raw: connect + SELECT 1",
            base,
        )
    )

    def raw_quick_check() -> None:
        with _connect_ro(database) as connection:
            connection.execute("PRAGMA quick_check").fetchall()
            connection.execute("PRAGMA foreign_key_check").fetchall()

    base, case = measure_pair(raw_open_only, raw_quick_check, repeat=repeat, warmup=warmup)
    results.append(
        make_result(
            "  integrity check alone (raw)",
            "info",
            case,
            "raw: connect + SELECT 1",
            base,
        )
    )

    store = Store.open(data_dir, readonly=True)
    try:
        with _connect_ro(database) as connection:
            base, case = measure_pair(
                lambda: raw_listing_queries(connection),
                lambda: summaries(store),
                repeat=repeat,
                warmup=warmup,
            )
    finally:
        store.close()
    results.append(
        make_result(
            "  list only: summaries, store open",
            "info",
            case,
            "raw: listing SQL, connection open",
            base,
        )
    )
    return results


# -- search ---------------------------------------------------------------------

_SEARCH_SQL = (
    "SELECT d.record_type, d.record_id, d.municipality_id FROM search_index "
    "JOIN search_doc AS d ON d.rowid = search_index.rowid "
    "WHERE search_index MATCH ? ORDER BY rank LIMIT ?"
)


def bench_search(
    data_dir: Path, queries: tuple[str, ...], repeat: int, warmup: int
) -> list[Result]:
    database = data_dir / DATABASE_NAME
    results = []
    store = Store.open(data_dir, readonly=True)
    try:
        with _connect_ro(database) as connection:
            for text in queries:
                match = fts_query(text)
                if match is None:
                    print(f"skipping query {text!r}: no words", file=sys.stderr)
                    continue

                def raw(match: str = match) -> list[Any]:
                    return connection.execute(_SEARCH_SQL, (match, SEARCH_LIMIT)).fetchall()

                def service(text: str = text) -> list[Any]:
                    return search(store, text, limit=SEARCH_LIMIT)

                matching = connection.execute(
                    "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (match,)
                ).fetchone()[0]
                shown = len(service())
                base, case = measure_pair(raw, service, repeat=repeat, warmup=warmup)
                results.append(
                    make_result(
                        f"search {text!r}",
                        "search",
                        case,
                        "raw: FTS5 MATCH + join",
                        base,
                        target=f"< {SEARCH_TARGET_MS:g} ms",
                        check=lambda median, _ratio: median < SEARCH_TARGET_MS,
                        detail=f"{shown} shown of {matching} matching",
                    )
                )
    finally:
        store.close()
    return results


# -- command line ---------------------------------------------------------------


def bench_cli(data_dir: Path, repeat: int, pycache: Path) -> Result:
    """``python -m app list`` as a new process, against ``python -c pass``.

    Both run with bytecode caching into ``pycache`` (a temporary folder) even when
    the environment says PYTHONDONTWRITEBYTECODE, as an installed program has its
    .pyc files; the warm-up run writes them. Nothing is written into the project.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.pop("PLAN_OSWIATY_DATA_DIR", None)

    def run(args: list[str]) -> Callable[[], None]:
        def go() -> None:
            subprocess.run(
                [sys.executable, *args],
                cwd=PROJECT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                check=True,
            )

        return go

    listing = run(["-m", "app", "--data-dir", str(data_dir), "list"])
    baseline = run(["-c", "pass"])
    try:
        base, case = measure_pair(baseline, listing, repeat=repeat, warmup=1)
    except subprocess.CalledProcessError as error:
        stderr = error.stderr.decode(errors="replace") if error.stderr else ""
        raise SystemExit(f"{' '.join(error.cmd)} failed ({error.returncode}): {stderr}") from None
    return make_result(
        "CLI: python -m app list",
        "cli",
        case,
        "python -c pass",
        base,
        detail=f"{repeat} runs",
    )


# -- report ---------------------------------------------------------------------


def _status(result: Result) -> str:
    if result.passed is None:
        return "info"
    return "PASS" if result.passed else "FAIL"


def print_table(info: StoreInfo, results: list[Result], repeat: int) -> None:
    print(
        f"Plan Oświaty store benchmark — Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs, median of {repeat} runs"
    )
    reused = info.copies - info.loaded
    if info.loaded == 0:
        built = f"reused as it was ({info.build_s:.1f} s to check)"
    else:
        per = info.build_s * 1000 / info.loaded
        built = f"built in {info.build_s:.1f} s ({per:.0f} ms per municipality loaded"
        built += f", {reused} reused)" if reused else ")"
    print(
        f"store: {info.municipalities} municipalities, {info.notes} notes, "
        f"{info.indexed_records} indexed records, {info.file_mb:.1f} MB; {built}"
    )
    print()
    name_width = max(len(r.case) for r in results)
    base_width = max(len(r.baseline) for r in results)
    header = (
        f"{'case':<{name_width}}  {'median':>9}  {'min':>9}  "
        f"{'baseline':<{base_width}}  {'base':>8}  {'ratio':>7}  {'target':<16}  result"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.case:<{name_width}}  {r.median_ms:>6.1f} ms  {r.min_ms:>6.1f} ms  "
            f"{r.baseline:<{base_width}}  {r.baseline_median_ms:>5.1f} ms  {r.ratio:>6.1f}×  "
            f"{r.target or '—':<16}  {_status(r)}" + (f"  ({r.detail})" if r.detail else "")
        )
    failed = [r.case.strip() for r in results if r.passed is False]
    print()
    print("all targets met" if not failed else f"{len(failed)} target(s) missed: {failed}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark a large store (N demo municipalities): listing and search, "
        "as ratios against baselines measured in the same run."
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="build (or reuse) the store here instead of a temporary folder; kept afterwards",
    )
    parser.add_argument("--copies", type=int, default=COPIES, help="municipalities (default 50)")
    parser.add_argument("--repeat", type=int, default=REPEAT, help="timed runs per case (15)")
    parser.add_argument("--warmup", type=int, default=WARMUP, help="untimed runs first (2)")
    parser.add_argument(
        "--cli-repeat", type=int, default=CLI_REPEAT, help="timed runs of the CLI (5; 0 skips)"
    )
    parser.add_argument(
        "--query",
        action="append",
        dest="queries",
        metavar="TEXT",
        help="a search query (repeatable; replaces the default set)",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results here")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.copies < 1 or args.repeat < 1 or args.warmup < 0 or args.cli_repeat < 0:
        parser.error("--copies and --repeat must be ≥ 1, --warmup and --cli-repeat ≥ 0")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="plan-oswiaty-bench-"))
    try:
        data_dir = args.data_dir.resolve() if args.data_dir else scratch / "data"
        print(f"building {args.copies} municipalities in {data_dir} …", file=sys.stderr)
        info = build_store(data_dir, args.copies)
        print("listing …", file=sys.stderr)
        results = bench_listing(data_dir, args.repeat, args.warmup)
        print("search …", file=sys.stderr)
        queries = tuple(args.queries) if args.queries else QUERIES
        results += bench_search(data_dir, queries, args.repeat, args.warmup)
        if args.cli_repeat:
            print("command line …", file=sys.stderr)
            results.append(bench_cli(data_dir, args.cli_repeat, scratch / "pycache"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    total_s = time.perf_counter() - started
    print_table(info, results, args.repeat)
    print(f"benchmark took {total_s:.0f} s")
    passed = all(r.passed is not False for r in results)
    if args.json:
        payload = {
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "repeat": args.repeat,
            "warmup": args.warmup,
            "cli_repeat": args.cli_repeat,
            "targets": {"list_ratio": LIST_RATIO_TARGET, "search_ms": SEARCH_TARGET_MS},
            "store": asdict(info),
            "results": [asdict(r) for r in results],
            "passed": passed,
            "total_s": total_s,
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 1 if args.check and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
