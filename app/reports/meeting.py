"""The meeting report: "Sprawozdanie ze spotkania Grupy Wymiany Doświadczeń" — dates, place,
participants by JST, programme, conclusions, next steps, and an attendance list to sign."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.i18n import N_, _, ngettext
from app.model import NetworkKind
from app.reports.blocks import cell, empty, head, text
from app.reports.counts import counted
from app.reports.dates import short_date
from app.reports.network_data import MeetingData, meeting_days
from app.reports.progress import Reporter
from app.reports.styles import data_table, details_grid, styles
from app.reports.templates import Contents, DocumentInfo, render
from app.reports.typeset import Paragraph
from app.reports.values import DASH

WIDTH = 174 * mm
SIGNATURE_ROW = 7 * mm

SECTIONS: tuple[tuple[str, str], ...] = (
    ("participants", N_("Uczestnicy według JST")),
    ("programme", N_("Program spotkania")),
    ("materials", N_("Materiały przesłane przed spotkaniem")),
    ("conclusions", N_("Wnioski")),
    ("steps", N_("Ustalone kolejne kroki")),
    ("attendance", N_("Lista obecności")),
)


def write_meeting_pdf(
    data: MeetingData,
    path: Path,
    *,
    password: str | None = None,
    sections: Collection[str] | None = None,
    reporter: Reporter | None = None,
) -> Path:
    """Lay out data already read; touches no database, so it may run on any thread."""
    reporter = reporter or Reporter()
    reporter.composing()
    story, info = meeting_story(data, sections)
    render(story, Path(path), info, password=password, reporter=reporter)
    reporter.done()
    return Path(path)


def title_of(data: MeetingData) -> str:
    if data.network.kind is NetworkKind.EXCHANGE_GROUP:
        return _("Sprawozdanie ze spotkania Grupy Wymiany Doświadczeń")
    return _("Sprawozdanie ze spotkania sieci")


def when(data: MeetingData) -> str:
    return meeting_days(data.meeting.starts_on, data.meeting.ends_on)


def document_info(data: MeetingData) -> DocumentInfo:
    number = data.meeting.number
    return DocumentInfo(
        title=f"{title_of(data)} nr {number} — {when(data)}",
        name=_("Sprawozdanie ze spotkania nr {number}").format(number=number),
        municipality=data.network.name,
        subject=_("Spotkanie nr {number} sieci {name}, {date}").format(
            number=number, name=data.network.name, date=when(data)
        ),
        keywords=(_("sieć JST"), _("spotkanie"), _("sprawozdanie"), data.network.name),
    )


def meeting_story(
    data: MeetingData, sections: Collection[str] | None = None
) -> tuple[list[Flowable], DocumentInfo]:
    s = styles()
    meeting = data.meeting
    contents = Contents(WIDTH)
    present = sum(1 for p in data.participants if p.present)
    jsts = len({p.member_id for p in data.participants if p.present})
    short = [
        (_("Spotkanie"), _("nr {number}").format(number=meeting.number)),
        (_("Termin"), when(data)),
        (_("Miejsce"), meeting.place or DASH),
        (_("Gospodarz"), data.host or DASH),
        (_("Obecni"), _people_in_jsts(present, jsts)),
        (_("Koordynator"), data.network.coordinator or DASH),
    ]
    story: list[Flowable] = [
        Paragraph(escape(data.network.name).upper(), s.cover_line),
        Paragraph(escape(title_of(data)), s.h1),
        details_grid(short, [(_("Temat wiodący"), meeting.topic)], WIDTH),
    ]
    chosen = [(k, v) for k, v in SECTIONS if sections is None or k in sections]
    for number, (key, label) in enumerate(chosen, start=1):
        story += contents.heading(f"{number}. {_(label)}", 1)
        story += _BUILDERS[key](data)
    return story, document_info(data)


def _people_in_jsts(people: int, jsts: int) -> str:
    who = counted(people, ngettext("{count} osoba", "{count} osób", people), "{count} osoby")
    return _("{people} z {count} JST").format(people=who, count=jsts)


def _participants(data: MeetingData) -> list[Flowable]:
    rows: list[list[object]] = [[head(_("JST")), head(_("Uczestnicy")), head(_("Obecni"), True)]]
    for member in data.members:
        people = data.participants_of(member.id)
        names = "\n".join(
            f"{p.name}"
            + (f" — {p.role}" if p.role else "")
            + ("" if p.present else _(" (nieobecny)"))
            for p in people
        )
        here = sum(1 for p in people if p.present)
        rows.append([cell(member.name), cell(names or DASH), cell(str(here), "cell_right")])
    if len(rows) == 1:
        return [empty(_("Nie wpisano uczestników."))]
    return [data_table(rows, [52 * mm, WIDTH - 72 * mm, 20 * mm])]


def _programme(data: MeetingData) -> list[Flowable]:
    if not data.items:
        return [empty(_("Nie wpisano programu spotkania."))]
    rows: list[list[object]] = [
        [head(_("Lp.")), head(_("Punkt programu")), head(_("Forma")), head(_("Prowadzi"))]
    ]
    for index, item in enumerate(data.items, start=1):
        who = ", ".join(x for x in (item.presenter, data.member_name(item.member_id)) if x)
        rows.append([cell(f"{index}."), cell(item.title), cell(item.kind.label), cell(who or DASH)])
    return [data_table(rows, [10 * mm, WIDTH - 100 * mm, 40 * mm, 50 * mm])]


def _materials(data: MeetingData) -> list[Flowable]:
    return text(data.meeting.materials) or [empty(_("Nie przesłano materiałów."))]


def _conclusions(data: MeetingData) -> list[Flowable]:
    return text(data.meeting.conclusions) or [empty(_("Nie wpisano wniosków."))]


def _steps(data: MeetingData) -> list[Flowable]:
    if not data.steps:
        return [empty(_("Nie ustalono kolejnych kroków."))]
    rows: list[list[object]] = [
        [
            head(_("Lp.")),
            head(_("Krok")),
            head(_("Odpowiada")),
            head(_("Termin")),
            head(_("Stan")),
        ]
    ]
    for index, step in enumerate(data.steps, start=1):
        owner = data.member_name(step.member_id) if step.member_id else _("koordynator")
        rows.append(
            [
                cell(f"{index}."),
                cell(step.text),
                cell(owner),
                cell(short_date(step.due_date) or DASH),
                cell(step.status.label),
            ]
        )
    return [data_table(rows, [10 * mm, WIDTH - 108 * mm, 46 * mm, 22 * mm, 30 * mm])]


def _attendance(data: MeetingData) -> list[Flowable]:
    s = styles()
    rows: list[list[object]] = [
        [head(_("Lp.")), head(_("Imię i nazwisko")), head(_("JST")), head(_("Podpis"))]
    ]
    for index, person in enumerate(data.participants, start=1):
        rows.append(
            [
                cell(f"{index}."),
                cell(person.name),
                cell(data.member_name(person.member_id)),
                Spacer(1, SIGNATURE_ROW),  # room to sign
            ]
        )
    # Room for those who came without being listed.
    for index in range(len(data.participants) + 1, len(data.participants) + 4):
        rows.append([cell(f"{index}."), "", "", Spacer(1, SIGNATURE_ROW)])
    table = data_table(rows, [10 * mm, 60 * mm, 54 * mm, WIDTH - 124 * mm], zebra=False)
    intro = Paragraph(
        escape(
            _("Spotkanie nr {number}, {date}.").format(number=data.meeting.number, date=when(data))
        ),
        s.body_small,
    )
    return [intro, table]


_BUILDERS = {
    "participants": _participants,
    "programme": _programme,
    "materials": _materials,
    "conclusions": _conclusions,
    "steps": _steps,
    "attendance": _attendance,
}
