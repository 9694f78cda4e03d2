"""Stores to export from, built once per session, and a reader that checks a PDF's insides.

The reports only read, so the stores are opened read-only and shared by the
tests: the demo municipality, and an "edge" municipality with a 300-action plan,
a 5,000-character description, 400-character titles, 60 measurements, a long
HDR, an empty plan, an empty HDR and an empty visit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from app.demo import demo_municipality_id, load_demo
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
    SchedulePriority,
    StrategicPlan,
)
from app.reports import fonts
from app.services import records
from app.storage.store import Store

POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
PANGRAM = "Zażółć gęślą jaźń — ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż"
EDGE_NAME = "Gmina Źródła Łąkowe"
LONG_TITLE = ("Bardzo długi tytuł działania z polskimi literami ąćęłńóśźż " * 8)[:400]
LONG_DESCRIPTION = ("Opis działania, który ciągnie się przez wiele stron. " * 100)[:5000]
LONG_WORD = "https://example.org/" + "ż" * 300  # no place to break: must still wrap


@dataclass(frozen=True)
class Edge:
    municipality_id: str
    big_plan_id: str
    empty_plan_id: str
    long_hdr_id: str
    empty_hdr_id: str
    full_visit_id: str
    empty_visit_id: str
    action_titles: tuple[str, ...]
    goal_titles: tuple[str, ...]


# -- building the stores ------------------------------------------------------------------


def _create(store: Store, cls: type[Any], parent: str | None, **values: Any) -> str:
    return records.create(store, cls, parent, **values).id


def _big_plan(store: Store, municipality_id: str) -> tuple[str, list[str], list[str]]:
    plan_id = _create(
        store, StrategicPlan, municipality_id, title=f"{PANGRAM} — plan na lata 2024–2028",
        year_from=2024, year_to=2028, diagnosis_context=PANGRAM, swot_strengths="– " + PANGRAM,
    )  # fmt: skip
    goals, actions = [], []
    for g in range(10):
        title = LONG_TITLE if g == 0 else f"Cel strategiczny numer {g + 1}: wzmocnienie szkół"
        goal_id = _create(store, Goal, plan_id, title=title, code=str(g + 1))
        goals.append(title)
        for o in range(3):
            objective_id = _create(
                store, Objective, goal_id, title=f"Cel operacyjny {g + 1}.{o + 1}"
            )
            for a in range(10):
                number = g * 30 + o * 10 + a
                title = LONG_TITLE if number == 5 else f"Działanie nr {number} — źdźbło łąki"
                values: dict[str, Any] = {"title": title, "budget_cents": 100_000 * (a + 1)}
                if number == 7:
                    values["description"] = LONG_DESCRIPTION
                    values["partners"] = LONG_WORD
                _create(store, Action, objective_id, **values)
                actions.append(title)
    indicator_id = _create(
        store, Indicator, municipality_id, plan_id=plan_id, name="Wskaźnik z 60 pomiarami",
        unit="%", baseline_value=10, baseline_date=date(2021, 1, 1), target_value=90,
        target_date=date(2026, 12, 31),
    )  # fmt: skip
    for month in range(60):
        _create(
            store, Measurement, indicator_id,
            measured_on=date(2021 + month // 12, month % 12 + 1, 15), value=10 + month * 1.3,
        )  # fmt: skip
    return plan_id, goals, actions


def _long_hdr(store: Store, municipality_id: str) -> str:
    hdr_id = _create(
        store, DevelopmentSchedule, municipality_id, title=f"HDR {PANGRAM}", area_code=8,
        period_start=date(2024, 1, 1), period_end=date(2028, 12, 1),
        step_area_choice=LONG_DESCRIPTION, step_area_choice_done=True,
    )  # fmt: skip
    priorities = [
        _create(store, SchedulePriority, hdr_id, title=f"Priorytet {p + 1} ąćęłńóśźż")
        for p in range(4)
    ]
    statuses = ("planned", "in_progress", "done", "delayed", "dropped")
    for i in range(60):
        start = date(2024 + (i % 48) // 12, (i % 48) % 12 + 1, 1)
        _create(
            store, ScheduleItem, hdr_id,
            priority_id=priorities[i % 4] if i < 56 else None,
            action=LONG_DESCRIPTION[:2000] if i == 3 else f"Pozycja HDR {i} — żółw",
            goal="Cel pozycji", responsible="Zespół JST", start_month=start,
            end_month=date(min(2029, start.year + 1), start.month, 1),
            status=statuses[i % 5], resources_budget_cents=50_000,
        )  # fmt: skip
    return hdr_id


def _visits(store: Store, municipality_id: str) -> tuple[str, str]:
    full = _create(
        store, AdvisoryVisit, municipality_id, visit_date=date(2026, 5, 20), number=2,
        advisor="dr Żaneta Łęcka", place=PANGRAM, participants="\n".join(
            f"Uczestnik {i} – rola" for i in range(12)
        ), agenda="1. Punkt\n2. Punkt", findings=LONG_DESCRIPTION,
    )  # fmt: skip
    for r in range(15):
        _create(
            store, Recommendation, full, text=f"Zalecenie {r}: {PANGRAM}", owner="Ósma Osoba",
            due_date=date(2026, 1 + r % 12, 1),
        )  # fmt: skip
    empty = _create(
        store, AdvisoryVisit, municipality_id, visit_date=date(2025, 1, 10), advisor="Ktoś"
    )
    return full, empty


def _monitoring(store: Store, municipality_id: str) -> None:
    kinds = ("progress", "risk", "problem", "good_practice", "recommendation", "decision")
    for n in range(50):
        _create(
            store, MonitoringNote, municipality_id, noted_on=date(2025, 1 + n % 12, 1 + n % 28),
            kind=kinds[n % 6], title=f"Notatka {n} {PANGRAM}",
            text=LONG_DESCRIPTION if n == 0 else "Treść notatki.",
        )  # fmt: skip
    for r in range(12):
        _create(
            store, Risk, municipality_id, title=f"Ryzyko {r} — źródło", probability=4,
            impact=4 if r < 9 else 1 + r % 5, status="open",
        )  # fmt: skip


def build_edge(store: Store) -> Edge:
    municipality_id = _create(store, Municipality, None, name=EDGE_NAME, kind="rural")
    big_plan_id, goals, actions = _big_plan(store, municipality_id)
    empty_plan_id = _create(
        store, StrategicPlan, municipality_id, title="Pusty plan", year_from=2020, year_to=2022
    )
    long_hdr_id = _long_hdr(store, municipality_id)
    empty_hdr_id = _create(
        store, DevelopmentSchedule, municipality_id, title="Pusty HDR", custom_area="Własny",
        period_start=date(2023, 1, 1), period_end=date(2023, 6, 1),
    )  # fmt: skip
    full_visit, empty_visit = _visits(store, municipality_id)
    _monitoring(store, municipality_id)
    return Edge(
        municipality_id, big_plan_id, empty_plan_id, long_hdr_id, empty_hdr_id,
        full_visit, empty_visit, tuple(actions), tuple(goals),
    )  # fmt: skip


@pytest.fixture(scope="session")
def _stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Store, Edge]]:
    demo_dir = tmp_path_factory.mktemp("demo") / "data"
    with Store.open(demo_dir) as writable:
        load_demo(writable)
    edge_dir = tmp_path_factory.mktemp("edge") / "data"
    with Store.open(edge_dir) as writable:
        edge = build_edge(writable)
    demo = Store.open(demo_dir, readonly=True)
    edge_store = Store.open(edge_dir, readonly=True)
    yield demo, edge_store, edge
    demo.close()
    edge_store.close()


@pytest.fixture(scope="session")
def demo_ro(_stores: tuple[Store, Store, Edge]) -> Store:
    """The demo municipality, read-only, shared by the tests."""
    return _stores[0]


@pytest.fixture(scope="session")
def demo_id() -> str:
    return demo_municipality_id()


@pytest.fixture(scope="session")
def edge_store(_stores: tuple[Store, Store, Edge]) -> Store:
    return _stores[1]


@pytest.fixture(scope="session")
def edge(_stores: tuple[Store, Store, Edge]) -> Edge:
    return _stores[2]


# -- reading a PDF back -----------------------------------------------------------------


@dataclass
class Pdf:
    """What a test wants to know about a written PDF."""

    reader: PdfReader
    pages: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def body(self) -> str:
        """The pages' text without their headers and footers, so text running over a
        page break reads on."""
        return "\n".join(_without_furniture(page) for page in self.pages)

    @property
    def squashed(self) -> str:
        """All body text without whitespace: pypdf may break lines (and words) anywhere."""
        return squash(self.body)

    def contains(self, wanted: str) -> bool:
        """``wanted`` is in the body text (whitespace ignored)."""
        return squash(wanted) in self.squashed

    def mentions(self, wanted: str) -> bool:
        """``wanted`` is anywhere, headers and footers included (whitespace ignored)."""
        return squash(wanted) in squash(self.text)

    @property
    def metadata(self) -> dict[str, str]:
        info = self.reader.metadata or {}
        return {str(k): str(v) for k, v in info.items()}

    def fonts(self) -> list[DictionaryObject]:
        """Every font dictionary used by any page or form on any page."""
        found: dict[int, DictionaryObject] = {}
        for page in self.reader.pages:
            _collect_fonts(page.get("/Resources"), found, set())
        return list(found.values())

    def text_outside_page(self) -> list[str]:
        """Text that starts or ends outside its page's box (with a 1 pt tolerance)."""
        problems: list[str] = []
        for number, page in enumerate(self.reader.pages, start=1):
            width, height = float(page.mediabox.width), float(page.mediabox.height)

            def visit(text: str, cm: Any, tm: Any, font: Any, size: float, n: int = number,
                      w: float = width, h: float = height) -> None:  # fmt: skip
                if not text.strip():
                    return
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = abs(tm[0] * cm[0])
                right = x + _width(text.strip(), font, size) * scale if tm[1] == 0 else x
                if not (-1 <= x <= w + 1 and -1 <= y <= h + 1 and right <= w + 1):
                    problems.append(f"page {n}: {text.strip()[:40]!r} at ({x:.0f}, {y:.0f})")

            page.extract_text(visitor_text=visit)
        return problems


