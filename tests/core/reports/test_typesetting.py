"""Polish typesetting, read back with ``pdftotext -layout``: no one-letter word at a line's
end, no number cut from its unit or abbreviation."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from app.reports.export import KINDS
from app.reports.typeset import NBSP, typeset

Documents = Callable[[str, str], Path]

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

ONE_LETTER_AT_END = re.compile(r"\s[aiouwzAIOUWZ]$")  # a lone letter is a column (I, II)
# A number or an abbreviation that needs one, ending a column's line …
NUMBER_AT_END = re.compile(r"(?:^|\s)(?:\d[\d\s,.]*|nr|pkt|mln|mld|tys\.|§)$")
# … and a unit or word starting the next line.
UNIT_AT_START = re.compile(r"^(?:zł|mln|mld|tys\.|r\.|%|pkt|os[oó]b|szk[oó]ł|ucz|plac)")


# A date ending a column's line ("12.03.2025", "12 Mar 2025") is whole, not a cut number.
DATE_AT_END = re.compile(r"\d{1,2}(?:\.\d{1,2}\.| [^\W\d]+ )\d{4}$")


def _columns(line: str) -> list[tuple[int, str]]:
    """The pieces of a layout line separated by wide gaps, with where they start."""
    return [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]


def problems(layout: str) -> list[str]:
    found: list[str] = []
    lines = layout.splitlines()
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        for start, piece in _columns(line):
            if ONE_LETTER_AT_END.search(piece):
                found.append(f"one-letter word at line end: {piece[-40:]!r}")
            if NUMBER_AT_END.search(piece) and not DATE_AT_END.search(piece):
                below = following[start : start + 60].lstrip()
                if UNIT_AT_START.match(below) and not re.fullmatch(r"[\d\s,.%]+", piece):
                    found.append(f"number cut from its unit: {piece[-30:]!r} / {below[:20]!r}")
    return found


def _layout(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_no_one_letter_word_ends_a_line_and_no_number_loses_its_unit(
    kind: str, language: str, demo_documents: Documents
) -> None:
    assert problems(_layout(demo_documents(kind, language))) == []


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("kind", ["network", "meeting", "monitoring-period"])
def test_the_network_meeting_and_period_documents_keep_the_rules_too(
    kind: str, language: str, more_documents: Documents
) -> None:
    assert problems(_layout(more_documents(kind, language))) == []


def test_the_checker_finds_what_it_looks_for() -> None:
    assert problems("Spotkanie w\ndomu") != []
    assert problems("Budżet 24,6\nmln zł") != []
    assert problems("Budżet 24,6 mln\nzł") != []
    assert problems("Spotkanie w domu\ni w szkole") == []


def test_typeset_joins_one_letter_words_and_numbers_but_leaves_tags_alone() -> None:
    assert typeset("Plan w gminie i w szkole") == f"Plan w{NBSP}gminie i{NBSP}w{NBSP}szkole"
    assert typeset("24,6 mln zł w 2028 r., nr 2") == (
        f"24,6{NBSP}mln{NBSP}zł w{NBSP}2028{NBSP}r., nr{NBSP}2"
    )
    assert typeset("<font size='7.5' color='#4A4F57'>a</font>") == (
        "<font size='7.5' color='#4A4F57'>a</font>"
    )
    assert typeset("kawa z mlekiem") == f"kawa z{NBSP}mlekiem"
    assert typeset("") == ""
