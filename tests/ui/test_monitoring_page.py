"""The monitoring page driven through its real widgets; every value read back through the core."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.demo import demo_municipality_id
from app.model import (
    Indicator,
    IndicatorStatus,
    MonitoringNote,
    NoteKind,
    Risk,
    School,
    SupportStage,
)
from app.services import attention, indicators, journal, records, risks, school_support
from app.storage.store import Store
from ui.dialogs.advance_stage import AdvanceStageDialog
from ui.dialogs.measurement import MeasurementDialog
from ui.dialogs.quick_note import QuickNoteDialog
from ui.main_window import MainWindow
from ui.models import notes as note_columns
from ui.pages.monitoring import MonitoringPage
from ui.pages.plan import PlanPage
from ui.quick_note_action import ACTION_NAME

TODAY = date(2026, 11, 21)
MONITORING_ROW = 4


@pytest.fixture(autouse=True)
def _always_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    # The deletion question (ui.dialogs.confirm_delete) is a box of its own, with a checkbox.
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)


@pytest.fixture
def page(qtbot, demo_store: Store, window: MainWindow) -> MonitoringPage:  # type: ignore[no-untyped-def]
    window.navigation.setCurrentRow(MONITORING_ROW)
    found = window.pages[MONITORING_ROW]
    assert isinstance(found, MonitoringPage)
    found.set_today(TODAY)
    return found


def in_dialog(qtbot, cls: type[QDialog], act: Callable[[Any], None]) -> list[str]:  # type: ignore[no-untyped-def]
    """Arrange for ``act(dialog)`` to run inside the next modal dialog (closed if unexpected)."""
    problems: list[str] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, cls):
            problems.append(f"expected {cls.__name__}, got {dialog!r}")
            if isinstance(dialog, QDialog):
                dialog.reject()
            return
        try:
            act(dialog)
        except Exception as error:
            problems.append(repr(error))
            dialog.reject()

    QTimer.singleShot(0, handle)
    return problems


def typed(editor: Any, text: str, type_text: Callable[[Any, str], None]) -> None:
    editor.setFocus()
    target = editor.lineEdit() if hasattr(editor, "lineEdit") and editor.lineEdit() else editor
    target.selectAll()
    type_text(editor, text)


# -- indicators: off track to on track ---------------------------------------------------------


def test_measurements_move_an_indicator_from_off_track_to_on_track(
    qtbot,
    page: MonitoringPage,
    demo_store: Store,
    type_text,  # type: ignore[no-untyped-def]
) -> None:
    m = demo_municipality_id()
    indicator = records.create(
        demo_store,
        Indicator,
        m,
        name="Odsetek nauczycieli po szkoleniu z oceniania kształtującego",
        unit="%",
        baseline_value=0,
        target_value=100,
        baseline_date=date(2024, 1, 1),
        target_date=date(2028, 1, 1),
        interval_months=12,
    )
    indicators.record_measurement(demo_store, indicator.id, measured_on=date(2026, 1, 1), value=10)
    page.tabs.setCurrentWidget(page.attention)
    panel = page.attention
    qtbot.waitUntil(lambda: panel.model.find(indicator.id) is not None)
    assert panel.model.find(indicator.id).state.status is IndicatorStatus.OFF_TRACK
    assert panel.select(indicator.id)

    for value, expected in (("30", IndicatorStatus.OFF_TRACK), ("65", IndicatorStatus.ON_TRACK)):

        def fill(dialog: MeasurementDialog, value: str = value) -> None:
            assert dialog.measured_on.value() == TODAY
            typed(dialog.value, value, type_text)
            typed(dialog.source, "ankieta dyrektorów", type_text)
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

        problems = in_dialog(qtbot, MeasurementDialog, fill)
        panel.measure_button.click()
        assert problems == []
        state = indicators.state(demo_store, indicator.id, TODAY)
        assert state.status is expected
        assert state.latest is not None and state.latest.value == float(value)
        assert state.latest.source == "ankieta dyrektorów"
        if expected is IndicatorStatus.OFF_TRACK:
            assert panel.select(indicator.id)

    # Fine again: it left the list, and the page says so.
    assert panel.model.find(indicator.id) is None
    assert "w normie" in panel.info.text()
    values = [m.value for m in indicators.measurements(demo_store, indicator.id)]
    assert values == [10, 30, 65]
    checks = {c.indicator.id: c for c in attention.needs_attention(demo_store, m, TODAY)}
    assert indicator.id not in checks

    # Undo takes the last measurement back; the indicator needs attention again.
    window = page.window()
    assert isinstance(window, MainWindow)
    window.undo_stack.undo()
    assert [m.value for m in indicators.measurements(demo_store, indicator.id)] == [10, 30]
    qtbot.waitUntil(lambda: panel.model.find(indicator.id) is not None)


def test_a_bad_measurement_stays_in_the_dialog(
    qtbot,
    page: MonitoringPage,
    demo_store: Store,  # type: ignore[no-untyped-def]
) -> None:
    page.tabs.setCurrentWidget(page.attention)
    panel = page.attention
    first = panel.model.row_at(0)
    assert first is not None
    before = len(indicators.measurements(demo_store, first.indicator.id))
    seen: list[str] = []

    def fill(dialog: MeasurementDialog) -> None:
        dialog.measured_on.set_value(None)
        dialog.accept()
        seen.append(dialog.rows.text("measured_on"))
        dialog.reject()

    problems = in_dialog(qtbot, MeasurementDialog, fill)
    assert not panel.record_measurement(first.indicator.id)
    assert problems == []
    assert "Data pomiaru" in seen[0]
    assert len(indicators.measurements(demo_store, first.indicator.id)) == before


# -- the journal: search, filters, quick notes, risks ---------------------------------------------


def test_journal_search_ignores_case_and_diacritics(
    qtbot,
    page: MonitoringPage,
    demo_store: Store,
    type_text,  # type: ignore[no-untyped-def]
) -> None:
    panel = page.journal
    page.tabs.setCurrentWidget(panel)
    total = panel.model.rowCount()
    type_text(panel.search, "PSYCHOLOGA")
    qtbot.waitUntil(lambda: panel.model.rowCount() < total, timeout=3000)
    expected = journal.search_notes(demo_store, demo_municipality_id(), "psychologa")
    assert expected
    assert {panel.model.row_at(r).id for r in range(panel.model.rowCount())} == {
        n.id for n in expected
    }
    # The kind filter narrows the search further.
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("risk"))
    panel.kind_filter.activated.emit(panel.kind_filter.currentIndex())
    shown = [panel.model.row_at(r) for r in range(panel.model.rowCount())]
    assert shown and all(n is not None and n.kind is NoteKind.RISK for n in shown)
    panel.clear_button.click()
    assert panel.model.rowCount() == total and panel.search.text() == ""


def test_a_period_ending_before_it_starts_is_explained(
    qtbot,
    page: MonitoringPage,  # type: ignore[no-untyped-def]
) -> None:
    panel = page.journal
    panel.period_filter.setCurrentIndex(panel.period_filter.findData("custom"))
    panel.period_filter.activated.emit(panel.period_filter.currentIndex())
    panel.date_from.set_value(date(2026, 5, 1))
    panel.date_to.set_value(date(2026, 4, 1))
    panel.date_to.committed.emit()
    assert "wcześniejszy" in panel.filter_error.text()
    assert panel.model.rowCount() == 0
    panel.date_to.set_value(date(2026, 6, 30))
    panel.date_to.committed.emit()
    assert panel.filter_error.isHidden()
    notes = [panel.model.row_at(r) for r in range(panel.model.rowCount())]
    assert notes and all(
        n is not None and date(2026, 5, 1) <= n.noted_on <= date(2026, 6, 30) for n in notes
    )


def test_quick_note_by_shortcut_is_linked_to_the_selected_school(
    qtbot,
    page: MonitoringPage,
    demo_store: Store,
    window: MainWindow,
    type_text,  # type: ignore[no-untyped-def]
) -> None:
    page.tabs.setCurrentWidget(page.schools)
    school_id = page.schools.current_id()
    assert school_id is not None
    assert page.current_link() == ("school", school_id)
    action = window.findChild(QAction, ACTION_NAME)
    assert isinstance(action, QAction) and action.shortcut().toString() == "Ctrl+M"
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edycja")
    assert action in edit_menu.actions()

    def fill(dialog: QuickNoteDialog) -> None:
        assert dialog.link.value() == f"school:{school_id}"
        type_text(dialog.text, "Dyrektorka prosi o przesunięcie warsztatów na styczeń")
        dialog.kind.set_value("problem")
        typed(dialog.author, "Anna Łęcka", type_text)
        dialog.activateWindow()
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        if dialog.isVisible():
            dialog.reject()
            raise AssertionError("Ctrl+Enter did not save the note")

    problems = in_dialog(qtbot, QuickNoteDialog, fill)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert problems == []
    found = journal.search_notes(demo_store, demo_municipality_id(), "przesuniecie warsztatow")
    assert len(found) == 1
    note = found[0]
    assert (note.link_type, note.link_id) == ("school", school_id)
    assert (note.kind, note.author, note.noted_on) == (NoteKind.PROBLEM, "Anna Łęcka", date.today())
    assert window.settings.value("journal/author") == "Anna Łęcka"
    # Undo removes it again.
    window.undo_stack.undo()
    assert journal.search_notes(demo_store, demo_municipality_id(), "przesuniecie warsztatow") == []


def test_quick_note_from_the_plan_page_links_the_selected_action(
    qtbot,
    page: MonitoringPage,
    demo_store: Store,
    window: MainWindow,
    type_text,  # type: ignore[no-untyped-def]
) -> None:
    plan_page = next(p for p in window.pages if isinstance(p, PlanPage))
    window.navigation.setCurrentRow(window.pages.index(plan_page))
    root = plan_page.tree_model.root
    action_node = root.children[0].children[0].children[0]
    assert plan_page.select(action_node.id)

    def fill(dialog: QuickNoteDialog) -> None:
        assert dialog.link.value() == f"action:{action_node.id}"
        type_text(dialog.text, "Zajęcia ruszyły zgodnie z planem")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    problems = in_dialog(qtbot, QuickNoteDialog, fill)
    action = window.findChild(QAction, ACTION_NAME)
    assert isinstance(action, QAction)
    action.trigger()
    assert problems == []
    note = journal.search_notes(demo_store, demo_municipality_id(), "ruszyly zgodnie")[0]
    assert (note.link_type, note.link_id) == ("action", action_node.id)


def test_an_empty_quick_note_is_refused_next_to_the_text(
    qtbot,
    page: MonitoringPage,
    demo_store: Store,  # type: ignore[no-untyped-def]
) -> None:
    before = len(journal.list_notes(demo_store, demo_municipality_id()))
    assert page.context is not None
    dialog = QuickNoteDialog(page.context, demo_municipality_id())
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "Treść notatki" in dialog.rows.text("text")
    assert dialog.created_id is None
    assert len(journal.list_notes(demo_store, demo_municipality_id())) == before


def test_a_risk_raised_from_a_note(
    qtbot,
    page: MonitoringPage,
    demo_store: Store,
    window: MainWindow,
    type_text,  # type: ignore[no-untyped-def]
) -> None:
    panel = page.journal
    page.tabs.setCurrentWidget(panel)

    def fill(dialog: QuickNoteDialog) -> None:
        dialog.kind.set_value("risk")
        type_text(dialog.text, "Rezygnacja dwóch trenerów sieci współpracy")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    problems = in_dialog(qtbot, QuickNoteDialog, fill)
    panel.new_button.click()
    assert problems == []
    note = panel.current_note()
    assert note is not None and note.text == "Rezygnacja dwóch trenerów sieci współpracy"
    assert panel.risk_button.isVisibleTo(panel)

    panel.risk_button.click()
    created = risks.risk_of_note(demo_store, note.id)
    assert created is not None
    assert page.tabs.currentWidget() is page.risks
    assert page.risks.current_id() == created.id
    assert created.title == note.text and created.source_note_id == note.id
    assert page.risks.source_button.isVisibleTo(page.risks)

    # Score it in the form: probability 5, impact 4 → critical, in its matrix cell.
    form = page.risks.form
    for field, value in (("probability", 5), ("impact", 4)):
        editor = form.editors[field]
        editor.setCurrentIndex(editor.findData(value))
        editor.activated.emit(editor.currentIndex())
    again = records.get(demo_store, Risk, created.id)
    assert (again.probability, again.impact, again.score) == (5, 4, 20)
    qtbot.waitUntil(lambda: page.risks.matrix.highlighted() == (5, 4))
    assert created.id in risks.matrix(demo_store, demo_municipality_id()).cell(5, 4)

    # Clicking that cell shows only its risks; again shows all.
    rect = page.risks.matrix.cell_rect(5, 4)
    qtbot.mouseClick(page.risks.matrix, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.risks.model.rowCount() == 1 and page.risks.current_id() == created.id
    qtbot.mouseClick(page.risks.matrix, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.risks.model.rowCount() == len(
        risks.risks_of(demo_store, demo_municipality_id(), include_closed=False)
    )

    # The button on the note now leads to the risk instead of making another.
    page.show_note(note.id)
    assert panel.risk_button.text() == "Pokaż ryzyko w rejestrze"
    panel.risk_button.click()
    assert page.risks.current_id() == created.id
    assert (
        len(
            [
                r
                for r in risks.risks_of(demo_store, demo_municipality_id())
                if r.source_note_id == note.id
            ]
        )
        == 1
    )


def test_editing_and_deleting_a_note_are_undoable(
    qtbot,
    page: MonitoringPage,
    demo_store: Store,
    window: MainWindow,
    type_text,  # type: ignore[no-untyped-def]
) -> None:
    panel = page.journal
    page.tabs.setCurrentWidget(panel)
    note = panel.current_note()
    assert note is not None
    title = panel.form.editors["title"]
    typed(title, "Zmieniony tytuł – ewaluacja", type_text)
    with qtbot.waitSignal(title.committed, timeout=3000):
        pass
    assert journal.get_note(demo_store, note.id).title == "Zmieniony tytuł – ewaluacja"
    assert panel.model.index(0, note_columns.TITLE).data() == "Zmieniony tytuł – ewaluacja"
    # Link it to a school through the form.
    school = records.children(demo_store, School, municipality_id=demo_municipality_id())[0]
    panel.link.set_value(f"school:{school.id}")
    panel.link.committed.emit()
    again = journal.get_note(demo_store, note.id)
    assert (again.link_type, again.link_id) == ("school", school.id)
    assert page.current_link() == ("school", school.id)
    count = len(journal.list_notes(demo_store, demo_municipality_id()))
    panel.delete_button.click()
    assert len(journal.list_notes(demo_store, demo_municipality_id())) == count - 1
    window.undo_stack.undo()
    assert len(journal.list_notes(demo_store, demo_municipality_id())) == count
    qtbot.waitUntil(lambda: panel.model.find(note.id) is not None)
    window.undo_stack.undo()  # the link
    window.undo_stack.undo()  # the title
    assert journal.get_note(demo_store, note.id).title == note.title
    assert journal.get_note(demo_store, note.id).link_id == note.link_id
    assert records.get(demo_store, MonitoringNote, note.id).deleted_at is None


# -- process support: a school through the four stages --------------------------------------------


def test_a_school_moves_through_the_four_stages(
    qtbot,
    page: MonitoringPage,
    demo_store: Store,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    panel = page.schools
    page.tabs.setCurrentWidget(panel)
    m = demo_municipality_id()
    school = school_support.by_stage(demo_store, m)[None][0].school
    assert panel.select(school.id)
    dates = (date(2026, 1, 12), date(2026, 3, 2), date(2026, 4, 20), date(2026, 10, 5))
    for stage, day in zip(school_support.STAGES, dates, strict=True):

        def fill(dialog: AdvanceStageDialog, stage: SupportStage = stage, day: date = day) -> None:
            assert dialog.stage.value() == stage.value  # the next stage is proposed
            dialog.stage_date.set_value(day)
            dialog.notes.set_value(f"Etap {stage.label}")
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

        problems = in_dialog(qtbot, AdvanceStageDialog, fill)
        panel.advance_button.click()
        assert problems == []
        assert records.get(demo_store, School, school.id).support_stage is stage
        assert panel.board.stage_of(school.id) is stage
        assert panel.current_id() == school.id

    steps = school_support.history(demo_store, school.id)
    assert [s.stage for s in steps] == list(school_support.STAGES)
    assert [s.stage_date for s in steps] == list(dates)
    assert [s.completed_on for s in steps] == [*dates[1:], None]
    assert steps[1].notes == f"Etap {SupportStage.AGREEMENT.label}"
    assert panel.history.model.rowCount() == 4
    assert "Nowy cykl" in panel.advance_button.text()

    # One undo takes back exactly the last stage, the step and the end date of the one before.
    window.undo_stack.undo()
    assert records.get(demo_store, School, school.id).support_stage is SupportStage.IMPLEMENTATION
    steps = school_support.history(demo_store, school.id)
    assert len(steps) == 3 and steps[-1].completed_on is None
    qtbot.waitUntil(lambda: panel.board.stage_of(school.id) is SupportStage.IMPLEMENTATION)
    window.undo_stack.redo()
    assert records.get(demo_store, School, school.id).support_stage is SupportStage.ASSESSMENT


def test_a_stage_date_before_the_previous_one_stays_in_the_dialog(
    qtbot,
    page: MonitoringPage,
    demo_store: Store,  # type: ignore[no-untyped-def]
) -> None:
    panel = page.schools
    page.tabs.setCurrentWidget(panel)
    entry = school_support.by_stage(demo_store, demo_municipality_id())[SupportStage.DIAGNOSIS][0]
    assert panel.select(entry.school.id)
    seen: list[str] = []

    def fill(dialog: AdvanceStageDialog) -> None:
        dialog.stage_date.set_value(date(2020, 1, 1))
        dialog.accept()
        seen.append(dialog.rows.text("stage_date"))
        dialog.reject()

    problems = in_dialog(qtbot, AdvanceStageDialog, fill)
    panel.advance_button.click()
    assert problems == []
    assert "wcześniejsza" in seen[0]
    assert records.get(demo_store, School, entry.school.id).support_stage is SupportStage.DIAGNOSIS


def test_current_link_follows_the_tab(qtbot, page: MonitoringPage) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentWidget(page.attention)
    assert page.current_link() == ("indicator", page.attention.current_id())
    page.tabs.setCurrentWidget(page.risks)
    assert page.current_link() == ("risk", page.risks.current_id())
    page.tabs.setCurrentWidget(page.schools)
    assert page.current_link() == ("school", page.schools.current_id())
    assert "(4)" in page.tabs.tabText(1)
