"""Terms at the precision a plan states them, recurring tasks, and bad terms."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import UserError
from app.model import TermPrecision
from app.services import terms


@pytest.mark.parametrize(
    ("typed", "start", "end", "precision", "shown"),
    [
        ("15.03.2025", date(2025, 3, 15), date(2025, 3, 15), "day", "15.03.2025"),
        ("03.2025", date(2025, 3, 1), date(2025, 3, 31), "month", "03.2025"),
        ("02.2028", date(2028, 2, 1), date(2028, 2, 29), "month", "02.2028"),
        ("III kw. 2025", date(2025, 7, 1), date(2025, 9, 30), "quarter", "III kw. 2025"),
        ("3 kw 2025", date(2025, 7, 1), date(2025, 9, 30), "quarter", "III kw. 2025"),
        ("2025/2026", date(2025, 9, 1), date(2026, 8, 31), "school_year", "2025/2026"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "year", "2025"),
        (
            "I kw. 2025 – IV kw. 2026",
            date(2025, 1, 1),
            date(2026, 12, 31),
            "quarter",
            "I kw. 2025 – IV kw. 2026",
        ),
    ],
)
def test_a_term_reads_and_prints_at_its_precision(
    typed: str, start: date, end: date, precision: str, shown: str
) -> None:
    term = terms.parse(typed)
    assert term is not None
    assert (term.start, term.end, term.precision) == (start, end, TermPrecision(precision))
    assert terms.label(term.start, term.end, term.precision, term.recurring) == shown


def test_a_recurring_task_shows_each_occurrence() -> None:
    term = terms.parse("corocznie, IV kw. 2025–2030")
    assert term is not None and term.recurring
    assert (term.start, term.end) == (date(2025, 10, 1), date(2030, 12, 31))
    assert terms.label(term.start, term.end, term.precision, True) == "corocznie, IV kw. 2025–2030"
    found = terms.occurrences(term.start, term.end, term.precision, True)
    assert len(found) == 6
    assert found[0] == (date(2025, 10, 1), date(2025, 12, 31))
    assert found[-1] == (date(2030, 10, 1), date(2030, 12, 31))


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("5 kw. 2025", "od I do IV"),
        ("V kw. 2025", "od I do IV"),
        ("13.2025", "od 1 do 12"),
        ("31.02.2025", "Nie ma takiego dnia"),
        ("2025/2027", "dwa kolejne lata"),
        ("2026 – 2025", "wcześniejszy"),
        ("03.2025 – 2026", "tą samą dokładnością"),
        ("3000", "spoza zakresu"),
        ("wkrótce", "Nie rozpoznano"),
        ("corocznie, IV kw. 2025", "ostatni rok"),
    ],
)
def test_a_bad_term_gets_a_polish_message(typed: str, words: str) -> None:
    with pytest.raises(UserError) as caught:
        terms.parse(typed)
    assert words in caught.value.message
    assert caught.value.field == "term"


def test_no_term() -> None:
    assert terms.parse("  ") is None
    assert terms.label(None, None, "day", False) == ""


@pytest.mark.parametrize(
    ("start", "end", "precision", "english"),
    [
        (date(2024, 9, 1), date(2027, 6, 30), TermPrecision.DAY, "01/09/2024 – 30/06/2027"),
        (date(2024, 10, 1), date(2025, 12, 31), TermPrecision.MONTH, "10/2024 – 12/2025"),
    ],
)
def test_english_terms_use_the_windows_date_format_and_read_back(
    start: date, end: date, precision: TermPrecision, english: str
) -> None:
    from app import i18n

    i18n.set_language("en")
    try:
        assert terms.label(start, end, precision, False) == english
        assert terms.parse(english) == terms.Term(start, end, precision)
    finally:
        i18n.set_language("pl")
    assert terms.label(start, end, precision, False) == english.replace("/", ".")
