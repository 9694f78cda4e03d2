"""The editable Word copy: the PDF's content in the PDF's order, accessible structure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from app.errors import UserError
from app.i18n import current_language, set_language
from app.reports.export import KINDS, export
from app.storage.store import Store

Documents = Callable[[str, str], Path]


@pytest.fixture(scope="module")
def word_documents(
    demo_ro: Store, demo_id: str, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str, str], Path]:
    written: dict[tuple[str, str], Path] = {}
    folder = tmp_path_factory.mktemp("docx")

    def document(kind: str, language: str) -> Path:
        if (kind, language) not in written:
            before = current_language()
            set_language(language)
            try:
                target = folder / f"{kind}-{language}.docx"
                written[kind, language] = export(demo_ro, kind, demo_id, output=target)
            finally:
                set_language(before)
        return written[kind, language]

    return document


def _outline_titles(reader: PdfReader, items: Any) -> list[str]:
    titles: list[str] = []
    for item in items:
        titles += _outline_titles(reader, item) if isinstance(item, list) else [str(item.title)]
    return titles


def _headings(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_the_docx_has_the_pdfs_headings_in_the_pdfs_order(
    kind: str, language: str, word_documents: Documents, demo_documents: Documents
) -> None:
    document = docx.Document(str(word_documents(kind, language)))
    reader = PdfReader(str(demo_documents(kind, language)))
    pdf_headings = [_squash(t) for t in _outline_titles(reader, reader.outline)]
    assert [_squash(t) for t in _headings(document)] == pdf_headings
    assert len(pdf_headings) >= 4


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("kind", ["plan", "hdr", "monitoring"])
def test_the_docx_is_accessible_language_header_rows_and_described_pictures(
    kind: str, language: str, word_documents: Documents
) -> None:
    document = docx.Document(str(word_documents(kind, language)))
    code = "en-GB" if language == "en" else "pl-PL"
    assert document.core_properties.language == code
    assert document.core_properties.title
    defaults = document.styles.element.find(qn("w:docDefaults"))
    default_lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert default_lang.get(qn("w:val")) == code
    normal = document.styles["Normal"].element.rPr
    assert normal.find(qn("w:lang")).get(qn("w:val")) == code
    assert document.tables
    headed = [t for t in document.tables if t.rows[0]._tr.find(qn("w:trPr")) is not None]
    assert headed  # data tables mark their header rows, which repeat on every page
    for table in headed:
        header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
        assert header is not None
    if kind in ("hdr", "monitoring"):
        assert document.inline_shapes
    for shape in document.inline_shapes:
        assert shape._inline.docPr.get("descr")  # alternative text for every chart


def test_a_docx_has_no_password(demo_ro: Store, demo_id: str, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="tylko plikowi PDF"):
        export(demo_ro, "plan", demo_id, password="sekret", output=tmp_path / "p.docx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", ["plan", "hdr"])
def test_the_gantt_picture_in_the_docx_shows_the_chart(
    kind: str, word_documents: Documents
) -> None:
    """The chart is laid out before it is drawn: not an empty page-sized picture."""
    import io

    from PIL import Image

    document = docx.Document(str(word_documents(kind, "pl")))
    gantt = [
        shape
        for shape in document.inline_shapes
        if "Gantt" in (shape._inline.docPr.get("descr") or "")
    ]
    assert gantt
    blob = document.part.related_parts[
        gantt[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    ].blob
    image = Image.open(io.BytesIO(blob)).convert("L")
    darkest, _lightest = image.getextrema()
    assert darkest < 128  # bars, grid and names drawn
    assert abs(image.width - 170 / 25.4 * 150) <= 2  # the text width at 150 dpi, not a page
