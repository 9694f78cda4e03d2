"""PDF benchmark: the plan of a 300-action municipality, against a bare platypus document.

Every measured case is paired with a baseline built in the same run from the
same text, interleaved run by run (baseline, case, baseline, case, …), so a busy
machine slows both alike. Reported: the median of the runs, and the ratio to the
baseline (the median of the per-pair ratios).

- **case**: ``app.reports.plan.build_plan_pdf`` — reading the plan from the
  store, composing the story, laying out cover, contents, cards, tables,
  header and footer, ``Strona X z Y``, and writing the file;
- **baseline**: a ``SimpleDocTemplate`` of plain paragraphs carrying the same
  text (every line the finished PDF contains, taken from it once before
  timing), in the same embedded font — no tables, no header or footer, no
  contents, no page numbers. Target: at most ``PLAN_RATIO_TARGET`` × this.
- the other three documents of the same municipality against their own bare
  baselines (reported only);
- ``soffice --headless --convert-to pdf`` of an equivalent DOCX (the same
  lines as paragraphs), the way officers make PDFs today — only where
  LibreOffice is installed; otherwise the row says it was skipped.

Run from the project folder: ``.venv/bin/python benchmarks/pdf_bench.py``
(``--json FILE``, ``--check``, ``--repeat N``, ``--warmup N``).
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from app.demo import demo_data
from app.model import (
    Action,
    AdvisoryVisit,
    DevelopmentSchedule,
    Goal,
    Indicator,
    Measurement,
    MonitoringNote,
    Municipality,
    Objective,
    Recommendation,
    Risk,
    ScheduleItem,
    StrategicPlan,
    TeamMember,
)
from app.reports import fonts
from app.reports.hdr import build_hdr_pdf
from app.reports.monitoring import build_monitoring_pdf
from app.reports.plan import build_plan_pdf
from app.reports.visit import build_visit_pdf
from app.services import records
from app.storage.store import Store

GOALS, OBJECTIVES, ACTIONS = 10, 3, 10  # 300 actions
REPEAT = 7
WARMUP = 1
PLAN_RATIO_TARGET = 1.5


@dataclass
class Result:
    case: str
    median_ms: float
    min_ms: float
    baseline: str
    baseline_median_ms: float
    ratio: float
    target: str
    passed: bool | None
    detail: str = ""


# -- the municipality ------------------------------------------------------------------


@dataclass(frozen=True)
class Ids:
    municipality: str
    plan: str
    schedule: str
    visit: str


def build_store(folder: Path) -> tuple[Store, Ids, float]:
    """A municipality with a 300-action plan written with the demo's real texts."""
    start = time.perf_counter()
    store = Store.open(folder, backup_on_open=False)
    demo = demo_data()
    samples = [a for g in demo["plan"]["goals"] for o in g["objectives"] for a in o["actions"]]
    place = records.create(store, Municipality, None, name="Gmina Benchmarkowa", kind="rural")
    people = [
        records.create(store, TeamMember, place.id, name=m["name"], role=m["role"]).id
        for m in demo["team"]
    ]
    plan_values = {k: v for k, v in demo["plan"].items() if isinstance(v, str) and k != "key"}
    plan_values.pop("resolution_date", None)
    plan = records.create(
        store, StrategicPlan, place.id, **plan_values, year_from=2024, year_to=2028
    )
    number = 0
    for g in range(GOALS):
        goal = records.create(store, Goal, plan.id, title=f"Cel strategiczny {g + 1}: " +
                              demo["plan"]["goals"][g % 3]["title"], code=str(g + 1))  # fmt: skip
        for o in range(OBJECTIVES):
            objective = records.create(
                store, Objective, goal.id, title=f"Cel operacyjny {g + 1}.{o + 1}",
                description=demo["plan"]["goals"][g % 3]["description"],
            )  # fmt: skip
            for _a in range(ACTIONS):
                sample = samples[number % len(samples)]
                records.create(
                    store, Action, objective.id, title=sample["title"],
                    description=sample["description"], partners=sample.get("partners"),
                    responsible_id=people[number % len(people)],
                    start_date=date.fromisoformat(sample["start_date"]),
                    end_date=date.fromisoformat(sample["end_date"]),
                    budget_cents=int(sample["budget"] * 100), key_competences=sample[
                        "key_competences"], funding_source=sample["funding_source"],
                )  # fmt: skip
                number += 1
    for sample in demo["indicators"]:
        indicator = records.create(
            store, Indicator, place.id, plan_id=plan.id, name=sample["name"],
            unit=sample["unit"], baseline_value=sample["baseline_value"],
            baseline_date=date.fromisoformat(sample["baseline_date"]),
            target_value=sample["target_value"],
            target_date=date.fromisoformat(sample["target_date"]),
        )  # fmt: skip
        for m in sample["measurements"]:
            records.create(
                store, Measurement, indicator.id,
                measured_on=date.fromisoformat(m["measured_on"]), value=m["value"],
            )  # fmt: skip
    schedule = _schedule(store, place.id, demo)
    visit = _visits_notes_risks(store, place.id, demo)
    return store, Ids(place.id, plan.id, schedule, visit), time.perf_counter() - start


