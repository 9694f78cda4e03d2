"""The "Nowa JST" dialog's TERYT field, typed into as a new user would (issue 17).

The example in the field is a code the chosen kind accepts; no message appears
while the code is still being typed; the voivodeship is filled from the code's
first two digits.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox

from app.model import Municipality, MunicipalityKind
from app.services import records
from app.storage.store import Store
from ui.context import EditorContext
from ui.dialogs.new_municipality import NewMunicipalityDialog


@pytest.fixture
def dialog(qtbot: Any, store: Store) -> NewMunicipalityDialog:
    shown = NewMunicipalityDialog(EditorContext(store, QUndoStack(), None))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def _ok(dialog: NewMunicipalityDialog) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _type_code(qtbot: Any, dialog: NewMunicipalityDialog, text: str) -> None:
    dialog.teryt.setFocus()
    qtbot.waitUntil(dialog.teryt.hasFocus)
    qtbot.keyClicks(dialog.teryt, text)


def _example(dialog: NewMunicipalityDialog) -> str:
    found = re.search(r"[0-9]{4,7}", dialog.teryt.placeholderText())
    assert found, "the field shows an example code"
    return found.group()


@pytest.mark.parametrize("kind", [None, *MunicipalityKind])
def test_the_example_in_the_field_is_accepted_for_its_kind(
    qtbot: Any, dialog: NewMunicipalityDialog, store: Store, kind: MunicipalityKind | None
) -> None:
    """``None``: the kind the dialog opens with, untouched."""
    if kind is not None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind.value))
    qtbot.keyClicks(dialog.name, "Gmina Przykladowa")
    _type_code(qtbot, dialog, _example(dialog))
    qtbot.keyClick(dialog.teryt, Qt.Key.Key_Tab)
    assert dialog.errors["teryt"].text() == "" or dialog.errors["teryt"].isHidden()
    assert _ok(dialog).isEnabled()
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    [created] = records.children(store, Municipality)
    assert created.teryt == _example(dialog)


def test_no_message_while_the_code_is_typed_one_when_the_field_is_left(
    qtbot: Any, dialog: NewMunicipalityDialog
) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(MunicipalityKind.RURAL.value))
    qtbot.keyClicks(dialog.name, "Gmina Zolkiewka")
    _type_code(qtbot, dialog, "0615")
    assert dialog.errors["teryt"].isHidden(), "no error after 4 of 7 digits"
    qtbot.keyClick(dialog.teryt, Qt.Key.Key_Tab)
    assert "7 cyfr" in dialog.errors["teryt"].text(), "a short code is explained once left"
    assert not _ok(dialog).isEnabled()
    _type_code(qtbot, dialog, "072")
    assert dialog.errors["teryt"].isHidden()
    assert _ok(dialog).isEnabled()


def test_the_voivodeship_is_filled_from_the_code(
    qtbot: Any, dialog: NewMunicipalityDialog, store: Store
) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(MunicipalityKind.RURAL.value))
    qtbot.keyClicks(dialog.name, "Gmina Zolkiewka")
    _type_code(qtbot, dialog, "0615072")
    qtbot.keyClick(dialog.teryt, Qt.Key.Key_Tab)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    [created] = records.children(store, Municipality)
    assert (created.teryt, created.voivodeship) == ("0615072", "lubelskie")
