"""The advisory visit protocol: one or two pages handed out at the end of a visit."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from app.i18n import N_, _
from app.model import PlaceKind
from app.reports import queries
from app.reports.blocks import bullets, cell, cell_markup, empty, head, signatures, text
from app.reports.dates import long_date, short_date
from app.reports.progress import CancelledCallback, ProgressCallback, Reporter
from app.reports.protect import Protection
from app.reports.queries import VisitData
from app.reports.styles import data_table, details_grid, styles
from app.reports.templates import Anchor, Contents, DocumentInfo, render
from app.reports.typeset import Paragraph
from app.reports.values import DASH, blocks, markup
from app.services.clock import time_span
from app.storage.store import Store

WIDTH = 174 * mm

SECTIONS: tuple[tuple[str, str], ...] = (
    ("participants", N_("Uczestnicy")),
    ("review", N_("Realizacja wcześniejszych zaleceń")),
    ("agenda", N_("Program spotkania")),
    ("findings", N_("Ustalenia i wnioski")),
    ("recommendations", N_("Zalecenia")),
    ("notes", N_("Uwagi")),
    ("signatures", N_("Podpisy")),
)


def build_visit_pdf(
    store: Store,
    visit_id: str,
    path: Path,
    *,
    password: str | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelledCallback | None = None,
    sections: Collection[str] | None = None,
) -> Path:
    """Write the protocol of visit ``visit_id`` to ``path``."""
    reporter = Reporter(progress, cancelled)
    reporter.reading()
    data = queries.visit_data(store, visit_id)
    return write_visit_pdf(data, path, password=password, sections=sections, reporter=reporter)


def write_visit_pdf(
    data: VisitData,
    path: Path,
    *,
    password: str | Protection | None = None,
    sections: Collection[str] | None = None,
    reporter: Reporter | None = None,
) -> Path:
    """Lay out data already read; touches no database, so it may run on any thread."""
    reporter = reporter or Reporter()
    reporter.composing()
    story, info = visit_story(data, sections)
    render(story, Path(path), info, password=password, reporter=reporter)
    reporter.done()
    return Path(path)


def title_of(data: VisitData) -> str:
    if data.visit.number is not None:
        return _("Protokół z wizyty doradczej nr {number}").format(number=data.visit.number)
    return _("Protokół z wizyty doradczej")


def document_info(data: VisitData) -> DocumentInfo:
    when = long_date(data.visit.visit_date)
    return DocumentInfo(
        title=f"{title_of(data)} — {when}",
        # Every page says which visit: loose pages of two protocols never mix.
        name=f"{title_of(data)} · {when}",
        municipality=data.municipality.name,
        subject=_("Wizyta doradcza w JST {name}, {date}").format(
            name=data.municipality.name, date=when
        ),
        keywords=(_("wizyta doradcza"), _("protokół"), data.municipality.name),
    )


def visit_story(
    data: VisitData, sections: Collection[str] | None = None
) -> tuple[list[Flowable], DocumentInfo]:
    s = styles()
    visit = data.visit
    contents = Contents(WIDTH)
    when = long_date(visit.visit_date)
    hours = time_span(visit.start_time, visit.end_time)
    short = [
        (_("Data"), _("{date}, godz. {hours}").format(date=when, hours=hours) if hours else when),
        (_("Miejsce"), visit.place or DASH),
        (_("Doradca"), advisor_name(visit.advisor) or DASH),
        (_("JST"), data.municipality.name),
    ]
    story: list[Flowable] = [
        Paragraph(escape(kind_line(visit.place_kind, visit.place)).upper(), s.cover_line),
        # The title heads the outline; the sections are its children, side by side.
        Anchor("title", 0, title_of(data)),
        Paragraph(escape(title_of(data)), s.h1),
        details_grid(short, [], WIDTH),
    ]
    chosen = [(k, v) for k, v in SECTIONS if sections is None or k in sections]
    for number, (key, label) in enumerate(chosen, start=1):
        heading = contents.heading(f"{number}. {_(label)}", 1)
        body = _BUILDERS[key](data)
        if key == "signatures":
            # Signatures never start a page on their own heading. The heading's
            # conditional break stays outside: inside it would claim the whole page.
            breaks = [f for f in heading if isinstance(f, CondPageBreak)]
            kept = [f for f in heading if not isinstance(f, CondPageBreak)]
            story += [*breaks, KeepTogether([*kept, *body])]
        else:
            story += heading + body
    return story, document_info(data)


# Words in the place a visit was held at, and what they tell about it (first match wins).
_PLACE_KINDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("online", "zdaln", "teams", "zoom", "wideokonfer", "meet"), N_("Doradztwo online")),
    (
        ("szkoł", "szkol", "sp ", "sp nr", "przedszkol", "liceum", "technikum", "placówk"),
        N_("Doradztwo w szkole"),
    ),
    (("urząd", "urzęd", "gmin", "starostw", "jst", "ratusz"), N_("Doradztwo w siedzibie JST")),
)


_KIND_LINES = {
    PlaceKind.JST_OFFICE: N_("Doradztwo w siedzibie JST"),
    PlaceKind.SCHOOL: N_("Doradztwo w szkole"),
    PlaceKind.ONLINE: N_("Doradztwo online"),
    PlaceKind.OTHER: N_("Wizyta doradcza"),
}


def kind_line(kind: PlaceKind | str | None, place: str | None) -> str:
    """The line above the title: the place's kind as recorded, else read from the place."""
    if kind:
        return _(_KIND_LINES[PlaceKind(kind)])
    return place_kind(place)


