"""The plan tree model, without a window: structure, labels, drops and renames."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from app.demo import load_demo
from app.services import funding, plans
from app.storage.store import Store
from ui.models.plan_tree import BUDGET, TITLE, PlanTreeModel
from ui.models.roles import ID_ROLE, KIND_ROLE


def _demo_model(store: Store) -> PlanTreeModel:
    municipality, _ = load_demo(store)
    [plan] = plans.plans_of(store, municipality.id)
    model = PlanTreeModel()
    model.set_tree(plan.id, plans.tree(store, plan.id), funding.budgets_of_plan(store, plan.id))
    return model


def test_tree_has_goals_objectives_actions_in_order(demo_store: Store) -> None:
    model = _demo_model(demo_store)
    assert model.rowCount() == 3
    goal = model.index(0, TITLE)
    assert goal.data(KIND_ROLE) == "goal"
    assert goal.data().startswith("1. ")
    objective = model.index(0, TITLE, goal)
    assert objective.data(KIND_ROLE) == "objective"
    assert objective.data().startswith("1.1. ")
    action = model.index(0, TITLE, objective)
    assert action.data(KIND_ROLE) == "action"
    assert model.parent(action) == objective
    assert model.index(0, BUDGET, objective).data().endswith("zł")
    assert model.rowCount(action) == 0
    assert model.index(99, 0) == QModelIndex()


def test_drop_emits_a_move_with_the_corrected_index(demo_store: Store) -> None:
    model = _demo_model(demo_store)
    objective = model.index(0, 0, model.index(0, 0))
    first = model.index(0, 0, objective)
    moves: list[tuple[str, str, str, int]] = []
    model.move_requested.connect(lambda *args: moves.append(args))
    data = model.mimeData([first])
    # Dropping the first action below the third: it leaves its place first, so index 2.
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, objective) is False
    assert moves == [("action", first.data(ID_ROLE), objective.data(ID_ROLE), 2)]
    # Dropping where it already is does nothing.
    moves.clear()
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, objective)
    assert moves == []


def test_drop_of_wrong_kind_or_foreign_data_is_refused(demo_store: Store) -> None:
    model = _demo_model(demo_store)
    goal = model.index(0, 0)
    objective = model.index(0, 0, goal)
    action = model.index(0, 0, objective)
    data = model.mimeData([action])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, goal)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    from PySide6.QtCore import QMimeData

    junk = QMimeData()
    junk.setText("action:not-an-id")
    assert not model.canDropMimeData(junk, Qt.DropAction.MoveAction, 0, 0, objective)


def test_rename_emits_and_ignores_blank(demo_store: Store) -> None:
    model = _demo_model(demo_store)
    goal = model.index(0, 0)
    renames: list[tuple[str, str, str]] = []
    model.rename_requested.connect(lambda *args: renames.append(args))
    model.setData(goal, "   ")
    model.setData(goal, "Nowa nazwa celu")
    assert renames == [("goal", goal.data(ID_ROLE), "Nowa nazwa celu")]
