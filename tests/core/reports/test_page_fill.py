"""No page is left mostly empty by a forced break: every page but a document's last is at
least 30 % full, measured from where ``pdftotext -bbox`` finds the lowest word of the body."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from app.reports.export import KINDS
from app.reports.styles import MARGIN
from app.reports.templates import FOOTER_SPACE, HEADER_SPACE

Documents = Callable[[str, str], Path]

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

LEAST_FILL = 0.30
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
WORD_BOTTOM = re.compile(r'yMax="([\d.]+)"')


def fills(path: Path) -> list[float]:
    """How much of each page's body frame is used: the lowest word's depth in the frame."""
    result = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = []
    for _width, height, body in PAGE.findall(result.stdout):
        top = MARGIN + HEADER_SPACE
        bottom = float(height) - MARGIN - FOOTER_SPACE
        depths = [float(y) for y in WORD_BOTTOM.findall(body)]
        inside = [y for y in depths if top < y <= bottom + 1]
        out.append((max(inside, default=top) - top) / (bottom - top))
    return out


def _check(path: Path) -> list[str]:
    measured = fills(path)
    return [
        f"{path.name} p. {number}: {fill:.0%}"
        for number, fill in enumerate(measured[:-1], start=1)
        if fill < LEAST_FILL
    ]


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_no_page_of_a_document_is_mostly_empty(
    kind: str, language: str, demo_documents: Documents
) -> None:
    assert _check(demo_documents(kind, language)) == []


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("kind", ["network", "meeting", "monitoring-period"])
def test_no_page_of_the_other_documents_is_mostly_empty(
    kind: str, language: str, more_documents: Documents
) -> None:
    assert _check(more_documents(kind, language)) == []


def test_the_measure_sees_an_almost_empty_page(tmp_path: Path) -> None:
    from reportlab.platypus import PageBreak

    from app.reports.styles import styles
    from app.reports.templates import DocumentInfo, render
    from app.reports.typeset import Paragraph

    s = styles()
    story = [Paragraph("Jedna linijka.", s.body), PageBreak(), Paragraph("Druga strona.", s.body)]
    info = DocumentInfo(title="T", name="T", municipality="Gmina", subject="S")
    path = render(story, tmp_path / "t.pdf", info)
    measured = fills(path)
    assert len(measured) == 2 and measured[0] < 0.05
    assert _check(path) != []
