"""The plan page: asking before creating a plan, the selector after an edit, the empty tree."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from app.model import StrategicPlan
from app.services import plans, records
from app.storage.store import Store
from ui.dialogs.new_plan import NewPlanDialog
from ui.main_window import MainWindow
from ui.pages.plan import PlanPage


def test_new_plan_asks_for_title_and_years_and_cancel_creates_nothing(
    qtbot: Any,
    window: MainWindow,
    store: Store,
    page_for: Any,
    monkeypatch: pytest.MonkeyPatch,
    type_text: Any,
) -> None:
    page, municipality_id = page_for(PlanPage)
    monkeypatch.setattr(NewPlanDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    page.new_plan()
    assert plans.plans_of(store, municipality_id) == []

    def answer(dialog: NewPlanDialog) -> int:
        assert "Gmina Testowa" in dialog.title.text()
        dialog.year_to.setValue(dialog.year_from.value() - 1)
        dialog.accept()  # refused: the message is under the field, the dialog stays
        assert "wcześniejszy" in dialog.rows.text("year_to")
        dialog.year_from.setValue(2026)
        dialog.year_to.setValue(2030)
        assert dialog.title.text().endswith("2026–2030"), "the suggested title follows the years"
        dialog.title.selectAll()
        type_text(dialog.title, "Strategia oświatowa 2026–2030")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(NewPlanDialog, "exec", answer)
    page.new_plan()
    [plan] = plans.plans_of(store, municipality_id)
    assert (plan.title, plan.year_from, plan.year_to) == (
        "Strategia oświatowa 2026–2030",
        2026,
        2030,
    )
    assert page.plan_id == plan.id
    assert window.action_undo.text() == "Cofnij utworzenie planu"


def test_the_selector_shows_the_edited_title_and_years(
    qtbot: Any, window: MainWindow, store: Store, page_for: Any, type_text: Any
) -> None:
    page, municipality_id = page_for(PlanPage)
    records.create(
        store, StrategicPlan, municipality_id, title="Stary", year_from=2025, year_to=2029
    )
    page.refresh()
    assert page.plan_combo.currentText() == "Stary (2025–2029)"
    title = page.header_forms[0].editors["title"]
    title.setFocus()
    title.selectAll()
    type_text(title, "Nowy tytuł")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.plan_combo.currentText() == "Nowy tytuł (2025–2029)")


def test_an_empty_plan_says_how_to_start_not_what_to_choose(
    window: MainWindow, store: Store, page_for: Any
) -> None:
    page, municipality_id = page_for(PlanPage)
    records.create(store, StrategicPlan, municipality_id, title="P", year_from=2025, year_to=2029)
    page.refresh()
    texts = [label.text() for label in page.detail_empty.findChildren(QLabel)]
    assert not any("z listy po lewej" in text for text in texts)
    assert any("+ Cel strategiczny" in text for text in texts)
    page.add("goal")
    page.tree.clearSelection()
    page._show_detail(None)
    texts = [label.text() for label in page.detail_empty.findChildren(QLabel)]
    assert any("z listy po lewej" in text for text in texts)
