"""Run the frozen program the way a user and a script would, and time its start.

    python packaging/smoke_test.py BUNDLE_FOLDER [--json FILE] [--runs N]

Everything happens in a temporary data folder with a temporary home (the real
per-user folders are never touched), and the bundle runs from a copy in a folder
whose path has Polish letters and spaces (``--in-place``: where it is):
``--version``, ``demo``, ``list``, ``export plan -o …`` (when the program has
that command) with the PDF read back as the PDF tests do, portable mode, and
the window opened offscreen and closed (``--exit-after-start``). Then the time
to "ready" of the frozen program against the unfrozen one from this checkout,
measured alternately in this run, and the bundle's size. Exits 1 if any check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.paths import PORTABLE_FOLDER, PORTABLE_MARKER  # noqa: E402
from app.version import APP_ID, APP_NAME, __version__  # noqa: E402

DEMO_MUNICIPALITY = "Gmina Zielonki Wielkie"
# The program runs from, and keeps its data under, paths like a Polish user's.
POLISH_FOLDER = "Program Files Łódź/Plan Oświaty — wersja próbna"
POLISH_USER = "Użytkownicy/Łukasz Żółć"
TIMEOUT = 120


@dataclass
class Smoke:
    bundle: Path
    home: Path
    failures: list[str] = field(default_factory=list)
    facts: dict[str, object] = field(default_factory=dict)

    @property
    def gui(self) -> Path:
        return self.bundle / (f"{APP_ID}.exe" if os.name == "nt" else APP_ID)

    @property
    def cli(self) -> Path:
        """On Windows the console twin prints to the terminal; elsewhere they are one."""
        twin = self.bundle / f"{APP_ID}-cli.exe"
        return twin if twin.exists() else self.gui

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PLAN_OSWIATY_")}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            HOME=str(self.home),
            USERPROFILE=str(self.home),
            APPDATA=str(self.home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(self.home / "AppData" / "Local"),
            XDG_DATA_HOME=str(self.home / ".local" / "share"),
            XDG_STATE_HOME=str(self.home / ".local" / "state"),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            PYTHONIOENCODING="utf-8",
        )
        return env

    def run(self, *args: str | Path, exe: Path | None = None) -> subprocess.CompletedProcess[str]:
        command = [str(exe or self.cli), *map(str, args)]
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=self.env(),
            timeout=TIMEOUT,
            check=False,
        )

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""))
        if not ok:
            self.failures.append(name)
        return ok

    def expect(self, name: str, result: subprocess.CompletedProcess[str], *wanted: str) -> bool:
        missing = [text for text in wanted if text not in result.stdout]
        detail = f"exit {result.returncode}, missing {missing}\n{result.stdout}\n{result.stderr}"
        return self.check(name, result.returncode == 0 and not missing, detail.strip())


def check_commands(smoke: Smoke, data: Path, work: Path) -> None:
    smoke.expect("--version", smoke.run("--version"), f"{APP_NAME} {__version__}")
    smoke.expect("demo", smoke.run("--data-dir", data, "demo"), DEMO_MUNICIPALITY)
    smoke.expect("list", smoke.run("--data-dir", data, "list"), DEMO_MUNICIPALITY, "plan:")
    helped = smoke.run("--help")
    # the installer's file type runs: plan-oswiaty.exe --import-file "%1"
    smoke.check("--help lists --import-file", "--import-file" in helped.stdout, helped.stdout)
    if not re.search(r"^\s+export\s", helped.stdout, re.MULTILINE):
        print("skip export plan: this build has no `export` command (not in --help)")
        smoke.facts["export"] = "skipped: no export command"
        return
    pdf = work / "plan.pdf"
    exported = smoke.run(
        "--data-dir", data, "export", "plan", "--municipality", "Zielonki Wielkie", "-o", pdf
    )
    detail = f"exit {exported.returncode}\n{exported.stdout}\n{exported.stderr}"
    if smoke.check("export plan -o plan.pdf", exported.returncode == 0 and pdf.is_file(), detail):
        check_pdf(smoke, pdf)


def check_pdf(smoke: Smoke, pdf: Path) -> None:
    """As tests/core/reports do: the text names the municipality, every font is embedded."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    text = "".join(re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages)
    smoke.check("PDF names the municipality", re.sub(r"\s+", "", DEMO_MUNICIPALITY) in text)
    fonts = [font for page in reader.pages for font in page_fonts(page)]
    bare = [str(font.get("/BaseFont")) for font in fonts if not font_embedded(font)]
    smoke.check("PDF embeds every font", bool(fonts) and not bare, f"not embedded: {bare}")
    smoke.facts["pdf_pages"] = len(reader.pages)


def page_fonts(page: object) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []

    def visit(resources: object, seen: set[int]) -> None:
        if resources is None:
            return
        resources = resources.get_object()  # type: ignore[attr-defined]
        for font in (resources.get("/Font") or {}).values():  # type: ignore[attr-defined]
            found.append(font.get_object())
        for xobject in (resources.get("/XObject") or {}).values():  # type: ignore[attr-defined]
            xobject = xobject.get_object()
            if id(xobject) not in seen:
                seen.add(id(xobject))
                visit(xobject.get("/Resources"), seen)

    visit(page.get("/Resources"), set())  # type: ignore[attr-defined]
    return found


