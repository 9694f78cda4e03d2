"""Overview benchmark: the Przegląd page and the advisor's portfolio on 50 municipalities.

Each case is paired with its baseline, measured in the same run and interleaved
run by run (see ``store_bench.py``): the *plain SQL* the case needs, written by
hand and run with ``sqlite3`` on an open read-only connection, rows fetched and
nothing else. Targets: every case at most ``RATIO_TARGET`` × its baseline.

- ``overview`` — ``municipality_overview(store, id, today)`` for one municipality;
- ``portfolio`` — ``portfolio(store, today)`` across all of them;
- ``… + models`` — the same, then the overview page's Qt models filled with the
  result (``OverviewModels.set_overview`` / ``PortfolioModel.set_rows``), as the
  page does it, without a window (``QT_QPA_PLATFORM=offscreen``).

Run from the project folder: ``.venv/bin/python benchmarks/overview_bench.py``
(``--data-dir DIR`` keeps the built store for the next run; ``--check`` exits 1
when a target is missed; ``--json FILE`` writes the results).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from store_bench import Result, build_store, make_result, measure_pair

from app.demo import demo_municipality_id
from app.paths import DATABASE_NAME
from app.services.overview import municipality_overview, portfolio
from app.storage.store import Store

COPIES = 50
REPEAT = 25
WARMUP = 3
RATIO_TARGET = 2.0
TODAY = date(2026, 11, 21)  # fixed, so runs on different days compare

# -- the plain SQL each case needs -------------------------------------------------------

_LIVE_ACTIONS = (
    "FROM action a JOIN objective o ON o.id = a.objective_id JOIN goal g ON g.id = o.goal_id "
    "JOIN strategic_plan p ON p.id = g.plan_id WHERE a.deleted_at IS NULL "
    "AND o.deleted_at IS NULL AND g.deleted_at IS NULL AND p.deleted_at IS NULL "
    "AND p.status != 'closed'"
)
_ACTION_LATE = "a.end_date < :today AND a.status NOT IN ('done', 'dropped')"
_LIVE_ITEMS = (
    "FROM schedule_item i JOIN development_schedule s ON s.id = i.schedule_id "
    "WHERE i.deleted_at IS NULL AND s.deleted_at IS NULL"
)
_ITEM_LATE = "i.end_month < :month AND i.status NOT IN ('done', 'dropped')"
_LATEST = (
    "SELECT indicator_id, measured_on, value, max(measured_on || created_at) FROM measurement "
    "WHERE deleted_at IS NULL {only} GROUP BY indicator_id"
)
_INDICATORS = (
    "SELECT i.municipality_id, i.id, i.name, i.baseline_value, i.baseline_date, "
    "i.target_value, i.target_date, i.interval_months, m.measured_on, m.value "
    "FROM indicator i LEFT JOIN strategic_plan p ON p.id = i.plan_id "
    "LEFT JOIN ({latest}) m ON m.indicator_id = i.id "
    "WHERE i.deleted_at IS NULL AND (p.id IS NULL OR p.status != 'closed') {only}"
)
_OPEN_RECOMMENDATIONS = (
    "FROM recommendation r JOIN advisory_visit v ON v.id = r.visit_id "
    "WHERE r.deleted_at IS NULL AND v.deleted_at IS NULL AND r.status IN ('open', 'in_progress')"
)

OVERVIEW_SQL = (
    "SELECT name, (SELECT max(visit_date) FROM advisory_visit WHERE municipality_id = :mid "
    "AND deleted_at IS NULL) FROM municipality WHERE id = :mid AND deleted_at IS NULL",
    "SELECT a.id, a.title, a.status, a.end_date, t.name, "
    f"CASE WHEN {_ACTION_LATE} THEN 1 ELSE 0 END "
    + _LIVE_ACTIONS.replace(
        "WHERE", "LEFT JOIN team_member t ON t.id = a.responsible_id AND t.deleted_at IS NULL WHERE"
    )
    + " AND a.municipality_id = :mid ORDER BY a.end_date, a.position",
    f"SELECT i.id, i.action, i.status, i.end_month, i.responsible, "
    f"CASE WHEN {_ITEM_LATE} THEN 1 ELSE 0 END {_LIVE_ITEMS} "
    "AND i.municipality_id = :mid ORDER BY i.end_month, i.position",
    _INDICATORS.format(
        latest=_LATEST.format(only="AND municipality_id = :mid"),
        only="AND i.municipality_id = :mid ORDER BY i.position, i.created_at",
    ),
    f"SELECT r.id, r.text, r.owner, r.due_date, r.status {_OPEN_RECOMMENDATIONS} "
    "AND r.municipality_id = :mid ORDER BY v.visit_date, r.position",
    "SELECT id, title, review_date, owner, status, probability * impact FROM risk "
    "WHERE deleted_at IS NULL AND status != 'closed' AND municipality_id = :mid "
    "ORDER BY probability * impact DESC, review_date, title",
    "SELECT id, title, text, noted_on, author, kind FROM monitoring_note "
    "WHERE municipality_id = :mid AND deleted_at IS NULL "
    "ORDER BY noted_on DESC, created_at DESC LIMIT 5",
)

PORTFOLIO_SQL = (
    "SELECT id, name FROM municipality WHERE deleted_at IS NULL",
    f"SELECT a.municipality_id, a.status, count(*), "
    f"sum(CASE WHEN {_ACTION_LATE} THEN 1 ELSE 0 END) "
    f"{_LIVE_ACTIONS} GROUP BY a.municipality_id, a.status",
    f"SELECT i.municipality_id, i.status, count(*), "
    f"sum(CASE WHEN {_ITEM_LATE} THEN 1 ELSE 0 END) "
    f"{_LIVE_ITEMS} GROUP BY i.municipality_id, i.status",
    _INDICATORS.format(latest=_LATEST.format(only=""), only=""),
    "SELECT r.municipality_id, count(*), sum(CASE WHEN r.due_date < :today THEN 1 ELSE 0 END) "
    f"{_OPEN_RECOMMENDATIONS} GROUP BY r.municipality_id",
    "SELECT municipality_id, count(*), "
    "sum(CASE WHEN probability * impact >= 15 THEN 1 ELSE 0 END), max(probability * impact) "
    "FROM risk WHERE deleted_at IS NULL AND status != 'closed' "
    "GROUP BY municipality_id",
    "SELECT municipality_id, max(noted_on) FROM monitoring_note WHERE deleted_at IS NULL "
    "GROUP BY municipality_id",
    "SELECT municipality_id, max(visit_date) FROM advisory_visit WHERE deleted_at IS NULL "
    "GROUP BY municipality_id",
)


def run_sql(connection: sqlite3.Connection, statements: tuple[str, ...], **values: Any) -> int:
    """Run each statement and fetch its rows; the number of rows in all."""
    return sum(len(connection.execute(sql, values).fetchall()) for sql in statements)


def sql_values(municipality_id: str | None = None) -> dict[str, Any]:
    return {
        "today": TODAY.isoformat(),
        "month": TODAY.replace(day=1).isoformat(),
        "mid": municipality_id,
    }


# -- cases -------------------------------------------------------------------------------


def bench(data_dir: Path, repeat: int, warmup: int, with_models: bool) -> list[Result]:
    database = data_dir / DATABASE_NAME
    store = Store.open(data_dir, readonly=True)
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    chosen = demo_municipality_id(COPIES // 2)
    one = sql_values(chosen)
    everyone = sql_values()
    fill_overview, fill_portfolio = _model_fillers() if with_models else (None, None)
    results: list[Result] = []
    try:
        cases = [
            (
                "overview (one municipality)",
                lambda: run_sql(connection, OVERVIEW_SQL, **one),
                lambda: municipality_overview(store, chosen, TODAY),
            ),
            (
                f"portfolio ({COPIES} municipalities)",
                lambda: run_sql(connection, PORTFOLIO_SQL, **everyone),
                lambda: portfolio(store, TODAY),
            ),
        ]
        if fill_overview is not None and fill_portfolio is not None:
            cases += [
                (
                    "overview + page models filled",
                    lambda: run_sql(connection, OVERVIEW_SQL, **one),
                    lambda: fill_overview(municipality_overview(store, chosen, TODAY)),
                ),
                (
                    "portfolio + table model filled",
                    lambda: run_sql(connection, PORTFOLIO_SQL, **everyone),
                    lambda: fill_portfolio(portfolio(store, TODAY)),
                ),
            ]
        for name, raw, case in cases:
            detail = f"{raw()} rows of plain SQL"
            base, times = measure_pair(raw, case, repeat=repeat, warmup=warmup)
            results.append(
                make_result(
                    name,
                    "overview",
                    times,
                    "plain SQL, connection open",
                    base,
                    target=f"≤ {RATIO_TARGET:g}× baseline",
                    check=lambda _median, ratio: ratio <= RATIO_TARGET,
                    detail=detail,
                )
            )
    finally:
        connection.close()
        store.close()
    return results


def _model_fillers() -> tuple[Any, Any]:
    """Fill the page's models as the page does (Qt without a window)."""
    from PySide6.QtWidgets import QApplication

    from ui.models.overview import OverviewModels, PortfolioModel

    _app = QApplication.instance() or QApplication([])
    models = OverviewModels()
    table = PortfolioModel()

    def fill_overview(overview: Any) -> None:
        models.set_overview(overview)

    def fill_portfolio(rows: Any) -> None:
        table.set_rows(rows)

    fill_overview.app = _app  # type: ignore[attr-defined]  # keep the application alive
    return fill_overview, fill_portfolio


