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
