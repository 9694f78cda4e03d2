"""The report as a document: cover, contents, the chosen chapters with comments; PDF or DOCX."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from app.i18n import _
from app.model.school_data import school_year_label
from app.reports.blocks import bullets, cell, cover, head, keep, lead, text
from app.reports.dates import long_date
from app.reports.progress import Reporter
from app.reports.protect import Protection
from app.reports.styles import data_table, styles
from app.reports.templates import Contents, DocumentInfo, TableOfContents, render
from app.reports.typeset import Paragraph
from app.reports.yearly import chart
from app.reports.yearly.content import Chapter, ReportData, Table, YearChart

WIDTH = 174 * mm
GAP = 4 * mm


def document_info(data: ReportData) -> DocumentInfo:
    period = school_year_label(data.year)
    return DocumentInfo(
        title=_("Informacja o stanie realizacji zadań oświatowych za rok szkolny {year}").format(
            year=period
        ),
        name=_("Informacja o stanie realizacji zadań oświatowych {year}").format(year=period),
        municipality=data.municipality,
        subject=_("Informacja za rok szkolny {year} — {name}").format(
            year=period, name=data.municipality
        ),
        keywords=(_("informacja o stanie realizacji zadań oświatowych"), data.municipality, period),
        created=data.prepared,
    )


def story(data: ReportData) -> tuple[list[Flowable], DocumentInfo]:
    contents = Contents(WIDTH, toc_levels=1)
    body: list[Flowable] = []
    for number, chapter in enumerate(data.chapters, start=1):
        heading = contents.heading(f"{number}. {chapter.title}", 0)
        body += lead(heading, _blocks(chapter, data.comments.get(chapter.key, ""), contents))
    facts = [
        (_("Rok szkolny"), school_year_label(data.year)),
        (_("Termin przedstawienia"), long_date(date(data.year + 1, 10, 31))),
        (_("Data sporządzenia"), long_date(data.prepared)),
    ]
    if data.prepared <= date(data.year + 1, 8, 31):  # the school year is still running
        facts.append((_("Stan na dzień"), long_date(data.prepared)))
    out = cover(
        _("Art. 11 ust. 7 i 8 ustawy – Prawo oświatowe"),
        document_info(data).title,
        data.municipality,
        facts,
    )
    out += [Paragraph(escape(_("Spis treści")), styles().h1), TableOfContents(contents.entries)]
    out.append(PageBreak())
    return out + body, document_info(data)


def _blocks(chapter: Chapter, comment: str, contents: Contents) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = []
    for block in chapter.blocks:
        if isinstance(block, Table):
            out += [_table(block), Spacer(1, GAP)]
        elif isinstance(block, YearChart):
            out.append(keep([Spacer(1, GAP), chart.draw(block, WIDTH), Spacer(1, GAP)]))
        elif block.startswith("– "):
            out += bullets([escape(block[2:])])
        else:
            out.append(Paragraph(escape(block), s.body))
    if comment.strip():
        out += contents.heading(_("Komentarz"), 1)
        out += text(comment)
    return out


def _table(table: Table) -> Flowable:
    total = sum(table.widths)
    widths = [WIDTH * w / total for w in table.widths]
    rows: list[list[object]] = [
        [head(label, right=n in table.numeric) for n, label in enumerate(table.header)]
    ]
    for row in table.rows:
        rows.append(
            [
                cell(value, "cell_right" if n in table.numeric else "cell")
                for n, value in enumerate(row)
            ]
        )
    return data_table(rows, widths)


def write(
    data: ReportData,
    path: Path,
    *,
    password: str | Protection | None = None,
    reporter: Reporter | None = None,
) -> Path:
    """Lay out data already read (any thread); ``.docx`` gives the editable copy."""
    reporter = reporter or Reporter()
    reporter.composing()
    flowables, info = story(data)
    render(flowables, Path(path), info, cover=True, password=password, reporter=reporter)
    reporter.done()
    return Path(path)
