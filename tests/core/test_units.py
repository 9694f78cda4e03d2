"""Numbers agree with their units: one helper for the PDFs and the window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app import units
from app.i18n import set_language

NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def _polish() -> Iterator[None]:
    set_language("pl")
    yield
    set_language("pl")


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (0, "osoby", "0 osób"),
        (1, "osoby", "1 osoba"),
        (3, "osoby", "3 osoby"),
        (600, "osoby", "600 osób"),
        (9, "placówki", "9 placówek"),
        (182, "uczniowie", "182 uczniowie"),  # 182 ends in 2: "few"
        (151, "uczniowie", "151 uczniów"),
        (12, "szkoły", "12 szkół"),
        (22, "szkoły", "22 szkoły"),
        (1, "oddziały", "1 oddział"),
        (2.5, "etaty", "2,5 etatu"),  # a fraction takes the genitive singular
        (1234, "Osób", "1 234 osoby"),  # any form, any case
        (65, "%", "65%"),
        (24.6, "zł", "24,6 zł"),
        (5, "pkt", "5 pkt"),
    ],
)
def test_polish_numbers_agree_with_their_units(value: float, unit: str, expected: str) -> None:
    # Babel groups thousands with a no-break space too.
    assert units.quantity(value, unit) == expected.replace(" ", NBSP)


def test_a_unit_not_in_the_catalogue_goes_after_a_colon() -> None:
    assert units.quantity(12, "godziny lekcyjne") == "godziny lekcyjne: 12"
    assert units.quantity(12, "  ") == "12"
    assert units.quantity(None, "osoby", empty="—") == "—"


def test_english_forms_and_numbers() -> None:
    set_language("en")
    assert units.quantity(1, "osoby") == f"1{NBSP}person"
    assert units.quantity(2.5, "osoby") == f"2.5{NBSP}people"
    assert units.quantity(1234, "szkoły") == f"1,234{NBSP}schools"
    assert units.quantity(3, "zł") == f"3{NBSP}PLN"


def test_counts_of_things() -> None:
    assert units.count(190, "person") == f"190{NBSP}osób"
    assert units.count(151, "pupil") == f"151{NBSP}uczniów"


def test_every_catalogue_unit_has_every_form_and_is_found_by_each() -> None:
    assert len(units.catalogue()) >= 20
    for unit in units.catalogue():
        pl, en = unit.forms["pl"], unit.forms["en"]
        assert set(pl) in ({"other"}, {"one", "few", "many", "other"}), unit.code
        assert set(en) in ({"other"}, {"one", "other"}), unit.code
        for form in (*pl.values(), *en.values()):
            assert units.find(form.upper()) is not None, form
        assert units.find(unit.label) is unit
    assert len(set(units.labels())) == len(units.labels())


@pytest.mark.parametrize(
    ("cents", "grosze", "polish", "english"),
    [
        (14_600_000, None, f"146{NBSP}000{NBSP}zł", f"146,000{NBSP}PLN"),
        (123_450, None, f"1{NBSP}234,50{NBSP}zł", f"1,234.50{NBSP}PLN"),
        (250_000, True, f"2{NBSP}500,00{NBSP}zł", f"2,500.00{NBSP}PLN"),
        (123_456, False, f"1{NBSP}235{NBSP}zł", f"1,235{NBSP}PLN"),
        (-5_000, None, f"-50{NBSP}zł", f"-50{NBSP}PLN"),
        (0, None, f"0{NBSP}zł", f"0{NBSP}PLN"),
    ],
)
def test_money_one_format_in_both_languages(
    cents: int, grosze: bool | None, polish: str, english: str
) -> None:
    assert units.money(cents, grosze=grosze) == polish
    set_language("en")
    assert units.money(cents, grosze=grosze) == english
