"""The indicator and measurement models, without a window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QDoubleSpinBox, QTableView, QWidget

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
from ui.models import indicators as cols
from ui.models.indicators import (
    ATTENTION_ROLE,
    STATUS_COLOURS,
    STATUS_ROLE,
    IndicatorTableModel,
    attach_targets,
)
from ui.models.measurements import (
    COMMENT,
    DATE,
    VALUE,
    MeasurementDelegate,
    MeasurementTableModel,
    clean,
    decimals_for,
)
from ui.models.roles import ID_ROLE, SORT_ROLE
from ui.widgets.date_edit import DateEdit

DEMO_TODAY = date(2026, 11, 21)  # the demo's measurements end in autumn 2026
Display = Qt.ItemDataRole.DisplayRole
ToolTip = Qt.ItemDataRole.ToolTipRole


@pytest.fixture(autouse=True)
def _polish_locale() -> Iterator[None]:
    """Dates and numbers as the Polish interface shows them (as ui.application sets it)."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    yield
    QLocale.setDefault(previous)


def _demo_plan(store: Store) -> str:
    municipality = records.children(store, Municipality)[0]
    return plans.plans_of(store, municipality.id)[0].id


def _model(store: Store, today: date = DEMO_TODAY) -> IndicatorTableModel:
    model = IndicatorTableModel(store, _demo_plan(store))
    model.today = today
    return model


def _row_named(model: IndicatorTableModel, fragment: str) -> int:
    rows = [r for r in range(model.rowCount()) if fragment in model.index(r, cols.NAME).data()]
    assert len(rows) == 1, fragment
    return rows[0]


# -- the indicator table --------------------------------------------------------------------


def test_demo_plan_rows_have_computed_statuses(demo_store: Store) -> None:
    model = _model(demo_store)
    assert (
        model.rowCount() == 18
    )  # 16 typed by hand (a ceiling and a yes/no among them), 2 computed
    assert model.columnCount() == cols.STALE + 1 == len(cols.headers())
    assert model.headerData(cols.STATUS, Qt.Orientation.Horizontal) == "Stan"
    expected = {
        "czytania ze zrozumieniem": IndicatorStatus.ON_TRACK,
        "z matematyki": IndicatorStatus.OFF_TRACK,
        "pracownią eksperymentu": IndicatorStatus.OFF_TRACK,
        "Akademii Rodzica": IndicatorStatus.AT_RISK,
        "narzędzi cyfrowych": IndicatorStatus.ACHIEVED,
        "Wydatki bieżące": IndicatorStatus.ACHIEVED,  # 19 120 zł under a 19 500 zł ceiling
        "Koncepcja sieci": IndicatorStatus.ON_TRACK,  # not adopted yet, before its date
    }
    for fragment, status in expected.items():
        row = _row_named(model, fragment)
        cell = model.index(row, cols.STATUS)
        assert cell.data(Display) == status.label
        assert cell.data(STATUS_ROLE) == status  # (Qt hands the member back as its str)
        background = cell.data(Qt.ItemDataRole.BackgroundRole)
        assert background.name() == STATUS_COLOURS[status][0]
        assert cell.data(Qt.ItemDataRole.ForegroundRole).name() == STATUS_COLOURS[status][1]
    assert model.attention_count() == 4


def test_status_tooltip_gives_progress_against_expected(demo_store: Store) -> None:
    model = _model(demo_store)
    row = _row_named(model, "z matematyki")
    # baseline 47 → target 55; latest 48 on 3.07.2026 of 7.07.2023…7.07.2028.
    assert model.index(row, cols.STATUS).data(ToolTip) == (
        "poza planem: Postęp 12% (oczekiwany 60%)"
    )
    # One helper for the window and the PDFs: "48%" as in the documents (app.units).
    assert model.index(row, cols.LATEST).data(Display) == "48%"
    assert model.index(row, cols.BASELINE).data(Display) == "47"
    assert model.index(row, cols.ATTACHED_TO).data(Display).startswith("Cel 1 › 1.2. ")
    assert model.index(row, cols.NAME).data(ID_ROLE)
    assert model.index(row, cols.STATUS).data(ATTENTION_ROLE) is True


def test_stale_mark_and_tooltip(demo_store: Store) -> None:
    model = _model(demo_store, today=date(2030, 1, 1))
    row = _row_named(model, "z matematyki")
    cell = model.index(row, cols.STALE)
    assert cell.data(Display) == "⚠"
    assert cell.data(ToolTip).startswith("Brak pomiaru od 03.07.2026 (pomiar co 12 mies.")
    assert cell.data(Qt.ItemDataRole.AccessibleTextRole) == "nieaktualny"
    fresh = _model(demo_store)
    assert fresh.index(row, cols.STALE).data(Display) == ""
    assert fresh.index(row, cols.STALE).data(ToolTip) is None


