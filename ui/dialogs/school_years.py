"""Closed school years: close one, see them and their log, view one read-only, reopen one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.exchange.describe import moment
from app.exchange.export import installation
from app.i18n import _
from app.model.school_data import school_year_label
from app.reports.dates import long_date
from app.services import snapshot_view, snapshots
from app.services.snapshots import Snapshot
from app.storage.store import Store
from ui.models.school_years import PartModel, SnapshotListModel


class SchoolYearsDialog(QDialog):
    """The municipality's closed school years, and the three things done with them."""

    def __init__(self, store: Store, municipality_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.municipality_id = municipality_id
        self.snapshots: list[Snapshot] = []
        self.viewer: SnapshotViewer | None = None
        self.setWindowTitle(_("Zamknięte lata szkolne"))
        self.setMinimumSize(760, 520)
        intro = QLabel(
            _(
                "Zamknięcie roku szkolnego zapisuje stan danych JST (dane oświatowe, plan i HDR, "
                "wskaźniki, notatki, ryzyka, wizyty). Danych oświatowych zamkniętego roku nie "
                "można zmieniać — ani w oknie, ani importem; raporty za miniony okres czytają "
                "zapisany stan."
            )
        )
        intro.setWordWrap(True)
        self.year = QComboBox()
        self.year.setAccessibleName(_("Rok szkolny do zamknięcia"))
        year_label = QLabel(_("&Rok szkolny:"))
        year_label.setBuddy(self.year)
        self.close_button = QPushButton(_("&Zamknij rok szkolny…"))
        self.close_button.clicked.connect(self.close_year)
        closing = QHBoxLayout()
        closing.addWidget(year_label)
        closing.addWidget(self.year)
        closing.addWidget(self.close_button)
        closing.addStretch(1)
        self.model = SnapshotListModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Zamknięte lata szkolne"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._show_log())
        self.table.doubleClicked.connect(lambda _index: self.view_year())
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setAccessibleName(_("Dziennik zamknięć"))
        self.log.setMaximumHeight(110)
        log_label = QLabel(_("&Dziennik zamknięć i otwarć:"))
        log_label.setBuddy(self.log)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(_("Powód ponownego otwarcia"))
        self.reason.setPlaceholderText(_("Np. korekta danych SIO po weryfikacji kuratorium"))
        self.reason.setMaximumHeight(70)
        reason_label = QLabel(_("&Powód ponownego otwarcia:"))
        reason_label.setBuddy(self.reason)
        self.view_button = QPushButton(_("Pokaż &stan roku…"))
        self.view_button.clicked.connect(self.view_year)
        self.reopen_button = QPushButton(_("&Otwórz ponownie"))
        self.reopen_button.clicked.connect(self.reopen_year)
        actions = QHBoxLayout()
        actions.addWidget(self.view_button)
        actions.addStretch(1)
        actions.addWidget(self.reopen_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Komunikat"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(closing)
        layout.addWidget(self.table, 1)
        layout.addWidget(log_label)
        layout.addWidget(self.log)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()

    # -- contents ----------------------------------------------------------------------------

    def reload(self, select_id: str | None = None) -> None:
        self.snapshots = snapshots.list_snapshots(self.store, self.municipality_id)
        self.year.clear()
        for year in snapshots.closable_years(self.store, self.municipality_id):
            self.year.addItem(school_year_label(year), year)
        self.model.set_rows(self.snapshots)
        chosen = next(
            (i for i, s in enumerate(self.snapshots) if s.id == select_id),
            0 if self.snapshots else -1,
        )
        if chosen >= 0:
            self.table.selectRow(chosen)
        self._show_log()

    def selected(self) -> Snapshot | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_log(self) -> None:
        chosen = self.selected()
        lines = [] if chosen is None else [_event_line(event) for event in chosen.events]
        self.log.setPlainText("\n".join(lines))
        closed = chosen is not None and chosen.closed
        self.view_button.setEnabled(chosen is not None)
        self.reopen_button.setEnabled(closed)
        self.reason.setEnabled(closed)

    # -- actions -----------------------------------------------------------------------------

    def close_year(self) -> None:
        year = self.year.currentData()
        if year is None:
            return
        label = school_year_label(int(year))
        answer = QMessageBox.question(
            self,
            _("Zamknij rok szkolny"),
            _(
                "Zamknąć rok szkolny {year}?\n\nStan danych JST zostanie zapisany, a danych "
                "oświatowych tego roku nie będzie można zmieniać, dopóki rok nie zostanie "
                "otwarty ponownie (z podaniem powodu)."
            ).format(year=label),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            closed = snapshots.close_school_year(
                self.store, self.municipality_id, int(year), author=installation(self.store).name
            )
        except UserError as error:
            self.message.setText(error.message)
            return
        self.message.setText(_("Zamknięto rok szkolny {year}.").format(year=closed.label))
        self.reload(closed.id)

    def reopen_year(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            snapshots.reopen_school_year(
                self.store,
                chosen.id,
                reason=self.reason.toPlainText(),
                author=installation(self.store).name,
            )
        except UserError as error:
            self.message.setText(error.message)
            self.reason.setFocus()
            return
        self.reason.clear()
        self.message.setText(_("Rok szkolny {year} jest znów otwarty.").format(year=chosen.label))
        self.reload(chosen.id)

    def view_year(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            self.viewer = SnapshotViewer(self.store, chosen, self)
        except UserError as error:
            self.message.setText(error.message)
            return
        self.viewer.show()


class SnapshotViewer(QDialog):
    """A closed year as it was: one read-only table per part of the JST's data."""

    def __init__(self, store: Store, snapshot: Snapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            _("Rok szkolny {year} — stan na {date} (tylko do odczytu)").format(
                year=snapshot.label, date=long_date(snapshot.as_of)
            )
        )
        self.setMinimumSize(760, 480)  # within 1093×558 (a 1366×768 laptop at 125 %)
        self.resize(900, 520)
        self.tabs = QTabWidget()
        self.tables: list[QTableView] = []
        for part in snapshot_view.view(store, snapshot.id):
            table = _read_only_table(part)
            self.tables.append(table)
            self.tabs.addTab(table, f"{part.title} ({len(part.rows)})")
        note = QLabel(
            _(
                "Zapisano {when}. To stan z chwili zamknięcia roku — zmian w nim nie można "
                "wprowadzać."
            ).format(when=moment(snapshot.taken_at))
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)


def _read_only_table(part: snapshot_view.Table) -> QTableView:
    table = QTableView()
    model = PartModel(part)
    model.setParent(table)  # the table keeps its model
    table.setModel(model)
    table.setAccessibleName(part.title)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if part.headers:
        widest = max(range(len(part.headers)), key=lambda c: _width(part, c))
        header.setSectionResizeMode(widest, QHeaderView.ResizeMode.Stretch)
    return table


def _width(part: snapshot_view.Table, column: int) -> int:
    return max((len(row[column]) for row in part.rows), default=len(part.headers[column]))


def _event_line(event: snapshots.Event) -> str:
    who = event.author or _("nie podano")
    if event.reason:
        return _("{when} — {status} ({who}): {reason}").format(
            when=moment(event.happened_at), status=event.status.label, who=who, reason=event.reason
        )
    return _("{when} — {status} ({who})").format(
        when=moment(event.happened_at), status=event.status.label, who=who
    )
