"""Keyboard habits of a Windows program, applied to whole pages at once.

Tab leaves a table for the next control (it does not walk the cells; the
arrows do, and F2 or Enter edits a cell), so a form beside a table is one Tab away.

Every form label points at its field (its buddy) and every label and button gets
an Alt+letter of its own: :func:`assign_mnemonics` walks a page after it is
built (and again when a tab is first shown), keeps the letters the code chose
when they are free and gives the others the first free letter of their text,
preferring the start of a word. Letters must be unique among what is on screen
together: the page's own controls and one tab (or stacked page) at a time; the
menu bar's letters are never used. Polish letters (ą, ł, ż…) are passed over:
Alt+ł is AltGr+L, which would not reach the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

HOOKED = "mnemonicsHooked"
ENTER_EDITS = "enterEdits"
SEEN = "keyboardWidgetCount"
_MNEMONIC = re.compile(r"&([^&\s])")
LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"
DESCENDERS = frozenset("gjpqy")


def tab_leaves_tables(root: QWidget) -> None:
    """Make Tab move focus out of every table and tree under ``root``; Enter edits a cell."""
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
        if not view.property(ENTER_EDITS):
            view.setProperty(ENTER_EDITS, True)
            view.installEventFilter(_EnterEdits(view))


class _EnterEdits(QObject):
    """Enter on an editable cell starts editing it, as F2 does (Enter in the editor saves).

    A cell that cannot be edited lets Enter through (a list may open its row).
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QAbstractItemView)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and watched.state() != QAbstractItemView.State.EditingState
            and watched.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
        ):
            index = watched.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                return watched.edit(index, QAbstractItemView.EditTrigger.EditKeyPressed, event)
        return False


def install(page: QWidget, reserved: Iterable[str] = ()) -> None:
    """Tab out of tables, buddies and unique mnemonics on ``page``, now and as tabs appear."""
    letters = frozenset(letter.lower() for letter in reserved)

    def again() -> None:
        count = len(page.findChildren(QWidget))
        if page.property(SEEN) == count:
            return  # nothing was built since the last walk
        page.setProperty(SEEN, count)
        tab_leaves_tables(page)
        set_buddies(page)
        assign_mnemonics(page, letters)
        for tabs in page.findChildren(QTabWidget):
            if not tabs.property(HOOKED):
                tabs.setProperty(HOOKED, True)
                tabs.currentChanged.connect(lambda _index: again())

    again()


def mnemonic(text: str) -> str | None:
    """The Alt+letter of ``text`` (lower case), or None."""
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def plain(text: str) -> str:
    """``text`` without its mnemonic marker (a doubled ``&&`` stays one ``&``)."""
    return re.sub(r"&(.)", r"\1", text)


def focus_target(widget: QWidget) -> QWidget | None:
    """The widget that takes focus for ``widget``: itself or its first focusable child."""
    for candidate in [widget, *widget.findChildren(QWidget)]:
        if candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(candidate, QLabel):
            return candidate
    return None


def form_labels(root: QWidget) -> list[tuple[QLabel, QWidget]]:
    """Every (label, field) row of the form layouts under ``root``."""
    rows: list[tuple[QLabel, QWidget]] = []
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            field = field_item.widget() if field_item is not None else None
            if label is not None and not isinstance(label, QLabel):
                label = label.findChild(QLabel)  # a label with a button under it
            if isinstance(label, QLabel) and field is not None and label.text().strip():
                rows.append((label, field))
    return rows


def set_buddies(root: QWidget) -> None:
    """Point each form label at the control that takes the focus in its field."""
    for label, field in form_labels(root):
        buddy = label.buddy()
        if buddy is not None and focus_target(buddy) is buddy:
            continue
        target = focus_target(buddy or field)
        if target is not None:
            label.setBuddy(target)


def _labelled(root: QWidget) -> list[QWidget]:
    """The labels with a buddy and the buttons with a caption under ``root``, labels first."""
    labels: list[QWidget] = [
        label
        for label in root.findChildren(QLabel)
        if label.buddy() is not None and label.textFormat() != Qt.TextFormat.RichText
    ]
    buttons: list[QWidget] = [
        button
        for button in root.findChildren(QAbstractButton)
        if isinstance(button, QPushButton | QCheckBox | QRadioButton) and button.text().strip()
    ]
    return [widget for widget in labels + buttons if plain(_text(widget)).strip()]


