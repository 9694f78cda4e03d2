"""The network summary: members, meetings held, topics, attendance per JST, next steps,
trainings and good practices — what a coordinator reports after a period of work."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.i18n import N_, _, ngettext
from app.model import RecommendationStatus
from app.reports.blocks import cell, empty, head
from app.reports.counts import counted
from app.reports.dates import date_range, short_date
from app.reports.network_data import NetworkData, meeting_days
from app.reports.progress import Reporter
from app.reports.styles import data_table, details_grid, styles
from app.reports.templates import Contents, DocumentInfo, render
from app.reports.typeset import Paragraph
from app.reports.values import DASH, number

WIDTH = 174 * mm
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
MAX_ATTENDANCE_COLUMNS = 10  # beyond this the attendance table shows the latest meetings

SECTIONS: tuple[tuple[str, str], ...] = (
    ("members", N_("Członkowie sieci")),
    ("meetings", N_("Spotkania i ich tematy")),
    ("attendance", N_("Obecność JST na spotkaniach")),
    ("steps", N_("Ustalone kroki")),
    ("trainings", N_("Szkolenia")),
    ("practices", N_("Dobre praktyki")),
)


def write_network_pdf(
    data: NetworkData,
    path: Path,
    *,
    password: str | None = None,
    sections: Collection[str] | None = None,
    reporter: Reporter | None = None,
) -> Path:
    """Lay out data already read; touches no database, so it may run on any thread."""
    reporter = reporter or Reporter()
    reporter.composing()
    story, info = network_story(data, sections)
    render(story, Path(path), info, password=password, reporter=reporter)
    reporter.done()
    return Path(path)


def document_info(data: NetworkData) -> DocumentInfo:
    return DocumentInfo(
        title=_("Podsumowanie pracy sieci: {name}").format(name=data.network.name),
        name=_("Podsumowanie pracy sieci"),
        municipality=data.network.name,
        subject=_("Sieć JST {name}, {period}").format(
            name=data.network.name,
            period=date_range(data.network.period_start, data.network.period_end),
        ),
        keywords=(_("sieć JST"), _("podsumowanie"), data.network.name),
    )


def network_story(
    data: NetworkData, sections: Collection[str] | None = None
) -> tuple[list[Flowable], DocumentInfo]:
    s = styles()
    network = data.network
    contents = Contents(WIDTH)
    members, meetings, practices = len(data.members), len(data.meetings), len(data.practices)
    short = [
        (_("Rodzaj"), network.kind.label),
        (_("Okres"), date_range(network.period_start, network.period_end)),
        (_("Koordynator"), network.coordinator or DASH),
        (_("Członkowie"), _("{count} JST").format(count=members)),
        (
            _("Spotkania"),
            counted(
                meetings,
                ngettext("{count} spotkanie", "{count} spotkań", meetings),
                "{count} spotkania",
            ),
        ),
        (
            _("Dobre praktyki"),
            counted(
                practices,
                ngettext("{count} praktyka", "{count} praktyk", practices),
                "{count} praktyki",
            ),
        ),
    ]
    wide = [(_("Opis"), network.description)] if network.description else []
    story: list[Flowable] = [
        Paragraph(escape(network.kind.label).upper(), s.cover_line),
        Paragraph(escape(document_info(data).title), s.h1),
        details_grid(short, wide, WIDTH),
    ]
    chosen = [(k, v) for k, v in SECTIONS if sections is None or k in sections]
    for index, (key, label) in enumerate(chosen, start=1):
        story += contents.heading(f"{index}. {_(label)}", 1)
        story += _BUILDERS[key](data)
    return story, document_info(data)


def _members(data: NetworkData) -> list[Flowable]:
    if not data.members:
        return [empty(_("Sieć nie ma jeszcze członków."))]
    rows: list[list[Any]] = [
        [
            head(_("Lp.")),
            head(_("JST")),
            head(_("Rodzaj")),
            head(_("Mieszkańcy"), True),
            head(_("Szkoły i placówki"), True),
        ]
    ]
    for index, member in enumerate(data.members, start=1):
        rows.append(
            [
                cell(f"{index}."),
                cell(member.name),
                cell(member.kind.label),
                cell(number(member.population), "cell_right"),
                cell(number(member.schools_count), "cell_right"),
            ]
        )
    return [data_table(rows, [10 * mm, WIDTH - 122 * mm, 52 * mm, 28 * mm, 32 * mm])]


def _meetings(data: NetworkData) -> list[Flowable]:
    if not data.meetings:
        return [empty(_("Sieć nie odbyła jeszcze spotkań."))]
    rows: list[list[Any]] = [
        [head(_("Nr")), head(_("Termin")), head(_("Miejsce")), head(_("Temat wiodący"))]
    ]
    for meeting in data.meetings:
        place = meeting.place or data.member_name(meeting.host_member_id) or DASH
        days = meeting_days(meeting.starts_on, meeting.ends_on)
        if meeting.starts_on > data.today:
            days += "\n" + _("(planowane)")
        rows.append(
            [
                cell(_roman(meeting.number)),
                cell(days),
                cell(place),
                cell(meeting.topic),
            ]
        )
    return [data_table(rows, [12 * mm, 38 * mm, 50 * mm, WIDTH - 100 * mm])]


def _attendance(data: NetworkData) -> list[Flowable]:
    meetings = data.held[-MAX_ATTENDANCE_COLUMNS:]
    if not meetings or not data.members:
        return [empty(_("Brak danych o obecności."))]
    rest = WIDTH - 58 * mm - 18 * mm
    column = rest / len(meetings)
    rows: list[list[Any]] = [
        [head(_("JST"))]
        + [head(_roman(m.number), True) for m in meetings]
        + [head(_("Razem"), True)]
    ]
    for member in data.members:
        counts = [data.present(member.id, m.id) for m in meetings]
        rows.append(
            [cell(member.name)]
            + [cell(str(n) if n else DASH, "cell_right") for n in counts]
            + [cell(str(sum(counts)), "cell_right")]
        )
    note = Paragraph(
        escape(_("Liczba obecnych przedstawicieli JST na spotkaniach, które się odbyły.")),
        styles().muted,
    )
    return [data_table(rows, [58 * mm] + [column] * len(meetings) + [18 * mm]), note]


def _steps(data: NetworkData) -> list[Flowable]:
    if not data.steps:
        return [empty(_("Nie ustalono kroków."))]
    numbers = {m.id: m.number for m in data.meetings}
    rows: list[list[Any]] = [
        [
            head(_("Spotk.")),
            head(_("Krok")),
            head(_("Odpowiada")),
            head(_("Termin")),
            head(_("Stan")),
        ]
    ]
    for step in sorted(
        data.steps,
        key=lambda s: (s.status is RecommendationStatus.DONE, numbers.get(s.meeting_id, 0)),
    ):
        owner = data.member_name(step.member_id) if step.member_id else _("koordynator")
        rows.append(
            [
                cell(_roman(numbers.get(step.meeting_id, 0))),
                cell(step.text),
                cell(owner),
                cell(short_date(step.due_date) or DASH),
                cell(step.status.label),
            ]
        )
    return [data_table(rows, [14 * mm, WIDTH - 112 * mm, 46 * mm, 22 * mm, 30 * mm])]


def _trainings(data: NetworkData) -> list[Flowable]:
    if not data.modules:
        return [empty(_("Sieć nie prowadzi szkoleń."))]
    titles = {m.id: m.title for m in data.modules}
    rows: list[list[Any]] = [
        [
            head(_("Data")),
            head(_("Moduł")),
            head(_("Miejsce")),
            head(_("Obecni"), True),
            head(_("Ocena")),
        ]
    ]
    for session in data.sessions:
        present = sum(1 for p in data.participants if p.session_id == session.id and p.present)
        rows.append(
            [
                cell(short_date(session.held_on)),
                cell(titles.get(session.module_id, DASH)),
                cell(session.place or DASH),
                cell(str(present), "cell_right"),
                cell(session.evaluation or DASH),
            ]
        )
    modules = [
        f"{m.title} ({number(m.hours)} h, {m.form})" if m.form else f"{m.title}"
        for m in data.modules
    ]
    intro = Paragraph(
        escape(_("Moduły programu: {modules}.").format(modules="; ".join(modules))),
        styles().body_small,
    )
    if not data.sessions:
        return [intro, empty(_("Nie odbyły się jeszcze zajęcia."))]
    return [intro, data_table(rows, [20 * mm, 46 * mm, 30 * mm, 16 * mm, WIDTH - 112 * mm])]


def _practices(data: NetworkData) -> list[Flowable]:
    if not data.practices:
        return [empty(_("Nie opisano dobrych praktyk."))]
    rows: list[list[object]] = [[head(_("Dobra praktyka")), head(_("JST")), head(_("Opis"))]]
    for practice in data.practices:
        rows.append(
            [
                cell(practice.title),
                cell(data.member_name(practice.member_id) or DASH),
                cell(practice.description or DASH),
            ]
        )
    return [data_table(rows, [56 * mm, 40 * mm, WIDTH - 96 * mm])]


def _roman(value: int) -> str:
    return ROMAN[value - 1] if 1 <= value <= len(ROMAN) else str(value)


_BUILDERS = {
    "members": _members,
    "meetings": _meetings,
    "attendance": _attendance,
    "steps": _steps,
    "trainings": _trainings,
    "practices": _practices,
}
