"""The plan PDF's strategy chapters: introduction, problem tree, diagnosis tables,
financing, evaluation calendar, consultations, and the indicator cards printed
under the element they measure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.i18n import _
from app.model import Direction, ProblemKind
from app.reports import fonts
from app.reports.blocks import caption, cell, empty, head, keep, text
from app.reports.dates import long_date, short_date
from app.reports.queries import IndicatorRow, PlanData
from app.reports.styles import ACCENT, GROUP_FILL, data_table, details_grid, styles
from app.reports.templates import Contents
from app.reports.typeset import Paragraph
from app.reports.values import DASH, markup, money, percent, with_unit
from app.services.funding import BudgetTable
from app.services.strategy import ProblemNode, table_rows

WIDTH = 174 * mm


def introduction(data: PlanData, contents: Contents, number: int) -> list[Flowable]:
    return text(data.plan.introduction) or [
        empty(_("Nie opisano podstawy prawnej ani powiązań z innymi strategiami."))
    ]


def diagnosis_tables(data: PlanData, section: str) -> list[Flowable]:
    """The hand-made tables of one diagnosis section, printed as tables."""
    out: list[Flowable] = []
    for table in data.strategy.tables:
        if table.section != section:
            continue
        rows = table_rows(table)
        if not rows:
            continue
        width = max(len(r) for r in rows)
        body: list[list[Any]] = [
            [head(c) for c in rows[0] + [""] * (width - len(rows[0]))],
            *[[cell(c) for c in r + [""] * (width - len(r))] for r in rows[1:]],
        ]
        out.append(Paragraph(f"<b>{markup(table.title)}</b>", styles().body_small))
        out.append(data_table(body, [WIDTH / width] * width))
        if table.source_note:
            out.append(caption(_("Źródło: {source}").format(source=table.source_note)))
    return out


def problems(data: PlanData, contents: Contents, number: int) -> list[Flowable]:
    roots = data.strategy.problems
    if not roots:
        return [empty(_("Drzewo problemów nie zostało jeszcze opisane."))]
    labels = _goal_labels(data)
    out: list[Flowable] = []
    for root in roots:
        out += _problem_lines(root, 0, labels)
    out.append(caption(_("Przyczyny i skutki z wcięciem według poziomu drzewa.")))
    return out


def _problem_lines(node: ProblemNode, depth: int, labels: dict[str, str]) -> list[Flowable]:
    s = styles()
    problem = node.problem
    kind = ProblemKind(problem.kind)
    name = kind.label[:1].upper() + kind.label[1:]
    title = f"<b>{escape(name)}:</b> {markup(problem.title)}"
    answered = [labels[i] for i in problem.answered_by or [] if i in labels]
    if answered:
        title += "<br/><font size='8' color='#4A4F57'>{}</font>".format(
            escape(_("Odpowiadają: {goals}").format(goals="; ".join(answered)))
        )
    style = s.body if kind is ProblemKind.CENTRAL else s.body_small
    para = Paragraph(title, style)
    para.style = style.clone(f"problem{depth}", leftIndent=depth * 8 * mm)
    out: list[Flowable] = [para]
    out += [Paragraph(markup(problem.description), para.style) for _x in [0] if problem.description]
    for child in node.children:
        out += _problem_lines(child, depth + 1, labels)
    return out


def _goal_labels(data: PlanData) -> dict[str, str]:
    labels: dict[str, str] = {}
    for g_index, node in enumerate(data.goals, start=1):
        code = node.goal.code or str(g_index)
        labels[node.goal.id] = _("cel {code}").format(code=code)
        for o_index, o_node in enumerate(node.objectives, start=1):
            labels[o_node.objective.id] = _("cel {code}").format(
                code=o_node.objective.code or f"{code}.{o_index}"
            )
    return labels


# -- money ------------------------------------------------------------------------------------


def budget_table(table: BudgetTable, first: str) -> object:
    """Amounts by row × year with a total column and a total row."""
    s = styles()
    years = table.years
    rows: list[list[object]] = [
        [head(first), *[head(str(y), right=True) for y in years], head(_("Razem"), right=True)]
    ]
    for label, cells in table.rows:
        rows.append(
            [
                cell(label),
                *[cell(money(cells.get(y)) if cells.get(y) else DASH, "cell_right") for y in years],
                cell(money(table.row_total(cells)), "cell_right"),
            ]
        )
    rows.append(
        [
            cell(_("Razem"), "cell_bold"),
            *[cell(money(table.column_total(y)), "cell_right") for y in years],
            Paragraph(f"<b>{escape(money(table.total))}</b>", s.cell_right),
        ]
    )
    money_width = min(24 * mm, (WIDTH - 40 * mm) / (len(years) + 1))
    # The total (bold, the largest amount) on one line, whatever the currency's form.
    widest = fonts.string_width(money(table.total), s.cell_right.fontSize, fonts.BOLD) + 9
    total_width = max(money_width, widest)
    label_width = WIDTH - money_width * len(years) - total_width
    return data_table(
        rows,
        [label_width, *[money_width] * len(years), total_width],
        extra=[
            ("BACKGROUND", (0, -1), (-1, -1), GROUP_FILL),
            ("LINEABOVE", (0, -1), (-1, -1), 1, ACCENT),
            ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ],
    )


def financing(data: PlanData, contents: Contents, number: int) -> list[Flowable]:
    budget = data.strategy.budget
    if budget is None or not budget.lines:
        return [empty(_("Działania planu nie mają jeszcze wierszy finansowania."))]
    out: list[Flowable] = []
    out += contents.heading(f"{number}.1. " + _("Według źródeł i lat"), 1, toc=False)
    out.append(budget_table(budget.by_source, _("Źródło finansowania")))
    out += contents.heading(f"{number}.2. " + _("Według celów i lat"), 1, toc=False)
    out.append(budget_table(budget.by_goal, _("Cel strategiczny")))
    out += contents.heading(f"{number}.3. " + _("Plan i wykonanie"), 1, toc=False)
    out.append(
        planned_spent_table(
            [*budget.planned_spent_by_goal(), (_("Razem"), budget.planned, budget.spent)], WIDTH
        )
    )
    out.append(
        caption(_("Kwoty planowane według wierszy finansowania działań; wydano — kwoty wpisane."))
    )
    return out


def planned_spent_table(lines: Sequence[tuple[str, int, int]], width: float) -> Flowable:
    """Planned against spent by goal; the last line is the total (the plan and monitoring)."""
    rows: list[list[object]] = [
        [
            head(_("Cel strategiczny")),
            head(_("Plan"), right=True),
            head(_("Wydano"), right=True),
            head(_("Wykonanie"), right=True),
        ]
    ]
    for index, (label, planned, spent) in enumerate(lines):
        share = percent(spent / planned) if planned else DASH
        style = "cell_bold" if index == len(lines) - 1 else "cell"
        rows.append(
            [
                cell(label, style),
                cell(money(planned), "cell_right"),
                cell(money(spent), "cell_right"),
                cell(share, "cell_right"),
            ]
        )
    return data_table(
        rows,
        [width - 88 * mm, 32 * mm, 32 * mm, 24 * mm],
        extra=[
            ("BACKGROUND", (0, -1), (-1, -1), GROUP_FILL),
            ("LINEABOVE", (0, -1), (-1, -1), 1, ACCENT),
        ],
    )


def action_funding(data: PlanData, action_id: str) -> list[Flowable]:
    """An action's financing rows as a small table under its card."""
    budget = data.strategy.budget
    lines = [line for line in (budget.lines if budget else []) if line.action.id == action_id]
    if not lines:
        return []
    rows: list[list[object]] = [
        [
            head(_("Rok")),
            head(_("Źródło")),
            head(_("Plan"), right=True),
            head(_("Wydano"), right=True),
        ]
    ]
    for line in lines:
        source = line.source + (f" ({line.row.note})" if line.row.note else "")
        rows.append(
            [
                cell(str(line.row.year)),
                cell(source),
                cell(money(line.row.planned_cents), "cell_right"),
                cell(money(line.row.spent_cents), "cell_right"),
            ]
        )
    return [
        data_table(rows, [14 * mm, WIDTH - 78 * mm, 32 * mm, 32 * mm], zebra=False),
        Spacer(1, 3 * mm),
    ]