def test_a_new_indicator_without_a_target_date_is_not_off_track(demo_store: Store) -> None:
    plan_id = _demo_plan(demo_store)
    municipality = records.children(demo_store, Municipality)[0]
    indicator = records.create(
        demo_store,
        Indicator,
        municipality.id,
        name="Nowy wskaźnik bez terminu",
        plan_id=plan_id,
        baseline_value=10,
        target_value=20,
    )
    indicators.record_measurement(demo_store, indicator.id, measured_on=DEMO_TODAY, value=11)
    model = _model(demo_store)
    row = _row_named(model, "bez terminu")
    status = model.index(row, cols.STATUS)
    assert status.data(STATUS_ROLE) is not IndicatorStatus.OFF_TRACK
    assert status.data(Display) == "nie oceniono: brak terminu"
    assert "nie da się ocenić" in status.data(ToolTip)
    assert status.data(ATTENTION_ROLE) is False


def test_changing_today_recomputes_without_reset(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    model = _model(demo_store)
    with qtbot.waitSignal(model.dataChanged):
        model.today = date(2030, 1, 1)  # past every target date: nothing on track any more
    statuses = {model.index(r, 0).data(STATUS_ROLE) for r in range(model.rowCount())}
    assert statuses <= {IndicatorStatus.OFF_TRACK, IndicatorStatus.ACHIEVED}


def test_sort_role_orders_status_by_severity(demo_store: Store) -> None:
    model = _model(demo_store)
    keys = {
        model.index(r, cols.STATUS).data(STATUS_ROLE): model.index(r, cols.STATUS).data(SORT_ROLE)
        for r in range(model.rowCount())
    }
    assert keys[IndicatorStatus.OFF_TRACK] < keys[IndicatorStatus.AT_RISK]
    assert keys[IndicatorStatus.AT_RISK] < keys[IndicatorStatus.ON_TRACK]


def _plan_tree(store: Store) -> dict[str, Any]:
    m = records.create(store, Municipality, name="Gmina Łęczna", kind="urban_rural")
    plan = records.create(store, StrategicPlan, m.id, title="Plan", year_from=2024, year_to=2028)
    other = records.create(store, StrategicPlan, m.id, title="Inny", year_from=2020, year_to=2023)
    goal = records.create(store, Goal, plan.id, title="Czytanie", code="1")
    objective = records.create(store, Objective, goal.id, title="Biblioteki", code="1.1")
    action = records.create(store, Action, objective.id, title="Zakup książek")
    return {"m": m, "plan": plan, "other": other, "goal": goal, "o": objective, "a": action}


def test_plan_rows_include_indicators_of_goals_without_plan_id(store: Store) -> None:
    t = _plan_tree(store)
    own = records.create(store, Indicator, t["m"].id, name="Własny", plan_id=t["plan"].id)
    on_goal = records.create(store, Indicator, t["m"].id, name="Celu", goal_id=t["goal"].id)
    on_action = records.create(store, Indicator, t["m"].id, name="Działania", action_id=t["a"].id)
    records.create(store, Indicator, t["m"].id, name="Obcy", plan_id=t["other"].id)
    records.create(store, Measurement, on_goal.id, measured_on=date(2025, 1, 1), value=3)
    found = indicator_queries.indicators_of_plan(store, t["plan"].id)
    assert [f.indicator.id for f in found] == [own.id, on_goal.id, on_action.id]
    assert [m.value for m in found[1].measurements] == [3.0]
    model = IndicatorTableModel(store, t["plan"].id)
    labels = [model.index(r, cols.ATTACHED_TO).data() for r in range(3)]
    assert labels == ["cały plan", "Cel 1. Czytanie", "Cel 1 › 1.1 › Zakup książek"]


@pytest.mark.parametrize(
    ("unit", "value", "shown"),
    [
        ("osoby", 190, "190\u00a0osób"),
        ("osoby", 2, "2\u00a0osoby"),
        ("osoby", 1, "1\u00a0osoba"),
        ("uczniowie", 151, "151\u00a0uczniów"),
        ("uczniowie", 22, "22\u00a0uczniowie"),
        ("osoby", 2.5, "2,5\u00a0osoby"),
        ("szkoły", 5, "5\u00a0szkół"),
    ],
)
def test_values_and_units_agree_in_the_table(
    store: Store, unit: str, value: float, shown: str
) -> None:
    """ "190 osoby", "151 uczniowie" were shown; the number picks the form of its noun."""
    t = _plan_tree(store)
    indicator = records.create(
        store, Indicator, t["m"].id, name="Liczba", plan_id=t["plan"].id, unit=unit
    )
    records.create(store, Measurement, indicator.id, measured_on=date(2025, 1, 1), value=value)
    model = IndicatorTableModel(store, t["plan"].id)
    assert model.index(0, cols.LATEST).data() == shown


def test_attach_targets_are_indented_paths(store: Store) -> None:
    t = _plan_tree(store)
    targets = attach_targets(t["plan"].id, plans.tree(store, t["plan"].id))
    assert [(x.kind, x.label, x.depth) for x in targets] == [
        ("plan", "Cały plan", 0),
        ("goal", "Cel 1. Czytanie", 0),
        ("objective", "Cel 1 › 1.1. Biblioteki", 1),
        ("action", "Cel 1 › 1.1 › Zakup książek", 2),
    ]
    assert targets[3].fields(t["plan"].id) == {
        "plan_id": t["plan"].id,
        "goal_id": None,
        "objective_id": None,
        "action_id": t["a"].id,
    }


def test_model_of_a_missing_plan_is_empty(store: Store) -> None:
    model = IndicatorTableModel(store, "no-such-plan")
    assert model.rowCount() == 0
    assert model.targets == []


# -- the measurement table ------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.edits: list[tuple[str, str, Any, Any]] = []
        self.errors: list[str] = []

    def edit(self, measurement_id: str, field: str, old: Any, new: Any) -> None:
        self.edits.append((measurement_id, field, old, new))

    def error(self, error: UserError) -> None:
        self.errors.append(error.message)


@pytest.fixture
def measured(demo_store: Store) -> tuple[MeasurementTableModel, Recorder, list[Measurement]]:
    model = _model(demo_store)
    indicator_id = model.index(_row_named(model, "z matematyki"), 0).data(ID_ROLE)
    rows = indicators.measurements(demo_store, indicator_id)
    recorder = Recorder()
    table = MeasurementTableModel(recorder.edit, recorder.error)
    table.set_measurements(rows)
    return table, recorder, rows


def test_measurements_show_polish_dates_and_numbers(measured) -> None:  # type: ignore[no-untyped-def]
    table, _recorder, rows = measured
    assert table.rowCount() == 3
    assert table.headerData(DATE, Qt.Orientation.Horizontal) == "Data pomiaru"
    assert table.index(0, DATE).data() == "03.07.2024"
    assert table.index(0, DATE).data(Qt.ItemDataRole.EditRole) == date(2024, 7, 3)
    assert table.index(2, VALUE).data() == "48"
    assert table.index(2, COMMENT).data().startswith("Wzrost poniżej oczekiwań")
    assert table.flags(table.index(0, VALUE)) & Qt.ItemFlag.ItemIsEditable
    assert table.index(0, 0).data(ID_ROLE) == rows[0].id


def test_set_data_calls_on_edit_with_old_and_new(measured) -> None:  # type: ignore[no-untyped-def]
    table, recorder, rows = measured
    assert table.setData(table.index(2, VALUE), "48,5")
    assert table.setData(table.index(1, DATE), QDate(2025, 7, 10))
    assert table.setData(table.index(0, COMMENT), "  po korekcie OKE ")
    assert recorder.edits == [
        (rows[2].id, "value", 48.0, 48.5),
        (rows[1].id, "measured_on", date(2025, 7, 4), date(2025, 7, 10)),
        (rows[0].id, "comment", None, "po korekcie OKE"),
    ]
    assert table.index(2, VALUE).data() == "48,5"
    assert table.index(1, DATE).data() == "10.07.2025"
    assert recorder.errors == []


def test_unchanged_value_calls_nothing(measured) -> None:  # type: ignore[no-untyped-def]
    table, recorder, _rows = measured
    assert table.setData(table.index(2, VALUE), 48.0)
    assert table.setData(table.index(0, DATE), "03.07.2024")
    assert recorder.edits == []


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (VALUE, "abc", "Pole „Wartość” musi być liczbą."),
        (VALUE, None, "Pole „Wartość” nie może być puste."),
        (DATE, None, "Pole „Data pomiaru” nie może być puste."),
        (DATE, date(1980, 1, 1), "Pole „Data pomiaru”: data spoza zakresu 1990–2100."),
        (
            DATE,
            "31.02.2025",
            "Data pomiaru: Nie rozpoznano daty „31.02.2025”. Wpisz np. 01.09.2026.",
        ),
    ],
)
def test_bad_value_is_reported_and_old_value_kept(measured, column, value, message) -> None:  # type: ignore[no-untyped-def]
    table, recorder, _rows = measured
    before = table.index(1, column).data()
    assert not table.setData(table.index(1, column), value)
    assert recorder.edits == []
    assert recorder.errors == [message]
    assert table.index(1, column).data() == before


