"""Switching the interface language rebuilds the window in English over the same data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from app import i18n
from app.demo import load_demo
from app.model import Municipality
from app.storage.store import Store
from ui import application
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_PAGES = [
    "Overview",
    "Team and schools",
    "Strategic plan",
    "HDR",
    "Monitoring",
    "Advisory visits",
    "School data",
    "Networks and meetings",
    "Yearly report",
]
POLISH_PAGES = [
    "Przegląd",
    "Zespół i szkoły",
    "Plan strategiczny",
    "HDR",
    "Monitoring",
    "Wizyty doradcze",
    "Dane oświatowe",
    "Sieci i spotkania",
    "Informacja roczna",
]


@pytest.fixture
def polish_afterwards() -> Iterator[None]:
    """Every test after this one sees Polish strings, Polish Qt buttons and the old locale."""
    locale = QLocale()
    try:
        yield
    finally:
        app = QApplication.instance()
        for translator in application._translators:
            if isinstance(app, QApplication):
                app.removeTranslator(translator)
        application._translators.clear()
        for window in application._windows:
            if isinstance(window, QWidget):
                window.close()
        application._windows.clear()
        i18n.set_language("pl")
        QLocale.setDefault(locale)


@pytest.fixture
def demo(demo_store: Store) -> Municipality:
    municipality, _created = load_demo(demo_store)
    return municipality


@pytest.fixture
def polish_window(  # type: ignore[no-untyped-def]
    qtbot, settings: QSettings, store: Store, demo: Municipality, polish_afterwards: None
) -> MainWindow:
    i18n.set_language("pl")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_store(store, demo.id)
    window.show()
    qtbot.waitExposed(window)
    return window


def switch(qtbot, window: MainWindow, language: str) -> MainWindow:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    fresh = application.switch_language(app, window, language)
    assert isinstance(fresh, MainWindow)
    qtbot.addWidget(fresh)
    qtbot.waitExposed(fresh)
    return fresh


def navigation(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def yes_button_text() -> str:
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    button = box.button(QMessageBox.StandardButton.Yes)
    assert button is not None
    return button.text().replace("&", "")


def mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def chrome_texts(window: MainWindow) -> list[str]:
    """What the program itself writes on the window: not the user's data."""
    texts = [action.text() for action in window.menuBar().actions()]
    for menu in window.findChildren(QMenu):
        texts.extend(action.text() for action in menu.actions() if not action.isSeparator())
    for widget in window.findChildren(QWidget):
        texts.extend(filter(None, (widget.toolTip(), widget.accessibleName())))
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            texts.extend(
                str(widget.model().headerData(section, widget.orientation()) or "")
                for section in range(widget.count())
            )
    return [text for text in texts if text]


def untranslated_polish(texts: list[str]) -> list[str]:
    """Texts that are a Polish source string whose English translation differs."""
    with (ROOT / "resources/locale/en/LC_MESSAGES/plan_oswiaty.po").open("rb") as handle:
        catalog = read_po(handle)
    translated = [
        message
        for message in catalog
        if message.id and isinstance(message.id, str) and message.string != message.id
    ]
    polish = {_bare(message.id) for message in translated}
    # an English translation that happens to spell a Polish source ("&Dane" → "&Data",
    # while "Data" → "Date") is English, not Polish left untranslated
    english = {_bare(message.string) for message in translated if message.string}
    return [text for text in texts if _bare(text) in polish - english]


def _bare(text: str) -> str:
    return text.replace("&", "").rstrip(" *:")


def test_switching_to_english_and_back(  # type: ignore[no-untyped-def]
    qtbot, polish_window: MainWindow, store: Store, demo: Municipality
) -> None:
    window = polish_window
    assert navigation(window) == POLISH_PAGES
    assert menu_titles(window) == ["&Plik", "&Edycja", "&Widok", "Pomo&c"]
    window.navigation.setCurrentRow(2)

    english = switch(qtbot, window, "en")
    assert i18n.current_language() == "en"
    assert navigation(english) == ENGLISH_PAGES
    assert menu_titles(english) == ["&File", "&Edit", "&View", "&Help"]
    assert [page.title() for page in english.pages[:3]] == ENGLISH_PAGES[:3]
    plan_page = english.pages[2]
    tabs = plan_page.findChild(QTabWidget)
    assert tabs is not None
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Goals and actions",
        "Schedule (Gantt)",
        "About, diagnosis and SWOT",
        "Indicators",
        "Problems, financing, consultation",
    ]
    # The same data, still open, the same municipality and page.
    assert english.store is store
    assert english.municipality_id == demo.id
    assert english.navigation.currentRow() == 2
    assert english.windowTitle().startswith(demo.name)
    assert demo.name in english.switcher.currentText()
    assert "(demo)" in english.switcher.currentText()
    # Qt's own buttons follow the language too.
    assert yes_button_text() == "Yes"
    # Nothing the program wrote on the window is left in Polish.
    assert untranslated_polish(chrome_texts(english)) == []

    polish = switch(qtbot, english, "pl")
    assert i18n.current_language() == "pl"
    assert navigation(polish) == POLISH_PAGES
    assert menu_titles(polish) == ["&Plik", "&Edycja", "&Widok", "Pomo&c"]
    assert polish.pages[2].title() == "Plan strategiczny"
    assert polish.store is store
    assert polish.municipality_id == demo.id
    assert yes_button_text() == "Tak"
    # The detector above does see Polish when there is some.
    assert len(untranslated_polish(chrome_texts(polish))) > 50


@pytest.mark.usefixtures("polish_afterwards")
def test_qt_buttons_speak_polish_after_install_translations() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    application._translators[:] = application.install_translations(app, "pl")
    assert yes_button_text() == "Tak"
    assert QLocale().language() == QLocale.Language.Polish


def test_english_menus_have_one_mnemonic_per_letter(  # type: ignore[no-untyped-def]
    qtbot, polish_window: MainWindow
) -> None:
    english = switch(qtbot, polish_window, "en")
    menus = [action.menu() for action in english.menuBar().actions()]
    bar_letters = [mnemonic(action.text()) for action in english.menuBar().actions()]
    assert None not in bar_letters and len(set(bar_letters)) == len(bar_letters)
    for menu in menus:
        assert isinstance(menu, QMenu)
        letters = [
            mnemonic(action.text())
            for action in menu.actions()
            if not action.isSeparator() and mnemonic(action.text())
        ]
        assert len(set(letters)) == len(letters), (menu.title(), letters)
    file_menu = menus[0]
    assert isinstance(file_menu, QMenu)
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert {
        "&New municipality…",
        "Load the &demo municipality",
        "&Recent municipalities",
        "Make a &backup",
        "&Settings…",
        "E&xit",
    } <= set(texts)


def test_the_settings_dialog_asks_for_the_language(  # type: ignore[no-untyped-def]
    qtbot, polish_window: MainWindow, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs import settings as settings_dialog

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", lambda self: 1)
    monkeypatch.setattr(settings_dialog.SettingsDialog, "chosen_language", lambda self: "en")
    with qtbot.waitSignal(polish_window.language_requested) as requested:
        polish_window.open_settings()
    assert requested.args == ["en"]
    assert settings.value("language") == "en"
