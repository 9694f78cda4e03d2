"""Pages of every report: A4 portrait or landscape, cover, header, footer, ``Strona X z Y``.

Layout runs once. The canvas keeps each finished page until the end
(:class:`NumberedCanvas`), and only when the total is known draws on every page
``Strona X z Y`` and, on the contents pages, the page number of each heading —
so a table of contents costs no second layout pass. Headings, bookmarks and the
contents list are in :mod:`app.reports.contents`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import XMP
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
)

from app.errors import UserError
from app.i18n import _, current_language
from app.reports import fonts
from app.reports.contents import Anchor, Contents, Mark, TableOfContents, TocEntry, TocLine
from app.reports.dates import long_date
from app.reports.progress import Reporter
from app.reports.protect import Protection, encrypt, protection
from app.reports.styles import ACCENT, INK, MARGIN, MUTED, RULE
from app.version import __version__

__all__ = [
    "Anchor",
    "Contents",
    "DocumentInfo",
    "TableOfContents",
    "TocEntry",
    "chapter_break",
    "render",
]

HEADER_SPACE = 10 * mm  # between the top margin and the header rule
FOOTER_SPACE = 8 * mm
# A chapter that starts a page leaves the page before at least this full.
LEAST_FILL = 0.30
COVER = "cover"
BODY = "body"


@dataclass(frozen=True)
class DocumentInfo:
    """What a document says about itself: on the cover, in the header, in the metadata."""

    title: str  # the full title (cover, PDF Title)
    name: str  # the short name in every page's header
    municipality: str
    subject: str
    keywords: tuple[str, ...] = ()
    created: date = field(default_factory=date.today)
    draft: bool = False  # a draft says "projekt" in every page's header


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds the pages back until the end, then adds ``Strona X z Y`` and contents numbers."""

    def __init__(self, *args: Any, report: ReportDoc, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._report = report
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._report.finish_page(self, number, total)
            for mark in self._report.anchors.get(number, []):
                self.bookmarkHorizontalAbsolute(mark.key, mark.top, left=mark.left)
                self.addOutlineEntry(mark.text, mark.key, level=mark.level, closed=mark.level > 0)
            super().showPage()
        super().save()


class ReportDoc(BaseDocTemplate):  # type: ignore[misc]
    """A4 pages with the shared header and footer; a cover first when asked for."""

    def __init__(
        self,
        target: Path,
        info: DocumentInfo,
        *,
        wide: bool = False,
        cover: bool = False,
        reporter: Reporter | None = None,
    ) -> None:
        pagesize = landscape(A4) if wide else A4
        fonts.register()
        super().__init__(
            str(target),
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_SPACE,
            bottomMargin=MARGIN + FOOTER_SPACE,
            title=info.title,
            author=info.municipality,
            subject=info.subject,
            keywords=list(info.keywords),
            creator=f"Plan Oświaty {__version__}",
            lang="en-GB" if current_language() == "en" else "pl-PL",
            displayDocTitle=1,
            # Otherwise every page starts in Helvetica, which would be listed unembedded.
            initialFontName=fonts.REGULAR,
            initialFontSize=10,
            initialLeading=12,
        )
        self.info = info
        self.cover = cover
        self.reporter = reporter or Reporter()
        self.heading_pages: dict[str, int] = {}
        self.toc_lines: dict[int, list[TocLine]] = {}
        self.anchors: dict[int, list[Mark]] = {}
        self.outline_level = -1
        self._flowable_total = 1
        templates = [
            _template(BODY, pagesize, self._draw_page),
            _template(COVER, pagesize, self._draw_cover),
        ]
        # The first template is the first page's.
        self.addPageTemplates(templates[::-1] if cover else templates)
        self.setProgressCallBack(self._on_progress)

    @property
    def frame_width(self) -> float:
        return float(self.pagesize[0] - self.leftMargin - self.rightMargin)

    @property
    def frame_height(self) -> float:
        return float(self.pagesize[1] - self.topMargin - self.bottomMargin)

    def build_story(self, story: list[Flowable]) -> None:
        self.build(story, canvasmaker=_canvas_maker(self))

    def beforeDocument(self) -> None:
        # The bookmarks panel opens with the document; XMP carries title and language.
        self.canv.showOutline()
        self.canv._doc.Catalog.Metadata = XMP(
            creator=lambda _doc: xmp_packet(self.info).encode("utf-8")
        )

    # -- progress --------------------------------------------------------------

    def _on_progress(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self._flowable_total = max(1, value)
            self.reporter.layout(0)
        elif kind == "PROGRESS":
            self.reporter.layout(value / self._flowable_total)

    def afterPage(self) -> None:
        self.reporter.check()

    # -- drawing every page ----------------------------------------------------

    def _draw_cover(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, _height = canvas._pagesize
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, 0, 9 * mm, canvas._pagesize[1], stroke=0, fill=1)
        self._draw_footer_text(canvas, width)
        canvas.restoreState()

    def _draw_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        top = height - MARGIN
        canvas.setFont(fonts.BOLD, 8.5)
        canvas.setFillColor(ACCENT)
        canvas.drawString(MARGIN, top, _fit(self.info.municipality, 8.5, fonts.BOLD, width / 2.4))
        canvas.setFont(fonts.REGULAR, 8.5)
        canvas.setFillColor(MUTED)
        name = self.info.name
        if self.info.draft:
            name = _("{name} — projekt").format(name=name)
        canvas.drawRightString(width - MARGIN, top, _fit(name, 8.5, fonts.REGULAR, width / 2.4))
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, top - 3 * mm, width - MARGIN, top - 3 * mm)
        self._draw_footer_text(canvas, width)
        canvas.restoreState()

    def _draw_footer_text(self, canvas: Canvas, width: float) -> None:
        y = MARGIN
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 4 * mm, width - MARGIN, y + 4 * mm)
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor(MUTED)
        made = _("Wygenerowano {date} · Plan Oświaty").format(date=long_date(self.info.created))
        canvas.drawString(MARGIN, y, made)

    def finish_page(self, canvas: Canvas, number: int, total: int) -> None:
        """Drawn on each held page once the total is known (the cover carries no number)."""
        if self.cover and number == 1:
            return
        width, _height = canvas._pagesize
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor(INK)
        label = _("Strona {page} z {total}").format(page=number, total=total)
        canvas.drawRightString(width - MARGIN, MARGIN, label)
        for line in self.toc_lines.get(number, []):
            self._draw_toc_number(canvas, line)
        canvas.restoreState()

    def _draw_toc_number(self, canvas: Canvas, line: TocLine) -> None:
        page = self.heading_pages.get(line.key)
        if page is None:
            return
        text = str(page)
        size = 9.5
        canvas.setFont(fonts.REGULAR, size)
        canvas.setFillColor(INK)
        canvas.drawRightString(line.right, line.baseline, text)
        dots_from = line.text_end + 6
        dots_to = line.right - fonts.string_width(text, size) - 6
        if dots_to - dots_from > 12:
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.8)
            canvas.setLineCap(1)
            canvas.setDash([0.1, 3.2])
            canvas.line(dots_from, line.baseline + 1, dots_to, line.baseline + 1)
            canvas.setDash([])


