"""The plan's indicators panel, driven through its real widgets like a user would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QDoubleSpinBox, QMessageBox

from app.errors import UserError
from app.model import (
    Action,
    Goal,
    Indicator,
    IndicatorStatus,
    Measurement,
    Municipality,
    Objective,
    StrategicPlan,
)
from app.services import indicator_queries, indicators, plans, records
from app.storage.store import Store
from ui.context import EditorContext
from ui.models import indicators as cols
from ui.models.indicators import ATTENTION_ROLE
from ui.models.measurements import DATE, VALUE
from ui.pages.plan_indicators import IndicatorsPanel
from ui.widgets.date_edit import DateEdit

TODAY = date(2026, 1, 1)
OFF = IndicatorStatus.OFF_TRACK.label
ON = IndicatorStatus.ON_TRACK.label
AT_RISK = IndicatorStatus.AT_RISK.label


@dataclass
class PlanTree:
    municipality: Municipality
    plan: StrategicPlan
    goal: Goal
    objective: Objective
    action: Action


@dataclass
class Dialogs:
    """Stand-ins for the modal message boxes: what was shown, and the answer to give."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    questions: list[str] | None = None
    warnings: list[str] | None = None


@pytest.fixture(autouse=True)
def _polish_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    seen = Dialogs(questions=[], warnings=[])

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        assert seen.questions is not None
        seen.questions.append(text)
        return seen.answer

    def warning(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        assert seen.warnings is not None
        seen.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    def ask_delete(_parent: Any, _title: str, text: str) -> bool | None:
        return False if question(_parent, _title, text) == QMessageBox.StandardButton.Yes else None

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr("ui.dialogs.confirm_delete.ask_delete", ask_delete)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return seen


@pytest.fixture
def tree(store: Store) -> PlanTree:
    m = records.create(store, Municipality, name="Gmina Żółkiewka", kind="rural", teryt="0615072")
    plan = records.create(
        store, StrategicPlan, m.id, title="Plan rozwoju oświaty", year_from=2024, year_to=2028
    )
    goal = records.create(store, Goal, plan.id, code="1", title="Czytanie ze zrozumieniem")
    objective = records.create(store, Objective, goal.id, code="1.1", title="Biblioteki szkolne")
    action = records.create(store, Action, objective.id, title="Zakup nowości wydawniczych")
    return PlanTree(m, plan, goal, objective, action)


def _open_panel(qtbot, store: Store, municipality_id: str, plan_id: str, today: date):  # type: ignore[no-untyped-def]
    panel = IndicatorsPanel()
    qtbot.addWidget(panel)
    panel.undo_stack = QUndoStack(panel)  # type: ignore[attr-defined]
    context = EditorContext(store, panel.undo_stack, panel)  # type: ignore[attr-defined]
    panel.today = today
    # The main window forwards the core's changes; here the test does.
    store.changes.subscribe(panel.on_change)
    panel.show_plan(context, municipality_id, plan_id)
    panel.resize(1100, 650)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, context


@pytest.fixture
def opened(qtbot, store: Store, tree: PlanTree, dialogs: Dialogs):  # type: ignore[no-untyped-def]
    return _open_panel(qtbot, store, tree.municipality.id, tree.plan.id, TODAY)


def _status(panel: IndicatorsPanel, row: int = 0) -> str:
    return str(panel.model.index(row, cols.STATUS).data())


def _wait_status(qtbot, panel: IndicatorsPanel, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: _status(panel) == text)
    qtbot.waitUntil(lambda: panel.chart.title_text().lower().startswith(text))


def _commit_number(qtbot, editor: QDoubleSpinBox, text: str) -> None:  # type: ignore[no-untyped-def]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def _commit_date(qtbot, editor: DateEdit, day: date) -> None:  # type: ignore[no-untyped-def]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, f"{day.day}.{day.month}.{day.year}")
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def _commit_cell(qtbot, panel: IndicatorsPanel, editor: Any, value: str | date) -> None:  # type: ignore[no-untyped-def]
    """Type into an open cell editor and press Enter (the view commits on its next turn)."""
    if isinstance(value, date):
        _commit_date(qtbot, editor, value)
    else:
        _commit_number(qtbot, editor, value)
    view = panel.measurement_table
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def _open_cell_editor(qtbot, panel: IndicatorsPanel, row: int, column: int) -> Any:  # type: ignore[no-untyped-def]
    view = panel.measurement_table
    index = panel.measurements.index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    qtbot.waitUntil(lambda: view.indexWidget(index) is not None)
    return view.indexWidget(index)


# -- the whole story ----------------------------------------------------------------------


def test_add_fill_attach_measure_undo_and_delete(  # type: ignore[no-untyped-def]
    qtbot, opened, store: Store, tree: PlanTree, dialogs: Dialogs, type_text: Callable[..., None]
) -> None:
    panel, context = opened
    stack: QUndoStack = context.undo_stack
    assert panel.model.rowCount() == 0
    assert not panel.form.isEnabled()

    # Add an indicator: it is selected, its name selected for typing over.
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 1
    name = panel.form.editors["name"]
    assert name.text() == "Nowy wskaźnik" and name.selectedText() == "Nowy wskaźnik"
    type_text(name, "Odsetek uczniów czytających książki")
    qtbot.keyClick(name, Qt.Key.Key_Tab)  # leaving the field saves it
    qtbot.waitUntil(
        lambda: panel.model.index(0, cols.NAME).data() == "Odsetek uczniów czytających książki"
    )
    type_text(panel.form.editors["unit"], "%")
    qtbot.keyClick(panel.form.editors["unit"], Qt.Key.Key_Return)
    _commit_number(qtbot, panel.form.editors["baseline_value"], "10")
    _commit_date(qtbot, panel.form.editors["baseline_date"], date(2024, 1, 1))
    _commit_number(qtbot, panel.form.editors["target_value"], "20")
    _commit_date(qtbot, panel.form.editors["target_date"], date(2028, 1, 1))
    assert panel.form.error_text("target_value") == ""

    # Attach it to the action, in one undoable step.
    combo = panel.attach
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == [
        "Cały plan",
        "Cel 1. Czytanie ze zrozumieniem",
        "Cel 1 › 1.1. Biblioteki szkolne",
        "Cel 1 › 1.1 › Zakup nowości wydawniczych",
    ]
    position = combo.findData(f"action:{tree.action.id}")
    combo.setCurrentIndex(position)
    combo.activated.emit(position)
    qtbot.waitUntil(
        lambda: (
            panel.model.index(0, cols.ATTACHED_TO).data()
            == "Cel 1 › 1.1 › Zakup nowości wydawniczych"
        )
    )
    assert stack.undoText() == "przypisanie wskaźnika: Cel 1 › 1.1 › Zakup nowości wydawniczych"

    # First measurement: today's date, the baseline value, the value cell open for typing.
    qtbot.mouseClick(panel.add_measurement_button, Qt.MouseButton.LeftButton)
    view = panel.measurement_table
    assert view.state() == QAbstractItemView.State.EditingState
    assert view.currentIndex().column() == VALUE
    assert panel.measurements.index(0, DATE).data() == "01.01.2026"
    assert panel.measurements.index(0, VALUE).data() == "10"
    editor = view.indexWidget(view.currentIndex())
    assert isinstance(editor, QDoubleSpinBox)
    _commit_cell(qtbot, panel, editor, "11")
    _wait_status(qtbot, panel, OFF)  # 10 % of the way at half time
    assert panel.measurements.index(0, VALUE).data() == "11"

    # Its date moved back a year through the date editor: 10 % at a quarter → at risk.
    date_editor = _open_cell_editor(qtbot, panel, 0, DATE)
    assert isinstance(date_editor, DateEdit)
    _commit_cell(qtbot, panel, date_editor, date(2025, 1, 1))
    _wait_status(qtbot, panel, AT_RISK)

    # Second measurement starts from the latest value; a better one puts it on track.
    qtbot.mouseClick(panel.add_measurement_button, Qt.MouseButton.LeftButton)
    assert panel.measurements.rowCount() == 2
    assert panel.measurements.index(1, VALUE).data() == "11"
    view.commit_open_editor()
    _wait_status(qtbot, panel, OFF)
    assert panel.measurements.setData(panel.measurements.index(1, VALUE), "15")
    _wait_status(qtbot, panel, ON)
    assert "Postęp 50% (oczekiwany 50%)" in panel.chart.title_text()

    # Undo the last edit: off track again; redo: on track.
    assert stack.undoText() == "zmianę pomiaru: Wartość"
    stack.undo()
    _wait_status(qtbot, panel, OFF)
    assert panel.measurements.index(1, VALUE).data() == "11"
    stack.redo()
    _wait_status(qtbot, panel, ON)
    stack.undo()
    _wait_status(qtbot, panel, OFF)

    # Everything reads back through the services.
    indicator_id = panel.current_id()
    assert indicator_id is not None
    saved = records.get(store, Indicator, indicator_id)
    assert saved.name == "Odsetek uczniów czytających książki"
    assert saved.unit == "%"
    assert (saved.baseline_value, saved.target_value) == (10.0, 20.0)
    assert (saved.baseline_date, saved.target_date) == (date(2024, 1, 1), date(2028, 1, 1))
    assert (saved.plan_id, saved.goal_id, saved.objective_id, saved.action_id) == (
        tree.plan.id,
        None,
        None,
        tree.action.id,
    )
    assert saved.municipality_id == tree.municipality.id
    measured = indicators.measurements(store, indicator_id)
    assert [(m.measured_on, m.value) for m in measured] == [
        (date(2025, 1, 1), 11.0),
        (date(2026, 1, 1), 11.0),
    ]
    assert indicators.state(store, indicator_id, TODAY).status is IndicatorStatus.OFF_TRACK
    assert dialogs.warnings == []

    # Delete (Delete key, confirmed), then undo it.
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert dialogs.questions and "Odsetek uczniów czytających książki" in dialogs.questions[0]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert indicator_queries.indicators_of_plan(store, tree.plan.id) == []
    with pytest.raises(UserError):
        records.get(store, Indicator, indicator_id)
    assert not panel.form.isEnabled()
    stack.undo()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert len(indicators.measurements(store, indicator_id)) == 2
    _wait_status(qtbot, panel, OFF)


def test_delete_can_be_declined(qtbot, opened, store: Store, tree: PlanTree, dialogs: Dialogs):  # type: ignore[no-untyped-def]
    panel, _context = opened
    kept = records.create(
        store, Indicator, tree.municipality.id, name="Wskaźnik", plan_id=tree.plan.id
    )
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.select(kept.id)
    dialogs.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert dialogs.questions and len(dialogs.questions) == 1
    assert records.get(store, Indicator, kept.id).name == "Wskaźnik"
    assert panel.model.rowCount() == 1


def test_rule_breaking_edit_is_shown_under_the_field(  # type: ignore[no-untyped-def]
    qtbot, opened, store: Store, tree: PlanTree
) -> None:
    panel, context = opened
    indicator = records.create(
        store, Indicator, tree.municipality.id, name="W", plan_id=tree.plan.id, baseline_value=5
    )
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.select(indicator.id)
    _commit_number(qtbot, panel.form.editors["target_value"], "5")
    assert panel.form.error_text("target_value") == (
        "Wartość docelowa musi różnić się od wartości bazowej."
    )
    assert records.get(store, Indicator, indicator.id).target_value is None
    assert context.undo_stack.count() == 0


def test_bad_measurement_input_shows_the_core_message(  # type: ignore[no-untyped-def]
    qtbot, opened, store: Store, tree: PlanTree
) -> None:
    panel, context = opened
    indicator = records.create(
        store, Indicator, tree.municipality.id, name="W", plan_id=tree.plan.id
    )
    indicators.record_measurement(store, indicator.id, measured_on=date(2025, 3, 1), value=7)
    qtbot.waitUntil(lambda: panel.measurements.rowCount() == 1)
    editor = _open_cell_editor(qtbot, panel, 0, DATE)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)  # the blank "no date"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.measurement_error.isVisible())
    assert panel.measurement_error.text() == "Pole „Data pomiaru” nie może być puste."
    assert panel.measurement_error.isVisible()
    assert panel.measurements.index(0, DATE).data() == "01.03.2025"
    assert indicators.measurements(store, indicator.id)[0].measured_on == date(2025, 3, 1)
    assert context.undo_stack.count() == 0
    # Unreadable text keeps the cell open with the message; nothing is saved.
    editor = _open_cell_editor(qtbot, panel, 0, DATE)
    assert isinstance(editor, DateEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "31.02.2025")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.isVisible() and editor.text() == "31.02.2025"
    assert "Nie rozpoznano daty „31.02.2025”" in editor.problem()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert indicators.measurements(store, indicator.id)[0].measured_on == date(2025, 3, 1)
    # A good edit clears the message.
    assert panel.measurements.setData(panel.measurements.index(0, VALUE), "8,5")
    assert not panel.measurement_error.isVisible()
    assert indicators.measurements(store, indicator.id)[0].value == 8.5


