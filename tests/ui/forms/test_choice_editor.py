"""A drop-down list in a form: typing a letter or an arrow does not save until Tab or Enter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from ui.forms.editors import ChoiceEditor

CHOICES = [("a", "Anna"), ("b", "Bartosz"), ("c", "Celina"), ("d", "Dorota")]


_hosts: list[QWidget] = []  # kept alive for the test's duration


def _editor(qtbot: Any) -> tuple[ChoiceEditor, QLineEdit, list[Any]]:
    host = QWidget()
    _hosts[:] = [host]
    qtbot.addWidget(host)
    editor = ChoiceEditor(CHOICES, allow_empty=False)
    after = QLineEdit()
    box = QVBoxLayout(host)
    box.addWidget(editor)
    box.addWidget(after)
    saved: list[Any] = []
    editor.committed.connect(lambda: saved.append(editor.value()))
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    return editor, after, saved


def test_type_ahead_waits_for_tab(qtbot: Any) -> None:
    editor, after, saved = _editor(qtbot)
    qtbot.keyClicks(editor, "c")
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert editor.value() == "d"
    assert saved == [], "nothing is saved while the user is still choosing"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert saved == ["d"]


def test_enter_saves_the_choice_made_by_keys(qtbot: Any) -> None:
    editor, _after, saved = _editor(qtbot)
    qtbot.keyClicks(editor, "b")
    assert saved == []
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert saved == ["b"]


def test_a_pick_in_the_open_list_saves_at_once(qtbot: Any) -> None:
    editor, _after, saved = _editor(qtbot)
    editor.activated.emit(2)  # what a click in the open list sends
    assert saved == ["a"]
