"""Exporting a municipality to an exchange file: which parts, since when, with a passphrase."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.exchange import crypto, export
from app.exchange import format as fmt
from app.filenames import safe_file_name
from app.i18n import _
from app.model import Municipality
from app.textnorm import fold
from ui.context import EditorContext
from ui.dialogs.export_pdf import municipality_to_export
from ui.errors import show_user_error
from ui.operations import run_in_background
from ui.widgets.date_edit import DateEdit

MIN_PASSPHRASE = crypto.MIN_PASSPHRASE


def open_export_dialog(
    parent: QWidget | None, context: EditorContext, municipality_id: str
) -> Path | None:
    """Ask what to export and where; returns the written file, or None when cancelled."""
    municipality = municipality_to_export(parent, context, municipality_id)
    if municipality is None:
        return None
    dialog = ExportPackageDialog(context, municipality, parent)
    return dialog.written if dialog.exec() else None


class ExportPackageDialog(QDialog):
    def __init__(
        self, context: EditorContext, municipality: Municipality, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.municipality = municipality
        self.written: Path | None = None
        self.setWindowTitle(_("Eksport do pliku wymiany — {name}").format(name=municipality.name))
        self.setMinimumWidth(560)
        intro = QLabel(
            _(
                "Plik wymiany przenosi JST na inny komputer (np. doradcy) i z powrotem; "
                "program połączy zmiany z obu stron."
            )
        )
        intro.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self._typed = False  # no red message before the user has typed a passphrase
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            _("&Eksportuj"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(_("Anuluj"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._scope_box())
        layout.addWidget(self._passphrase_box())
        layout.addWidget(self._file_box())
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._check()

    # -- building -----------------------------------------------------------------------

    def _scope_box(self) -> QGroupBox:
        box = QGroupBox(_("Co wyeksportować"))
        self.whole = QRadioButton(_("&Całą JST (zalecane, gdy druga strona nie ma jeszcze danych)"))
        self.some = QRadioButton(_("&Wybrane części:"))
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.some)
        self.whole.setChecked(True)
        self.parts = {part: QCheckBox(fmt.part_label(part)) for part in fmt.ALL_PARTS}
        for part, check in self.parts.items():
            check.setChecked(part in ("visits", "notes"))
            check.toggled.connect(lambda _on: self._check())
        self.since_on = QCheckBox(_("Tylko &zmiany od dnia:"))
        self.since_on.setToolTip(
            _("Rekordy dodane, zmienione lub usunięte od tego dnia. Usunięcia też trafią do pliku.")
        )
        self.since = DateEdit()
        self.since.setAccessibleName(_("Zmiany od dnia"))
        self.since.set_value(date.today() - timedelta(days=30))
        self.since.committed.connect(self._check)
        self.since_on.toggled.connect(lambda _on: self._check())
        self.whole.toggled.connect(lambda _on: self._check())
        layout = QVBoxLayout(box)
        layout.addWidget(self.whole)
        layout.addWidget(self.some)
        grid = QGridLayout()  # two columns: the dialog fits 1093×558 (1366×768 at 125 %)
        grid.setContentsMargins(24, 0, 0, 0)
        half = (len(self.parts) + 1) // 2
        for number, check in enumerate(self.parts.values()):
            grid.addWidget(check, number % half, number // half)
        layout.addLayout(grid)
        row = QHBoxLayout()
        row.addWidget(self.since_on)
        row.addWidget(self.since)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _passphrase_box(self) -> QGroupBox:
        box = QGroupBox(_("Ochrona danych"))
        self.protect = QCheckBox(_("Zabezpiecz plik &hasłem (zalecane: plik zawiera dane osobowe)"))
        self.protect.setChecked(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(
            _("co najmniej {count} znaków").format(count=MIN_PASSPHRASE)
        )
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        for editor in (self.passphrase, self.repeat):
            editor.textChanged.connect(lambda _text: self._check())
            editor.textEdited.connect(self._typing)
        self.protect.toggled.connect(lambda _on: self._check())
        hint = QLabel(
            _(
                "Hasło przekaż drugiej osobie innym kanałem (np. telefonicznie), "
                "nie w tej samej wiadomości co plik."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form = QFormLayout(box)
        form.addRow(self.protect)
        form.addRow(_("Hasło:"), self.passphrase)
        form.addRow(_("Powtórz hasło:"), self.repeat)
        form.addRow(hint)
        return box

    def _file_box(self) -> QGroupBox:
        box = QGroupBox(_("Plik"))
        self.path = QLineEdit(str(_default_path(self.municipality.name)))
        self.path.textChanged.connect(lambda _text: self._check())
        self.path.setAccessibleName(_("Plik wymiany"))
        browse = QPushButton(_("Wy&bierz…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout(box)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        return box

    def _typing(self, _text: str) -> None:
        self._typed = True
        self._check()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Zapisz plik wymiany"),
            self.path.text(),
            f"Plan Oświaty (*{fmt.EXTENSION})",
        )
        if chosen:
            self.path.setText(str(export.with_extension(Path(chosen))))

    # -- state ----------------------------------------------------------------------------

    def chosen_parts(self) -> tuple[str, ...]:
        if self.whole.isChecked():
            return fmt.ALL_PARTS
        return tuple(part for part, check in self.parts.items() if check.isChecked())

    def chosen_since(self) -> date | None:
        if not self.since_on.isChecked():
            return None
        return self.since.value()

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() if self.protect.isChecked() else None

    def _check(self) -> bool:
        for check in self.parts.values():
            check.setEnabled(self.some.isChecked())
        self.since.setEnabled(self.since_on.isChecked())
        for editor in (self.passphrase, self.repeat):
            editor.setEnabled(self.protect.isChecked())
        problem = self._problem()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        quiet = not self._typed and not self.passphrase.text() and self.protect.isChecked()
        self.error.setStyleSheet("color: #555;" if quiet else "color: #b00020;")
        self.export_button.setEnabled(not problem)
        return not problem

    def _problem(self) -> str:
        if not self.chosen_parts():
            return _("Zaznacz co najmniej jedną część JST.")
        if self.since_on.isChecked():
            try:
                if self.since.value() is None:
                    return _("Wpisz dzień, od którego wysłać zmiany.")
            except UserError as error:
                return error.message
        if self.protect.isChecked():
            secret = self.passphrase.text()
            if len(secret) < MIN_PASSPHRASE:
                return (
                    _("Hasło musi mieć co najmniej {count} znaków.").format(count=MIN_PASSPHRASE)
                    if secret
                    else _("Wpisz hasło albo odznacz zabezpieczenie hasłem.")
                )
            if self.repeat.text() != secret:
                return _("Hasła się różnią.") if self.repeat.text() else _("Powtórz hasło.")
        if not self.path.text().strip():
            return _("Wskaż plik, do którego zapisać dane.")
        return ""

    def accept(self) -> None:
        if not self._check():
            return
        target = export.with_extension(Path(self.path.text().strip()).expanduser())
        passphrase = self.chosen_passphrase()
        store = self.context.store
        try:
            collected = export.collect(
                store, self.municipality.id, self.chosen_parts(), self.chosen_since()
            )
            run_in_background(
                self,
                _("Zapisywanie pliku {name}…").format(name=target.name),
                lambda _progress: export.write_file(target, export.build(collected, passphrase)),
            )
            export.remember_sent(store, collected)
        except UserError as error:
            show_user_error(self, error, _("Nie można zapisać pliku wymiany"))
            return
        self.written = target
        QMessageBox.information(
            self,
            _("Eksport zakończony"),
            _("Zapisano plik {path}\n(rekordów: {count}{encrypted}).").format(
                path=target,
                count=collected.count(),
                encrypted=_(", zabezpieczony hasłem") if passphrase else "",
            ),
        )
        super().accept()


def _default_path(name: str) -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    slug = "-".join(fold(name).split())[:60] or "jst"
    file_name = safe_file_name(f"{slug}-{date.today():%Y-%m-%d}", fmt.EXTENSION)
    return Path(folder or Path.home()) / file_name
