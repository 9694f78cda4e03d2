"""The chapter on the kuratorium's pedagogical supervision (art. 11 ust. 8)."""

from __future__ import annotations

from app.i18n import _, ngettext
from app.model import SupervisionKind
from app.reports.counts import counted
from app.reports.dates import short_date
from app.reports.yearly.content import Chapter, Table
from app.reports.yearly.context import Context
from app.reports.yearly.phrases import owner, year


def supervision(ctx: Context, chapter: Chapter) -> None:
    found = [
        f
        for f in ctx.data.supervision
        if ctx.start <= f.held_on <= ctx.end and f.deleted_at is None
    ]
    if not found:
        chapter.lack(
            _(
                "Brak danych o nadzorze pedagogicznym kuratora oświaty w roku szkolnym {year} "
                "(ewaluacjach i kontrolach) — wpisz je w danych oświatowych albo potwierdź "
                "w komentarzu, że ich nie było."
            ).format(year=year(ctx.year))
        )
        return
    evaluations = sum(f.kind == SupervisionKind.EVALUATION for f in found)
    inspections = len(found) - evaluations
    parts = []
    if evaluations:
        parts.append(
            counted(
                evaluations,
                ngettext("{count} ewaluację", "{count} ewaluacji", evaluations),
                "{count} ewaluacje",
            )
        )
    if inspections:
        parts.append(
            counted(
                inspections,
                ngettext("{count} kontrolę", "{count} kontroli", inspections),
                "{count} kontrole",
            )
        )
    schools = len({f.school_id for f in found})
    chapter.say(
        _(
            "W roku szkolnym {year} kurator oświaty przeprowadził w szkołach prowadzonych "
            "{owner} {what} (w {schools})."
        ).format(
            year=year(ctx.year),
            owner=owner(ctx.county),
            what=_(" i ").join(parts),
            schools=counted(
                schools,
                ngettext("{count} szkole", "{count} szkołach", schools),
                "{count} szkołach",
            ),
        )
    )
    with_recs = [f for f in found if (f.recommendations or "").strip()]
    done = sum(f.follow_up_done for f in with_recs)
    if with_recs:
        chapter.say(
            _("Zalecenia wydano po {count} z nich; wykonano je w {done} przypadkach.").format(
                count=len(with_recs), done=done
            )
            if len(with_recs) > 1
            else _("Zalecenia wydano po jednym z nich; {state}.").format(
                state=_("zostały wykonane") if done else _("są w trakcie realizacji")
            )
        )
    else:
        chapter.say(_("Kurator oświaty nie wydał zaleceń."))
    rows = [
        (
            ctx.school_name(f.school_id),
            f"{f.kind.label}, {short_date(f.held_on)}",
            f.topic,
            (f.recommendations or "—").strip(),
            _follow_up(f.follow_up, f.follow_up_done) if (f.recommendations or "").strip() else "—",
        )
        for f in sorted(found, key=lambda f: f.held_on)
    ]
    header = (_("Szkoła"), _("Rodzaj, data"), _("Temat"), _("Zalecenia"), _("Realizacja"))
    chapter.blocks.append(Table(header, rows, (2.6, 1.6, 2.6, 2.8, 2.4)))


def _follow_up(text: str | None, done: bool) -> str:
    state = _("wykonane") if done else _("w realizacji")
    return f"{state}: {text.strip()}" if text and text.strip() else state
