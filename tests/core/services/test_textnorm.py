"""Folding text for search: case and diacritics, Polish ``ł`` included."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.textnorm import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Łódź", "lodz"),
        ("ŁÓDŹ", "lodz"),
        ("łódź", "lodz"),
        ("ŻÓŁW", "zolw"),
        ("żółw", "zolw"),
        ("Zespół Szkół", "zespol szkol"),
        ("ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ", "acelnoszz acelnoszz"),
        ("Straße", "strasse"),
        ("Ǿresund Đakovo", "oresund dakovo"),
        ("ﬁlia", "filia"),
        ("", ""),
        ("plain ascii 123", "plain ascii 123"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_composed_and_decomposed_forms_fold_alike() -> None:
    word = "Żółć"
    assert fold(unicodedata.normalize("NFD", word)) == fold(unicodedata.normalize("NFC", word))


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_folding_twice_changes_nothing(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert not any(unicodedata.combining(ch) for ch in once)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄBCĆDEĘFGHIJKLŁMNŃOÓPRSŚTUWYZŹŻ .,-"))
def test_polish_text_keeps_its_length(text: str) -> None:
    """Positions in folded Polish text are positions in the original (for snippets)."""
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.isascii()
