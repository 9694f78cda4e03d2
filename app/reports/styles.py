"""The one design system of every report: colours, paragraph styles, table styles.

Colours are chosen to survive black-and-white printing: the accent is a deep
navy that prints as near-black, fills are light greys that stay distinct from
white, and nothing is told by colour alone (statuses are always written out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from app.reports import fonts
from app.reports.typeset import Paragraph
from app.reports.values import markup

INK = colors.HexColor("#1A1A1A")
ACCENT = colors.HexColor("#1F3A5F")  # navy: headings and rules; prints near-black
MUTED = colors.HexColor("#4A4F57")  # secondary text; still dark enough on paper
RULE = colors.HexColor("#9AA3AE")
GRID = colors.HexColor("#B8BEC6")
HEADER_FILL = colors.HexColor("#DDE3EA")
GROUP_FILL = colors.HexColor("#EEF1F5")
ZEBRA_FILL = colors.HexColor("#F7F8FA")
WHITE = colors.white

# Grey levels for charts (fill, then the matching text colour), light to dark.
SHADES = (
    colors.HexColor("#FFFFFF"),
    colors.HexColor("#E4E7EB"),
    colors.HexColor("#B9C0C8"),
    colors.HexColor("#7D8894"),
    colors.HexColor("#2F3A47"),
)

MARGIN = 18 * mm
ROW_SPLIT_MIN = 36.0  # points: about three lines of table text
BODY_SIZE = 10.0


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_small: ParagraphStyle
    muted: ParagraphStyle
    bullet: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    h4: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_indented: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    group: ParagraphStyle
    label: ParagraphStyle
    caption: ParagraphStyle
    toc: tuple[ParagraphStyle, ...]
    empty: ParagraphStyle


def _style(name: str, **values: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": fonts.REGULAR,
        "bulletFontName": fonts.REGULAR,  # the default would be Helvetica
        "fontSize": BODY_SIZE,
        "leading": BODY_SIZE * 1.4,
        "textColor": INK,
        "alignment": TA_LEFT,
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(values)
    return ParagraphStyle(name, **base)


def _heading(name: str, size: float, before: float, after: float, **values: Any) -> ParagraphStyle:
    return _style(
        name,
        fontName=fonts.BOLD,
        fontSize=size,
        leading=size * 1.25,
        textColor=ACCENT,
        spaceBefore=before,
        spaceAfter=after,
        **values,
    )


@cache
def styles(cell_size: float = 8.5) -> Styles:
    """The paragraph styles; ``cell_size`` is the table text size (smaller for wide tables)."""
    fonts.register()
    cell_leading = cell_size * 1.3
    return Styles(
        body=_style("body", spaceAfter=6),
        body_small=_style("body_small", fontSize=9, leading=12.5, spaceAfter=4),
        muted=_style("muted", fontSize=9, leading=12.5, textColor=MUTED),
        bullet=_style("bullet", leftIndent=12, bulletIndent=2, spaceAfter=2),
        # More room above a chapter than above a section (dropped at the top of a page).
        h1=_heading("h1", 16, 20, 10),
        h2=_heading("h2", 13, 14, 6),
        h3=_heading("h3", 11, 10, 4),
        h4=_style("h4", fontName=fonts.BOLD, fontSize=10, leading=13, spaceBefore=8, spaceAfter=3),
        title=_style(
            "title", fontName=fonts.BOLD, fontSize=24, leading=30, textColor=ACCENT, spaceAfter=14
        ),
        subtitle=_style("subtitle", fontSize=14, leading=19, textColor=INK, spaceAfter=8),
        cover_line=_style("cover_line", fontSize=11, leading=16, textColor=MUTED, spaceAfter=2),
        cell=_style("cell", fontSize=cell_size, leading=cell_leading),
        cell_bold=_style(
            "cell_bold", fontName=fonts.BOLD, fontSize=cell_size, leading=cell_leading
        ),
        cell_indented=_style(
            "cell_indented", fontSize=cell_size, leading=cell_leading, leftIndent=10
        ),
        cell_right=_style(
            "cell_right", fontSize=cell_size, leading=cell_leading, alignment=TA_RIGHT
        ),
        cell_center=_style(
            "cell_center", fontSize=cell_size, leading=cell_leading, alignment=TA_CENTER
        ),
        head=_style("head", fontName=fonts.BOLD, fontSize=cell_size, leading=cell_leading),
        head_right=_style(
            "head_right",
            fontName=fonts.BOLD,
            fontSize=cell_size,
            leading=cell_leading,
            alignment=TA_RIGHT,
        ),
        group=_style(
            "group",
            fontName=fonts.BOLD,
            fontSize=cell_size + 0.5,
            leading=cell_leading + 1,
            textColor=ACCENT,
        ),
        label=_style(
            "label", fontName=fonts.BOLD, fontSize=cell_size, leading=cell_leading, textColor=MUTED
        ),
        caption=_style(
            "caption",
            fontName=fonts.ITALIC,
            fontSize=8.5,
            leading=11,
            textColor=MUTED,
            spaceBefore=2,
            spaceAfter=8,
        ),
        toc=(
            _style("toc1", fontName=fonts.BOLD, fontSize=10.5, leading=15, spaceBefore=5),
            _style("toc2", fontSize=9.5, leading=13, leftIndent=14),
            _style("toc3", fontSize=9, leading=12, leftIndent=28, textColor=MUTED),
        ),
        empty=_style("empty", fontName=fonts.ITALIC, fontSize=9.5, leading=13, textColor=MUTED),
    )


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    commands: Sequence[tuple[Any, ...]] = (),
    *,
    header_rows: int = 0,
    split_in_row: bool = True,
) -> Table:
    """Every report table: wrapped cells, rows that may split, the report font throughout.

    The font is set even where every cell is a paragraph: a table sets its cell
    font on the canvas anyway, and the default would drag in an unembedded Helvetica.
    """
    made = ReportTable(
        [list(row) for row in rows],
        colWidths=list(widths),
        repeatRows=header_rows,
        # A row splits only into parts of at least this height, never into slivers.
        splitInRow=ROW_SPLIT_MIN if split_in_row else 0,
        hAlign="LEFT",
    )
    made.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *commands]))
    return made


class ReportTable(Table):  # type: ignore[misc]  # ReportLab is untyped
    """A table that splits inside a row only when that row cannot fit on a page at all.

    ReportLab's own in-row splitting also cuts rows that would fit on the next
    page, leaving a repeated header and a sliver of a row at a page's foot.
    """

    splitInRow: Any  # set by Table.__init__

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        allowed = self.splitInRow
        if not allowed:
            return list(super().split(availWidth, availHeight))
        self.splitInRow = 0
        try:
            parts = list(super().split(availWidth, availHeight))
        finally:
            self.splitInRow = allowed
        for part in parts:
            part.splitInRow = allowed
        if parts or self._next_row_fits_a_page(availHeight):
            return parts  # nothing fits here: the table moves on, whole rows
        return list(super().split(availWidth, availHeight))

    def _next_row_fits_a_page(self, availHeight: float) -> bool:
        frame = self._doctemplateAttr("frame")
        if frame is None:
            return False
        row = self._getFirstPossibleSplitRowPosition(availHeight)
        headers = self.repeatRows if isinstance(self.repeatRows, int) else 0
        row = max(row, headers)
        if row >= len(self._rowHeights):
            return True
        needed = sum(self._rowHeights[:headers]) + self._rowHeights[row]
        return bool(needed <= frame._height)


def data_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    zebra: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A table with a repeated header, text that wraps, rows that may split across pages."""
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), fonts.BOLD),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 1.0, ACCENT),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
        ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [WHITE, ZEBRA_FILL]))
    if len(rows) - header_rows >= 4:
        # Never a single row (or a lone "Razem") under a repeated header, nor above a break.
        commands += [
            ("NOSPLIT", (0, header_rows), (-1, header_rows + 1)),
            ("NOSPLIT", (0, len(rows) - 2), (-1, len(rows) - 1)),
        ]
    commands.extend(extra)
    return table(rows, widths, commands, header_rows=header_rows)