def test_delete_measurement_is_undoable(qtbot, opened, store: Store, tree: PlanTree) -> None:  # type: ignore[no-untyped-def]
    panel, context = opened
    indicator = records.create(
        store, Indicator, tree.municipality.id, name="W", plan_id=tree.plan.id
    )
    for month, value in ((3, 1.0), (9, 2.0)):
        indicators.record_measurement(
            store, indicator.id, measured_on=date(2025, month, 1), value=value
        )
    qtbot.waitUntil(lambda: panel.measurements.rowCount() == 2)
    panel.measurement_table.setCurrentIndex(panel.measurements.index(0, VALUE))
    assert panel.delete_measurement_button.isEnabled()
    qtbot.mouseClick(panel.delete_measurement_button, Qt.MouseButton.LeftButton)
    assert [m.value for m in indicators.measurements(store, indicator.id)] == [2.0]
    assert panel.measurements.rowCount() == 1
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.measurements.rowCount() == 2)
    assert [m.value for m in indicators.measurements(store, indicator.id)] == [1.0, 2.0]


def test_attention_filter_shows_off_track_at_risk_and_stale(
    qtbot, demo_store: Store, dialogs
) -> None:  # type: ignore[no-untyped-def]
    municipality = records.children(demo_store, Municipality)[0]
    plan = plans.plans_of(demo_store, municipality.id)[0]
    panel, _context = _open_panel(qtbot, demo_store, municipality.id, plan.id, date(2026, 11, 21))
    assert panel.proxy.rowCount() == 18  # 16 typed by hand, 2 computed from school data
    assert panel.attention_toggle.text() == "Tylko zagrożone i nieaktualne (4)"
    qtbot.mouseClick(panel.attention_toggle, Qt.MouseButton.LeftButton)
    assert panel.proxy.rowCount() == 4
    shown = {panel.proxy.index(r, cols.STATUS).data() for r in range(4)}
    assert shown == {OFF, AT_RISK}
    assert all(panel.proxy.index(r, 0).data(ATTENTION_ROLE) for r in range(4))
    assert panel.current_id() is not None  # the first of them is selected
    # Two years later everything is stale (no measurement within its interval).
    panel.today = date(2028, 12, 1)
    assert panel.proxy.rowCount() == 18  # the 2 computed from school data are stale too
    assert panel.proxy.index(0, cols.STALE).data() == "⚠"
    qtbot.mouseClick(panel.attention_toggle, Qt.MouseButton.LeftButton)
    assert panel.proxy.rowCount() == 18


