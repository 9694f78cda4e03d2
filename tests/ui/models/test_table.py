"""The one table model: column specs give display, alignment, sort keys, ids and edits."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.errors import UserError
from ui.models.roles import ID_ROLE, KEY_ROLE, SORT_ROLE
from ui.models.table import RIGHT, Column, TableModel

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
EDIT = Qt.ItemDataRole.EditRole


@dataclass(frozen=True)
class School:
    id: str
    name: str
    pupils: int
    opened: date | None = None


ROWS = [
    School("a", "Szkoła Podstawowa nr 1 im. Marii Skłodowskiej-Curie w Łęcznej", 412),
    School("b", "Żłobek", 9, date(2020, 9, 1)),
]


def model(**kwargs: Any) -> TableModel[School]:
    columns = [
        Column("Nazwa", lambda s: s.name),
        Column("Uczniowie", lambda s: s.pupils, align=RIGHT, header_tooltip="Liczba uczniów"),
        Column("Otwarta", lambda s: s.opened),
    ]
    built: TableModel[School] = TableModel(columns, **kwargs)
    built.set_rows(ROWS)
    return built


def test_cells_show_their_values_and_say_which_record_they_are(qtbot):
    table = model()
    assert table.rowCount() == 2 and table.columnCount() == 3
    assert table.index(1, 0).data(DISPLAY) == "Żłobek"
    assert table.index(0, 1).data(DISPLAY) == "412"
    assert table.index(1, 2).data(DISPLAY) == "01.09.2020"
    assert table.index(0, 2).data(DISPLAY) == ""  # nothing, not "None"
    assert table.index(1, 0).data(ID_ROLE) == "b"
    assert table.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert table.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert table.headerData(1, Qt.Orientation.Horizontal) == "Uczniowie"
    assert table.headerData(1, Qt.Orientation.Horizontal, TOOLTIP) == "Liczba uczniów"
    assert table.headerData(9, Qt.Orientation.Horizontal) is None


def test_long_texts_get_a_tooltip_short_ones_do_not(qtbot):
    table = model()
    assert table.index(0, 0).data(TOOLTIP) == ROWS[0].name
    assert table.index(1, 0).data(TOOLTIP) is None


def test_numbers_sort_as_numbers_and_text_folded(qtbot):
    table = model()
    assert table.index(0, 1).data(SORT_ROLE) == 412
    assert table.index(1, 1).data(SORT_ROLE) == 9
    assert table.index(1, 0).data(SORT_ROLE) == "żłobek"


def test_one_row_accessor_and_lookup_by_id(qtbot):
    table = model()
    assert table.row_at(1) is ROWS[1]
    assert table.row_at(2) is None and table.row_at(-1) is None
    assert table.row_of("b") == 1 and table.row_of("zzz") == -1
    assert table.find("a") is ROWS[0] and table.find("zzz") is None


def test_the_same_records_update_in_place_others_reset(qtbot):
    table = model()
    with qtbot.waitSignal(table.dataChanged, timeout=1000):
        table.set_rows([replace(ROWS[0], pupils=413), ROWS[1]])
    assert table.index(0, 1).data(DISPLAY) == "413"
    with qtbot.waitSignal(table.modelReset, timeout=1000):
        table.set_rows([ROWS[1]])
    assert table.rowCount() == 1
    with qtbot.waitSignal(table.modelReset, timeout=1000):
        table.set_rows([])
    assert table.rowCount() == 0 and table.index(0, 0).data(DISPLAY) is None


def test_an_editable_column_saves_through_its_edit_and_refuses_bad_input(qtbot):
    saved: list[tuple[str, Any]] = []
    problems: list[str] = []

    def save(school: School, value: Any) -> None:
        if not str(value).strip():
            raise UserError("Pole „Nazwa” nie może być puste.", field="name")
        saved.append((school.id, value))

    columns = [
        Column("Nazwa", lambda s: s.name, edit=save),
        Column("Uczniowie", lambda s: s.pupils),
    ]
    table: TableModel[School] = TableModel(columns, on_error=lambda e: problems.append(e.message))
    table.set_rows(ROWS)
    assert table.flags(table.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not table.flags(table.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert table.index(0, 0).data(EDIT) == ROWS[0].name
    assert table.index(0, 1).data(KEY_ROLE) == 412
    assert table.setData(table.index(1, 0), "Przedszkole", EDIT)
    assert saved == [("b", "Przedszkole")]
    assert not table.setData(table.index(1, 0), "   ", EDIT)
    assert problems == ["Pole „Nazwa” nie może być puste."]
    assert not table.setData(table.index(1, 1), 10, EDIT)  # not editable
    assert saved == [("b", "Przedszkole")]


def test_without_an_error_handler_the_users_error_reaches_the_caller(qtbot):
    def refuse(school: School, value: Any) -> None:
        raise UserError("Za długa nazwa.")

    table: TableModel[School] = TableModel([Column("Nazwa", lambda s: s.name, edit=refuse)])
    table.set_rows(ROWS)
    with pytest.raises(UserError):
        table.setData(table.index(0, 0), "x" * 10_000, EDIT)
