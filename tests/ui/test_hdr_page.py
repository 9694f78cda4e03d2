"""A team builds a whole HDR through the real widgets, then everything is read back from the core.

The area and period in the dialog, each step of the advisory cycle, three
priorities and eight items (typed into the form, linked to plan actions), a plan
indicator attached to an item, a bar dragged on the timeline and undone, items
marked done and the computed progress checked, bad input refused next to the field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.model import (
    Action,
    ActionStatus,
    DevelopmentSchedule,
    Goal,
    Indicator,
    Municipality,
    Objective,
    ScheduleItem,
    StrategicPlan,
    TeamMember,
)
from app.services import hdr, records, schedules
from app.storage.store import Store
from ui.dialogs.new_hdr import CopyHdrDialog, NewHdrDialog
from ui.forms.month_form import MonthEditor
from ui.main_window import MainWindow
from ui.models.schedule import progress_text
from ui.pages.hdr import CYCLE_TAB, SCHEDULE_TAB, HdrPage

TODAY = date(2026, 11, 21)
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture(autouse=True)
def _always_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    # The deletion question (ui.dialogs.confirm_delete) is a box of its own, with a checkbox.
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)


@pytest.fixture(autouse=True)
def _polish_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    yield
    QLocale.setDefault(previous)


@dataclass
class Municipal:
    id: str
    actions: list[str]
    indicator: str


def _municipality_with_plan(store: Store) -> Municipal:
    m = records.create(store, Municipality, name="Gmina Żółkiewka", kind="rural")
    records.create(store, TeamMember, m.id, name="Anna Łęcka", role="skarbnik")
    records.create(store, TeamMember, m.id, name="dr Jan Żmuda", is_advisor=True)
    plan = records.create(
        store, StrategicPlan, m.id, title="Plan rozwoju oświaty", year_from=2025, year_to=2029
    )
    goal = records.create(store, Goal, plan.id, code="1", title="Finanse oświaty")
    objective = records.create(store, Objective, goal.id, code="1.1", title="Budżet zadaniowy")
    actions = [
        records.create(store, Action, objective.id, title=title).id
        for title in ("Analiza kosztów", "Szkolenia dyrektorów", "Współpraca z radą")
    ]
    indicator = records.create(
        store,
        Indicator,
        m.id,
        name="Udział dyrektorów w pracach nad budżetem",
        unit="%",
        plan_id=plan.id,
        action_id=actions[1],
        baseline_value=20,
        target_value=100,
    )
    return Municipal(m.id, actions, indicator.id)


def _open_page(window: MainWindow, municipality_id: str) -> HdrPage:
    window.municipality_model.reload()
    window.choose_municipality(municipality_id)
    window.navigation.setCurrentRow(3)
    page = next(p for p in window.pages if isinstance(p, HdrPage))
    page.today = TODAY
    return page


def _type(qtbot: Any, editor: QWidget, text: str, type_text: Any) -> None:
    """Type into a text field and wait for the autosave."""
    editor.setFocus()
    select_all = getattr(editor, "selectAll", None)
    if select_all is not None:
        select_all()
    with qtbot.waitSignal(editor.committed, timeout=3000):  # type: ignore[attr-defined]
        type_text(editor, text)


def _type_month(qtbot: Any, editor: MonthEditor, day: date) -> None:
    """Type ``MMRRRR`` into a month field and press Tab, as a person would."""
    editor.window().activateWindow()
    qtbot.waitUntil(lambda: editor.window().isActiveWindow())
    editor.setFocus()
    editor.selectAll()
    QTest.keyClicks(editor, f"{day.month:02d}{day.year}")
    with qtbot.waitSignal(editor.committed, timeout=3000):
        QTest.keyClick(editor, Qt.Key.Key_Tab)


def _choose(combo: Any, value: Any) -> None:
    """Pick an entry of a drop-down list, as a click on it does."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _new_hdr_through_the_dialog(
    qtbot: Any, page: HdrPage, monkeypatch: pytest.MonkeyPatch, type_text: Any
) -> str:
    def fill(dialog: NewHdrDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        # A custom area without a name is refused next to the area list.
        dialog.area_list.setCurrentRow(dialog.area_list.count() - 1)
        assert dialog.custom_area.isEnabled()
        dialog.accept()
        assert dialog.isVisible()
        assert dialog.errors["area_code"].text() == (
            "Wybierz jeden z 12 obszarów albo wpisz obszar własny."
        )
        dialog.area_list.setCurrentRow(3)
        assert not dialog.custom_area.isEnabled()
        assert "budżet" in dialog.description.text()
        assert dialog.title.text() == "HDR: Planowanie budżetowe"
        _type_month(qtbot, dialog.start, date(2026, 1, 1))
        _type_month(qtbot, dialog.end, date(2025, 12, 1))
        dialog.accept()  # the end before the start: refused, next to the field
        assert "wcześniejsza" in dialog.errors["period_end"].text()
        _type_month(qtbot, dialog.end, date(2027, 6, 1))
        dialog.title.setFocus()
        dialog.title.selectAll()
        type_text(dialog.title, "HDR Gminy Żółkiewka – planowanie budżetowe")
        dialog.advisors.setFocus()
        dialog.advisors.selectAll()
        type_text(dialog.advisors, "dr Jan Żmuda – doradca JST")
        assert dialog.participants.toPlainText() == "Anna Łęcka – skarbnik"
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(NewHdrDialog, "exec", fill)
    before = page.schedule_id
    page.new_button.click()
    assert page.schedule_id not in (None, before)
    assert page.tabs.currentIndex() == CYCLE_TAB
    page.window().activateWindow()
    qtbot.waitUntil(lambda: page.window().isActiveWindow())
    return str(page.schedule_id)


STEP_TEXTS = {
    "area_choice": "Najniżej oceniony obszar w samoocenie zespołu: planowanie budżetowe.",
    "diagnosis": "Analiza wydatków 2023–2025 i ankieta dla dyrektorów szkół.",
    "priorities": "Trzy priorytety: budżet zadaniowy, udział dyrektorów, informacja dla rady.",
    "schedule": "HDR przyjęty przez zespół JST w styczniu 2026 r.",
    "implementation": "Wdrażanie trwa; doradca odwiedza gminę co kwartał.",
    "tools": "Arkusz kosztów szkół, kalendarz prac budżetowych.",
}


def _walk_the_cycle(qtbot: Any, page: HdrPage, type_text: Any) -> None:
    cycle = page.cycle
    assert cycle.where.text() == "Zespół jest na etapie 1 z 6: Wybór obszaru."
    for row, (name, text) in enumerate(STEP_TEXTS.items()):
        cycle.choose(row)
        assert cycle.pages.currentIndex() == row
        _type(qtbot, cycle.forms[name].editors[f"step_{name}"], text, type_text)
        if row < 3:  # the checkbox under the text…
            cycle.forms[name].editors[f"step_{name}_done"].click()
        elif row < 5:  # …or Space on the list of steps
            cycle.steps.setFocus()
            cycle.choose(row)
            QTest.keyClick(cycle.steps, Qt.Key.Key_Space)
    assert cycle.where.text() == "Zespół jest na etapie 6 z 6: Narzędzia zarządcze."
    assert page.stage_label.text() == cycle.where.text()


PRIORITIES = (
    "Budżet zadaniowy oświaty",
    "Udział dyrektorów w planowaniu budżetu",
    "Informacja o kosztach dla rady gminy",
)


def _add_priorities(qtbot: Any, page: HdrPage, type_text: Any) -> list[str]:
    tab = page.schedule_tab
    ids: list[str] = []
    for number, title in enumerate(PRIORITIES):
        if number == 1:  # the keyboard way
            tab.tree.setFocus()
            QTest.keyClick(
                tab.tree,
                Qt.Key.Key_1,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            )
        else:
            tab.add_priority_button.click()
        editor = QApplication.focusWidget()
        assert editor is not None and editor.parent() is not None
        editor.selectAll()  # type: ignore[attr-defined]
        type_text(editor, title)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda title=title: _current_title(page) == title)
        ids.append(tab.current_id() or "")
    return ids


