"""Every page, every tab and the main dialogs, in Polish and in English: each visible form
label has a buddy and an Alt+letter, each visible button has one, no letter is shown twice,
and Alt+letter really moves the focus to the field / presses the button."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

from app import i18n
from app.demo import load_demo
from app.exchange import export, reader
from app.exchange.plan import plan_import
from app.model import Municipality
from app.services import attention, records
from app.storage.store import Store
from ui import keyboard
from ui.context import EditorContext
from ui.main_window import PAGES, MainWindow

LANGUAGES = ("pl", "en")


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("pl")


@pytest.fixture
def demo_window(qtbot: Any, language: str, settings: QSettings, store: Store) -> MainWindow:
    municipality, _created = load_demo(store)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_store(store, municipality.id)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def shown_with_letters(top: QWidget) -> list[QLabel | QAbstractButton]:
    """The visible labels pointing at a field and the visible buttons showing a caption."""
    buttons = [b for b in top.findChildren(QAbstractButton) if keyboard.shows_caption(b)]
    labels = [label for label in top.findChildren(QLabel) if label.buddy() is not None]
    found: list[QLabel | QAbstractButton] = [*labels, *buttons]
    return [widget for widget in found if widget.isVisible()]


def marked_titles(top: QWidget) -> list[str]:
    """The visible tab and group box titles with an Alt+letter: they take one too."""
    titles = [
        bar.tabText(tab)
        for bar in top.findChildren(QTabBar)
        if bar.isVisible()
        for tab in range(bar.count())
    ]
    titles += [box.title() for box in top.findChildren(QGroupBox) if box.isVisible()]
    return [title for title in titles if keyboard.mnemonic(title)]


def problems_in(top: QWidget, where: str, reserved: set[str]) -> list[str]:
    """What breaks the rules among what ``top`` shows now."""
    problems = []
    for label, _field in keyboard.form_labels(top):
        if not label.isVisible():
            continue
        buddy = label.buddy()
        if buddy is None or keyboard.focus_target(buddy) is not buddy:
            problems.append(f"{where}: {label.text()!r} has no buddy taking the focus")
    letters: dict[str, str] = {}
    texts = [(widget.text(), type(widget).__name__) for widget in shown_with_letters(top)]
    texts += [(title, "title") for title in marked_titles(top)]
    for text, kind in texts:
        letter = keyboard.mnemonic(text)
        if letter is None:
            problems.append(f"{where}: {text!r} ({kind}) has no Alt+letter")
            continue
        if text.replace("&&", "").count("&") != 1:
            problems.append(f"{where}: {text!r} would show an '&'")
        if letter in reserved:
            problems.append(f"{where}: {text!r} takes the menu's Alt+{letter}")
        if letter in letters:
            problems.append(f"{where}: {text!r} and {letters[letter]!r} share Alt+{letter}")
        letters[letter] = text
    return problems


def alt(qtbot: Any, top: QWidget, letter: str) -> None:
    target = QApplication.focusWidget() or top
    qtbot.keyClick(target, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)


def alt_reaches(qtbot: Any, top: QWidget, where: str) -> list[str]:
    """Alt+letter of a sample field and button: the focus lands in the field, the button is
    pressed (its signals blocked: the test proves the key reaches it, not what it does)."""
    shown = shown_with_letters(top)
    labels = [
        widget
        for widget in shown
        if isinstance(widget, QLabel) and (buddy := widget.buddy()) and buddy.isEnabled()
    ]
    buttons = [
        widget
        for widget in shown
        if isinstance(widget, QPushButton) and widget.isEnabled() and not widget.menu()
    ]
    # a digit added after a caption is the case most worth proving
    buttons.sort(key=lambda button: not (keyboard.mnemonic(button.text()) or "").isdigit())
    failures = []
    for label in labels[-1:]:
        buddy = label.buddy()
        assert buddy is not None
        alt(qtbot, top, keyboard.mnemonic(label.text()) or "")
        focused = QApplication.focusWidget()
        if focused is None or not (focused is buddy or buddy.isAncestorOf(focused)):
            failures.append(f"{where}: Alt on {label.text()!r} left the focus on {focused}")
    for button in buttons[:1]:
        if not pressed_by_alt(qtbot, top, button):
            failures.append(f"{where}: Alt on {button.text()!r} did not press it")
    return failures


def pressed_by_alt(qtbot: Any, top: QWidget, button: QAbstractButton) -> bool:
    """Whether Alt+letter presses ``button`` (its clicked signal blocked meanwhile)."""
    button.blockSignals(True)
    try:
        alt(qtbot, top, keyboard.mnemonic(button.text()) or "")
        pressed = button.isDown()
        qtbot.waitUntil(lambda: not button.isDown())
    finally:
        button.blockSignals(False)
    return pressed


def every_tab_shown(page: QWidget) -> Iterator[str]:
    """Shows each tab of each tab widget on ``page`` in turn (its outer tabs chosen first)."""
    yield "-"
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            show_tab(tabs, index)
            QApplication.processEvents()
            yield f"{tabs.tabText(index)}"


def show_tab(tabs: QTabWidget, index: int) -> None:
    """Show tab ``index`` of ``tabs``, choosing the tabs that hold ``tabs`` first."""
    child: QWidget = tabs
    while (stack := child.parentWidget()) is not None:
        if isinstance(stack, QStackedWidget) and isinstance(stack.parentWidget(), QTabWidget):
            holder = stack.parentWidget()
            assert isinstance(holder, QTabWidget)
            holder.setCurrentWidget(child)
        child = stack
    tabs.setCurrentIndex(index)


@pytest.mark.parametrize("key", [key for key, _title in PAGES])
def test_every_tab_of_a_page_gives_each_field_and_button_its_own_letter(
    qtbot: Any, demo_window: MainWindow, key: str
) -> None:
    window = demo_window
    row = [page_key for page_key, _title in PAGES].index(key)
    window.navigation.setCurrentRow(row)
    page = window.pages[row]
    qtbot.waitUntil(page.isVisible)
    reserved = set(window.menu_letters())
    assert len(reserved) == 4
    problems: list[str] = []
    buttons = 0
    for where in every_tab_shown(page):
        problems += problems_in(window, f"{key}/{where}", reserved)
        buttons += sum(isinstance(w, QAbstractButton) for w in shown_with_letters(window))
        problems += alt_reaches(qtbot, window, f"{key}/{where}")
    assert buttons > 0, "every page has buttons"
    assert problems == []


def _municipality(window: MainWindow) -> Municipality:
    assert window.store is not None and window.municipality_id is not None
    return records.get(window.store, Municipality, window.municipality_id)


def _context(window: MainWindow) -> EditorContext:
    assert window.context is not None
    return window.context


def _new_municipality(window: MainWindow, _tmp: Path) -> QDialog:
    from ui.dialogs.new_municipality import NewMunicipalityDialog

    return NewMunicipalityDialog(_context(window), window)


def _new_plan(window: MainWindow, _tmp: Path) -> QDialog:
    from ui.dialogs.new_plan import NewPlanDialog

    municipality = _municipality(window)
    return NewPlanDialog(_context(window), municipality.id, municipality.name, window)


def _new_hdr(window: MainWindow, _tmp: Path) -> QDialog:
    from ui.dialogs.new_hdr import NewHdrDialog

    return NewHdrDialog(_context(window), _municipality(window).id, parent=window)


def _measurement(window: MainWindow, _tmp: Path) -> QDialog:
    from ui.dialogs.measurement import MeasurementDialog

    assert window.store is not None
    check = attention.checks(window.store, _municipality(window).id)[0]
    return MeasurementDialog(check.indicator, check.state, lambda _values: None, parent=window)


def _visit_mode(window: MainWindow, _tmp: Path) -> QDialog:
    row = [key for key, _title in PAGES].index("visits")
    window.navigation.setCurrentRow(row)
    dialog = window.pages[row].open_visit_mode()  # type: ignore[attr-defined]
    assert isinstance(dialog, QDialog)
    return dialog


def _settings(window: MainWindow, _tmp: Path) -> QDialog:
    from ui.dialogs.settings import SettingsDialog

    return SettingsDialog(window, window.store, window.settings)


def _export_pdf(window: MainWindow, _tmp: Path) -> QDialog:
    from ui.dialogs.export_pdf import ExportPdfDialog

    return ExportPdfDialog(_context(window), _municipality(window), None, window)


def _export_package(window: MainWindow, _tmp: Path) -> QDialog:
    from ui.dialogs.export_package import ExportPackageDialog

    return ExportPackageDialog(_context(window), _municipality(window), window)


def _import_package(window: MainWindow, tmp: Path) -> QDialog:
    from ui.dialogs.import_package import ImportPreviewDialog

    assert window.store is not None
    path = export.export_package(window.store, _municipality(window).id, tmp / "wymiana").path
    plan = plan_import(window.store, reader.read_package(path))
    return ImportPreviewDialog(_context(window), plan, window)


def _import_sheet(window: MainWindow, _tmp: Path) -> QDialog:
    from ui.dialogs.import_sheet import ImportSheetDialog

    assert window.store is not None
    return ImportSheetDialog(window.store, _municipality(window).id, window)


DIALOGS: dict[str, Callable[[MainWindow, Path], QDialog]] = {
    "new_municipality": _new_municipality,
    "new_plan": _new_plan,
    "new_hdr": _new_hdr,
    "measurement": _measurement,
    "visit_mode": _visit_mode,
    "settings": _settings,
    "export_pdf": _export_pdf,
    "export_package": _export_package,
    "import_package": _import_package,
    "import_sheet": _import_sheet,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_main_dialog_gives_each_field_and_button_its_own_letter(
    qtbot: Any, demo_window: MainWindow, tmp_path: Path, name: str
) -> None:
    dialog = DIALOGS[name](demo_window, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    problems: list[str] = []
    for where in every_tab_shown(dialog):
        problems += problems_in(dialog, f"{name}/{where}", set())
        problems += alt_reaches(qtbot, dialog, f"{name}/{where}")
    assert shown_with_letters(dialog), "every dialog has buttons"
    dialog.reject()
    assert problems == []
