"""The generic record table, without a window: columns, formatting, batches."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.model import Municipality, School
from app.services import records
from app.storage.store import Store
from ui.models import records as table
from ui.models.records import Column, RecordTableModel
from ui.models.roles import ID_ROLE


def test_rows_columns_and_formatting(store: Store) -> None:
    m = records.create(store, Municipality, name="Gmina", kind="rural")
    records.create(
        store,
        School,
        m.id,
        name="SP w Łęgu",
        school_type="szkola_podstawowa",
        pupils=1234,
        support_stage="agreement",
    )
    model = RecordTableModel(
        [Column("name", "Nazwa"), Column("pupils", "Uczniów"), Column("support_stage", "Etap")],
        lambda: records.children(store, School, municipality_id=m.id),
    )
    model.reload()
    assert model.rowCount() == 1 and model.columnCount() == 3
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nazwa"
    assert model.index(0, 0).data() == "SP w Łęgu"
    assert model.index(0, 1).data().replace("\u00a0", " ") in {"1 234", "1234", "1,234"}
    assert model.index(0, 2).data() == "2. ustalenie sposobów działania"
    assert model.index(0, 0).data(ID_ROLE) == model.row_at(0).id  # type: ignore[union-attr]


def test_long_lists_arrive_in_batches(store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(table, "BATCH", 10)
    m = records.create(store, Municipality, name="Gmina", kind="rural")
    for n in range(25):
        records.create(store, School, m.id, name=f"Szkoła {n:02}", school_type="szkola_podstawowa")
    model = RecordTableModel(
        [Column("name", "Nazwa")], lambda: records.children(store, School, municipality_id=m.id)
    )
    model.reload()
    assert model.rowCount() == 10 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 20
    last = model.row_at(24)
    assert last is not None and model.row_of(last.id) == 24
    assert model.rowCount() == 25 and not model.canFetchMore()
