"""Chapters on the staff and on support: material aid, transport, special needs."""

from __future__ import annotations

from app import units
from app.i18n import _
from app.reports.yearly.content import Chapter, ChartLine, Table, YearChart
from app.reports.yearly.context import Context
from app.reports.yearly.phrases import change, num, owner, pct, year

LEVELS = (
    ("teachers_beginning", "Nauczyciele początkujący (stażyści)"),
    ("teachers_contract", "Nauczyciele kontraktowi"),
    ("teachers_appointed", "Nauczyciele mianowani"),
    ("teachers_chartered", "Nauczyciele dyplomowani"),
)


def staff(ctx: Context, chapter: Chapter) -> None:
    y = ctx.year
    posts, teachers = ctx.total(y, "teacher_posts"), ctx.total(y, "teachers")
    if posts is None and teachers is None:
        chapter.lack(
            _("Brak danych o zatrudnieniu nauczycieli za rok szkolny {year}.").format(year=year(y))
        )
        return
    if posts is not None:
        chapter.say(
            _(
                "W roku szkolnym {year} w szkołach i placówkach prowadzonych {owner} "
                "zatrudniano nauczycieli na {posts}."
            ).format(
                year=year(y), owner=owner(ctx.county), posts=units.quantity(round(posts, 1), "etat")
            ),
            change(_("Liczba etatów nauczycielskich"), ctx.total(y - 1, "teacher_posts"), posts),
        )
    pupils = ctx.total(y, "pupils")
    if posts and pupils:
        chapter.say(
            _("Na jeden etat nauczycielski przypadało średnio {ratio}.").format(
                ratio=units.quantity(round(pupils / posts, 1), "uczniowie")
            )
        )
    if teachers:
        shares = []
        rows = []
        for name, label in LEVELS:
            value = ctx.total(y, name)
            if value is None:
                continue
            shares.append(f"{_(label).lower()} — {pct(value / teachers * 100)}")
            before = ctx.total(y - 1, name)
            rows.append(
                (
                    _(label),
                    num(before) if before is not None else "—",
                    num(value),
                    pct(value / teachers * 100),
                )
            )
        chapter.say(
            _("Liczba zatrudnionych nauczycieli wyniosła {teachers}.").format(
                teachers=num(teachers)
            ),
            _("Według stopni awansu zawodowego: {shares}.").format(shares="; ".join(shares))
            if shares
            else "",
        )
        if rows:
            header = (
                _("Stopień awansu"),
                year(y - 1),
                year(y),
                _("Udział {year}").format(year=year(y)),
            )
            chapter.blocks.append(Table(header, rows, (4, 1.5, 1.5, 1.5), frozenset({1, 2, 3})))
    other = ctx.total(y, "non_teaching_posts")
    if other is not None:
        chapter.say(
            _("Pracownicy niebędący nauczycielami zajmowali {posts}.").format(
                posts=units.quantity(round(other, 1), "etat")
            )
        )
    chapter.say(
        _(
            "Program nie gromadzi danych o wydatkach na doskonalenie zawodowe nauczycieli — "
            "podaj je w komentarzu do rozdziału."
        )
    )


def support(ctx: Context, chapter: Chapter) -> None:
    y = ctx.year
    pupils = ctx.total(y, "pupils")
    transported, certified = ctx.total(y, "pupils_transported"), ctx.total(y, "pupils_certified")
    if pupils is None or (transported is None and certified is None):
        chapter.lack(
            _("Brak danych o dowożeniu i uczniach z orzeczeniami za rok szkolny {year}.").format(
                year=year(y)
            )
        )
        return
    if transported is not None:
        chapter.say(
            _(
                "Bezpłatny transport do szkół zapewniono {pupils}, tj. {share} wszystkich uczniów."
            ).format(pupils=_dative(int(transported)), share=pct(transported / pupils * 100)),
            change(
                _("Liczba uczniów dowożonych"), ctx.total(y - 1, "pupils_transported"), transported
            ),
        )
    if certified is not None:
        chapter.say(
            _(
                "Liczba uczniów z orzeczeniem o potrzebie kształcenia specjalnego wyniosła "
                "{pupils} ({share} wszystkich uczniów)."
            ).format(pupils=num(certified), share=pct(certified / pupils * 100)),
            change(
                _("Liczba uczniów z orzeczeniem"), ctx.total(y - 1, "pupils_certified"), certified
            ),
        )
    history = {}
    for yr in range(y - 4, y + 1):
        all_pupils, moved = ctx.total(yr, "pupils"), ctx.total(yr, "pupils_transported")
        if all_pupils and moved is not None:
            history[yr] = round(moved / all_pupils * 100, 1)
    if len(history) >= 2:
        chapter.blocks.append(
            YearChart(_("Uczniowie dowożeni (udział)"), "%", (ChartLine(ctx.name, history),))
        )
    chapter.say(
        _(
            "Program nie gromadzi danych o pomocy materialnej (stypendia i zasiłki szkolne) — "
            "podaj je w komentarzu do rozdziału."
        )
    )


def _dative(count: int) -> str:
    """``1 uczniowi``, ``5 uczniom``: the dative after "zapewniono"."""
    from app.i18n import ngettext

    return ngettext("{count} uczniowi", "{count} uczniom", count).format(count=units.number(count))