def test_failing_on_edit_keeps_old_value(measured) -> None:  # type: ignore[no-untyped-def]
    table, recorder, _rows = measured

    def refuse(*_args: Any) -> None:
        raise UserError("Ten element już nie istnieje (mógł zostać usunięty).")

    table.on_edit = refuse
    assert not table.setData(table.index(0, VALUE), 50)
    assert table.index(0, VALUE).data() == "46"
    assert recorder.errors == ["Ten element już nie istnieje (mógł zostać usunięty)."]


def test_clean_and_decimals() -> None:
    assert clean("value", "1\u00a0234,5") == 1234.5
    assert clean("value", "12.25") == 12.25
    assert clean("measured_on", "2025-06-30") == date(2025, 6, 30)
    assert decimals_for(18.5) == 2
    assert decimals_for(0.125) == 3
    assert decimals_for(None) == 2


# -- sorting, the row accessor and typing in the real view ------------------------------------


def _sorted(model: IndicatorTableModel, column: int) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel()
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    return proxy


def test_indicators_sort_by_severity_number_and_plan_order(demo_store: Store) -> None:
    model = _model(demo_store)
    by_status = _sorted(model, cols.STATUS)
    statuses = [by_status.index(r, cols.STATUS).data(STATUS_ROLE) for r in range(model.rowCount())]
    assert statuses[0] == IndicatorStatus.OFF_TRACK and statuses[-1] == IndicatorStatus.ACHIEVED
    by_latest = _sorted(model, cols.LATEST)
    keys = [by_latest.index(r, cols.LATEST).data(SORT_ROLE) for r in range(model.rowCount())]
    assert keys == sorted(keys) and isinstance(keys[-1], float)  # numbers, not their texts
    assert model.index(0, cols.LATEST).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
    by_target = _sorted(model, cols.ATTACHED_TO)
    labels = [by_target.index(r, cols.ATTACHED_TO).data() for r in range(model.rowCount())]
    assert labels[0] == "cały plan" and labels[-1].startswith("Cel 3")  # the plan's order


