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
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QWidget,
)

HOOKED = "mnemonicsHooked"
RESERVED = "mnemonicsReserved"  # on a page walked by install(): the letters it must not use
ENTER_EDITS = "enterEdits"
SEEN = "keyboardWidgetCount"
_MNEMONIC = re.compile(r"&([^&\s])")
LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"
SPARE = "1234567890abcdefhiklmnorstuvwxzgjpqy"  # added after a caption with no free letter
GIVEN = "mnemonicText"  # the text this module last set on a widget
ORIGINAL = "mnemonicCaption"  # the text the code had set before
PRIORITY = "mnemonicPriority"
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
    """Tab out of tables, buddies and unique mnemonics on ``page``, now, as tabs appear and
    whenever the page is shown again (its captions may have changed with the data)."""
    page.setProperty(RESERVED, sorted({letter.lower() for letter in reserved}))
    if not page.property(HOOKED):
        page.setProperty(HOOKED, True)
        page.installEventFilter(_WalkWhenShown(page))
    refresh(page)


def refresh(page: QWidget) -> None:
    """Walk ``page`` again if something was built or a caption was changed since the last walk."""
    count = len(page.findChildren(QWidget))
    if page.property(SEEN) == count and not any(
        widget.property(GIVEN) != _text(widget) for widget in _labelled(page)
    ):
        return
    page.setProperty(SEEN, count)
    tab_leaves_tables(page)
    set_buddies(page)
    assign_mnemonics(page, frozenset(page.property(RESERVED) or ()))
    for tabs in page.findChildren(QTabWidget):
        if not tabs.property(HOOKED):
            tabs.setProperty(HOOKED, True)
            tabs.currentChanged.connect(lambda _index: refresh(page))


class _WalkWhenShown(QObject):
    """Walks its page each time the page is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            refresh(watched)
        return False


class _DialogsGetKeys(QObject):
    """Installs the keyboard habits on each dialog of the program as it is first shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and type(watched).__module__.startswith("ui.")
            and not watched.property(HOOKED)
        ):
            install(watched)
        return False


def install_in_dialogs(app: QCoreApplication) -> None:
    """Give every dialog of the program (``ui.*``) buddies and mnemonics when it is shown."""
    if not app.property(HOOKED):
        app.setProperty(HOOKED, True)
        app.installEventFilter(_DialogsGetKeys(app))


def retitle(widget: QLabel | QAbstractButton, text: str) -> None:
    """Set a caption that changes with the data (a count, a stage), keeping its Alt+letter."""
    letter = mnemonic(widget.text())
    widget.setProperty(ORIGINAL, text)
    if letter is None:
        widget.setText(text)
        root = _installed_root(widget)
        if root is not None:
            refresh(root)
        return
    caption = plain(text)
    index = next((i for i in _order(caption) if caption[i].lower() == letter), None)
    _set_text(widget, _with_extra(caption, letter) if index is None else _marked(caption, index))


def _installed_root(widget: QWidget) -> QWidget | None:
    """The page or dialog that :func:`install` walks and ``widget`` is on."""
    parent: QWidget | None = widget
    while parent is not None and parent.property(RESERVED) is None:
        parent = parent.parentWidget()
    return parent


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
    """The labels with a buddy and the buttons showing a caption under ``root``."""
    labels: list[QWidget] = [
        label
        for label in root.findChildren(QLabel)
        if label.buddy() is not None and label.textFormat() != Qt.TextFormat.RichText
    ]
    buttons: list[QWidget] = [
        button for button in root.findChildren(QAbstractButton) if shows_caption(button)
    ]
    return [widget for widget in labels + buttons if plain(_text(widget)).strip()]


def shows_caption(button: QAbstractButton) -> bool:
    """Whether ``button`` shows a caption of its own, which then needs an Alt+letter.

    A tool button standing for an action (a toolbar's, a line edit's) takes the action's
    text and key; one showing only its icon has no caption to underline.
    """
    if not button.text().strip():
        return False
    if isinstance(button, QToolButton):
        icon_only = button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        return button.defaultAction() is None and not (icon_only and not button.icon().isNull())
    return True


