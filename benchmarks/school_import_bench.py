"""School-data import benchmark: a 3,000-row exam results sheet (a large city).

The case is the whole import the window and ``plan-oswiaty import sheet`` run:
reading the sheet, matching every row to a school by RSPO number, checking
every value, the before-import backup, writing in one transaction and
refreshing the bound indicators (``sheet.plan`` + ``sheet.apply``). The
baseline is openpyxl merely reading the same sheet (``load_workbook``
read-only + every row's values). Runs alternate (baseline, case, …) so a busy
machine slows both alike; the ratio is the median of the per-pair ratios.
Target: at most ``RATIO_TARGET`` times the baseline.

Run from the project folder: ``.venv/bin/python benchmarks/school_import_bench.py``
(``--check`` exits 1 when the target is missed; ``--rows N`` for another size).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

from app.imports import mapping as mappings
from app.imports import sheet
from app.model import Municipality, School
from app.services import records
from app.storage.store import Store

ROWS = 3_000
RUNS = 5
RATIO_TARGET = 2.0
SUBJECTS = ("Język polski", "Matematyka", "Język angielski")


def write_sheet(path: Path, rows: int) -> None:
    """The OKE layout of tests/fixtures/school_data (title, merged subjects, levels below)."""
    book = Workbook(write_only=True)
    sheet_ = book.create_sheet("Wyniki szkół")
    sheet_.append(["Wyniki egzaminu ósmoklasisty 2025 – szkoły miasta (OKE)"])
    sheet_.append([])
    group: list[str | None] = [None, None, None]
    for subject in SUBJECTS:
        group += [subject, None, None]
    sheet_.append(group)
    sheet_.append(
        ["Kod RSPO", "Nazwa szkoły", "Miejscowość"]
        + ["Liczba zdających", "Średni wynik (%)", "Stanin"] * len(SUBJECTS)
    )
    for number in range(rows):
        values: list[object] = [
            str(100000 + number),
            f"Szkoła Podstawowa nr {number + 1}",
            "Miasto",
        ]
        for offset in range(len(SUBJECTS)):
            values += [40 + number % 30, f"{45 + (number * 7 + offset * 5) % 40},{number % 10}", 5]
        sheet_.append(values)
    sheet_.append([None, "Razem"])
    for name, mean in (("Powiat miejski", "60,1"), ("Województwo", "61,0"), ("Kraj", "62,0")):
        sheet_.append([None, name, None] + [None, mean, None] * len(SUBJECTS))
    book.save(path)


def build_store(folder: Path, rows: int) -> str:
    with Store.open(folder) as store:
        municipality = records.create(
            store, Municipality, name="Miasto Duże", kind="city_county", teryt="3064"
        )
        with store.session() as session:
            for number in range(rows):
                school = School(
                    municipality_id=municipality.id,
                    name=f"Szkoła Podstawowa nr {number + 1}",
                    school_type="szkola_podstawowa",
                    rspo=str(100000 + number),
                )
                session.add(school)
        return municipality.id


def read_baseline(path: Path) -> int:
    book = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _row in book["Wyniki szkół"].iter_rows(values_only=True))
    book.close()
    return count


def run_import(store: Store, municipality_id: str, path: Path) -> int:
    prepared = sheet.plan(store, municipality_id, path, mappings.load(store, "oke-e8"), year=2024)
    return sheet.apply(store, prepared)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="school-import-bench-"))
    try:
        path = work / "wyniki.xlsx"
        write_sheet(path, args.rows)
        template = work / "template"
        municipality_id = build_store(template, args.rows)
        ratios, baselines, cases = [], [], []
        for run in range(args.runs):
            folder = work / f"run{run}"
            shutil.copytree(template, folder)
            start = time.perf_counter()
            read_baseline(path)
            baseline = time.perf_counter() - start
            with Store.open(folder, backup_on_open=False) as store:  # open, as in the window
                start = time.perf_counter()
                written = run_import(store, municipality_id, path)
                case = time.perf_counter() - start
            assert written == args.rows * len(SUBJECTS), written
            baselines.append(baseline)
            cases.append(case)
            ratios.append(case / baseline)
            shutil.rmtree(folder)
        ratio = statistics.median(ratios)
        verdict = "PASS" if ratio <= RATIO_TARGET else "FAIL"
        print(f"rows: {args.rows} schools × {len(SUBJECTS)} subjects")
        print(f"openpyxl read (baseline): {statistics.median(baselines) * 1000:8.0f} ms")
        print(f"import (plan + apply):    {statistics.median(cases) * 1000:8.0f} ms")
        print(f"ratio: {ratio:.2f}× (target ≤ {RATIO_TARGET:.1f}×)  {verdict}")
        return 1 if args.check and verdict == "FAIL" else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
