"""The four documents of the demo municipality, read back: text, letters, pages, fonts, metadata."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.reports import queries
from app.reports.export import KINDS, export
from app.services import plans, schedules
from app.storage.store import Store

Read = Callable[..., Any]


@pytest.fixture(scope="module")
def demo_pdfs(
    demo_ro: Store, demo_id: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The demo's four documents, written once for this module."""
    folder = tmp_path_factory.mktemp("pdf")
    return {kind: export(demo_ro, kind, demo_id, output=folder / f"{kind}.pdf") for kind in KINDS}


@pytest.fixture
def demo_pdf(demo_pdfs: dict[str, Path]) -> Callable[[str], Path]:
    return demo_pdfs.__getitem__


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_document_names_the_municipality_and_keeps_polish_letters(
    kind: str, demo_pdf: Callable[[str], Path], read_pdf: Read
) -> None:
    pdf = read_pdf(demo_pdf(kind))
    assert pdf.mentions("Gmina Zielonki Wielkie")
    assert "\u25a0" not in pdf.text and "\ufffd" not in pdf.text
    assert pdf.mentions("Plan Oświaty")  # in every footer
    # The demo's text uses every Polish lower-case letter (capitals: see the edge tests).
    letters = "ąćęłńóśźż" if kind in ("plan", "monitoring") else "ąęłóśż"
    assert [letter for letter in letters if letter not in pdf.text] == []


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_page_says_which_of_how_many(
    kind: str, demo_pdf: Callable[[str], Path], read_pdf: Read
) -> None:
    pdf = read_pdf(demo_pdf(kind))
    total = len(pdf.pages)
    for number, text in enumerate(pdf.pages, start=1):
        assert f"Strona {number} z {total}" in text


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_font_is_embedded_and_none_is_a_base14_font(
    kind: str, demo_pdf: Callable[[str], Path], read_pdf: Read, embedded: Callable[..., bool]
) -> None:
    found = read_pdf(demo_pdf(kind)).fonts()
    assert found
    for font in found:
        assert embedded(font), font.get("/BaseFont")
        assert "Helvetica" not in str(font.get("/BaseFont"))


@pytest.mark.parametrize("kind", list(KINDS))
def test_metadata_says_title_author_subject(
    kind: str, demo_pdf: Callable[[str], Path], read_pdf: Read
) -> None:
    meta = read_pdf(demo_pdf(kind)).metadata
    assert meta["/Author"] == "Gmina Zielonki Wielkie"
    assert meta["/Title"]
    assert "Zielonki" in meta["/Subject"]
    assert "/Keywords" in meta and "/CreationDate" in meta


@pytest.mark.parametrize("kind", list(KINDS))
def test_no_text_lies_outside_the_page(
    kind: str, demo_pdf: Callable[[str], Path], read_pdf: Read
) -> None:
    assert read_pdf(demo_pdf(kind)).text_outside_page() == []


def test_the_plan_has_every_goal_and_action_title(
    demo_ro: Store, demo_id: str, demo_pdf: Callable[[str], Path], read_pdf: Read
) -> None:
    pdf = read_pdf(demo_pdf("plan"))
    tree = plans.tree(demo_ro, queries.newest_plan_id(demo_ro, demo_id))
    titles = [n.goal.title for n in tree]
    titles += [o.objective.title for n in tree for o in n.objectives]
    titles += [a.title for n in tree for o in n.objectives for a in o.actions]
    assert len(titles) > 30
    missing = [t for t in titles if not pdf.contains(t)]
    assert missing == []


def test_the_plan_has_contents_with_page_numbers(
    demo_pdf: Callable[[str], Path], read_pdf: Read
) -> None:
    pdf = read_pdf(demo_pdf("plan"))
    # The numbers are drawn last (once known), so read the page as laid out.
    contents = pdf.reader.pages[1].extract_text(extraction_mode="layout")
    assert "Spis treści" in contents
    lines = [" ".join(line.split()) for line in contents.splitlines()]
    for heading in (
        "1. Wprowadzenie",
        "2. Diagnoza",
        "4. Problemy",
        "7. Finansowanie",
        "9. Konsultacje",
        "12. Zespół JST",
    ):
        line = next(line for line in lines if line.startswith(heading))
        printed = int(line.split()[-1])
        assert heading in pdf.pages[printed - 1], (heading, printed)


def test_the_hdr_lists_every_item_on_landscape_pages(
    demo_ro: Store, demo_id: str, demo_pdf: Callable[[str], Path], read_pdf: Read
) -> None:
    pdf = read_pdf(demo_pdf("hdr"))
    page = pdf.reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    items = schedules.items(demo_ro, queries.newest_schedule_id(demo_ro, demo_id))
    assert items
    assert [i.action for i in items if not pdf.contains(i.action)] == []
    assert pdf.contains("Wykres Gantta") and pdf.contains("Cykl doradczy")


def test_the_monitoring_report_covers_notes_risks_and_recommendations(
    demo_ro: Store, demo_id: str, tmp_path: Path, read_pdf: Read
) -> None:
    from datetime import date

    data = queries.monitoring_data(demo_ro, demo_id, date(2025, 9, 1), date(2026, 8, 31))
    target = export(
        demo_ro, "monitoring", "zielonki", date_from=date(2025, 9, 1),
        date_to=date(2026, 8, 31), output=tmp_path / "m.pdf",
    )  # fmt: skip
    pdf = read_pdf(target)
    assert data.notes and data.risks and data.recommendations
    assert [n.title for n in data.notes if n.title and not pdf.contains(n.title)] == []
    assert [r.title for r in data.risks if not pdf.contains(r.title)] == []
    assert [
        r.recommendation.text
        for r in data.recommendations
        if not pdf.contains(r.recommendation.text)
    ] == []
    assert pdf.contains("1 września 2025 – 31 sierpnia 2026")
    assert pdf.contains("Prawdopodobieństwo") and pdf.contains("Wpływ")


def test_the_visit_protocol_fits_two_pages_with_room_to_sign(
    demo_ro: Store, demo_id: str, demo_pdf: Callable[[str], Path], read_pdf: Read
) -> None:
    pdf = read_pdf(demo_pdf("visit"))
    assert len(pdf.pages) <= 2
    visit = queries.visit_data(demo_ro, queries.newest_visit_id(demo_ro, demo_id))
    assert [r.text for r in visit.recommendations if not pdf.contains(r.text)] == []
    assert pdf.contains("data i czytelny podpis")
    assert pdf.contains(visit.visit.advisor)
