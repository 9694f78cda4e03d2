"""Days and moments in exchange-file previews and lists take the language's one date form."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app import i18n
from app.exchange import describe


@pytest.fixture(params=[("pl", "04.12.2026"), ("en", "04/12/2026")])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    code, day = request.param
    i18n.set_language(code)
    yield day
    i18n.set_language("pl")


def test_a_moment_shows_its_day_as_the_tables_do(language: str) -> None:
    local = datetime(2026, 12, 4, 12, 0, tzinfo=UTC).astimezone()
    shown = describe.moment(datetime(2026, 12, 4, 12, 0, tzinfo=UTC))
    assert shown == f"{language} {local:%H:%M}"


def test_a_stored_day_shows_as_the_tables_do(language: str) -> None:
    assert describe.show("advisory_visit", "visit_date", "2026-12-04") == language
