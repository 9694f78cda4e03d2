"""The meeting report and the network summary, read back: content, letters, fonts, pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.demo_networks import _id, demo_network_data, network_id
from app.errors import UserError
from app.reports import network_export
from app.services import networks
from app.storage.store import Store

Read = Callable[..., Any]
NAME = demo_network_data()["network"]["name"]


@pytest.fixture(scope="module")
def pdfs(demo_ro: Store, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("network-pdf")
    return {
        "network": network_export.export(demo_ro, "network", NAME, output=folder / "n.pdf"),
        "meeting": network_export.export(
            demo_ro, "meeting", network_id(), record_id=_id("meeting", "m3"),
            output=folder / "m.pdf",
        ),
    }  # fmt: skip


@pytest.mark.parametrize("kind", ["network", "meeting"])
def test_fonts_letters_pages_and_metadata(
    kind: str, pdfs: dict[str, Path], read_pdf: Read, embedded: Callable[..., bool]
) -> None:
    pdf = read_pdf(pdfs[kind])
    assert "\u25a0" not in pdf.text and "\ufffd" not in pdf.text
    assert [letter for letter in "ąęłóśż" if letter not in pdf.text] == []
    for number, text in enumerate(pdf.pages, start=1):
        assert f"Strona {number} z {len(pdf.pages)}" in text
    for font in pdf.fonts():
        assert embedded(font), font.get("/BaseFont")
    assert pdf.metadata["/Author"] == NAME
    assert pdf.text_outside_page() == []


def test_meeting_report_content(pdfs: dict[str, Path], read_pdf: Read) -> None:
    pdf = read_pdf(pdfs["meeting"])
    for wanted in (
        "Sprawozdanie ze spotkania Grupy Wymiany Doświadczeń",
        "16–17 kwietnia 2026",
        "Kutno, Starostwo Powiatowe",
        "Uczestnicy według JST",
        "Program spotkania",
        "Wnioski",
        "Ustalone kolejne kroki",
        "Lista obecności",
        "Podpis",
        "10 osób z 5 JST",  # Dzierżoniów was absent
        "koordynator",
    ):
        assert pdf.mentions(wanted), wanted


def test_network_summary_content(pdfs: dict[str, Path], read_pdf: Read) -> None:
    pdf = read_pdf(pdfs["network"])
    for wanted in (
        "Podsumowanie pracy sieci",
        "Członkowie sieci",
        "miasto na prawach powiatu",
        "355 000",
        "Obecność JST na spotkaniach",
        "Piknik Naukowy",
        "4 spotkania",
        "6 praktyk",
        "(planowane)",
    ):
        assert pdf.mentions(wanted), wanted


def test_an_empty_network_still_makes_a_summary(
    store: Store, tmp_path: Path, read_pdf: Read
) -> None:
    network = networks.create_network(
        store, name="Sieć pusta", kind="thematic", period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )  # fmt: skip
    path = network_export.export(store, "network", network.id, output=tmp_path / "e.pdf")
    pdf = read_pdf(path)
    assert pdf.mentions("Sieć nie ma jeszcze członków")
    assert pdf.mentions("Sieć nie odbyła jeszcze spotkań")
    with pytest.raises(UserError, match="żadnego spotkania"):
        network_export.export(store, "meeting", network.id, output=tmp_path / "m.pdf")
    assert not (tmp_path / "m.pdf").exists()
