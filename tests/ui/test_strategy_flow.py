"""A whole strategy (tests/fixtures/strategy) entered through the real widgets, bad input
refused under its field with nothing saved, then read back from the core and the PDF."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.model import (
    Action,
    DiagnosisTable,
    Indicator,
    IndicatorMilestone,
    Institution,
    Municipality,
    PlanConsultation,
    Problem,
    ProblemKind,
    StrategicPlan,
)
from app.reports import queries
from app.reports.plan import write_plan_pdf
from app.services import funding, indicators, plans, records, terms
from app.services.strategy import table_rows
from app.storage.store import Store
from tests.ui.cells import cell, row_count
from ui.dialogs.new_plan import NewPlanDialog
from ui.main_window import MainWindow
from ui.pages.plan import PlanPage

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "strategy" / "brzeziny_2025_2030.json"


@pytest.fixture(autouse=True)
def _always_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


@pytest.fixture
def strategy() -> dict[str, Any]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


class Hands:
    """What an officer's hands do: type into a field, pick from a list, leave the field."""

    def __init__(self, qtbot: Any, type_text: Any) -> None:
        self.qtbot = qtbot
        self.type_text = type_text

    def type(self, editor: Any, text: str) -> None:
        editor.setFocus()
        target = getattr(editor, "lineEdit", lambda: None)() or editor
        target.selectAll()
        if hasattr(editor, "setPlainText"):
            editor.setPlainText("")
        self.type_text(editor, text)
        self.qtbot.keyClick(target, Qt.Key.Key_Tab)
        flush = getattr(editor, "flush", None)
        if flush is not None:
            flush()

    def choose(self, combo: Any, label: str) -> None:
        index = combo.findText(label)
        assert index >= 0, (label, [combo.itemText(i) for i in range(combo.count())])
        combo.setFocus()
        combo.setCurrentIndex(index)
        combo.activated.emit(index)

    def date(self, editor: Any, iso: str) -> None:
        editor.set_value(date.fromisoformat(iso))
        editor.committed.emit()

    def term(self, field: Any, text: str) -> None:
        field.edit.setFocus()
        field.edit.selectAll()
        self.type_text(field.edit, text)
        self.qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def _open_plan_page(window: MainWindow, store: Store, data: dict[str, Any]) -> tuple[PlanPage, str]:
    m = data["municipality"]
    municipality = records.create(store, Municipality, **m)
    window.municipality_model.reload()
    window.choose_municipality(municipality.id)
    window.navigate("plan")
    page = next(p for p in window.pages if isinstance(p, PlanPage))
    return page, municipality.id