def _text(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""


def _set_text(widget: QWidget, text: str) -> None:
    if isinstance(widget, QLabel | QAbstractButton):
        widget.setText(text)


def scope_chain(widget: QWidget, root: QWidget) -> tuple[int, ...]:
    """The stacked pages (tabs) between ``root`` and ``widget``, outermost first, as ids."""
    chain: list[int] = []
    child = widget
    parent = widget.parentWidget()
    while parent is not None and child is not root:
        if isinstance(parent, QStackedWidget):
            chain.append(id(child))
        child, parent = parent, parent.parentWidget()
    return tuple(reversed(chain))


def _related(one: tuple[int, ...], other: tuple[int, ...]) -> bool:
    """Whether two scopes are on screen together (one holds the other)."""
    shorter = min(len(one), len(other))
    return one[:shorter] == other[:shorter]


class _Letters:
    """The letters taken so far, per scope (chain of tabs) they were taken in."""

    def __init__(self, reserved: frozenset[str]) -> None:
        self.reserved = reserved
        self.taken: dict[tuple[int, ...], set[str]] = {}

    def free_in(self, scope: tuple[int, ...]) -> Callable[[str], bool]:
        related = [used for at, used in self.taken.items() if _related(scope, at)]

        def free(letter: str) -> bool:
            return letter not in self.reserved and not any(letter in used for used in related)

        return free

    def take(self, scope: tuple[int, ...], letter: str) -> None:
        self.taken.setdefault(scope, set()).add(letter)


def assign_mnemonics(root: QWidget, reserved: frozenset[str] = frozenset()) -> None:
    """Give every form label and button under ``root`` a letter unique where it is shown."""
    found = [(widget, scope_chain(widget, root)) for widget in _labelled(root)]
    found.sort(key=lambda item: (isinstance(item[0], QAbstractButton), len(item[1])))
    letters = _Letters(reserved)
    waiting: list[tuple[QWidget, tuple[int, ...]]] = []
    for widget, scope in found:
        letter = mnemonic(_text(widget))
        if letter is not None and letters.free_in(scope)(letter):
            letters.take(scope, letter)
        else:
            waiting.append((widget, scope))

    def constraint(item: tuple[QWidget, tuple[int, ...]]) -> tuple[bool, int]:
        free = letters.free_in(item[1])
        return isinstance(item[0], QAbstractButton), len(_candidates(plain(_text(item[0])), free))

    # the most constrained first (fewest free letters), labels before buttons
    for widget, scope in sorted(waiting, key=constraint):
        text = plain(_text(widget))
        index = _pick(text, letters.free_in(scope))
        if index is not None:
            letters.take(scope, text[index].lower())
        _set_text(widget, _marked(text, index))


def _marked(text: str, index: int | None) -> str:
    """``text`` with ``&`` before character ``index`` (literal ampersands doubled)."""
    if index is None:
        return text.replace("&", "&&")
    return text[:index].replace("&", "&&") + "&" + text[index:].replace("&", "&&")


def _candidates(text: str, is_free: Callable[[str], bool]) -> set[str]:
    return {char.lower() for char in text if char.lower() in LETTERS and is_free(char.lower())}


def _pick(text: str, is_free: Callable[[str], bool]) -> int | None:
    """Where in ``text`` the mnemonic goes: a free word start first, then any free letter.

    Letters reaching below the line (g, j, p, q, y) come last: their underline is hard to see.
    """
    starts = [i for i, char in enumerate(text) if i == 0 or not text[i - 1].isalnum()]
    order = starts + [i for i in range(len(text)) if i not in starts]
    order.sort(key=lambda i: text[i].lower() in DESCENDERS)  # stable: word starts stay first
    for index in order:
        letter = text[index].lower()
        if letter in LETTERS and is_free(letter):
            return index
    return None
