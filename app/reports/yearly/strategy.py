"""The chapter on tasks carried out under the strategy (the plan) and the HDR, with monitoring."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select

from app import units
from app.i18n import _, ngettext
from app.model import (
    Action,
    ActionStatus,
    DevelopmentSchedule,
    Goal,
    Indicator,
    IndicatorStatus,
    Measurement,
    MonitoringNote,
    Objective,
    ScheduleItem,
    StrategicPlan,
)
from app.reports.counts import counted
from app.reports.dates import short_date
from app.reports.yearly.content import Chapter, Table
from app.reports.yearly.context import Context
from app.reports.yearly.phrases import num, year
from app.services.indicators import evaluate


def _overlaps(start: date | None, end: date | None, ctx: Context) -> bool:
    return (start is None or start <= ctx.end) and (end is None or end >= ctx.start)


def strategy(ctx: Context, chapter: Chapter) -> None:
    session = ctx.session
    plans = [
        p
        for p in session.scalars(
            select(StrategicPlan).where(StrategicPlan.municipality_id == ctx.municipality_id)
        )
        if p.year_from <= ctx.year + 1 and p.year_to >= ctx.year
    ]
    schedules = [
        s
        for s in session.scalars(
            select(DevelopmentSchedule).where(
                DevelopmentSchedule.municipality_id == ctx.municipality_id
            )
        )
        if _overlaps(s.period_start, s.period_end, ctx)
    ]
    if not plans and not schedules:
        chapter.lack(
            _(
                "W roku szkolnym {year} nie obowiązywał żaden plan rozwoju oświaty ani "
                "harmonogram działań rozwojowych (HDR) zapisany w programie."
            ).format(year=year(ctx.year))
        )
        return
    for plan in plans:
        _plan(ctx, chapter, plan)
    for schedule in schedules:
        _schedule(ctx, chapter, schedule)
    _indicators(ctx, chapter)
    _notes(ctx, chapter)


def _plan(ctx: Context, chapter: Chapter, plan: StrategicPlan) -> None:
    actions = list(
        ctx.session.scalars(
            select(Action)
            .join(Objective, Action.objective_id == Objective.id)
            .join(Goal, Objective.goal_id == Goal.id)
            .where(Goal.plan_id == plan.id)
            .order_by(Goal.position, Objective.position, Action.position)
        )
    )
    in_year = [a for a in actions if _overlaps(a.start_date, a.end_date, ctx)]
    statuses = Counter(a.status for a in in_year)
    chapter.say(
        _(
            "„{title}” ({start}–{end}): w roku szkolnym {year} realizowano {count} z {total} "
            "działań planu; zakończono {done}, w toku było {running}, opóźnionych {late}."
        ).format(
            title=plan.title,
            start=plan.year_from,
            end=plan.year_to,
            year=year(ctx.year),
            count=num(len(in_year)),
            total=num(len(actions)),
            done=num(statuses[ActionStatus.DONE]),
            running=num(statuses[ActionStatus.IN_PROGRESS]),
            late=num(statuses[ActionStatus.DELAYED]),
        )
    )
    if in_year:
        rows = [(a.title, _term(a.start_date, a.end_date), a.status.label) for a in in_year]
        chapter.blocks.append(
            Table((_("Działanie planu"), _("Termin"), _("Stan")), rows, (6, 2.4, 1.6))
        )


def _schedule(ctx: Context, chapter: Chapter, schedule: DevelopmentSchedule) -> None:
    items = [
        i
        for i in ctx.session.scalars(
            select(ScheduleItem)
            .where(ScheduleItem.schedule_id == schedule.id)
            .order_by(ScheduleItem.start_month, ScheduleItem.position)
        )
        if _overlaps(i.start_month, i.end_month, ctx)
    ]
    statuses = Counter(i.status for i in items)
    chapter.say(
        _(
            "Harmonogram działań rozwojowych „{title}”: w roku szkolnym {year} przypadało "
            "{count}; wykonano {done}, w toku było {running}, opóźnionych {late}."
        ).format(
            title=schedule.title,
            year=year(ctx.year),
            count=counted(
                len(items),
                ngettext("{count} zadanie", "{count} zadań", len(items)),
                "{count} zadania",
            ),
            done=num(statuses[ActionStatus.DONE]),
            running=num(statuses[ActionStatus.IN_PROGRESS]),
            late=num(statuses[ActionStatus.DELAYED]),
        )
    )


def _indicators(ctx: Context, chapter: Chapter) -> None:
    indicators = list(
        ctx.session.scalars(
            select(Indicator)
            .where(Indicator.municipality_id == ctx.municipality_id)
            .order_by(Indicator.position)
        )
    )
    if not indicators:
        return
    measured: dict[str, list[Measurement]] = {}
    for m in ctx.session.scalars(
        select(Measurement)
        .where(
            Measurement.municipality_id == ctx.municipality_id, Measurement.measured_on <= ctx.end
        )
        .order_by(Measurement.measured_on, Measurement.created_at)
    ):
        measured.setdefault(m.indicator_id, []).append(m)
    rows = []
    statuses: Counter[IndicatorStatus] = Counter()
    for indicator in indicators:
        state = evaluate(indicator, measured.get(indicator.id, []), ctx.end)
        statuses[state.status] += 1
        latest = state.latest
        rows.append(
            (
                indicator.name,
                _value(indicator.baseline_value, indicator.unit),
                f"{_value(latest.value, indicator.unit)} ({short_date(latest.measured_on)})"
                if latest
                else "—",
                _value(indicator.target_value, indicator.unit),
                state.status.label,
            )
        )
    summary = ", ".join(
        f"{status.label} — {num(statuses[status])}"
        for status in IndicatorStatus
        if statuses[status]
    )
    chapter.say(
        _("Stan wskaźników na koniec roku szkolnego ({date}): {summary}.").format(
            date=short_date(ctx.end), summary=summary
        )
    )
    header = (_("Wskaźnik"), _("Wartość bazowa"), _("Ostatni pomiar"), _("Cel"), _("Stan"))
    chapter.blocks.append(Table(header, rows, (4.5, 1.4, 2.2, 1.2, 1.8), frozenset({1, 3})))


def _notes(ctx: Context, chapter: Chapter) -> None:
    notes = [
        n
        for n in ctx.session.scalars(
            select(MonitoringNote).where(MonitoringNote.municipality_id == ctx.municipality_id)
        )
        if ctx.start <= n.noted_on <= ctx.end
    ]
    if notes:
        kinds = Counter(n.kind for n in notes)
        chapter.say(
            _("W dzienniku monitoringu zapisano w tym roku {count} ({kinds}).").format(
                count=counted(
                    len(notes),
                    ngettext("{count} notatkę", "{count} notatek", len(notes)),
                    "{count} notatki",
                ),
                kinds=", ".join(f"{kind.label} — {num(n)}" for kind, n in kinds.most_common()),
            )
        )


def _value(value: float | None, unit: str | None) -> str:
    return units.quantity(value, unit, empty="—")


def _term(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "—"
    return f"{short_date(start)}–{short_date(end)}"
