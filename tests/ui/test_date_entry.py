"""Issue 17's table of typed dates, driven through every kind of place a date is entered.

The same inputs go through a form field (:class:`RecordForm`), a table cell (the
indicator's measurements) and a dialog (a new measurement), in Polish and in
English, by key presses only; the stored value is read back from the store (or
from what the dialog saves). Nothing here names the date widget's class, so the
file runs unchanged against the program before the one date editor existed and
fails there (see /work/wt/notes/s8-defects.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.model import Action, Goal, Indicator, Measurement, Municipality, Objective, StrategicPlan
from app.services import indicators, records
from app.storage.store import Store
from ui.context import EditorContext
from ui.dialogs.measurement import MeasurementDialog
from ui.forms.record_form import RecordForm
from ui.models.measurements import DATE
from ui.pages.plan_indicators import IndicatorsPanel

TYPED = [
    ("1.09.2026", date(2026, 9, 1)),
    ("1.9.2026", date(2026, 9, 1)),
    ("01.09.2026", date(2026, 9, 1)),
    ("1092026", date(2026, 9, 1)),
    ("01092026", date(2026, 9, 1)),
    ("2026-09-01", date(2026, 9, 1)),
    ("1/9/2026", date(2026, 9, 1)),
    ("15.06.2026", date(2026, 6, 15)),
    ("30.06.2027", date(2027, 6, 30)),
]
UNREADABLE = ["10920263006202715000", "31.02.2026", "1.13.2026", "abc", "1.09.1989"]
FILLED = date(2026, 12, 1)  # typing 15.06.2026 over it once saved 15.12.2026


@pytest.fixture(params=["pl", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("pl")


def shown(day: date, language: str) -> str:
    """One format per language in editors and tables: 01.09.2026 / 01/09/2026."""
    sep = "." if language == "pl" else "/"
    return f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year}"


def _focus(qtbot: Any, editor: QWidget) -> None:
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)


def _show_active(qtbot: Any, widget: QWidget) -> None:
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


# -- a form field ---------------------------------------------------------------------------


class Form:
    """An action's start and end dates in a record form, with a control after them."""

    def __init__(self, qtbot: Any, store: Store) -> None:
        m = records.create(store, Municipality, name="Gmina Testowa", kind="rural")
        plan = records.create(store, StrategicPlan, m.id, title="P", year_from=2025, year_to=2029)
        goal = records.create(store, Goal, plan.id, title="Cel")
        objective = records.create(store, Objective, goal.id, title="Cel operacyjny")
        self.store = store
        self.action = records.create(store, Action, objective.id, title="Działanie")
        self.host = QWidget()
        qtbot.addWidget(self.host)
        self.form = RecordForm(Action, ["title", "start_date", "end_date"], self._edit)
        self.after = QLineEdit()  # the next control after the form
        box = QVBoxLayout(self.host)
        box.addWidget(self.form)
        box.addWidget(self.after)
        self.form.load(self.action)
        _show_active(qtbot, self.host)

    def _edit(self, name: str, _old: Any, new: Any) -> None:
        records.update(self.store, Action, self.action.id, **{name: new})

    def fill(self, name: str, day: date) -> None:
        self.form.load(records.update(self.store, Action, self.action.id, **{name: day}))

    def editor(self, name: str) -> Any:
        return self.form.editors[name]

    def stored(self, name: str) -> Any:
        return getattr(records.get(self.store, Action, self.action.id), name)


@pytest.fixture
def form(qtbot: Any, store: Store) -> Form:
    return Form(qtbot, store)


