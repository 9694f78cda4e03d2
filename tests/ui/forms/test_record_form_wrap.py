"""A record form in a narrow column puts its labels above the fields, beside them when wide."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout

from app.model import Indicator
from ui.forms.record_form import FIELD_ROOM, RecordForm

FIELDS = ("name", "description", "unit")
WRAP = QFormLayout.RowWrapPolicy


def _form(qtbot: Any) -> RecordForm:
    form = RecordForm(Indicator, FIELDS, lambda *_args: None)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_a_narrow_form_puts_labels_above_and_a_wide_one_beside(qtbot: Any) -> None:
    form = _form(qtbot)
    form.resize(900, 400)
    assert form.layout_.rowWrapPolicy() == WRAP.WrapLongRows
    name = form.editors["name"]
    form.resize(300, 500)
    qtbot.waitUntil(lambda: form.layout_.rowWrapPolicy() == WRAP.WrapAllRows)
    qtbot.waitUntil(lambda: name.width() >= FIELD_ROOM)  # the whole width, under its label
    form.resize(900, 400)
    qtbot.waitUntil(lambda: form.layout_.rowWrapPolicy() == WRAP.WrapLongRows)


def test_a_policy_the_page_chose_stays_whatever_the_width(qtbot: Any) -> None:
    form = _form(qtbot)
    form.set_row_wrap(WRAP.DontWrapRows)
    form.resize(300, 500)
    qtbot.waitUntil(lambda: form.width() == 300)
    assert form.layout_.rowWrapPolicy() == WRAP.DontWrapRows