def _current_title(page: HdrPage) -> str:
    node = page.schedule_tab.current_node()
    return str(node.record.title) if node is not None else ""


@dataclass(frozen=True)
class ItemSpec:
    priority: int
    action: str
    responsible: str
    start: date
    end: date
    plan_action: int | None = None
    budget: str | None = None


ITEMS = (
    ItemSpec(0, "Analiza kosztów oświaty w podziale na szkoły", "Anna Łęcka",
             date(2026, 1, 1), date(2026, 3, 1), 0),
    ItemSpec(0, "Warsztaty budżetowe dla dyrektorów", "dr Jan Żmuda",
             date(2026, 2, 1), date(2026, 5, 1), 1, "1500"),
    ItemSpec(0, "Zasady podziału środków na zajęcia dodatkowe", "Anna Łęcka",
             date(2026, 4, 1), date(2026, 12, 1), 0),
    ItemSpec(1, "Kalendarz prac nad projektem budżetu", "dr Jan Żmuda",
             date(2026, 3, 1), date(2026, 6, 1), 1),
    ItemSpec(1, "Konsultacje arkuszy organizacji z dyrektorami", "Anna Łęcka",
             date(2026, 5, 1), date(2026, 10, 1)),
    ItemSpec(1, "Wspólne posiedzenia z komisją oświaty", "dr Jan Żmuda",
             date(2026, 9, 1), date(2027, 3, 1), 2, "800"),
    ItemSpec(2, "Raport o kosztach oświaty dla rady gminy", "Anna Łęcka",
             date(2026, 10, 1), date(2027, 9, 1), 2),
    ItemSpec(2, "Prezentacja wskaźników na sesji rady", "dr Jan Żmuda",
             date(2027, 1, 1), date(2027, 4, 1)),
)  # fmt: skip


