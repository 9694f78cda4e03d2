"""The strategic plan as a document for the council: cover, contents, diagnosis to budget."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table

from app.catalogs import key_competences
from app.i18n import N_, _
from app.model import Action, Direction, Indicator, PlanStatus
from app.reports import plan_parts as parts_
from app.reports import queries
from app.reports.blocks import caption, cell, cover, empty, head, keep, lead, text
from app.reports.dates import long_date
from app.reports.plan_gantt import plan_gantt
from app.reports.progress import CancelledCallback, ProgressCallback, Reporter
from app.reports.protect import Protection
from app.reports.queries import IndicatorRow, PlanData
from app.reports.styles import (
    ACCENT,
    GROUP_FILL,
    HEADER_FILL,
    RULE,
    data_table,
    details_grid,
    styles,
    table,
)
from app.reports.summary import executive_summary
from app.reports.templates import (
    Contents,
    DocumentInfo,
    TableOfContents,
    chapter_break,
    render,
)
from app.reports.typeset import Paragraph
from app.reports.values import DASH, markup, money
from app.services import terms
from app.storage.store import Store

WIDTH = 174 * mm  # the A4 portrait frame

# The chapters in the order a council expects (1–9), then the appendices.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("introduction", N_("Wprowadzenie")),
    ("diagnosis", N_("Diagnoza")),
    ("swot", N_("Analiza SWOT")),
    ("problems", N_("Problemy")),
    ("vision", N_("Wizja i misja")),
    ("goals", N_("Cele i zadania")),
    ("budget", N_("Finansowanie")),
    ("implementation", N_("Wdrażanie, monitoring i ewaluacja")),
    ("consultations", N_("Konsultacje")),
    ("indicators", N_("Zestawienie wskaźników")),
    ("schools", N_("Szkoły objęte procesowym wspomaganiem")),
    ("team", N_("Zespół JST")),
)


def build_plan_pdf(
    store: Store,
    plan_id: str,
    path: Path,
    *,
    password: str | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelledCallback | None = None,
    sections: Collection[str] | None = None,
) -> Path:
    """Write the plan ``plan_id`` to ``path``; ``sections`` limits it to some of SECTIONS."""
    reporter = Reporter(progress, cancelled)
    reporter.reading()
    data = queries.plan_data(store, plan_id)
    return write_plan_pdf(data, path, password=password, sections=sections, reporter=reporter)


def write_plan_pdf(
    data: PlanData,
    path: Path,
    *,
    password: str | Protection | None = None,
    sections: Collection[str] | None = None,
    reporter: Reporter | None = None,
) -> Path:
    """Lay out data already read; touches no database, so it may run on any thread."""
    reporter = reporter or Reporter()
    reporter.composing()
    story, info = plan_story(data, sections)
    render(story, Path(path), info, cover=True, password=password, reporter=reporter)
    reporter.done()
    return Path(path)


def document_info(data: PlanData) -> DocumentInfo:
    return DocumentInfo(
        title=data.plan.title,
        name=_("Plan rozwoju oświaty {years}").format(years=_years(data)),
        municipality=data.municipality.name,
        subject=_("Lokalny plan rozwoju oświaty — {name}").format(name=data.municipality.name),
        keywords=(_("plan rozwoju oświaty"), _("oświata"), data.municipality.name),
        created=data.today,
        draft=data.plan.status == PlanStatus.DRAFT,
    )


def plan_story(
    data: PlanData, sections: Collection[str] | None = None
) -> tuple[list[Flowable], DocumentInfo]:
    chosen = [(key, label) for key, label in SECTIONS if sections is None or key in sections]
    contents = Contents(WIDTH, toc_levels=3)
    body: list[Flowable] = []
    starts_page = {"goals": bool(data.goals), "indicators": bool(data.indicators)}
    for number, (key, label) in enumerate(chosen, start=1):
        # The long sections start a page; an empty one does not waste one.
        if number > 1 and starts_page.get(key, False):
            body.append(chapter_break())
        body += lead(
            contents.heading(f"{number}. {_(label)}", 0),
            _SECTION_BUILDERS[key](data, contents, number),
        )
    story = _cover(data)
    story += executive_summary(data, data.indicators, data.today, contents, WIDTH)
    story += [Paragraph(escape(_("Spis treści")), styles().h1), TableOfContents(contents.entries)]
    story.append(PageBreak())
    return story + body, document_info(data)


def _years(data: PlanData) -> str:
    return f"{data.plan.year_from}–{data.plan.year_to}"


def _cover(data: PlanData) -> list[Flowable]:
    plan = data.plan
    resolution = ""
    if plan.resolution_number or plan.resolution_date:
        resolution = _("Uchwała nr {number}").format(number=plan.resolution_number or DASH)
        if plan.resolution_date:
            resolution += " " + _("z dnia {date}").format(date=long_date(plan.resolution_date))
    facts = [
        (_("Okres obowiązywania"), _years(data)),
        (_("Status"), PlanStatus(plan.status).label),
        (_("Przyjęcie"), resolution),
        (_("JST"), f"{data.municipality.name} ({data.municipality.kind.label})"),
        (_("Stan na dzień"), long_date(data.today)),
        (_("Źródło danych"), data.source_note or ""),
    ]
    return cover(_("Plan rozwoju oświaty"), plan.title, data.municipality.name, facts)


# -- sections ------------------------------------------------------------------------------


def _diagnosis(data: PlanData, contents: Contents, number: int) -> list[Flowable]:
    plan = data.plan
    parts = (
        ("context", _("Charakterystyka JST"), plan.diagnosis_context),
        ("education", _("Stan oświaty"), plan.diagnosis_education),
        ("demography", _("Prognoza demograficzna"), plan.diagnosis_demography),
        ("conclusions", _("Wnioski z diagnozy"), plan.diagnosis_conclusions),
    )
    out: list[Flowable] = []
    index = 0
    for key, title, value in parts:
        tables = parts_.diagnosis_tables(data, key)
        if (not value or not value.strip()) and not tables:
            continue
        index += 1
        out += contents.heading(f"{number}.{index}. {title}", 1, toc=False)
        out += text(value) + tables
    return out or [empty(_("Diagnoza nie została jeszcze opisana."))]


def _swot(data: PlanData, contents: Contents, number: int) -> list[Flowable]:
    plan = data.plan
    quarters = (
        (_("Mocne strony"), plan.swot_strengths),
        (_("Słabe strony"), plan.swot_weaknesses),
        (_("Szanse"), plan.swot_opportunities),
        (_("Zagrożenia"), plan.swot_threats),
    )
    if not any(value and value.strip() for _, value in quarters):
        return [empty(_("Analiza SWOT nie została jeszcze opisana."))]

    def body(value: str | None) -> list[Flowable]:
        return text(value, small=True) or [empty(DASH)]

    half = WIDTH / 2
    rows: list[list[object]] = [
        [head(quarters[0][0]), head(quarters[1][0])],
        [body(quarters[0][1]), body(quarters[1][1])],
        [head(quarters[2][0]), head(quarters[3][0])],
        [body(quarters[2][1]), body(quarters[3][1])],
    ]
    swot = table(
        rows,
        [half, half],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("BACKGROUND", (0, 2), (-1, 2), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 1, ACCENT),
            ("LINEBELOW", (0, 2), (-1, 2), 1, ACCENT),
            ("GRID", (0, 0), (-1, -1), 0.6, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
    )
    note = _("Czynniki wewnętrzne (mocne i słabe strony) i zewnętrzne (szanse i zagrożenia).")
    # The 2×2 is read as a whole: it moves to the next page rather than split.
    return [KeepTogether([swot, caption(note)])]


def _vision(data: PlanData, contents: Contents, number: int) -> list[Flowable]:
    out: list[Flowable] = []
    for index, (title, value) in enumerate(
        ((_("Wizja"), data.plan.vision), (_("Misja"), data.plan.mission)), start=1
    ):
        out += contents.heading(f"{number}.{index}. {title}", 1, toc=False)
        out += text(value) or [empty(_("Nie opisano."))]
    return out


def _goals(data: PlanData, contents: Contents, number: int) -> list[Flowable]:
    if not data.goals:
        return [empty(_("Plan nie ma jeszcze celów strategicznych."))]
    out: list[Flowable] = [_goals_overview(data)]
    for g_index, node in enumerate(data.goals, start=1):
        goal_code = node.goal.code or str(g_index)
        out += contents.heading(
            _("Cel strategiczny {code}. {title}").format(code=goal_code, title=node.goal.title), 1
        )
        out += text(node.goal.description)
        out += parts_.indicator_cards(_measuring(data, "goal_id", node.goal.id))
        if not node.objectives:
            out.append(empty(_("Ten cel nie ma jeszcze celów operacyjnych.")))
        for o_index, o_node in enumerate(node.objectives, start=1):
            code = o_node.objective.code or f"{goal_code}.{o_index}"
            opening = contents.heading(
                _("Cel operacyjny {code}. {title}").format(code=code, title=o_node.objective.title),
                2,
            )
            opening += text(o_node.objective.description)
            opening += parts_.indicator_cards(_measuring(data, "objective_id", o_node.objective.id))
            cards = [
                _action(data, action, f"{code}.{a_index}", contents)
                for a_index, action in enumerate(o_node.actions, start=1)
            ]
            if not cards:
                opening.append(empty(_("Ten cel operacyjny nie ma jeszcze działań.")))
            # The objective's heading goes to a page together with its first action.
            out += lead(opening, cards)
    return out


def _goals_overview(data: PlanData) -> Table:
    s = styles()
    rows: list[list[object]] = [
        [head(_("Cel")), head(_("Działania"), right=True), head(_("Budżet"), right=True)]
    ]
    goal_rows: list[int] = []
    for g_index, node in enumerate(data.goals, start=1):
        goal_code = node.goal.code or str(g_index)
        actions = [a for o in node.objectives for a in o.actions]
        goal_rows.append(len(rows))
        rows.append(
            [
                Paragraph(f"{escape(goal_code)}. {markup(node.goal.title)}", s.cell_bold),
                cell(str(len(actions)), "cell_right"),
                cell(money(_total(data, actions)), "cell_right"),
            ]
        )
        for o_index, o_node in enumerate(node.objectives, start=1):
            code = o_node.objective.code or f"{goal_code}.{o_index}"
            rows.append(
                [
                    Paragraph(f"{escape(code)}. {markup(o_node.objective.title)}", s.cell_indented),
                    cell(str(len(o_node.actions)), "cell_right"),
                    cell(money(_total(data, o_node.actions)), "cell_right"),
                ]
            )
    shading = [("BACKGROUND", (0, row), (-1, row), GROUP_FILL) for row in goal_rows]
    return data_table(rows, [WIDTH - 58 * mm, 22 * mm, 36 * mm], zebra=False, extra=shading)


def _action(data: PlanData, action: Action, code: str, contents: Contents) -> KeepTogether:
    """An action's card; kept on one page when it fits on one."""
    out = contents.heading(
        _("Działanie {code}. {title}").format(code=code, title=action.title), 3, toc=False
    )
    out += text(action.description, small=True)
    responsible = data.people.get(action.responsible_id or "")
    who = action.responsible_person or DASH
    if responsible is not None:
        who = responsible.name + (f", {responsible.role}" if responsible.role else "")
        if action.responsible_person:
            who += f"; {action.responsible_person}"
    names = data.strategy.institutions
    schools = data.action_schools.get(action.id, [])
    short = [
        (_("Realizator"), names.get(action.realizator_id or "", DASH)),
        (_("Odpowiedzialny"), who),
        (_("Termin realizacji"), _term(action)),
        (_("Budżet"), money(_action_total(data, action))),
        (_("Status"), action.status.label),
        (_("Kompetencje kluczowe"), _competences(action.key_competences) or DASH),
    ]
    partner_names = [names[i] for i in action.partner_ids or [] if i in names]
    partners = "; ".join([*partner_names, *([action.partners.strip()] if action.partners else [])])
    wide = [
        (label, value)
        for label, value in (
            (_("Partnerzy"), partners),
            (_("Szkoły"), "; ".join(s.name for s in schools)),
        )
        if value
    ]
    out.append(details_grid(short, wide, WIDTH))
    out += parts_.action_funding(data, action.id)
    out += parts_.indicator_cards(_measuring(data, "action_id", action.id))
    return keep(out)


