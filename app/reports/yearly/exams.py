"""The chapter on external exams: E8 by subject and school against the levels, trends, matura."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.i18n import N_, _
from app.model import ExamKind, ExamResult
from app.reports.yearly.content import Chapter, ChartLine, Table, YearChart
from app.reports.yearly.context import Context
from app.reports.yearly.phrases import num, owner, pct, points, year
from app.services.school_data import series
from app.services.school_data.grid import E8_SUBJECTS

LEVELS = (
    ("gmina_pct", N_("gmina")),
    ("powiat_pct", N_("powiat")),
    ("voivodeship_pct", N_("województwo")),
    ("country_pct", N_("kraj")),
)
UPPER_SECONDARY = ("liceum", "technikum", "szkola_branzowa", "szkola_branzowa_2")


def exams(ctx: Context, chapter: Chapter) -> None:
    e8 = _results(ctx, ExamKind.E8, ctx.year)
    if not e8:
        chapter.lack(
            _("Brak danych o wynikach egzaminu ósmoklasisty za rok szkolny {year}.").format(
                year=year(ctx.year)
            )
        )
    else:
        _e8(ctx, chapter, e8)
    for kind, label in (
        (ExamKind.MATURA, _("egzaminu maturalnego")),
        (ExamKind.VOCATIONAL, _("egzaminu zawodowego")),
    ):
        found = _results(ctx, kind, ctx.year)
        if found:
            _upper(ctx, chapter, found, label)
        elif any(s.school_type in UPPER_SECONDARY for s in ctx.data.schools):
            chapter.lack(
                _("Brak danych o wynikach {exam} za rok szkolny {year}.").format(
                    exam=label, year=year(ctx.year)
                )
            )


def _results(ctx: Context, kind: ExamKind, year_: int) -> list[ExamResult]:
    return [
        r
        for r in ctx.data.exams
        if r.exam == kind and r.school_year == year_ and r.deleted_at is None
    ]


def _mean(rows: list[ExamResult]) -> float | None:
    weighted = [(r.mean_pct, r.takers or 1) for r in rows if r.mean_pct is not None]
    weight = sum(t for _m, t in weighted)
    return sum(m * t for m, t in weighted) / weight if weight else None


def _level(rows: list[ExamResult], name: str) -> float | None:
    return next((getattr(r, name) for r in rows if getattr(r, name) is not None), None)


def _subjects(rows: list[ExamResult]) -> list[str]:
    order = {subject: n for n, subject in enumerate(E8_SUBJECTS)}
    return sorted({r.subject for r in rows}, key=lambda s: (order.get(s, len(order)), s))


def _e8(ctx: Context, chapter: Chapter, rows: list[ExamResult]) -> None:
    takers = sum(r.takers or 0 for r in rows if r.subject == _subjects(rows)[0])
    chapter.say(
        _(
            "Liczba uczniów szkół prowadzonych {owner}, którzy pisali egzamin ósmoklasisty "
            "w roku szkolnym {year}: {takers}."
        ).format(year=year(ctx.year), takers=num(takers), owner=owner(ctx.county))
        if takers
        else ""
    )
    table_rows = []
    charts: list[YearChart] = []
    for subject in _subjects(rows):
        chosen = [r for r in rows if r.subject == subject]
        mean = _mean(chosen)
        if mean is None:
            continue
        levels = {label: _level(chosen, name) for name, label in LEVELS}
        country = levels[LEVELS[-1][1]]
        compared = ", ".join(
            f"{_(label)}: {pct(value)}" for label, value in levels.items() if value is not None
        )
        sentence = _("{subject}: średni wynik uczniów szkół JST wyniósł {mean}").format(
            subject=subject[:1].upper() + subject[1:], mean=pct(mean)
        )
        if compared:
            sentence += f" ({compared})"
        if country is not None:
            gap = mean - country
            if abs(gap) < 0.05:
                sentence += _(" — tyle samo co średnio w kraju")
            elif gap > 0:
                sentence += _(" — {gap} powyżej średniej krajowej").format(gap=points(gap))
            else:
                sentence += _(" — {gap} poniżej średniej krajowej").format(gap=points(gap))
        history = series.values(ctx.data, f"e8_mean:{subject}") if subject in E8_SUBJECTS else {}
        history = {y: v for y, v in history.items() if ctx.year - 4 <= y <= ctx.year}
        slope = series.trend(history)
        trend = ""
        if slope is not None and abs(slope) >= 0.05:
            trend = (
                _("W ostatnich {count} latach wynik rósł średnio o {slope} rocznie.")
                if slope > 0
                else _("W ostatnich {count} latach wynik spadał średnio o {slope} rocznie.")
            ).format(count=len(history), slope=points(slope))
        chapter.say(sentence + ".", trend)
        table_rows.append(
            (subject, pct(mean), *(pct(v) if v is not None else "—" for v in levels.values()))
        )
        if len(history) >= 3:
            country_line = {
                y: v
                for y, v in series.comparison(ctx.data, subject, "country").items()
                if y in history
            }
            charts.append(
                YearChart(
                    _("Egzamin ósmoklasisty — {subject}: średni wynik").format(subject=subject),
                    "%",
                    (ChartLine(ctx.name, history), ChartLine(_("kraj"), country_line, dashed=True)),
                )
            )
    header = (_("Przedmiot"), _("JST"), *(_(label).capitalize() for _n, label in LEVELS))
    chapter.blocks.append(
        Table(header, table_rows, (3, 1.2, 1.2, 1.2, 1.5, 1.2), frozenset({1, 2, 3, 4, 5}))
    )
    chapter.blocks.extend(charts)
    chapter.blocks.append(_per_school(ctx, rows))


def _per_school(ctx: Context, rows: list[ExamResult]) -> Table:
    """E8 results by school and subject: takers, mean, stanine, country."""
    header = (_("Szkoła"), _("Przedmiot"), _("Zdający"), _("Wynik"), _("Stanin"), _("Kraj"))
    return _results_table(ctx, rows, header, lambda r: _or_dash(r.stanine, str), 1.0)


def _upper(ctx: Context, chapter: Chapter, rows: list[ExamResult], label: str) -> None:
    chapter.say(_("Wyniki {exam} w roku szkolnym {year}:").format(exam=label, year=year(ctx.year)))
    header = (_("Szkoła"), _("Przedmiot"), _("Zdający"), _("Wynik"), _("Zdawalność"), _("Kraj"))
    chapter.blocks.append(
        _results_table(ctx, rows, header, lambda r: _or_dash(r.pass_rate, pct), 1.3)
    )


def _or_dash(value: Any, show: Callable[[Any], str]) -> str:
    return show(value) if value is not None else "—"


def _results_table(
    ctx: Context,
    rows: list[ExamResult],
    header: tuple[str, ...],
    fifth: Callable[[ExamResult], str],
    fifth_width: float,
) -> Table:
    """One row per school and subject; the fifth column is the exam's own measure."""
    found = [
        (
            ctx.school_name(r.school_id),
            r.subject,
            _or_dash(r.takers, num),
            _or_dash(r.mean_pct, pct),
            fifth(r),
            _or_dash(r.country_pct, pct),
        )
        for r in sorted(rows, key=lambda r: (ctx.school_name(r.school_id), r.subject))
    ]
    return Table(header, found, (4, 2.4, 1.1, 1.1, fifth_width, 1.1), frozenset({2, 3, 4, 5}))
