"""Every page and tab fits a 1366×768 laptop at 125 % (1093×558 logical) with nothing cut.

No page scrolls sideways; labels show their whole text (a wrapping label has the height it needs),
table headers show every word (they may wrap onto more lines), buttons show
their captions, dates in table cells are whole, the window can be that small, and no
scroll area sits inside another.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from app import i18n
from app.storage.store import Store
from ui.main_window import PAGES, MainWindow
from ui.style import fits

LAPTOP = QSize(1093, 558)
TITLE_BAR = 32  # what the window manager's title bar takes of a dialog's 558 pixels
DIALOG_ROOM = QSize(LAPTOP.width(), LAPTOP.height() - TITLE_BAR)


@pytest.fixture(params=["pl", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("pl")


def _every_screen(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Each page, each of its tabs and inner tabs, laid out (the posted layout requests handled)."""
    for row, page in enumerate(window.pages):
        window.navigation.setCurrentRow(row)
        QApplication.processEvents()
        tabs = page.findChildren(QTabWidget)[:1]
        if not tabs:
            yield page.key, page
        for widget in tabs:
            yield from _every_tab(widget, page.key, page)


def _every_tab(tabs: QTabWidget, where: str, page: QWidget) -> Iterator[tuple[str, QWidget]]:
    """Each tab of ``tabs``; a tab holding its own tab widget, each of those tabs too."""
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        here = f"{where}/{tabs.tabText(index)}"
        inner = [
            found for found in tabs.widget(index).findChildren(QTabWidget) if found.isVisible()
        ]
        if inner:
            yield from _every_tab(inner[0], here, page)
        else:
            yield here, page


def _cut_labels(page: QWidget) -> list[str]:
    cut = []
    for label in page.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 1:
                cut.append(
                    f"label (height {label.height()} < {label.heightForWidth(label.width())}) "
                    f"{label.text()[:40]!r}"
                )
        elif label.width() + 1 < label.sizeHint().width():
            cut.append(f"label {label.text()[:40]!r}")
    return cut


cut_labels = _cut_labels  # the dialogs' fit test checks their labels the same way


def _cut_headers(page: QWidget) -> list[str]:
    cut = []
    for header in page.findChildren(QHeaderView):
        if not header.isVisible() or header.orientation() != Qt.Orientation.Horizontal:
            continue
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        model = header.model()
        for section in range(header.count()):
            text = model.headerData(section, Qt.Orientation.Horizontal) if model else None
            if header.isSectionHidden(section) or not text:
                continue
            room = header.sectionSize(section) - 2 * margin - 4
            if not fits(str(text), header.fontMetrics(), room, header.height()):
                cut.append(f"header {text!r}")
    return cut


def _cut_buttons(page: QWidget) -> list[str]:
    cut = []
    for button in page.findChildren(QAbstractButton):
        text = button.text().replace("&", "")
        shown = button.isVisible() and text and button.icon().isNull()
        if shown and button.width() < button.fontMetrics().horizontalAdvance(text) + 8:
            cut.append(f"button {text!r}")
    return cut


def cut_placeholders(page: QWidget) -> list[str]:
    """An empty field whose grey hint is cut ("Szukaj w notatkach (wielkość liter i…")."""
    cut = []
    for field in page.findChildren(QLineEdit):
        hint = field.placeholderText()
        if not field.isVisible() or field.text() or not hint:
            continue
        room = field.contentsRect().width() - field.textMargins().left() - 8
        room -= 22 * len(field.actions())  # a calendar or clear button inside the field
        if field.fontMetrics().horizontalAdvance(hint) > room:
            cut.append(f"hint {hint!r}")
    return cut


DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2}")


def _cut_dates(page: QWidget) -> list[str]:
    """A date in a table cell that its column cuts ("16.11.20…")."""
    cut = []
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisible() or model is None or not isinstance(view, QTableView | QTreeView):
            continue
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        for column in range(model.columnCount()):
            if header.isSectionHidden(column):
                continue
            for row in range(min(model.rowCount(), 20)):
                index = model.index(row, column)
                text = str(index.data() or "")
                if not DATE.search(text):
                    continue
                font = index.data(Qt.ItemDataRole.FontRole) or view.font()
                needed = QFontMetrics(font).horizontalAdvance(text) + 6
                if isinstance(view, QTreeView) and column == 0:
                    continue  # the tree's own column carries indentation and branches
                if header.sectionSize(column) < needed:
                    cut.append(f"{view.accessibleName() or view.objectName()}: date {text!r} cut")
    return cut