def test_a_whole_strategy_enters_through_the_window(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: Store, strategy: dict[str, Any], type_text, tmp_path: Path
) -> None:
    hands = Hands(qtbot, type_text)
    page, municipality_id = _open_plan_page(window, store, strategy)
    plan_data = strategy["plan"]

    # The plan: created with a button (the "Nowy plan" box asks for its title first),
    # its header typed in.
    def answer(dialog: NewPlanDialog) -> int:
        hands.type(dialog.title, plan_data["title"])
        dialog.accept()
        return int(dialog.result())

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(NewPlanDialog, "exec", answer)
        page.new_plan()
    header = page.header_forms[0]
    hands.type(header.editors["title"], plan_data["title"])
    hands.type(header.editors["year_to"], str(plan_data["year_to"]))
    hands.type(header.editors["year_from"], str(plan_data["year_from"]))
    plan_id = page.plan_id
    assert plan_id is not None
    plan = records.get(store, StrategicPlan, plan_id)
    assert (plan.title, plan.year_from, plan.year_to) == (plan_data["title"], 2025, 2030)

    # Strategy tab: introduction, evaluation calendar, institutions.
    tab = page.strategy
    page.tabs.setCurrentWidget(tab)
    hands.type(tab.plan_form.editors["introduction"], plan_data["introduction"])
    for name in ("midterm_evaluation_date", "final_evaluation_date", "yearly_report_date"):
        hands.date(tab.plan_form.editors[name], plan_data[name])
    assert "Najbliższy termin" in tab.next_date.text()
    kinds = {
        "office": "urząd / wydział",
        "service_centre": "centrum usług wspólnych",
        "ngo": "organizacja pozarządowa",
    }
    for institution in strategy["institutions"]:
        tab.institutions.add_button.click()
        hands.type(tab.institutions.form.editors["name"], institution["name"])
        hands.choose(tab.institutions.form.editors["kind"], kinds[institution["kind"]])

    # Goals, objectives and actions through the tree; each action's realizator, term, money.
    page.tabs.setCurrentIndex(0)
    bad = strategy["bad"]
    for goal in strategy["goals"]:
        page.add("goal")
        hands.type(page.goal_form.editors["title"], goal["title"])
        for objective in goal["objectives"]:
            page.add("objective")
            hands.type(page.objective_form.editors["title"], objective["title"])
            for number, action in enumerate(objective["actions"]):
                page.add("action")
                form = page.action_form
                hands.type(form.editors["title"], action["title"])
                form.refresh_choices()
                hands.choose(form.editors["realizator_id"], action["realizator"])
                hands.type(form.editors["responsible_person"], action["responsible_person"])
                action_id = page.current_id()
                assert action_id is not None
                if number == 0:  # a quarter 5: a Polish message, nothing saved
                    hands.term(page.term_field, bad["term"])
                    assert "od I do IV" in page.term_field.error_text()
                    assert records.get(store, Action, action_id).start_date is None
                hands.term(page.term_field, action["term"])
                assert page.term_field.error_text() == ""
                panel = page.financing.panel
                for year, source, amount in action["financing"]:
                    panel.add_button.click()
                    hands.type(panel.form.editors["year"], str(year))
                    hands.choose(panel.form.editors["source_id"], source)
                    hands.type(panel.form.editors["planned_cents"], amount)
                if number == 0:  # a year outside the plan and a negative amount
                    row_id = panel.current_id()
                    assert row_id is not None
                    before = page.financing.record(row_id)
                    hands.type(panel.form.editors["year"], bad["year"])
                    assert "poza okresem planu" in panel.form.error_text("year")
                    hands.type(panel.form.editors["planned_cents"], bad["amount"])
                    assert "mniejsze niż 0" in panel.form.error_text("planned_cents")
                    after = page.financing.record(row_id)
                    assert (after.year, after.planned_cents) == (before.year, before.planned_cents)
                    hands.type(panel.form.editors["year"], str(before.year))
                    hands.type(panel.form.editors["planned_cents"], action["financing"][-1][2])

    # An indicator with a ceiling and a milestone (one after the target date first).
    page.tabs.setCurrentWidget(page.indicators)
    panel = page.indicators
    spec = strategy["indicators"][0]
    panel.add_indicator()
    hands.type(panel.form.editors["name"], spec["name"])
    hands.type(panel.form.editors["unit"], spec["unit"])
    hands.type(panel.form.editors["baseline_value"], spec["baseline"])
    hands.type(panel.form.editors["target_value"], spec["target"])
    hands.choose(panel.form.editors["direction"], "nie więcej niż")
    hands.date(panel.form.editors["baseline_date"], spec["baseline_date"])
    hands.date(panel.form.editors["target_date"], spec["target_date"])
    milestones = panel.milestones
    milestones.indicator = records.get(store, Indicator, panel.form.record_id or "")
    milestones.add_button.click()
    hands.date(milestones.form.editors["due_date"], spec["milestone_too_late"])
    assert "po terminie" in milestones.form.error_text("due_date")
    hands.date(milestones.form.editors["due_date"], spec["milestone"][0])
    hands.type(milestones.form.editors["value"], spec["milestone"][1])

    # Problem tree, a pasted diagnosis table, a consultation.
    page.tabs.setCurrentWidget(tab)
    problems = strategy["problems"]
    tab.problems.add_button.click()
    hands.type(tab.problems.form.editors["title"], problems["central"])
    tab.problems.add_button.click()
    hands.type(tab.problems.form.editors["title"], problems["cause"])
    tab.problems.add_button.click()  # under the selected cause
    hands.type(tab.problems.form.editors["title"], problems["sub_cause"])
    table = strategy["diagnosis_table"]
    tab.tables.add_button.click()
    hands.type(tab.tables.form.editors["title"], table["title"])
    grid = tab.grid.grid
    grid.setFocus()
    grid.setCurrentCell(0, 0)
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText(table["pasted"])
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    tab.grid.save_button.click()
    consultation = strategy["consultation"]
    tab.consultations.add_button.click()
    hands.type(tab.consultations.form.editors["form"], consultation["form"])
    hands.type(tab.consultations.form.editors["comments_count"], consultation["comments"])

    # Everything reads back from the core as typed.
    plan = records.get(store, StrategicPlan, plan_id)
    assert plan.introduction == plan_data["introduction"]
    assert plan.midterm_evaluation_date == date(2027, 12, 31)
    names = {i.name for i in records.children(store, Institution, municipality_id=municipality_id)}
    assert names == {i["name"] for i in strategy["institutions"]}
    by_title = {
        a.title: a for g in plans.tree(store, plan_id) for o in g.objectives for a in o.actions
    }
    institution_names = {
        i.id: i.name for i in records.children(store, Institution, municipality_id=municipality_id)
    }
    for action in strategy["goals"][0]["objectives"][0]["actions"]:
        stored = by_title[action["title"]]
        assert institution_names[stored.realizator_id or ""] == action["realizator"]
        assert stored.responsible_person == action["responsible_person"]
        shown = terms.label(
            stored.start_date, stored.end_date, stored.term_precision, stored.recurring
        )
        assert shown == action["term_shown"]
        rows = funding.rows_of(store, stored.id)
        source_names = dict(funding.source_names(store, municipality_id))
        assert [(r.year, source_names[r.source_id], r.planned_cents) for r in rows] == [
            (year, source, int(amount) * 100) for year, source, amount in action["financing"]
        ]
    recurring = by_title["Coroczny przegląd wyników egzaminu ósmoklasisty z dyrektorami"]
    assert recurring.recurring and recurring.end_date == date(2030, 12, 31)
    (indicator,) = records.children(store, Indicator, plan_id=plan_id)
    assert (indicator.direction, indicator.baseline_value, indicator.target_value) == (
        "at_most",
        18200,
        19500,
    )
    (milestone,) = records.children(store, IndicatorMilestone, indicator_id=indicator.id)
    assert (milestone.due_date, milestone.value) == (date(2027, 12, 31), 19000)
    indicators.record_measurement(store, indicator.id, measured_on=date(2026, 12, 31), value=21000)
    assert indicators.state(store, indicator.id).status.value == "off_track"  # a broken ceiling
    tree = {p.title: p for p in records.children(store, Problem, plan_id=plan_id)}
    assert tree[problems["central"]].kind is ProblemKind.CENTRAL
    assert tree[problems["sub_cause"]].above_id == tree[problems["cause"]].id
    (stored_table,) = records.children(store, DiagnosisTable, plan_id=plan_id)
    assert table_rows(stored_table) == [
        line.split("\t") for line in table["pasted"].strip().split("\n")
    ]
    (stored_consultation,) = records.children(store, PlanConsultation, plan_id=plan_id)
    assert stored_consultation.comments_count == 23

    # The money tables and the Gantt in the window: each occurrence of the recurring task.
    page.tabs.setCurrentWidget(tab)
    tab.refresh_budget()
    spent, goals = tab.by_goal_spent, tab.by_goal
    assert row_count(spent) == len(strategy["goals"]) + 1
    assert cell(spent, row_count(spent) - 1, 0) == "Razem"
    last_column = goals.model().columnCount() - 1
    assert cell(spent, row_count(spent) - 1, 1) == cell(goals, row_count(goals) - 1, last_column)
    page.tabs.setCurrentWidget(page.gantt_tab)
    gantt = page.gantt_tab.gantt
    assert len(gantt.bar_rects(recurring.id)) == 2030 - 2025 + 1
    assert gantt.rows[gantt._row_of(recurring.id)].term == "corocznie, IV kw. 2025–2030"

    # The plan PDF prints every part, in the council's order.
    from pypdf import PdfReader

    path = write_plan_pdf(queries.plan_data(store, plan_id), tmp_path / "strategia.pdf")
    text = "\n".join(page_.extract_text() for page_ in PdfReader(path).pages)
    chapters = [
        "1. Wprowadzenie",
        "2. Diagnoza",
        "3. Analiza SWOT",
        "4. Problemy",
        "5. Wizja i misja",
        "6. Cele i zadania",
        "7. Finansowanie",
        "8. Wdrażanie, monitoring i ewaluacja",
        "9. Konsultacje",
    ]
    body = text[text.index("Spis treści") + 500 :]
    positions = [body.find(chapter) for chapter in chapters]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), positions
    for expected in ("III kw. 2025 – IV kw. 2027", "corocznie, IV kw. 2025–2030", "2025/2026",
                     "nie więcej niż", "Ewa Sadowska", "SP w Olszynach", problems["sub_cause"],
                     "EFS+ / FERS", "ankieta internetowa"):  # fmt: skip
        assert expected in " ".join(text.split()), expected