def _term(action: Action) -> str:
    shown = terms.label(action.start_date, action.end_date, action.term_precision, action.recurring)
    if action.recurring and action.start_date and action.end_date:
        each = terms.occurrences(
            action.start_date, action.end_date, action.term_precision, action.recurring
        )
        shown += (
            " ("
            + "; ".join(terms.period_label(start, action.term_precision) for start, _end in each)
            + ")"
        )
    return shown or DASH


def _measuring(data: PlanData, attribute: str, record_id: str) -> list[IndicatorRow]:
    return [row for row in data.indicators if getattr(row.indicator, attribute) == record_id]


def _action_total(data: PlanData, action: Action) -> int | None:
    budget = data.strategy.budget
    amounts = [
        line.row.planned_cents
        for line in (budget.lines if budget else [])
        if line.action.id == action.id
    ]
    return sum(amounts) if amounts else None


def _competences(codes: Sequence[str]) -> str:
    names = {k.code: _(k.name_2018) for k in key_competences()}
    return "; ".join(names.get(code, code) for code in codes or ())


def _total(data: PlanData, actions: Sequence[Action]) -> int | None:
    amounts = [a for a in (_action_total(data, action) for action in actions) if a is not None]
    return sum(amounts) if amounts else None


def indicator_table(rows: Sequence[IndicatorRow], width: float = WIDTH) -> Table:
    """Indicators with baseline, target, latest value and status (shared with monitoring)."""
    s = styles()
    table_rows: list[list[object]] = [
        [
            head(_("Wskaźnik")),
            head(_("Wartość bazowa")),
            head(_("Wartość docelowa")),
            head(_("Ostatni pomiar")),
            head(_("Status")),
        ]
    ]
    for row in rows:
        ind = row.indicator
        name = f"<b>{markup(ind.name)}</b>"
        if row.attached_to:
            name += f"<br/><font color='#4A4F57'>{markup(row.attached_to)}</font>"
        name += f"<br/><font size='7.5' color='#4A4F57'>{escape(measured_how(ind))}</font>"
        latest = row.state.latest
        status = row.state.status.label
        if row.state.stale:
            status += "<br/>" + escape(_("(wymaga nowego pomiaru)"))
        table_rows.append(
            [
                Paragraph(name, s.cell),
                _value_cell(ind.baseline_value, ind.unit, ind.baseline_date, ind.direction),
                _value_cell(ind.target_value, ind.unit, ind.target_date, ind.direction),
                _value_cell(
                    latest.value if latest else None,
                    ind.unit,
                    latest.measured_on if latest else None,
                    ind.direction,
                ),
                Paragraph(status, s.cell),
            ]
        )
    fixed = 27 * mm
    return data_table(
        table_rows, [width - 3 * fixed - 30 * mm, fixed, fixed, fixed, 30 * mm], zebra=True
    )


