"""An advisor's visit, driven through the real widgets, every value read back through the core."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.model import AdvisoryVisit, Municipality, Recommendation, TeamMember
from app.services import records, visits
from app.storage.store import Store
from ui.dialogs.visit_mode import VisitModeDialog
from ui.main_window import MainWindow
from ui.models.recommendations import DUE, OWNER, STATUS, TEXT
from ui.pages.visits import VisitsPage

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _always_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    # The deletion question (ui.dialogs.confirm_delete) is a box of its own, with a checkbox.
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)


@dataclass
class Setup:
    municipality_id: str
    first_visit: str
    overdue: str  # an open recommendation of the first visit, due long ago
    ongoing: str  # one in progress, without a due date


@pytest.fixture
def setup(store: Store) -> Setup:
    m = records.create(store, Municipality, name="Gmina Żółkiewka", kind="rural")
    records.create(store, TeamMember, m.id, name="Anna Łęcka", role="skarbnik gminy")
    records.create(store, TeamMember, m.id, name="Józef Źdźbło", role="naczelnik wydziału")
    records.create(store, TeamMember, m.id, name="dr Ewa Wróbel", role="doradca", is_advisor=True)
    first = visits.create_visit(
        store,
        m.id,
        visit_date=date(2026, 3, 10),
        number=1,
        advisor="dr Ewa Wróbel",
        place="Urząd Gminy",
        agenda="1. Diagnoza\n2. Priorytety",
    )
    overdue = visits.add_recommendation(
        store, first.id, text="Uzupełnić diagnozę", owner="Anna Łęcka", due_date=date(2026, 4, 30)
    )
    ongoing = visits.add_recommendation(
        store, first.id, text="Powołać zespół", status="in_progress"
    )
    return Setup(m.id, first.id, overdue.id, ongoing.id)


def _page(window: MainWindow, setup: Setup) -> VisitsPage:
    window.municipality_model.reload()
    window.choose_municipality(setup.municipality_id)
    page = next(p for p in window.pages if isinstance(p, VisitsPage))
    window.navigation.setCurrentRow(window.pages.index(page))
    page.today = TODAY
    return page


def _type(qtbot: Any, type_text: Callable[..., None], editor: Any, text: str) -> None:
    editor.setFocus()
    if hasattr(editor, "selectAll"):
        editor.selectAll()
    type_text(editor, text)
    with qtbot.waitSignal(editor.committed, timeout=3000):
        pass


def _open_mode(qtbot: Any, page: VisitsPage) -> VisitModeDialog:
    dialog = page.open_visit_mode()
    assert isinstance(dialog, VisitModeDialog)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


# -- the whole visit -----------------------------------------------------------------------


def test_advisor_runs_a_whole_visit(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: Store, setup: Setup, type_text
) -> None:
    page = _page(window, setup)
    # A new visit: today, the next number, the advisor and place of the last visit.
    page.add_button.click()
    visit_id = page.current_id()
    assert visit_id is not None and visit_id != setup.first_visit
    new = records.get(store, AdvisoryVisit, visit_id)
    assert (new.visit_date, new.number, new.advisor, new.place) == (
        TODAY,
        2,
        "dr Ewa Wróbel",
        "Urząd Gminy",
    )
    _type(qtbot, type_text, page.header_form.editors["place"], "Sala sesyjna, Żółkiewka")
    page.add_participants(visits.team(store, setup.municipality_id)[:2])

    dialog = _open_mode(qtbot, page)
    assert dialog.heading.text().startswith("Wizyta nr 2")
    assert dialog.review_box.title().endswith("otwarte 2, po terminie 1")

    # The agenda: a point typed in, the first one ticked.
    type_text(dialog.agenda.new_point, "Wyniki egzaminu ósmoklasisty")
    QTest.keyClick(dialog.agenda.new_point, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.agenda.list.count() == 2)
    dialog.agenda.list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: dialog.agenda.done_count() == (1, 2))

    # Notes, typed as fast as one types at a meeting; saved after a short pause.
    notes = "Zespół omówił postęp. Skarbnik zgłosiła ryzyko cięć w budżecie na 2027 r."
    type_text(dialog.notes.editor, notes)
    qtbot.waitUntil(lambda: records.get(store, AdvisoryVisit, visit_id).notes == notes)
    # An agenda point starts a section of the notes (Enter on it).
    dialog.agenda.activated.emit("Wyniki egzaminu ósmoklasisty")
    type_text(dialog.notes.editor, "Matematyka bez poprawy.")
    # Findings: saved the moment the focus leaves them, no pause needed.
    findings = "Plan realizowany; ryzyko budżetowe do rejestru."
    type_text(dialog.findings.editor, findings)
    dialog.quick.text.setFocus()
    assert records.get(store, AdvisoryVisit, visit_id).findings == findings
    assert records.get(store, AdvisoryVisit, visit_id).notes == (
        f"{notes}\n\nWyniki egzaminu ósmoklasisty\nMatematyka bez poprawy."
    )

    # Three recommendations, as they are agreed: a line, who, by when, Enter.
    agreed = [
        ("Zaktualizować prognozę demograficzną", "Anna Łęcka", date(2027, 1, 31)),
        ("Włączyć ryzyko budżetowe do rejestru ryzyk", "Józef Źdźbło", date(2026, 12, 15)),
        ("Przygotować wariant wspomagania małych szkół", "", None),
    ]
    for text, owner, due in agreed:
        type_text(dialog.quick.text, text)
        if owner:
            type_text(dialog.quick.owner, owner)
        dialog.quick.due.set_value(due)
        QTest.keyClick(dialog.quick.text, Qt.Key.Key_Return)
        assert dialog.quick.text.text() == ""  # ready for the next one
    qtbot.waitUntil(lambda: dialog.recommendations.model.rowCount() == 3)

    # Earlier recommendations reviewed with one click each.
    dialog.review.row_of(setup.overdue).buttons["done"].click()
    qtbot.waitUntil(lambda: dialog.review.row_of(setup.overdue) is None)
    dialog.review.row_of(setup.ongoing).buttons["dropped"].click()
    qtbot.waitUntil(lambda: not dialog.review.rows)
    assert dialog.review.empty.isVisibleTo(dialog)

    dialog.close_button.click()
    assert not dialog.isVisible()

    # Everything, read back through the core.
    visit = records.get(store, AdvisoryVisit, visit_id)
    assert visit.place == "Sala sesyjna, Żółkiewka"
    assert visit.participants == ("Anna Łęcka – skarbnik gminy\nJózef Źdźbło – naczelnik wydziału")
    assert visit.agenda == (
        "✓ 1. Przegląd realizacji zaleceń z poprzednich wizyt.\nWyniki egzaminu ósmoklasisty"
    )
    assert visit.findings == findings
    stored = visits.recommendations_of(store, visit_id)
    assert [(r.text, r.owner, r.due_date, r.status) for r in stored] == [
        (text, owner or None, due, "open") for text, owner, due in agreed
    ]
    assert records.get(store, Recommendation, setup.overdue).status == "done"
    assert records.get(store, Recommendation, setup.ongoing).status == "dropped"
    # The page shows the new visit with its three recommendations.
    qtbot.waitUntil(lambda: page.model.counts_of(visit_id).total == 3)
    # And each step can be undone: the last one brings the dropped recommendation back.
    window.undo_stack.undo()
    assert records.get(store, Recommendation, setup.ongoing).status == "in_progress"


def test_notes_are_saved_when_the_window_loses_focus(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: Store, setup: Setup, type_text
) -> None:
    page = _page(window, setup)
    dialog = _open_mode(qtbot, page)
    type_text(dialog.notes.editor, "Zapisane przy zamknięciu pokrywy")
    assert records.get(store, AdvisoryVisit, setup.first_visit).notes is None  # not yet
    QApplication.sendEvent(dialog, QEvent(QEvent.Type.ActivationChange))
    if dialog.isActiveWindow():  # an active offscreen window: the application is suspended
        dialog._application_state(Qt.ApplicationState.ApplicationSuspended)
    assert records.get(store, AdvisoryVisit, setup.first_visit).notes == (
        "Zapisane przy zamknięciu pokrywy"
    )
    type_text(dialog.notes.editor, " i przy zamknięciu okna")
    dialog.close()
    assert records.get(store, AdvisoryVisit, setup.first_visit).notes.endswith("okna")


def test_bad_inputs_in_the_visit_mode_say_why_and_add_nothing(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: Store, setup: Setup, type_text
) -> None:
    page = _page(window, setup)
    page.select(setup.first_visit)
    dialog = _open_mode(qtbot, page)
    QTest.keyClick(dialog.quick.text, Qt.Key.Key_Return)  # nothing typed
    assert "Wpisz treść" in dialog.quick.error.text()
    type_text(dialog.quick.text, "Za wcześnie")
    dialog.quick.due.set_value(date(2026, 3, 9))  # the day before the visit
    QTest.keyClick(dialog.quick.text, Qt.Key.Key_Return)
    assert "nie może być wcześniejszy niż data wizyty" in dialog.quick.error.text()
    assert dialog.quick.text.text() == "Za wcześnie"  # nothing typed is lost
    assert len(visits.recommendations_of(store, setup.first_visit)) == 2
    assert window.undo_stack.count() == 0
    dialog.quick.due.set_value(date(2026, 3, 10))  # the visit's own day is fine
    QTest.keyClick(dialog.quick.text, Qt.Key.Key_Return)
    assert len(visits.recommendations_of(store, setup.first_visit)) == 3
    assert dialog.quick.error.isHidden()


# -- the page ------------------------------------------------------------------------------


def test_recommendations_are_edited_in_place_and_undone(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: Store, setup: Setup
) -> None:
    page = _page(window, setup)
    page.select(setup.first_visit)
    panel = page.recommendations
    model = panel.model
    assert model.rowCount() == 2
    row = model.row_of(setup.overdue)
    assert model.index(row, DUE).data().startswith("⚠")  # overdue on 21 Nov 2026
    assert model.setData(model.index(row, OWNER), "Józef Źdźbło")
    assert model.setData(model.index(row, DUE), date(2027, 2, 1))
    stored = records.get(store, Recommendation, setup.overdue)
    assert (stored.owner, stored.due_date) == ("Józef Źdźbło", date(2027, 2, 1))
    assert not model.index(model.row_of(setup.overdue), DUE).data().startswith("⚠")
    # A refused edit: the message under the table, the old value kept.
    assert not model.setData(model.index(row, TEXT), "   ")
    assert "nie może być puste" in panel.error.text()
    assert records.get(store, Recommendation, setup.overdue).text == "Uzupełnić diagnozę"
    # One-click status, then delete with confirmation; both undoable.
    panel.select(setup.overdue)
    panel.status_buttons["done"].click()
    assert records.get(store, Recommendation, setup.overdue).status == "done"
    assert not panel.status_buttons["done"].isEnabled()
    panel.delete_selected()
    assert model.row_of(setup.overdue) < 0
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: model.row_of(setup.overdue) >= 0)
    window.undo_stack.undo()
    assert records.get(store, Recommendation, setup.overdue).status == "open"
    # Add: a new row whose text is open for typing.
    panel.add_button.click()
    assert model.rowCount() == 3
    assert model.index(2, STATUS).data() == "otwarte"


def test_visit_form_refuses_a_repeated_number(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: Store, setup: Setup, type_text
) -> None:
    page = _page(window, setup)
    page.add_button.click()
    second = page.current_id()
    number = page.header_form.editors["number"]
    number.setFocus()
    number.selectAll()
    type_text(number, "1")
    number.editingFinished.emit()
    assert "Wizyta nr 1 już istnieje" in page.header_form.error_text("number")
    assert records.get(store, AdvisoryVisit, second).number == 2


def test_deleting_a_visit_asks_and_can_be_undone(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: Store, setup: Setup
) -> None:
    page = _page(window, setup)
    page.select(setup.first_visit)
    page.delete_visit()
    assert page.model.rowCount() == 0
    assert page.stack.currentWidget() is page.empty  # the honest empty state
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert len(visits.recommendations_of(store, setup.first_visit)) == 2


def test_a_link_opens_the_recommendation_in_its_visit(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: Store, setup: Setup
) -> None:
    page = _page(window, setup)
    page.add_button.click()
    assert page.current_id() != setup.first_visit
    assert page.show_record("recommendation", setup.ongoing)
    assert page.current_id() == setup.first_visit
    assert page.recommendations.current_id() == setup.ongoing
    assert not page.show_record("recommendation", "no-such-id")
    assert not page.show_record("risk", setup.ongoing)


def test_killed_a_second_after_typing_in_visit_mode_keeps_the_text(data_dir) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys
    from pathlib import Path

    with Store.open(data_dir) as store:
        m = records.create(store, Municipality, name="Gmina Łąka", kind="rural")
        visit = visits.create_visit(store, m.id, visit_date=TODAY, advisor="dr Ewa Wróbel")
    here = Path(__file__).parent
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(here), os.environ.get("PYTHONPATH", "")])
    )
    text = "Notatka ze spotkania — bateria padła: źdźbło"
    result = subprocess.run(
        [sys.executable, str(here / "visit_mode_victim.py"), str(data_dir), m.id, visit.id, text],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == -9, result.stderr  # it really was killed
    assert "typed" in result.stdout
    with Store.open(data_dir) as reopened:
        assert records.get(reopened, AdvisoryVisit, visit.id).notes == text


def test_times_and_place_kind_are_typed_and_checked(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: Store, setup: Setup, type_text
) -> None:
    page = _page(window, setup)
    assert page.select(setup.first_visit)
    form = page.header_form
    start, end = form.editors["start_time"], form.editors["end_time"]
    for editor, typed in ((start, "9.30"), (end, "12:05")):
        editor.setFocus()
        type_text(editor, typed)
        with qtbot.waitSignal(editor.committed, timeout=3000):
            qtbot.keyClick(editor, Qt.Key.Key_Tab)
    stored = records.get(store, AdvisoryVisit, setup.first_visit)
    assert (stored.start_time, stored.end_time) == ("09:30", "12:05")
    # Out of range, and an end before the start: a Polish message, nothing saved.
    for typed, field, message in (
        ("25:00", "start_time", "GG:MM"),
        ("8:00", "end_time", "później"),
    ):
        editor = form.editors[field]
        editor.setFocus()
        editor.selectAll()
        type_text(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda field=field, message=message: message in form.error_text(field))
    stored = records.get(store, AdvisoryVisit, setup.first_visit)
    assert (stored.start_time, stored.end_time) == ("09:30", "12:05")
    kind = form.editors["place_kind"]
    kind.setFocus()
    for _step in range(kind.findText("online")):  # from "— brak —", by keys
        qtbot.keyClick(kind, Qt.Key.Key_Down)
    qtbot.keyClick(kind, Qt.Key.Key_Tab)
    qtbot.waitUntil(
        lambda: records.get(store, AdvisoryVisit, setup.first_visit).place_kind == "online"
    )


def test_a_new_visit_without_a_known_advisor_leaves_the_name_empty(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: Store
) -> None:
    m = records.create(store, Municipality, name="Gmina Bez Doradcy", kind="rural")
    page = _page(window, Setup(m.id, "", "", ""))
    page.add_button.click()
    visit_id = page.current_id()
    assert visit_id is not None
    assert records.get(store, AdvisoryVisit, visit_id).advisor is None
    assert page.people_form.editors["advisor"].text() == ""