def _without_furniture(page: str) -> str:
    """A page's text minus the header and footer (drawn first) and ``Strona X z Y`` (last)."""
    lines = page.splitlines()
    for index, line in enumerate(lines[:4]):
        if line.startswith(("Wygenerowano ", "Generated ")):
            lines = lines[index + 1 :]
            break
    return "\n".join(line for line in lines if not re.fullmatch(r"Strona \d+ z \d+", line))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _width(text: str, font: Any, size: float) -> float:
    base = str(font.get("/BaseFont", "")) if font else ""
    name = base.split("+")[-1].lstrip("/")
    registered = {
        "NotoSans-Regular": fonts.REGULAR,
        "NotoSans-Bold": fonts.BOLD,
        "NotoSans-Italic": fonts.ITALIC,
        "NotoSans-BoldItalic": fonts.BOLD_ITALIC,
    }.get(name, fonts.REGULAR)
    return fonts.string_width(text, size, registered)


def _collect_fonts(resources: Any, found: dict[int, DictionaryObject], seen: set[int]) -> None:
    if resources is None:
        return
    if isinstance(resources, IndirectObject):
        resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        found[id(font.get_object())] = font.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if id(xobject) in seen:
            continue
        seen.add(id(xobject))
        _collect_fonts(xobject.get("/Resources"), found, seen)