# -- indicators under their element --------------------------------------------------------


def indicator_value(value: float | None, unit: str | None, kind: Direction) -> str:
    if kind is Direction.YES_NO:
        return DASH if value is None else (_("tak") if value >= 1 else _("nie"))
    return with_unit(value, unit)


def indicator_cards(rows: Sequence[IndicatorRow]) -> list[Flowable]:
    return [indicator_card(row) for row in rows]


def indicator_card(row: IndicatorRow) -> Flowable:
    ind = row.indicator
    kind = Direction(ind.direction)
    s = styles()
    latest = row.state.latest
    status = row.state.status.label + (
        " " + _("(wymaga nowego pomiaru)") if row.state.stale else ""
    )
    target = indicator_value(ind.target_value, ind.unit, kind)
    if kind in (Direction.AT_LEAST, Direction.AT_MOST):
        target = f"{kind.label} {target}"
    short = [
        (_("Rodzaj"), kind.label),
        (
            _("Wartość bazowa"),
            _dated(indicator_value(ind.baseline_value, ind.unit, kind), ind.baseline_date),
        ),
        (_("Wartość docelowa"), _dated(target, ind.target_date)),
        (
            _("Ostatni pomiar"),
            _dated(indicator_value(latest.value, ind.unit, kind), latest.measured_on)
            if latest
            else DASH,
        ),
        (_("Status"), status),
        (_("Częstotliwość"), _frequency(ind.interval_months)),
    ]
    wide = [
        (_("Źródło danych"), ind.data_source or DASH),
    ]
    if row.milestones:
        wide.append(
            (
                _("Kamienie milowe"),
                "; ".join(
                    f"{short_date(m.due_date)}: {indicator_value(m.value, ind.unit, kind)}"
                    for m in row.milestones
                ),
            )
        )
    if ind.description:
        wide.append((_("Opis"), ind.description))
    return keep(
        [
            Spacer(1, 2 * mm),
            Paragraph(f"<b>{escape(_('Miernik'))}:</b> {markup(ind.name)}", s.body_small),
            details_grid(short, wide, WIDTH - 6 * mm),
            Spacer(1, 2 * mm),
        ]
    )