def _add_item(
    qtbot: Any, page: HdrPage, priority_id: str, spec: ItemSpec, setup: Municipal, type_text: Any
) -> str:
    tab = page.schedule_tab
    tab.select(priority_id)
    tab.add_item_button.click()
    node = tab.current_node()
    assert node is not None and node.kind == "item" and node.parent is not None
    assert node.parent.id == priority_id
    form = tab.item_form
    assert form.editors["action"].hasFocus()
    _type(qtbot, form.editors["action"], spec.action, type_text)
    _type(qtbot, form.editors["responsible"], spec.responsible, type_text)
    if spec.start > form.editors["end_month"].value():  # keep end ≥ start while typing
        _type_month(qtbot, form.editors["end_month"], spec.end)
        _type_month(qtbot, form.editors["start_month"], spec.start)
    else:
        _type_month(qtbot, form.editors["start_month"], spec.start)
        _type_month(qtbot, form.editors["end_month"], spec.end)
    if spec.plan_action is not None:
        _choose(form.editors["plan_action_id"], setup.actions[spec.plan_action])
    if spec.budget is not None:
        budget = form.editors["resources_budget_cents"]
        budget.setFocus()
        budget.selectAll()
        with qtbot.waitSignal(budget.committed, timeout=3000):
            type_text(budget, spec.budget)
            QTest.keyClick(budget, Qt.Key.Key_Tab)
    return node.id


