"""The HDR's models without a window: the priority → item tree, timeline rows, cycle steps."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt

from app.demo import load_demo
from app.model import CYCLE_STEPS, ActionStatus, DevelopmentSchedule
from app.services import hdr, records
from app.storage.store import Store
from ui.models.roles import ID_ROLE, KIND_ROLE, OVERDUE_ROLE, WARNING_ROLE
from ui.models.schedule import (
    ACTION,
    BUDGET,
    END,
    HEADERS,
    PLAN_ACTION,
    START,
    STATUS,
    ScheduleTreeModel,
)
from ui.models.schedule_steps import StepListModel

TODAY = date(2026, 11, 21)


pytestmark = pytest.mark.usefixtures("polish_locale")


@pytest.fixture
def demo(demo_store: Store) -> DevelopmentSchedule:
    municipality, _created = load_demo(demo_store)
    [schedule] = hdr.schedules_of(demo_store, municipality.id)
    return schedule


def _model(store: Store, schedule: DevelopmentSchedule) -> ScheduleTreeModel:
    model = ScheduleTreeModel()
    labels = {c.id: c.label for c in hdr.plan_actions(store, schedule.municipality_id)}
    model.set_schedule(schedule, hdr.items_by_priority(store, schedule.id), labels, TODAY)
    return model


def test_priorities_hold_their_items_with_every_column(
    qapp: object, store: Store, demo: DevelopmentSchedule
) -> None:
    model = _model(store, demo)
    assert model.rowCount() == 3
    assert model.columnCount() == len(HEADERS) == 13
    assert model.headerData(ACTION, Qt.Orientation.Horizontal) == "Priorytet / działanie"
    priority = model.index(0, ACTION)
    assert priority.data(KIND_ROLE) == "priority"
    assert priority.data() == "Doskonalenie nauczycieli oparte na diagnozie potrzeb szkół"
    assert model.rowCount(priority) == 5
    assert model.index(0, START).data() == "styczeń 2025"
    assert model.index(0, END).data() == "październik 2026"
    assert model.index(0, STATUS).data() == ("zrealizowane 4 z 5 · w toku 1 · po terminie 1")
    item = model.index(1, ACTION, priority)
    assert item.data(KIND_ROLE) == "item"
    assert model.parent(item) == model.index(0, 0)
    assert item.data().startswith("Opracowanie wspólnego narzędzia diagnozy")
    assert model.index(1, START, priority).data() == "luty 2025"
    assert model.index(1, END, priority).data() == "maj 2025"
    assert model.index(1, STATUS, priority).data() == "✓ zrealizowane"
    assert model.index(1, BUDGET, priority).data() == "2\u00a0500,00\u00a0zł"
    assert model.index(1, PLAN_ACTION, priority).data() == (
        "2.1 · Procesowe wspomaganie szkół i przedszkoli (cztery etapy wg § 20 rozporządzenia)"
    )
    for column in range(model.columnCount()):
        assert isinstance(model.index(1, column, priority).data(), str)
    assert model.rowCount(item) == 0
    assert model.index(99, 0) == QModelIndex()


def test_overdue_and_outside_period_are_marked(
    qapp: object, store: Store, demo: DevelopmentSchedule
) -> None:
    model = _model(store, demo)
    first = model.index(0, 0)
    late = model.index(3, STATUS, first)  # in progress, ended 06.2026
    assert late.data(OVERDUE_ROLE) is True
    assert late.data() == "▶ w toku · po terminie"
    assert "Po terminie" in late.data(Qt.ItemDataRole.ToolTipRole)
    done = model.index(4, STATUS, first)  # done, ended 10.2026: never overdue
    assert done.data(OVERDUE_ROLE) is False
    assert model.progress.overall.overdue == 4
    assert model.index(3, START, first).data(WARNING_ROLE) == ""
    item = model.items()[0]
    records.update(store, type(item), item.id, start_month=date(2024, 11, 1))
    model = _model(store, records.get(store, DevelopmentSchedule, demo.id))
    start = model.index(0, START, model.index(0, 0))
    assert start.data(WARNING_ROLE) == "Pozycja wykracza poza okres HDR (01.2025–06.2027)."
    assert start.data().endswith("⚠")
    assert start.data(Qt.ItemDataRole.ToolTipRole) == start.data(WARNING_ROLE)


def test_timeline_rows_follow_the_tree(
    qapp: object, store: Store, demo: DevelopmentSchedule
) -> None:
    model = _model(store, demo)
    rows = model.timeline_rows()
    assert [r.kind for r in rows[:7]] == ["priority"] + ["item"] * 5 + ["priority"]
    assert len(rows) == 3 + 16
    assert rows[0].summary == "zrealizowane 4 z 5 · w toku 1 · po terminie 1"
    fourth = rows[4]
    assert (fourth.start, fourth.end, fourth.status) == (
        date(2025, 9, 1),
        date(2026, 6, 1),
        ActionStatus.IN_PROGRESS,
    )
    assert fourth.overdue and fourth.id == model.index(3, 0, model.index(0, 0)).data(ID_ROLE)


def test_items_without_priority_come_last_as_their_own_group(
    qapp: object, store: Store, demo: DevelopmentSchedule
) -> None:
    item = _model(store, demo).items()[0]
    hdr.place_item(store, item.id, None, 0)
    model = _model(store, demo)
    loose = model.index(3, ACTION)
    assert (loose.data(KIND_ROLE), loose.data()) == ("loose", "Bez priorytetu")
    assert model.rowCount(loose) == 1
    assert not model.flags(loose) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(loose) & Qt.ItemFlag.ItemIsEditable
    assert model.timeline_rows()[-2].label == "Bez priorytetu"


def test_dropping_items_and_priorities_emits_moves(
    qapp: object, store: Store, demo: DevelopmentSchedule
) -> None:
    model = _model(store, demo)
    moves: list[tuple[str, str, str, int]] = []
    model.move_requested.connect(lambda *args: moves.append(args))
    first, second = model.index(0, 0), model.index(1, 0)
    item = model.index(0, 0, first)
    data = model.mimeData([item])
    # Down within its priority: it leaves its place first, so index 2.
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, first) is False
    # Into another priority, at its start; onto an item: just before that item.
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, second)
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index(2, 0, second))
    item_id, first_id, second_id = item.data(ID_ROLE), first.data(ID_ROLE), second.data(ID_ROLE)
    assert moves == [
        ("item", item_id, first_id, 2),
        ("item", item_id, second_id, 0),
        ("item", item_id, second_id, 2),
    ]
    moves.clear()
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, first)  # where it is: nothing
    assert moves == []
    priority_data = model.mimeData([second])
    assert model.canDropMimeData(priority_data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not model.canDropMimeData(priority_data, Qt.DropAction.MoveAction, 0, 0, first)
    model.dropMimeData(priority_data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert moves == [("priority", second_id, "", 0)]
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    junk = QMimeData()
    junk.setText("item:" + item_id)
    assert not model.canDropMimeData(junk, Qt.DropAction.MoveAction, 0, 0, first)


def test_rename_of_priority_and_item_emits_and_ignores_blank(
    qapp: object, store: Store, demo: DevelopmentSchedule
) -> None:
    model = _model(store, demo)
    renames: list[tuple[str, str, str]] = []
    model.rename_requested.connect(lambda *args: renames.append(args))
    priority = model.index(0, ACTION)
    item = model.index(0, ACTION, priority)
    assert item.data(Qt.ItemDataRole.EditRole) == model.items()[0].action
    model.setData(priority, "   ")
    model.setData(priority, priority.data(Qt.ItemDataRole.EditRole))  # unchanged
    model.setData(priority, "Nowy tytuł")
    model.setData(item, "Nowe działanie")
    model.setData(model.index(0, STATUS, priority), "nie")  # not an editable column
    assert renames == [
        ("priority", priority.data(ID_ROLE), "Nowy tytuł"),
        ("item", item.data(ID_ROLE), "Nowe działanie"),
    ]


def test_empty_model(qapp: object) -> None:
    model = ScheduleTreeModel()
    model.set_schedule(None, [])
    assert model.rowCount() == 0
    assert model.timeline_rows() == []
    assert model.progress.overall.total == 0


# -- the advisory cycle ----------------------------------------------------------------------


def test_steps_show_done_and_where_the_team_is(
    qapp: object, store: Store, demo: DevelopmentSchedule
) -> None:
    model = StepListModel()
    model.set_schedule(demo)
    assert model.rowCount() == 6
    checks = [model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) for r in range(6)]
    assert checks == [Qt.CheckState.Checked] * 4 + [Qt.CheckState.Unchecked] * 2
    assert model.current == 4
    current = model.index(4, 0)
    assert current.data() == "5. Kierunki wdrażania\n◀ tu jest zespół"
    assert current.data(Qt.ItemDataRole.FontRole).bold()
    assert current.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(5, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, 0).data() == "1. Wybór obszaru"
    assert "zakończony" in model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert model.where_text() == "Zespół jest na etapie 5 z 6: Kierunki wdrażania."
    assert model.flags(current) & Qt.ItemFlag.ItemIsUserCheckable


def test_ticking_a_step_asks_for_it_and_all_done_says_so(
    qapp: object, store: Store, demo: DevelopmentSchedule
) -> None:
    model = StepListModel()
    model.set_schedule(demo)
    toggles: list[tuple[str, bool]] = []
    model.done_toggled.connect(lambda *args: toggles.append(args))
    model.setData(model.index(4, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert toggles == [("implementation", True), ("area_choice", False)]
    done = {f"step_{name}_done": True for name in CYCLE_STEPS}
    model.set_schedule(records.update(store, DevelopmentSchedule, demo.id, **done))
    assert model.current is None
    assert model.where_text() == "Wszystkie etapy cyklu doradczego są zakończone."
    model.set_schedule(None)
    assert model.rowCount() == 0 and model.where_text() == ""