# -- report ------------------------------------------------------------------------------


def print_table(results: list[Result]) -> None:
    header = (
        f"{'case':34} {'median':>9} {'min':>9} {'baseline':>9} {'ratio':>6}  target        result"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        verdict = "PASS" if r.passed else "FAIL"
        print(
            f"{r.case:34} {r.median_ms:7.2f}ms {r.min_ms:7.2f}ms {r.baseline_median_ms:7.2f}ms "
            f"{r.ratio:5.2f}×  {r.target:13} {verdict}  ({r.detail})"
        )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data-dir", type=Path, help="build (or reuse) the store here")
    parser.add_argument("--copies", type=int, default=COPIES)
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument("--warmup", type=int, default=WARMUP)
    parser.add_argument("--no-models", action="store_true", help="skip the Qt model cases")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="overview-bench-"))
    try:
        data_dir = args.data_dir.resolve() if args.data_dir else scratch / "data"
        print(f"building {args.copies} municipalities in {data_dir} …", file=sys.stderr)
        info = build_store(data_dir, args.copies)
        results = bench(data_dir, args.repeat, args.warmup, not args.no_models)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(
        f"{info.municipalities} municipalities, {info.file_mb:.1f} MB; "
        f"{args.repeat} runs each; Python {platform.python_version()}"
    )
    print_table(results)
    if args.json:
        args.json.write_text(
            json.dumps({"store": asdict(info), "results": [asdict(r) for r in results]}, indent=2),
            encoding="utf-8",
        )
    missed = [r for r in results if r.passed is False]
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