def measured_how(indicator: Indicator) -> str:
    """Where the numbers come from and how often they are measured."""
    source = indicator.data_source or _("nie podano")
    return _("źródło danych: {source} · pomiar co {months} mies.").format(
        source=source, months=indicator.interval_months
    )


def _value_cell(value: float | None, unit: str | None, when: object, kind: str = "up") -> Paragraph:
    from datetime import date

    from app.reports.dates import short_date

    text_ = escape(parts_.indicator_value(value, unit, Direction(kind or "up")))
    if isinstance(when, date) and value is not None:
        text_ += f"<br/><font size='7.5' color='#4A4F57'>{escape(short_date(when))}</font>"
    return Paragraph(text_, styles().cell)


def _indicators(data: PlanData, contents: Contents, number: int) -> list[Flowable]:
    if not data.indicators:
        return [empty(_("Plan nie ma jeszcze wskaźników."))]
    return [
        indicator_table(data.indicators),
        caption(
            _("Status według ostatniego pomiaru na dzień {date}.").format(
                date=long_date(data.today)
            )
        ),
    ]


def _schools(data: PlanData, contents: Contents, number: int) -> list[Flowable]:
    if not data.supported_schools:
        return [empty(_("Żadna szkoła nie jest jeszcze objęta procesowym wspomaganiem."))]
    rows: list[list[object]] = [
        [
            head(_("Szkoła lub placówka")),
            head(_("Dyrektor")),
            head(_("Uczniowie"), right=True),
            head(_("Etap wspomagania")),
        ]
    ]
    for school in data.supported_schools:
        rows.append(
            [
                cell(school.name),
                cell(school.director or DASH),
                cell(str(school.pupils) if school.pupils is not None else DASH, "cell_right"),
                cell(school.support_stage.label if school.support_stage else DASH),
            ]
        )
    return [data_table(rows, [WIDTH - 112 * mm, 40 * mm, 20 * mm, 52 * mm])]


