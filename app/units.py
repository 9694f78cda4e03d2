"""Numbers with their nouns, agreeing in number: ``1 osoba, 3 osoby, 5 osób, 2,5 osoby``.

One helper for the PDFs and the window. Units come from a catalogue
(``resources/catalogs/units.json``) with every form a number needs in each
language; Babel's plural rules pick the form (Polish: one / few / many, and
"other" for fractions). A stored unit is recognised in any of its forms, so
an indicator measured in "osoby" prints "190 osób". A unit typed by hand that
the catalogue does not know cannot be declined: it is never glued to the
number, but printed after a colon ("godziny lekcyjne: 12").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.numbers import format_decimal

from app.catalogs import _load
from app.i18n import _, current_language

NBSP = "\u00a0"


@dataclass(frozen=True)
class Unit:
    code: str
    forms: dict[str, dict[str, str]]  # language → plural category → form
    spaced: bool = True  # "12 osób", but "65%"

    def form(self, value: float, language: str) -> str:
        forms = self.forms.get(language) or self.forms["pl"]
        category = _plural_category(value, language)
        return forms.get(category) or forms.get("other") or next(iter(forms.values()))

    @property
    def label(self) -> str:
        """How it is offered in the indicator's unit field (Polish plural: "osoby", "%")."""
        forms = self.forms["pl"]
        return forms.get("few") or forms["other"]


def _unit(entry: dict[str, object]) -> Unit:
    if "symbol" in entry:
        symbol = str(entry["symbol"])
        english = str(entry.get("en_symbol", symbol))
        return Unit(
            str(entry["code"]),
            {"pl": {"other": symbol}, "en": {"other": english}},
            bool(entry.get("spaced", True)),
        )
    pl, en = entry["pl"], entry["en"]
    assert isinstance(pl, dict) and isinstance(en, dict)
    return Unit(str(entry["code"]), {"pl": dict(pl), "en": dict(en)})


@cache
def catalogue() -> tuple[Unit, ...]:
    """Every unit the program can decline, in the catalogue's order."""
    return tuple(_unit(entry) for entry in _load("units"))


@cache
def _by_form() -> dict[str, Unit]:
    found: dict[str, Unit] = {}
    for unit in catalogue():
        for forms in unit.forms.values():
            for form in forms.values():
                found.setdefault(form.casefold(), unit)
    return found


def find(text: str | None) -> Unit | None:
    """The catalogue unit ``text`` is a form of (any case, any language), else ``None``."""
    if not text:
        return None
    return _by_form().get(" ".join(text.split()).casefold())


def by_code(code: str) -> Unit:
    return next(unit for unit in catalogue() if unit.code == code)


def labels() -> list[str]:
    """The catalogue's units as offered in a unit field."""
    return [unit.label for unit in catalogue()]


@cache
def _plural_rule(language: str) -> Locale:
    return Locale.parse("en_GB" if language == "en" else "pl")


def _plural_category(value: float, language: str) -> str:
    """Babel's plural category of ``value``: fractions are "other" in Polish."""
    number: float = int(value) if float(value).is_integer() else float(value)
    return str(_plural_rule(language).plural_form(abs(number)))


def number(value: float, language: str | None = None, places: int = 2) -> str:
    """``1 234``, ``2,5``: whole numbers without decimals, others to at most ``places``."""
    language = language or current_language()
    pattern = "#,##0" if float(value).is_integer() else "#,##0." + "#" * places
    return str(format_decimal(value, format=pattern, locale=_number_locale(language)))


def money(cents: int, language: str | None = None, grosze: bool | None = None) -> str:
    """``146 000 zł``, ``1 234,50 zł`` — the one money format of the window and the documents.

    Grosze are shown when there are any; ``grosze=True`` always shows them (a column
    of amounts whose decimals line up), ``False`` never (whole złoty, rounded).
    """
    language = language or current_language()
    exact = cents % 100 != 0 if grosze is None else grosze
    pattern = "#,##0.00" if exact else "#,##0"
    amount = format_decimal(cents / 100, format=pattern, locale=_number_locale(language))
    return f"{amount}{NBSP}{_('zł')}"


def _number_locale(language: str) -> str:
    return "en_GB" if language == "en" else "pl_PL"


def noun(value: float, unit: str | Unit, language: str | None = None) -> str | None:
    """The form of ``unit`` that agrees with ``value`` (``None``: not in the catalogue)."""
    found = unit if isinstance(unit, Unit) else find(unit)
    if found is None:
        return None
    return found.form(value, language or current_language())


def quantity(value: float | None, unit: str | None, *, empty: str = "") -> str:
    """``190 osób``, ``65%``, ``2,5 etatu``; a unit not in the catalogue after a colon.

    The number and its unit are joined by a no-break space, so a line never
    separates them.
    """
    if value is None:
        return empty
    language = current_language()
    text = number(value, language)
    if not unit or not unit.strip():
        return text
    found = find(unit)
    if found is None:
        return f"{unit.strip()}: {text}"
    return f"{text}{NBSP if found.spaced else ''}{found.form(value, language)}"


def count(value: int, code: str) -> str:
    """A count of things: ``count(151, "pupil")`` → ``151 uczniów``."""
    return quantity(value, by_code(code).label)


def axis_label(unit: str) -> str:
    """What a chart's value axis counts: ``osoby``, ``people``, ``%``; other units as typed."""
    found = find(unit)
    if found is None:
        return unit.strip()
    if current_language() == "pl":
        return found.label
    return found.forms["en"].get("other", found.label)
