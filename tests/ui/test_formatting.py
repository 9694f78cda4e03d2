"""The window formats money and numbers with the documents' one helper (app.units)."""

from __future__ import annotations

from app.reports.values import money, number
from ui.formatting import show, show_money, show_number


def test_the_window_and_the_documents_write_amounts_and_numbers_alike() -> None:
    """Before, the window wrote "2500,00 zł" (Qt's grouping) and a PDF "2 500 zł"."""
    for cents in (0, 99, 250_000, 14_600_000, 123_450):
        assert show_money(cents) == money(cents, grosze=True)
        assert show(cents) == number(cents)
    for value in (2500, 1234.5, 0.25, 12_500_000):
        assert show_number(value) == number(value)
    assert show_number(0.123456) == "0,123456"  # the window keeps what was measured
    assert number(0.123456) == "0,12"  # a document rounds
    assert show_money(None) == "" and money(None) == "—"


def test_rich_text_escaping_does_what_html_escape_does_for_text() -> None:
    import html

    from ui.formatting import escape

    for text in ("Szkoła <Podstawowa> & Gimnazjum", "a&amp;b", "", "„cudzysłów” 'i' \"te\""):
        assert escape(text) == html.escape(text, quote=False)
