"""F1 opens the built-in guide (every topic, and the shortcuts); About tells all."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QSplitter

from app import i18n
from app.storage.store import Store
from app.version import __version__
from ui.dialogs.about import AboutDialog
from ui.dialogs.help_viewer import HelpWindow, chapters, guide_text
from ui.main_window import MainWindow

TOPICS = [
    "Pierwsze kroki",
    "Plan rozwoju oświaty",
    "Wskaźniki",
    "HDR",
    "Monitoring",
    "Wizyty doradcze",
    "Dokumenty PDF",
    "Pliki wymiany",
    "Kopie zapasowe",
]


def test_f1_opens_the_guide_with_every_topic_and_the_shortcuts(
    qtbot: Any, window: MainWindow, store: Store
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = window.help_window
    assert isinstance(help_window, HelpWindow) and help_window.isVisible()
    titles = [help_window.contents.item(i).text() for i in range(help_window.contents.count())]
    for topic in TOPICS:
        assert any(title.startswith(topic) for title in titles), topic
    assert titles[-1] == "Skróty klawiszowe"
    help_window.show_shortcuts()
    shortcuts = help_window.text.toPlainText()
    for keys in ("Ctrl+P", "Ctrl+Z", "Ctrl+M", "F1", "Ctrl+Shift+1"):
        assert keys in shortcuts, keys
    assert "Eksportuj dokument PDF" in shortcuts
    help_window.contents.setCurrentRow(0)
    assert "1.9.2026" in help_window.text.toPlainText()  # how to type dates
    help_window.close()


@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_chapter_has_real_content(language: str) -> None:
    found = chapters(guide_text(language))
    assert len(found) >= len(TOPICS)
    for title, body in found:
        assert len(body) > 300, title


def test_about_shows_version_data_folder_and_licences(
    qtbot: Any, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[AboutDialog] = []

    def capture(dialog: AboutDialog) -> int:
        shown.append(dialog)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(AboutDialog, "exec", capture)
    window._about()
    [about] = shown
    texts = " ".join(label.text() for label in about.findChildren(type(about.folder)))
    assert __version__ in texts
    assert about.folder.text() == str(store.paths.root)
    licences = about.licences.toPlainText()
    for expected in ("PySide6", "LGPL", "SQLAlchemy", "reportlab", "Noto Sans", "Open Font"):
        assert expected in licences, expected


def test_the_guide_follows_the_interface_language() -> None:
    i18n.set_language("en")
    try:
        assert chapters(guide_text())[0][0] == "First steps"
    finally:
        i18n.set_language("pl")


@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_chapter_title_shows_whole(qtbot: Any, language: str) -> None:
    i18n.set_language(language)
    try:
        help_window = HelpWindow()
        qtbot.addWidget(help_window)
        help_window.resize(900, 540)
        help_window.show()
        qtbot.waitExposed(help_window)
        contents = help_window.contents
        splitter = contents.parentWidget()
        assert isinstance(splitter, QSplitter)
        splitter.setSizes([150, 700])  # a narrow list: as at 125 % on a laptop
        QApplication.processEvents()
        assert contents.horizontalScrollBar().maximum() == 0
        room = contents.viewport().width()
        metrics = contents.fontMetrics()
        for row in range(contents.count()):
            item = contents.item(row)
            rect = contents.visualItemRect(item)
            lines = max(1, rect.height() // metrics.lineSpacing())
            assert metrics.horizontalAdvance(item.text()) <= room * lines, item.text()
    finally:
        i18n.set_language("pl")