def test_reattaching_is_one_undoable_edit_of_four_fields(
    qtbot, opened, store: Store, tree: PlanTree
) -> None:  # type: ignore[no-untyped-def]
    panel, context = opened
    indicator = records.create(
        store, Indicator, tree.municipality.id, name="W", plan_id=tree.plan.id, goal_id=tree.goal.id
    )
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.select(indicator.id)
    assert panel.attach.value() == f"goal:{tree.goal.id}"
    position = panel.attach.findData(f"objective:{tree.objective.id}")
    panel.attach.setCurrentIndex(position)
    panel.attach.activated.emit(position)
    saved = records.get(store, Indicator, indicator.id)
    assert (saved.goal_id, saved.objective_id) == (None, tree.objective.id)
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.attach.value() == f"goal:{tree.goal.id}")
    saved = records.get(store, Indicator, indicator.id)
    assert (saved.plan_id, saved.goal_id, saved.objective_id) == (tree.plan.id, tree.goal.id, None)


def test_no_plan_shows_an_empty_disabled_panel(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    panel = IndicatorsPanel()
    qtbot.addWidget(panel)
    panel.show_plan(None, None, None)
    assert panel.model.rowCount() == 0
    assert not panel.add_button.isEnabled()
    assert not panel.add_measurement_button.isEnabled()
    assert panel.chart.data() is None
    panel.flush()


def test_the_unit_field_offers_the_catalogue_and_keeps_free_text(  # type: ignore[no-untyped-def]
    qtbot, opened, store: Store, tree: PlanTree, type_text: Callable[..., None]
) -> None:
    panel, _context = opened
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    unit = panel.form.editors["unit"]
    offered = [unit.itemText(i) for i in range(unit.count())]
    assert {
        "osoby",
        "uczniowie",
        "szkoły",
        "placówki",
        "oddziały",
        "etaty",
        "%",
        "zł",
        "pkt",
    } <= set(offered)
    # Picked from the list: stored, and the table shows numbers agreeing with it.
    unit.setCurrentIndex(offered.index("osoby"))
    unit.activated.emit(offered.index("osoby"))
    qtbot.waitUntil(lambda: _unit(store, tree) == "osoby")
    records.create(
        store, Measurement, _indicator_id(store, tree), measured_on=date(2025, 6, 1), value=190
    )
    qtbot.waitUntil(lambda: panel.model.index(0, cols.LATEST).data() == "190\u00a0osób")
    # Typed by hand, not in the catalogue: kept as typed.
    unit.lineEdit().selectAll()
    type_text(unit, "godziny lekcyjne")
    qtbot.keyClick(unit.lineEdit(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _unit(store, tree) == "godziny lekcyjne")
    qtbot.waitUntil(lambda: panel.model.index(0, cols.LATEST).data() == "godziny lekcyjne: 190")


def _indicator_id(store: Store, tree: PlanTree) -> str:
    return indicator_queries.indicators_of_plan(store, tree.plan.id)[0].indicator.id


def _unit(store: Store, tree: PlanTree) -> str | None:
    return indicator_queries.indicators_of_plan(store, tree.plan.id)[0].indicator.unit