def details_grid(
    short: Sequence[tuple[str, str]],
    wide: Sequence[tuple[str, str]],
    width: float,
    label_width: float = 30 * mm,
) -> Table:
    """A record's details, compactly: short values two to a row, long ones across.

    Labels and values are plain text. Whatever fits on its line is drawn as a
    plain table string (no paragraph to parse and wrap — a 300-action plan has
    thousands of these cells); only longer values become wrapping paragraphs.
    """
    value_width = width / 2 - label_width
    rows: list[list[Any]] = []
    for index in range(0, len(short), 2):
        row: list[Any] = []
        for label, value in short[index : index + 2]:
            row += [_label(label, label_width), _value(value, value_width)]
        rows.append(row + [""] * (4 - len(row)))
    spans = []
    for label, value in wide:
        spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
        rows.append([_label(label, label_width), _value(value, width - label_width), "", ""])
    short_rows = (len(short) + 1) // 2
    size = styles().cell.fontSize
    return table(
        rows,
        [label_width, value_width, label_width, value_width],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTSIZE", (0, 0), (-1, -1), size),
            ("LEADING", (0, 0), (-1, -1), styles().cell.leading),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("FONTNAME", (0, 0), (0, -1), fonts.BOLD),
            ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("BACKGROUND", (0, 0), (0, -1), GROUP_FILL),
            *(
                [
                    ("FONTNAME", (2, 0), (2, short_rows - 1), fonts.BOLD),
                    ("TEXTCOLOR", (2, 0), (2, short_rows - 1), MUTED),
                    ("BACKGROUND", (2, 0), (2, short_rows - 1), GROUP_FILL),
                ]
                if short_rows
                else []
            ),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            *spans,
        ],
    )


_PADDING = 8.0  # left + right cell padding of details_grid


def _label(text: str, width: float) -> str:
    """A label as plain lines broken to fit its column (labels are a word or two)."""
    size = styles().cell.fontSize
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and fonts.string_width(candidate, size, fonts.BOLD) <= width - _PADDING:
            lines[-1] = candidate
        else:
            lines.append(word)
    return "\n".join(lines)


def _value(text: str, width: float) -> Any:
    """A plain string when it fits on one line, else a wrapping paragraph."""
    size = styles().cell.fontSize
    if "\n" not in text and fonts.string_width(text, size) <= width - _PADDING:
        return text
    return Paragraph(markup(text), styles().cell)