def _schedule(store: Store, municipality_id: str, demo: dict[str, Any]) -> str:
    source = demo["schedule"]
    schedule = records.create(
        store, DevelopmentSchedule, municipality_id, title=source["title"], area_code=8,
        period_start=date(2025, 1, 1), period_end=date(2027, 6, 1),
    )  # fmt: skip
    for priority in source["priorities"]:
        for item in priority["items"]:
            records.create(
                store, ScheduleItem, schedule.id, action=item["action"], goal=item["goal"],
                responsible=item["responsible"],
                start_month=date.fromisoformat(item["start_month"] + "-01"),
                end_month=date.fromisoformat(item["end_month"] + "-01"), status=item["status"],
                expected_effect=item["expected_effect"],
                success_indicator=item["success_indicator"],
            )  # fmt: skip
    return schedule.id


def _visits_notes_risks(store: Store, municipality_id: str, demo: dict[str, Any]) -> str:
    visit_id = ""
    for source in demo["visits"]:
        visit = records.create(
            store, AdvisoryVisit, municipality_id,
            visit_date=date.fromisoformat(source["visit_date"]), number=source["number"],
            place=source["place"], advisor=source["advisor"],
            participants=source["participants"], agenda=source["agenda"],
            findings=source["findings"],
        )  # fmt: skip
        for rec in source["recommendations"]:
            records.create(store, Recommendation, visit.id, text=rec["text"], owner=rec["owner"])
        visit_id = visit.id
    for note in demo["notes"]:
        records.create(
            store, MonitoringNote, municipality_id, kind=note["kind"], title=note["title"],
            text=note["text"], noted_on=date.fromisoformat(note["noted_on"]),
        )  # fmt: skip
    for risk in demo["risks"]:
        records.create(
            store, Risk, municipality_id, title=risk["title"],
            probability=risk["probability"], impact=risk["impact"],
        )  # fmt: skip
    return visit_id


# -- baselines -------------------------------------------------------------------------


def text_lines(pdf: Path) -> list[str]:
    """Every non-empty line of text in ``pdf``, in page order."""
    lines: list[str] = []
    for page in PdfReader(str(pdf)).pages:
        lines += [line.strip() for line in (page.extract_text() or "").splitlines()]
    return [line for line in lines if line]


def bare_platypus(lines: list[str], target: Path) -> Callable[[], None]:
    """A plain platypus document of ``lines``, in the same (embedded) font."""
    fonts.register()
    style = ParagraphStyle("bare", fontName=fonts.REGULAR, fontSize=10, leading=14)
    markup = [escape(line) for line in lines]

    def build() -> None:
        SimpleDocTemplate(str(target), pagesize=A4).build([Paragraph(m, style) for m in markup])

    return build


