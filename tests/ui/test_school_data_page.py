"""The "Dane oświatowe" page and the import dialog, driven through real widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from app.demo import load_demo
from app.imports import mapping as mappings
from app.services.school_data import grid as grids
from app.services.school_data import series
from app.services.school_data import snapshot as snapshots
from app.storage.store import Store
from ui.dialogs.import_sheet import ImportSheetDialog
from ui.main_window import MainWindow
from ui.pages.school_data import SchoolDataPage

FIXTURES = Path(__file__).parents[1] / "fixtures" / "school_data"


@pytest.fixture
def demo(demo_store: Store) -> str:
    municipality, _new = load_demo(demo_store)
    return municipality.id


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *args: Any) -> None:
        shown.append(text)

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


def _page(window: MainWindow, municipality_id: str) -> SchoolDataPage:
    window.municipality_model.reload()
    window.choose_municipality(municipality_id)
    page = next(p for p in window.pages if isinstance(p, SchoolDataPage))
    window.navigation.setCurrentRow(window.pages.index(page))
    return page


def _type_into_cell(qtbot: Any, page: SchoolDataPage, row: int, column: int, text: str) -> None:
    index = page.model.index(row, column)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle(qtbot, page)


def settle(qtbot: Any, page: SchoolDataPage) -> None:
    """The delegate commits in a queued call, and the page refreshes after the change."""
    qtbot.waitUntil(
        lambda: (
            page.table.state() != page.table.State.EditingState
            and not page._reload_timer.isActive()
        )
    )


def _stored(
    store: Store, municipality_id: str, code: str, school_id: str, year: int
) -> float | None:
    data = snapshots.load(store, municipality_id)
    return grids.cell(data, grids.measure(code), school_id, year)


def test_grid_edit_undo_and_totals(qtbot: Any, window: MainWindow, store: Store, demo: str) -> None:
    page = _page(window, demo)
    assert page.measure.currentData() == "stats:pupils"
    model = page.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "2021/2022"
    row = next(r for r in range(model.rowCount() - 1) if "Jeżewie" in model.data(model.index(r, 0)))
    school_id = model.grid.rows[row].school_id  # type: ignore[union-attr]
    # 2025/2026 is closed in the demo: edit 2024/2025, the newest open year.
    before = _stored(store, demo, "stats:pupils", school_id, 2024)
    assert before is not None
    totals_before = model.grid.totals[2024]  # type: ignore[union-attr]
    _type_into_cell(qtbot, page, row, 4, "90")
    assert _stored(store, demo, "stats:pupils", school_id, 2024) == 90.0
    assert page.model.grid.totals[2024] == totals_before + 90 - before  # type: ignore[union-attr]
    window.undo_stack.undo()
    assert _stored(store, demo, "stats:pupils", school_id, 2024) == before
    settle(qtbot, page)
    assert page.model.data(page.model.index(row, 4)) == f"{before:.0f}"


@pytest.mark.usefixtures("polish_locale")
def test_spending_per_school_shows_money_and_takes_typed_grosze(
    qtbot: Any, window: MainWindow, store: Store, demo: str
) -> None:
    page = _page(window, demo)
    page.measure.setCurrentIndex(page.measure.findData("stats:spending_cents"))
    model = page.model
    row = next(r for r in range(model.rowCount() - 1) if "Jeżewie" in model.data(model.index(r, 0)))
    school_id = model.grid.rows[row].school_id  # type: ignore[union-attr]
    # 2024/2025: the demo has closed 2025/2026, whose column takes no edits
    shown = model.data(model.index(row, 4))
    assert shown.endswith("zł") and "e+" not in shown
    _type_into_cell(qtbot, page, row, 4, "1234567,5")
    assert _stored(store, demo, "stats:spending_cents", school_id, 2024) == 1_234_567.5
    settle(qtbot, page)
    assert page.model.data(page.model.index(row, 4)) == "1\u00a0234\u00a0567,50\u00a0zł"
    edited = page.model.data(page.model.index(row, 4), Qt.ItemDataRole.EditRole)
    assert edited.replace("\u00a0", " ") == "1 234 567,50"


@pytest.mark.parametrize(
    ("text", "needle"), [("-5", "mniejsze niż 0"), ("abc", "liczbą"), ("3", "Oddziałów")]
)
def test_bad_values_are_refused_and_nothing_is_saved(
    qtbot: Any,
    window: MainWindow,
    store: Store,
    demo: str,
    warnings: list[str],
    text: str,
    needle: str,
) -> None:
    page = _page(window, demo)
    if needle == "Oddziałów":
        page.measure.setCurrentIndex(page.measure.findData("stats:pupils"))
    row = next(
        r
        for r in range(page.model.rowCount() - 1)
        if "Jeżewie" in page.model.data(page.model.index(r, 0))
    )
    school_id = page.model.grid.rows[row].school_id  # type: ignore[union-attr]
    before = _stored(store, demo, "stats:pupils", school_id, 2024)
    _type_into_cell(qtbot, page, row, 4, text)
    assert warnings and needle in warnings[-1]
    assert _stored(store, demo, "stats:pupils", school_id, 2024) == before
    assert not window.undo_stack.canUndo()


def test_add_a_year_and_type_into_it(
    qtbot: Any, window: MainWindow, store: Store, demo: str
) -> None:
    page = _page(window, demo)
    page.measure.setCurrentIndex(page.measure.findData("finance:subvention_cents"))
    assert page.model.rowCount() == 1
    page.new_year.setValue(2026)
    qtbot.mouseClick(page.add_year_button, Qt.MouseButton.LeftButton)
    assert page.model.headerData(6, Qt.Orientation.Horizontal) == "2026"
    _type_into_cell(qtbot, page, 0, 6, "26 500 000,50")
    data = snapshots.load(store, demo)
    assert data.finance[2026].subvention_cents == 2_650_000_050


def test_small_multiples_one_per_indicator(window: MainWindow, store: Store, demo: str) -> None:
    page = _page(window, demo)
    page.tabs.setCurrentIndex(1)
    assert len(page.charts) == len(series.chart_codes())
    first = page.charts[0]
    expected = series.values(snapshots.load(store, demo), "pupils_per_class")
    assert first.data.jst == expected
    assert "Uczniów na oddział" in first.describe()
    exam = next(c for c in page.charts if c.data.title.startswith("E8 matematyka: średni"))
    assert exam.data.level  # the country's mean, dashed


def _dialog(qtbot: Any, store: Store, municipality_id: str) -> ImportSheetDialog:
    dialog = ImportSheetDialog(store, municipality_id)
    qtbot.addWidget(dialog)
    return dialog


def test_import_dialog_exam_sheet_with_saved_mapping(qtbot: Any, store: Store, demo: str) -> None:
    dialog = _dialog(qtbot, store, demo)
    dialog.path.setText(str(FIXTURES / "oke_e8_zielonki_2025.xlsx"))
    dialog.path.editingFinished.emit()
    assert dialog.header_row.value() == 4  # guessed below the title and the merged subjects
    dialog.mapping.setCurrentIndex(dialog.mapping.findData("oke-e8"))
    assert dialog.column_choices()["matematyka|mean_pct"] == "Matematyka / Średni wynik (%)"
    dialog.year.setValue(2026)
    dialog.save_as.setText("OKE Poznań")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    text = dialog.preview_text.toPlainText()
    assert "pominięte wiersze sum: 1" in text
    assert "dopasowano tylko po nazwie: Szkoła Podstawowa w Olszynce" in text
    assert dialog.confirm_names.isVisibleTo(dialog)
    dialog.confirm_names.setChecked(True)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    data = snapshots.load(store, demo)
    olszynka = next(s.id for s in data.schools if s.name == "Szkoła Podstawowa w Olszynce")
    assert _stored(store, demo, "exam:e8:matematyka", olszynka, 2026) == 38.6
    assert "OKE Poznań" in mappings.names(store)


def test_import_dialog_refuses_a_broken_sheet(qtbot: Any, store: Store, demo: str) -> None:
    dialog = _dialog(qtbot, store, demo)
    dialog.path.setText(str(FIXTURES / "oke_e8_broken_value.xlsx"))
    dialog.path.editingFinished.emit()
    dialog.mapping.setCurrentIndex(dialog.mapping.findData("oke-e8"))
    before = snapshots.load(store, demo).exams
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "Wiersz 7" in dialog.preview_text.toPlainText()
    assert not dialog.import_button.isEnabled()
    assert len(snapshots.load(store, demo).exams) == len(before)


def test_import_dialog_rspo(qtbot: Any, store: Store, demo: str) -> None:
    dialog = _dialog(qtbot, store, demo)
    dialog.kind.setCurrentIndex(dialog.kind.findData("rspo"))
    assert not dialog.sheet_box.isVisibleTo(dialog)
    dialog.path.setText(str(FIXTURES / "rspo_zielonki.csv"))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    text = dialog.preview_text.toPlainText()
    assert "Nowe: 1, zmienione: 4" in text  # the founding dates are new to the demo
    assert "Data likwidacji lub włączenia — → 31.08.2025" in text  # old → new
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    names = [s.name for s in snapshots.load(store, demo).schools]
    assert "Niepubliczna Szkoła Podstawowa „Leśna Polana” w Brzozowej Woli" in names


def test_supervision_findings_per_school_add_and_edit(
    qtbot: Any, window: MainWindow, store: Store, demo: str, type_text: Any
) -> None:
    page = _page(window, demo)
    page.tabs.setCurrentIndex(2)
    combo = page.supervision_school
    combo.setCurrentIndex(next(i for i in range(combo.count()) if "Dębnicy" in combo.itemText(i)))
    panel = page.supervision
    assert panel.model.rowCount() == 1  # the demo's inspection
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 2
    topic = panel.form.editors["topic"]
    topic.selectAll()  # type: ignore[attr-defined]
    type_text(topic, "Kontrola: dowożenie uczniów")
    panel.form.flush()
    findings = [f.topic for f in snapshots.load(store, demo).supervision]
    assert "Kontrola: dowożenie uczniów" in findings
    window.undo_stack.undo()
    window.undo_stack.undo()
    findings = [f.topic for f in snapshots.load(store, demo).supervision]
    assert "Kontrola: dowożenie uczniów" not in findings


def test_bind_dialog_makes_an_indicator_computed(qtbot: Any, store: Store, demo: str) -> None:
    from app.services import indicators
    from app.services.school_data import binding
    from ui.dialogs.bind_indicator import BindIndicatorDialog

    data = snapshots.load(store, demo)
    dialog = BindIndicatorDialog(store, demo, data.schools)
    qtbot.addWidget(dialog)
    index = next(
        i
        for i in range(dialog.indicator.count())
        if "ósmoklasisty z matematyki" in dialog.indicator.itemText(i)
    )
    dialog.indicator.setCurrentIndex(index)
    assert "ręcznie" in dialog.current.text()
    dialog.series.setCurrentIndex(dialog.series.findData("e8_mean:matematyka"))
    qtbot.mouseClick(dialog.bind_button, Qt.MouseButton.LeftButton)
    indicator_id = dialog.indicator.itemData(index)
    computed = [m for m in indicators.measurements(store, indicator_id) if binding.is_computed(m)]
    assert [m.value for m in computed] == list(series.values(data, "e8_mean:matematyka").values())
    again = BindIndicatorDialog(store, demo, data.schools)
    qtbot.addWidget(again)
    again.indicator.setCurrentIndex(index)
    assert again.series.currentData() == "e8_mean:matematyka"
    qtbot.mouseClick(again.unbind_button, Qt.MouseButton.LeftButton)
    assert binding.binding_of(store, indicator_id) is None
