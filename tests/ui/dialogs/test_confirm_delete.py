"""The deletion question says what the backups keep, and can erase it from them too."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox

from app.model import MonitoringNote, Municipality
from app.services import records
from app.storage.store import Store
from ui.commands import DeleteRecord
from ui.dialogs.confirm_delete import ask_delete, erase_from_backups_after

SECRET = "PESEL 85010112345"


def _answer(check: bool, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen.append(box.informativeText())
    if check:
        box.findChild(QCheckBox, "eraseFromBackups").setChecked(True)
    box.button(button).click()


def test_no_keeps_everything(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer(True, QMessageBox.StandardButton.No, seen))
    assert ask_delete(None, "Usuwanie", "Usunąć notatkę?") is None
    assert "Kopie zapasowe" in seen[0]


def test_erasing_from_backups_too(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    m = records.create(store, Municipality, name="Gmina Łąka", kind="rural")
    note = records.create(
        store, MonitoringNote, m.id, noted_on=date(2026, 5, 4), kind="progress", text=SECRET
    )
    backup = store.backup("manual")
    assert SECRET.encode() in backup.read_bytes()
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer(True, QMessageBox.StandardButton.Yes, seen))
    assert ask_delete(None, "Usuwanie", "Usunąć notatkę?") is True

    command = DeleteRecord(store, MonitoringNote, note.id, "usunięcie notatki")
    command.do()
    erase_from_backups_after(None, store, command)
    assert SECRET.encode() not in backup.read_bytes()
    command.undo_step()  # undo still works: the content comes back from memory
    assert records.get(store, MonitoringNote, note.id).text == SECRET
