"""Typed dates → stored values, at every precision, in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from app import i18n
from app.errors import UserError
from app.services.date_text import Precision, example, parse, pattern, show

DAY_INPUTS = [
    ("1.09.2026", date(2026, 9, 1)),
    ("1.9.2026", date(2026, 9, 1)),
    ("01.09.2026", date(2026, 9, 1)),
    ("1092026", date(2026, 9, 1)),
    ("01092026", date(2026, 9, 1)),
    ("010926", date(2026, 9, 1)),
    ("2026-09-01", date(2026, 9, 1)),
    ("20260901", date(2026, 9, 1)),
    ("1/9/2026", date(2026, 9, 1)),
    ("01/09/2026", date(2026, 9, 1)),
    ("  30.06.2027 ", date(2027, 6, 30)),
    ("30.06.2027.", date(2027, 6, 30)),
    ("15.06.2026", date(2026, 6, 15)),
    ("1. 09. 2026", date(2026, 9, 1)),
    ("29.02.2028", date(2028, 2, 29)),
    ("", None),
    ("   ", None),
]

BAD_DAYS = [
    "10920263006202715000",
    "31.02.2026",
    "29.02.2027",
    "1.13.2026",
    "0.09.2026",
    "jutro",
    "1.09",
    "12345",
    "2026-13-01",
    "1.09.202",
    "1.09.2026 30.06.2027",
]


@contextmanager
def in_english() -> Iterator[None]:
    i18n.set_language("en")
    try:
        yield
    finally:
        i18n.set_language("pl")


@pytest.fixture(params=["pl", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("pl")


@pytest.mark.parametrize(("typed", "stored"), DAY_INPUTS)
def test_typed_days_are_read_the_same_in_both_languages(
    language: str, typed: str, stored: date | None
) -> None:
    assert parse(typed) == stored


@pytest.mark.parametrize("typed", BAD_DAYS)
def test_unreadable_days_say_what_to_type(typed: str) -> None:
    with pytest.raises(UserError) as raised:
        parse(typed, label="Data rozpoczęcia")
    assert raised.value.message.startswith("Data rozpoczęcia: Nie rozpoznano daty")
    assert "01.09.2026" in raised.value.message


def test_unreadable_day_in_english_shows_the_english_form() -> None:
    with in_english(), pytest.raises(UserError) as raised:
        parse("31.02.2026")
    assert "01/09/2026" in raised.value.message
    assert "Nie rozpoznano" not in raised.value.message


@pytest.mark.parametrize("typed", ["1.09.1989", "1.01.2101", "1.9.1900"])
def test_days_outside_the_range_are_refused(typed: str) -> None:
    with pytest.raises(UserError, match="1990–2100"):
        parse(typed)


@pytest.mark.parametrize(
    ("precision", "typed", "stored"),
    [
        (Precision.MONTH, "9.2026", date(2026, 9, 1)),
        (Precision.MONTH, "09.2026", date(2026, 9, 1)),
        (Precision.MONTH, "092026", date(2026, 9, 1)),
        (Precision.MONTH, "2026-09", date(2026, 9, 1)),
        (Precision.MONTH, "09/2026", date(2026, 9, 1)),
        (Precision.QUARTER, "III kw. 2026", date(2026, 7, 1)),
        (Precision.QUARTER, "3 kw 2026", date(2026, 7, 1)),
        (Precision.QUARTER, "Q3 2026", date(2026, 7, 1)),
        (Precision.QUARTER, "2026-Q4", date(2026, 10, 1)),
        (Precision.SCHOOL_YEAR, "2026/2027", date(2026, 9, 1)),
        (Precision.SCHOOL_YEAR, "2026/27", date(2026, 9, 1)),
        (Precision.SCHOOL_YEAR, "2026", date(2026, 9, 1)),
        (Precision.YEAR, "2026", date(2026, 1, 1)),
    ],
)
def test_coarse_precisions(precision: Precision, typed: str, stored: date) -> None:
    assert parse(typed, precision) == stored


@pytest.mark.parametrize(
    ("precision", "typed"),
    [
        (Precision.MONTH, "13.2026"),
        (Precision.MONTH, "1.09.2026"),
        (Precision.QUARTER, "V kw. 2026"),
        (Precision.SCHOOL_YEAR, "2026/2028"),
        (Precision.YEAR, "26"),
    ],
)
def test_bad_coarse_values_are_refused(precision: Precision, typed: str) -> None:
    with pytest.raises(UserError, match="Nie rozpoznano"):
        parse(typed, precision)


@pytest.mark.parametrize(
    ("precision", "polish", "english"),
    [
        (Precision.DAY, "01.09.2026", "01/09/2026"),
        (Precision.MONTH, "09.2026", "09/2026"),
        (Precision.QUARTER, "III kw. 2026", "Q3 2026"),
        (Precision.SCHOOL_YEAR, "2026/2027", "2026/2027"),
        (Precision.YEAR, "2026", "2026"),
    ],
)
def test_one_form_per_language_reads_back(precision: Precision, polish: str, english: str) -> None:
    firsts = {Precision.QUARTER: date(2026, 7, 1), Precision.YEAR: date(2026, 1, 1)}
    day = firsts.get(precision, date(2026, 9, 1))
    assert show(day, precision) == polish
    assert parse(polish, precision) == day
    with in_english():
        assert show(day, precision) == english
        assert parse(english, precision) == day
    assert example(Precision.DAY) == "01.09.2026"


@pytest.mark.parametrize(
    ("precision", "polish", "english"),
    [
        (Precision.DAY, "dd.mm.rrrr", "dd/mm/yyyy"),
        (Precision.MONTH, "mm.rrrr", "mm/yyyy"),
        (Precision.QUARTER, "I–IV kw. rrrr", "Q1–Q4 yyyy"),
        (Precision.SCHOOL_YEAR, "rrrr/rrrr", "yyyy/yyyy"),
        (Precision.YEAR, "rrrr", "yyyy"),
    ],
)
def test_an_empty_field_shows_the_form_expected_not_a_date(
    precision: Precision, polish: str, english: str
) -> None:
    assert pattern(precision) == polish  # a grey 01.09.2026 read like a value already there
    with in_english():
        assert pattern(precision) == english
