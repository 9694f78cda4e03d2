"""A table's columns keep within its width: the important one stretches, the widest give way."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QHeaderView, QStyle, QTableView

from ui.style import fits
from ui.widgets.column_fit import fit_width

HEADERS = ["Data", "Tytuł", "Powiązanie z planem", "Autor notatki"]
WANTED = {0: 60, 2: 260, 3: 160}


def _table(qtbot: Any, width: int, keep: tuple[int, ...] = ()) -> QTableView:
    model = QStandardItemModel(3, len(HEADERS))
    model.setHorizontalHeaderLabels(HEADERS)
    for row in range(3):
        for column in range(len(HEADERS)):
            text = "16.11.2026" if column == 0 else f"tekst {row}.{column} " * 4
            model.setItem(row, column, QStandardItem(text))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    for column, size in WANTED.items():
        table.horizontalHeader().resizeSection(column, size)
    fit_width(table, 1, keep)
    table.resize(width, 300)
    table.show()
    qtbot.waitExposed(table)
    QApplication.processEvents()
    return table


def _headers_whole(table: QTableView) -> bool:
    header = table.horizontalHeader()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    return all(
        fits(text, header.fontMetrics(), header.sectionSize(i) - 2 * margin - 4, header.height())
        for i, text in enumerate(HEADERS)
    )


def test_a_narrow_table_does_not_scroll_sideways_and_shows_every_header(qtbot: Any) -> None:
    table = _table(qtbot, 500)
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert _headers_whole(table)
    assert header.sectionSize(2) < WANTED[2]  # the widest gave way
    assert header.sectionSize(0) == WANTED[0]  # the narrow one keeps its width


def test_a_wide_table_gives_each_column_what_it_wants_and_the_rest_to_the_title(
    qtbot: Any,
) -> None:
    table = _table(qtbot, 420)
    table.resize(1200, 300)
    QApplication.processEvents()
    header = table.horizontalHeader()
    assert [header.sectionSize(c) for c in WANTED] == list(WANTED.values())
    assert header.sectionSize(1) > 1200 - sum(WANTED.values()) - 40
    assert table.horizontalScrollBar().maximum() == 0


def test_a_column_the_user_sizes_keeps_that_width(qtbot: Any) -> None:
    table = _table(qtbot, 1200)
    header = table.horizontalHeader()
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton)  # a drag holds the button
    header.resizeSection(3, 120)
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton)
    table.resize(1100, 300)
    QApplication.processEvents()
    assert header.sectionSize(3) == 120


def test_a_kept_column_stays_whole_however_narrow(qtbot: Any) -> None:
    plain = _table(qtbot, 440)
    assert plain.horizontalHeader().sectionSize(0) < plain.sizeHintForColumn(0)  # cut
    table = _table(qtbot, 440, keep=(0,))
    header = table.horizontalHeader()
    assert header.sectionSize(0) >= table.sizeHintForColumn(0)
    assert table.horizontalScrollBar().maximum() == 0


def _wide_table(qtbot: Any, width: int) -> tuple[QTableView, Any]:
    headers = ["Nazwa"] + [f"Kolumna numer {n}" for n in range(1, 9)]
    model = QStandardItemModel(2, len(headers))
    model.setHorizontalHeaderLabels(headers)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    fitting = fit_width(table, 0, optional=(8, 7, 6, 5))
    table.resize(width, 200)
    table.show()
    qtbot.waitExposed(table)
    QApplication.processEvents()
    return table, fitting


def test_optional_columns_fold_when_even_headers_do_not_fit_and_come_back(qtbot: Any) -> None:
    table, _fitting = _wide_table(qtbot, 500)
    header = table.horizontalHeader()
    folded = [column for column in range(9) if header.isSectionHidden(column)]
    assert folded and set(folded) <= {5, 6, 7, 8}
    assert 8 in folded  # the first named folds first
    table.resize(2400, 200)
    QApplication.processEvents()
    assert not any(header.isSectionHidden(column) for column in range(9))


def test_a_folded_column_the_user_shows_again_stays_shown(qtbot: Any) -> None:
    table, fitting = _wide_table(qtbot, 500)
    header = table.horizontalHeader()
    assert header.isSectionHidden(8)
    header.setSectionHidden(8, False)  # the header menu's tick
    table.resize(480, 200)
    QApplication.processEvents()
    assert not header.isSectionHidden(8)
    assert 8 not in fitting.optional


def test_a_column_kept_and_optional_shows_whole_or_not_at_all(qtbot: Any) -> None:
    model = QStandardItemModel(2, 3)
    model.setHorizontalHeaderLabels(["Ryzyko", "Ocena", "Właściciel"])
    for row in range(2):
        model.setItem(row, 0, QStandardItem("Brak specjalistów na lokalnym rynku pracy"))
        model.setItem(row, 1, QStandardItem("16 – krytyczne"))
        model.setItem(row, 2, QStandardItem("Magdalena Stachowiak-Wróblewska"))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    fit_width(table, 0, keep=(1, 2), optional=(2,))
    header = table.horizontalHeader()
    owner = table.sizeHintForColumn(2)
    for width, shown in ((900, True), (380, False), (900, True)):
        table.resize(width, 200)
        table.show()
        qtbot.waitExposed(table)
        QApplication.processEvents()
        assert header.isSectionHidden(2) is not shown, width
        if shown:
            assert header.sectionSize(2) >= owner  # whole, never "Magdal…"
