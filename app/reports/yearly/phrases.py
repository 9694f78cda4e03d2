"""Sentences an officer would write: numbers in Polish form, changes with their direction."""

from __future__ import annotations

from app import units
from app.i18n import _
from app.model.school_data import school_year_label
from app.reports import values


def num(value: float) -> str:
    """``1 245``, ``18,4``: whole numbers plain, others to one decimal place."""
    return units.number(round(value, 1))


def pct(value: float) -> str:
    return units.quantity(round(value, 1), "%")


def points(value: float) -> str:
    """A difference in percentage points: ``2,7 p.p.``."""
    return units.quantity(round(abs(value), 1), "p.p.")


def money(zloty: float) -> str:
    """``40,19 mln zł`` from a million up, else whole złoty (``16 274 zł``): prose, not ledgers."""
    if abs(zloty) >= 1_000_000:
        return f"{units.number(round(zloty / 1_000_000, 2))}{values.NBSP}{_('mln zł')}"
    return values.money(round(zloty) * 100)


def year(value: int) -> str:
    return school_year_label(value)


def change(
    subject: str,
    before: float | None,
    after: float | None,
    *,
    plural: bool = False,
    as_money: bool = False,
) -> str:
    """``Liczba uczniów spadła o 4,2% (z 1 245 do 1 193).``; empty without both values.

    ``subject`` is the sentence's subject, feminine singular ("Liczba …") or,
    with ``plural``, plural ("Wydatki …"): the verb agrees with it.
    """
    if before is None or after is None:
        return ""
    shown = money if as_money else num
    if round(after, 1) == round(before, 1):
        template = (
            _("{subject} nie zmieniły się ({after}).")
            if plural
            else _("{subject} nie zmieniła się ({after}).")
        )
        return template.format(subject=subject, after=shown(after))
    if before == 0:
        template = (
            _("{subject} wzrosły z {before} do {after}.")
            if plural
            else _("{subject} wzrosła z {before} do {after}.")
        )
        return template.format(subject=subject, before=shown(before), after=shown(after))
    share = abs(after - before) / abs(before) * 100
    if after > before:
        template = (
            _("{subject} wzrosły o {share} (z {before} do {after}).")
            if plural
            else _("{subject} wzrosła o {share} (z {before} do {after}).")
        )
    else:
        template = (
            _("{subject} spadły o {share} (z {before} do {after}).")
            if plural
            else _("{subject} spadła o {share} (z {before} do {after}).")
        )
    return template.format(
        subject=subject, share=pct(share), before=shown(before), after=shown(after)
    )


def owner(kind_is_county: bool) -> str:
    """Who runs the schools, as a sentence says it: "przez gminę" or "przez powiat"."""
    return _("przez powiat") if kind_is_county else _("przez gminę")
