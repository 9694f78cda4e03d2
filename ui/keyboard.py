"""Keyboard habits of a Windows program, applied to whole pages at once.

Tab leaves a table for the next control (it does not walk the cells; the
arrows do, and F2 or Enter edits a cell), so a form beside a table is one Tab away.

Every form label points at its field (its buddy) and every label, button, marked
group box and marked tab gets an Alt+letter of its own (:mod:`ui.mnemonics` shares the
letters out): :func:`install` walks a page after it is built, again when a tab is first
shown and whenever the page is shown; :func:`install_in_dialogs` does the same for each
dialog of the program. A caption that changes with the data is set with :func:`retitle`,
which keeps its letter. The menu bar's letters are never used on a page.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFormLayout,
    QLabel,
    QTabWidget,
    QWidget,
)

from ui.mnemonics import (
    ORIGINAL,
    Caption,
    assign_mnemonics,
    captions,
    marked,
    mnemonic,
    plain,
    priority,
    scope_chain,
    set_priority,
    shows_caption,
    with_extra,
    without_letter,
    word_order,
)

__all__ = [
    "assign_mnemonics",
    "focus_target",
    "form_labels",
    "install",
    "install_in_dialogs",
    "mnemonic",
    "plain",
    "priority",
    "refresh",
    "retitle",
    "scope_chain",
    "set_buddies",
    "set_priority",
    "shows_caption",
    "tab_leaves_tables",
    "without_letter",
]

HOOKED = "mnemonicsHooked"
RESERVED = "mnemonicsReserved"  # on a page walked by install(): the letters it must not use
ENTER_EDITS = "enterEdits"
SEEN = "keyboardWidgetCount"


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
    if page.property(SEEN) == count and not any(item.changed() for item in captions(page)):
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


def install_in_dialogs(app: QGuiApplication) -> None:
    """Give every dialog of the program (``ui.*``) buddies and mnemonics as it first gets
    the focus (and again whenever it is shown). A signal, not an event filter on the
    whole application: that would cost a Python call for every event of the program."""
    if not app.property(HOOKED):
        app.setProperty(HOOKED, True)
        app.focusWindowChanged.connect(_window_focused)


def _window_focused(window: QWindow | None) -> None:
    if window is None:
        return
    for widget in QApplication.topLevelWidgets():
        if (
            widget.windowHandle() is window
            and isinstance(widget, QDialog)
            and type(widget).__module__.startswith("ui.")
            and not widget.property(HOOKED)
        ):
            install(widget)


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
    index = next(
        (i for i in word_order(caption) if caption[i].lower() == letter and letter.isalpha()),
        None,
    )
    Caption(widget).set_text(
        with_extra(caption, letter) if index is None else marked(caption, index)
    )


def _installed_root(widget: QWidget) -> QWidget | None:
    """The page or dialog that :func:`install` walks and ``widget`` is on."""
    parent: QWidget | None = widget
    while parent is not None and parent.property(RESERVED) is None:
        parent = parent.parentWidget()
    return parent


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