@pytest.mark.parametrize(("typed", "stored"), TYPED)
def test_form_typed_into_an_empty_field_is_stored(
    qtbot: Any, language: str, form: Form, typed: str, stored: date
) -> None:
    start = form.editor("start_date")
    _focus(qtbot, start)
    qtbot.keyClicks(start, typed)
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert form.stored("start_date") == stored
    assert form.form.error_text("start_date") == ""
    assert start.text() == shown(stored, language)


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Return])
def test_form_two_dates_one_after_the_other(
    qtbot: Any, language: str, form: Form, key: Qt.Key
) -> None:
    start = form.editor("start_date")
    _focus(qtbot, start)
    qtbot.keyClicks(start, "1.09.2026")
    qtbot.keyClick(start, key)
    end = form.editor("end_date")
    assert end.hasFocus(), "Tab and Enter leave a date field for the next one"
    qtbot.keyClicks(end, "30.06.2027")
    qtbot.keyClick(end, key)
    assert form.after.hasFocus()
    assert (form.stored("start_date"), form.stored("end_date")) == (
        date(2026, 9, 1),
        date(2027, 6, 30),
    )


def test_form_typing_over_a_filled_field_stores_exactly_what_was_typed(
    qtbot: Any, language: str, form: Form
) -> None:
    form.fill("start_date", FILLED)
    start = form.editor("start_date")
    _focus(qtbot, start)
    start.selectAll()  # as Tab into the field or a triple click does
    qtbot.keyClicks(start, "15.06.2026")
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert form.stored("start_date") == date(2026, 6, 15)


@pytest.mark.parametrize("typed", UNREADABLE)
def test_form_unreadable_text_stays_with_a_polish_message_and_nothing_is_saved(
    qtbot: Any, language: str, form: Form, typed: str
) -> None:
    form.fill("start_date", date(2026, 9, 1))
    start = form.editor("start_date")
    _focus(qtbot, start)
    start.selectAll()
    qtbot.keyClicks(start, typed)
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert form.stored("start_date") == date(2026, 9, 1)
    assert start.text() == typed, "what was typed is not thrown away"
    message = form.form.error_text("start_date")
    assert message and typed in message
    expected = "Nie rozpoznano" if language == "pl" else "not"
    assert expected in message or "1990" in message


