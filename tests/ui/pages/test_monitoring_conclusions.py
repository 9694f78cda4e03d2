"""Wnioski i rekomendacje on the monitoring page: a period added, its text typed in and
stored, a bad period refused with a Polish message and nothing saved, undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.demo import demo_municipality_id
from app.model import MonitoringConclusion
from app.services import conclusions, records
from app.storage.store import Store
from ui.main_window import MainWindow
from ui.pages.monitoring import MonitoringPage
from ui.pages.monitoring_conclusions import ConclusionsPanel, default_period

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _always_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)


@pytest.fixture
def panel(qtbot, demo_store: Store, window: MainWindow) -> ConclusionsPanel:  # type: ignore[no-untyped-def]
    page = next(p for p in window.pages if isinstance(p, MonitoringPage))
    window.navigation.setCurrentRow(window.pages.index(page))
    page.set_today(TODAY)
    page.tabs.setCurrentWidget(page.conclusions)
    qtbot.waitUntil(lambda: page.conclusions.periods.count() == 1)
    return page.conclusions


def _type(qtbot, editor, text: str, type_text) -> None:  # type: ignore[no-untyped-def]
    editor.setFocus()
    editor.selectAll()
    type_text(editor, text)
    with qtbot.waitSignal(editor.committed, timeout=3000):
        qtbot.keyClick(editor, Qt.Key.Key_Tab)


def test_the_officer_writes_the_conclusions_of_a_new_period(  # type: ignore[no-untyped-def]
    qtbot, panel: ConclusionsPanel, demo_store: Store, window: MainWindow, type_text
) -> None:
    municipality = demo_municipality_id()
    assert panel.periods.item(0).text() == "01.01.2025 – 31.12.2025"  # the demo's
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.periods.count() == 2)
    added = conclusions.conclusions_of(demo_store, municipality)[1]  # the latest first
    # 2025 has conclusions already: the next free calendar year counting back.
    assert (added.period_start, added.period_end) == (date(2024, 1, 1), date(2024, 12, 31))
    assert panel.current_id() == added.id
    assert panel.periods.item(1).text() == "01.01.2024 – 31.12.2024"

    text = panel.form.editors["conclusions"]
    text.setFocus()
    type_text(text, "Działania realizowano zgodnie z planem; frekwencja zagrożona.")
    with qtbot.waitSignal(text.committed, timeout=3000):
        qtbot.keyClick(text, Qt.Key.Key_Tab)
    _type(qtbot, panel.form.editors["prepared_by"], "Joanna Nowaczyk", type_text)
    stored = records.get(demo_store, MonitoringConclusion, added.id)
    assert stored.conclusions == "Działania realizowano zgodnie z planem; frekwencja zagrożona."
    assert stored.prepared_by == "Joanna Nowaczyk"

    window.context.undo_stack.undo()
    assert records.get(demo_store, MonitoringConclusion, added.id).prepared_by is None


def test_a_period_ending_before_it_starts_is_refused(  # type: ignore[no-untyped-def]
    qtbot, panel: ConclusionsPanel, demo_store: Store, type_text
) -> None:
    record = conclusions.conclusions_of(demo_store, demo_municipality_id())[0]
    end = panel.form.editors["period_end"]
    _type(qtbot, end, "31.12.2024", type_text)
    assert "wcześniejsza" in panel.form.error_text("period_end")
    assert records.get(demo_store, MonitoringConclusion, record.id).period_end == date(2025, 12, 31)


def test_the_default_period_skips_years_that_have_conclusions() -> None:
    taken = {(date(2025, 1, 1), date(2025, 12, 31)), (date(2024, 1, 1), date(2024, 12, 31))}
    assert default_period(date(2026, 3, 1), set()) == (date(2025, 1, 1), date(2025, 12, 31))
    assert default_period(date(2026, 3, 1), taken) == (date(2023, 1, 1), date(2023, 12, 31))
