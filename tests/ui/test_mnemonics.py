"""How the Alt+letters are shared out: matched, not first come first served; buttons before
labels; the outer controls before a tab's; marked tabs take part; a digit when letters run
out; a caption changing with the data keeps its letter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import keyboard, mnemonics


def _holder(qtbot: Any) -> tuple[QWidget, QVBoxLayout]:
    root = QWidget()
    qtbot.addWidget(root)
    return root, QVBoxLayout(root)


def _buttons(layout: QVBoxLayout, *texts: str) -> list[QPushButton]:
    buttons = [QPushButton(text) for text in texts]
    for button in buttons:
        layout.addWidget(button)
    return buttons


def _letters(*widgets: QLabel | QPushButton) -> list[str | None]:
    return [keyboard.mnemonic(widget.text()) for widget in widgets]


def test_a_reshuffle_gives_a_letter_to_a_caption_first_come_first_served_would_leave_out(
    qtbot: Any,
) -> None:
    root, layout = _holder(qtbot)
    both, only = _buttons(layout, "Ab", "A")  # "Ab" would take A, leaving "A" nothing
    keyboard.install(root)
    assert _letters(both, only) == ["b", "a"]
    assert [keyboard.plain(b.text()) for b in (both, only)] == ["Ab", "A"]


def test_when_letters_run_out_a_digit_follows_the_caption_and_alt_digit_presses_it(
    qtbot: Any,
) -> None:
    root, layout = _holder(qtbot)
    many = _buttons(layout, *["Usuń"] * 5)  # four letters (U, s, u, ń passed over: u, s, …)
    keyboard.install(root)
    letters = _letters(*many)
    assert len(set(letters)) == 5 and None not in letters
    assert [b.text() for b in many[2:]] == ["Usuń (Alt+&1)", "Usuń (Alt+&2)", "Usuń (Alt+&3)"]
    root.show()
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow)
    with qtbot.waitSignal(many[3].clicked):
        qtbot.keyClick(root, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)


def test_the_digit_goes_before_a_required_star_or_a_colon() -> None:
    assert mnemonics.with_extra("Nazwa *", "1") == "Nazwa (Alt+&1) *"
    assert mnemonics.with_extra("Opis:", "2") == "Opis (Alt+&2):"
    assert mnemonics.with_extra("A & B", "3") == "A && B (Alt+&3)"


def test_a_button_beats_a_label_for_the_only_letter_unless_ranked_lower(qtbot: Any) -> None:
    root, layout = _holder(qtbot)
    form = QFormLayout()
    layout.addLayout(form)
    field = QLineEdit()
    form.addRow("X", field)
    (button,) = _buttons(layout, "X")
    keyboard.install(root)
    label = next(label for label, _field in keyboard.form_labels(root))
    assert (button.text(), label.text()) == ("&X", "X (Alt+&1)")

    other, other_layout = _holder(qtbot)
    other_form = QFormLayout()
    other_layout.addLayout(other_form)
    other_form.addRow("X", QLineEdit())
    (rare,) = _buttons(other_layout, "X")
    keyboard.set_priority(rare, -1)
    keyboard.install(other)
    assert rare.text() == "X (Alt+&1)"


def test_the_controls_around_the_tabs_choose_first_and_marked_tabs_take_part(
    qtbot: Any,
) -> None:
    root, layout = _holder(qtbot)
    tabs = QTabWidget()
    layout.addWidget(tabs)
    inner = QWidget()
    (inside,) = _buttons(QVBoxLayout(inner), "Dodaj")
    tabs.addTab(inner, "&Dane")  # the code marked the tab: Alt+D shows it
    tabs.addTab(QWidget(), "&Plik")  # P is the menu's
    (outside,) = _buttons(layout, "Drukuj")
    keyboard.install(root, reserved=["p"])
    bar = tabs.tabBar()
    letters = [keyboard.mnemonic(bar.tabText(i)) for i in range(2)] + _letters(outside, inside)
    assert None not in letters and len(set(letters)) == 4
    assert "p" not in letters
    assert bar.tabText(0) == "&Dane"  # the code's letter kept where it is free


def test_a_caption_changing_with_the_data_keeps_its_letter(qtbot: Any) -> None:
    root, layout = _holder(qtbot)
    toggle, other = _buttons(layout, "Tylko zagrożone (3)", "Tabela")
    keyboard.install(root)
    letter = keyboard.mnemonic(toggle.text())
    assert letter is not None
    keyboard.retitle(toggle, "Tylko zagrożone (4)")
    assert keyboard.plain(toggle.text()) == "Tylko zagrożone (4)"
    assert keyboard.mnemonic(toggle.text()) == letter
    keyboard.retitle(toggle, "Inny")  # the letter is not in the new caption: it follows it
    assert keyboard.plain(toggle.text()) == f"Inny (Alt+{letter.upper()})"
    assert keyboard.mnemonic(other.text()) != letter


def test_a_caption_set_after_the_walk_gets_a_letter_when_the_page_is_shown(qtbot: Any) -> None:
    root, layout = _holder(qtbot)
    (button,) = _buttons(layout, "")
    keyboard.install(root)
    button.setText("Zapisz")
    assert keyboard.mnemonic(button.text()) is None
    root.show()
    qtbot.waitExposed(root)
    QApplication.processEvents()
    assert keyboard.mnemonic(button.text()) == "z"


def test_a_count_in_a_caption_is_never_its_letter(qtbot: Any) -> None:
    root, layout = _holder(qtbot)
    buttons = _buttons(layout, "Ab (4)", "Ab (4)", "Ab (4)")
    keyboard.install(root)
    assert buttons[2].text() == "Ab (4) (Alt+&1)"
    keyboard.retitle(buttons[2], "Ab (1)")  # the count changes; the letter stays after it
    assert buttons[2].text() == "Ab (1) (Alt+&1)"


def test_a_symbol_button_keeps_its_symbol_and_takes_no_letter(qtbot: Any) -> None:
    root, layout = _holder(qtbot)
    up, delete = _buttons(layout, "↑", "Usuń")  # ↑ is moved by Ctrl+↑, named in its tooltip
    keyboard.install(root)
    assert up.text() == "↑" and not keyboard.shows_caption(up)
    assert keyboard.mnemonic(delete.text()) is not None


def test_buttons_repeated_on_every_row_of_a_list_take_no_letters(qtbot: Any) -> None:
    root, layout = _holder(qtbot)
    rows = [_buttons(layout, "Zrealizowane", "W toku") for _row in range(12)]
    for button in (button for row in rows for button in row):
        keyboard.without_letter(button)
    save = _buttons(layout, "Zapisz")[0]
    keyboard.install(root)
    assert all(button.text() in ("Zrealizowane", "W toku") for row in rows for button in row)
    assert save.text() == "&Zapisz"