def is_embedded(font: DictionaryObject) -> bool:
    candidates = [font]
    for descendant in font.get("/DescendantFonts") or []:
        candidates.append(descendant.get_object())
    for candidate in candidates:
        descriptor = candidate.get("/FontDescriptor")
        if descriptor is None:
            continue
        descriptor = descriptor.get_object()
        if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
            return True
    return False


@pytest.fixture(scope="session")
def read_pdf() -> Callable[..., Pdf]:
    """``read_pdf(path, password=None)``: the PDF's pages as text, its fonts and metadata.

    Read once per file (extracting a 100-page plan takes seconds).
    """
    cache: dict[tuple[Path, str | None, float], Pdf] = {}

    def read(path: Path, password: str | None = None) -> Pdf:
        key = (Path(path), password, Path(path).stat().st_mtime)
        if key not in cache:
            reader = PdfReader(str(path))
            if password is not None:
                assert reader.decrypt(password) != 0
            cache[key] = Pdf(reader, [page.extract_text() or "" for page in reader.pages])
        return cache[key]

    return read


@pytest.fixture(scope="session")
def embedded() -> Callable[[DictionaryObject], bool]:
    return is_embedded


@pytest.fixture(scope="session")
def demo_documents(
    demo_ro: Store, demo_id: str, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str, str], Path]:
    """``demo_documents(kind, language)``: a demo document, written once per session."""
    from app.i18n import current_language, set_language
    from app.reports.export import export

    written: dict[tuple[str, str], Path] = {}
    folder = tmp_path_factory.mktemp("documents")

    def document(kind: str, language: str = "pl") -> Path:
        if (kind, language) not in written:
            before = current_language()
            set_language(language)
            try:
                target = folder / f"{kind}-{language}.pdf"
                written[kind, language] = export(demo_ro, kind, demo_id, output=target)
            finally:
                set_language(before)
        return written[kind, language]

    return document


@pytest.fixture(scope="session")
def more_documents(
    demo_ro: Store, demo_id: str, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str, str], Path]:
    """``more_documents(kind, language)``: the network summary, a meeting report and the
    monitoring report of the demo's 2025 period (with the officer's conclusions)."""
    from app.demo_monitoring import PERIOD
    from app.demo_networks import _id, network_id
    from app.i18n import current_language, set_language
    from app.reports import network_export
    from app.reports.export import export

    written: dict[tuple[str, str], Path] = {}
    folder = tmp_path_factory.mktemp("more-documents")

    def make(kind: str, target: Path) -> Path:
        if kind == "network":
            return network_export.export(demo_ro, "network", network_id(), output=target)
        if kind == "meeting":
            return network_export.export(
                demo_ro, "meeting", network_id(), record_id=_id("meeting", "m3"), output=target
            )
        return export(
            demo_ro, "monitoring", demo_id, date_from=PERIOD[0], date_to=PERIOD[1], output=target
        )

    def document(kind: str, language: str = "pl") -> Path:
        if (kind, language) not in written:
            before = current_language()
            set_language(language)
            try:
                written[kind, language] = make(kind, folder / f"{kind}-{language}.pdf")
            finally:
                set_language(before)
        return written[kind, language]

    return document


MORE_KINDS = ("network", "meeting", "monitoring-period")
