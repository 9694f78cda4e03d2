"""The one date editor, driven by key presses through a real form, read back from the store.

Every case of issue 17 is here: typing into an empty field, a filled one, two
dates one after the other with Tab, unreadable text (a Polish message under the
field and nothing saved), Delete to clear, arrows, paste, Enter, the calendar.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

from app import i18n
from app.model import Action, Goal, Municipality, Objective, StrategicPlan
from app.services import records
from app.services.date_text import Precision
from app.storage.store import Store
from ui.forms.record_form import RecordForm
from ui.widgets.date_edit import CalendarPopup, DateEdit

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


@pytest.fixture(params=["pl", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("pl")


class Fixture:
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
        self.host.show()
        qtbot.waitExposed(self.host)
        self.host.activateWindow()
        qtbot.waitUntil(self.host.isActiveWindow)

    def _edit(self, name: str, _old: Any, new: Any) -> None:
        records.update(self.store, Action, self.action.id, **{name: new})

    def editor(self, name: str) -> DateEdit:
        editor = self.form.editors[name]
        assert isinstance(editor, DateEdit)
        return editor

    def stored(self, name: str) -> Any:
        return getattr(records.get(self.store, Action, self.action.id), name)


@pytest.fixture
def form(qtbot: Any, store: Store) -> Fixture:
    return Fixture(qtbot, store)


def _focus(qtbot: Any, editor: QWidget) -> None:
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)


@pytest.mark.parametrize(("typed", "stored"), TYPED)
def test_typed_into_an_empty_field_is_stored(
    qtbot: Any, language: str, form: Fixture, typed: str, stored: date
) -> None:
    start = form.editor("start_date")
    _focus(qtbot, start)
    qtbot.keyClicks(start, typed)
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert form.stored("start_date") == stored
    assert form.form.error_text("start_date") == ""
    sep = "." if language == "pl" else "/"
    assert start.text() == f"{stored.day:02d}{sep}{stored.month:02d}{sep}{stored.year}"


def test_two_dates_one_after_the_other_with_tab(qtbot: Any, language: str, form: Fixture) -> None:
    start = form.editor("start_date")
    _focus(qtbot, start)
    qtbot.keyClicks(start, "1.09.2026")
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    end = form.editor("end_date")
    assert end.hasFocus(), "Tab leaves a date field for the next one"
    qtbot.keyClicks(end, "30.06.2027")
    qtbot.keyClick(end, Qt.Key.Key_Tab)
    assert form.after.hasFocus()
    assert (form.stored("start_date"), form.stored("end_date")) == (
        date(2026, 9, 1),
        date(2027, 6, 30),
    )


def test_typing_over_a_filled_field_stores_exactly_what_was_typed(
    qtbot: Any, language: str, form: Fixture
) -> None:
    start = form.editor("start_date")
    form.form.load(records.update(form.store, Action, form.action.id, start_date=date(2026, 12, 1)))
    _focus(qtbot, start)  # focus by Tab or click selects the text; typing replaces it
    start.selectAll()
    qtbot.keyClicks(start, "15.06.2026")
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert form.stored("start_date") == date(2026, 6, 15)


@pytest.mark.parametrize("typed", UNREADABLE)
def test_unreadable_text_stays_with_a_message_and_nothing_is_saved(
    qtbot: Any, language: str, form: Fixture, typed: str
) -> None:
    form.form.load(records.update(form.store, Action, form.action.id, start_date=date(2026, 9, 1)))
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


def test_clicking_away_from_an_empty_field_keeps_it_empty_and_says_nothing(
    qtbot: Any, form: Fixture
) -> None:
    start = form.editor("start_date")
    _focus(qtbot, start)
    _focus(qtbot, form.after)
    assert form.stored("start_date") is None
    assert form.form.error_text("start_date") == ""


def test_delete_clears_the_date(qtbot: Any, form: Fixture) -> None:
    form.form.load(records.update(form.store, Action, form.action.id, start_date=date(2026, 9, 1)))
    start = form.editor("start_date")
    _focus(qtbot, start)
    start.selectAll()
    qtbot.keyClick(start, Qt.Key.Key_Delete)
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert form.stored("start_date") is None


def test_paste_is_read_like_typing(qtbot: Any, form: Fixture) -> None:
    QGuiApplication.clipboard().setText(" 2026-09-01 ")
    start = form.editor("start_date")
    _focus(qtbot, start)
    qtbot.keyClick(start, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert form.stored("start_date") == date(2026, 9, 1)


@pytest.mark.parametrize(
    ("cursor", "key", "expected"),
    [
        (0, Qt.Key.Key_Up, date(2026, 9, 2)),
        (0, Qt.Key.Key_Down, date(2026, 8, 31)),
        (4, Qt.Key.Key_Up, date(2026, 10, 1)),
        (8, Qt.Key.Key_Down, date(2025, 9, 1)),
    ],
)
def test_arrows_step_the_part_under_the_cursor(
    qtbot: Any, form: Fixture, cursor: int, key: Qt.Key, expected: date
) -> None:
    form.form.load(records.update(form.store, Action, form.action.id, start_date=date(2026, 9, 1)))
    start = form.editor("start_date")
    _focus(qtbot, start)
    start.setCursorPosition(cursor)
    qtbot.keyClick(start, key)
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert form.stored("start_date") == expected


def _open_calendar(qtbot: Any, editor: DateEdit) -> CalendarPopup:
    _focus(qtbot, editor)
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = editor._popup
    assert popup is not None and popup.isVisible()
    return popup


def test_calendar_opens_at_the_date_else_near_the_start_else_today(
    qtbot: Any, form: Fixture
) -> None:
    end = form.editor("end_date")
    popup = _open_calendar(qtbot, end)
    today = date.today()
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (today.year, today.month)
    popup.close()
    form.form.load(records.update(form.store, Action, form.action.id, start_date=date(2026, 9, 1)))
    popup = _open_calendar(qtbot, end)
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (2026, 9)
    days = popup.calendar.findChild(QTableView)  # the grid of days takes the keys
    qtbot.keyClick(days, Qt.Key.Key_Right)  # 2 September
    with qtbot.waitSignal(end.committed):
        qtbot.keyClick(days, Qt.Key.Key_Return)
    assert form.stored("end_date") == date(2026, 9, 2)
    popup = _open_calendar(qtbot, end)
    assert popup.calendar.selectedDate().toPython() == date(2026, 9, 2)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("9.2026", date(2026, 9, 1)), ("092026", date(2026, 9, 1)), ("2026-09", date(2026, 9, 1))],
)
def test_month_precision(qtbot: Any, language: str, typed: str, stored: date) -> None:
    editor = DateEdit(Precision.MONTH)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor, typed)
    with qtbot.waitSignal(editor.committed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.value() == stored
    assert editor.text() == ("09.2026" if language == "pl" else "09/2026")
