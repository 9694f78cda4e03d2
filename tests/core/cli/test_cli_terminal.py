"""What the command line prints cannot drive the terminal: no escape sequences, no BEL,
no bidirectional overrides, and a lone surrogate does not crash the print."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .conftest import DB, Run

HOSTILE = "Gmina \x1b]0;przejęty terminal\x07Łąka\u202e"


def _rename(data_dir: Path, name: str) -> None:
    """As an older version (or a hand-edited file) could have stored it."""
    connection = sqlite3.connect(data_dir / DB)
    try:
        connection.execute("UPDATE municipality SET name = ?", (name,))
        connection.commit()
    finally:
        connection.close()


def test_list_strips_control_characters_from_names(cli: Run, filled: Path) -> None:
    _rename(filled, HOSTILE)
    outcome = cli("--data-dir", str(filled), "list")
    assert outcome.code == 0
    assert "Gmina ]0;przejęty terminalŁąka" in outcome.out
    for char in ("\x1b", "\x07", "\u202e"):
        assert char not in outcome.text


def test_search_snippets_are_printable(cli: Run, filled: Path) -> None:
    _rename(filled, HOSTILE)
    outcome = cli("--data-dir", str(filled), "search", "zolwie")
    assert outcome.code == 0 and "\x1b" not in outcome.text