def font_embedded(font: dict[str, object]) -> bool:
    candidates = [font, *(d.get_object() for d in font.get("/DescendantFonts") or [])]  # type: ignore[attr-defined]
    for candidate in candidates:
        descriptor = candidate.get("/FontDescriptor")
        if descriptor is not None and any(
            key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            return True
    return False


def check_portable(smoke: Smoke) -> None:
    """A marker beside the executable puts the data in dane/ beside it."""
    marker = smoke.bundle / PORTABLE_MARKER
    folder = smoke.bundle / PORTABLE_FOLDER
    if folder.exists():
        smoke.check("portable mode", False, f"{folder} exists already; not touching it")
        return
    marker.write_text("", encoding="utf-8")
    try:
        result = smoke.run("demo")
        database = folder / "plan-oswiaty.sqlite"
        ok = result.returncode == 0 and database.is_file() and (folder / "logs").is_dir()
        smoke.check("portable mode keeps data beside the program", ok, result.stderr)
    finally:
        marker.unlink()
        _remove_tree(folder)


def _remove_tree(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def time_to_ready(
    command: Sequence[str | Path], env: dict[str, str], cwd: Path
) -> tuple[float, float, str]:
    """Seconds from launch to "painted" and to "ready" (printed by --exit-after-start)."""
    started = time.perf_counter()
    marks: dict[str, float] = {}
    with subprocess.Popen(
        [str(part) for part in command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=cwd,
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            mark = line.strip().split("\t")[0]  # "ready\t1.17": the mark, then CPU seconds
            marks.setdefault(mark, time.perf_counter() - started)
        _, errors = process.communicate(timeout=TIMEOUT)
        if process.returncode != 0 or "ready" not in marks:
            return -1.0, -1.0, f"exit {process.returncode}, saw {list(marks)}\n{errors}"
    return marks.get("painted", -1.0), marks["ready"], ""


def check_window_and_time(smoke: Smoke, data: Path, runs: int) -> None:
    frozen = [smoke.gui, "--data-dir", data, "--exit-after-start"]
    unfrozen = [sys.executable, "-m", "app", "--data-dir", data, "--exit-after-start"]
    env = smoke.env()
    times: dict[str, list[tuple[float, float]]] = {"frozen": [], "unfrozen": []}
    # one untimed start of each first (caches, bytecode), then alternate
    for round_ in range(runs + 1):
        for name, command in (("frozen", frozen), ("unfrozen", unfrozen)):
            painted, ready, problem = time_to_ready(command, env, ROOT)
            if problem:
                smoke.check(f"window opens offscreen and closes ({name})", False, problem)
                return
            if round_:
                times[name].append((painted, ready))
    smoke.check("window opens offscreen, paints, loads the data and closes", True)
    for name, pairs in times.items():
        smoke.facts[f"{name}_painted_s"] = round(statistics.median(p for p, _ in pairs), 3)
        smoke.facts[f"{name}_ready_s"] = round(statistics.median(r for _, r in pairs), 3)
    smoke.facts["ready_ratio_frozen_to_unfrozen"] = round(
        smoke.facts["frozen_ready_s"] / smoke.facts["unfrozen_ready_s"],
        2,  # type: ignore[operator]
    )


def bundle_size(bundle: Path) -> tuple[int, int]:
    """Bytes and files, each counted once (Linux bundles link some libraries twice)."""
    files = [path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def copy_bundle(bundle: Path, target: Path) -> Path:
    """A copy of the bundle in ``target`` (a path with Polish letters and spaces)."""
    shutil.copytree(bundle, target, symlinks=True)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the onedir folder PyInstaller made")
    parser.add_argument("--json", type=Path, help="also write the measurements here")
    parser.add_argument("--runs", type=int, default=3, help="timed starts of each (default 3)")
    parser.add_argument(
        "--in-place",
        action="store_true",
        help="run the bundle where it is (default: from a copy in a folder with Polish letters)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="plan-oswiaty-smoke-") as temp:
        work = Path(temp)
        bundle = args.bundle.resolve()
        if not args.in_place:  # users install under names like these: run from one
            bundle = copy_bundle(bundle, work / POLISH_FOLDER / bundle.name)
        smoke = Smoke(bundle=bundle, home=work / POLISH_USER)
        smoke.home.mkdir(parents=True)
        smoke.facts.update(bundle_path=str(bundle))
        if not smoke.check("bundle has the program", smoke.gui.is_file(), str(smoke.gui)):
            return 1
        data = work / POLISH_USER / "Dokumenty" / "dane"
        check_commands(smoke, data, work)
        check_portable(smoke)
        check_window_and_time(smoke, data, args.runs)
        size, count = bundle_size(smoke.bundle)
        smoke.facts.update(bundle_mb=round(size / 1_000_000, 1), bundle_files=count)
    print(json.dumps(smoke.facts, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(smoke.facts, indent=2, ensure_ascii=False), "utf-8")
    if smoke.failures:
        print(f"smoke test FAILED: {', '.join(smoke.failures)}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
