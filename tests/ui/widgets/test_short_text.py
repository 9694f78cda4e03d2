"""A cell with a short form shows it where the whole text would be cut, and only there."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from ui.models.roles import SHORT_TEXT_ROLE
from ui.widgets.short_text import ShortWhenNarrow, fits

MONTHS = [("październik 2026", "paź 2026"), ("maj 2026", "maj 2026"), ("luty 2027", "lut 2027")]


def table(qtbot: Any, width: int, whole: dict[int, int] | None = None) -> QTableView:
    model = QStandardItemModel()
    for long, short in MONTHS:
        item = QStandardItem(long)
        item.setData(short, SHORT_TEXT_ROLE)
        model.appendRow([item])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegateForColumn(0, ShortWhenNarrow(view, whole))
    view.setColumnWidth(0, width)
    return view


def drawn(view: QTableView) -> list[str]:
    texts = []
    for row in range(view.model().rowCount()):
        index = view.model().index(row, 0)
        option = QStyleOptionViewItem()
        option.rect = view.visualRect(index)
        option.widget = view
        view.itemDelegateForIndex(index).initStyleOption(option, index)
        assert fits(option, option.text)
        texts.append(option.text)
    return texts


def test_each_cell_is_whole_when_it_fits_and_short_when_it_would_be_cut(qtbot: Any) -> None:
    wide = view_width = 400
    assert drawn(table(qtbot, wide)) == ["październik 2026", "maj 2026", "luty 2027"]
    metrics = table(qtbot, view_width).fontMetrics()
    narrow = metrics.horizontalAdvance("luty 2027") + 12  # "październik 2026" does not fit
    assert drawn(table(qtbot, narrow)) == ["paź 2026", "maj 2026", "luty 2027"]


def test_a_column_told_its_longest_text_shows_every_cell_alike(qtbot: Any) -> None:
    metrics = table(qtbot, 400).fontMetrics()
    longest = metrics.horizontalAdvance("październik 2026") + 12
    narrow = metrics.horizontalAdvance("luty 2027") + 12
    assert drawn(table(qtbot, narrow, {0: longest})) == ["paź 2026", "maj 2026", "lut 2027"]
    assert drawn(table(qtbot, longest, {0: longest}))[0] == "październik 2026"
