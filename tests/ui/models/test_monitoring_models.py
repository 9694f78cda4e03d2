"""The monitoring page's item models and widgets, tested without a window."""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from app.demo import load_demo
from app.model import IndicatorStatus, NoteKind, SupportStage
from app.services import attention, journal, risks, school_support
from app.storage.store import Store
from ui.models import attention as attention_columns
from ui.models import notes as note_columns
from ui.models import risks as risk_columns
from ui.models.attention import AttentionTableModel
from ui.models.notes import NoteTableModel
from ui.models.risks import LEVEL_COLOURS, RiskTableModel
from ui.models.roles import ID_ROLE, SORT_ROLE
from ui.widgets.risk_matrix import RiskMatrixWidget
from ui.widgets.stage_board import StageBoard

TODAY = date(2026, 11, 21)


def test_note_model_shows_kind_link_and_follow_up(demo_store: Store) -> None:
    municipality, _new = load_demo(demo_store)
    found = journal.list_notes(demo_store, municipality.id)
    model = NoteTableModel()
    model.today = TODAY
    model.set_notes(found, journal.link_labels(demo_store, found))
    assert model.rowCount() == len(found) == 39
    assert model.headerData(note_columns.TITLE, Qt.Orientation.Horizontal) == "Notatka"
    first = found[0]
    assert model.index(0, note_columns.KIND).data() == NoteKind(first.kind).label
    assert model.index(0, 0).data(ID_ROLE) == first.id
    linked = next(i for i, n in enumerate(found) if n.link_id)
    assert model.index(linked, note_columns.LINK).data().split(":")[0] in {
        "Działanie",
        "Cel operacyjny",
        "Cel strategiczny",
        "Wskaźnik",
        "Szkoła",
        "Pozycja HDR",
        "Plan",
    }
    overdue = [n for n in found if journal.is_follow_up_overdue(n, TODAY)]
    assert overdue, "the demo has overdue follow-ups"
    row = model.row_of(overdue[0].id)
    assert model.index(row, note_columns.FOLLOW_UP).data().startswith("po terminie")
    colour = model.index(row, note_columns.FOLLOW_UP).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QColor) and colour.name() == "#b00020"


def test_note_model_updates_a_row_in_place(demo_store: Store) -> None:
    municipality, _new = load_demo(demo_store)
    found = journal.list_notes(demo_store, municipality.id, limit=3)
    model = NoteTableModel()
    model.set_notes(found, {})
    changed = journal.update_note(demo_store, found[1].id, title="Nowy tytuł z ąę")
    seen: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: seen.append(top.row()))
    assert model.update_note(journal.get_note(demo_store, changed.id), {})
    assert seen == [1]
    assert model.index(1, note_columns.TITLE).data() == "Nowy tytuł z ąę"
    assert not model.update_note(
        journal.get_note(demo_store, journal.list_notes(demo_store, municipality.id)[5].id), {}
    )


def test_attention_model_rows_and_colours(demo_store: Store) -> None:
    municipality, _new = load_demo(demo_store)
    checks = attention.needs_attention(demo_store, municipality.id, TODAY)
    model = AttentionTableModel()
    model.set_checks(checks)
    assert model.rowCount() == len(checks) == 4
    status = model.index(0, attention_columns.STATUS)
    assert status.data() == IndicatorStatus.OFF_TRACK.label
    assert status.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, attention_columns.ATTACHED_TO).data().startswith("Działanie:")
    assert "(" in model.index(0, attention_columns.LATEST).data()
    assert model.find(checks[2].indicator.id) is checks[2]
    assert model.index(0, attention_columns.STATUS).data(SORT_ROLE) == 0


def test_risk_model_scores_levels_and_narrowing(demo_store: Store) -> None:
    municipality, _new = load_demo(demo_store)
    found = risks.risks_of(demo_store, municipality.id)
    model = RiskTableModel()
    model.today = TODAY
    model.set_risks(found)
    assert model.rowCount() == len(found)
    top = found[0]
    score = model.index(0, risk_columns.SCORE)
    assert score.data() == f"{top.score} – {risks.level(top.score).label}"
    background = score.data(Qt.ItemDataRole.BackgroundRole)
    assert background.name() == LEVEL_COLOURS[risks.level(top.score)][0]
    cell = risks.matrix_of(found).cell(top.probability, top.impact)
    model.show_only(cell)
    assert model.narrowed and model.rowCount() == len(cell)
    model.show_only(None)
    assert model.rowCount() == len(found)


def luma(colour: QColor) -> float:
    """The grey a colour prints as (ITU-R BT.601)."""
    return 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()


def test_level_colours_read_in_greyscale() -> None:
    greys = [luma(QColor(LEVEL_COLOURS[level][0])) for level in risks.RiskLevel]
    assert all(a - b >= 30 for a, b in itertools.pairwise(greys)), greys
    for background, text in LEVEL_COLOURS.values():
        assert abs(luma(QColor(background)) - luma(QColor(text))) >= 110


def test_matrix_widget_cells_click_and_keys(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    municipality, _new = load_demo(demo_store)
    found = risks.risks_of(demo_store, municipality.id, include_closed=False)
    widget = RiskMatrixWidget()
    qtbot.addWidget(widget)
    widget.resize(420, 420)
    widget.set_matrix(risks.matrix_of(found), {r.id: r.title for r in found})
    widget.show()
    qtbot.waitExposed(widget)
    top = found[0]
    rect = widget.cell_rect(top.probability, top.impact)
    assert widget.cell_at(rect.center()) == (top.probability, top.impact)
    assert widget.cell_at(QPointF(-5, -5)) is None
    # Probability grows upwards, impact to the right.
    assert widget.cell_rect(5, 1).top() < widget.cell_rect(1, 1).top()
    assert widget.cell_rect(1, 5).left() > widget.cell_rect(1, 1).left()
    with qtbot.waitSignal(widget.cell_clicked) as clicked:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert clicked.args == [top.probability, top.impact]
    qtbot.keyClick(widget, Qt.Key.Key_Up)
    with qtbot.waitSignal(widget.cell_clicked) as keyed:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert keyed.args == [min(5, top.probability + 1), top.impact]
    widget.set_highlight(top.id)
    assert widget.highlighted() == (top.probability, top.impact)
    assert top.title in widget.cell_text(top.probability, top.impact)
    assert "P4×W4: 1" in widget.accessibleDescription()
    widget.grab()  # paints without errors


def test_stage_board_groups_and_selects(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    municipality, _new = load_demo(demo_store)
    board = StageBoard()
    qtbot.addWidget(board)
    board.resize(1000, 400)
    grouped = school_support.by_stage(demo_store, municipality.id)
    board.set_schools(grouped)
    board.show()
    for stage, schools in grouped.items():
        assert board.count(stage) == len(schools)
    implementation = grouped[SupportStage.IMPLEMENTATION][0]
    with qtbot.waitSignal(board.school_chosen) as chosen:
        board.lists[SupportStage.IMPLEMENTATION].setCurrentRow(0)
    assert chosen.args == [implementation.school.id]
    assert board.selected_school_id() == implementation.school.id
    assert board.stage_of(implementation.school.id) is SupportStage.IMPLEMENTATION
    other = grouped[None][0]
    assert board.select(other.school.id)
    assert board.selected_school_id() == other.school.id
    assert "(4)" in board.headers[SupportStage.IMPLEMENTATION].text()
    board.grab()
