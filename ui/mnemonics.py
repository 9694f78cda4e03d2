"""Alt+letters shared out among the captions of a page or dialog.

A caption is a form label pointing at its field, a button's text, a group box's title
or a tab's title the code marked with ``&``: each registers an Alt+letter for the whole
window, and Qt only cycles among captions sharing one, so a letter must be unique among
what is on screen together. That is the page's own controls plus one tab (or stacked
page) at a time: the outermost captions choose first (they are shown with every tab
inside them), then each tab shares out the letters left. Within a tab the captions are
matched to letters of their own text (augmenting paths) so that as many as possible get
one, higher :func:`priority` first (a push button, used all day, before a field's label);
a caption left without a free letter gets a digit after it, named with its key so that
it cannot be read as a count (Windows hides underlines until Alt is pressed):
``Opis (Alt+1)``. The letters the code chose are kept when free; word starts come first, and
letters reaching below the line last. Polish letters (ą, ł, ż…) are passed over: Alt+ł is
AltGr+L, which would not reach the field.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QToolButton,
    QWidget,
)

_MNEMONIC = re.compile(r"&([^&\s])")
LETTERS = "abcdefghijklmnopqrstuvwxyz"  # a digit in a caption is data (a count, a year)
SPARE = "1234567890abcdefhiklmnorstuvwxzgjpqy"  # added after a caption with no free letter
DESCENDERS = frozenset("gjpqy")
GIVEN = "mnemonicText"  # the text this module last set on a caption
ORIGINAL = "mnemonicCaption"  # the text the code had set before
PRIORITY = "mnemonicPriority"
NO_LETTER = "mnemonicNone"
TAB_PRIORITY = 2  # the code marked the tab's letter itself; tabs are always on screen


def mnemonic(text: str) -> str | None:
    """The Alt+letter of ``text`` (lower case), or None."""
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def plain(text: str) -> str:
    """``text`` without its mnemonic marker (a doubled ``&&`` stays one ``&``)."""
    return re.sub(r"&(.)", r"\1", text)


def shows_caption(button: QAbstractButton) -> bool:
    """Whether ``button`` shows a caption of its own, which then needs an Alt+letter.

    A tool button standing for an action (a toolbar's, a line edit's) takes the action's
    text and key; one showing only its icon has no caption to underline, nor has a button
    showing a symbol only (its tooltip names its key), nor one of the buttons repeated on
    every row of a list (see :func:`without_letter`).
    """
    if not button.text().strip() or button.property(NO_LETTER):
        return False
    own = button.property(ORIGINAL)
    if not any(character.isalnum() for character in plain(str(own or button.text()))):
        return False  # a symbol (↑, ↓) stands for the key its tooltip names (Ctrl+↑)
    if isinstance(button, QToolButton):
        icon_only = button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        return button.defaultAction() is None and not (icon_only and not button.icon().isNull())
    return True


def without_letter(button: QAbstractButton) -> None:
    """Leave ``button`` without an Alt+letter: one of a set repeated on every row of a list
    (ten rows would take forty letters). Tab reaches it; its tooltip says what it does."""
    button.setProperty(NO_LETTER, True)


def priority(widget: QWidget) -> int:
    """How much ``widget`` deserves a letter of its caption (see :func:`set_priority`)."""
    value = widget.property(PRIORITY)
    if isinstance(value, int):
        return value
    return 1 if isinstance(widget, QPushButton) else 0


def set_priority(widget: QWidget, value: int) -> None:
    """Rank ``widget`` for a letter of its own caption when a tab has more captions than
    letters: higher wins. By default a push button (an action used all day) has 1, a
    field's label or a check box 0; a rarely used field may be given -1.
    """
    widget.setProperty(PRIORITY, value)


class Caption:
    """The text of one widget, or of one tab of a tab bar, that carries an Alt+letter."""

    def __init__(self, widget: QWidget, tab: int = -1) -> None:
        self.widget = widget
        self.tab = tab

    def text(self) -> str:
        widget = self.widget
        if isinstance(widget, QTabBar):
            return widget.tabText(self.tab)
        if isinstance(widget, QGroupBox):
            return widget.title()
        return widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""

    def set_text(self, text: str) -> None:
        widget = self.widget
        if isinstance(widget, QTabBar):
            widget.setTabText(self.tab, text)
        elif isinstance(widget, QGroupBox):
            widget.setTitle(text)
        elif isinstance(widget, QLabel | QAbstractButton):
            widget.setText(text)
        self._remember(GIVEN, text)

    def caption(self) -> str:
        """The text the code gave (with the code's own ``&``, without what was added here)."""
        text = self.text()
        if self._recalled(GIVEN) != text:  # new, or the code has set a text since
            self._remember(ORIGINAL, text)
            return text
        return str(self._recalled(ORIGINAL))

    def changed(self) -> bool:
        """Whether the code has set a text since the letters were last shared out."""
        return self._recalled(GIVEN) != self.text()

    def priority(self) -> int:
        return TAB_PRIORITY if isinstance(self.widget, QTabBar) else priority(self.widget)

    def _remember(self, key: str, text: str) -> None:
        self.widget.setProperty(key if self.tab < 0 else f"{key}{self.tab}", text)

    def _recalled(self, key: str) -> object:
        return self.widget.property(key if self.tab < 0 else f"{key}{self.tab}")


def captions(root: QWidget) -> list[Caption]:
    """The labels with a buddy, the buttons and group boxes showing a caption and the tabs
    whose title has a letter of the code's under ``root``."""
    found: list[Caption] = []
    for label in root.findChildren(QLabel):
        if label.buddy() is not None and label.textFormat() != Qt.TextFormat.RichText:
            found.append(Caption(label))
    found += [Caption(button) for button in root.findChildren(QAbstractButton)]
    found = [
        item
        for item in found
        if not isinstance(item.widget, QAbstractButton) or shows_caption(item.widget)
    ]
    for box in root.findChildren(QGroupBox):
        if mnemonic(box.title()) or box.property(GIVEN) is not None:
            found.append(Caption(box))
    for bar in root.findChildren(QTabBar):
        for tab in range(bar.count()):
            item = Caption(bar, tab)
            if mnemonic(item.caption()):
                found.append(item)
    return [item for item in found if plain(item.text()).strip()]


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


def assign_mnemonics(root: QWidget, reserved: frozenset[str] = frozenset()) -> None:
    """Give every caption under ``root`` a letter unique where it is shown."""
    scopes: dict[tuple[int, ...], list[Caption]] = {}
    for item in captions(root):
        scopes.setdefault(scope_chain(item.widget, root), []).append(item)
    taken: dict[tuple[int, ...], set[str]] = {}
    for scope in sorted(scopes, key=len):
        used = set(reserved)
        for outer, letters in taken.items():
            if scope[: len(outer)] == outer:
                used |= letters
        taken[scope] = _share(scopes[scope], used)


def _share(items: list[Caption], used: set[str]) -> set[str]:
    """Mark a letter unique among ``items`` and outside ``used`` on each; the letters taken."""
    ranked = sorted(items, key=lambda item: -item.priority())
    texts = [item.caption() for item in ranked]
    chosen = _match(
        [_choices(text, item.text(), used) for item, text in zip(ranked, texts, strict=True)]
    )
    taken = {plain(texts[number])[index].lower() for number, index in chosen.items()}
    spare = [char for char in SPARE if char not in used and char not in taken]
    letters: set[str] = set()
    for number, item in enumerate(ranked):
        text = plain(texts[number])
        if number in chosen:
            index = chosen[number]
            item.set_text(marked(text, index))
            letters.add(text[index].lower())
        elif spare:
            letter = spare.pop(0)
            item.set_text(with_extra(text, letter))
            letters.add(letter)
        else:
            item.set_text(marked(text, None))
    return letters


def _choices(caption: str, current: str, used: set[str]) -> list[tuple[int, str]]:
    """Where in the caption a letter may go, best first: the code's choice or the one the
    caption has now, then word starts…"""
    text = plain(caption)
    own = mnemonic(caption) or mnemonic(current)
    order = word_order(text)
    if own is not None:
        order.sort(key=lambda i: text[i].lower() != own)
    seen: set[str] = set()
    choices = []
    for index in order:
        letter = text[index].lower()
        if letter in LETTERS and letter not in used and letter not in seen:
            seen.add(letter)
            choices.append((index, letter))
    return choices


def _match(choices: list[list[tuple[int, str]]]) -> dict[int, int]:
    """A letter position for as many captions as possible, earlier captions first.

    Each caption in turn takes its best free letter or, with none free, moves those
    before it to other letters of their own if that frees one (augmenting paths): no
    caption goes without while a reshuffle could give it a letter, and an earlier
    caption is never left without one.
    """
    owner: dict[str, int] = {}
    chosen: dict[int, int] = {}

    def place(number: int, visited: set[str]) -> bool:
        free = [choice for choice in choices[number] if choice[1] not in owner]
        for index, letter in free + choices[number]:  # a free letter before any reshuffle
            if letter in visited:
                continue
            visited.add(letter)
            if letter not in owner or place(owner[letter], visited):
                owner[letter] = number
                chosen[number] = index
                return True
        return False

    for number in range(len(choices)):
        place(number, set())
    return chosen


def marked(text: str, index: int | None) -> str:
    """``text`` with ``&`` before character ``index`` (literal ampersands doubled)."""
    if index is None:
        return text.replace("&", "&&")
    return text[:index].replace("&", "&&") + "&" + text[index:].replace("&", "&&")


def with_extra(text: str, letter: str) -> str:
    """``text`` with ``letter`` added as its mnemonic: ``Opis (Alt+&1)``; a closing colon or
    the star of a required field stays last (``Nazwa (Alt+&1) *``)."""
    escaped = text.replace("&", "&&")
    core = escaped.rstrip(" *:")
    return f"{core} (Alt+&{letter.upper()}){escaped[len(core) :]}"


def word_order(text: str) -> list[int]:
    """Positions in ``text`` in the order a letter is best taken: word starts first.

    Letters reaching below the line (g, j, p, q, y) come last: their underline is hard to see.
    """
    starts = [i for i, char in enumerate(text) if i == 0 or not text[i - 1].isalnum()]
    order = starts + [i for i in range(len(text)) if i not in starts]
    order.sort(key=lambda i: text[i].lower() in DESCENDERS)  # stable: word starts stay first
    return order