def test_form_clicking_away_saves_what_was_typed_and_an_empty_field_says_nothing(
    qtbot: Any, language: str, form: Form
) -> None:
    start = form.editor("start_date")
    _focus(qtbot, start)
    _focus(qtbot, form.after)
    assert form.stored("start_date") is None
    assert form.form.error_text("start_date") == ""
    _focus(qtbot, start)
    qtbot.keyClicks(start, "1.09.2026")
    qtbot.mouseClick(form.after, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(form.after.hasFocus)
    assert form.stored("start_date") == date(2026, 9, 1), "typing is not lost on a click away"
    assert start.text() == shown(date(2026, 9, 1), language)


def test_form_delete_clears_the_date(qtbot: Any, language: str, form: Form) -> None:
    form.fill("start_date", date(2026, 9, 1))
    start = form.editor("start_date")
    _focus(qtbot, start)
    start.selectAll()
    qtbot.keyClick(start, Qt.Key.Key_Delete)
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert form.stored("start_date") is None
    assert start.text() == ""


def test_form_paste_is_read_like_typing(qtbot: Any, language: str, form: Form) -> None:
    QGuiApplication.clipboard().setText(" 2026-09-01 ")
    start = form.editor("start_date")
    _focus(qtbot, start)
    qtbot.keyClick(start, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert form.stored("start_date") == date(2026, 9, 1)


@pytest.mark.parametrize(
    ("rights", "key", "expected"),
    [
        (0, Qt.Key.Key_Up, date(2026, 9, 2)),
        (0, Qt.Key.Key_Down, date(2026, 8, 31)),
        (4, Qt.Key.Key_Up, date(2026, 10, 1)),
        (8, Qt.Key.Key_Down, date(2025, 9, 1)),
    ],
)
def test_form_arrows_step_the_part_under_the_cursor(
    qtbot: Any, language: str, form: Form, rights: int, key: Qt.Key, expected: date
) -> None:
    form.fill("start_date", date(2026, 9, 1))
    start = form.editor("start_date")
    _focus(qtbot, start)
    qtbot.keyClick(start, Qt.Key.Key_Home)
    for _step in range(rights):  # to the day (0), the month (4) or the year (8)
        qtbot.keyClick(start, Qt.Key.Key_Right)
    qtbot.keyClick(start, key)
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert form.stored("start_date") == expected
    assert start.text() == shown(expected, language)


def _open_calendar(
    qtbot: Any, editor: QWidget, by_mouse: bool = False
) -> tuple[QWidget, QCalendarWidget]:
    """Alt+Down in the field, or a click on the calendar button at its right end.

    The popup is returned too: its wrapper must outlive the reading of the calendar.
    """
    _focus(qtbot, editor)
    buttons = [button for button in editor.findChildren(QToolButton) if button.isVisible()]
    if by_mouse and buttons:
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    elif by_mouse:  # a spin box's drop-down arrow
        arrow = QPoint(editor.width() - 8, editor.height() // 2)
        qtbot.mouseClick(editor, Qt.MouseButton.LeftButton, pos=arrow)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup = QApplication.activePopupWidget()
    assert popup is not None
    calendar = popup if isinstance(popup, QCalendarWidget) else popup.findChild(QCalendarWidget)
    assert calendar is not None
    return popup, calendar


def _close(qtbot: Any) -> None:
    popup = QApplication.activePopupWidget()
    assert popup is not None
    popup.close()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_form_calendar_opens_at_the_date_else_near_the_start_else_today(
    qtbot: Any, form: Form
) -> None:
    end = form.editor("end_date")
    _popup, calendar = _open_calendar(qtbot, end, by_mouse=True)
    today = date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month), (
        "an empty field with an empty neighbour opens at today, not December 1989"
    )
    _close(qtbot)
    form.fill("start_date", date(2026, 9, 1))
    _popup, calendar = _open_calendar(qtbot, end)
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 9), "an end opens at its start"
    days = calendar.findChild(QTableView)  # the grid of days takes the keys
    qtbot.keyClick(days, Qt.Key.Key_Right)  # 2 September
    qtbot.keyClick(days, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.stored("end_date") == date(2026, 9, 2))
    _popup, calendar = _open_calendar(qtbot, end)
    assert calendar.selectedDate().toPython() == date(2026, 9, 2), "a date opens at itself"
    _close(qtbot)


# -- a table cell ---------------------------------------------------------------------------


class Cells:
    """The measurements table of a plan indicator with one measurement of 1 March 2025."""

    def __init__(self, qtbot: Any, store: Store) -> None:
        m = records.create(store, Municipality, name="Gmina Testowa", kind="rural")
        plan = records.create(store, StrategicPlan, m.id, title="P", year_from=2024, year_to=2028)
        indicator = records.create(store, Indicator, m.id, name="Wskaźnik", plan_id=plan.id)
        indicators.record_measurement(store, indicator.id, measured_on=date(2025, 3, 1), value=7)
        self.store, self.indicator_id = store, indicator.id
        self.panel = IndicatorsPanel()
        qtbot.addWidget(self.panel)
        undo_stack = QUndoStack(self.panel)
        store.changes.subscribe(self.panel.on_change)
        self.panel.show_plan(EditorContext(store, undo_stack, self.panel), m.id, plan.id)
        self.panel.resize(1100, 650)
        _show_active(qtbot, self.panel)
        qtbot.waitUntil(lambda: self.panel.model.rowCount() == 1)
        self.panel.select(indicator.id)
        qtbot.waitUntil(lambda: self.panel.measurements.rowCount() == 1)
        self.view = self.panel.measurement_table

    def open_editor(self, qtbot: Any) -> Any:
        """F2 on the date cell, as a person edits a cell."""
        index = self.panel.measurements.index(0, DATE)
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        qtbot.keyClick(self.view, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: self.view.state() == QAbstractItemView.State.EditingState)
        editor = QApplication.focusWidget()
        assert editor is not None and editor is not self.view
        return editor

    def stored(self) -> date:
        [measurement] = records.children(self.store, Measurement, indicator_id=self.indicator_id)
        return measurement.measured_on

    def cell_text(self) -> str:
        return str(self.panel.measurements.index(0, DATE).data())


@pytest.fixture
def cells(qtbot: Any, store: Store) -> Cells:
    return Cells(qtbot, store)


@pytest.mark.parametrize(("typed", "stored"), TYPED)
def test_cell_typed_over_the_date_is_stored(
    qtbot: Any, language: str, cells: Cells, typed: str, stored: date
) -> None:
    editor = cells.open_editor(qtbot)
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cells.view.state() != QAbstractItemView.State.EditingState)
    assert cells.stored() == stored
    assert cells.cell_text() == shown(stored, language)