def chapter_break(*, wide: bool = False) -> CondPageBreak:
    """A long chapter starts a new page — unless this one is under 30 % full, which a
    forced break would leave mostly empty; then the chapter follows on it."""
    height = (landscape(A4) if wide else A4)[1] - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE
    return CondPageBreak(height * (1 - LEAST_FILL))


def _template(
    name: str, pagesize: tuple[float, float], on_page: Callable[..., None]
) -> PageTemplate:
    width, height = pagesize
    frame = Frame(
        MARGIN,
        MARGIN + FOOTER_SPACE,
        width - 2 * MARGIN,
        height - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=f"{name}-frame",
    )
    return PageTemplate(id=name, frames=[frame], onPage=on_page, pagesize=pagesize)


def xmp_packet(info: DocumentInfo) -> str:
    """XMP metadata: title, description, author, language, keywords and the producing tool."""
    language = "en-GB" if current_language() == "en" else "pl-PL"

    def alt(text: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'

    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"<dc:title>{alt(info.title)}</dc:title>"
        f"<dc:description>{alt(info.subject)}</dc:description>"
        f"<dc:creator><rdf:Seq><rdf:li>{escape(info.municipality)}</rdf:li></rdf:Seq></dc:creator>"
        f"<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>"
        "<dc:format>application/pdf</dc:format>"
        f"<pdf:Keywords>{escape(', '.join(info.keywords))}</pdf:Keywords>"
        f"<xmp:CreatorTool>Plan Oświaty {escape(__version__)}</xmp:CreatorTool>"
        f"<xmp:CreateDate>{info.created.isoformat()}</xmp:CreateDate>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )


def _canvas_maker(doc: ReportDoc) -> Callable[..., Canvas]:
    def make(*args: Any, **kwargs: Any) -> Canvas:
        return NumberedCanvas(*args, report=doc, **kwargs)

    return make


def _fit(text: str, size: float, font: str, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` (header lines are one line)."""
    if fonts.string_width(text, size, font) <= width:
        return text
    while text and fonts.string_width(text + "…", size, font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


# -- writing a document --------------------------------------------------------------


def render(
    story: list[Flowable],
    target: Path,
    info: DocumentInfo,
    *,
    wide: bool = False,
    cover: bool = False,
    password: str | Protection | None = None,
    reporter: Reporter | None = None,
) -> Path:
    """Lay out ``story`` into ``target``, replacing it only when the whole file is written.

    A cancelled or failed export leaves an existing file of that name untouched.
    ``password`` (or both passwords) encrypts the file with AES-256. A target
    ending in ``.docx`` gets the same story as an editable Word document.
    """
    target = Path(target)
    protected = password if isinstance(password, Protection) else protection(password)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(
            _("Folder {folder} nie istnieje — wybierz inny folder dla pliku PDF.").format(
                folder=folder
            )
        )
    temps: list[Path] = []
    try:
        temp = _temporary(folder, temps)
        if target.suffix.lower() == ".docx":
            from app.reports.word import render_docx  # python-docx only when asked for

            render_docx(story, temp, info, wide=wide)
        else:
            doc = ReportDoc(temp, info, wide=wide, cover=cover, reporter=reporter)
            first: list[Flowable] = [NextPageTemplate(BODY)] if cover else []
            doc.build_story(first + story)
        if protected is not None:
            plain, temp = temp, _temporary(folder, temps)
            encrypt(plain, temp, protected)
        os.chmod(temp, _file_mode(target))
        os.replace(temp, target)
    except OSError as error:
        raise _write_error(target, error) from None
    finally:
        for leftover in temps:
            leftover.unlink(missing_ok=True)
    return target


def _temporary(folder: Path, made: list[Path]) -> Path:
    handle, name = tempfile.mkstemp(suffix=".part", dir=folder)
    os.close(handle)
    made.append(Path(name))
    return made[-1]


def _file_mode(target: Path) -> int:
    """The permissions a new file gets from the user's umask (a replaced file keeps its own).

    A temporary file is private (0600); the finished document is an ordinary file.
    """
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def _write_error(target: Path, error: OSError) -> UserError:
    return UserError(
        _("Nie można zapisać pliku {path}: {reason}").format(
            path=target, reason=error.strerror or error
        )
    )
