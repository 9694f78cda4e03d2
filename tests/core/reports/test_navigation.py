"""Bookmarks and contents links land on the page that holds their heading."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import Destination

from app.reports.export import KINDS

Documents = Callable[[str, str], Path]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _outline(reader: PdfReader, items: Any, depth: int = 0) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) of every outline item, in order."""
    found: list[tuple[int, str, int]] = []
    for item in items:
        if isinstance(item, list):
            found += _outline(reader, item, depth + 1)
        else:
            assert isinstance(item, Destination)
            found.append((depth, str(item.title), reader.get_destination_page_number(item) + 1))
    return found


def _links(reader: PdfReader) -> list[tuple[int, int]]:
    """(page the link is on, page it goes to) of every internal link."""
    numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, start=1)}
    links: list[tuple[int, int]] = []
    for number, page in enumerate(reader.pages, start=1):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
                links.append((number, numbers[annot["/Dest"][0].idnum]))
    return links


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_bookmark_lands_on_the_page_with_its_heading(
    kind: str, language: str, demo_documents: Documents
) -> None:
    reader = PdfReader(str(demo_documents(kind, language)))
    outline = _outline(reader, reader.outline)
    assert len(outline) >= 4
    pages = [_squash(page.extract_text() or "") for page in reader.pages]
    wrong = [(title, page) for _, title, page in outline if _squash(title) not in pages[page - 1]]
    assert wrong == []
    # Not everything on the first page: the old bug sent every bookmark to the cover.
    assert len({page for _, _, page in outline}) > 1


@pytest.mark.parametrize("kind", ["plan", "monitoring"])
def test_every_contents_link_lands_on_its_heading(kind: str, demo_documents: Documents) -> None:
    reader = PdfReader(str(demo_documents(kind, "pl")))
    links = _links(reader)
    assert len(links) >= 5
    for source, target in links:
        assert target != source, (source, target)  # never the contents page itself
    titles = {page for _, _, page in _outline(reader, reader.outline)}
    assert {target for _, target in links} <= titles


def test_the_visit_protocol_sections_are_siblings(demo_documents: Documents) -> None:
    reader = PdfReader(str(demo_documents("visit", "pl")))
    outline = _outline(reader, reader.outline)
    sections = [(depth, title) for depth, title, _ in outline if re.match(r"\d\. ", title)]
    assert len(sections) == 7
    assert len({depth for depth, _ in sections}) == 1


def _tops(reader: PdfReader, items: Any) -> list[tuple[str, int, float]]:
    """(title, 0-based page, distance of the heading's top from the page's top)."""
    found: list[tuple[str, int, float]] = []
    for item in items:
        if isinstance(item, list):
            found += _tops(reader, item)
        else:
            page = reader.get_destination_page_number(item)
            height = float(reader.pages[page].mediabox.height)
            found.append((str(item.title), page, height - float(item.top)))
    return found


def _line_tops(path: Path) -> list[list[float]]:
    """Each page's text lines inside the body frame, as the distance of their top."""
    import subprocess

    from app.reports.styles import MARGIN
    from app.reports.templates import FOOTER_SPACE, HEADER_SPACE

    out = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    pages = []
    for height, body in re.findall(
        r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', out, re.S
    ):
        top, bottom = MARGIN + HEADER_SPACE, float(height) - MARGIN - FOOTER_SPACE
        tops = {round(float(y)) for y in re.findall(r'yMin="([\d.]+)"', body)}
        pages.append(sorted(y for y in tops if top - 1 <= y <= bottom))
    return pages


def lonely_headings(path: Path) -> list[tuple[str, int, int]]:
    """Headings followed on their page by fewer than two lines of their section."""
    reader = PdfReader(str(path))
    headings = _tops(reader, reader.outline)
    lines = _line_tops(path)
    alone = []
    for index, (title, page, top) in enumerate(headings):
        following = headings[index + 1] if index + 1 < len(headings) else None
        if page == len(lines) - 1 or (following is not None and following[1] == page):
            continue  # the section ends on this page, however short it is
        below = [y for y in lines[page] if y > top + 2]
        # The heading's own line(s), then at least two lines of its text.
        heading_lines = 2 if len(title) > 70 else 1
        if len(below) < heading_lines + 2:
            alone.append((title, page + 1, len(below)))
    return alone


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_heading_keeps_two_lines_of_what_follows(
    kind: str, language: str, demo_documents: Documents
) -> None:
    assert lonely_headings(demo_documents(kind, language)) == []


def test_the_check_sees_a_heading_left_alone(tmp_path: Path) -> None:
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from app.reports.styles import styles
    from app.reports.templates import Anchor, DocumentInfo, render
    from app.reports.typeset import Paragraph

    s = styles()
    lines = [Paragraph(f"Wiersz {n} tekstu rozdziału.", s.body) for n in range(40)]
    bare = [Anchor("a", 0, "Rozdział pierwszy"), Paragraph("Rozdział pierwszy", s.h1)]
    story = [Spacer(1, 228 * mm), *bare, *lines, Anchor("b", 0, "Drugi"), Paragraph("Drugi", s.h1)]
    info = DocumentInfo(title="T", name="T", municipality="Gmina", subject="S")
    path = render(story, tmp_path / "t.pdf", info)
    assert [title for title, _page, _count in lonely_headings(path)] == ["Rozdział pierwszy"]
