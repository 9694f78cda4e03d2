"""The last chapter: conclusions drawn from the data and directions for the next school year."""

from __future__ import annotations

from sqlalchemy import select

from app.i18n import _
from app.model import Action, ActionStatus, ExamKind, Goal, Objective, StrategicPlan
from app.reports.yearly.content import Chapter
from app.reports.yearly.context import Context
from app.reports.yearly.phrases import pct, points, year
from app.reports.yearly.source import year_end, year_start
from app.services.school_data import series
from app.services.school_data.grid import E8_SUBJECTS


def conclusions(ctx: Context, chapter: Chapter) -> None:
    found = [text for text in (_pupils(ctx), _exams(ctx), _money(ctx), _supervision(ctx)) if text]
    if found:
        chapter.say(
            _("Z danych za rok szkolny {year} wynikają następujące wnioski:").format(
                year=year(ctx.year)
            )
        )
        found[-1] = found[-1].rstrip(";") + "."
        chapter.blocks.extend(f"– {text}" for text in found)
    else:
        chapter.say(
            _(
                "Dane za rok szkolny {year} nie wskazują zjawisk wymagających szczególnej uwagi."
            ).format(year=year(ctx.year))
        )
    planned = _next_actions(ctx)
    if planned:
        chapter.say(
            _("Na rok szkolny {year} zaplanowano w planie rozwoju oświaty m.in.:").format(
                year=year(ctx.year + 1)
            )
        )
        chapter.blocks.extend(f"– {title}" for title in planned)


def _pupils(ctx: Context) -> str:
    now, before = ctx.total(ctx.year, "pupils"), ctx.total(ctx.year - 1, "pupils")
    if now is None or not before or now >= before:
        return ""
    return _(
        "liczba uczniów spadła o {share} — warto przeanalizować sieć szkół i organizację "
        "oddziałów na kolejne lata;"
    ).format(share=pct((before - now) / before * 100))


def _exams(ctx: Context) -> str:
    below = []
    for subject in E8_SUBJECTS:
        gap = series.values(ctx.data, f"e8_vs_country:{subject}").get(ctx.year)
        if gap is not None and gap < 0:
            below.append(f"{subject} ({points(gap)})")
    has_e8 = any(r.exam == ExamKind.E8 and r.school_year == ctx.year for r in ctx.data.exams)
    if not has_e8 or not below:
        return ""
    return _(
        "wyniki egzaminu ósmoklasisty były niższe od średniej krajowej: {subjects} — potrzebne "
        "jest wsparcie szkół w tych przedmiotach;"
    ).format(subjects=", ".join(below))


def _money(ctx: Context) -> str:
    shares = series.values(ctx.data, "top_up_share")
    now, before = shares.get(ctx.year), shares.get(ctx.year - 1)
    if now is None or before is None or now <= before:
        return ""
    return _(
        "udział środków własnych w wydatkach bieżących na oświatę wzrósł z {before} do {now};"
    ).format(before=pct(before), now=pct(now))


def _supervision(ctx: Context) -> str:
    open_ = [
        f
        for f in ctx.data.supervision
        if (f.recommendations or "").strip() and not f.follow_up_done and f.held_on <= ctx.end
    ]
    if not open_:
        return ""
    return _("nie zakończono realizacji zaleceń kuratora oświaty ({count});").format(
        count=len(open_)
    )


def _next_actions(ctx: Context, limit: int = 8) -> list[str]:
    start, end = year_start(ctx.year + 1), year_end(ctx.year + 1)
    rows = ctx.session.scalars(
        select(Action)
        .join(Objective, Action.objective_id == Objective.id)
        .join(Goal, Objective.goal_id == Goal.id)
        .join(StrategicPlan, Goal.plan_id == StrategicPlan.id)
        .where(StrategicPlan.municipality_id == ctx.municipality_id)
        .order_by(Goal.position, Objective.position, Action.position)
    )
    found = [
        a.title
        for a in rows
        if a.status not in (ActionStatus.DONE, ActionStatus.DROPPED)
        and (a.start_date is None or a.start_date <= end)
        and (a.end_date is None or a.end_date >= start)
    ]
    return found[:limit]
