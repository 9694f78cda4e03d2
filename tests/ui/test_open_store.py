"""Opening the data in the window (issue 11, points 1 and 16): a missing data file with
backups is offered back, never replaced by an empty store; a synced folder is warned about."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from app.demo import load_demo
from app.storage.store import Store
from ui import application
from ui.main_window import MainWindow


def new_window(qtbot: Any, data_dir: Path) -> MainWindow:
    data_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def demo_with_backup(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        load_demo(store)
        store.backup("manual")


def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every question is answered "Tak"; the questions asked are returned as they come."""
    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def test_a_missing_data_file_is_restored_from_the_backup_not_started_empty(
    qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_with_backup(data_dir)
    (data_dir / "plan-oswiaty.sqlite").unlink()
    asked = answer_yes(monkeypatch)
    window = new_window(qtbot, data_dir)
    assert application.open_store(window, data_dir, None)
    assert len(asked) == 1 and "Brak pliku danych" in asked[0]
    assert window.store is not None
    with window.store.session() as session:
        from app.model import Municipality

        assert session.query(Municipality).count() == 1
    window.store.close()


def test_a_refused_restore_leaves_the_folder_as_it_was(
    qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_with_backup(data_dir)
    (data_dir / "plan-oswiaty.sqlite").unlink()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    shown: list[str] = []
    monkeypatch.setattr(application, "show_user_error", lambda _w, e, *_a: shown.append(str(e)))
    window = new_window(qtbot, data_dir)
    assert not application.open_store(window, data_dir, None)
    assert shown and "Brak pliku danych" in shown[0]
    assert not (data_dir / "plan-oswiaty.sqlite").exists()


def test_a_onedrive_data_folder_is_warned_about(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "OneDrive - Gmina Łąka" / "Plan"
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    window = new_window(qtbot, data_dir)
    assert application.open_store(window, data_dir, None)
    assert len(warned) == 1 and "OneDrive" in warned[0]
    assert window.store is not None
    window.store.close()


def test_damage_found_by_the_check_beside_the_window_offers_the_good_backup(
    qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.storage import backups
    from tests.core.storage.conftest import corrupt_table

    demo_with_backup(data_dir)
    database = data_dir / "plan-oswiaty.sqlite"
    corrupt_table(database, "search_doc")  # not read while the window fills
    damaged_bytes = database.read_bytes()
    asked = answer_yes(monkeypatch)
    monkeypatch.setattr(application, "_windows", [])
    window = new_window(qtbot, data_dir)
    assert application.open_store(window, data_dir, None)  # the window filled at once…
    qtbot.waitUntil(lambda: bool(asked), timeout=20000)  # …then the check spoke up

    assert "uszkodzony" in asked[0]
    fresh = application._windows[0]
    qtbot.addWidget(fresh)
    assert fresh is not window and fresh.store is not None
    assert window.store is None  # the window over the damaged file let it go
    moved_aside = [p for p in data_dir.rglob("*.sqlite*") if p.read_bytes() == damaged_bytes]
    assert moved_aside and moved_aside[0] != database  # kept, unchanged, beside the restored one
    assert backups.newest_good_backup(data_dir / "backups") is not None
    with fresh.store.session() as session:
        from app.model import Municipality

        assert session.query(Municipality).count() == 1
    fresh.store.close()
