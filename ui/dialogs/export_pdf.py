"""Export to PDF: which document, which period and sections, a password; then open it.

The data is read on the GUI thread (fast, and the store stays on its thread);
laying out the pages — the slow part — runs in a worker thread behind a
progress dialog whose Cancel stops it, leaving no half-written file.

No preview inside the program: Qt's PDF module (QtPdf, QPdfView) is part of
PySide6-Addons, and the program ships PySide6-Essentials only (see
docs/DECISIONS.md). "Otworzyć PDF teraz?" opens the file in the system viewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.model import Municipality
from app.reports import hdr, monitoring, plan, queries, visit
from app.reports.dates import short_date
from app.reports.export import KINDS, ExportJob, default_filename, prepare
from app.reports.progress import ExportCancelled
from app.services import conclusions, plans, records
from ui.context import EditorContext
from ui.dialogs.form_rows import FormRows
from ui.errors import show_user_error
from ui.operations import Operation, show_progress
from ui.widgets.date_edit import DateEdit

SECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "plan": plan.SECTIONS,
    "hdr": hdr.SECTIONS,
    "monitoring": monitoring.SECTIONS,
    "visit": visit.SECTIONS,
}

_last_folder: dict[str, Path] = {}  # where the previous PDF went, for this session


def open_export_dialog(
    parent: QWidget | None,
    context: EditorContext,
    municipality_id: str,
    kind: str | None = None,
) -> Path | None:
    """Ask what to export and export it; returns the written PDF, or None if cancelled."""
    municipality = municipality_to_export(parent, context, municipality_id)
    if municipality is None:
        return None
    dialog = ExportPdfDialog(context, municipality, kind, parent)
    return dialog.written if dialog.exec() else None


def municipality_to_export(
    parent: QWidget | None, context: EditorContext, municipality_id: str
) -> Municipality | None:
    """Save what is being typed (it belongs in the file), then read the municipality.

    None, after telling the user why, when it cannot be read (deleted meanwhile).
    """
    flush = getattr(context.window, "flush", None)
    if callable(flush):
        flush()
    try:
        return records.get(context.store, Municipality, municipality_id)
    except UserError as error:
        show_user_error(parent, error)
        return None


@dataclass(frozen=True)
class _Choice:
    id: str
    label: str


class ExportPdfDialog(QDialog):
    """The export dialog; ``export_finished`` tells when a started export has ended."""

    export_finished = Signal(object)  # the written path, or None (cancelled or failed)

    def __init__(
        self,
        context: EditorContext,
        municipality: Municipality,
        kind: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.municipality = municipality
        self.written: Path | None = None
        self._operation: Operation[Path | None] | None = None
        self.setWindowTitle(_("Eksport do PDF — {name}").format(name=municipality.name))
        self.setMinimumWidth(560)
        self.rows = FormRows("output")
        self._build()
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind or "plan")))
        self._kind_changed()

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.kind = QComboBox()
        for code, label in KINDS.items():
            self.kind.addItem(_(label), code)
        self.kind.setToolTip(_("Który dokument zapisać do pliku PDF"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.document = QComboBox()
        self.document.setToolTip(_("Który plan, HDR lub wizyta (najnowsze na górze)"))
        # Long titles must not stretch the dialog across the screen.
        self.document.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.document.setMinimumContentsLength(40)
        self.document.currentIndexChanged.connect(
            lambda _index: self.document.setToolTip(self.document.currentText())
        )
        self.rows.add("kind", _("&Dokument:"), self.kind)
        self.rows.add("document", _("&Który:"), self.document)
        self.rows.add("date_from", _("&Okres:"), self._period_row())
        self.format = QComboBox()
        self.format.addItem(_("PDF — do wydruku i przekazania"), "pdf")
        self.format.addItem(_("Word (DOCX) — do edycji i publikacji w BIP"), "docx")
        self.format.setToolTip(
            _(
                "Dokument Word ma te same treści, style nagłówków, tabele z wierszami "
                "nagłówka i opisy wykresów — Word i LibreOffice zrobią z niego dostępny PDF."
            )
        )
        self.format.currentIndexChanged.connect(self._format_changed)
        self.rows.add("format", _("&Format:"), self.format)
        self.rows.add("password", _("&Hasło:"), self._password_row())
        self.rows.add("output", _("&Plik:"), self._file_row())
        self._buddies: dict[str, QWidget] = {
            "kind": self.kind,
            "document": self.document,
            "date_from": self.date_from,
            "format": self.format,
            "password": self.password,
            "output": self.output,
        }
        for name, editor in self._buddies.items():
            row_label = self.rows.layout.labelForField(self._row_widget(name))
            if isinstance(row_label, QLabel):
                row_label.setBuddy(editor)  # Alt+letter focuses the editor itself
        self.sections = QListWidget()
        self.sections.setToolTip(_("Odznacz części, których nie chcesz w dokumencie"))
        self.sections.setMaximumHeight(150)
        box = QGroupBox(_("&Części dokumentu"))
        QVBoxLayout(box).addWidget(self.sections)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            _("&Eksportuj"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(_("Anuluj"))
        buttons.accepted.connect(self.start_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.rows.layout)
        layout.addWidget(box)
        layout.addWidget(buttons)

    def _period_row(self) -> QWidget:
        self.whole_period = QCheckBox(_("cały okres"))
        self.whole_period.setToolTip(_("Od początku realizacji do dziś"))
        # The latest period with the officer's conclusions, which its report prints.
        written = conclusions.conclusions_of(self.context.store, self.municipality.id)[:1]
        start, end = (
            (written[0].period_start, written[0].period_end)
            if written
            else (date.today() - timedelta(days=365), date.today())
        )
        self.date_from = _date_edit(start, "date_from")
        self.date_to = _date_edit(end, "date_from")  # one row: the period
        self.date_to.neighbour = self.date_from
        self.date_from.setAccessibleName(_("Początek okresu"))
        self.date_to.setAccessibleName(_("Koniec okresu"))
        self.whole_period.toggled.connect(self._period_toggled)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(_("od")))
        box.addWidget(self.date_from)
        box.addWidget(QLabel(_("do")))
        box.addWidget(self.date_to)
        box.addWidget(self.whole_period)
        box.addStretch(1)
        self._period_widget = row
        return row

    def _password_row(self) -> QWidget:
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("bez hasła — ustaw, gdy dokument zawiera dane osobowe"))
        self.password.setToolTip(
            _(
                "Hasło do otwarcia pliku (szyfrowanie AES-256) — dla dokumentów z danymi "
                "osobowymi; najwyżej 60 znaków. Kto je zna, może czytać, drukować i kopiować, "
                "ale nie zmieniać dokumentu."
            )
        )
        return self.password

    def _file_row(self) -> QWidget:
        self.output = QLineEdit()
        self.output.setAccessibleName(_("Plik PDF"))
        browse = QPushButton(_("Wy&bierz…"))
        browse.setAutoDefault(False)
        browse.setToolTip(_("Wybierz folder i nazwę pliku"))
        browse.clicked.connect(self._browse)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.output, 1)
        box.addWidget(browse)
        return row

    # -- reacting ---------------------------------------------------------------------

    def chosen_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.chosen_kind()
        self.rows.clear()
        self._fill_documents(kind)
        monitoring_report = kind == "monitoring"
        self._set_row_visible("document", not monitoring_report)
        self._set_row_visible("date_from", monitoring_report)
        self.sections.clear()
        for key, label in SECTIONS[kind]:
            item = QListWidgetItem(_(label))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.sections.addItem(item)
        folder = _last_folder.get("pdf") or _documents_folder()
        name = default_filename(kind, self.municipality.name, fmt=self.chosen_format())
        self.output.setText(str(folder / name))
        self.output.setCursorPosition(0)

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def _format_changed(self) -> None:
        """The file name follows the format; a Word document has no password."""
        fmt = self.chosen_format()
        path = Path(self.output.text().strip())
        if self.output.text().strip() and path.suffix.lower() in (".pdf", ".docx"):
            self.output.setText(str(path.with_suffix(f".{fmt}")))
        self.password.setEnabled(fmt == "pdf")
        if fmt != "pdf":
            self.password.clear()

    def _fill_documents(self, kind: str) -> None:
        self.document.clear()
        choices = self._documents_of(kind)
        for choice in choices:
            self.document.addItem(choice.label, choice.id)
        has_any = bool(choices) or kind == "monitoring"
        if not choices and kind != "monitoring":
            self.document.addItem(_("— brak dokumentów tego rodzaju —"), None)
        self.document.setEnabled(bool(choices))
        self.export_button.setEnabled(has_any)

    def _documents_of(self, kind: str) -> list[_Choice]:
        store, place = self.context.store, self.municipality.id
        if kind == "plan":
            return [
                _Choice(p.id, f"{p.title} ({p.year_from}–{p.year_to})")
                for p in plans.plans_of(store, place)
            ]
        if kind == "hdr":
            return [_Choice(s.id, _schedule_label(s)) for s in queries.schedules_of(store, place)]
        if kind == "visit":
            return [_Choice(v.id, _visit_label(v)) for v in queries.visits_of(store, place)]
        return []

    def _row_widget(self, name: str) -> QWidget:
        """The field widget of row ``name`` (its editor with the error line under it)."""
        cell = self.rows.errors[name].parentWidget()
        assert cell is not None
        return cell

    def _set_row_visible(self, name: str, visible: bool) -> None:
        self.rows.layout.setRowVisible(self._row_widget(name), visible)

    def _period_toggled(self, whole: bool) -> None:
        self.date_from.setEnabled(not whole)
        self.date_to.setEnabled(not whole)

    def _browse(self) -> None:
        fmt = self.chosen_format()
        kinds = {"pdf": _("Dokument PDF (*.pdf)"), "docx": _("Dokument Word (*.docx)")}
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Zapisz dokument"), self.output.text(), kinds[fmt]
        )
        if chosen:
            path = Path(chosen)
            suffix = f".{fmt}"
            self.output.setText(str(path if path.suffix.lower() == suffix else
                                    path.with_name(path.name + suffix)))  # fmt: skip

    # -- exporting --------------------------------------------------------------------

    def chosen_sections(self) -> set[str]:
        return {
            str(self.sections.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.sections.count())
            if self.sections.item(i).checkState() == Qt.CheckState.Checked
        }

    def request(self) -> dict[str, Any]:
        """The dialog's choices as arguments of :func:`app.reports.export.prepare`."""
        kind = self.chosen_kind()
        monitoring_report = kind == "monitoring"
        whole = self.whole_period.isChecked()
        return {
            "kind": kind,
            "record_id": None if monitoring_report else self.document.currentData(),
            "date_from": None if not monitoring_report or whole else _py(self.date_from),
            "date_to": None if not monitoring_report or whole else _py(self.date_to),
            "password": self.password.text() or None,
            "output": self.output.text().strip(),
            "sections": self.chosen_sections(),
        }

    def start_export(self) -> None:
        """Check and read on this thread, then lay out the pages on a worker thread."""
        self.rows.clear()
        try:
            arguments = self.request()
        except UserError as error:
            self.rows.show(error)
            return
        if not arguments["sections"]:
            self.rows.show(UserError(_("Zaznacz co najmniej jedną część dokumentu.")))
            return
        kind = arguments.pop("kind")
        try:
            job = prepare(self.context.store, kind, self.municipality.id, **arguments)
        except UserError as error:
            field = self.rows.show(error)
            self._buddies[field].setFocus()
            return
        self._run(job)

    def _run(self, job: ExportJob) -> None:
        self.export_button.setEnabled(False)
        operation: Operation[Path | None] = Operation(
            lambda progress: job.run(progress.report, progress.cancelled)
        )
        show_progress(
            operation, self, _("Przygotowywanie dokumentu…"), _("Eksport do PDF"), steps=True,
            delay_ms=300,
        )  # fmt: skip
        operation.finished.connect(lambda: self._on_done(operation.result, operation.error))
        self._operation = operation
        operation.start()

    def _on_done(self, path: Path | None, error: BaseException | None) -> None:
        self._operation = None
        self.export_button.setEnabled(True)
        if error is not None and not isinstance(error, ExportCancelled):
            if isinstance(error, UserError):
                self.rows.show(error)
            else:
                self.export_finished.emit(None)
                raise error  # the program's excepthook logs it and apologises
        if path is None:
            self.export_finished.emit(None)
            return
        self.written = path
        _last_folder["pdf"] = path.parent
        self.export_finished.emit(path)
        answer = QMessageBox.question(
            self,
            _("Eksport do PDF"),
            (
                _("Zapisano plik {name}.\n\nOtworzyć PDF teraz?")
                if path.suffix.lower() == ".pdf"
                else _("Zapisano plik {name}.\n\nOtworzyć go teraz?")
            ).format(name=path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.accept()

    def reject(self) -> None:
        if self._operation is not None:  # an export is running: stop it first
            self._operation.cancel()
            return
        super().reject()


def _date_edit(day: date, field: str) -> DateEdit:
    editor = DateEdit(field=field)
    editor.set_value(day)
    return editor


def _py(editor: DateEdit) -> date:
    value = editor.value()
    if value is None:
        raise UserError(
            _("Pole „{label}” nie może być puste.").format(label=editor.accessibleName()),
            field=editor.field,
        )
    return value


def _schedule_label(found: Any) -> str:
    return f"{found.title} ({short_date(found.period_start)} – {short_date(found.period_end)})"


def _visit_label(found: Any) -> str:
    number = _("nr {number}").format(number=found.number) if found.number is not None else ""
    parts = [part for part in (number, short_date(found.visit_date), found.place) if part]
    return " – ".join(parts)


def _documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()
