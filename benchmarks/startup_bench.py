"""Start-up: time from process start to the main window painted, with a large store.

Compared, in the same run, with a bare PySide6 QMainWindow shown in a fresh
process (the floor any Qt program pays). Reports the median of several runs:

* ``first paint``  — our window on screen (target: at most 1.5× the bare window);
* ``data ready``   — the store opened (50 municipalities) and the first page filled
  (target: at most 3× the bare window);
* ``switch municipality`` — choosing another municipality in a window already
  open, until the page on screen is filled (target: at most 100 ms);
* ``open <page>``  — showing each page for the first time (reported only): the
  page is built and filled when it is first shown, not at start-up.

Run: ``python3 -m uv run python benchmarks/startup_bench.py [--runs 7] [--data-dir DIR]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 760)
window.show()
app.processEvents()
print("painted", flush=True)
window.close()
"""
PAINT_RATIO = 1.5
READY_RATIO = 3.0
SWITCH_MS = 100.0
MUNICIPALITIES = 50

# In one process: the window over the store, then a municipality switch and each
# page shown for the first time, each timed until the events it caused are done.
IN_WINDOW = """
import json, os, sys, time
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from app.storage.store import Store
from ui.main_window import PAGES, MainWindow

app = QApplication([])
data_dir = sys.argv[1]
settings_file = data_dir + "/bench-ui.ini"
if os.path.exists(settings_file):
    os.remove(settings_file)  # every run starts on the first page with nothing remembered
window = MainWindow(QSettings(settings_file, QSettings.Format.IniFormat))
window.resize(1200, 760)
window.show()
app.processEvents()
store = Store.open(data_dir, backup_on_open=False)
window.set_store(store)
app.processEvents()
marks = {}
ids = [window.municipality_model.row_at(row).id for row in range(2)]
for municipality_id in (ids[1], ids[0]):  # there and back: the second one is timed
    began = time.perf_counter()
    window.choose_municipality(municipality_id)
    app.processEvents()
    marks["switch"] = time.perf_counter() - began
for row, (key, _title) in enumerate(PAGES):
    if row == window.navigation.currentRow():
        continue
    began = time.perf_counter()
    window.navigation.setCurrentRow(row)
    app.processEvents()
    marks["open " + key] = time.perf_counter() - began
print(json.dumps(marks), flush=True)
window.close()
"""


def build_store(data_dir: Path) -> None:
    from app.demo import load_demo
    from app.storage.store import Store

    with Store.open(data_dir, backup_on_open=False) as store:
        for copy in range(MUNICIPALITIES):
            load_demo(store, copy=copy)


def timed(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launch to each line the child prints ("painted", "ready")."""
    marks: dict[str, float] = {}
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    for line in child.stdout:
        marks[line.strip()] = time.perf_counter() - start
    child.wait(timeout=120)
    if child.returncode != 0:
        raise SystemExit(f"{command} failed with {child.returncode}")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # An installed program has its bytecode cached; some machines forbid writing it
    # next to the sources (PYTHONDONTWRITEBYTECODE), so give the runs a cache of their own.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="plan-oswiaty-pycache-")
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="plan-oswiaty-startup-"))
    if not (data_dir / "plan-oswiaty.sqlite").exists():
        began = time.perf_counter()
        build_store(data_dir)
        seconds = time.perf_counter() - began
        print(f"built a store of {MUNICIPALITIES} municipalities in {seconds:.1f} s")
    bare, paint, ready = [], [], []
    app_command = [sys.executable, "-m", "app", "--data-dir", str(data_dir), "--exit-after-start"]
    timed(app_command, env)  # warm-up: fills the bytecode cache
    in_window: dict[str, list[float]] = {}
    for _ in range(args.runs):
        bare.append(timed([sys.executable, "-c", BARE_WINDOW], env)["painted"])
        marks = timed(app_command, env)
        paint.append(marks["painted"])
        ready.append(marks["ready"])
        for name, seconds in window_marks(data_dir, env).items():
            in_window.setdefault(name, []).append(seconds)
    base = statistics.median(bare)
    paint_ratio = statistics.median(paint) / base
    ready_ratio = statistics.median(ready) / base
    switch_ms = statistics.median(in_window["switch"]) * 1000
    verdicts = [
        paint_ratio <= PAINT_RATIO,
        ready_ratio <= READY_RATIO,
        switch_ms <= SWITCH_MS,
    ]
    rows = [
        ("bare QMainWindow painted", base, "", ""),
        ("Plan Oświaty: first paint", statistics.median(paint), f"≤ {PAINT_RATIO}×", verdicts[0]),
        ("Plan Oświaty: data ready", statistics.median(ready), f"≤ {READY_RATIO:g}×", verdicts[1]),
        ("switch municipality", switch_ms / 1000, f"≤ {SWITCH_MS:g} ms", verdicts[2]),
    ]
    rows += [
        (name, statistics.median(times), "info", "")
        for name, times in in_window.items()
        if name != "switch"
    ]
    print(f"{'measure':<30} {'median ms':>10} {'× bare':>8}  {'target':<10} result")
    for name, seconds, target, passed in rows:
        result = "" if passed == "" else ("PASS" if passed else "FAIL")
        print(f"{name:<30} {seconds * 1000:>10.0f} {seconds / base:>8.2f}  {target:<10} {result}")
    print(f"({MUNICIPALITIES} municipalities, median of {args.runs} runs)")
    return 1 if args.check and not all(verdicts) else 0


def window_marks(data_dir: Path, env: dict[str, str]) -> dict[str, float]:
    """Seconds for a municipality switch and for showing each page the first time."""
    import json

    command = [sys.executable, "-c", IN_WINDOW, str(data_dir)]
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    marks: dict[str, float] = json.loads(output.stdout.strip().splitlines()[-1])
    return marks


if __name__ == "__main__":
    sys.exit(main())
