"""The four documents of the demo municipality, read back: text, letters, pages, fonts, metadata."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

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
        if number == 1 and kind in ("plan", "monitoring"):
            assert "Strona" not in text  # the cover carries no page number
        else:
            assert f"Strona {number} z {total}" in text
        # The demo plan is adopted, not a draft.
        assert "— projekt" not in text


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_xmp_metadata_names_title_and_language_and_bookmarks_open(
    kind: str, language: str, demo_documents: Callable[[str, str], Path]
) -> None:
    reader = PdfReader(str(demo_documents(kind, language)))
    root = reader.trailer["/Root"]
    assert root["/PageMode"] == "/UseOutlines"
    assert root["/Lang"] == ("en-GB" if language == "en" else "pl-PL")
    assert "/MarkInfo" not in root and "/StructTreeRoot" not in root  # not claimed as tagged
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": reader.metadata.title}
    assert xmp.dc_language == [root["/Lang"]]
    assert xmp.xmp_creator_tool.startswith("Plan Oświaty")


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
    page = next(i for i, text in enumerate(pdf.pages) if "Spis treści" in text)
    assert page == 2  # after the cover and the executive summary
    contents = pdf.reader.pages[page].extract_text(extraction_mode="layout")
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
    # Two pages and the signatures; the review of eight earlier recommendations takes room.
    assert len(pdf.pages) <= 3
    visit = queries.visit_data(demo_ro, queries.newest_visit_id(demo_ro, demo_id))
    assert [r.text for r in visit.recommendations if not pdf.contains(r.text)] == []
    assert pdf.contains("data i czytelny podpis")
    signing = next(page for page in pdf.pages if "Podpisy" in page)
    # The advisor's name is printed under the line; the JST's is printed by hand.
    assert visit.visit.advisor in signing and "imię i nazwisko (drukiem)" in signing
    # Every page's header says which visit and when.
    assert all("Protokół z wizyty doradczej nr 3 · 20 maja 2026" in p for p in pdf.pages)


def test_the_visit_protocol_reviews_earlier_recommendations(
    demo_ro: Store, demo_id: str, demo_pdf: Callable[[str], Path], read_pdf: Read
) -> None:
    pdf = read_pdf(demo_pdf("visit"))
    visit = queries.visit_data(demo_ro, queries.newest_visit_id(demo_ro, demo_id))
    assert len(visit.earlier) >= 5
    assert all(v.visit_date < visit.visit.visit_date for v, _ in visit.earlier)
    assert [r.text for _, r in visit.earlier if not pdf.contains(r.text)] == []
    assert pdf.contains("Realizacja wcześniejszych zaleceń")
    assert pdf.contains("wykonane") and pdf.contains("zaniechane")
    assert pdf.contains("DORADZTWO W SIEDZIBIE JST")  # the demo's place is the town hall


@pytest.mark.parametrize(
    ("place", "kind"),
    [
        ("Urząd Miasta i Gminy, sala 12", "Doradztwo w siedzibie JST"),
        ("SP nr 2 w Olszynce", "Doradztwo w szkole"),
        ("spotkanie online (Teams)", "Doradztwo online"),
        ("", "Wizyta doradcza"),
        (None, "Wizyta doradcza"),
    ],
)
def test_the_place_says_what_kind_of_visit_it_was(place: str | None, kind: str) -> None:
    from app.reports.visit import advisor_name, place_kind

    assert place_kind(place) == kind
    assert advisor_name("Doradca") == "" and advisor_name(" dr Ewa ") == "dr Ewa"


def test_content_an_advisor_expects(
    demo_documents: Callable[[str, str], Path], read_pdf: Read
) -> None:
    monitoring = read_pdf(demo_documents("monitoring", "pl"))
    assert "Sporządził(a)" in monitoring.pages[-1] and "Zatwierdził(a)" in monitoring.pages[-1]
    hdr = read_pdf(demo_documents("hdr", "pl"))
    assert hdr.contains("Zasoby razem: budżet")
    plan = read_pdf(demo_documents("plan", "pl"))
    assert plan.contains("źródło danych:") and plan.contains("pomiar co 12 mies.")
    # The SWOT's four quarters are on one page.
    swot = [p for p in plan.pages if "Mocne strony" in p and "Zagrożenia" in p]
    assert swot


def test_chapters_get_more_room_above_than_sections() -> None:
    from app.reports.styles import styles

    s = styles()
    assert s.h1.spaceBefore > s.h2.spaceBefore > s.h3.spaceBefore


def test_the_hdr_progress_table_does_not_say_zrealizowane_and_zrealizowano(
    demo_documents: Callable[[str, str], Path], read_pdf: Read
) -> None:
    for kind in ("hdr", "monitoring"):
        pdf = read_pdf(demo_documents(kind, "pl"))
        assert pdf.contains("% wykonania") and not pdf.contains("zrealizowano")
