"""The core never imports Qt (docs/ARCHITECTURE.md: arrows point ``ui → app → resources``).

``plan-oswiaty export …`` and every other scripting command must run without
loading Qt; only the entry point that opens the window reaches into ``ui``,
lazily, from inside a function.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"
FORBIDDEN = ("PySide6", "shiboken6", "ui")


def import_time_imports(source: str) -> list[tuple[int, str]]:
    """Modules imported when a module is imported: everywhere but inside functions."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue  # runs only when called
            if isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                found.append((child.lineno, child.module))
            visit(child)

    visit(ast.parse(source))
    return found


def is_forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


def test_the_detector_sees_what_it_must() -> None:
    source = (
        "import os\n"
        "from PySide6.QtCore import QObject\n"
        "try:\n    import PySide6.QtWidgets as w\nexcept ImportError:\n    pass\n"
        "class A:\n    import ui.main_window\n"
        "def lazy():\n    from PySide6 import QtGui\n    import ui\n"
        "import uikit\n"
    )
    flagged = [(line, name) for line, name in import_time_imports(source) if is_forbidden(name)]
    assert flagged == [(2, "PySide6.QtCore"), (4, "PySide6.QtWidgets"), (8, "ui.main_window")]


def test_no_core_module_imports_qt_or_the_interface() -> None:
    files = sorted(APP.rglob("*.py"))
    assert len(files) > 20
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: import {name}"
        for path in files
        for line, name in import_time_imports(path.read_text(encoding="utf-8"))
        if is_forbidden(name)
    ]
    assert offenders == []


CHECK = """
import importlib, pkgutil, sys
import app
skipped = ("app.__main__", "app.storage.migrations")
for info in pkgutil.walk_packages(app.__path__, "app."):
    if not info.name.startswith(skipped):
        importlib.import_module(info.name)
from app.cli.main import main
for command in (["list"], ["search", "lodz"], ["check"], ["backup"], ["backups"]):
    assert main(["--data-dir", sys.argv[1], *command]) in (0, 1), command
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
assert not loaded, loaded
print("no Qt")
"""


@pytest.mark.slow
def test_importing_the_core_and_running_commands_loads_no_qt(data_dir: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", CHECK, str(data_dir)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.splitlines()[-1] == "no Qt"


def test_cli_export_kinds_match_the_reports() -> None:
    from app.cli import export as cli_export
    from app.reports import export as reports_export

    assert tuple(cli_export.KINDS) == tuple(reports_export.KINDS)


def test_help_does_not_load_the_data_layer() -> None:
    """`plan-oswiaty --help` (and building the parser for the window) stays quick."""
    import subprocess
    import sys

    code = (
        "import sys; from app.cli.main import build_parser; build_parser(); "
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'reportlab', 'PySide6') "
        "if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
