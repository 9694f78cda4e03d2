"""Program settings: language, where the data live, this installation's name, the notes'
author and how many backups are kept.

The language applies at once (the window is rebuilt); the installation's name
signs the exchange files sent from here; the default author is what a new
monitoring note starts with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import LANGUAGES, _, current_language
from ui.dialogs.form_rows import FormRows
from ui.dialogs.quick_note import AUTHOR_KEY  # the author a new note starts with

if TYPE_CHECKING:
    from app.storage.store import Store


class SettingsDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        store: Store | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.setWindowTitle(_("Ustawienia"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.installation = QLineEdit()
        self.installation.setMaxLength(200)
        self.installation.setToolTip(_("Tak podpisane są pliki wymiany wysyłane z tego komputera."))
        self.author = QLineEdit()
        self.author.setPlaceholderText(_("np. Anna Kowalska"))
        self.backups = QSpinBox()
        self.backups.setRange(1, 100)
        self.backups.setToolTip(
            _(
                "Tyle najnowszych kopii każdego rodzaju (przy starcie, ręcznych…) "
                "zostaje w folderze."
            )
        )
        self.rows = FormRows("installation")
        self.rows.add("language", _("&Język interfejsu"), self.language)
        self.rows.add("folder", _("Folder &danych"), self._folder_row())
        self.rows.add("installation", _("&Nazwa tej instalacji"), self.installation)
        self.rows.add("author", _("Domyślny &autor notatek"), self.author)
        self.rows.add("backups", _("Liczba &kopii zapasowych"), self.backups)
        self._load()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.rows.layout)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _folder_row(self) -> QWidget:
        root = self.store.paths.root if self.store is not None else None
        self.folder = QLabel(str(root) if root is not None else _("(nie otwarto danych)"))
        self.folder.setWordWrap(True)
        self.open_folder = QPushButton(_("&Otwórz folder"))
        self.open_folder.setEnabled(root is not None)
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(root)))
        )
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.folder, 1)
        box.addWidget(self.open_folder)
        return row

    def _load(self) -> None:
        if self.store is not None:
            from app.services import preferences

            self.installation.setText(preferences.installation_name(self.store))
            self.backups.setValue(preferences.backup_count(self.store))
        self.installation.setEnabled(self.store is not None)
        self.backups.setEnabled(self.store is not None)
        if self.settings is not None:
            self.author.setText(str(self.settings.value(AUTHOR_KEY, "") or ""))
        self.author.setEnabled(self.settings is not None)

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        """Save the name and the author; a bad name is explained and the dialog stays."""
        self.rows.clear()
        if self.store is not None:
            from app.services import preferences

            try:
                preferences.set_installation_name(self.store, self.installation.text())
            except UserError as error:
                self.rows.show(UserError(error.message, field="installation"))
                self.installation.setFocus()
                return
            try:
                preferences.set_backup_count(self.store, self.backups.value())
            except UserError as error:
                self.rows.show(error)
                self.backups.setFocus()
                return
        if self.settings is not None:
            self.settings.setValue(AUTHOR_KEY, self.author.text().strip())
        super().accept()