def _dated(value: str, when: object) -> str:
    from datetime import date

    return f"{value} ({short_date(when)})" if isinstance(when, date) and value != DASH else value


def _frequency(months: int | None) -> str:
    months = months or 12
    if months == 12:
        return _("raz w roku")
    return _("co {n} mies.").format(n=months)


# -- implementation and consultation -------------------------------------------------------


def evaluation_calendar(data: PlanData) -> list[Flowable]:
    plan = data.plan
    facts = [
        (_("Ewaluacja śródokresowa"), long_date(plan.midterm_evaluation_date)),
        (_("Ewaluacja końcowa"), long_date(plan.final_evaluation_date)),
        (
            _("Raport roczny z realizacji"),
            _("co roku do {day} (pierwszy: {date})").format(
                day=long_date(plan.yearly_report_date).rsplit(" ", 1)[0],
                date=long_date(plan.yearly_report_date),
            )
            if plan.yearly_report_date
            else "",
        ),
    ]
    shown = [(label, value) for label, value in facts if value]
    if not shown:
        return [empty(_("Nie ustalono kalendarza ewaluacji."))]
    rows = [[head(_("Termin")), head(_("Data"))]] + [[cell(a), cell(b)] for a, b in shown]
    return [data_table(rows, [70 * mm, WIDTH - 70 * mm])]


def consultations(data: PlanData, contents: Contents, number: int) -> list[Flowable]:
    found = data.strategy.consultations
    if not found:
        return [empty(_("Nie zapisano konsultacji społecznych."))]
    rows: list[list[object]] = [
        [
            head(_("Forma")),
            head(_("Termin")),
            head(_("Uczestnicy")),
            head(_("Uwagi"), right=True),
            head(_("Sposób rozpatrzenia")),
        ]
    ]
    for item in found:
        when = short_date(item.date_from) if item.date_from else DASH
        if item.date_to and item.date_to != item.date_from:
            when += f" – {short_date(item.date_to)}"
        rows.append(
            [
                cell(item.form),
                cell(when),
                cell(item.participants or DASH),
                cell(
                    str(item.comments_count) if item.comments_count is not None else DASH,
                    "cell_right",
                ),
                cell(item.handling or DASH),
            ]
        )
    total = sum(item.comments_count or 0 for item in found)
    return [
        data_table(rows, [36 * mm, 28 * mm, 40 * mm, 14 * mm, WIDTH - 118 * mm]),
        caption(_("Liczba uwag łącznie: {n}.").format(n=total)),
    ]
