"""The log of imports: when, from which computer and file, and what each one changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.exchange import describe, history
from app.i18n import _
from ui.context import EditorContext


def open_import_history(
    parent: QWidget | None, context: EditorContext, municipality_id: str | None = None
) -> None:
    ImportHistoryDialog(context, municipality_id, parent).exec()


class ImportHistoryDialog(QDialog):
    def __init__(
        self,
        context: EditorContext,
        municipality_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.entries = history.imports(context.store, municipality_id)
        self.setWindowTitle(_("Historia importów"))
        self.setMinimumSize(820, 520)
        self.imports = QTreeWidget()
        self.imports.setAccessibleName(_("Importy"))
        self.imports.setHeaderLabels(
            [
                _("Kiedy"),
                _("JST"),
                _("Z komputera"),
                _("Plik"),
                _("Dodano"),
                _("Zmieniono"),
                _("Usunięto"),
                _("Konflikty"),
            ]
        )
        self.imports.setRootIsDecorated(False)
        self.imports.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for entry in self.entries:
            row = QTreeWidgetItem(
                [
                    describe.moment(entry.imported_at),
                    entry.municipality_name,
                    entry.source_installation_name,
                    entry.file_name,
                    str(entry.added),
                    str(entry.changed),
                    str(entry.deleted),
                    str(entry.conflicts),
                ]
            )
            row.setToolTip(
                3,
                _("Plik utworzony {when}; kopia sprzed importu: {backup}").format(
                    when=describe.moment(entry.package_created_at), backup=entry.backup or "—"
                ),
            )
            for column in range(4, 8):
                row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.imports.addTopLevelItem(row)
        self.imports.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.records = QTreeWidget()
        self.records.setAccessibleName(_("Zmiany wybranego importu"))
        self.records.setHeaderLabels([_("Rodzaj"), _("Nazwa"), _("Co się stało")])
        self.records.setRootIsDecorated(False)
        self.records.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.records.setColumnWidth(1, 380)
        self.imports.currentItemChanged.connect(lambda *_args: self._show())
        empty = QLabel(
            _(
                "Nie zaimportowano jeszcze żadnego pliku wymiany. Import pojawi się tu z datą, "
                "komputerem, z którego przyszedł, i listą zmian."
            )
        )
        empty.setWordWrap(True)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.imports)
        splitter.addWidget(self.records)
        self.body = QStackedWidget()
        self.body.addWidget(empty)
        self.body.addWidget(splitter)
        self.body.setCurrentIndex(1 if self.entries else 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Zamknij"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        first = self.imports.topLevelItem(0)
        if first is not None:
            self.imports.setCurrentItem(first)

    def _show(self) -> None:
        self.records.clear()
        current = self.imports.currentItem()
        row = self.imports.indexOfTopLevelItem(current) if current is not None else -1
        if not 0 <= row < len(self.entries):
            return
        for logged in self.entries[row].records:
            self.records.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        describe.type_label(logged.table),
                        logged.title,
                        history.outcome_label(logged.outcome),
                    ]
                )
            )
