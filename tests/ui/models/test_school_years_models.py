"""The closed school years' list and a closed year's parts, over the demo store, no window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.demo import load_demo
from app.services import snapshot_view, snapshots
from app.services.snapshot_view import Table
from app.storage.store import Store
from ui.models.school_years import PartModel, SnapshotListModel
from ui.models.table import RIGHT

DISPLAY, ALIGN = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole


def test_the_demos_closed_year_and_its_parts(store: Store) -> None:
    municipality_id = load_demo(store)[0].id
    found = snapshots.list_snapshots(store, municipality_id)
    model = SnapshotListModel()
    model.set_rows(found)
    assert [model.index(0, c).data(DISPLAY) for c in range(3)] == [
        "2025/2026",
        "zamknięty",
        "31 sierpnia 2026",
    ]
    assert model.row_at(0) == found[0]

    parts = snapshot_view.view(store, found[0].id)
    first = PartModel(parts[0])
    assert first.rowCount() == len(parts[0].rows) > 0
    assert first.columnCount() == len(parts[0].headers)
    assert first.index(0, 0).data(DISPLAY) == parts[0].rows[0][0]


def test_numbers_are_right_aligned_but_not_dates_or_the_first_column() -> None:
    headers = ("Nazwa", "Uczniowie", "Od", "Uwagi")
    part = Table("Szkoły", headers, [("12 SP", "240", "01.09.2025", "")])
    model = PartModel(part)
    assert [model.index(0, c).data(ALIGN) for c in range(4)] == [None, RIGHT, None, None]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Uczniowie"
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
