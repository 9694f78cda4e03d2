"""The demo's report for the last closed school year, as PDF (rendered to PNG) and as DOCX."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader
from pypdf.generic import Destination

from app.i18n import current_language, set_language
from app.reports.yearly import chapters, document
from app.services import yearly_report
from app.storage.store import Store

YEAR = 2025
TODAY = date(2026, 10, 4)
Written = Callable[[str, str], Path]


@pytest.fixture(scope="module")
def written(
    demo_ro: Store, demo_id: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Written]:
    folder = tmp_path_factory.mktemp("yearly")
    made: dict[tuple[str, str], Path] = {}

    def write(fmt: str, language: str) -> Path:
        if (fmt, language) not in made:
            before = current_language()
            set_language(language)
            try:
                data = yearly_report.report_data(demo_ro, demo_id, YEAR, TODAY)
                made[fmt, language] = document.write(data, folder / f"report-{language}.{fmt}")
            finally:
                set_language(before)
        return made[fmt, language]

    yield write


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _outline(reader: PdfReader, items: Any) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for item in items:
        if isinstance(item, list):
            found += _outline(reader, item)
        else:
            assert isinstance(item, Destination)
            found.append((str(item.title), reader.get_destination_page_number(item) + 1))
    return found


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_pdf_is_complete_and_every_bookmark_lands_on_its_heading(
    language: str, written: Written, read_pdf: Any, embedded: Any
) -> None:
    path = written("pdf", language)
    pdf = read_pdf(path)
    reader = pdf.reader
    outline = _outline(reader, reader.outline)
    titles = [title for title, _page in outline if title[:1].isdigit()]
    assert len(titles) == len(chapters.KEYS)
    pages = [_squash(page) for page in pdf.pages]
    assert [t for t, page in outline if _squash(t) not in pages[page - 1]] == []
    total = len(reader.pages)
    assert total >= 8
    page_word = "Strona" if language == "pl" else "Page"
    assert pdf.mentions(f"{page_word} 3 z {total}" if language == "pl" else f"Page 3 of {total}")
    assert all(embedded(font) for font in pdf.fonts())
    assert pdf.metadata.get("/Title")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler is not installed")
def test_the_pdf_renders_to_png(written: Written, tmp_path: Path) -> None:
    path = written("pdf", "pl")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == len(PdfReader(str(path)).pages)
    assert all(png.stat().st_size > 2000 for png in pngs)  # not blank


def test_the_polish_pdf_says_what_the_data_say(written: Written, read_pdf: Any) -> None:
    pdf = read_pdf(written("pdf", "pl"))
    assert pdf.contains("Informacja o stanie realizacji zadań oświatowych za rok szkolny 2025/2026")
    assert pdf.contains("art. 11 ust. 7 ustawy z dnia 14 grudnia 2016 r. – Prawo oświatowe")
    assert pdf.contains("Liczba uczniów w szkołach prowadzonych przez gminę spadła o")
    assert pdf.contains("Egzamin ósmoklasisty — matematyka: średni wynik")


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_docx_has_headings_header_rows_alt_text_and_language(
    language: str, written: Written
) -> None:
    doc = docx.Document(str(written("docx", language)))
    code = "en-GB" if language == "en" else "pl-PL"
    assert doc.core_properties.language == code
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert len(headings) == len(chapters.KEYS)
    assert headings[0].startswith("1. ")
    headed = [
        t
        for t in doc.tables
        if t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    ]
    assert len(headed) == len(doc.tables) - 1  # every table but the cover's facts
    assert len(doc.inline_shapes) >= 4  # pupils, three E8 subjects, finance, transport
    for shape in doc.inline_shapes:
        assert shape._inline.docPr.get("descr", "").strip()
    normal = doc.styles["Normal"].element.rPr
    assert normal.find(qn("w:lang")).get(qn("w:val")) == code


def test_switched_off_chapters_and_comments_reach_the_document(
    demo_store: Store, tmp_path: Path
) -> None:
    from app.demo import demo_municipality_id, load_demo

    load_demo(demo_store)
    m = demo_municipality_id()
    yearly_report.set_enabled(demo_store, m, YEAR, "staff", False)
    order = list(chapters.KEYS)
    order.remove("exams")
    order.insert(1, "exams")
    yearly_report.set_order(demo_store, m, YEAR, order)
    yearly_report.set_comment(demo_store, m, YEAR, "exams", "Komentarz wójta o egzaminach.")
    path = document.write(
        yearly_report.report_data(demo_store, m, YEAR, TODAY), tmp_path / "r.docx"
    )
    doc = docx.Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["1. Podstawa prawna", "2. Wyniki egzaminów zewnętrznych"]
    assert "Kadra" not in " ".join(headings)
    assert len(headings) == 9
    texts = [p.text.replace("\u00a0", " ") for p in doc.paragraphs]
    assert "Komentarz wójta o egzaminach." in texts


def test_a_running_school_year_says_as_of_when(tmp_path: Path) -> None:
    from app.reports.yearly.content import Chapter, ReportData

    chapter = Chapter("legal_basis", "Podstawa prawna", ["Tekst."])
    running = ReportData("Gmina Próbna", 2026, [chapter], {}, date(2026, 12, 3))
    ended = ReportData("Gmina Próbna", 2025, [chapter], {}, date(2026, 12, 3))
    texts = []
    for data in (running, ended):
        path = document.write(data, tmp_path / f"{data.year}.pdf")
        texts.append(PdfReader(str(path)).pages[0].extract_text())
    assert "Stan na dzień" in texts[0] and "3 grudnia 2026" in texts[0]
    assert "Stan na dzień" not in texts[1]
