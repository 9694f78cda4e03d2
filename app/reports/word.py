"""The same document as an editable Word file (DOCX), from the very story the PDF is laid out from.

Every document is written once, as a ReportLab story (headings with their
anchors, paragraphs, tables, charts); :func:`render_docx` walks that story and
writes it with python-docx instead of laying it out on pages. So the DOCX has
the PDF's content in the PDF's order, and a chapter added to a document
appears in both formats without any work here.

What makes the file accessible (Office and LibreOffice export it as a tagged
PDF): real heading styles (Heading 1–4), tables whose header rows are marked
as such and repeat, charts as pictures with alternative text, the document's
language on every style, and title, subject and author in its properties.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Table,
)
from reportlab.platypus import Paragraph as ReportLabParagraph

from app.i18n import _, current_language
from app.reports.gantt_chart import GanttChart
from app.reports.templates import Anchor, DocumentInfo, TableOfContents
from app.version import __version__

PICTURE_WIDTH = 170 * mm  # the text width of the DOCX page
HEADING_STYLES = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}
TEXT_STYLES = {
    "title": "Title",
    "subtitle": "Subtitle",
    "cover_line": "Subtitle",
    "caption": "Caption",
    "muted": "Quote",
    "empty": "Quote",
}
RIGHT_STYLES = {"cell_right", "head_right"}
CENTRE_STYLES = {"cell_center"}


def render_docx(
    story: Sequence[Flowable], target: Path, info: DocumentInfo, *, wide: bool = False
) -> Path:
    """Write ``story`` as a DOCX file at ``target`` (the caller makes it atomic)."""
    writer = _Writer(info, wide)
    writer.walk(story)
    writer.document.save(str(target))
    return target


class _Writer:
    def __init__(self, info: DocumentInfo, wide: bool) -> None:
        self.document = Document()
        self.info = info
        self.pending_heading: Anchor | None = None
        self.language = "en-GB" if current_language() == "en" else "pl-PL"
        self._set_up(wide)

    # -- the document as a whole --------------------------------------------------------

    def _set_up(self, wide: bool) -> None:
        props = self.document.core_properties
        props.title = self.info.title
        props.subject = self.info.subject
        props.author = self.info.municipality
        props.keywords = ", ".join(self.info.keywords)
        props.language = self.language
        props.comments = f"Plan Oświaty {__version__}"
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        if wide:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(18))
        name = self.info.name
        if self.info.draft:
            name = _("{name} — projekt").format(name=name)
        header = section.header.paragraphs[0]
        header.text = f"{self.info.municipality}\t\t{name}"
        self._page_numbers(section.footer.paragraphs[0])
        # The language of the document's defaults and of every style: spelling,
        # hyphenation and screen readers follow it.
        defaults = self.document.styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            if rpr is not None:
                _set_language(rpr, self.language)
        for style in self.document.styles:
            element = getattr(style, "element", None)
            if element is not None and style.type == 1:  # paragraph styles
                _set_language(element.get_or_add_rPr(), self.language)
        self.document.styles["Normal"].font.size = Pt(10)
        _update_fields_on_open(self.document)

    def _page_numbers(self, paragraph: Any) -> None:
        """``Strona X z Y`` as fields, so Word and LibreOffice count the pages themselves."""
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        template = _("Strona {page} z {total}")
        before, rest = template.split("{page}", 1)
        middle, after = rest.split("{total}", 1)
        paragraph.add_run(before)
        _field(paragraph, "PAGE")
        paragraph.add_run(middle)
        _field(paragraph, "NUMPAGES")
        paragraph.add_run(after)

    # -- the story ----------------------------------------------------------------------

    def walk(self, story: Iterable[Flowable]) -> None:
        for flowable in story:
            self.flowable(flowable)

    def flowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Anchor):
            self.pending_heading = flowable
        elif isinstance(flowable, ReportLabParagraph):
            self.paragraph(flowable)
        elif isinstance(flowable, Table):
            self.table(flowable)
        elif isinstance(flowable, KeepTogether):
            self.walk(flowable._content)
        elif isinstance(flowable, TableOfContents):
            self.contents()
        elif isinstance(flowable, GanttChart):
            flowable.wrap(PICTURE_WIDTH, 0)  # laid out at the picture's width, every row
            self.picture(flowable.drawing(), getattr(flowable, "alt_text", None))
        elif isinstance(flowable, Drawing):
            self.picture(flowable, getattr(flowable, "alt_text", None))
        elif isinstance(flowable, PageBreak) and self.document.paragraphs:
            self.document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        # Spacers, conditional breaks, rules and template switches have no meaning here.

    def paragraph(self, para: ReportLabParagraph, container: Any = None) -> None:
        style_name = getattr(para.style, "name", "")
        anchor, self.pending_heading = self.pending_heading, None
        if container is None and anchor is not None:
            # Headings with a bookmark in the PDF are the document's structure.
            self.document.add_heading(_plain(para), level=min(anchor.level + 1, 4))
            return
        target = container if container is not None else self.document
        if getattr(para, "bulletText", None):
            out = target.add_paragraph(style="List Bullet")
        elif style_name in HEADING_STYLES:
            # Outside the structure: the contents' title, or the document's own title.
            contents = _plain(para) == _("Spis treści")
            out = target.add_paragraph(style="TOC Heading" if contents else "Title")
        else:
            out = target.add_paragraph(style=TEXT_STYLES.get(style_name))
        _runs(out, para)
        if style_name in RIGHT_STYLES:
            out.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif style_name in CENTRE_STYLES:
            out.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def table(self, table: Table) -> None:
        rows: list[list[Any]] = list(table._cellvalues)
        if not rows or not rows[0]:
            return
        header_rows = int(getattr(table, "repeatRows", 0) or 0)
        out = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        out.style = self.document.styles["Table Grid"]
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = out.cell(r, c)
                cell.paragraphs[0].text = ""
                self.cell(cell, value, bold=r < header_rows)
            if r < header_rows:
                _repeat_as_header(out.rows[r])
        self.document.add_paragraph()

    def cell(self, cell: Any, value: Any, *, bold: bool = False) -> None:
        first = cell.paragraphs[0]
        items = value if isinstance(value, list | tuple) else [value]
        used_first = False
        for item in items:
            if isinstance(item, ReportLabParagraph):
                if not used_first:
                    _runs(first, item)
                    if getattr(item.style, "name", "") in RIGHT_STYLES:
                        first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    used_first = True
                else:
                    self.paragraph(item, container=cell)
            elif isinstance(item, str | int | float):
                text = str(item)
                if not used_first:
                    first.add_run(text)
                    used_first = True
                else:
                    cell.add_paragraph(text)
            elif isinstance(item, Table):
                # A table in a cell (the cover's facts, a SWOT quarter): its text, row by row.
                for row in item._cellvalues:
                    for part in row:
                        self.cell(cell, part)
            elif isinstance(item, Drawing):
                self.picture(item, getattr(item, "alt_text", None), container=first)
                used_first = True
        if bold:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.bold = True

    def contents(self) -> None:
        """A contents field under the story's own heading: Word fills it in on opening
        (LibreOffice: Tools › Update)."""
        paragraph = self.document.add_paragraph()
        _field(paragraph, 'TOC \\o "1-2" \\h \\z \\u', _("Spis treści zostanie uzupełniony."))

    def picture(self, drawing: Drawing, alt: str | None, container: Any = None) -> None:
        png = rasterise(drawing)
        text = alt or _("Wykres")
        if png is None:
            self.document.add_paragraph(f"[{text}]", style="Caption")
            return
        width = Mm(min(float(drawing.width) / mm, PICTURE_WIDTH / mm))
        if container is None:
            container = self.document.add_paragraph()
        run = container.add_run()
        shape = run.add_picture(io.BytesIO(png), width=width)
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", text)
        doc_pr.set("title", text)


# -- pictures ------------------------------------------------------------------------------


def rasterise(drawing: Drawing, dpi: int = 150) -> bytes | None:
    """A PNG of ``drawing``: ReportLab's renderPM when it has a back end, else poppler's
    ``pdftoppm`` over a one-page PDF; ``None`` when neither is there."""
    try:
        from reportlab.graphics import renderPM

        png = renderPM.drawToString(drawing, fmt="PNG", dpi=dpi)
        return bytes(png)
    except Exception:  # no back end (rlPyCairo / _renderPM) installed
        pass
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "chart.pdf"
        renderPDF.drawToFile(drawing, str(pdf))
        result = subprocess.run(
            [tool, "-png", "-r", str(dpi), "-singlefile", str(pdf), str(Path(folder) / "chart")],
            capture_output=True,
            check=False,
            timeout=60,
        )
        out = Path(folder) / "chart.png"
        return out.read_bytes() if result.returncode == 0 and out.exists() else None


# -- small pieces of WordprocessingML --------------------------------------------------------


def _plain(para: ReportLabParagraph) -> str:
    return "".join(getattr(frag, "text", "") for frag in getattr(para, "frags", [])).strip()


def _runs(out: Any, para: ReportLabParagraph) -> None:
    """The paragraph's text as runs keeping bold and italic (line breaks kept)."""
    for frag in getattr(para, "frags", []):
        if getattr(frag, "lineBreak", False):
            out.add_run().add_break()
            continue
        text = getattr(frag, "text", "")
        if not text:
            continue
        run = out.add_run(text)
        run.bold = bool(getattr(frag, "bold", 0)) or None
        run.italic = bool(getattr(frag, "italic", 0)) or None


def _field(paragraph: Any, instruction: str, shown: str = "") -> None:
    """A complex field (PAGE, NUMPAGES, TOC) that the word processor computes."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
    paragraph.add_run(shown or "1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _repeat_as_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _set_language(rpr: Any, language: str) -> None:
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)
    rpr.append(lang)


def _update_fields_on_open(document: Any) -> None:
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
