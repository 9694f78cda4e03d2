"""TERYT codes: ``WWPPGGR`` for a gmina, ``WWPP`` for a powiat (PP 61–99: a city county)."""

from __future__ import annotations

import re

from app.catalogs import voivodeships
from app.enums import MunicipalityKind
from app.i18n import _

# ASCII digits only (``\d`` would also take "３" or "٣"); matched with fullmatch,
# since ``$`` would let a trailing newline through.
_GMINA = re.compile(r"[0-9]{7}")
_POWIAT = re.compile(r"[0-9]{4}")
# The last digit of a gmina code is its kind: 1 urban, 2 rural, 3 urban-rural.
_GMINA_KIND_DIGIT = {
    MunicipalityKind.URBAN: "1",
    MunicipalityKind.RURAL: "2",
    MunicipalityKind.URBAN_RURAL: "3",
}


def teryt_problem(code: str, kind: MunicipalityKind) -> str | None:
    """A Polish explanation of what is wrong with ``code`` for a JST of ``kind``, or None."""
    code = code.strip()
    kind = MunicipalityKind(kind)
    if kind in _GMINA_KIND_DIGIT:
        if not _GMINA.fullmatch(code):
            return _("Kod TERYT gminy ma 7 cyfr (WWPPGGR), np. 3021053.")
        if code[6] != _GMINA_KIND_DIGIT[kind]:
            return _("Ostatnia cyfra kodu TERYT tej gminy powinna wynosić {digit}.").format(
                digit=_GMINA_KIND_DIGIT[kind]
            )
    else:
        if not _POWIAT.fullmatch(code):
            return _("Kod TERYT powiatu ma 4 cyfry (WWPP), np. 3021.")
        county = int(code[2:4])
        if kind is MunicipalityKind.CITY_COUNTY and not 61 <= county <= 99:
            return _("Miasto na prawach powiatu ma w kodzie TERYT numer powiatu od 61 do 99.")
        if kind is MunicipalityKind.COUNTY and not 1 <= county <= 60:
            return _("Powiat ziemski ma w kodzie TERYT numer powiatu od 01 do 60.")
    if code[:2] not in voivodeships():
        return _("Kod TERYT musi zaczynać się od kodu województwa (02, 04, …, 32).")
    if kind in _GMINA_KIND_DIGIT and code[2:4] == "00":
        return _("Numer powiatu w kodzie TERYT nie może wynosić 00.")
    if kind in _GMINA_KIND_DIGIT and code[4:6] == "00":
        return _("Numer gminy w kodzie TERYT nie może wynosić 00.")
    return None


# A code that passes the check for each kind, for placeholders and messages.
_EXAMPLES = {
    MunicipalityKind.RURAL: "0615072",
    MunicipalityKind.URBAN: "1261011",
    MunicipalityKind.URBAN_RURAL: "3021053",
    MunicipalityKind.COUNTY: "3021",
    MunicipalityKind.CITY_COUNTY: "1261",
}


def example(kind: MunicipalityKind) -> str:
    """A TERYT code of the right shape for ``kind`` (it passes :func:`teryt_problem`)."""
    return _EXAMPLES[MunicipalityKind(kind)]


def expected_length(kind: MunicipalityKind) -> int:
    return 7 if MunicipalityKind(kind) in _GMINA_KIND_DIGIT else 4


def voivodeship_of(code: str | None) -> str | None:
    """The voivodeship a TERYT code starts with (``06…`` → ``lubelskie``), or None."""
    return voivodeships().get((code or "").strip()[:2])
