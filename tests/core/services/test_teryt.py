"""TERYT codes: WWPPGGR for a gmina (R: 1 urban, 2 rural, 3 urban-rural), WWPP for a powiat."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalogs import voivodeships
from app.model import Municipality, MunicipalityKind
from app.services import records, teryt, validation
from app.services.teryt import teryt_problem
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Rejects

GMINA_KINDS = {
    MunicipalityKind.URBAN: "1",
    MunicipalityKind.RURAL: "2",
    MunicipalityKind.URBAN_RURAL: "3",
}
VOIVODESHIPS = sorted(voivodeships())


def test_sixteen_voivodeships_with_even_codes() -> None:
    assert [f"{n:02d}" for n in range(2, 33, 2)] == VOIVODESHIPS


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("3021011", MunicipalityKind.URBAN),  # Goleniów-like: any real-looking code
        ("3021052", MunicipalityKind.RURAL),
        ("3217033", MunicipalityKind.URBAN_RURAL),
        ("1465011", MunicipalityKind.URBAN),  # Warszawa: a gmina within a city county
        ("0201", MunicipalityKind.COUNTY),
        ("3260", MunicipalityKind.COUNTY),
        ("3064", MunicipalityKind.CITY_COUNTY),  # Poznań
        ("1261", MunicipalityKind.CITY_COUNTY),
        ("0299", MunicipalityKind.CITY_COUNTY),
        (" 3064 ", MunicipalityKind.CITY_COUNTY),
    ],
)
def test_valid_codes(code: str, kind: MunicipalityKind) -> None:
    assert teryt_problem(code, kind) is None


@pytest.mark.parametrize(
    ("code", "kind", "needle"),
    [
        # a gmina needs seven digits
        ("302105", MunicipalityKind.RURAL, "7 cyfr"),
        ("30210522", MunicipalityKind.RURAL, "7 cyfr"),
        ("3021", MunicipalityKind.URBAN, "7 cyfr"),
        ("30-21-05-2", MunicipalityKind.RURAL, "7 cyfr"),
        ("302105a", MunicipalityKind.RURAL, "7 cyfr"),
        ("30２１０５２", MunicipalityKind.RURAL, "7 cyfr"),  # full-width digits
        ("302105\n2", MunicipalityKind.RURAL, "7 cyfr"),
        # … whose last digit matches its kind
        ("3021051", MunicipalityKind.RURAL, "powinna wynosić 2"),
        ("3021052", MunicipalityKind.URBAN, "powinna wynosić 1"),
        ("3021052", MunicipalityKind.URBAN_RURAL, "powinna wynosić 3"),
        ("3021054", MunicipalityKind.URBAN_RURAL, "powinna wynosić 3"),
        ("3021059", MunicipalityKind.URBAN, "powinna wynosić 1"),
        # … with a known voivodeship, and no powiat or gmina numbered 00
        ("0121052", MunicipalityKind.RURAL, "województwa"),
        ("3121052", MunicipalityKind.RURAL, "województwa"),
        ("0021052", MunicipalityKind.RURAL, "województwa"),
        ("3400011", MunicipalityKind.URBAN, "województwa"),
        ("3000052", MunicipalityKind.RURAL, "powiatu"),
        ("3021002", MunicipalityKind.RURAL, "gminy"),
        # a powiat needs four digits, 01–60; a city county 61–99
        ("302105", MunicipalityKind.COUNTY, "4 cyfry"),
        ("3021052", MunicipalityKind.COUNTY, "4 cyfry"),
        ("30２1", MunicipalityKind.COUNTY, "4 cyfry"),
        ("3000", MunicipalityKind.COUNTY, "od 01 do 60"),
        ("3061", MunicipalityKind.COUNTY, "od 01 do 60"),
        ("3060", MunicipalityKind.CITY_COUNTY, "od 61 do 99"),
        ("3001", MunicipalityKind.CITY_COUNTY, "od 61 do 99"),
        ("3064011", MunicipalityKind.CITY_COUNTY, "4 cyfry"),
        ("3521", MunicipalityKind.COUNTY, "województwa"),
        ("0164", MunicipalityKind.CITY_COUNTY, "województwa"),
        ("", MunicipalityKind.COUNTY, "4 cyfry"),
    ],
)
def test_invalid_codes(
    code: str, kind: MunicipalityKind, needle: str, polish: Callable[[str], None]
) -> None:
    problem = teryt_problem(code, kind)
    assert problem is not None
    assert needle in problem
    polish(problem)


def test_kind_given_as_plain_string() -> None:
    assert teryt_problem("3064", "city_county") is None  # type: ignore[arg-type]
    assert teryt_problem("3021", "city_county") is not None  # type: ignore[arg-type]


def test_wrong_code_on_create_and_update_changes_nothing(store: Store, rejects: Rejects) -> None:
    rejects("teryt", records.create, store, Municipality, name="G", kind="rural", teryt="3021051")
    rejects("teryt", records.create, store, Municipality, name="G", kind="county", teryt="30211")
    m = records.create(store, Municipality, name="Powiat", kind="county", teryt="3021")
    rejects("teryt", records.update, store, Municipality, m.id, teryt="3061")
    # Changing the kind re-checks the stored code.
    rejects("teryt", records.update, store, Municipality, m.id, kind="city_county")
    rejects("teryt", records.update, store, Municipality, m.id, kind="rural")
    updated = records.update(store, Municipality, m.id, kind="city_county", teryt="3064")
    assert (updated.kind, updated.teryt) == ("city_county", "3064")
    # No code at all is allowed.
    assert records.update(store, Municipality, m.id, teryt="  ").teryt is None


# -- property tests --------------------------------------------------------------


def _municipality(code: str, kind: MunicipalityKind) -> Municipality:
    return Municipality(name="G", kind=kind, teryt=code)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12), st.sampled_from(list(MunicipalityKind)))
def test_random_strings_never_crash(code: str, kind: MunicipalityKind) -> None:
    problem = teryt_problem(code, kind)
    digits = code.strip().isascii() and code.strip().isdigit()
    if problem is None:
        assert digits
    elif not digits:
        assert "cyfr" in problem  # the message says what a code is made of


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(categories=["Nd"]), min_size=4, max_size=7),
    st.sampled_from(list(MunicipalityKind)),
)
def test_digit_strings_of_any_script_never_crash(code: str, kind: MunicipalityKind) -> None:
    problem = teryt_problem(code, kind)
    if not code.isascii():
        assert problem is not None


@st.composite
def gmina_codes(draw: st.DrawFn) -> tuple[str, MunicipalityKind]:
    kind = draw(st.sampled_from(list(GMINA_KINDS)))
    voivodeship = draw(st.sampled_from(VOIVODESHIPS))
    county = draw(st.integers(1, 99))
    gmina = draw(st.integers(1, 99))
    return f"{voivodeship}{county:02d}{gmina:02d}{GMINA_KINDS[kind]}", kind


@st.composite
def county_codes(draw: st.DrawFn) -> tuple[str, MunicipalityKind]:
    voivodeship = draw(st.sampled_from(VOIVODESHIPS))
    if draw(st.booleans()):
        return f"{voivodeship}{draw(st.integers(1, 60)):02d}", MunicipalityKind.COUNTY
    return f"{voivodeship}{draw(st.integers(61, 99)):02d}", MunicipalityKind.CITY_COUNTY


@settings(max_examples=200, deadline=None)
@given(st.one_of(gmina_codes(), county_codes()))
def test_valid_generated_codes_are_accepted(case: tuple[str, MunicipalityKind]) -> None:
    code, kind = case
    assert teryt_problem(code, kind) is None
    validation.check_rules(_municipality(code, kind))  # the record rule agrees


@settings(max_examples=200, deadline=None)
@given(gmina_codes(), st.sampled_from(list(MunicipalityKind)))
def test_gmina_code_fits_only_its_own_kind(
    case: tuple[str, MunicipalityKind], kind: MunicipalityKind
) -> None:
    code, right_kind = case
    assert (teryt_problem(code, kind) is None) == (kind is right_kind)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="0123456789", min_size=2, max_size=2).filter(lambda w: w not in VOIVODESHIPS),
    st.one_of(gmina_codes(), county_codes()),
)
def test_unknown_voivodeship_is_refused(prefix: str, case: tuple[str, MunicipalityKind]) -> None:
    code, kind = case
    problem = teryt_problem(prefix + code[2:], kind)
    assert problem is not None and "województwa" in problem


@pytest.mark.parametrize("kind", list(MunicipalityKind))
def test_the_example_of_every_kind_passes_its_own_check(kind: MunicipalityKind) -> None:
    assert teryt.teryt_problem(teryt.example(kind), kind) is None
    assert len(teryt.example(kind)) == teryt.expected_length(kind)


def test_the_voivodeship_comes_from_the_first_two_digits() -> None:
    assert teryt.voivodeship_of("0615072") == "lubelskie"
    assert teryt.voivodeship_of("1261") == "małopolskie"
    assert teryt.voivodeship_of("99") is None
    assert teryt.voivodeship_of(None) is None
