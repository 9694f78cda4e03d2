"""An officer's first session, driven through the real widgets, then read back from the core."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.model import Action, Goal, Municipality, Objective, School, StrategicPlan, TeamMember
from app.services import funding, plans, records
from app.storage.store import Store
from ui.dialogs.new_municipality import NewMunicipalityDialog
from ui.dialogs.new_plan import NewPlanDialog
from ui.main_window import MainWindow
from ui.pages.plan import PlanPage
from ui.pages.team_schools import TeamSchoolsPage


@pytest.fixture(autouse=True)
def _always_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    # The deletion question (ui.dialogs.confirm_delete) is a box of its own, with a checkbox.
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)


@pytest.fixture(autouse=True)
def _typist(type_text) -> None:  # type: ignore[no-untyped-def]
    global type_text_
    type_text_ = type_text


def _type(qtbot, editor, text: str) -> None:  # type: ignore[no-untyped-def]
    editor.setFocus()
    if hasattr(editor, "selectAll"):
        editor.selectAll()
    type_text_(editor, text)
    with qtbot.waitSignal(editor.committed, timeout=3000):
        pass


def _create_municipality(qtbot, window: MainWindow) -> str:  # type: ignore[no-untyped-def]
    assert window.context is not None
    dialog = NewMunicipalityDialog(window.context, window)
    qtbot.addWidget(dialog)
    type_text_(dialog.name, "Gmina Żółkiewka")
    dialog.kind.setCurrentIndex(dialog.kind.findData("rural"))
    assert dialog.teryt.placeholderText() == "np. 0615072"  # an example the rural kind accepts
    type_text_(dialog.teryt, "0615")
    assert dialog.errors["teryt"].text() == "", "no error while the code is still being typed"
    type_text_(dialog.teryt, "07")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.teryt.editingFinished.emit()  # leaving the field
    assert "7 cyfr" in dialog.errors["teryt"].text()
    type_text_(dialog.teryt, "2")
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.accept()
    assert dialog.created_id
    window.municipality_model.reload()
    window.choose_municipality(dialog.created_id)
    return dialog.created_id


@contextmanager
def _answering_new_plan(title: str) -> Iterator[None]:
    """The "Nowy plan" dialog, answered by typing the title and pressing OK."""

    def answer(dialog: NewPlanDialog) -> int:
        dialog.title.selectAll()
        type_text_(dialog.title, title)
        dialog.accept()
        return int(dialog.result())

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(NewPlanDialog, "exec", answer)
        yield


def _page(window: MainWindow, cls: type) -> object:
    """Go to the page of class ``cls``, as a user would (a hidden page reads nothing)."""
    page = next(p for p in window.pages if isinstance(p, cls))
    window.navigation.setCurrentRow(window.pages.index(page))
    return page


def test_officer_builds_team_schools_and_plan(qtbot, window: MainWindow, store: Store) -> None:  # type: ignore[no-untyped-def]
    municipality_id = _create_municipality(qtbot, window)
    team_page = _page(window, TeamSchoolsPage)
    assert isinstance(team_page, TeamSchoolsPage)

    # A team member, typed into the real form.
    team_page.team.add_button.click()
    _type(qtbot, team_page.team.form.editors["name"], "Anna Łęcka")
    _type(qtbot, team_page.team.form.editors["email"], "a.lecka@zolkiewka.pl")
    # A school with a bad postal code first: the message appears next to the field.
    team_page.schools.add_button.click()
    _type(qtbot, team_page.schools.form.editors["name"], "Szkoła Podstawowa w Żółkiewce")
    postal_code = team_page.schools.form.editors["postal_code"]
    _type(qtbot, postal_code, "22335")
    assert team_page.schools.form.error_text("postal_code") == ""  # still typing
    qtbot.keyClick(postal_code, Qt.Key.Key_Tab)
    assert "00-000" in team_page.schools.form.error_text("postal_code")
    _type(qtbot, team_page.schools.form.editors["postal_code"], "22-335")
    assert team_page.schools.form.error_text("postal_code") == ""

    # The plan: create it, then a goal, objective and action through the tree.
    plan_page = _page(window, PlanPage)
    assert isinstance(plan_page, PlanPage)
    with _answering_new_plan("Plan na lata 2026–2030"):
        plan_page.new_plan()
    assert plan_page.plan_id is not None
    plan_page.tabs.setCurrentIndex(0)
    plan_page.add("goal")
    plan_page.add("objective")
    plan_page.add("action")
    _type(qtbot, plan_page.action_form.editors["title"], "Warsztaty czytelnicze dla klas I–III")
    plan_page.financing.panel.add_button.click()
    budget = plan_page.financing.panel.form.editors["planned_cents"]
    budget.setFocus()
    budget.selectAll()
    type_text_(budget, "12500")
    qtbot.keyClick(budget, Qt.Key.Key_Tab)
    competences = plan_page.action_form.editors["key_competences"]
    competences.item(0).setCheckState(Qt.CheckState.Checked)
    plan_page.schools_editor.item(0).setCheckState(Qt.CheckState.Checked)

    # Read everything back through the core.
    municipality = records.get(store, Municipality, municipality_id)
    assert (municipality.name, municipality.teryt) == ("Gmina Żółkiewka", "0615072")
    assert municipality.voivodeship == "lubelskie"  # from the TERYT code's first digits
    [member] = records.children(store, TeamMember, municipality_id=municipality_id)
    assert (member.name, member.email) == ("Anna Łęcka", "a.lecka@zolkiewka.pl")
    [school] = records.children(store, School, municipality_id=municipality_id)
    assert (school.name, school.postal_code) == ("Szkoła Podstawowa w Żółkiewce", "22-335")
    [plan] = plans.plans_of(store, municipality_id)
    [goal_node] = plans.tree(store, plan.id)
    [objective_node] = goal_node.objectives
    [action] = objective_node.actions
    assert goal_node.goal.code == "1" and objective_node.objective.code == "1.1"
    assert action.title == "Warsztaty czytelnicze dla klas I–III"
    assert funding.budget_cents(funding.rows_of(store, action.id)) == 1_250_000
    assert action.key_competences == ["literacy"]
    assert plans.action_school_ids(store, action.id) == [school.id]


def _plan_with_two_goals(store: Store) -> tuple[str, list[str], list[str]]:
    m = records.create(store, Municipality, name="Gmina Testowa", kind="rural")
    plan = records.create(store, StrategicPlan, m.id, title="Plan", year_from=2025, year_to=2029)
    goals = [records.create(store, Goal, plan.id, title=f"Cel {n}").id for n in (1, 2)]
    objective = records.create(store, Objective, goals[0], title="Cel operacyjny A")
    actions = [
        records.create(store, Action, objective.id, title=f"Działanie {n}").id for n in (1, 2, 3)
    ]
    return m.id, goals, actions


def _open_plan(window: MainWindow, municipality_id: str) -> PlanPage:
    window.municipality_model.reload()
    window.choose_municipality(municipality_id)
    page = _page(window, PlanPage)
    assert isinstance(page, PlanPage)
    window.navigation.setCurrentRow(window.pages.index(page))
    return page


def _titles(store: Store, objective_id: str) -> list[str]:
    return [a.title for a in records.children(store, Action, objective_id=objective_id)]


def test_drag_and_drop_reorder_undo_redo(qtbot, window: MainWindow, store: Store) -> None:  # type: ignore[no-untyped-def]
    municipality_id, goals, actions = _plan_with_two_goals(store)
    page = _open_plan(window, municipality_id)
    model = page.tree_model
    objective_id = records.get(store, Action, actions[0]).objective_id
    # Drag "Działanie 3" onto the top of its objective, as the view does on a drop.
    source = model.index_of(actions[2])
    data = model.mimeData([source])
    target = model.index_of(objective_id)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target)
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target)
    assert _titles(store, objective_id) == ["Działanie 3", "Działanie 1", "Działanie 2"]
    assert "przeniesienie" in window.action_undo.text()
    window.action_undo.trigger()
    assert _titles(store, objective_id) == ["Działanie 1", "Działanie 2", "Działanie 3"]
    window.action_redo.trigger()
    assert _titles(store, objective_id) == ["Działanie 3", "Działanie 1", "Działanie 2"]
    # An action cannot be dropped onto a goal.
    assert not model.canDropMimeData(
        model.mimeData([model.index_of(actions[0])]),
        Qt.DropAction.MoveAction,
        0,
        0,
        model.index_of(goals[1]),
    )


def test_keyboard_move_crosses_into_next_goal(qtbot, window: MainWindow, store: Store) -> None:  # type: ignore[no-untyped-def]
    municipality_id, goals, _actions = _plan_with_two_goals(store)
    page = _open_plan(window, municipality_id)
    objective = records.children(store, Objective, goal_id=goals[0])[0]
    page.select(objective.id)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert records.get(store, Objective, objective.id).goal_id == goals[1]
    window.action_undo.trigger()
    assert records.get(store, Objective, objective.id).goal_id == goals[0]


def test_rename_delete_and_undo_delete(qtbot, window: MainWindow, store: Store) -> None:  # type: ignore[no-untyped-def]
    municipality_id, goals, actions = _plan_with_two_goals(store)
    page = _open_plan(window, municipality_id)
    page.tree_model.setData(page.tree_model.index_of(goals[0]), "Cel pierwszy — czytanie")
    assert records.get(store, Goal, goals[0]).title == "Cel pierwszy — czytanie"
    page.select(goals[0])
    page.delete_selected()
    assert [g.id for g in records.children(store, Goal, plan_id=page.plan_id)] == [goals[1]]
    window.action_undo.trigger()  # the goal comes back with its objective and actions
    assert [g.id for g in records.children(store, Goal, plan_id=page.plan_id)] == goals
    assert len(records.children(store, Objective, goal_id=goals[0])) == 1
    assert page.tree_model.index_of(actions[2]).isValid()
    window.action_undo.trigger()  # and the rename is undone too
    assert records.get(store, Goal, goals[0]).title == "Cel 1"


def test_typing_is_undone_and_redone_from_the_edit_menu(
    qtbot, window: MainWindow, store: Store
) -> None:  # type: ignore[no-untyped-def]
    municipality_id, goals, _actions = _plan_with_two_goals(store)
    page = _open_plan(window, municipality_id)
    page.select(goals[1])
    _type(qtbot, page.goal_form.editors["title"], "Szkoła otwarta")
    assert records.get(store, Goal, goals[1]).title == "Szkoła otwarta"
    assert "Nazwa celu strategicznego" in window.action_undo.text()
    window.action_undo.trigger()
    assert records.get(store, Goal, goals[1]).title == "Cel 2"
    assert page.goal_form.editors["title"].text() == "Cel 2"
    window.action_redo.trigger()
    assert page.goal_form.editors["title"].text() == "Szkoła otwarta"


def test_end_before_start_is_shown_next_to_the_field(
    qtbot, window: MainWindow, store: Store
) -> None:  # type: ignore[no-untyped-def]
    municipality_id, _goals, actions = _plan_with_two_goals(store)
    page = _open_plan(window, municipality_id)
    page.select(actions[0])
    term = page.term_field.edit
    term.setFocus()
    type_text_(term, "05.2026 – 04.2026")
    qtbot.keyClick(term, Qt.Key.Key_Return)
    assert "wcześniejszy" in page.term_field.error_text()
    assert records.get(store, Action, actions[0]).end_date is None


def test_closing_mid_typing_keeps_the_text(qtbot, settings: QSettings, data_dir) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(data_dir)
    municipality_id, goals, _actions = _plan_with_two_goals(store)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_store(store)
    window.show()
    page = _open_plan(window, municipality_id)
    page.select(goals[0])
    editor = page.goal_form.editors["description"]
    editor.setFocus()
    type_text_(editor, "Zdanie pisane w chwili zamknięcia")
    assert editor.toPlainText() == "Zdanie pisane w chwili zamknięcia"
    window.close()  # no pause: the typing timer has not fired yet
    with Store.open(data_dir) as reopened:
        assert records.get(reopened, Goal, goals[0]).description == (
            "Zdanie pisane w chwili zamknięcia"
        )


def test_killed_a_second_after_typing_keeps_the_text(data_dir) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys
    from pathlib import Path

    with Store.open(data_dir) as store:
        municipality_id, goals, _actions = _plan_with_two_goals(store)
    here = Path(__file__).parent
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(here), os.environ.get("PYTHONPATH", "")])
    )
    text = "Wpisane tuż przed awarią zasilania — żółć"
    result = subprocess.run(
        [
            sys.executable,
            str(here / "typing_victim.py"),
            str(data_dir),
            goals[0],
            municipality_id,
            text,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == -9, result.stderr  # it really was killed
    assert "typed" in result.stdout
    with Store.open(data_dir) as reopened:
        assert records.get(reopened, Goal, goals[0]).description == text
