"""Meeting days in one form per language: the month written out, as in every other long date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from app import i18n
from app.reports.network_data import meeting_days


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("pl")


@pytest.mark.parametrize(
    ("first", "last", "shown"),
    [
        (date(2026, 12, 10), None, "10 grudnia 2026"),
        (date(2026, 1, 22), date(2026, 1, 23), "22–23 stycznia 2026"),
        (date(2026, 1, 31), date(2026, 2, 1), "31 stycznia – 1 lutego 2026"),
        (date(2026, 12, 31), date(2027, 1, 1), "31 grudnia 2026 – 1 stycznia 2027"),
    ],
)
def test_polish_meeting_days(first: date, last: date | None, shown: str) -> None:
    assert meeting_days(first, last) == shown


@pytest.mark.parametrize(
    ("first", "last", "shown"),
    [
        (date(2026, 12, 10), date(2026, 12, 10), "10 December 2026"),
        (date(2026, 1, 22), date(2026, 1, 23), "22–23 January 2026"),  # not "Jan"
        (date(2026, 1, 31), date(2026, 2, 1), "31 January – 1 February 2026"),
        (date(2026, 12, 31), date(2027, 1, 1), "31 December 2026 – 1 January 2027"),
    ],
)
def test_english_meeting_days_write_the_month_out(
    english: None, first: date, last: date | None, shown: str
) -> None:
    assert meeting_days(first, last) == shown
