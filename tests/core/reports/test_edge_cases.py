"""Documents at the edges: 300 actions, 5,000 characters, 400-character titles, 60 points, nothing.

No crash, nothing outside the page, every title still there, page numbers right.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.reports.hdr import build_hdr_pdf
from app.reports.monitoring import build_monitoring_pdf
from app.reports.plan import build_plan_pdf
from app.reports.visit import build_visit_pdf
from app.storage.store import Store

Read = Callable[..., Any]
Edge = Any  # conftest.Edge

PANGRAM = "Zażółć gęślą jaźń — ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż"


@pytest.fixture(scope="module")
def edge_pdfs(
    edge_store: Store, edge: Edge, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Path]]:
    folder = tmp_path_factory.mktemp("edge-pdf")
    yield {
        "big_plan": build_plan_pdf(edge_store, edge.big_plan_id, folder / "big_plan.pdf"),
        "empty_plan": build_plan_pdf(edge_store, edge.empty_plan_id, folder / "empty_plan.pdf"),
        "long_hdr": build_hdr_pdf(edge_store, edge.long_hdr_id, folder / "long_hdr.pdf"),
        "empty_hdr": build_hdr_pdf(edge_store, edge.empty_hdr_id, folder / "empty_hdr.pdf"),
        "full_visit": build_visit_pdf(edge_store, edge.full_visit_id, folder / "full_visit.pdf"),
        "empty_visit": build_visit_pdf(edge_store, edge.empty_visit_id, folder / "empty_visit.pdf"),
        "monitoring": build_monitoring_pdf(
            edge_store, edge.municipality_id, folder / "monitoring.pdf"
        ),
    }


DOCUMENTS = (
    "big_plan",
    "empty_plan",
    "long_hdr",
    "empty_hdr",
    "full_visit",
    "empty_visit",
    "monitoring",
)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_nothing_lies_outside_the_page(
    name: str, edge_pdfs: dict[str, Path], read_pdf: Read
) -> None:
    assert read_pdf(edge_pdfs[name]).text_outside_page() == []


@pytest.mark.parametrize("name", DOCUMENTS)
def test_page_numbers_run_from_one_to_the_total(
    name: str, edge_pdfs: dict[str, Path], read_pdf: Read
) -> None:
    pdf = read_pdf(edge_pdfs[name])
    total = len(pdf.pages)
    numbered = [f"Strona {n} z {total}" in text for n, text in enumerate(pdf.pages, 1)]
    has_cover = name in ("big_plan", "empty_plan", "monitoring")
    # The cover carries no page number; the pages after it count it all the same.
    assert numbered == [not has_cover] + [True] * (total - 1)


def test_a_draft_plan_says_projekt_on_every_page_after_the_cover(
    edge_pdfs: dict[str, Path], read_pdf: Read
) -> None:
    pages = read_pdf(edge_pdfs["big_plan"]).pages
    assert all("— projekt" in page for page in pages[1:])


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_municipality_and_every_polish_capital_survive(
    name: str, edge_pdfs: dict[str, Path], read_pdf: Read, embedded: Callable[..., bool]
) -> None:
    pdf = read_pdf(edge_pdfs[name])
    assert pdf.mentions("Gmina Źródła Łąkowe")
    assert "\u25a0" not in pdf.text and "\ufffd" not in pdf.text
    assert all(embedded(font) for font in pdf.fonts())


@pytest.mark.parametrize("name", ["big_plan", "long_hdr", "full_visit", "monitoring"])
def test_the_pangram_comes_back_letter_for_letter(
    name: str, edge_pdfs: dict[str, Path], read_pdf: Read
) -> None:
    assert read_pdf(edge_pdfs[name]).contains(PANGRAM)


def test_a_300_action_plan_has_every_goal_and_action(
    edge: Edge, edge_pdfs: dict[str, Path], read_pdf: Read
) -> None:
    pdf = read_pdf(edge_pdfs["big_plan"])
    assert len(edge.action_titles) == 300
    titles = (*edge.goal_titles, *edge.action_titles)
    assert [t for t in titles if not pdf.contains(t)] == []
    assert len(pdf.pages) >= 45  # 300 action cards


def test_a_5000_character_description_is_printed_whole(
    edge_pdfs: dict[str, Path], read_pdf: Read
) -> None:
    description = ("Opis działania, który ciągnie się przez wiele stron. " * 100)[:5000]
    assert read_pdf(edge_pdfs["big_plan"]).contains(description)


def test_a_word_longer_than_its_column_is_broken_not_cut(
    edge_pdfs: dict[str, Path], read_pdf: Read
) -> None:
    assert read_pdf(edge_pdfs["big_plan"]).contains("https://example.org/" + "ż" * 300)


def test_an_empty_plan_says_so(edge_pdfs: dict[str, Path], read_pdf: Read) -> None:
    pdf = read_pdf(edge_pdfs["empty_plan"])
    assert pdf.contains("Plan nie ma jeszcze celów strategicznych.")
    assert pdf.contains("Diagnoza nie została jeszcze opisana.")
    assert pdf.contains("Plan nie ma jeszcze wskaźników.")


def test_a_long_hdr_splits_its_gantt_chart_and_lists_every_item(
    edge_pdfs: dict[str, Path], read_pdf: Read
) -> None:
    pdf = read_pdf(edge_pdfs["long_hdr"])
    assert pdf.contains("Działanie (cd.)")  # the chart's axis repeated on the next page
    for number in range(60):
        if number != 3:
            assert pdf.contains(f"Pozycja HDR {number} — żółw"), number
    assert pdf.contains(("Opis działania, który ciągnie się przez wiele stron. " * 100)[:2000])
    assert pdf.contains("Pozycje bez przypisanego priorytetu")


def test_an_empty_hdr_and_an_empty_visit_say_so(edge_pdfs: dict[str, Path], read_pdf: Read) -> None:
    assert read_pdf(edge_pdfs["empty_hdr"]).contains("Harmonogram nie ma jeszcze pozycji.")
    visit = read_pdf(edge_pdfs["empty_visit"])
    assert visit.contains("Podczas wizyty nie sformułowano zaleceń.")
    assert visit.contains("Nie wpisano uczestników.")


def test_sixty_measurements_and_a_crowded_risk_cell(
    edge_pdfs: dict[str, Path], read_pdf: Read
) -> None:
    pdf = read_pdf(edge_pdfs["monitoring"])
    assert pdf.contains("Wskaźnik z 60 pomiarami")
    assert pdf.contains("ryzyka: 9")  # nine risks in one cell: counted, not crammed
