"""Start-up: time from process start to the main window painted, with a large store.

Compared, in the same run, with a bare PySide6 QMainWindow shown in a fresh
process (the floor any Qt program pays). Reports the median of several runs:

* ``first paint``  — our window on screen (target: at most 1.5× the bare window);
* ``data ready``   — the first page (the overview) filled with the data of a store of 50
  municipalities (target: at most 3× the bare window). Measured twice: at a start
  after the program was closed on the overview, which shows the overview kept then
  (the first look, ``app/services/first_look.py``) before the data layer loads;
  and at a start with nothing kept (the first start, data changed by another
  program, or the program closed on another page), which reads the store first;
* ``live``         — the store open and the page filled from it (editable);
* ``switch municipality`` — choosing another municipality in a window already
  open, until the page on screen is filled (target: at most 100 ms);
* ``open <page>``  — showing each page for the first time (reported only): the
  page is built and filled when it is first shown, not at start-up;
* the phases on the way to ``data ready`` (reported only; the program prints them
  with ``--exit-after-start``): the rest of the window built after the first paint,
  the data layer (SQLAlchemy and the model) imported, the store opened.

Besides wall time, each mark carries the CPU time the process had used by then:
its ratio to the bare window's stays meaningful on a busy machine, where wall
times stretch with the load.

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
import time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 760)
window.show()
app.processEvents()
print(f"painted\t{time.process_time():.4f}", flush=True)
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


# The program's marks after the first paint (ui.application prints them), in the order
# of a start that shows the first look; "ready" is reported as the target's row.
PHASES = ("window built", "data layer imported", "store opened", "live")


def timed(command: list[str], env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """For each line the child prints ("painted", …, "ready"): seconds from launch
    and the CPU seconds the child reports having used by then."""
    marks: dict[str, tuple[float, float]] = {}
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    for line in child.stdout:
        name, _tab, cpu = line.strip().partition("\t")
        marks[name] = (time.perf_counter() - start, float(cpu or "nan"))
    child.wait(timeout=120)
    if child.returncode != 0:
        raise SystemExit(f"{command} failed with {child.returncode}")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    parser.add_argument(
        "--start-only", action="store_true", help="skip the switch and page rows (quicker)"
    )
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
    app_command = [sys.executable, "-m", "app", "--data-dir", str(data_dir), "--exit-after-start"]
    timed(app_command, env)  # warm-up: fills the bytecode cache, keeps the first look
    bare: list[tuple[float, float]] = []
    ours: dict[str, list[tuple[float, float]]] = {}
    cold: list[tuple[float, float]] = []
    in_window: dict[str, list[float]] = {}
    for _ in range(args.runs):
        bare.append(timed([sys.executable, "-c", BARE_WINDOW], env)["painted"])
        for name, seconds in ({} if args.start_only else window_marks(data_dir, env)).items():
            in_window.setdefault(name, []).append(seconds)
        (data_dir / "first-look.json").unlink(missing_ok=True)
        cold.append(timed(app_command, env)["ready"])  # reads the store; keeps the look
        marks = timed(app_command, env)
        if marks["ready"][0] > marks["data layer imported"][0]:
            raise SystemExit("the start did not show the first look kept by the one before")
        for name, values in marks.items():
            ours.setdefault(name, []).append(values)
    base, base_cpu = median(bare)
    paint, ready = median(ours["painted"]), median(ours["ready"])
    switch_ms = statistics.median(in_window.get("switch", [0.0])) * 1000
    verdicts = [
        paint[0] / base <= PAINT_RATIO,
        ready[0] / base <= READY_RATIO,
        switch_ms <= SWITCH_MS,
    ]
    nan = float("nan")
    rows = [
        ("bare QMainWindow painted", (base, base_cpu), "", ""),
        ("Plan Oświaty: first paint", paint, f"≤ {PAINT_RATIO}×", verdicts[0]),
        ("  window built", median(ours["window built"]), "phase", ""),
        ("Plan Oświaty: data ready", ready, f"≤ {READY_RATIO:g}×", verdicts[1]),
    ]
    rows += [("  " + name, median(ours[name]), "phase", "") for name in PHASES[1:] if name in ours]
    rows += [
        ("data ready, nothing kept", median(cold), "info", ""),
        ("switch municipality", (switch_ms / 1000, nan), f"≤ {SWITCH_MS:g} ms", verdicts[2]),
    ]
    rows += [
        (name, (statistics.median(times), nan), "info", "")
        for name, times in in_window.items()
        if name != "switch"
    ]
    print(
        f"{'measure':<30} {'median ms':>10} {'× bare':>8} {'CPU ms':>7} {'CPU×':>6}"
        f"  {'target':<10} result"
    )
    for name, (seconds, cpu), target, passed in rows:
        result = "" if passed == "" else ("PASS" if passed else "FAIL")
        cpu_text = "" if cpu != cpu else f"{cpu * 1000:>7.0f} {cpu / base_cpu:>6.2f}"
        print(
            f"{name:<30} {seconds * 1000:>10.0f} {seconds / base:>8.2f} {cpu_text:>14}"
            f"  {target:<10} {result}"
        )
    print(f"({MUNICIPALITIES} municipalities, median of {args.runs} runs)")
    return 1 if args.check and not all(verdicts) else 0


def median(values: list[tuple[float, float]]) -> tuple[float, float]:
    """Median wall and CPU seconds of several runs."""
    return (
        statistics.median(wall for wall, _cpu in values),
        statistics.median(cpu for _wall, cpu in values),
    )


def window_marks(data_dir: Path, env: dict[str, str]) -> dict[str, float]:
    """Seconds for a municipality switch and for showing each page the first time."""
    import json

    command = [sys.executable, "-c", IN_WINDOW, str(data_dir)]
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    marks: dict[str, float] = json.loads(output.stdout.strip().splitlines()[-1])
    return marks


if __name__ == "__main__":
    sys.exit(main())
