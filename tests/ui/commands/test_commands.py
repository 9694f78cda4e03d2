"""Undo commands without a window: construct, do (push), undo, redo — against a real store."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QUndoStack

from app.demo import demo_municipality_id
from app.errors import UserError
from app.model import AdvisoryVisit, DevelopmentSchedule, Indicator, ScheduleItem
from app.services import hdr, indicators, journal, records, visits
from app.storage.store import Store
from ui.commands import DeleteRecord, push
from ui.commands.hdr import CopySchedule, PlaceItem
from ui.commands.monitoring import CreateNote, RecordMeasurement
from ui.commands.visits import CreateVisit, EditVisit


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


def _notes(store: Store) -> list[str]:
    return [n.text for n in journal.list_notes(store, demo_municipality_id())]


def test_create_note_undo_redo(demo_store: Store, stack: QUndoStack) -> None:
    before = len(_notes(demo_store))
    push(stack, CreateNote(demo_store, demo_municipality_id(), {"text": "Nowa notatka z zebrania"}))
    assert "Nowa notatka z zebrania" in _notes(demo_store)
    stack.undo()
    assert len(_notes(demo_store)) == before
    assert "Nowa notatka z zebrania" not in _notes(demo_store)
    stack.redo()
    assert "Nowa notatka z zebrania" in _notes(demo_store)


def test_a_refused_note_lands_on_no_stack(demo_store: Store, stack: QUndoStack) -> None:
    before = len(_notes(demo_store))
    with pytest.raises(UserError):
        push(stack, CreateNote(demo_store, demo_municipality_id(), {"text": "  "}))
    assert stack.count() == 0 and len(_notes(demo_store)) == before


def test_record_measurement_undo_redo(demo_store: Store, stack: QUndoStack) -> None:
    [indicator, *_rest] = records.children(
        demo_store, Indicator, municipality_id=demo_municipality_id()
    )
    count = len(indicators.measurements(demo_store, indicator.id))
    values = {"measured_on": date(2026, 10, 1), "value": 3.0}
    push(stack, RecordMeasurement(demo_store, indicator.id, values))
    assert len(indicators.measurements(demo_store, indicator.id)) == count + 1
    stack.undo()
    assert len(indicators.measurements(demo_store, indicator.id)) == count
    stack.redo()
    assert len(indicators.measurements(demo_store, indicator.id)) == count + 1


def test_visit_create_edit_delete_undo(demo_store: Store, stack: QUndoStack) -> None:
    municipality_id = demo_municipality_id()
    create = CreateVisit(
        demo_store, municipality_id, {"visit_date": date(2026, 12, 10), "advisor": "Jan Nowak"}
    )
    push(stack, create)
    assert create.record_id is not None
    visit_id = create.record_id
    push(stack, EditVisit(demo_store, visit_id, {"place": None}, {"place": "Sala 12"}, "miejsce"))
    assert records.get(demo_store, AdvisoryVisit, visit_id).place == "Sala 12"
    push(stack, DeleteRecord(demo_store, AdvisoryVisit, visit_id, "usunięcie"))
    assert visit_id not in {v.id for v in visits.visits_of(demo_store, municipality_id)}
    stack.undo()  # the deletion
    assert records.get(demo_store, AdvisoryVisit, visit_id).place == "Sala 12"
    stack.undo()  # the edit
    assert records.get(demo_store, AdvisoryVisit, visit_id).place is None
    stack.undo()  # the visit itself
    assert visit_id not in {v.id for v in visits.visits_of(demo_store, municipality_id)}


def test_copy_schedule_and_place_item(demo_store: Store, stack: QUndoStack) -> None:
    [schedule, *_rest] = hdr.schedules_of(demo_store, demo_municipality_id())
    copy = CopySchedule(demo_store, schedule.id, date(2028, 9, 1), date(2029, 8, 1), "kopia")
    push(stack, copy)
    assert copy.record_id is not None
    assert records.get(demo_store, DevelopmentSchedule, copy.record_id).period_start == date(
        2028, 9, 1
    )
    stack.undo()
    with pytest.raises(UserError):
        records.get(demo_store, DevelopmentSchedule, copy.record_id)

    items = records.children(demo_store, ScheduleItem, schedule_id=schedule.id)
    item = next(i for i in items if i.priority_id is not None)
    place = (item.priority_id, 0)
    push(stack, PlaceItem(demo_store, item.id, place, (None, 0), "przeniesienie"))
    assert records.get(demo_store, ScheduleItem, item.id).priority_id is None
    stack.undo()
    assert records.get(demo_store, ScheduleItem, item.id).priority_id == item.priority_id