def _sideways(page: QWidget) -> list[str]:
    """A page (a scroll area of a page, a table or tree) that would need scrolling sideways."""
    kinds = (QScrollArea, QAbstractItemView)
    return [
        f"{area.accessibleName() or area.objectName() or type(area).__name__} scrolls sideways"
        for area in page.findChildren(QAbstractScrollArea)
        if isinstance(area, kinds) and area.isVisible() and area.horizontalScrollBar().maximum()
    ]


def _nested_scrolling(page: QWidget) -> list[str]:
    nested = []
    for area in page.findChildren(QScrollArea):
        parent = area.parentWidget()
        while parent is not None and parent is not page:
            if isinstance(parent, QScrollArea | QAbstractItemView):
                nested.append(f"scroll area in scroll area: {area.objectName() or area}")
                break
            parent = parent.parentWidget()
    return nested


def _laptop_window(qtbot: Any, settings: Any, store: Store, row: int = 0) -> MainWindow:
    """The demo window at 1093×558, showing page ``row``."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_store(store)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(LAPTOP)
    window.navigation.setCurrentRow(row)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def test_every_page_fits_the_laptop_with_nothing_cut(
    qtbot: Any, settings: Any, demo_store: Store, language: str
) -> None:
    window = _laptop_window(qtbot, settings, demo_store)
    assert window.minimumSize().boundedTo(LAPTOP) == window.minimumSize()
    problems = []
    for where, page in _every_screen(window):
        assert window.size() == LAPTOP, f"{where}: the window grew to {window.size()}"
        found = _cut_labels(page) + _cut_headers(page) + _cut_buttons(page)
        found += _nested_scrolling(page) + _sideways(page) + _cut_dates(page)
        found += cut_placeholders(page)
        problems += [f"{where}: {problem}" for problem in found]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("size", [LAPTOP, QSize(1920, 1080)])
def test_overview_cards_show_their_whole_legend_on_first_show(
    qtbot: Any, settings: Any, demo_store: Store, size: QSize
) -> None:
    from ui.pages.overview import OverviewPage
    from ui.widgets.status_bar_chart import StatusBarChart

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_store(demo_store)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(size)
    window.navigation.setCurrentRow(0)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    page = window.pages[0]
    assert isinstance(page, OverviewPage)
    charts = [chart for chart in page.findChildren(StatusBarChart) if chart.isVisible()]
    assert len(charts) == 4
    for chart in charts:
        assert chart.height() >= chart.heightForWidth(chart.width()), chart.describe()


@pytest.mark.parametrize("size", [QSize(1366, 768), QSize(1920, 1080)])
def test_overview_cards_show_their_whole_legend_when_the_data_comes_after_the_window(
    qtbot: Any, settings: Any, demo_store: Store, size: QSize
) -> None:
    """As the program starts: the window is on screen first, the store's data comes next."""
    from ui.pages.overview import OverviewPage
    from ui.widgets.status_bar_chart import StatusBarChart

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    window.set_store(demo_store)
    window.navigation.setCurrentRow(0)
    page = window.pages[0]
    assert isinstance(page, OverviewPage)
    qtbot.waitUntil(
        lambda: len([c for c in page.findChildren(StatusBarChart) if c.isVisible()]) == 4
    )
    QApplication.processEvents()
    for chart in (c for c in page.findChildren(StatusBarChart) if c.isVisible()):
        assert chart.height() >= chart.heightForWidth(chart.width()), chart.describe()


def test_the_visit_form_fits_the_laptop_without_scrolling(
    qtbot: Any, settings: Any, demo_store: Store, language: str
) -> None:
    from ui.pages.visits import VisitsPage

    row = [key for key, _title in PAGES].index("visits")
    window = _laptop_window(qtbot, settings, demo_store, row)
    page = window.pages[row]
    assert isinstance(page, VisitsPage)
    assert page.current_id() is not None  # a visit is shown in the forms
    scrolling = [
        area.widget().__class__.__name__
        for area in page.findChildren(QScrollArea)
        if area.isVisible() and area.verticalScrollBar().maximum() > 0
    ]
    assert scrolling == []
    for form in (page.header_form, page.people_form, page.content_form):
        assert form.height() >= form.minimumSizeHint().height()
        for editor in form.editors.values():
            least = editor.minimumHeight() or editor.minimumSizeHint().height()
            assert editor.isVisible() and editor.height() >= least, editor.objectName()
    counts = page.table.horizontalHeader().sectionSize(4)  # what the counts say, whole
    assert counts >= page.table.sizeHintForColumn(4)