def _drag_right_end(view: Any, item_id: str, months: int) -> None:
    view.ensure_visible(item_id)
    rect = view.bar_rect(item_id)
    assert not rect.isNull()
    grab = QPoint(rect.right() - 1, rect.center().y())
    target = grab + QPoint(months * view.month_width, 0)
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, grab)
    QTest.mouseMove(viewport, QPoint((grab.x() + target.x()) // 2, grab.y()))
    QTest.mouseMove(viewport, target)
    QTest.mouseRelease(viewport, LEFT, NONE, target)


def test_a_team_builds_a_whole_hdr_through_the_ui(
    qtbot: Any, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch, type_text: Any
) -> None:
    setup = _municipality_with_plan(store)
    page = _open_page(window, setup.id)
    assert page.stack.currentIndex() == 0  # the honest empty state first
    schedule_id = _new_hdr_through_the_dialog(qtbot, page, monkeypatch, type_text)
    _walk_the_cycle(qtbot, page, type_text)

    page.tabs.setCurrentIndex(SCHEDULE_TAB)
    tab = page.schedule_tab
    priority_ids = _add_priorities(qtbot, page, type_text)
    item_ids = [
        _add_item(qtbot, page, priority_ids[spec.priority], spec, setup, type_text)
        for spec in ITEMS
    ]
    form = tab.item_form

    # The last item runs past the HDR's end: a warning next to the field, saved all the same.
    tab.select(item_ids[6])
    assert form.warning_text("end_month") == ("Pozycja wykracza poza okres HDR (01.2026–06.2027).")
    assert records.get(store, ScheduleItem, item_ids[6]).end_month == date(2027, 9, 1)
    # An end before the start is an error next to the field, and nothing changes.
    tab.select(item_ids[7])
    _type_month(qtbot, form.editors["end_month"], date(2026, 12, 1))
    assert "wcześniejsza" in form.error_text("end_month")
    assert records.get(store, ScheduleItem, item_ids[7]).end_month == date(2027, 4, 1)
    _type_month(qtbot, form.editors["end_month"], date(2027, 4, 1))
    assert form.error_text("end_month") == ""

    # A plan indicator attached to an item; undo puts it back on its plan action.
    tab.select(item_ids[1])
    _choose(tab.attach_combo, setup.indicator)
    tab.attach_button.click()
    assert tab.indicator_list.count() == 1
    assert "Udział dyrektorów" in tab.indicator_list.item(0).text()
    moved = records.get(store, Indicator, setup.indicator)
    assert (moved.schedule_item_id, moved.action_id) == (item_ids[1], None)
    window.action_undo.trigger()
    back = records.get(store, Indicator, setup.indicator)
    assert (back.schedule_item_id, back.action_id) == (None, setup.actions[1])
    window.action_redo.trigger()
    assert hdr.linked_indicators(store, item_ids[1])[0].id == setup.indicator

    # Drag the end of the second bar three months on: one undoable step, then undo it.
    view = tab.gantt
    tab.select(item_ids[1])
    width = view.bar_rect(item_ids[1]).width()
    steps = window.undo_stack.count()
    _drag_right_end(view, item_ids[1], 3)
    assert window.undo_stack.count() == steps + 1
    dragged = records.get(store, ScheduleItem, item_ids[1])
    assert (dragged.start_month, dragged.end_month) == (date(2026, 2, 1), date(2026, 8, 1))
    assert tab.model.index(1, 2, tab.model.index(0, 0)).data() == "sierpień 2026"
    assert form.editors["end_month"].value() == date(2026, 8, 1)  # the form follows
    window.action_undo.trigger()
    undone = records.get(store, ScheduleItem, item_ids[1])
    assert undone.end_month == date(2026, 5, 1)
    assert view.bar_rect(item_ids[1]).width() == width
    assert form.editors["end_month"].value() == date(2026, 5, 1)

    # Mark items done (and one in progress, one dropped) in the form's status list.
    statuses = {0: "done", 1: "done", 2: "in_progress", 3: "done", 4: "in_progress", 7: "dropped"}
    for index, status in statuses.items():
        tab.select(item_ids[index])
        _choose(form.editors["status"], status)
    result = schedules.progress(store, schedule_id, TODAY)
    overall = result.overall
    assert (overall.total, overall.done, overall.in_progress, overall.dropped) == (8, 3, 2, 1)
    assert overall.overdue == 1  # "Konsultacje…": in progress, its end month 10.2026 is over
    assert overall.share_done == pytest.approx(3 / 7)
    per_priority = [result.by_priority[pid] for pid in priority_ids]
    assert [(p.total, p.done, p.in_progress, p.overdue) for p in per_priority] == [
        (3, 2, 1, 0),
        (3, 1, 1, 1),
        (2, 0, 0, 0),
    ]
    assert page.overall_text.text() == "zrealizowane 3 z 7 · w toku 2 · po terminie 1"
    shown = [(name.text(), words.text()) for name, _bar, _share, words in page.progress.rows]
    assert shown == [
        ("Cały harmonogram", progress_text(overall)),
        *[(t, progress_text(p)) for t, p in zip(PRIORITIES, per_priority, strict=True)],
    ]
    assert page.progress.rows[0][2].text() == "43%"

    _read_everything_back(store, setup, schedule_id, priority_ids, item_ids)


def _read_everything_back(
    store: Store, setup: Municipal, schedule_id: str, priority_ids: list[str], item_ids: list[str]
) -> None:
    [schedule] = hdr.schedules_of(store, setup.id)
    assert schedule.id == schedule_id
    assert (schedule.title, schedule.area_code, schedule.custom_area) == (
        "HDR Gminy Żółkiewka – planowanie budżetowe",
        4,
        None,
    )
    assert (schedule.period_start, schedule.period_end) == (date(2026, 1, 1), date(2027, 6, 1))
    assert schedule.participants == "Anna Łęcka – skarbnik"
    assert schedule.advisors == "dr Jan Żmuda – doradca JST"
    assert schedule.plan_id is not None
    for step in hdr.cycle_steps(schedule):
        assert step.text == STEP_TEXTS[step.name]
        assert step.done is (step.name != "tools")
    groups = hdr.items_by_priority(store, schedule_id)
    assert [g.id for g in groups] == priority_ids
    assert [g.priority.title for g in groups if g.priority] == list(PRIORITIES)
    items = [item for group in groups for item in group.items]
    assert [i.id for i in items] == item_ids
    for item, spec in zip(items, ITEMS, strict=True):
        assert item.action == spec.action
        assert item.responsible == spec.responsible
        assert (item.start_month, item.end_month) == (spec.start, spec.end)
        expected_action = setup.actions[spec.plan_action] if spec.plan_action is not None else None
        assert item.plan_action_id == expected_action
        expected_budget = int(spec.budget) * 100 if spec.budget else None
        assert item.resources_budget_cents == expected_budget
    assert [i.status for i in items] == [
        ActionStatus.DONE,
        ActionStatus.DONE,
        ActionStatus.IN_PROGRESS,
        ActionStatus.DONE,
        ActionStatus.IN_PROGRESS,
        ActionStatus.PLANNED,
        ActionStatus.PLANNED,
        ActionStatus.DROPPED,
    ]
    assert records.get(store, Indicator, setup.indicator).schedule_item_id == item_ids[1]


# -- the demo HDR: copying, deleting, moving, keeping the table and timeline in step ----------


def _demo_page(window: MainWindow, store: Store) -> HdrPage:
    [municipality] = records.children(store, Municipality)
    return _open_page(window, municipality.id)


def test_copy_as_a_new_period_and_delete_are_undoable(
    qtbot: Any, window: MainWindow, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = demo_store
    page = _demo_page(window, store)
    original = page.schedule_id
    assert original is not None and page.stack.currentIndex() == 1

    def fill(dialog: CopyHdrDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.start.value() == date(2027, 7, 1)  # the month after the old period
        assert dialog.end.value() == date(2029, 12, 1)  # as long as the old period
        assert "(16)" in dialog.summary.text() and "30 mies." in dialog.summary.text()
        _type_month(qtbot, dialog.end, date(2027, 6, 1))
        dialog.accept()
        assert "wcześniejszy" in dialog.errors["period_end"].text()
        _type_month(qtbot, dialog.end, date(2029, 6, 1))
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(CopyHdrDialog, "exec", fill)
    page.copy_button.click()
    copies = [s for s in hdr.schedules_of(store, page.municipality_id or "") if s.id != original]
    [copy] = copies
    assert page.schedule_id == copy.id
    assert page.schedule_combo.currentData() == copy.id
    assert page.schedule_combo.count() == 2
    items = [i for g in hdr.items_by_priority(store, copy.id) for i in g.items]
    assert len(items) == 16 and {i.status for i in items} == {ActionStatus.PLANNED}
    assert page.cycle.where.text() == "Zespół jest na etapie 1 z 6: Wybór obszaru."
    window.action_undo.trigger()
    assert [s.id for s in hdr.schedules_of(store, page.municipality_id or "")] == [original]
    assert page.schedule_id == original and page.schedule_combo.count() == 1
    window.action_redo.trigger()
    assert page.schedule_combo.count() == 2

    page.delete_button.click()  # the copy, confirmed (Yes)
    assert page.schedule_combo.count() == 1 and page.schedule_id == original
    page.delete_button.click()
    assert hdr.schedules_of(store, page.municipality_id or "") == []
    assert page.stack.currentIndex() == 0
    window.action_undo.trigger()
    assert page.schedule_id == original and page.stack.currentIndex() == 1
    assert len(page.schedule_tab.model.items()) == 16


def test_a_refused_delete_keeps_everything(
    window: MainWindow, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _demo_page(window, demo_store)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.No)
    page.delete_button.click()
    tab = page.schedule_tab
    first_item = tab.model.items()[0]
    tab.select(first_item.id)
    tab.delete_button.click()
    assert len(hdr.schedules_of(demo_store, page.municipality_id or "")) == 1
    assert records.get(demo_store, ScheduleItem, first_item.id).deleted_at is None
    assert window.undo_stack.count() == 0


def test_items_and_priorities_move_by_keys_and_drops_and_delete_with_undo(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    store = demo_store
    page = _demo_page(window, store)
    page.tabs.setCurrentIndex(SCHEDULE_TAB)
    tab = page.schedule_tab
    schedule_id = page.schedule_id or ""

    def order() -> list[list[str]]:
        return [[i.id for i in g.items] for g in hdr.items_by_priority(store, schedule_id)]

    start = order()
    last_of_first = start[0][-1]
    tab.select(last_of_first)
    tab.tree.setFocus()
    QTest.keyClick(tab.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert order()[1][0] == last_of_first  # past the edge: into the next priority
    assert tab.current_id() == last_of_first
    QTest.keyClick(tab.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert order() == start
    # A drop of the first priority's first item onto the third priority.
    model = tab.model
    first_item = model.index(0, 0, model.index(0, 0))
    model.dropMimeData(
        model.mimeData([first_item]), Qt.DropAction.MoveAction, 0, 0, model.index(2, 0)
    )
    assert order()[2][0] == start[0][0]
    window.action_undo.trigger()
    assert order() == start
    # Priorities move as a whole.
    priorities = [g.id or "" for g in hdr.items_by_priority(store, schedule_id)]
    tab.select(priorities[0])
    tab.down_button.click()
    assert [g.id for g in hdr.items_by_priority(store, schedule_id)] == [
        priorities[1],
        priorities[0],
        priorities[2],
    ]
    window.action_undo.trigger()
    # Deleting a priority takes its items along; undo brings both back.
    tab.select(priorities[2])
    tab.tree.setFocus()
    QTest.keyClick(tab.tree, Qt.Key.Key_Delete)
    assert [g.id for g in hdr.items_by_priority(store, schedule_id)] == priorities[:2]
    window.action_undo.trigger()
    assert order() == start
    tab.select(start[1][2])
    tab.delete_button.click()
    assert start[1][2] not in order()[1]
    assert tab.current_id() == start[1][3]  # the neighbour is selected
    window.action_undo.trigger()
    assert order() == start


def test_table_and_timeline_stay_in_step(qtbot: Any, window: MainWindow, demo_store: Store) -> None:
    store = demo_store
    page = _demo_page(window, store)
    page.tabs.setCurrentIndex(SCHEDULE_TAB)
    tab = page.schedule_tab
    view = tab.gantt
    item = tab.model.items()[3]  # in progress, 09.2025–06.2026: overdue on TODAY
    # A click on the bar selects the row and shows its form.
    view.ensure_visible(item.id)
    QTest.mouseClick(view.viewport(), LEFT, NONE, view.bar_rect(item.id).center())
    assert tab.current_id() == item.id and tab.item_form.record_id == item.id
    # Choosing another row in the table selects its bar.
    other = tab.model.items()[6]
    tab.tree.setCurrentIndex(tab.model.index_of(other.id))
    assert view.selected_id == other.id
    # Keys on the timeline: one undoable step each; the table follows.
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    moved = records.get(store, ScheduleItem, other.id)
    assert moved.end_month == hdr.shift_month(other.end_month, 1)
    assert tab.item_form.editors["end_month"].value() == moved.end_month
    window.action_undo.trigger()
    assert records.get(store, ScheduleItem, other.id).end_month == other.end_month
    # An edit in the form moves the bar.
    before = view.bar_rect(other.id).width()
    _type_month(qtbot, tab.item_form.editors["end_month"], hdr.shift_month(other.end_month, 2))
    assert view.bar_rect(other.id).width() == before + 2 * view.month_width
    # Months ↔ quarters.
    tab.quarters_button.click()
    assert view.zoom == "quarters" and tab.quarters_button.isChecked()
    tab.months_button.click()
    assert view.zoom == "months"
    # The overdue item is marked in both.
    row = next(r for r in view.rows if r.id == item.id)
    assert row.overdue
    assert tab.model.index_of(item.id, 3).data().endswith("po terminie")


def test_hdr_details_refuse_bad_input_next_to_the_field(
    qtbot: Any, window: MainWindow, demo_store: Store, type_text: Any
) -> None:
    store = demo_store
    page = _demo_page(window, store)
    page.tabs.setCurrentIndex(3)
    form = page.info_form
    schedule_id = page.schedule_id or ""
    assert "doskonalenia nauczycieli" in page.area_description.text()
    _choose(form.editors["area_code"], None)  # no area and no custom area
    assert form.error_text("area_code") == "Wybierz jeden z 12 obszarów albo wpisz obszar własny."
    assert records.get(store, DevelopmentSchedule, schedule_id).area_code == 8
    _choose(form.editors["area_code"], 4)
    assert page.area_label.text() == "Obszar: 4. Planowanie budżetowe"
    assert "budżet" in page.area_description.text()
    _type_month(qtbot, form.editors["period_end"], date(2024, 6, 1))
    assert "wcześniejsza" in form.error_text("period_end")
    _type(qtbot, form.editors["title"], "HDR na nowo", type_text)
    assert page.schedule_combo.currentText().startswith("HDR na nowo (01.2025–06.2027)")
    window.action_undo.trigger()
    assert records.get(store, DevelopmentSchedule, schedule_id).title.startswith("Harmonogram")
    assert page.schedule_combo.currentText().startswith("Harmonogram")


def test_step_done_flags_and_texts_undo(
    qtbot: Any, window: MainWindow, demo_store: Store, type_text: Any
) -> None:
    page = _demo_page(window, demo_store)
    cycle = page.cycle
    assert cycle.where.text() == "Zespół jest na etapie 5 z 6: Kierunki wdrażania."
    cycle.model.setData(
        cycle.model.index(4, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert cycle.where.text() == "Zespół jest na etapie 6 z 6: Narzędzia zarządcze."
    schedule = records.get(demo_store, DevelopmentSchedule, page.schedule_id or "")
    assert schedule.step_implementation_done
    assert cycle.forms["implementation"].editors["step_implementation_done"].isChecked()
    window.action_undo.trigger()
    assert cycle.where.text() == "Zespół jest na etapie 5 z 6: Kierunki wdrażania."
    assert "Kierunki" in page.stage_label.text()
    # A step's text is saved as it is typed; one undo brings the old text back.
    editor = cycle.forms["tools"].editors["step_tools"]
    old = editor.toPlainText()
    cycle.choose(5)
    _type(qtbot, editor, "Nowe narzędzia zarządcze.", type_text)
    schedule_id = page.schedule_id or ""
    assert records.get(demo_store, DevelopmentSchedule, schedule_id).step_tools == (
        "Nowe narzędzia zarządcze."
    )
    window.action_undo.trigger()
    assert records.get(demo_store, DevelopmentSchedule, schedule_id).step_tools == old
    assert editor.toPlainText() == old


def _drawn(tree: Any, column: int) -> list[tuple[str, bool, bool | None]]:
    """Each row's cell in ``column`` as drawn: its text, whether it fits, whether it is the
    short form (None where the two forms are the same, as "maj 2025")."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from ui.models.roles import SHORT_TEXT_ROLE
    from ui.widgets.short_text import fits

    model, cells = tree.model(), []
    parents = [model.index(row, 0) for row in range(model.rowCount())]
    for parent in parents:
        for index in [parent.siblingAtColumn(column)] + [
            model.index(row, column, parent) for row in range(model.rowCount(parent))
        ]:
            option = QStyleOptionViewItem()
            option.rect = tree.visualRect(index)
            option.widget = tree
            tree.itemDelegateForIndex(index).initStyleOption(option, index)
            forms = (index.data(), index.data(SHORT_TEXT_ROLE))
            short = None if forms[0] == forms[1] else option.text == forms[1]
            cells.append((option.text, fits(option, option.text), short))
    return cells


@pytest.mark.parametrize("width", [1093, 1920])
def test_months_and_statuses_are_never_cut_months_alike_down_a_column(
    qtbot: Any, window: MainWindow, demo_store: Store, width: int
) -> None:
    """Before, at 1093×558 (a 125 % laptop) a status read "✓ zreal…"; now a narrow column
    shows "paź 2026" for "październik 2026" in every row, and a status without "po terminie"."""
    from ui.models.schedule import END, START, STATUS

    window.resize(width, 558 if width < 1920 else 1040)
    page = _demo_page(window, demo_store)
    page.tabs.setCurrentIndex(SCHEDULE_TAB)
    QApplication.processEvents()
    tree = page.schedule_tab.tree
    for column in (START, END, STATUS):
        cells = _drawn(tree, column)
        assert len(cells) > 10
        assert [text for text, whole, _short in cells if not whole] == [], column
        if column != STATUS:
            forms = {short for _text, _whole, short in cells if short is not None}
            assert len(forms) == 1, column  # alike down the column
    if width == 1920:  # room enough: the months whole
        assert not any(short for _text, _whole, short in _drawn(tree, START))
    else:
        assert all(short is not False for _text, _whole, short in _drawn(tree, START))
