"""The yearly report page through real widgets: switch, reorder, comment (stored, undoable)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt

from app.reports.yearly.chapters import KEYS
from app.services import yearly_report
from app.storage.store import Store
from ui.main_window import MainWindow
from ui.pages.yearly_report import YearlyReportPage

if TYPE_CHECKING:
    from conftest import PageFor

YEAR = 2025  # the last school year that ended before today (the page's default)


def _page(page_for: PageFor) -> tuple[YearlyReportPage, str]:
    page, municipality = page_for(YearlyReportPage)
    page.today = date(2026, 10, 4)
    page.refresh()
    return page, municipality


def _settle(qtbot: Any, page: YearlyReportPage) -> None:
    qtbot.waitUntil(lambda: not page._reload_timer.isActive())


def _row_of(page: YearlyReportPage, key: str) -> int:
    return page._order().index(key)


def test_the_page_offers_the_year_due_and_its_deadline(page_for: PageFor) -> None:
    page, _m = _page(page_for)
    assert page.year_box.currentText() == "2025/2026"
    assert page.chapter_list.count() == len(KEYS)
    status = page.status_label.text().replace("\u00a0", " ")
    assert (
        status == "Informacja za 2025/2026: termin 31.10.2026 (za 27 dni) — rozdziały gotowe 2 z 10"
    )
    assert "brak części danych" in page.chapter_list.item(_row_of(page, "pupils")).text()
    assert "Podstawa prawna" in page.preview.toPlainText()


def test_space_switches_a_chapter_off_and_undo_back_on(
    qtbot: Any, page_for: PageFor, store: Store, window: MainWindow
) -> None:
    page, m = _page(page_for)
    page.chapter_list.setFocus()
    page.chapter_list.setCurrentRow(_row_of(page, "finance"))
    qtbot.keyClick(page.chapter_list, Qt.Key.Key_Space)
    _settle(qtbot, page)
    chosen = {c.key: c.enabled for c in yearly_report.choices(store, m, YEAR)}
    assert chosen["finance"] is False
    assert "z 9" in page.status_label.text()
    window.undo_stack.undo()
    _settle(qtbot, page)
    assert {c.key: c.enabled for c in yearly_report.choices(store, m, YEAR)}["finance"] is True
    item = page.chapter_list.item(_row_of(page, "finance"))
    assert item.checkState() == Qt.CheckState.Checked


def test_the_buttons_and_a_drag_reorder_the_chapters(
    qtbot: Any, page_for: PageFor, store: Store, window: MainWindow
) -> None:
    page, m = _page(page_for)
    page.chapter_list.setCurrentRow(0)
    qtbot.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, page)
    order = [c.key for c in yearly_report.choices(store, m, YEAR)]
    assert order[:2] == [KEYS[1], KEYS[0]]
    assert page._current_key() == KEYS[0]  # the moved chapter stays selected
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, page)
    assert [c.key for c in yearly_report.choices(store, m, YEAR)] == list(KEYS)
    # A drop of the last chapter at the top (what InternalMove does with the model).
    page.chapter_list.model().moveRow(QModelIndex(), len(KEYS) - 1, QModelIndex(), 0)
    _settle(qtbot, page)
    order = [c.key for c in yearly_report.choices(store, m, YEAR)]
    assert order[0] == KEYS[-1] and order[1:] == list(KEYS[:-1])
    window.undo_stack.undo()
    _settle(qtbot, page)
    assert [c.key for c in yearly_report.choices(store, m, YEAR)] == list(KEYS)


def test_a_typed_comment_is_stored_and_undone(
    qtbot: Any, page_for: PageFor, store: Store, window: MainWindow, type_text: Any
) -> None:
    page, m = _page(page_for)
    page.chapter_list.setCurrentRow(_row_of(page, "exams"))
    type_text(page.comment, "Wyniki z matematyki — program naprawczy.")

    def stored() -> str:
        return {c.key: c.comment for c in yearly_report.choices(store, m, YEAR)}["exams"]

    qtbot.waitUntil(lambda: stored() == "Wyniki z matematyki — program naprawczy.")
    _settle(qtbot, page)
    page.chapter_list.setCurrentRow(_row_of(page, "staff"))
    assert page.comment.value() == ""
    page.chapter_list.setCurrentRow(_row_of(page, "exams"))
    assert page.comment.value() == "Wyniki z matematyki — program naprawczy."
    window.undo_stack.undo()
    _settle(qtbot, page)
    assert stored() == ""


def test_a_comment_too_long_is_refused_and_nothing_stored(
    qtbot: Any, page_for: PageFor, store: Store, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: shown.append(a[2])))
    page, m = _page(page_for)
    page.chapter_list.setCurrentRow(_row_of(page, "exams"))
    page.comment.setPlainText("x" * 200_000)  # a paste
    page.comment.flush()
    assert shown and "Komentarz" in shown[0]
    assert {c.key: c.comment for c in yearly_report.choices(store, m, YEAR)}["exams"] == ""


def test_export_writes_the_document_off_the_gui_thread(
    qtbot: Any, page_for: PageFor, tmp_path: Any, monkeypatch: Any
) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    page, _m = _page(page_for)
    target = Path(tmp_path) / "informacja"  # no extension typed: the page adds it
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    written = target.with_suffix(".pdf")
    assert written.read_bytes().startswith(b"%PDF")
    assert told == [f"Zapisano {written}"]
