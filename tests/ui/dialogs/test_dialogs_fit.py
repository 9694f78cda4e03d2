"""The dialogs of monitoring, visits, school data and networks fit a 1366×768 laptop at 125 %.

Each dialog is opened the way its button opens it (``exec`` shows it instead of
waiting) and must be able to be as small as 1093×526 logical pixels (the
screen less the taskbar and its title bar), with every label whole at its size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from app import i18n
from app.exchange.export import export_package
from app.storage.store import Store
from tests.ui.test_fit_screen import DIALOG_ROOM, cut_placeholders
from ui.main_window import MainWindow

ROOM = DIALOG_ROOM


@pytest.fixture(params=["pl", "en"])
def demo_window(
    request: pytest.FixtureRequest, qtbot: Any, settings: Any, demo_store: Store
) -> Iterator[MainWindow]:
    i18n.set_language(request.param)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_store(demo_store)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1093, 558)
    window.show()
    qtbot.waitExposed(window)
    yield window
    i18n.set_language("pl")


def _opened(monkeypatch: pytest.MonkeyPatch, open_it: Callable[[], object]) -> QDialog:
    shown: list[QDialog] = []

    def show_instead(dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        shown.append(dialog)
        return 0

    monkeypatch.setattr(QDialog, "exec", show_instead)
    result = open_it()
    if not shown and isinstance(result, QDialog):
        shown.append(result)
    assert shown, "no dialog opened"
    return shown[0]


def _cut_labels(dialog: QWidget) -> list[str]:
    cut = []
    for label in dialog.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 1:
                cut.append(label.text()[:50])
        elif label.width() + 1 < label.sizeHint().width():
            cut.append(label.text()[:50])
    return cut


def _fits(dialog: QDialog) -> None:
    least = dialog.minimumSize().expandedTo(dialog.minimumSizeHint())
    assert least.width() <= ROOM.width() and least.height() <= ROOM.height(), least
    dialog.resize(least.expandedTo(dialog.size()).boundedTo(ROOM))
    QApplication.processEvents()
    assert _cut_labels(dialog) + cut_placeholders(dialog) == []


def _page(window: MainWindow, key: str) -> Any:
    row = next(i for i, page in enumerate(window.pages) if page.key == key)
    window.navigation.setCurrentRow(row)
    QApplication.processEvents()
    return window.pages[row]


def test_the_visit_mode_fits_and_its_review_cards_keep_within_their_column(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(demo_window, "visits")
    dialog = page.open_visit_mode()
    assert dialog is not None
    dialog.resize(ROOM)
    QApplication.processEvents()
    _fits(dialog)
    rows = dialog.review.rows
    assert rows
    viewport = rows[0].parentWidget().parentWidget()  # the review's scroll area viewport
    for row in rows:
        assert row.width() <= viewport.width()
        for button in row.buttons.values():
            assert button.geometry().right() <= row.contentsRect().right()
    old = list(rows)
    dialog.refresh()  # the rows are made again: the old ones vanish at once
    QApplication.processEvents()
    assert not any(row.isVisible() for row in old if row not in dialog.review.rows)
    dialog.close()


def test_the_import_preview_fits_with_its_summary_whole(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, demo_store: Store, tmp_path: Path
) -> None:
    municipality = demo_window.municipality_id
    assert municipality is not None
    path = export_package(demo_store, municipality, tmp_path / "x").path
    dialog = _opened(monkeypatch, lambda: demo_window.import_package(str(path)))
    _fits(dialog)
    dialog.reject()


OPENERS = (
    "settings",
    "about",
    "export_pdf",
    "export_package",
    "import_sheet",
    "school_years",
    "new_network",
    "add_member",
    "add_module",
    "add_session",
    "add_practice",
    "add_meeting",
    "add_item",
    "add_participant",
    "add_step",
)


def test_each_dialog_fits_the_laptop(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = demo_window
    school_data = _page(window, "school_data")
    openers: dict[str, Callable[[], object]] = {
        "settings": window.open_settings,
        "about": window._about,
        "export_pdf": window.export_pdf,
        "export_package": window.export_package,
        "import_sheet": school_data._import,
        "school_years": school_data._school_years,
    }
    networks = _page(window, "networks")
    for name in OPENERS:
        if name not in openers:
            owner = networks.meetings if hasattr(networks.meetings, name) else networks
            openers[name] = getattr(owner, name)
    problems = []
    for name in OPENERS:
        dialog = _opened(monkeypatch, openers[name])
        try:
            _fits(dialog)
        except AssertionError as error:
            problems.append(f"{name}: {error}")
        dialog.reject()
        QApplication.processEvents()
    assert problems == []


def test_the_snapshot_of_a_closed_year_fits(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _opened(monkeypatch, _page(demo_window, "school_data")._school_years)
    dialog.table.selectRow(0)
    dialog.view_year()
    viewer = dialog.viewer
    assert viewer.isVisible()
    _fits(viewer)
    assert viewer.height() <= ROOM.height()
    viewer.close()
    dialog.reject()
