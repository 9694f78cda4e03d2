"""The month field of the HDR forms is the one date editor: the same typing, read as a month.

The typed-date table for days (forms, table cells, dialogs) is in
tests/ui/test_date_entry.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app import i18n
from ui.forms.month_form import MonthEditor


@pytest.fixture(params=["pl", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("pl")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("9.2026", date(2026, 9, 1)), ("092026", date(2026, 9, 1)), ("2026-09", date(2026, 9, 1))],
)
def test_month_precision(qtbot: Any, language: str, typed: str, stored: date) -> None:
    editor = MonthEditor()  # the HDR's month fields
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor, typed)
    with qtbot.waitSignal(editor.committed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.value() == stored
    assert editor.text() == ("09.2026" if language == "pl" else "09/2026")
