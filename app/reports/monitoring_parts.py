"""Chapters of the monitoring report from the indicators on: charts, notes, risks,
recommendations, spending against the plan, and the officer's conclusions."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.i18n import N_, _
from app.model import Direction, MonitoringNote, NoteKind
from app.reports.blocks import caption, cell, cell_markup, empty, head, keep, lead, signatures, text
from app.reports.charts import Series, indicator_chart
from app.reports.dates import long_date, short_date
from app.reports.plan import indicator_table
from app.reports.plan_parts import indicator_value, planned_spent_table
from app.reports.queries import IndicatorRow, MonitoringData
from app.reports.risk_chart import risk_band_label, risk_legend, risk_matrix
from app.reports.styles import data_table, styles, table
from app.reports.templates import Contents
from app.reports.typeset import Paragraph
from app.reports.values import DASH, markup

WIDTH = 174 * mm
CHART_GAP = 6 * mm

NOTE_KIND_TITLES = {
    NoteKind.PROGRESS: N_("Postęp"),
    NoteKind.RISK: N_("Ryzyka"),
    NoteKind.PROBLEM: N_("Problemy i sposoby ich rozwiązania"),
    NoteKind.GOOD_PRACTICE: N_("Dobre praktyki i sukcesy"),
    NoteKind.RECOMMENDATION: N_("Zalecenia doradców"),
    NoteKind.DECISION: N_("Decyzje"),
}


def indicators(data: MonitoringData, contents: Contents) -> list[Flowable]:
    if not data.indicators:
        return [empty(_("Nie określono jeszcze wskaźników."))]
    out: list[Flowable] = [
        indicator_table(data.indicators, WIDTH),
        caption(_("Statusy według pomiarów do {date}.").format(date=long_date(data.reference))),
    ]
    out += lead(
        contents.heading(_("Pomiary na tle wartości bazowej i docelowej"), 1),
        _chart_grid(data.indicators),
    )
    return out


def _chart_grid(rows: Sequence[IndicatorRow]) -> list[Flowable]:
    """Charts two to a row; each with its name above and its latest value below."""
    column = (WIDTH - CHART_GAP) / 2
    cells = [_chart_cell(row, column) for row in rows]
    out: list[Flowable] = []
    for index in range(0, len(cells), 2):
        pair = cells[index : index + 2]
        if len(pair) == 1:
            pair.append([])
        # One row that never splits: it moves to the next page whole, with no
        # KeepTogether to lay it out twice.
        out.append(
            table(
                [pair],
                [column + CHART_GAP / 2, column + CHART_GAP / 2],
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, 0), CHART_GAP / 2),
                    ("LEFTPADDING", (1, 0), (1, 0), CHART_GAP / 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ],
                split_in_row=False,  # a chart never parts from its title
            )
        )
    return out


def _chart_cell(row: IndicatorRow, width: float) -> list[Flowable]:
    s = styles()
    ind = row.indicator
    series = Series(
        points=[(m.measured_on, m.value) for m in row.measurements],
        baseline=ind.baseline_value,
        baseline_date=ind.baseline_date,
        target=ind.target_value,
        target_date=ind.target_date,
        unit=ind.unit,
    )
    title = Paragraph(f"<b>{markup(ind.name)}</b>", s.cell)
    kind = Direction(ind.direction)
    # A yes/no indicator ("przyjęta uchwałą") is done or not: no line to draw.
    drawing = None if kind is Direction.YES_NO else indicator_chart(series, width, 48 * mm)
    latest = row.state.latest
    summary = _("status: {status}; ostatni pomiar: {value}").format(
        status=row.state.status.label,
        value=(
            f"{indicator_value(latest.value, ind.unit, kind)} ({short_date(latest.measured_on)})"
            if latest
            else DASH
        ),
    )
    body: Flowable = drawing if drawing is not None else empty(_("Brak pomiarów."))
    if kind is Direction.YES_NO and latest is not None:
        done = indicator_value(latest.value, ind.unit, kind)
        body = Paragraph(escape(_("Zrobione: {answer}").format(answer=done)), s.body)
    return [title, Spacer(1, 2), body, Paragraph(escape(summary), s.muted)]


def notes(data: MonitoringData, contents: Contents) -> list[Flowable]:
    if not data.notes:
        return [empty(_("W tym okresie nie zapisano notatek."))]
    out: list[Flowable] = []
    for kind in NoteKind:
        notes = [n for n in data.notes if NoteKind(n.kind) is kind]
        if not notes:
            continue
        heading = contents.heading(f"{_(NOTE_KIND_TITLES[kind])} ({len(notes)})", 1)
        out += lead(heading, [keep(_note(note)) for note in notes])
    return out


def _note(note: MonitoringNote) -> list[Flowable]:
    s = styles()
    meta = short_date(note.noted_on) + (f" · {note.author}" if note.author else "")
    title = note.title or note.kind.label
    out: list[Flowable] = [
        Paragraph(
            f"<b>{markup(title)}</b> <font color='#4A4F57' size='8.5'>{escape(meta)}</font>",
            s.body_small,
        )
    ]
    out += text(note.text, small=True)
    if note.follow_up:
        state = _("wykonane") if note.follow_up_done else _("do wykonania")
        due = (
            _(", termin: {date}").format(date=short_date(note.follow_up_due))
            if note.follow_up_due
            else ""
        )
        out.append(
            Paragraph(
                f"<i>{escape(_('Dalsze działania'))} ({escape(state)}{escape(due)}):</i> "
                f"{markup(note.follow_up)}",
                s.body_small,
            )
        )
    out.append(Spacer(1, 3))
    return out


def risks(data: MonitoringData, contents: Contents) -> list[Flowable]:
    if not data.risks:
        closed = (
            _(" Zamknięte ryzyka: {count}.").format(count=data.closed_risks)
            if data.closed_risks
            else ""
        )
        return [empty(_("Brak aktywnych ryzyk.") + closed)]
    cells: dict[tuple[int, int], list[str]] = {}
    for index, risk in enumerate(data.risks, start=1):
        key = (max(1, min(5, risk.probability)), max(1, min(5, risk.impact)))
        cells.setdefault(key, []).append(f"R{index}")
    matrix = risk_matrix(cells, cell=30 * mm / 2.5)
    out: list[Flowable] = [
        KeepTogether(
            [
                matrix,
                risk_legend(),
                caption(_closed_note(data)),
            ]
        )
    ]
    rows: list[list[object]] = [
        [
            head(_("Nr")),
            head(_("Ryzyko i sposób przeciwdziałania")),
            head(_("P × W")),
            head(_("Właściciel")),
            head(_("Status")),
        ]
    ]
    for index, risk in enumerate(data.risks, start=1):
        description = f"<b>{markup(risk.title)}</b>"
        if risk.mitigation:
            description += f"<br/>{markup(risk.mitigation)}"
        band = escape(risk_band_label(risk.score))
        score = f"{risk.probability} × {risk.impact} = {risk.score}<br/>{band}"
        status = escape(risk.status.label)
        if risk.review_date:
            status += "<br/>" + escape(
                _("przegląd: {date}").format(date=short_date(risk.review_date))
            )
        rows.append(
            [
                cell(f"R{index}"),
                cell_markup(description),
                cell_markup(score),
                cell(risk.owner or DASH),
                cell_markup(status),
            ]
        )
    out.append(data_table(rows, [11 * mm, WIDTH - 107 * mm, 24 * mm, 40 * mm, 32 * mm]))
    return out


def _closed_note(data: MonitoringData) -> str:
    note = _("W komórkach numery ryzyk z tabeli poniżej (P — prawdopodobieństwo, W — wpływ).")
    if data.closed_risks:
        note += " " + _("Zamkniętych ryzyk nie ujęto: {count}.").format(count=data.closed_risks)
    return note


def recommendations(data: MonitoringData, contents: Contents) -> list[Flowable]:
    if not data.recommendations:
        return [empty(_("Nie ma otwartych zaleceń."))]
    rows: list[list[object]] = [
        [
            head(_("Zalecenie")),
            head(_("Wizyta")),
            head(_("Odpowiedzialny")),
            head(_("Termin")),
            head(_("Status")),
        ]
    ]
    for item in data.recommendations:
        rec, visit = item.recommendation, item.visit
        where = short_date(visit.visit_date)
        if visit.number is not None:
            where = _("nr {number}, {date}").format(number=visit.number, date=where)
        status = escape(rec.status.label)
        if item.overdue:
            status += "<br/><b>" + escape(_("po terminie")) + "</b>"
        body = markup(rec.text)
        if rec.status_note:
            body += f"<br/><font color='#4A4F57'>{markup(rec.status_note)}</font>"
        rows.append(
            [
                cell_markup(body),
                cell(where),
                cell(rec.owner or DASH),
                cell(short_date(rec.due_date) or DASH),
                cell_markup(status),
            ]
        )
    return [data_table(rows, [WIDTH - 104 * mm, 24 * mm, 34 * mm, 20 * mm, 26 * mm])]


# -- spending and conclusions ------------------------------------------------------------


def spending(data: MonitoringData, contents: Contents) -> list[Flowable]:
    """Planned against spent by goal, for the plan's years that fall in the period."""
    budget = data.plan.strategy.budget if data.plan is not None else None
    if budget is None or not budget.lines:
        return [empty(_("Działania planu nie mają jeszcze wierszy finansowania."))]
    first = data.date_from.year if data.date_from is not None else None
    last = data.date_to.year if data.date_to is not None else None
    sums: dict[str, list[int]] = {label: [0, 0] for label in budget.goal_labels}
    years: set[int] = set()
    for line in budget.lines:
        year = line.row.year
        if (first is not None and year < first) or (last is not None and year > last):
            continue
        years.add(year)
        pair = sums.setdefault(line.goal, [0, 0])
        pair[0] += line.row.planned_cents
        pair[1] += line.row.spent_cents or 0
    shown = [(label, p, s) for label, (p, s) in sums.items() if p or s]
    if not shown:
        return [empty(_("Na lata tego okresu plan nie przewiduje wydatków."))]
    total = (_("Razem"), sum(p for _l, p, _s in shown), sum(s for _l, _p, s in shown))
    span = f"{min(years)}–{max(years)}" if len(years) > 1 else str(min(years))
    return [
        planned_spent_table([*shown, total], WIDTH),
        caption(
            _(
                "Lata budżetowe {years}: kwoty planowane według wierszy finansowania "
                "działań, wydano — kwoty wpisane do stanu na {date}."
            ).format(years=span, date=long_date(data.reference))
        ),
    ]


def conclusions(data: MonitoringData, contents: Contents) -> list[Flowable]:
    """What the officer concludes and recommends, written in the window for this period."""
    found = data.conclusion
    out: list[Flowable] = []
    if found is not None and (found.conclusions or "").strip():
        out += contents.heading(_("Wnioski"), 2, toc=False) + text(found.conclusions)
    if found is not None and (found.recommendations or "").strip():
        out += contents.heading(_("Rekomendacje"), 2, toc=False) + text(found.recommendations)
    if out:
        return out
    if data.date_from is None or data.date_to is None:
        return [empty(_("Wnioski zapisuje się dla okresu z datą początku i końca."))]
    return [
        empty(_("Nie zapisano wniosków dla tego okresu (Monitoring → Wnioski i rekomendacje)."))
    ]


def sign_off(data: MonitoringData) -> Flowable:
    """Who prepared the report and who approved it, at its end, with their names printed."""
    found = data.conclusion
    people = [
        (_("Sporządził(a)"), (found.prepared_by or "") if found else ""),
        (_("Zatwierdził(a)"), (found.approved_by or "") if found else ""),
    ]
    return KeepTogether([Spacer(1, 10 * mm), signatures(people, WIDTH)])