def _text(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""


def _set_text(widget: QWidget, text: str) -> None:
    if isinstance(widget, QLabel | QAbstractButton):
        widget.setText(text)
        widget.setProperty(GIVEN, text)


def _caption(widget: QWidget) -> str:
    """The caption the code gave ``widget`` (with the code's own ``&``, without ours)."""
    text = _text(widget)
    if widget.property(GIVEN) != text:  # new, or the code has set a text since
        widget.setProperty(ORIGINAL, text)
        return text
    return str(widget.property(ORIGINAL))


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
    The losers get a digit after their caption, as Windows programs do: ``Opis (1)``.
    """
    widget.setProperty(PRIORITY, value)


def assign_mnemonics(root: QWidget, reserved: frozenset[str] = frozenset()) -> None:
    """Give every form label and button under ``root`` a letter unique where it is shown.

    The outermost controls choose first (they are on screen with every tab inside them),
    then each tab shares out the letters left, its controls matched to letters of their
    captions so that as many as possible get one; a control left without gets a digit.
    """
    scopes: dict[tuple[int, ...], list[QWidget]] = {}
    for widget in _labelled(root):
        scopes.setdefault(scope_chain(widget, root), []).append(widget)
    taken: dict[tuple[int, ...], set[str]] = {}
    for scope in sorted(scopes, key=len):
        used = set(reserved)
        for outer, letters in taken.items():
            if scope[: len(outer)] == outer:
                used |= letters
        taken[scope] = _share(scopes[scope], used)


def _share(widgets: list[QWidget], used: set[str]) -> set[str]:
    """Mark a letter unique among ``widgets`` and outside ``used`` on each; the letters taken."""
    captions = {id(widget): _caption(widget) for widget in widgets}
    ranked = sorted(widgets, key=lambda widget: -priority(widget))
    chosen = _match([_choices(captions[id(widget)], _text(widget), used) for widget in ranked])
    taken = {plain(captions[id(ranked[number])])[index].lower() for number, index in chosen.items()}
    spare = [char for char in SPARE if char not in used and char not in taken]
    letters: set[str] = set()
    for number, widget in enumerate(ranked):
        text = plain(captions[id(widget)])
        if number in chosen:
            index = chosen[number]
            _set_text(widget, _marked(text, index))
            letters.add(text[index].lower())
        elif spare:
            letter = spare.pop(0)
            _set_text(widget, _with_extra(text, letter))
            letters.add(letter)
        else:
            _set_text(widget, _marked(text, None))
    return letters


def _choices(caption: str, current: str, used: set[str]) -> list[tuple[int, str]]:
    """Where in the caption a letter may go, best first: the code's choice or the one the
    caption has now, then word starts…"""
    text = plain(caption)
    own = mnemonic(caption) or mnemonic(current)
    order = _order(text)
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


def _marked(text: str, index: int | None) -> str:
    """``text`` with ``&`` before character ``index`` (literal ampersands doubled)."""
    if index is None:
        return text.replace("&", "&&")
    return text[:index].replace("&", "&&") + "&" + text[index:].replace("&", "&&")


def _with_extra(text: str, letter: str) -> str:
    """``text`` with ``letter`` added as its mnemonic: ``Opis (&1)``; a closing colon or
    the star of a required field stays last (``Nazwa (&1) *``)."""
    escaped = text.replace("&", "&&")
    core = escaped.rstrip(" *:")
    return f"{core} (&{letter.upper()}){escaped[len(core) :]}"


def _order(text: str) -> list[int]:
    """Positions in ``text`` in the order a letter is best taken: word starts first.

    Letters reaching below the line (g, j, p, q, y) come last: their underline is hard to see.
    """
    starts = [i for i, char in enumerate(text) if i == 0 or not text[i - 1].isalnum()]
    order = starts + [i for i in range(len(text)) if i not in starts]
    order.sort(key=lambda i: text[i].lower() in DESCENDERS)  # stable: word starts stay first
    return order
