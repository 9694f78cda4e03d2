#!/usr/bin/env bash
# Build the Linux onedir bundle from packaging/plan-oswiaty.spec (the spec the
# Windows installer is built from) and run the frozen program's smoke test.
#
#   bash packaging/build_linux.sh [BUILD_FOLDER]
#
# BUILD_FOLDER (default: a new temporary folder) gets work/, dist/plan-oswiaty/,
# pyinstaller.log and smoke.json (sizes and start-up times). Uses the project's
# .venv (made by `uv sync` or `uv run`) unless PYTHON names another interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."

build="${1:-$(mktemp -d -t plan-oswiaty-build.XXXXXX)}"
mkdir -p "$build"
python="${PYTHON:-}"
if [[ -z "$python" ]]; then
    if [[ -x .venv/bin/python ]]; then python=.venv/bin/python; else python=python3; fi
fi

echo "Building the bundle in $build (log: $build/pyinstaller.log)"
started=$SECONDS
if ! "$python" -m PyInstaller --noconfirm --log-level WARN \
        --distpath "$build/dist" --workpath "$build/work" \
        packaging/plan-oswiaty.spec >"$build/pyinstaller.log" 2>&1; then
    tail -n 40 "$build/pyinstaller.log"
    echo "PyInstaller failed" >&2
    exit 1
fi
echo "Built in $((SECONDS - started)) s: $build/dist/plan-oswiaty"

QT_QPA_PLATFORM=offscreen "$python" packaging/smoke_test.py "$build/dist/plan-oswiaty" \
    --json "$build/smoke.json"
