"""The HDR page's advisory-cycle tab as shown on a laptop (issue 17's smaller defects).

The stage sentence ("Zespół jest na etapie 5 z 6: …") is shown once, and the
"team is here" mark beside the current step is never cut, in English either.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from app import i18n
from app.storage.store import Store
from ui.main_window import MainWindow
from ui.pages.hdr import CYCLE_TAB, HdrPage

LAPTOP = QSize(1093, 558)  # 1366×698 at 125 %


@pytest.fixture(params=["pl", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("pl")


@pytest.fixture
def cycle_page(language: str, demo_store: Store, window: MainWindow) -> HdrPage:
    """The demo's HDR page on its cycle tab, in a laptop-sized window (built in ``language``)."""
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(LAPTOP)
    page = next(p for p in window.pages if isinstance(p, HdrPage))
    window.navigation.setCurrentRow(window.pages.index(page))
    page.tabs.setCurrentIndex(CYCLE_TAB)
    QApplication.processEvents()
    assert window.size() == LAPTOP
    current = page.cycle.model.current
    assert current is not None and current >= 0, "the demo's team is somewhere in the cycle"
    return page


def test_the_stage_sentence_is_shown_once(cycle_page: HdrPage) -> None:
    sentence = cycle_page.cycle.model.where_text()
    assert sentence
    shown = [
        label
        for label in cycle_page.findChildren(QLabel)
        if label.isVisible() and sentence in label.text()
    ]
    assert len(shown) == 1, [label.objectName() for label in shown]


# The list as the laptop shows it, and narrower (its splitter dragged, or a 125 % screen
# under xcb, where one line "5. Implementation directions ◀ current" was cut to "◀ …").
@pytest.mark.parametrize("width", [None, 250])
def test_the_team_is_here_mark_is_never_cut(cycle_page: HdrPage, width: int | None) -> None:
    view = cycle_page.cycle.steps
    if width is not None:
        view.setFixedWidth(width)
        QApplication.processEvents()
    current = cycle_page.cycle.model.current
    assert current is not None
    index = view.model().index(current, 0)
    text = str(index.data())
    assert "◀" in text
    option = QStyleOptionViewItem()
    delegate = view.itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)  # its font (bold), check box, text
    option.rect = view.visualRect(index)
    room = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    metrics = QFontMetrics(option.font)
    lines = text.splitlines()
    too_wide = [line for line in lines if metrics.horizontalAdvance(line) > room.width()]
    assert too_wide == [], f"cut in a row {room.width()} px wide: {too_wide}"
    assert room.height() >= len(lines) * metrics.height(), "every line of the row is shown"
