"""The monitoring report of a period: progress, indicators, notes, risks, recommendations."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from app.i18n import N_, _
from app.model import Action, ActionStatus, IndicatorStatus
from app.reports import monitoring_parts as parts
from app.reports import queries
from app.reports.blocks import (
    caption,
    cell,
    cell_markup,
    cover,
    empty,
    head,
    lead,
)
from app.reports.dates import date_range, long_date
from app.reports.hdr import month_span, progress_sentence, progress_table
from app.reports.progress import CancelledCallback, ProgressCallback, Reporter
from app.reports.protect import Protection
from app.reports.queries import FINISHED_ACTIONS, MonitoringData
from app.reports.risk_chart import risk_band_label
from app.reports.styles import ACCENT, GROUP_FILL, data_table, styles
from app.reports.summary import executive_summary
from app.reports.templates import (
    Contents,
    DocumentInfo,
    TableOfContents,
    chapter_break,
    render,
)
from app.reports.typeset import Paragraph
from app.reports.values import DASH
from app.services import terms
from app.services.schedules import is_overdue
from app.storage.store import Store

WIDTH = 174 * mm

SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", N_("Podsumowanie")),
    ("actions", N_("Postęp działań planu")),
    ("spending", N_("Wydatki na tle planu")),
    ("hdr", N_("Realizacja HDR")),
    ("indicators", N_("Wskaźniki")),
    ("notes", N_("Notatki monitoringowe")),
    ("risks", N_("Ryzyka")),
    ("recommendations", N_("Zalecenia otwarte i po terminie")),
    ("conclusions", N_("Wnioski i rekomendacje")),
)


def build_monitoring_pdf(
    store: Store,
    municipality_id: str,
    path: Path,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    password: str | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelledCallback | None = None,
    sections: Collection[str] | None = None,
) -> Path:
    """Write the monitoring report of ``date_from``–``date_to`` (either may be open)."""
    reporter = Reporter(progress, cancelled)
    reporter.reading()
    data = queries.monitoring_data(store, municipality_id, date_from, date_to)
    return write_monitoring_pdf(data, path, password=password, sections=sections, reporter=reporter)


def write_monitoring_pdf(
    data: MonitoringData,
    path: Path,
    *,
    password: str | Protection | None = None,
    sections: Collection[str] | None = None,
    reporter: Reporter | None = None,
) -> Path:
    """Lay out data already read; touches no database, so it may run on any thread."""
    reporter = reporter or Reporter()
    reporter.composing()
    story, info = monitoring_story(data, sections)
    render(story, Path(path), info, cover=True, password=password, reporter=reporter)
    reporter.done()
    return Path(path)


def period_text(data: MonitoringData) -> str:
    if data.date_from is None and data.date_to is None:
        return _("od początku realizacji do {date}").format(date=long_date(data.reference))
    if data.date_from is None:
        return _("do {date}").format(date=long_date(data.date_to))
    if data.date_to is None:
        return _("od {date}").format(date=long_date(data.date_from))
    return date_range(data.date_from, data.date_to)


def document_info(data: MonitoringData) -> DocumentInfo:
    return DocumentInfo(
        title=_("Raport z monitoringu: {period}").format(period=period_text(data)),
        name=_("Raport z monitoringu"),
        municipality=data.municipality.name,
        subject=_("Monitoring realizacji planu rozwoju oświaty i HDR — {name}").format(
            name=data.municipality.name
        ),
        keywords=(_("monitoring"), _("raport"), data.municipality.name),
    )


def monitoring_story(
    data: MonitoringData, sections: Collection[str] | None = None
) -> tuple[list[Flowable], DocumentInfo]:
    chosen = [(k, v) for k, v in SECTIONS if sections is None or k in sections]
    contents = Contents(WIDTH, toc_levels=2)
    body: list[Flowable] = []
    starts_page = {"indicators": bool(data.indicators), "risks": bool(data.risks)}
    for number, (key, label) in enumerate(chosen, start=1):
        if number > 1 and starts_page.get(key, False):
            body.append(chapter_break())
        body += lead(contents.heading(f"{number}. {_(label)}", 0), _BUILDERS[key](data, contents))
    facts = [
        (_("Okres"), period_text(data)),
        (_("Plan"), data.plan.plan.title if data.plan else _("brak planu")),
        (_("Stan na dzień"), long_date(data.reference)),
        (_("Źródło danych"), data.source_note or ""),
    ]
    story = cover(
        _("Raport z monitoringu"),
        _("Monitoring realizacji planu rozwoju oświaty i harmonogramu działań rozwojowych"),
        data.municipality.name,
        facts,
    )
    story += executive_summary(data.plan, data.indicators, data.reference, contents, WIDTH)
    body.append(parts.sign_off(data))
    story += [Paragraph(escape(_("Spis treści")), styles().h1), TableOfContents(contents.entries)]
    story.append(PageBreak())
    return story + body, document_info(data)


# -- sections ------------------------------------------------------------------------------


def _summary(data: MonitoringData, contents: Contents) -> list[Flowable]:
    actions = data.active_actions
    overdue_actions = [a for a in actions if _action_overdue(a, data.reference)]
    items = [i for h in data.schedules for i in h.items]
    overdue_items = [i for i in items if is_overdue(i, data.reference)]
    statuses = _count(r.state.status for r in data.indicators)
    rows: list[list[object]] = [[head(_("Obszar")), head(_("Stan"))]]
    rows += [
        [
            cell(_("Działania planu w okresie")),
            cell(_status_counts(actions, overdue_actions) if actions else _("brak")),
        ],
        [
            cell(_("Pozycje HDR")),
            cell(
                _("{count}, w tym po terminie: {overdue}").format(
                    count=len(items), overdue=len(overdue_items)
                )
                if items
                else _("brak")
            ),
        ],
        [cell(_("Wskaźniki")), cell(_indicator_counts(statuses) or _("brak"))],
        [cell(_("Notatki monitoringowe w okresie")), cell(str(len(data.notes)))],
        [
            cell(_("Ryzyka aktywne")),
            cell(
                _("{count} (najwyższe: {band})").format(
                    count=len(data.risks), band=risk_band_label(data.risks[0].score)
                )
                if data.risks
                else _("brak")
            ),
        ],
        [
            cell(_("Zalecenia otwarte")),
            cell(
                _("{count}, w tym po terminie: {overdue}").format(
                    count=len(data.recommendations),
                    overdue=sum(1 for r in data.recommendations if r.overdue),
                )
            ),
        ],
    ]
    return [
        data_table(rows, [60 * mm, WIDTH - 60 * mm]),
        caption(
            _("„Po terminie” i statusy wskaźników według stanu na {date}.").format(
                date=long_date(data.reference)
            )
        ),
    ]


def _count(values: object) -> dict[object, int]:
    counted: dict[object, int] = {}
    for value in values:  # type: ignore[attr-defined]
        counted[value] = counted.get(value, 0) + 1
    return counted


def _status_counts(actions: Sequence[Action], overdue: Sequence[Action]) -> str:
    counts = _count(ActionStatus(a.status) for a in actions)
    parts = [f"{status.label}: {counts[status]}" for status in ActionStatus if status in counts]
    text_ = _("{count} (").format(count=len(actions)) + ", ".join(parts) + ")"
    if overdue:
        text_ += "; " + _("po terminie: {count}").format(count=len(overdue))
    return text_


def _indicator_counts(statuses: dict[object, int]) -> str:
    return ", ".join(
        f"{status.label}: {statuses[status]}" for status in IndicatorStatus if status in statuses
    )


def _action_overdue(action: Action, reference: date) -> bool:
    return (
        action.end_date is not None
        and action.end_date < reference
        and ActionStatus(action.status) not in FINISHED_ACTIONS
    )


def _actions(data: MonitoringData, contents: Contents) -> list[Flowable]:
    if data.plan is None:
        return [empty(_("Ta JST nie ma jeszcze planu rozwoju oświaty."))]
    if not data.active_actions:
        return [empty(_("W tym okresie nie realizowano działań planu."))]
    active = {a.id for a in data.active_actions}
    rows: list[list[object]] = [
        [head(_("Działanie")), head(_("Odpowiedzialny")), head(_("Termin")), head(_("Status"))]
    ]
    extra: list[tuple[object, ...]] = []
    for g_index, node in enumerate(data.plan.goals, start=1):
        actions = [a for o in node.objectives for a in o.actions if a.id in active]
        if not actions:
            continue
        row = len(rows)
        rows.append([cell(f"{node.goal.code or g_index}. {node.goal.title}", "group"), "", "", ""])
        extra += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), GROUP_FILL),
            ("LINEABOVE", (0, row), (-1, row), 0.8, ACCENT),
        ]
        for action in actions:
            person = data.people.get(action.responsible_id or "")
            status = escape(ActionStatus(action.status).label)
            if _action_overdue(action, data.reference):
                status += "<br/><b>" + escape(_("po terminie")) + "</b>"
            rows.append(
                [
                    cell(action.title),
                    cell(person.name if person else DASH),
                    cell(
                        terms.label(
                            action.start_date,
                            action.end_date,
                            action.term_precision,
                            action.recurring,
                        )
                        or DASH
                    ),
                    cell_markup(status),
                ]
            )
    return [
        data_table(rows, [WIDTH - 108 * mm, 40 * mm, 40 * mm, 28 * mm], zebra=False, extra=extra)
    ]


def _hdr(data: MonitoringData, contents: Contents) -> list[Flowable]:
    if not data.schedules:
        return [empty(_("W tym okresie nie realizowano żadnego HDR."))]
    out: list[Flowable] = []
    for hdr in data.schedules:
        out += contents.heading(hdr.schedule.title, 1)
        out.append(Paragraph(escape(progress_sentence(hdr.progress.overall)), styles().body_small))
        if hdr.items:
            out.append(progress_table(hdr, WIDTH, compact=True))
        overdue = [i for i in hdr.items if is_overdue(i, data.reference)]
        if overdue:
            out += contents.heading(_("Pozycje po terminie"), 3, toc=False)
            rows: list[list[object]] = [
                [
                    head(_("Działanie")),
                    head(_("Odpowiedzialni")),
                    head(_("Termin")),
                    head(_("Status")),
                ]
            ]
            for item in overdue:
                rows.append(
                    [
                        cell(item.action),
                        cell(item.responsible or DASH),
                        cell(month_span(item.start_month, item.end_month)),
                        cell(ActionStatus(item.status).label),
                    ]
                )
            out.append(data_table(rows, [WIDTH - 108 * mm, 46 * mm, 36 * mm, 26 * mm]))
    return out


_BUILDERS = {
    "summary": _summary,
    "actions": _actions,
    "spending": parts.spending,
    "hdr": _hdr,
    "indicators": parts.indicators,
    "notes": parts.notes,
    "risks": parts.risks,
    "recommendations": parts.recommendations,
    "conclusions": parts.conclusions,
}
