"""Start-up: time from process start to the main window painted, with a large store.

Compared, in the same run, with a bare PySide6 QMainWindow shown in a fresh
process (the floor any Qt program pays). Reports the median of several runs:

* ``first paint``  — our window on screen (target: under 2.5× the bare window);
* ``data ready``   — the store opened (50 municipalities) and the first page filled.

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
TARGET_RATIO = 2.5
MUNICIPALITIES = 50


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
    for _ in range(args.runs):
        bare.append(timed([sys.executable, "-c", BARE_WINDOW], env)["painted"])
        marks = timed(app_command, env)
        paint.append(marks["painted"])
        ready.append(marks["ready"])
    base = statistics.median(bare)
    rows = [
        ("bare QMainWindow painted", base),
        ("Plan Oświaty: first paint", statistics.median(paint)),
        ("Plan Oświaty: data ready", statistics.median(ready)),
    ]
    print(f"{'measure':<30} {'median ms':>10} {'× bare':>8}")
    for name, seconds in rows:
        print(f"{name:<30} {seconds * 1000:>10.0f} {seconds / base:>8.2f}")
    ratio = statistics.median(paint) / base
    verdict = "PASS" if ratio < TARGET_RATIO else "FAIL"
    print(f"first paint: {ratio:.2f}× bare window (target < {TARGET_RATIO}×) {verdict}")
    return 1 if args.check and verdict == "FAIL" else 0


if __name__ == "__main__":
    sys.exit(main())