def _implementation(data: PlanData, contents: Contents, number: int) -> list[Flowable]:
    out = text(data.plan.implementation_system) or [
        empty(_("System wdrażania nie został jeszcze opisany."))
    ]
    out += contents.heading(f"{number}.1. " + _("Harmonogram działań"), 1, toc=False)
    out += plan_gantt(data, WIDTH)
    out += contents.heading(f"{number}.2. " + _("Kalendarz ewaluacji"), 1, toc=False)
    out += parts_.evaluation_calendar(data)
    whole = [row for row in data.indicators if not row.attached_to]
    if whole:
        out += contents.heading(f"{number}.3. " + _("Mierniki planu jako całości"), 1, toc=False)
        out += parts_.indicator_cards(whole)
    return out


def _team(data: PlanData, contents: Contents, number: int) -> list[Flowable]:
    if not data.team:
        return [empty(_("Nie wpisano jeszcze członków zespołu."))]
    rows: list[list[object]] = [
        [head(_("Imię i nazwisko")), head(_("Funkcja")), head(_("Instytucja"))]
    ]
    for member in data.team:
        name = member.name + (" " + _("(doradca)") if member.is_advisor else "")
        rows.append([cell(name), cell(member.role or DASH), cell(member.institution or DASH)])
    return [data_table(rows, [50 * mm, 62 * mm, WIDTH - 112 * mm])]


_SECTION_BUILDERS = {
    "introduction": parts_.introduction,
    "diagnosis": _diagnosis,
    "swot": _swot,
    "problems": parts_.problems,
    "vision": _vision,
    "goals": _goals,
    "indicators": _indicators,
    "budget": parts_.financing,
    "consultations": parts_.consultations,
    "schools": _schools,
    "implementation": _implementation,
    "team": _team,
}