@pytest.mark.parametrize("typed", UNREADABLE)
def test_cell_unreadable_text_keeps_the_cell_open_and_saves_nothing(
    qtbot: Any, language: str, cells: Cells, typed: str
) -> None:
    editor = cells.open_editor(qtbot)
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert cells.view.state() == QAbstractItemView.State.EditingState, "the typing is kept"
    assert editor.text() == typed
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert cells.stored() == date(2025, 3, 1)


def test_cell_arrows_and_paste(qtbot: Any, language: str, cells: Cells) -> None:
    editor = cells.open_editor(qtbot)
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Up)  # the day
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cells.stored() == date(2025, 3, 2))
    QGuiApplication.clipboard().setText("2026-09-01")
    editor = cells.open_editor(qtbot)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cells.stored() == date(2026, 9, 1))
    assert cells.cell_text() == shown(date(2026, 9, 1), language)


# -- a dialog -------------------------------------------------------------------------------


class Dialog:
    """The "new measurement" dialog, opened on 1 December 2026, recording what it saves."""

    def __init__(self, qtbot: Any, store: Store) -> None:
        m = records.create(store, Municipality, name="Gmina Testowa", kind="rural")
        indicator = records.create(store, Indicator, m.id, name="Wskaźnik")
        self.saved: list[dict[str, Any]] = []
        state = indicators.state(store, indicator.id, FILLED)
        self.dialog = MeasurementDialog(indicator, state, self.saved.append, FILLED)
        qtbot.addWidget(self.dialog)
        _show_active(qtbot, self.dialog)
        self.field = self.dialog.measured_on

    def type_date(self, qtbot: Any, typed: str) -> None:
        """Shift+Tab from the value (where the dialog opens) into the date, and type over it."""
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        assert self.field.hasFocus()
        self.field.selectAll()
        qtbot.keyClicks(self.field, typed)

    def error(self) -> str:
        return str(self.dialog.rows.text("measured_on"))


@pytest.fixture
def dialog(qtbot: Any, store: Store) -> Dialog:
    return Dialog(qtbot, store)


@pytest.mark.parametrize(("typed", "stored"), TYPED)
def test_dialog_typed_date_is_saved_by_enter(
    qtbot: Any, language: str, dialog: Dialog, typed: str, stored: date
) -> None:
    dialog.type_date(qtbot, typed)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # Enter in a dialog saves it
    assert [values["measured_on"] for values in dialog.saved] == [stored]
    assert dialog.field.text() == shown(stored, language)


@pytest.mark.parametrize("typed", UNREADABLE)
def test_dialog_unreadable_date_is_explained_under_the_field_and_not_saved(
    qtbot: Any, language: str, dialog: Dialog, typed: str
) -> None:
    dialog.type_date(qtbot, typed)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Tab)
    assert typed in dialog.error()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.saved == []
    assert dialog.dialog.isVisible()
    assert dialog.field.text() == typed


def test_form_an_empty_field_shows_the_form_expected_in_grey(
    qtbot: Any, language: str, form: Form
) -> None:
    start = form.editor("start_date")
    assert start.text() == ""
    assert start.placeholderText() == {"pl": "dd.mm.rrrr", "en": "dd/mm/yyyy"}[language]
