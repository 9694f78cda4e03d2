"""The HDR (Harmonogram Działań Rozwojowych) on landscape pages: cycle, schedule, Gantt chart."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from babel.dates import format_date
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.i18n import N_, _
from app.model import CYCLE_STEPS, ActionStatus, ScheduleItem, SchedulePriority
from app.reports import fonts, queries
from app.reports.blocks import caption, cell, cell_markup, empty, head
from app.reports.dates import date_range, locale, long_date
from app.reports.gantt_chart import GanttChart, GanttRow, gantt_legend
from app.reports.progress import CancelledCallback, ProgressCallback, Reporter
from app.reports.protect import Protection
from app.reports.queries import HdrData
from app.reports.styles import ACCENT, GROUP_FILL, data_table, details_grid, styles
from app.reports.templates import Contents, DocumentInfo, render
from app.reports.typeset import Paragraph
from app.reports.values import DASH, markup, money, percent
from app.services.overview_signals import Progress
from app.services.schedules import is_overdue, progress_of
from app.storage.store import Store

WIDTH = 261 * mm  # the A4 landscape frame

SECTIONS: tuple[tuple[str, str], ...] = (
    ("cycle", N_("Cykl doradczy")),
    ("schedule", N_("Harmonogram działań")),
    ("gantt", N_("Wykres Gantta")),
    ("progress", N_("Postęp realizacji")),
)

STEP_LABELS = {
    "area_choice": N_("Wybór obszaru"),
    "diagnosis": N_("Diagnoza potrzeb"),
    "priorities": N_("Priorytety rozwojowe"),
    "schedule": N_("Opracowanie HDR"),
    "implementation": N_("Kierunki wdrażania"),
    "tools": N_("Narzędzia zarządcze"),
}


def build_hdr_pdf(
    store: Store,
    schedule_id: str,
    path: Path,
    *,
    password: str | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelledCallback | None = None,
    sections: Collection[str] | None = None,
) -> Path:
    """Write the HDR ``schedule_id`` to ``path`` (landscape A4)."""
    reporter = Reporter(progress, cancelled)
    reporter.reading()
    data = queries.hdr_data(store, schedule_id)
    return write_hdr_pdf(data, path, password=password, sections=sections, reporter=reporter)


def write_hdr_pdf(
    data: HdrData,
    path: Path,
    *,
    password: str | Protection | None = None,
    sections: Collection[str] | None = None,
    reporter: Reporter | None = None,
) -> Path:
    """Lay out data already read; touches no database, so it may run on any thread."""
    reporter = reporter or Reporter()
    reporter.composing()
    story, info = hdr_story(data, sections)
    render(story, Path(path), info, wide=True, password=password, reporter=reporter)
    reporter.done()
    return Path(path)


def document_info(data: HdrData) -> DocumentInfo:
    return DocumentInfo(
        title=data.schedule.title,
        name=_("Harmonogram Działań Rozwojowych"),
        municipality=data.municipality.name,
        subject=_("HDR — {name}, obszar {area}").format(
            name=data.municipality.name, area=area_name(data)
        ),
        keywords=("HDR", _("harmonogram działań rozwojowych"), data.municipality.name),
        created=data.today,
    )


def area_name(data: HdrData) -> str:
    if data.area is not None:
        return f"{data.area.code}. {_(data.area.name)}"
    return data.schedule.custom_area or _("obszar nieokreślony")


def hdr_story(
    data: HdrData, sections: Collection[str] | None = None
) -> tuple[list[Flowable], DocumentInfo]:
    contents = Contents(WIDTH)
    story = _header(data)
    for number, (key, label) in enumerate(
        [(k, v) for k, v in SECTIONS if sections is None or k in sections], start=1
    ):
        section = contents.heading(f"{number}. {_(label)}", 0) + _BUILDERS[key](data)
        # The chart starts on a fresh page rather than leave a few rows at a page's foot.
        story += [KeepTogether(section)] if key == "gantt" else section
    return story, document_info(data)


def _header(data: HdrData) -> list[Flowable]:
    s = styles()
    schedule = data.schedule
    short = [
        (_("Obszar"), area_name(data)),
        (_("Okres"), date_range(schedule.period_start, schedule.period_end, months=True)),
        (_("Powiązany plan"), data.plan_title or DASH),
        (_("Stan na dzień"), long_date(data.today)),
    ]
    wide = [
        (_("Zespół JST"), (schedule.participants or "").strip() or DASH),
        (_("Doradcy"), (schedule.advisors or "").strip() or DASH),
    ]
    return [
        Paragraph(escape(_("Harmonogram Działań Rozwojowych")).upper(), s.cover_line),
        Paragraph(escape(schedule.title), s.h1),
        details_grid(short, wide, WIDTH, label_width=32 * mm),
        Spacer(1, 3 * mm),
        Paragraph(escape(progress_sentence(data.progress.overall)), s.body_small),
    ]


def progress_sentence(progress: Progress) -> str:
    if progress.total == 0:
        return _("Harmonogram nie ma jeszcze pozycji.")
    return _(
        "Pozycji: {total} · zrealizowane: {done} · w toku: {in_progress} · zaplanowane: "
        "{planned} · opóźnione: {delayed} · zaniechane: {dropped} · po terminie: {overdue} "
        "· % wykonania: {share} (bez zaniechanych)."
    ).format(
        total=progress.total,
        done=progress.done,
        in_progress=progress.in_progress,
        planned=progress.planned,
        delayed=progress.delayed,
        dropped=progress.dropped,
        overdue=progress.overdue,
        share=percent(progress.share_done),
    )


# -- sections ------------------------------------------------------------------------------


def _cycle(data: HdrData) -> list[Flowable]:
    rows: list[list[object]] = [[head(_("Etap")), head(_("Stan")), head(_("Opis"))]]
    for step in CYCLE_STEPS:
        text_value = getattr(data.schedule, f"step_{step}")
        done = bool(getattr(data.schedule, f"step_{step}_done"))
        if done:
            state = _("zakończony")
        elif text_value and text_value.strip():
            state = _("w toku")
        else:
            state = _("nierozpoczęty")
        rows.append(
            [cell(_(STEP_LABELS[step]), "cell_bold"), cell(state), cell(text_value or DASH)]
        )
    return [data_table(rows, [48 * mm, 28 * mm, WIDTH - 76 * mm])]


# Columns of the schedule table: header and width.
_COLUMNS: tuple[tuple[str, float], ...] = (
    (N_("Lp."), 10 * mm),
    (N_("Cel"), 27 * mm),
    (N_("Działanie"), 42 * mm),
    (N_("Odpowiedzialni"), 26 * mm),
    (N_("Termin"), 19 * mm),
    (N_("Zasoby"), 32 * mm),
    (N_("Oczekiwany efekt"), 29 * mm),
    (N_("Wskaźnik sukcesu"), 29 * mm),
    (N_("Narzędzie zarządcze"), 27 * mm),
    (N_("Status"), 20 * mm),
)


def _schedule(data: HdrData) -> list[Flowable]:
    if not data.items:
        return [empty(_("Harmonogram nie ma jeszcze pozycji."))]
    s = styles(7.5)
    rows: list[list[object]] = [[Paragraph(escape(_(title)), s.head) for title, _w in _COLUMNS]]
    extra: list[tuple[object, ...]] = []
    for p_index, (priority, items) in enumerate(data.grouped(), start=1):
        if not items:
            continue
        row = len(rows)
        rows.append([Paragraph(_group_title(priority, p_index), s.group)] + [""] * 9)
        extra += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), GROUP_FILL),
            ("LINEABOVE", (0, row), (-1, row), 0.8, ACCENT),
        ]
        for i_index, item in enumerate(items, start=1):
            rows.append(_item_row(item, f"{p_index}.{i_index}", data.today))
    budgets = [i.resources_budget_cents for i in data.items if i.resources_budget_cents is not None]
    total = caption(
        _("Zasoby razem: budżet {total} (pozycje z podanym budżetem: {count} z {all}).").format(
            total=money(sum(budgets)), count=len(budgets), all=len(data.items)
        )
    )
    return [
        data_table(rows, [w for _t, w in _COLUMNS], zebra=False, extra=extra),
        total,
        caption(_("„Po terminie”: pozycja niezakończona, której termin minął.")),
    ]


def _group_title(priority: SchedulePriority | None, index: int) -> str:
    if priority is None:
        return escape(_("Pozycje bez przypisanego priorytetu"))
    title = _("Priorytet {number}. {title}").format(number=index, title=priority.title)
    text_ = escape(title)
    if priority.description:
        description = markup(priority.description)
        text_ += (
            f"<br/><font name='{fonts.REGULAR}' size='7.5' color='#4A4F57'>{description}</font>"
        )
    return text_


def _item_row(item: ScheduleItem, number: str, today: date) -> list[object]:
    s = "cell"
    resources: list[str] = []
    if item.resources_people:
        resources.append(f"<b>{escape(_('Ludzie'))}:</b> {markup(item.resources_people)}")
    if item.resources_budget_cents is not None:
        resources.append(
            f"<b>{escape(_('Budżet'))}:</b> {escape(money(item.resources_budget_cents))}"
        )
    if item.resources_materials:
        resources.append(f"<b>{escape(_('Materiały'))}:</b> {markup(item.resources_materials)}")
    status = escape(ActionStatus(item.status).label)
    if is_overdue(item, today):
        status += "<br/><b>" + escape(_("po terminie")) + "</b>"
    cells = [
        escape(number),
        markup(item.goal) or DASH,
        markup(item.action),
        markup(item.responsible) or DASH,
        escape(month_span(item.start_month, item.end_month)),
        "<br/>".join(resources) or DASH,
        markup(item.expected_effect) or DASH,
        markup(item.success_indicator) or DASH,
        markup(item.management_tool) or DASH,
        status,
    ]
    style = styles(7.5)
    return [Paragraph(value, getattr(style, s)) for value in cells]


def month_span(start: date, end: date) -> str:
    """``01.2025 – 03.2025`` (or one month)."""

    def short(day: date) -> str:
        return str(format_date(day, "MM.y", locale=locale()))

    return short(start) if start == end else f"{short(start)} – {short(end)}"


def gantt_rows(data: HdrData) -> list[GanttRow]:
    rows: list[GanttRow] = []
    for p_index, (priority, items) in enumerate(data.grouped(), start=1):
        if not items:
            continue
        title = (
            _("Priorytet {number}. {title}").format(number=p_index, title=priority.title)
            if priority is not None
            else _("Pozycje bez przypisanego priorytetu")
        )
        rows.append(GanttRow(title))
        for i_index, item in enumerate(items, start=1):
            rows.append(
                GanttRow(
                    f"{p_index}.{i_index} {' '.join(item.action.split())}",
                    item.start_month,
                    item.end_month,
                    ActionStatus(item.status),
                    overdue=is_overdue(item, data.today),
                )
            )
    return rows


def _gantt(data: HdrData) -> list[Flowable]:
    if not data.items:
        return [empty(_("Harmonogram nie ma jeszcze pozycji."))]
    chart = GanttChart(
        gantt_rows(data),
        data.schedule.period_start,
        data.schedule.period_end,
        label_width=88 * mm,
        today=data.today,
    )
    legend = gantt_legend(WIDTH)
    return [
        chart,
        Spacer(1, 3 * mm),
        KeepTogether([legend, caption(_("Pełne nazwy działań zawiera tabela harmonogramu."))]),
    ]


def _progress(data: HdrData) -> list[Flowable]:
    if not data.items:
        return [empty(_("Harmonogram nie ma jeszcze pozycji."))]
    return [progress_table(data, WIDTH)]


def progress_table(data: HdrData, width: float, *, compact: bool = False) -> Flowable:
    """Items by status for each priority, and the total (shared with monitoring).

    ``compact`` (portrait pages) leaves out the planned and dropped columns.
    """
    keys = _COMPACT_COLUMNS if compact else tuple(_PROGRESS_COLUMNS)
    # Wide enough for "zrealizowane" in the header: a narrower column would split the word.
    number_width = (20.5 if compact else 23.5) * mm
    header = styles(7.5 if compact else 8.5).head_right
    rows: list[list[object]] = [
        [head(_("Priorytet")), *(Paragraph(escape(_(_PROGRESS_COLUMNS[k])), header) for k in keys)]
    ]
    for p_index, (priority, items) in enumerate(data.grouped(), start=1):
        if not items:
            continue
        title = priority.title if priority is not None else _("bez priorytetu")
        group = progress_of(items, data.today).overall
        rows.append(_progress_row(f"{p_index}. {title}", group, keys, bold=False))
    rows.append(_progress_row(_("Razem"), data.progress.overall, keys, bold=True))
    return data_table(
        rows,
        [width - len(keys) * number_width] + [number_width] * len(keys),
        extra=[
            ("BACKGROUND", (0, -1), (-1, -1), GROUP_FILL),
            ("LINEABOVE", (0, -1), (-1, -1), 1, ACCENT),
        ],
    )


_PROGRESS_COLUMNS = {
    "total": N_("Pozycje"),
    "done": N_("zrealizowane"),
    "in_progress": N_("w toku"),
    "planned": N_("zaplanowane"),
    "delayed": N_("opóźnione"),
    "dropped": N_("zaniechane"),
    "overdue": N_("po terminie"),
    "share": N_("% wykonania"),  # not "zrealizowano" beside "zrealizowane"
}
_COMPACT_COLUMNS = ("total", "done", "in_progress", "delayed", "overdue", "share")


def _progress_row(
    title: str, progress: Progress, keys: Sequence[str], *, bold: bool
) -> list[object]:
    values = {
        "total": str(progress.total),
        "done": str(progress.done),
        "in_progress": str(progress.in_progress),
        "planned": str(progress.planned),
        "delayed": str(progress.delayed),
        "dropped": str(progress.dropped),
        "overdue": str(progress.overdue),
        "share": percent(progress.share_done),
    }
    row: list[object] = [cell(title, "cell_bold" if bold else "cell")]
    row += [cell_markup(f"<b>{values[k]}</b>" if bold else values[k], "cell_right") for k in keys]
    return row


_BUILDERS = {"cycle": _cycle, "schedule": _schedule, "gantt": _gantt, "progress": _progress}
