"""Import of school data from a file: RSPO CSV, or a sheet (SIO, OKE) through a column mapping.

Steps on one screen, top to bottom: the file and what it is; for a sheet, the
sheet, the header row and the column of each field (a saved mapping fills them
in, and the officer may save the mapping for next time); then a preview of
what would change, with the schools matched by name alone to confirm; then
one import (a backup first, one transaction). Nothing is written before
"Wczytaj". The sheet is read off the GUI thread, behind a progress dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.imports import mapping as mappings
from app.imports import rspo, sheet, tabular
from app.imports.rspo import RspoPlan
from app.imports.sheet import SheetPlan
from app.model import ExamKind, ExamResult, School, SchoolYearStats
from app.model.school_data import school_year_label
from app.services.fields import FIELDS
from app.services.school_data.grid import ALL_SUBJECTS, E8_SUBJECTS, MATURA_SUBJECTS
from app.storage.store import Store
from ui.errors import show_user_error
from ui.formatting import show
from ui.models.roles import KEY_ROLE
from ui.operations import run_in_background

RSPO, SHEET = "rspo", "sheet"
NO_COLUMN = ""
SHOWN_CHANGES = 60  # changed rows listed one by one in the preview

# What each exam's sheet may hold: subject → its fields.
_EXAM_FIELDS: dict[ExamKind, list[tuple[str, tuple[str, ...]]]] = {
    ExamKind.E8: [(s, ("takers", "mean_pct", "stanine")) for s in E8_SUBJECTS],
    ExamKind.MATURA: [(ALL_SUBJECTS, ("takers", "pass_rate"))]
    + [(s, ("takers", "mean_pct", "pass_rate")) for s in MATURA_SUBJECTS],
    ExamKind.VOCATIONAL: [
        (ALL_SUBJECTS, ("takers", "pass_rate")),
        (mappings.ROW_SUBJECT, ("takers", "pass_rate")),  # one row per qualification
    ],
}


def field_choices(target: str, exam: ExamKind = ExamKind.E8) -> list[tuple[str, str]]:
    """(field key, Polish label) of what a sheet of ``target`` (and ``exam``) may map."""
    found = [("rspo", _("Numer RSPO")), ("name", _("Nazwa szkoły"))]
    if target == mappings.STATS:
        found.append(("year", _("Rok szkolny")))
        stats = FIELDS[SchoolYearStats]
        found += [(name, _(spec.label)) for name, spec in stats.items() if name != "school_year"]
        return found
    for subject, names in _EXAM_FIELDS[exam]:
        shown = subject
        if subject == mappings.ROW_SUBJECT:
            found.append(("subject", _("Kwalifikacja (jeden wiersz na kwalifikację)")))
            shown = _("kwalifikacja z wiersza")
        for name in names:
            label = _(mappings.EXAM_FIELD_LABELS[name])
            found.append((f"{subject}|{name}", f"{shown}: {label}"))
    return found


def _target_key(target: str, exam: str) -> str:
    return target if target == mappings.STATS else f"{mappings.EXAM}:{exam}"


class ImportSheetDialog(QDialog):
    def __init__(self, store: Store, municipality_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.municipality_id = municipality_id
        self.table_read: tabular.Table | None = None
        self.prepared: RspoPlan | SheetPlan | None = None
        self.setWindowTitle(_("Import danych oświatowych"))
        self.resize(1000, 520)  # 650 px high at 125 %: fits a 1366×768 laptop under a taskbar
        layout = QVBoxLayout(self)
        layout.addWidget(self._file_box())
        self.sheet_box = self._sheet_box()
        below = QHBoxLayout()  # side by side: the dialog fits 698 px at 125 %
        below.addWidget(self.sheet_box, 3)
        below.addWidget(self._preview_box(), 2)
        layout.addLayout(below, 1)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            _("&Wczytaj"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.addButton(_("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._kind_changed()

    # -- building -------------------------------------------------------------------------

    def _file_box(self) -> QWidget:
        box = QGroupBox(_("1. Plik"))
        self.path = QLineEdit()
        self.path.editingFinished.connect(self._read_file)
        browse = QPushButton(_("&Wybierz…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.kind = QComboBox()
        self.kind.addItem(_("eksport rejestru RSPO (szkoły i placówki)"), RSPO)
        self.kind.addItem(_("arkusz z danymi szkół (SIO, wyniki OKE/CKE)"), SHEET)
        self.kind.setCurrentIndex(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form = QFormLayout(box)
        label = QLabel(_("&Plik:"))
        label.setBuddy(self.path)
        form.addRow(label, row)
        form.addRow(_("&Rodzaj:"), self.kind)
        return box

    def _sheet_box(self) -> QGroupBox:
        box = QGroupBox(_("2. Arkusz i przypisanie kolumn"))
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(lambda _i: self._read_file(keep_sheet=True))
        self.header_row = QSpinBox()
        self.header_row.setRange(1, tabular.HEADER_SCAN * 5)
        self.header_row.valueChanged.connect(lambda _v: self._fill_columns())
        self.mapping = QComboBox()
        self.mapping.addItem(_("(nowe przypisanie)"), "")
        for name in mappings.names(self.store):
            self.mapping.addItem(name, name)
        self.mapping.currentIndexChanged.connect(self._mapping_chosen)
        self.target = QComboBox()
        self.target.addItem(_("uczniowie, oddziały i kadra (SIO)"), mappings.STATS)
        for exam, label in (
            (ExamKind.E8, _("wyniki egzaminu ósmoklasisty")),
            (ExamKind.MATURA, _("wyniki matury")),
            (ExamKind.VOCATIONAL, _("wyniki egzaminu zawodowego")),
        ):
            self.target.addItem(label, _target_key(mappings.EXAM, exam.value))
        self.target.currentIndexChanged.connect(lambda _i: self._fill_columns())
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(2024)
        self.columns = QTableWidget(0, 2)
        self.columns.setHorizontalHeaderLabels([_("Pole"), _("Kolumna w pliku")])
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.columns.verticalHeader().setVisible(False)
        self.columns.verticalHeader().setDefaultSectionSize(30)
        self.columns.setMinimumHeight(120)
        self.save_as = QLineEdit()
        self.save_as.setPlaceholderText(_("nazwa, aby zapisać przypisanie na następny raz"))
        form = QFormLayout(box)
        form.addRow(_("&Arkusz:"), self.sheet)
        form.addRow(_("Wiersz &nagłówka:"), self.header_row)
        form.addRow(_("&Przypisanie kolumn:"), self.mapping)
        form.addRow(_("&Dane:"), self.target)
        form.addRow(_("Rok &szkolny (początek):"), self.year)
        form.addRow(self.columns)
        form.addRow(_("&Zapisz jako:"), self.save_as)
        return box

    def _preview_box(self) -> QWidget:
        box = QGroupBox(_("3. Podgląd"))
        self.preview_button = QPushButton(_("Pokaż &podgląd"))
        self.preview_button.clicked.connect(self.preview)
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        self.confirm_names = QCheckBox(_("Potwierdzam szkoły dopasowane tylko po &nazwie"))
        self.confirm_names.setVisible(False)
        layout = QVBoxLayout(box)
        layout.addWidget(self.preview_button)
        layout.addWidget(self.preview_text, 1)
        layout.addWidget(self.confirm_names)
        return box

    # -- the file -------------------------------------------------------------------------

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Plik z danymi"), "", _("Arkusze i CSV (*.xlsx *.csv);;Wszystkie pliki (*)")
        )
        if path:
            self.path.setText(path)
            self._read_file()

    def _kind_changed(self) -> None:
        self.sheet_box.setVisible(self.kind.currentData() == SHEET)
        self._invalidate()

    def _read_file(self, keep_sheet: bool = False) -> None:
        self._invalidate()
        text = self.path.text().strip()
        if not text or self.kind.currentData() != SHEET:
            return
        chosen = self.sheet.currentText() if keep_sheet else None
        try:
            self.table_read = run_in_background(
                self,
                _("Czytanie pliku {name}…").format(name=Path(text).name),
                lambda _progress: tabular.read(Path(text), chosen or None),
            )
        except UserError as error:
            self.table_read = None
            self.preview_text.setPlainText(error.message)
            return
        if not keep_sheet:
            self.sheet.blockSignals(True)
            self.sheet.clear()
            self.sheet.addItems(self.table_read.sheets)
            self.sheet.setCurrentText(self.table_read.sheet)
            self.sheet.blockSignals(False)
            if not self.mapping.currentData():
                self.header_row.setValue(tabular.guess_header_row(self.table_read.rows))
        self._fill_columns()

    def headers(self) -> list[str]:
        if self.table_read is None or not self.table_read.rows:
            return []
        try:
            return [h for h in self.table_read.headers(self.header_row.value()) if h]
        except UserError:
            return []

    def _fill_columns(self, chosen: dict[str, str] | None = None) -> None:
        self._invalidate()
        headers = self.headers()
        keep = chosen if chosen is not None else self.column_choices()
        target, exam = self.target_and_exam()
        fields = field_choices(target, exam)
        for row in range(self.columns.rowCount()):
            old = self.columns.cellWidget(row, 1)
            if old is not None:
                old.hide()  # deleted later by the table; hidden now so none shows meanwhile
        self.columns.setRowCount(len(fields))
        for row, (key, label) in enumerate(fields):
            self.columns.setItem(row, 0, _item(label, key))
            combo = QComboBox()
            combo.addItem(_("(pomiń)"), NO_COLUMN)
            for header in headers:
                combo.addItem(header, header)
            wanted = keep.get(key, NO_COLUMN)
            index = combo.findData(wanted) if wanted else 0
            if wanted and index < 0:  # a saved column this file lacks: shown, and refused later
                combo.addItem(wanted, wanted)
                index = combo.count() - 1
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(lambda _i: self._invalidate())
            self.columns.setCellWidget(row, 1, combo)
        self.columns.resizeColumnToContents(0)

    def column_choices(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for row in range(self.columns.rowCount()):
            item = self.columns.item(row, 0)
            combo = self.columns.cellWidget(row, 1)
            if item is None or not isinstance(combo, QComboBox):
                continue
            if combo.currentData():
                found[str(item.data(KEY_ROLE))] = str(combo.currentData())
        return found

    def _mapping_chosen(self) -> None:
        name = self.mapping.currentData()
        if not name:
            return
        try:
            chosen = mappings.load(self.store, str(name))
        except UserError as error:
            show_user_error(self, error)
            return
        self.target.blockSignals(True)
        self.target.setCurrentIndex(self.target.findData(_target_key(chosen.target, chosen.exam)))
        self.target.blockSignals(False)
        self.header_row.blockSignals(True)
        self.header_row.setValue(chosen.header_row)
        self.header_row.blockSignals(False)
        if chosen.year is not None:
            self.year.setValue(chosen.year)
        self._fill_columns(chosen.columns)

    def target_and_exam(self) -> tuple[str, ExamKind]:
        target, _sep, exam = str(self.target.currentData()).partition(":")
        return target, ExamKind(exam or ExamKind.E8.value)

    def current_mapping(self) -> mappings.Mapping:
        name = self.save_as.text().strip() or str(self.mapping.currentData() or _("bieżące"))
        target, exam = self.target_and_exam()
        return mappings.Mapping(
            name,
            target,
            self.header_row.value(),
            self.column_choices(),
            sheet=self.sheet.currentText() or None,
            exam=exam.value,
        )

    # -- preview and import ---------------------------------------------------------------

    def _invalidate(self) -> None:
        self.prepared = None
        if hasattr(self, "import_button"):
            self.import_button.setEnabled(False)

    def preview(self) -> bool:
        self._invalidate()
        path = Path(self.path.text().strip())
        try:
            if self.kind.currentData() == RSPO:
                self.prepared = rspo.plan(self.store, self.municipality_id, path)
            else:
                chosen = self.current_mapping()
                self.prepared = sheet.plan(
                    self.store,
                    self.municipality_id,
                    path,
                    chosen,
                    year=self.year.value(),
                    table=self.table_read,
                )
        except UserError as error:
            self.preview_text.setPlainText(error.message)
            self.confirm_names.setVisible(False)
            return False
        self.preview_text.setPlainText(describe(self.prepared))
        by_name = isinstance(self.prepared, SheetPlan) and bool(self.prepared.by_name)
        self.confirm_names.setVisible(by_name)
        self.import_button.setEnabled(True)
        return True

    def _import(self) -> None:
        if self.prepared is None and not self.preview():
            return
        try:
            if isinstance(self.prepared, SheetPlan):
                if self.save_as.text().strip():
                    mappings.save(self.store, self.current_mapping())
                sheet.apply(self.store, self.prepared, self.confirm_names.isChecked())
            elif isinstance(self.prepared, RspoPlan):
                rspo.apply(self.store, self.prepared)
        except UserError as error:
            show_user_error(self, error)
            return
        self.accept()


def describe(prepared: RspoPlan | SheetPlan) -> str:
    """The preview in words: counts, then each school that needs a look."""
    if isinstance(prepared, RspoPlan):
        lines = [
            _("Nowe: {new}, zmienione: {changed}, bez zmian: {same}.").format(
                new=prepared.count(rspo.NEW),
                changed=prepared.count(rspo.CHANGED),
                same=prepared.count(rspo.UNCHANGED),
            )
        ]
        for row in prepared.rows:
            if row.status == rspo.NEW:
                lines.append(_("+ nowa: {name}").format(name=row.values["name"]))
            elif row.status == rspo.CHANGED:
                changes = _changes(School, row.old, row.values)
                lines.append(
                    _("~ zmiana: {name}: {fields}").format(name=row.values["name"], fields=changes)
                )
        return "\n".join(lines)
    lines = [
        _(
            "Nowe: {new}, zmienione: {changed}, bez zmian: {same}; pominięte wiersze sum: {totals}."
        ).format(
            new=prepared.count(sheet.NEW),
            changed=prepared.count(sheet.CHANGED),
            same=prepared.count(sheet.UNCHANGED),
            totals=prepared.totals_skipped,
        )
    ]
    for line, label in prepared.unmatched:
        lines.append(
            _("? wiersz {line}: nie znaleziono szkoły „{name}” (pominięty)").format(
                line=line, name=label
            )
        )
    for name in sorted({row.school_name for row in prepared.by_name}):
        lines.append(_("= dopasowano tylko po nazwie: {name}").format(name=name))
    changed = [item for item in prepared.rows if item.status == sheet.CHANGED]
    cls = SchoolYearStats if prepared.target == mappings.STATS else ExamResult
    for item in changed[:SHOWN_CHANGES]:
        where = f"{item.school_name}, {school_year_label(item.year)}"
        if item.subject is not None:
            where += f", {item.subject}"
        lines.append(
            _("~ zmiana: {name}: {fields}").format(
                name=where, fields=_changes(cls, item.old, item.values)
            )
        )
    if len(changed) > SHOWN_CHANGES:
        lines.append(_("… i dalsze zmiany: {count}").format(count=len(changed) - SHOWN_CHANGES))
    for subject, levels in prepared.comparisons.items():
        shown = ", ".join(f"{_(FIELDS[ExamResult][k].label)} {show(v)}" for k, v in levels.items())
        lines.append(f"{subject}: {shown}")
    return "\n".join(lines)


def _changes(cls: type, old: dict[str, object], new: dict[str, object]) -> str:
    """``Uczniowie 120 → 118; Oddziały — → 6``: each changed field, old → new."""
    return "; ".join(
        f"{_(FIELDS[cls][name].label)} {show(value) or '—'} → {show(new.get(name)) or '—'}"
        for name, value in old.items()
    )


def _item(label: str, key: str) -> QTableWidgetItem:
    item = QTableWidgetItem(label)
    item.setData(KEY_ROLE, key)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
