"""Run the three-laptop convergence property test for many examples, in batches.

    .venv/bin/python scripts/convergence_run.py [--examples 2000] [--batch 100]

Each batch is ``tests/core/exchange/test_convergence.py`` with its own
Hypothesis seed and ``PLAN_OSWIATY_CONVERGENCE_EXAMPLES=batch``, so a long run
can be stopped at any time and still says how many examples passed. Pass
``--fast`` to skip fsync (the data are thrown away anyway).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST = "tests/core/exchange/test_convergence.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--fast", action="store_true")
    args = parser.parse_args()
    env = {**os.environ, "PLAN_OSWIATY_CONVERGENCE_EXAMPLES": str(args.batch)}
    if args.fast:
        env["PLAN_OSWIATY_CONVERGENCE_FAST"] = "1"
    passed = 0
    started = time.perf_counter()
    for batch in range((args.examples + args.batch - 1) // args.batch):
        command = [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", TEST,
            f"--hypothesis-seed={args.seed + batch}",
        ]  # fmt: skip
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stdout[-6000:])
            print(f"FAILED in batch {batch} (seed {args.seed + batch}) after {passed} examples")
            return 1
        passed += args.batch
        print(f"{passed} examples passed, {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