def place_kind(place: str | None) -> str:
    """What kind of place the visit was held at, read from the place typed for it
    (visits recorded before the kind was asked for)."""
    text = f" {(place or '').casefold()} "
    for words, label in _PLACE_KINDS:
        if any(word in text for word in words):
            return _(label)
    return _("Wizyta doradcza")


def advisor_name(advisor: str | None) -> str:
    """The advisor's name; the role itself ("Doradca", a default) is no name."""
    name = (advisor or "").strip()
    return "" if name.casefold() in {_("Doradca").casefold(), "doradca"} else name


def _review(data: VisitData) -> list[Flowable]:
    """Recommendations of the earlier visits and what became of them."""
    if not data.earlier:
        return [empty(_("To pierwsza wizyta — nie ma wcześniejszych zaleceń."))]
    rows: list[list[object]] = [
        [head(_("Wizyta")), head(_("Zalecenie")), head(_("Termin")), head(_("Stan"))]
    ]
    for visit, rec in data.earlier:
        which = _("nr {number}").format(number=visit.number) if visit.number is not None else ""
        state = f"<b>{escape(rec.status.label)}</b>"
        if rec.status_note:
            state += "<br/>" + markup(rec.status_note)
        rows.append(
            [
                cell(f"{which}\n{short_date(visit.visit_date)}".strip()),
                cell(rec.text),
                cell(short_date(rec.due_date) or DASH),
                cell_markup(state),
            ]
        )
    return [data_table(rows, [22 * mm, WIDTH - 90 * mm, 22 * mm, 46 * mm])]


def _participants(data: VisitData) -> list[Flowable]:
    lines = [line.strip() for line in (data.visit.participants or "").splitlines() if line.strip()]
    if not lines:
        return [empty(_("Nie wpisano uczestników."))]
    return bullets([escape(line.lstrip("–-•*— ").strip()) for line in lines])


def _agenda(data: VisitData) -> list[Flowable]:
    return text(data.visit.agenda) or [empty(_("Nie wpisano programu spotkania."))]


def _findings(data: VisitData) -> list[Flowable]:
    return text(data.visit.findings) or [empty(_("Nie wpisano ustaleń."))]


def _recommendations(data: VisitData) -> list[Flowable]:
    if not data.recommendations:
        return [empty(_("Podczas wizyty nie sformułowano zaleceń."))]
    rows: list[list[object]] = [
        [head(_("Lp.")), head(_("Zalecenie")), head(_("Odpowiedzialny")), head(_("Termin"))]
    ]
    for index, rec in enumerate(data.recommendations, start=1):
        rows.append(
            [
                cell(f"{index}."),
                cell(rec.text),
                cell(rec.owner or DASH),
                cell(short_date(rec.due_date) or DASH),
            ]
        )
    return [data_table(rows, [10 * mm, WIDTH - 72 * mm, 40 * mm, 22 * mm])]


def _notes(data: VisitData) -> list[Flowable]:
    out = text(data.visit.notes)
    for note in data.notes:
        title = note.title or note.kind.label
        out.append(
            Paragraph(
                f"<b>{escape(title)}</b> ({escape(note.kind.label)}, "
                f"{escape(short_date(note.noted_on))})",
                styles().body_small,
            )
        )
        out += [Paragraph(markup(block), styles().body_small) for block in blocks(note.text)]
    return out or [empty(_("Brak uwag."))]


def _signatures(data: VisitData) -> list[Flowable]:
    advisor = advisor_name(data.visit.advisor)
    return [signatures([(_("Doradca"), advisor), (_("W imieniu JST"), "")], WIDTH)]


_BUILDERS = {
    "participants": _participants,
    "review": _review,
    "agenda": _agenda,
    "findings": _findings,
    "recommendations": _recommendations,
    "notes": _notes,
    "signatures": _signatures,
}
