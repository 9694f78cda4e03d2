"""The visit and recommendation models, without a window."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QComboBox

from app.errors import UserError
from app.model import AdvisoryVisit, Municipality, Recommendation
from app.services import records, visits
from app.services.links import LinkTarget
from app.services.visits import RecommendationCounts
from app.storage.store import Store
from ui.context import EditorContext
from ui.models import recommendations as cols
from ui.models import visits as visit_cols
from ui.models.recommendations import (
    OVERDUE_COLOUR,
    RecommendationTableModel,
    due_text,
)
from ui.models.roles import ID_ROLE, SORT_ROLE
from ui.models.visits import VisitTableModel, counts_text
from ui.widgets.date_edit import DateEdit
from ui.widgets.recommendations_panel import RecommendationsPanel

DUE = date(2026, 3, 31)


def rec(rec_id: str = "r1", **values: Any) -> Recommendation:
    defaults: dict[str, Any] = {"text": "Zalecenie", "status": "open", "due_date": DUE}
    defaults.update(values)
    return Recommendation(id=rec_id, visit_id="v1", **defaults)


class Recorder:
    def __init__(self) -> None:
        self.edits: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        self.errors: list[UserError] = []

    def edit(self, rec_id: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.edits.append((rec_id, old, new))

    def error(self, error: UserError) -> None:
        self.errors.append(error)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def model(recorder: Recorder, qapp: Any) -> RecommendationTableModel:
    made = RecommendationTableModel(recorder.edit, recorder.error)
    made.today = date(2026, 4, 1)
    made.set_link_targets([LinkTarget("action", "a1", "Działanie: Szkolenia")])
    made.set_rows(
        [
            rec("r1", owner="Anna Łęcka", link_type="action", link_id="a1"),
            rec("r2", status="done", text="Wykonane\nw dwóch liniach"),
            rec("r3", due_date=None, link_type="action", link_id="gone"),
        ]
    )
    return made


@pytest.mark.parametrize(("today", "marked"), [(DUE, False), (date(2026, 4, 1), True)])
def test_overdue_is_marked_from_the_day_after_the_due_date(today: date, marked: bool) -> None:
    assert due_text(rec(), today).startswith("⚠") is marked
    assert not due_text(rec(status="done"), today).startswith("⚠")


def test_rows_show_text_status_and_link(model: RecommendationTableModel) -> None:
    assert model.rowCount() == 3 and model.columnCount() == 6
    assert model.index(0, cols.TEXT).data() == "Zalecenie"
    assert model.index(1, cols.TEXT).data() == "Wykonane w dwóch liniach"  # one line
    assert model.index(0, cols.STATUS).data() == "otwarte"
    assert model.index(1, cols.STATUS).data() == "wykonane"
    assert model.index(0, cols.LINK).data() == "Działanie: Szkolenia"
    assert model.index(2, cols.LINK).data() == "(element usunięty)"
    assert model.index(1, cols.LINK).data() == ""
    assert model.index(0, cols.DUE).data(ID_ROLE) == "r1"
    assert model.index(0, cols.DUE).data(SORT_ROLE) == "2026-03-31"
    assert model.index(0, cols.LINK).data(Qt.ItemDataRole.EditRole) == "action:a1"


def test_overdue_and_finished_rows_stand_out(model: RecommendationTableModel) -> None:
    due = model.index(0, cols.DUE)
    assert due.data().startswith("⚠")
    assert due.data(Qt.ItemDataRole.ForegroundRole) == QColor(OVERDUE_COLOUR)
    assert due.data(Qt.ItemDataRole.FontRole).bold()
    assert "Termin minął" in due.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, cols.TEXT).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert model.index(2, cols.DUE).data() == ""  # no due date, never overdue


def test_valid_edits_go_to_the_handler_cleaned(
    model: RecommendationTableModel, recorder: Recorder
) -> None:
    assert model.setData(model.index(0, cols.OWNER), "  Józef Źdźbło ")
    assert model.setData(model.index(0, cols.STATUS), "in_progress")
    assert model.setData(model.index(0, cols.DUE), None)
    assert model.setData(model.index(0, cols.LINK), "")
    assert model.setData(model.index(2, cols.LINK), "action:a1")
    assert recorder.edits == [
        ("r1", {"owner": "Anna Łęcka"}, {"owner": "Józef Źdźbło"}),
        ("r1", {"status": "open"}, {"status": "in_progress"}),
        ("r1", {"due_date": DUE}, {"due_date": None}),
        ("r1", {"link_type": "action", "link_id": "a1"}, {"link_type": None, "link_id": None}),
        (
            "r3",
            {"link_type": "action", "link_id": "gone"},
            {"link_type": "action", "link_id": "a1"},
        ),
    ]
    model.setData(model.index(0, cols.OWNER), "Anna Łęcka")  # unchanged: no edit
    assert len(recorder.edits) == 5


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        (cols.TEXT, "   ", "nie może być puste"),
        (cols.STATUS, "zrobione", "niedozwoloną wartość"),
        (cols.DUE, "jutro", "niepoprawna data"),
        (cols.OWNER, "x" * 201, "Odpowiedzialny"),
    ],
)
def test_bad_edits_report_the_core_message_and_change_nothing(
    model: RecommendationTableModel, recorder: Recorder, column: int, value: Any, words: str
) -> None:
    assert not model.setData(model.index(0, column), value)
    assert recorder.edits == []
    assert words in recorder.errors[0].message


def test_a_refusal_from_the_handler_is_reported(qapp: Any) -> None:
    errors: list[UserError] = []

    def refuse(*_args: Any) -> None:
        raise UserError("Termin zalecenia nie może być wcześniejszy niż data wizyty.")

    model = RecommendationTableModel(refuse, errors.append)
    model.set_rows([rec()])
    assert not model.setData(model.index(0, cols.DUE), date(2020, 1, 1))
    assert "wcześniejszy" in errors[0].message


def test_read_only_without_a_handler(qapp: Any) -> None:
    model = RecommendationTableModel()
    model.set_rows([rec()])
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, cols.TEXT), "Nowe")


def test_same_rows_new_values_keep_the_rows(model: RecommendationTableModel, qtbot: Any) -> None:
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_rows([rec("r1", text="Zmienione"), rec("r2"), rec("r3")])
    assert model.index(0, cols.TEXT).data() == "Zmienione"
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([rec("r9")])


# -- visits ----------------------------------------------------------------------------------


def test_counts_text() -> None:
    assert counts_text(RecommendationCounts()) == "brak"
    assert counts_text(RecommendationCounts(4, 0, 0)) == "wszystkie: 4"  # says what it counts
    assert (
        counts_text(RecommendationCounts(4, 2, 1)) == "wszystkie: 4 · otwarte: 2 · ⚠ po terminie: 1"
    )


def test_visit_rows_with_counts_and_sort_keys(qapp: Any) -> None:
    model = VisitTableModel()
    first = AdvisoryVisit(
        id="v1", visit_date=date(2025, 3, 12), number=1, place="Urząd", advisor="dr Ewa Wróbel"
    )
    second = AdvisoryVisit(id="v2", visit_date=date(2025, 10, 16), number=None, advisor="Jan")
    model.set_visits([first, second], {"v1": RecommendationCounts(4, 1, 1)})
    assert model.index(0, visit_cols.NUMBER).data() == "1"
    assert model.index(1, visit_cols.NUMBER).data() == ""
    assert model.index(1, visit_cols.PLACE).data() == ""
    assert model.index(0, visit_cols.RECOMMENDATIONS).data().endswith("po terminie: 1")
    assert model.index(1, visit_cols.RECOMMENDATIONS).data() == "brak"
    assert model.index(0, visit_cols.RECOMMENDATIONS).data(Qt.ItemDataRole.ForegroundRole)
    assert model.index(0, visit_cols.DATE).data(SORT_ROLE) == "2025-03-12"
    assert model.index(1, visit_cols.NUMBER).data(SORT_ROLE) == 0
    assert model.row_of("v2") == 1 and model.row_of("nope") == -1
    assert model.index(0, 0).data(ID_ROLE) == "v1"


# -- over the demo's recommendations, typed into the real panel --------------------------------


@pytest.fixture
def demo_panel(demo_store: Store, qtbot: Any) -> RecommendationsPanel:
    municipality = records.children(demo_store, Municipality)[0]
    visit = visits.visits_of(demo_store, municipality.id)[0]
    panel = RecommendationsPanel()
    qtbot.addWidget(panel)
    panel.model.today = date(2026, 11, 21)
    panel.show_visit(EditorContext(demo_store, QUndoStack(panel), panel), visit.id)
    panel.resize(1000, 300)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_demo_rows_sort_by_due_date_and_are_reached_by_row_at(
    demo_panel: RecommendationsPanel,
) -> None:
    model = demo_panel.model
    assert model.rowCount() >= 3
    proxy = QSortFilterProxyModel()
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    proxy.sort(cols.DUE, Qt.SortOrder.AscendingOrder)
    keys = [proxy.index(r, cols.DUE).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert keys == sorted(keys) and all(k == "" or k[4] == "-" for k in keys)  # ISO, not "⚠ …"
    for position in range(model.rowCount()):
        row = model.row_at(position)
        assert row is not None and model.index(position, 0).data(ID_ROLE) == row.id
        assert model.find(row.id) is row


def test_typing_an_owner_and_a_due_date_saves_them_undoably(
    demo_panel: RecommendationsPanel, demo_store: Store, qtbot: Any
) -> None:
    model, table = demo_panel.model, demo_panel.table
    first = model.row_at(0)
    assert first is not None
    table.setFocus()
    table.setCurrentIndex(model.index(0, cols.OWNER))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    owner = table.indexWidget(model.index(0, cols.OWNER))
    assert isinstance(owner, QComboBox)
    line = owner.lineEdit()
    assert line is not None
    line.selectAll()
    qtbot.keyClicks(line, "Jan Kowalski")  # (QTest types Latin-1 only)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    table.setCurrentIndex(model.index(0, cols.DUE))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    due = table.indexWidget(model.index(0, cols.DUE))
    assert isinstance(due, DateEdit)
    due.selectAll()
    qtbot.keyClicks(due, "1.2.2027")
    qtbot.keyClick(due, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    stored = records.get(demo_store, Recommendation, first.id)
    assert (stored.owner, stored.due_date) == ("Jan Kowalski", date(2027, 2, 1))
    assert model.index(model.row_of(first.id), cols.DUE).data() == "01.02.2027"
    assert demo_panel.current_id() == first.id  # the selection stays across the refresh
    assert demo_panel.context is not None
    demo_panel.context.undo_stack.undo()
    assert records.get(demo_store, Recommendation, first.id).due_date == first.due_date
