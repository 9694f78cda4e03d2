"""The PDF export dialog: choose, export on a worker thread, open the file; bad input; cancel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QMessageBox

from app.demo import demo_municipality_id
from app.model import Municipality
from app.services import records
from app.storage.store import Store
from ui.context import EditorContext
from ui.dialogs.export_pdf import ExportPdfDialog
from ui.widgets.date_edit import DateEdit


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Files the dialog asked the system to open; "open the PDF now?" is answered Yes."""
    files: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    )
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: files.append(url.toLocalFile()))
    )
    return files


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """Where the PDFs go (the test's data folder is in tmp_path too)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def make_dialog(qtbot, store: Store, kind: str, municipality_id: str | None = None):  # type: ignore[no-untyped-def]
    context = EditorContext(store, QUndoStack())
    municipality = records.get(store, Municipality, municipality_id or demo_municipality_id())
    dialog = ExportPdfDialog(context, municipality, kind)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_protocol_is_exported_with_a_password_and_opened(
    qtbot, demo_store: Store, tmp_path: Path, opened: list[str]
) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, demo_store, "visit")
    assert dialog.document.count() == 3  # the demo's three visits, newest first
    target = tmp_path / "protokół.pdf"
    dialog.output.setText(str(target))
    dialog.password.setText("sekret")
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as finished:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert finished.args == [target]
    assert opened == [str(target)]
    assert dialog.written == target
    reader = PdfReader(str(target))
    assert reader.is_encrypted and reader.decrypt("sekret") != 0
    assert "Protokół z wizyty doradczej nr 3" in reader.pages[0].extract_text()


def _type_date(qtbot, editor: DateEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def test_a_monitoring_report_for_a_period_without_some_sections(
    qtbot, demo_store: Store, tmp_path: Path, opened: list[str]
) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, demo_store, "monitoring")
    assert not dialog.document.isVisibleTo(dialog)
    assert dialog.date_from.isVisibleTo(dialog)
    _type_date(qtbot, dialog.date_from, "1.09.2025")
    _type_date(qtbot, dialog.date_to, "31082026")
    for index in range(dialog.sections.count()):
        item = dialog.sections.item(index)
        if item.data(Qt.ItemDataRole.UserRole) != "risks":
            item.setCheckState(Qt.CheckState.Unchecked)
    target = tmp_path / "monitoring.pdf"
    dialog.output.setText(str(target))
    request = dialog.request()
    assert (request["date_from"], request["date_to"]) == (date(2025, 9, 1), date(2026, 8, 31))
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000):
        dialog.export_button.click()
    text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert "1. Ryzyka" in text and "Notatki monitoringowe" not in text


def test_bad_input_is_shown_next_to_its_field_and_nothing_is_written(
    qtbot, demo_store: Store, out: Path, opened: list[str]
) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, demo_store, "monitoring")
    dialog.output.setText(str(out / "x.pdf"))
    _type_date(qtbot, dialog.date_from, "1.5.2026")
    _type_date(qtbot, dialog.date_to, "31.13.2026")
    dialog.export_button.click()
    assert "Nie rozpoznano daty „31.13.2026”" in dialog.rows.text("date_from")
    _type_date(qtbot, dialog.date_to, "2026-01-01")
    dialog.export_button.click()
    assert "Początek okresu jest późniejszy" in dialog.rows.text("date_from")
    _type_date(qtbot, dialog.date_to, "1.06.2026")
    dialog.password.setText("z" * 61)
    dialog.export_button.click()
    assert "najwyżej 60 znaków" in dialog.rows.text("password")
    assert dialog.rows.text("date_from") == ""
    dialog.password.clear()
    dialog.output.setText(str(out / "missing" / "x.pdf"))
    dialog.export_button.click()
    assert "nie istnieje" in dialog.rows.text("output")
    assert list(out.iterdir()) == [] and opened == []


def test_cancelling_stops_the_export_and_leaves_no_file(
    qtbot, demo_store: Store, out: Path, opened: list[str]
) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, demo_store, "plan")
    dialog.output.setText(str(out / "plan.pdf"))
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as finished:
        dialog.start_export()
        dialog.reject()  # Esc while the export runs: stop it, keep the dialog
    assert finished.args == [None]
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert list(out.iterdir()) == [] and opened == []


def test_a_municipality_without_documents_cannot_export_them(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    fresh = records.create(store, Municipality, None, name="Gmina Pusta", kind="rural")
    dialog = make_dialog(qtbot, store, "hdr", fresh.id)
    assert not dialog.export_button.isEnabled()
    assert "brak dokumentów" in dialog.document.currentText()
    dialog.kind.setCurrentIndex(dialog.kind.findData("monitoring"))
    assert dialog.export_button.isEnabled()


def test_a_plan_is_exported_as_an_editable_word_document(
    qtbot, demo_store: Store, out: Path, opened: list[str]
) -> None:  # type: ignore[no-untyped-def]
    import docx

    dialog = make_dialog(qtbot, demo_store, "plan")
    dialog.password.setText("sekret")
    dialog.format.setFocus()
    qtbot.keyClick(dialog.format, Qt.Key.Key_Down)  # PDF → Word
    assert dialog.chosen_format() == "docx"
    assert dialog.output.text().endswith(".docx")
    assert not dialog.password.isEnabled() and dialog.password.text() == ""
    target = out / "plan.docx"
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.export_finished, timeout=120_000) as finished:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert finished.args == [target]
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Podsumowanie dla kierownictwa"  # the executive summary first
    assert headings[1].startswith("1. ")
    # Back to PDF: the file name follows.
    qtbot.keyClick(dialog.format, Qt.Key.Key_Up)
    assert dialog.output.text().endswith(".pdf") and dialog.password.isEnabled()


def test_the_monitoring_period_defaults_to_the_latest_with_conclusions(  # type: ignore[no-untyped-def]
    qtbot, demo_store: Store
) -> None:
    from app.demo_monitoring import PERIOD

    dialog = make_dialog(qtbot, demo_store, "monitoring")
    assert (dialog.date_from.value(), dialog.date_to.value()) == PERIOD
