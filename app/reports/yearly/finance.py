"""The chapter on financing: the subvention, spending, cost per pupil, the JST's top-up, capital."""

from __future__ import annotations

from app.i18n import _
from app.reports import values
from app.reports.yearly.content import Chapter, ChartLine, Table, YearChart
from app.reports.yearly.context import Context
from app.reports.yearly.phrases import change, money, pct
from app.services.school_data import series


def finance(ctx: Context, chapter: Chapter) -> None:
    """The budget year the school year starts in: the last whole one when the report is due."""
    budget = ctx.year
    money_now = ctx.data.finance.get(budget)
    if money_now is None or money_now.current_spending_cents is None:
        chapter.lack(
            _("Brak danych o wydatkach na oświatę za rok budżetowy {year}.").format(year=budget)
        )
        return
    before = ctx.data.finance.get(budget - 1)

    def zl(cents: int | None) -> float | None:
        return None if cents is None else cents / 100

    spending = money_now.current_spending_cents / 100
    chapter.say(
        _(
            "W roku budżetowym {year} wydatki bieżące na oświatę i wychowanie wyniosły {amount}."
        ).format(year=budget, amount=money(spending)),
        change(
            _("Wydatki bieżące"),
            zl(before.current_spending_cents) if before else None,
            spending,
            plural=True,
            as_money=True,
        ),
    )
    subvention = zl(money_now.subvention_cents)
    if subvention is not None:
        grants = zl(money_now.grants_cents) or 0.0
        top_up = spending - subvention - grants
        chapter.say(
            _(
                "Część oświatowa subwencji ogólnej wyniosła {subvention} i pokryła {share} "
                "wydatków bieżących."
            ).format(subvention=money(subvention), share=pct(subvention / spending * 100)),
            _("Dotacje celowe wyniosły {grants}.").format(grants=money(grants)) if grants else "",
            _(
                "Z dochodów własnych jednostka dołożyła do zadań oświatowych {amount} "
                "({share} wydatków bieżących)."
            ).format(amount=money(top_up), share=pct(top_up / spending * 100))
            if top_up > 0
            else _("Subwencja i dotacje w pełni pokryły wydatki bieżące."),
        )
    else:
        chapter.lack(
            _("Brak danych o części oświatowej subwencji za rok {year}.").format(year=budget)
        )
    per_pupil = series.values(ctx.data, "spending_per_pupil")
    if budget in per_pupil:
        chapter.say(
            _("Wydatki bieżące na jednego ucznia wyniosły {amount}.").format(
                amount=money(per_pupil[budget])
            ),
            change(
                _("Wydatki na ucznia"),
                per_pupil.get(budget - 1),
                per_pupil[budget],
                plural=True,
                as_money=True,
            ),
        )
    capital = zl(money_now.capital_spending_cents)
    if capital is not None:
        chapter.say(
            _("Wydatki majątkowe (inwestycyjne) na oświatę wyniosły {amount}.").format(
                amount=money(capital)
            )
        )
    years = [y for y in ctx.data.finance_years() if budget - 4 <= y <= budget]
    rows = []
    for y in years:
        m = ctx.data.finance[y]
        rows.append(
            (
                str(y),
                _money_cell(m.subvention_cents),
                _money_cell(m.grants_cents),
                _money_cell(m.current_spending_cents),
                _money_cell(m.capital_spending_cents),
                _money_cell(round(per_pupil[y] * 100)) if y in per_pupil else "—",
            )
        )
    header = (
        _("Rok"),
        _("Subwencja oświatowa"),
        _("Dotacje celowe"),
        _("Wydatki bieżące"),
        _("Wydatki majątkowe"),
        _("Wydatki na ucznia"),
    )
    chapter.blocks.append(
        Table(header, rows, (0.8, 2, 1.6, 2, 1.8, 1.6), frozenset({1, 2, 3, 4, 5}))
    )
    spent = {y: ctx.data.finance[y].current_spending_cents for y in years}
    got = {y: ctx.data.finance[y].subvention_cents for y in years}
    if len(years) >= 2:
        chapter.blocks.append(
            YearChart(
                _("Wydatki bieżące i subwencja oświatowa"),
                "tys. zł",
                (
                    ChartLine(
                        _("wydatki bieżące"),
                        {y: v / 100_000 for y, v in spent.items() if v is not None},
                    ),
                    ChartLine(
                        _("subwencja"),
                        {y: v / 100_000 for y, v in got.items() if v is not None},
                        dashed=True,
                    ),
                ),
                school_years=False,
            )
        )


def _money_cell(cents: int | None) -> str:
    return "—" if cents is None else values.money(round(cents / 100) * 100)
