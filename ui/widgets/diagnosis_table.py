"""A grid editor for a diagnosis table: type into cells or paste from a spreadsheet.

Ctrl+V pastes tab-separated cells (as Excel and LibreOffice copy them) at the
current cell, growing the grid as needed; the first row holds the column
headers. "Zapisz tabelę" stores the grid as tab-separated text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.strategy import parse_pasted


class GridTable(QTableWidget):
    """A QTableWidget that pastes a block of tab-separated cells."""

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_text(QGuiApplication.clipboard().text())
            return
        super().keyPressEvent(event)

    def paste_text(self, text: str) -> None:
        rows = parse_pasted(text)
        if not rows:
            return
        top = max(self.currentRow(), 0)
        left = max(self.currentColumn(), 0)
        self.setRowCount(max(self.rowCount(), top + len(rows)))
        self.setColumnCount(max(self.columnCount(), left + len(rows[0])))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.setItem(top + r, left + c, QTableWidgetItem(value))

    def rows(self) -> list[list[str]]:
        found = []
        for r in range(self.rowCount()):
            row = [_text(self.item(r, c)) for c in range(self.columnCount())]
            if any(cell.strip() for cell in row):
                found.append(row)
        width = max(
            (max((i + 1 for i, c in enumerate(r) if c.strip()), default=0) for r in found),
            default=0,
        )
        return [r[:width] for r in found]

    def set_rows(self, rows: list[list[str]]) -> None:
        self.clear()
        self.setRowCount(max(len(rows), 3))
        self.setColumnCount(max((len(r) for r in rows), default=3))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.setItem(r, c, QTableWidgetItem(value))


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


class DiagnosisTableEditor(QWidget):
    def __init__(self, save: Callable[[list[list[str]]], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.save = save
        self.grid = GridTable()
        self.grid.setObjectName("diagnosis_grid")
        self.grid.setAccessibleName(_("Komórki tabeli (pierwszy wiersz to nagłówki kolumn)"))
        self.grid.setToolTip(
            _("Wpisz komórki albo wklej je z arkusza (Ctrl+V); pierwszy wiersz to nagłówki.")
        )
        self.add_row = QPushButton(_("+ Wiersz"))
        self.add_row.clicked.connect(lambda: self.grid.setRowCount(self.grid.rowCount() + 1))
        self.add_column = QPushButton(_("+ Kolumna"))
        self.add_column.clicked.connect(
            lambda: self.grid.setColumnCount(self.grid.columnCount() + 1)
        )
        self.save_button = QPushButton(_("Zapisz tabelę"))
        self.save_button.clicked.connect(lambda: self.save(self.grid.rows()))
        buttons = QHBoxLayout()
        for button in (self.add_row, self.add_column, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(buttons)
        box.addWidget(self.grid)
