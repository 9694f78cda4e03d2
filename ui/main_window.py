"""The main window: municipality switcher, navigation, pages, menus and status bar."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app.errors import UserError
from app.i18n import N_, _
from app.version import APP_NAME
from ui import first_look, window_memory

# The rest of the window's modules are imported when they are first needed: the
# frame (title, size, "Otwieranie danych…") paints before them (see ``staged``).
if TYPE_CHECKING:
    from app.changes import Change
    from app.paths import DataPaths
    from app.storage.store import Store
    from ui.context import EditorContext
    from ui.dialogs.help_viewer import HelpWindow
    from ui.models.municipalities import MunicipalityListModel
    from ui.pages.base import Page
    from ui.widgets.global_search import GlobalSearch
    from ui.widgets.municipality_switcher import MunicipalitySwitcher

# The pages, in navigation order. Their modules (and SQLAlchemy behind them) are
# imported only once data is opened, so the window paints before heavy imports.
PAGES: tuple[tuple[str, str], ...] = (
    ("overview", N_("Przegląd")),
    ("team", N_("Zespół i szkoły")),
    ("plan", N_("Plan strategiczny")),
    ("hdr", N_("HDR")),
    ("monitoring", N_("Monitoring")),
    ("visits", N_("Wizyty doradcze")),
    ("school_data", N_("Dane oświatowe")),
    ("networks", N_("Sieci i spotkania")),
    ("yearly_report", N_("Informacja roczna")),
)

# A 1366×768 laptop at 125 %: 1093×558 logical pixels are left under the title and
# task bars. The window's minimum is below that; the first run fills what is there.
MINIMUM_SIZE = QSize(800, 480)
ALIGN_CENTER = 0x0084  # Qt::AlignCenter (AlignHCenter | AlignVCenter)


# Where each page lives: module and class (imported when the page is first shown).
PAGE_CLASSES: dict[str, tuple[str, str]] = {
    "overview": ("ui.pages.overview", "OverviewPage"),
    "team": ("ui.pages.team_schools", "TeamSchoolsPage"),
    "plan": ("ui.pages.plan", "PlanPage"),
    "hdr": ("ui.pages.hdr", "HdrPage"),
    "monitoring": ("ui.pages.monitoring", "MonitoringPage"),
    "visits": ("ui.pages.visits", "VisitsPage"),
    "school_data": ("ui.pages.school_data", "SchoolDataPage"),
    "networks": ("ui.pages.networks", "NetworksPage"),
    "yearly_report": ("ui.pages.yearly_report", "YearlyReportPage"),
}


def _loading_label() -> QLabel:
    """ "Otwieranie danych…", large and bold in the middle of the frame.

    Made without PySide's ``Qt`` namespace: creating its enums costs some 20 ms,
    which the first paint need not wait for (the alignment is set by name).
    """
    label = QLabel(_("Otwieranie danych…"))
    label.setProperty("alignment", ALIGN_CENTER)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


def _make_page(key: str, parent: QWidget) -> Page:
    import importlib

    module_name, class_name = PAGE_CLASSES[key]
    page: Page = getattr(importlib.import_module(module_name), class_name)(parent)
    return page


class MainWindow(QMainWindow):
    municipality_changed = Signal(str)
    language_requested = Signal(str)
    # Made by ui.main_menus.build_menus:
    action_new: QAction
    action_demo: QAction
    recent_menu: QMenu
    action_export_pdf: QAction
    action_export_package: QAction
    action_import_package: QAction
    action_import_history: QAction
    action_backup: QAction
    action_settings: QAction
    action_undo: QAction
    action_redo: QAction
    action_help: QAction

    municipality_model: MunicipalityListModel
    switcher: MunicipalitySwitcher

    def __init__(self, settings: QSettings, *, staged: bool = False) -> None:
        """The whole window; with ``staged`` only its frame, to paint at once.

        A staged window is finished by :meth:`finish_building` one event-loop
        turn later (the program's start does so right after the first paint).
        """
        super().__init__()
        self.settings = settings
        self.store: Store | None = None
        self.municipality_id: str | None = None
        self._unsubscribe: object = None
        self.context: EditorContext | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(MINIMUM_SIZE)
        self.help_window: HelpWindow | None = None
        self.search: GlobalSearch | None = None
        self.note_action: QAction | None = None
        self.built_fully = False
        self._pages: list[Page | None] = []  # a page is built when first shown
        self.loading = _loading_label()
        self.central = QStackedWidget()
        self.central.addWidget(self.loading)
        self.setCentralWidget(self.central)
        window_memory.restore_geometry(self)
        if not staged:
            self.finish_building()

    def finish_building(self) -> None:
        """Navigation, toolbar, menus and status bar (once; the frame exists already)."""
        if self.built_fully:
            return
        from ui import keyboard, shell, style
        from ui.main_menus import build_menus
        from ui.models.municipalities import MunicipalityListModel

        self.built_fully = True
        style.install(QApplication.instance())  # type: ignore[arg-type]
        keyboard.install_in_dialogs(QApplication.instance())  # type: ignore[arg-type]
        self.municipality_model = MunicipalityListModel()
        self._build_pages()
        self._build_toolbar()
        build_menus(self, PAGES)
        shell.install(self)
        self._build_status_bar()
        self._restore_layout()
        self.central.setCurrentWidget(self.loading)
        self.switcher.setEnabled(False)

    # -- building -------------------------------------------------------------

    def _build_pages(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setAccessibleName(_("Nawigacja"))
        self.navigation.setMinimumWidth(150)
        self.stack = QStackedWidget()
        for _key, title in PAGES:
            QListWidgetItem(_(title), self.navigation)
        self.navigation.currentRowChanged.connect(self._page_chosen)
        self.splitter = QSplitter()  # side by side
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        from ui.widgets.empty_state import EmptyState

        self.welcome = EmptyState(
            _("Witamy w programie Plan Oświaty"),
            _(
                "Nie ma jeszcze żadnej JST. Utwórz własną albo otwórz JST demonstracyjną, "
                "aby zobaczyć, jak wygląda gotowy plan, HDR i monitoring."
            ),
        )
        self.welcome.add_button(_("Utwórz JST…"), self.new_municipality, default=True)
        self.welcome.add_button(_("Otwórz JST demonstracyjną"), self.load_demo)
        self.central.addWidget(self.welcome)
        self.central.addWidget(self.splitter)

    def ensure_pages(self) -> None:
        """Make room for the pages once there is data to show; build the one on screen."""
        if self._pages:
            return
        self._pages = [None] * len(PAGES)
        for _page in PAGES:
            self.stack.addWidget(QWidget())  # a placeholder until the page is first shown
        row = max(0, self.navigation.currentRow())
        self.page_at(row)
        self.stack.setCurrentIndex(row)

    def page_at(self, row: int) -> Page:
        """The page in navigation row ``row``, built (and given the data) on first use."""
        page = self._pages[row]
        if page is None:
            page = _make_page(PAGES[row][0], self.stack)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._pages[row] = page
            from ui import columns, keyboard, page_memory, shell
            from ui.context_menus import install_row_menus

            keyboard.install(page, self.menu_letters())
            columns.install(page, self.settings, PAGES[row][0])
            install_row_menus(
                page,
                lambda: self.note_action,
                lambda record_id, kind: shell.linked_jumps(self, record_id, kind),
            )
            if self.context is not None and self.municipality_id is not None:
                page.show_municipality(self.context, self.municipality_id)
                page_memory.restore([page], self.settings, self.municipality_id)
        return page

    def menu_letters(self) -> list[str]:
        """The menu bar's Alt+letters: no field on a page may take them."""
        from ui import keyboard

        letters = (keyboard.mnemonic(action.text()) for action in self.menuBar().actions())
        return [letter for letter in letters if letter]

    @property
    def pages(self) -> list[Page]:
        """Every page, building those not shown yet (the window itself uses :meth:`built`)."""
        return [self.page_at(row) for row in range(len(self._pages))]

    def built(self) -> list[Page]:
        """The pages built so far: the only ones a change or a flush concerns."""
        return [page for page in self._pages if page is not None]

    def _build_toolbar(self) -> None:
        from ui.widgets.municipality_switcher import MunicipalitySwitcher

        bar = QToolBar(_("JST"))
        bar.setObjectName("municipalityBar")
        bar.setMovable(False)
        bar.addWidget(QLabel(_("JST:") + " "))
        self.switcher = MunicipalitySwitcher(self.municipality_model)
        self.switcher.municipality_chosen.connect(self.choose_municipality)
        bar.addWidget(self.switcher)
        self.addToolBar(bar)

    def _build_status_bar(self) -> None:
        self.saved_label = QLabel("")
        self.place_label = QLabel("")
        self.statusBar().addWidget(self.saved_label, 1)
        self.statusBar().addPermanentWidget(self.place_label)

    # -- store and municipality ---------------------------------------------------

    def set_store(self, store: Store, select_municipality: str | None = None) -> None:
        from ui import page_memory
        from ui.commands import StoreCommand
        from ui.context import EditorContext
        from ui.errors import show_user_error

        StoreCommand.on_error = lambda error: show_user_error(self, error)
        self.ensure_pages()
        self.show_data_folder(store.paths)
        self.store = store
        self.context = EditorContext(store, self.undo_stack, self)
        self._unsubscribe = store.changes.subscribe(self._on_change)
        self.municipality_model.set_store(store)
        wanted = select_municipality or str(self.settings.value("last_municipality", "") or "")
        window_memory.refresh_recent(self)
        if self.municipality_model.rowCount() == 0:
            self._show_pages(False)
            self._show_networks_only()
            return
        if self.municipality_model.row_of(wanted) < 0:
            first = self.municipality_model.row_at(0)
            wanted = first.id if first else ""
        self.choose_municipality(wanted)
        page_memory.restore(self.built(), self.settings, self.municipality_id)

    def show_data_folder(self, paths: DataPaths) -> None:
        """What comes with data: the quick note's action, and where the data are kept."""
        from ui import shell
        from ui.quick_note_action import install_quick_note

        self.note_action = install_quick_note(self)
        shell.add_note_action(self, self.note_action)
        self.place_label.setText(_("Dane: {path}").format(path=paths.root))
        self.place_label.setToolTip(str(paths.database))
        self.saved_label.setText(_("Wszystkie zmiany są zapisywane automatycznie."))

    def choose_municipality(self, municipality_id: str) -> None:
        if self.context is None or self.municipality_model.row_of(municipality_id) < 0:
            return
        if municipality_id != self.municipality_id:
            self.undo_stack.clear()  # undo history belongs to one municipality
        self.municipality_id = municipality_id
        self.switcher.select(municipality_id)
        self._show_pages(True)
        self.settings.setValue("last_municipality", municipality_id)
        window_memory.remember_recent(self, municipality_id)
        for page in self.built():
            page.show_municipality(self.context, municipality_id)
        if self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(0)
        municipality = self.municipality_model.row_at(
            self.municipality_model.row_of(municipality_id)
        )
        if municipality is not None:
            self.setWindowTitle(f"{municipality.name} — {APP_NAME}")
        self.municipality_changed.emit(municipality_id)

    def new_municipality(self) -> None:
        if self.context is None:
            return
        from ui.dialogs.new_municipality import NewMunicipalityDialog

        self.flush()
        dialog = NewMunicipalityDialog(self.context, self)
        if dialog.exec() and dialog.created_id:
            self.municipality_model.reload()
            self.choose_municipality(dialog.created_id)
            self.navigation.setCurrentRow(1)

    def open_settings(self) -> None:
        from app.i18n import current_language
        from ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self, self.store, self.settings)
        if dialog.exec() and dialog.chosen_language() != current_language():
            self.settings.setValue("language", dialog.chosen_language())
            self.language_requested.emit(dialog.chosen_language())

    def detach_store(self) -> Store | None:
        """Hand the open store over (to a window rebuilt in another language)."""
        self.flush()
        store = self.store
        if callable(self._unsubscribe):
            self._unsubscribe()
            self._unsubscribe = None
        self.store = None
        return store

    # -- documents and exchange files --------------------------------------------------

    def export_pdf(self, kind: str | None = None) -> None:
        if self.context is None or self.municipality_id is None:
            return
        from ui.dialogs.export_pdf import open_export_dialog

        open_export_dialog(self, self.context, self.municipality_id, kind)

    def export_package(self) -> None:
        if self.context is None or self.municipality_id is None:
            return
        from ui.dialogs.export_package import open_export_dialog

        open_export_dialog(self, self.context, self.municipality_id)

    def import_package(self, path: str | None = None) -> None:
        if self.context is None:
            return
        from ui.dialogs.import_package import open_import_dialog

        self.flush()
        changed = open_import_dialog(self, self.context, path)
        if changed:
            self.undo_stack.clear()  # an import is not undone step by step (a backup was taken)
            self.municipality_model.reload()
            self.choose_municipality(changed)
            if self.municipality_model.rowCount() == 0:
                self._show_networks_only()
            for page in self.built():
                page.refresh_when_seen()

    def import_history(self) -> None:
        if self.context is None:
            return
        from ui.dialogs.import_history import open_import_history

        open_import_history(self, self.context, self.municipality_id)

    def navigate(
        self, page_key: str, record_type: str | None = None, record_id: str | None = None
    ) -> None:
        """Show the page ``page_key`` and, if it can, the record there (links from the overview)."""
        keys = [key for key, _title in PAGES]
        if page_key not in keys:
            return
        row = keys.index(page_key)
        self.navigation.setCurrentRow(row)
        if record_type and record_id and row < len(self._pages):
            show_record = getattr(self.page_at(row), "show_record", None)
            if callable(show_record):
                show_record(record_type, record_id)

    def load_demo(self) -> None:
        if self.store is None:
            return
        from app.demo import load_demo
        from ui.errors import show_user_error

        try:
            municipality, _created = load_demo(self.store)
        except UserError as error:
            show_user_error(self, error)
            return
        self.municipality_model.reload()
        self.choose_municipality(municipality.id)

    def make_backup(self) -> None:
        """Copy the data file (off the GUI thread: the copy uses its own connections)."""
        if self.store is None:
            return
        from ui.errors import show_user_error
        from ui.operations import run_in_background

        store = self.store
        try:
            path = run_in_background(
                self, _("Wykonywanie kopii zapasowej…"), lambda _progress: store.backup("manual")
            )
        except UserError as error:
            show_user_error(self, error)
            return
        self.statusBar().showMessage(_("Kopia zapasowa zapisana: {path}").format(path=path), 8000)

    # -- reactions -----------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        now = datetime.now().strftime("%H:%M:%S")
        self.saved_label.setText(_("Zapisano o {time}").format(time=now))
        if change.record_type == "municipality":
            self.municipality_model.reload()
            if self.municipality_id:
                self.switcher.select(self.municipality_id)
        if change.municipality_id not in (None, self.municipality_id):
            return
        for page in self.built():
            page.on_change(change)

    def _page_chosen(self, row: int) -> None:
        if 0 <= row < len(PAGES) and self.navigation.isRowHidden(row):
            self.navigate("networks")  # a laptop with networks only (Ctrl+1…9 too)
            return
        if 0 <= row < len(PAGES):
            if row < len(self._pages):
                self.page_at(row)
                self.stack.setCurrentIndex(row)
            self.settings.setValue("page", PAGES[row][0])

    def _show_pages(self, visible: bool) -> None:
        self.central.setCurrentWidget(self.splitter if visible else self.welcome)
        self.switcher.setEnabled(visible)
        for action in (self.action_export_pdf, self.action_export_package):
            action.setEnabled(visible)
        for row in range(self.navigation.count()):
            self.navigation.setRowHidden(row, False)

    def _show_networks_only(self) -> None:
        """A laptop holding networks but no JST (a member's import) shows the networks page."""
        from app.services.networks import networks

        if self.store is None or self.context is None or not networks(self.store):
            return
        self._show_pages(True)
        self.switcher.setEnabled(False)
        for action in (self.action_export_pdf, self.action_export_package):
            action.setEnabled(False)
        keys = [key for key, _title in PAGES]
        for row, key in enumerate(keys):
            self.navigation.setRowHidden(row, key != "networks")
        self.page_at(keys.index("networks")).show_municipality(self.context, None)
        self.navigate("networks")

    def _focus_switcher(self) -> None:
        self.switcher.setFocus()
        line = self.switcher.lineEdit()
        if line is not None:
            line.selectAll()

    def _about(self) -> None:
        from ui.dialogs.about import AboutDialog

        folder = self.store.paths.root if self.store is not None else None
        dialog = AboutDialog(folder, self)
        dialog.exec()
        dialog.deleteLater()

    def show_help(self, shortcuts: bool = False) -> None:
        """The user guide (F1) in its own window, kept open beside the program."""
        from ui.dialogs.help_viewer import HelpWindow

        if self.help_window is None:
            actions = [a for menu in self.menuBar().findChildren(QMenu) for a in menu.actions()]
            self.help_window = HelpWindow(actions, self)
        if shortcuts:
            self.help_window.show_shortcuts()
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()

    # -- layout memory ------------------------------------------------------------------

    def _restore_layout(self) -> None:
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([180, 1020])
        page = str(self.settings.value("page", "overview") or "overview")
        keys = [key for key, _title in PAGES]
        self.navigation.setCurrentRow(keys.index(page) if page in keys else 0)

    def flush(self) -> None:
        """Save whatever is being typed in any editor."""
        for page in self.built():
            page.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        from ui import page_memory

        self.flush()
        page_memory.save(self.built(), self.settings, self.municipality_id)
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.built_fully:
            self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        if callable(self._unsubscribe):
            self._unsubscribe()
            self._unsubscribe = None
        if self.store is not None:
            self.store.close(first_look.to_keep(self))
            self.store = None
        super().closeEvent(event)
