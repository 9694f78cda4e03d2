"""Building blocks shared by the documents: text, lists, the cover, honest empty notes."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Spacer,
)
from reportlab.platypus.doctemplate import FrameBreak

from app.i18n import _
from app.reports.styles import ACCENT, GRID, INK, styles, table
from app.reports.typeset import Paragraph
from app.reports.values import blocks, is_list, list_items, markup


def text(value: str | None, *, small: bool = False) -> list[Flowable]:
    """Stored text as paragraphs; lines typed as a list (``– …``) become a bulleted list."""
    s = styles()
    out: list[Flowable] = []
    for block in blocks(value):
        if is_list(block):
            out.extend(bullets(list_items(block)))
        else:
            out.append(Paragraph(markup(block), s.body_small if small else s.body))
    return out


def bullets(items: Sequence[str]) -> list[Flowable]:
    """Bulleted paragraphs from markup items."""
    s = styles()
    return [Paragraph(item, s.bullet, bulletText="–") for item in items]


def cell(value: str | None, style_name: str = "cell") -> Paragraph:
    """A table cell: wrapped text (never overflowing its column)."""
    return Paragraph(markup(value), getattr(styles(), style_name))


def cell_markup(value: str, style_name: str = "cell") -> Paragraph:
    """A table cell from markup already escaped."""
    return Paragraph(value, getattr(styles(), style_name))


def head(value: str, right: bool = False) -> Paragraph:
    s = styles()
    return Paragraph(escape(value), s.head_right if right else s.head)


def empty(message: str) -> Paragraph:
    return Paragraph(escape(message), styles().empty)


def caption(value: str) -> Paragraph:
    return Paragraph(escape(value), styles().caption)


def cover(
    kind: str, title: str, municipality: str, facts: Sequence[tuple[str, str]]
) -> list[Flowable]:
    """The first page: what the document is, whose, and its key facts; then a page break."""
    s = styles()
    rows = [
        [Paragraph(escape(label), s.label), Paragraph(escape(value), s.cell)]
        for label, value in facts
        if value
    ]
    story: list[Flowable] = [
        Spacer(1, 38 * mm),
        Paragraph(escape(municipality), s.subtitle),
        Spacer(1, 4 * mm),
        Paragraph(escape(kind.upper()), s.cover_line),
        Spacer(1, 2 * mm),
        Paragraph(escape(title), s.title),
        Spacer(1, 10 * mm),
    ]
    if rows:
        story.append(
            table(
                rows,
                [45 * mm, 110 * mm],
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ],
            )
        )
    story.append(PageBreak())
    return story


# A block that does not fit moves to the next page only when less than this is left;
# with more room it starts here and splits, so a long block never leaves a half-empty page.
KEEP_LIMIT = 110 * mm


class Keep(KeepTogether):  # type: ignore[misc]  # ReportLab is untyped
    """Kept on one page when it fits in what is left or little is left; else split in place.

    ReportLab's KeepTogether moves any block that fits on a fresh page, which can
    leave most of a page empty before a long block.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (availWidth, availHeight):
            self.wrap(availWidth, availHeight)
        content = list(self._content)
        if availHeight < self._H and availHeight < KEEP_LIMIT:
            return [FrameBreak(), *content]
        return content


def keep(flowables: Sequence[Flowable]) -> Keep:
    """Flowables kept on one page when they fit, without leaving large gaps."""
    return Keep(list(flowables))


def lead(opening: Sequence[Flowable], items: Sequence[Flowable]) -> list[Flowable]:
    """A heading (and its intro) kept on a page with the first of ``items`` under it.

    Only when that first item is itself kept together (a card, a note, a chart):
    a table or text may split, so the heading's own room check is enough, and
    keeping a whole table with its heading would leave half a page empty.
    The heading's conditional page break stays outside: inside a KeepTogether it
    would claim the whole remaining page.
    """
    if not items or not isinstance(items[0], KeepTogether):
        return [*opening, *items]
    breaks = [f for f in opening if isinstance(f, CondPageBreak)]
    kept = [f for f in opening if not isinstance(f, CondPageBreak)]
    # Flattened: a KeepTogether inside another reports an enormous height (it forces
    # its own split), which would push every such block to a new page.
    first = list(getattr(items[0], "_content", [items[0]]))
    kind = Keep if isinstance(items[0], Keep) else KeepTogether
    return [*breaks, kind([*kept, *first]), *items[1:]]


def signatures(people: Sequence[tuple[str, str]], width: float) -> Flowable:
    """Side by side: a role, a line to sign on, and a line for the name in print.

    A name known is printed on its line; with none, the line is left to fill in by
    hand. Both columns keep the same lines at the same heights.
    """
    s = styles()
    line = _("data i czytelny podpis")

    def box(role: str, name: str) -> list[Flowable]:
        rule = HRFlowable(width="100%", thickness=0.6, color=INK, dash=[1, 2], spaceAfter=2)
        out: list[Flowable] = [Paragraph(f"<b>{escape(role)}</b>", s.body_small)]
        out += [Spacer(1, 16 * mm), rule, Paragraph(escape(line), s.muted)]
        printed = Paragraph(escape(name), s.body_small)
        style = s.body_small
        taken = printed.wrap(10_000, 100)[1] + style.spaceBefore + style.spaceAfter
        above = 8 * mm - taken if name else 8 * mm
        out += [Spacer(1, above), *([printed] if name else []), rule]
        return [*out, Paragraph(escape(_("imię i nazwisko (drukiem)")), s.muted)]

    part = width / len(people)
    return table(
        [[box(role, name) for role, name in people]],
        [part] * len(people),
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 14 * mm),
        ],
    )
