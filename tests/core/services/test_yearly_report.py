"""The yearly report's arrangement (order, switches, comments), its deadline and readiness."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.changes import Change
from app.errors import UserError
from app.model import Municipality, YearlyReportChapter
from app.reports.yearly.chapters import KEYS
from app.services import records, yearly_report
from app.storage.store import Store


@pytest.fixture
def municipality(store: Store) -> str:
    return records.create(store, Municipality, name="Gmina Próbna", kind="rural").id


def _rows(store: Store) -> list[YearlyReportChapter]:
    with store.session() as session:
        return list(session.scalars(select(YearlyReportChapter)))


def test_the_default_is_every_chapter_in_order_and_nothing_stored(
    store: Store, municipality: str
) -> None:
    chosen = yearly_report.choices(store, municipality, 2025)
    assert [c.key for c in chosen] == list(KEYS)
    assert all(c.enabled and c.comment == "" for c in chosen)
    assert _rows(store) == []


def test_switch_order_and_comment_are_kept_per_school_year(store: Store, municipality: str) -> None:
    changes: list[Change] = []
    store.changes.subscribe(changes.append)
    assert yearly_report.set_enabled(store, municipality, 2025, "finance", False) is True
    order = list(reversed(KEYS))
    before = yearly_report.set_order(store, municipality, 2025, order)
    assert before == list(KEYS)
    assert yearly_report.set_comment(store, municipality, 2025, "exams", "Dobre wyniki.") == ""
    chosen = yearly_report.choices(store, municipality, 2025)
    assert [c.key for c in chosen] == order
    assert {c.key: c.enabled for c in chosen}["finance"] is False
    assert {c.key: c.comment for c in chosen}["exams"] == "Dobre wyniki."
    # Another school year is untouched.
    assert [c.key for c in yearly_report.choices(store, municipality, 2024)] == list(KEYS)
    assert {c.record_type for c in changes} == {"yearly_report_chapter"}
    assert len(_rows(store)) == len(KEYS)  # one row per chapter, made once


def test_bad_input_is_refused_and_nothing_saved(store: Store, municipality: str) -> None:
    with pytest.raises(UserError):
        yearly_report.set_enabled(store, municipality, 2025, "nonsense", False)
    with pytest.raises(UserError, match="każdy rozdział"):
        yearly_report.set_order(store, municipality, 2025, ["exams", "exams"])
    with pytest.raises(UserError, match="Komentarz"):
        yearly_report.set_comment(store, municipality, 2025, "exams", "x" * 200_000)
    with pytest.raises(UserError, match="Rok szkolny"):
        yearly_report.set_comment(store, municipality, 1900, "exams", "tekst")
    with pytest.raises(UserError):
        yearly_report.set_comment(store, "no-such-id", 2025, "exams", "tekst")
    assert _rows(store) == []


@pytest.mark.parametrize(
    ("text", "year"), [("2025/2026", 2025), (" 2025 ", 2025), ("2024/2025", 2024)]
)
def test_school_years_are_read_as_typed(text: str, year: int) -> None:
    assert yearly_report.parse_school_year(text) == year


@pytest.mark.parametrize("text", ["", "2025/2027", "dwa tysiące", "2025-2026", "99999999999"])
def test_bad_school_years_are_refused_in_polish(text: str) -> None:
    with pytest.raises(UserError) as error:
        yearly_report.parse_school_year(text)
    assert error.value.field == "school_year"


def test_the_deadline_and_the_year_due() -> None:
    assert yearly_report.report_year(date(2026, 10, 4)) == 2025
    assert yearly_report.report_year(date(2026, 8, 31)) == 2024
    assert yearly_report.deadline(2025) == date(2026, 10, 31)


def test_the_overview_line(demo_store: Store) -> None:
    from app.demo import demo_municipality_id

    m = demo_municipality_id()
    status = yearly_report.status(demo_store, m, date(2026, 10, 4))
    assert status.text.replace("\u00a0", " ") == (
        "Informacja za 2025/2026: termin 31.10.2026 (za 27 dni) — rozdziały gotowe 10 z 10"
    )
    assert status.missing == []
    yearly_report.set_enabled(demo_store, m, 2025, "staff", False)
    later = yearly_report.status(demo_store, m, date(2026, 11, 1))
    assert later.text.replace("\u00a0", " ").endswith(
        "(minął 1 dzień temu) — rozdziały gotowe 9 z 9"
    )


def test_the_overview_line_in_english_shows_the_deadline_as_tables_do(demo_store: Store) -> None:
    from app import i18n
    from app.demo import demo_municipality_id

    i18n.set_language("en")
    try:
        status = yearly_report.status(demo_store, demo_municipality_id(), date(2026, 10, 4))
        assert "31/10/2026" in status.text  # not "31 Oct 2026" beside 31/10/2026 in tables
    finally:
        i18n.set_language("pl")


def test_missing_data_are_named_and_not_ready(store: Store, municipality: str) -> None:
    status = yearly_report.status(store, municipality, date(2026, 9, 30))
    assert status.ready == 2  # the legal basis and the conclusions need no data
    assert status.total == len(KEYS)
    assert "Brak danych o liczbie uczniów za rok szkolny 2025/2026." in status.missing
    assert (
        "Brak danych o wynikach egzaminu ósmoklasisty za rok szkolny 2025/2026." in status.missing
    )


def test_a_school_year_not_yet_started_is_refused(store: Store, municipality: str) -> None:
    with pytest.raises(UserError, match="jeszcze się nie rozpoczął"):
        yearly_report.report_data(store, municipality, 2030, date(2026, 12, 3))


def test_every_chapter_switched_off_is_refused(store: Store, municipality: str) -> None:
    for key in KEYS:
        yearly_report.set_enabled(store, municipality, 2025, key, False)
    with pytest.raises(UserError, match="co najmniej jeden"):
        yearly_report.report_data(store, municipality, 2025, date(2026, 10, 1))


def test_the_overview_line_shows_the_deadline_as_every_date_of_the_window(
    demo_store: Store,
) -> None:
    from app import i18n
    from app.demo import demo_municipality_id

    i18n.set_language("en")
    try:
        status = yearly_report.status(demo_store, demo_municipality_id(), date(2026, 10, 4))
        assert "due 31/10/2026 (" in status.text
    finally:
        i18n.set_language("pl")
