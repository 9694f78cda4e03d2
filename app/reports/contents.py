"""The contents of a document: headings with their bookmarks, and the contents list.

Pages are held back until the total is known (:class:`app.reports.templates.NumberedCanvas`),
so a heading only notes its page and position here (:class:`Anchor`) and the
contents list where each number goes (:class:`TableOfContents`); the document binds
destinations and draws the numbers when it writes the pages.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from app.reports import fonts
from app.reports.styles import styles
from app.reports.typeset import Paragraph

# The least room left below a heading, or it moves to the next page with its text.
ROOM_BELOW_HEADING = 22 * mm


@dataclass(frozen=True)
class TocEntry:
    level: int
    text: str
    key: str


@dataclass(frozen=True)
class Mark:
    """A heading's destination and outline entry, bound to its page when that is written."""

    key: str
    level: int
    text: str
    left: float
    top: float


@dataclass
class TocLine:
    key: str
    right: float
    baseline: float
    text_end: float


class Contents:
    """Collects the headings of a document as its story is written."""

    def __init__(self, width: float, toc_levels: int = 2) -> None:
        self.width = width
        self.entries: list[TocEntry] = []
        self.toc_levels = toc_levels
        self._count = 0

    def heading(self, text: str, level: int, *, toc: bool = True) -> list[Flowable]:
        """A heading (plain text) with its bookmark; it never ends a page alone.

        Not ``keepWithNext``: that would carry a whole long table to the next page.
        Instead the heading needs its own height and some room below it, or it
        starts the next page.
        """
        self._count += 1
        key = f"h{self._count}"
        if toc and level < self.toc_levels:
            self.entries.append(TocEntry(level, text, key))
        s = styles()
        style = (s.h1, s.h2, s.h3, s.h4)[min(level, 3)]
        height = _estimated_lines(text, style.fontName, style.fontSize, self.width) * style.leading
        return [
            CondPageBreak(height + style.spaceBefore + style.spaceAfter + ROOM_BELOW_HEADING),
            Anchor(key, level, text),
            Paragraph(escape(text), style),
        ]


def _estimated_lines(text: str, font: str, size: float, width: float) -> int:
    """Lines ``text`` takes at ``width``, generously (word wrapping leaves line ends short).

    An estimate, not a layout: wrapping every heading twice would cost a plan of
    300 actions a tenth of its export time.
    """
    length = fonts.string_width(text, size, font)
    if length <= width:
        return 1
    return math.ceil(length * 1.15 / width) + 1


class Anchor(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """A zero-size mark before a heading: a PDF bookmark and the page the heading is on."""

    def __init__(self, key: str, level: int, text: str) -> None:
        super().__init__()
        self.key = key
        self.level = level
        self.text = text
        self.keepWithNext = 1
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = _report(self.canv)
        if doc is None:
            self.canv.bookmarkHorizontal(self.key, 0, 0)
            return
        page = self.canv.getPageNumber()
        doc.heading_pages[self.key] = page
        # The outline may go one level deeper at a time, never jump.
        level = min(self.level, doc.outline_level + 1)
        doc.outline_level = level
        left, top = self.canv.absolutePosition(0, 0)
        # Bound when the page is written (NumberedCanvas.save): the PDF page a
        # destination points at does not exist while pages are held back.
        doc.anchors.setdefault(page, []).append(Mark(self.key, level, self.text, left, top))


class TableOfContents(Flowable):  # type: ignore[misc]
    """The contents list; page numbers are filled in when the last page is known.

    Splits across pages like a paragraph list, so a long plan gets a long contents.
    """

    NUMBER_WIDTH = 36.0

    def __init__(self, entries: Sequence[TocEntry]) -> None:
        super().__init__()
        self.entries = list(entries)
        self._laid: list[tuple[TocEntry, Paragraph, float]] = []

    def _layout(self, width: float) -> list[tuple[TocEntry, Paragraph, float]]:
        s = styles()
        laid = []
        for entry in self.entries:
            style = s.toc[min(entry.level, len(s.toc) - 1)]
            para = Paragraph(escape(entry.text), style)
            _, height = para.wrap(width - self.NUMBER_WIDTH, 10_000)
            laid.append((entry, para, height + style.spaceBefore))
        return laid

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._laid = self._layout(availWidth)
        self.height = sum(height for _, _, height in self._laid)
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        laid = self._layout(availWidth)
        used, count = 0.0, 0
        for _entry, _para, height in laid:
            if used + height > availHeight:
                break
            used += height
            count += 1
        if count == 0 or count == len(laid):
            return [] if count == 0 else [self]
        return [TableOfContents(self.entries[:count]), TableOfContents(self.entries[count:])]

    def draw(self) -> None:
        doc = _report(self.canv)
        top = self.height
        for entry, para, height in self._laid:
            top -= height
            para.drawOn(self.canv, 0, top)
            self.canv.linkRect("", entry.key, (0, top, self.width, top + height), relative=1)
            if doc is not None:
                doc.toc_lines.setdefault(self.canv.getPageNumber(), []).append(
                    self._line(entry, para, top)
                )

    def _line(self, entry: TocEntry, para: Paragraph, bottom: float) -> TocLine:
        """Where the number of ``entry`` goes, in page coordinates."""
        style = para.style
        lines = getattr(para.blPara, "lines", [])
        ascent = getattr(para.blPara, "ascent", style.fontSize)
        baseline = bottom + para.height - ascent - max(0, len(lines) - 1) * style.leading
        text_end = float(style.leftIndent)
        if lines and isinstance(lines[-1], tuple) and len(lines[-1]) == 2:
            words = lines[-1][1]
            text_end += fonts.string_width(" ".join(words), style.fontSize, style.fontName)
        x0, y0 = self.canv.absolutePosition(text_end, baseline)
        right, _ = self.canv.absolutePosition(self.width, baseline)
        return TocLine(entry.key, right, y0, x0)


def _report(canvas: Any) -> Any:
    """The document being built when it keeps headings' pages (a ``ReportDoc``), else None."""
    doc = getattr(canvas, "_doctemplate", None)
    return doc if hasattr(doc, "anchors") and hasattr(doc, "toc_lines") else None