def test_row_at_and_find_give_the_rows_record(demo_store: Store) -> None:
    model = _model(demo_store)
    for position in range(model.rowCount()):
        row = model.row_at(position)
        assert row is not None
        assert row.indicator.id == model.index(position, cols.NAME).data(ID_ROLE)
        assert model.find(row.indicator.id) is row
        assert model.row_of(row.indicator.id) == position
    assert model.row_at(model.rowCount()) is None and model.find("nope") is None


def test_a_new_day_updates_the_rows_in_place(demo_store: Store, qtbot: Any) -> None:
    model = _model(demo_store)
    row = _row_named(model, "z matematyki")
    with qtbot.assertNotEmitted(model.modelReset):
        model.today = date(2030, 1, 1)
    assert model.index(row, cols.STALE).data() == "⚠"


def _type_in_cell(qtbot: Any, view: QTableView, index: QModelIndex, text: str) -> QWidget:
    """F2 on the cell, the text typed over its value, Enter; the editor that took it."""
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, QDoubleSpinBox | DateEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    return editor


def test_typing_a_value_and_a_date_into_the_measurement_view(  # type: ignore[no-untyped-def]
    measured, qtbot
) -> None:
    table, recorder, rows = measured
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(table)
    view.setItemDelegate(MeasurementDelegate(view))
    view.show()
    qtbot.waitExposed(view)
    assert isinstance(_type_in_cell(qtbot, view, table.index(2, VALUE), "52,5"), QDoubleSpinBox)
    assert isinstance(_type_in_cell(qtbot, view, table.index(1, DATE), "10.07.2025"), DateEdit)
    assert recorder.edits == [
        (rows[2].id, "value", 48.0, 52.5),
        (rows[1].id, "measured_on", date(2025, 7, 4), date(2025, 7, 10)),
    ]
    assert table.index(2, VALUE).data() == "52,5"
    moved = table.row_at(1)
    assert moved is not None and moved.measured_on == date(2025, 7, 10)