def write_docx(lines: list[str], target: Path) -> None:
    """A minimal Word document: one paragraph per line (enough for LibreOffice)."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)


# -- timing ----------------------------------------------------------------------------


def _time_once(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000.0


def measure(
    name: str,
    case: Callable[[], object],
    baseline_name: str,
    baseline: Callable[[], object],
    *,
    repeat: int,
    warmup: int,
    target: float | None = None,
    detail: str = "",
) -> Result:
    for _ in range(warmup):
        baseline()
        case()
    base_times, case_times = [], []
    for _ in range(repeat):
        base_times.append(_time_once(baseline))
        case_times.append(_time_once(case))
    ratio = statistics.median(c / b for b, c in zip(base_times, case_times, strict=True))
    return Result(
        case=name,
        median_ms=statistics.median(case_times),
        min_ms=min(case_times),
        baseline=baseline_name,
        baseline_median_ms=statistics.median(base_times),
        ratio=ratio,
        target=f"≤ {target:g}× baseline" if target else "",
        passed=None if target is None else ratio <= target,
        detail=detail,
    )


def bench_documents(store: Store, ids: Ids, folder: Path, repeat: int, warmup: int) -> list[Result]:
    builders: list[tuple[str, Callable[[Path], object], float | None]] = [
        ("plan, 300 actions", lambda p: build_plan_pdf(store, ids.plan, p), PLAN_RATIO_TARGET),
        ("HDR", lambda p: build_hdr_pdf(store, ids.schedule, p), None),
        ("monitoring report", lambda p: build_monitoring_pdf(store, ids.municipality, p), None),
        ("visit protocol", lambda p: build_visit_pdf(store, ids.visit, p), None),
    ]
    results = []
    for name, build, target in builders:
        path = folder / f"{name.split(',')[0].replace(' ', '_')}.pdf"
        build(path)
        lines = text_lines(path)
        pages = len(PdfReader(str(path)).pages)
        results.append(
            measure(
                name,
                lambda build=build, path=path: build(path),
                "bare platypus, same text",
                bare_platypus(lines, folder / "bare.pdf"),
                repeat=repeat,
                warmup=warmup,
                target=target,
                detail=f"{pages} pages, {len(lines)} lines",
            )
        )
    return results


def bench_soffice(plan_pdf: Path, folder: Path, plan_ms: float) -> Result:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return Result(
            "soffice --convert-to pdf", 0, 0, "plan (case above)", plan_ms, 0, "", None,
            "skipped: LibreOffice is not installed on this machine",
        )  # fmt: skip
    docx = folder / "plan.docx"
    write_docx(text_lines(plan_pdf), docx)
    profile = folder / "lo-profile"

    def convert() -> None:
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(folder / "lo"), str(docx)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip

    convert()  # the first start creates the profile
    times = [_time_once(convert) for _ in range(3)]
    median = statistics.median(times)
    return Result(
        "soffice --convert-to pdf (DOCX, same text)", median, min(times), "plan (case above)",
        plan_ms, median / plan_ms, "", None, "info: the way officers make PDFs today",
    )  # fmt: skip


# -- report ----------------------------------------------------------------------------


def print_table(results: list[Result]) -> None:
    header = (
        f"{'case':44} {'median':>9} {'min':>9}  {'baseline':26} {'base':>9} {'ratio':>7}  "
        f"{'target':16} result"
    )
    print(header)
    for r in results:
        verdict = "info" if r.passed is None else ("PASS" if r.passed else "FAIL")
        print(
            f"{r.case:44} {r.median_ms:7.0f}ms {r.min_ms:7.0f}ms  {r.baseline:26} "
            f"{r.baseline_median_ms:7.0f}ms {r.ratio:6.2f}×  {r.target:16} {verdict}"
            + (f"  ({r.detail})" if r.detail else "")
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument("--warmup", type=int, default=WARMUP)
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as temp:
        folder = Path(temp)
        store, ids, build_s = build_store(folder / "data")
        try:
            print(f"store with a 300-action plan built in {build_s:.1f} s; python "
                  f"{platform.python_version()} on {platform.machine()}")  # fmt: skip
            results = bench_documents(store, ids, folder, args.repeat, args.warmup)
            results.append(bench_soffice(folder / "plan.pdf", folder, results[0].median_ms))
        finally:
            store.close()
    print_table(results)
    if args.json:
        args.json.write_text(
            json.dumps({"build_s": build_s, "results": [asdict(r) for r in results]}, indent=2)
        )
    failed = any(r.passed is False for r in results)
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
