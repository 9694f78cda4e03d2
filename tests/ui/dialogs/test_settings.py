"""Settings: language, the data folder, this installation's name, the default author of notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from app.exchange.export import installation
from app.storage.store import Store
from ui.dialogs.settings import SettingsDialog


def _dialog(qtbot: Any, store: Store, settings: QSettings) -> SettingsDialog:
    dialog = SettingsDialog(None, store, settings)
    qtbot.addWidget(dialog)
    return dialog


def test_settings_show_the_folder_and_save_name_and_author(
    qtbot: Any, store: Store, settings: QSettings, type_text: Any
) -> None:
    dialog = _dialog(qtbot, store, settings)
    assert dialog.folder.text() == str(store.paths.root)
    assert dialog.open_folder.isEnabled()
    assert dialog.installation.text() == installation(store).name  # the computer's name at first
    dialog.installation.selectAll()
    type_text(dialog.installation, "Urząd Gminy Żółkiewka — oświata")
    type_text(dialog.author, "Anna Łęcka")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert installation(store).name == "Urząd Gminy Żółkiewka — oświata"
    assert settings.value("journal/author") == "Anna Łęcka"
    again = _dialog(qtbot, store, settings)
    assert again.author.text() == "Anna Łęcka"


def test_an_empty_installation_name_is_explained_and_not_saved(
    qtbot: Any, store: Store, settings: QSettings
) -> None:
    before = installation(store).name
    dialog = _dialog(qtbot, store, settings)
    dialog.installation.setText("   ")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Podaj nazwę tej instalacji" in dialog.rows.text("installation")
    assert installation(store).name == before
    dialog.installation.setText("x" * 500)
    assert len(dialog.installation.text()) == 200  # the field holds what the core accepts


def test_the_backup_count_is_typed_and_saved(qtbot: Any, store: Store, settings: QSettings) -> None:
    from PySide6.QtCore import Qt

    from app.services import preferences

    dialog = _dialog(qtbot, store, settings)
    assert dialog.backups.value() == 10
    dialog.backups.selectAll()
    qtbot.keyClicks(dialog.backups, "4")
    qtbot.keyClick(dialog.backups, Qt.Key.Key_Tab)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert preferences.backup_count(store) == 4
    again = _dialog(qtbot, store, settings)
    again.backups.lineEdit().selectAll()
    qtbot.keyClicks(again.backups, "0")  # out of range: the spin box refuses it
    assert again.backups.value() == 4
    again.accept()
    assert preferences.backup_count(store) == 4
