"""Starting the Qt application: translations, the window first, then the data.

The window is shown before the store is opened so the first paint does not wait
for SQLAlchemy, migrations or the integrity check.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QSize, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import i18n
from app import paths as app_paths
from app.errors import UserError
from app.private_files import private_folder
from app.version import APP_ID, APP_NAME, PUBLISHER, __version__
from ui import first_look
from ui.errors import install_excepthook, show_user_error

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

ICON_SIZES = (16, 20, 24, 32, 48, 64, 128, 256)
# How often the window looks whether the integrity check, run beside it, has ended.
CHECK_POLL_MS = 50
# Windows groups taskbar buttons and pinned shortcuts by this id; the installer's
# shortcuts carry the same one (packaging/windows/installer.iss).
APP_USER_MODEL_ID = "PlanOswiaty.PlanOswiaty"


def app_icon() -> QIcon:
    """The program's icon in every size drawn for it (resources/icons)."""
    icon = QIcon()
    folder = resources.files("resources") / "icons"
    for size in ICON_SIZES:
        path = folder / f"plan-oswiaty-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def identify(app: QApplication) -> None:
    """One name and icon everywhere: title bars, taskbar, dialogs, the desktop entry."""
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(PUBLISHER)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    if sys.platform == "win32":
        # Without it a program started from python.exe shows Python's taskbar icon.
        import ctypes

        try:
            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
        except (AttributeError, OSError):
            log.debug("no AppUserModelID on this Windows")


def settings_for(data_dir: str | Path | None) -> QSettings:
    """Window layout and preferences live in the data folder (portable with it)."""
    root = app_paths.resolve(data_dir).root
    private_folder(root)
    return QSettings(str(root / "ui.ini"), QSettings.Format.IniFormat)


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Our strings via app.i18n; Qt's own buttons and dialogs via Qt's catalogues."""
    i18n.set_language(language)
    if language == "pl":
        QLocale.setDefault(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    else:  # British English: day before month, as the users' documents are written
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    translators: list[QTranslator] = []
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def run(
    data_dir: str | Path | None = None,
    select_municipality: str | None = None,
    exit_after_start: bool = False,
    import_file: str | None = None,
) -> int:
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    identify(app)
    settings = settings_for(data_dir)
    _translators[:] = install_translations(app, str(settings.value("language", "pl")))
    log_file = app_paths.resolve(data_dir).logs / "plan-oswiaty.log"
    install_excepthook(log_file)
    window = MainWindow(settings, staged=True)
    window.language_requested.connect(lambda code: switch_language(app, window, code))
    window.show()
    app.processEvents()  # paint the frame before the rest of the window and the data layer
    mark = _print_mark if exit_after_start else _no_mark
    mark("painted")

    shown_first: list[bool] = []

    def build() -> None:  # the menus and toolbar are painted while the data open
        window.finish_building()
        mark("window built")
        look = first_look.at_start(data_dir, settings, select_municipality)
        if look is not None and first_look.show(window, look, app_paths.resolve(data_dir)):
            app.processEvents()  # on screen before the data layer loads
            shown_first.append(True)
            mark("ready")
        QTimer.singleShot(0, start)

    def start() -> None:
        opened = open_store(window, data_dir, select_municipality, mark)
        if opened and import_file:
            window.import_package(import_file)
        if exit_after_start:
            if opened and not shown_first:
                mark("ready")
            mark("live" if opened else "failed")
            window.close()
            app.exit(0 if opened else 1)

    QTimer.singleShot(0, build)
    return app.exec()


def _print_mark(name: str) -> None:
    """A start-up milestone for the benchmark: its name and the CPU seconds used so far."""
    print(f"{name}\t{time.process_time():.4f}", flush=True)


def _no_mark(_name: str) -> None:
    pass


_translators: list[QTranslator] = []
_windows: list[object] = []  # keeps the current window alive after a language switch


def switch_language(app: QApplication, window: object, language: str) -> object:
    """Rebuild the window in ``language`` over the same open store; returns the new window."""
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    for translator in _translators:
        app.removeTranslator(translator)
    _translators[:] = install_translations(app, language)
    store = window.detach_store()
    municipality = window.municipality_id
    page = window.navigation.currentRow()
    fresh = _replace_window(app, window)
    if store is not None:
        fresh.set_store(store, municipality)
        fresh.navigation.setCurrentRow(page)
    return fresh


def open_store(
    window: object,
    data_dir: str | Path | None,
    select: str | None,
    mark: Callable[[str], None] = _no_mark,
) -> bool:
    """Open the data; on a problem explain it, offer a way out, and close if there is none.

    The integrity check runs beside the window's first reads (writes wait for it);
    a damaged file found that way is handled as one found before opening.
    """
    from app.storage.store import DatabaseDamaged, Store

    mark("data layer imported")
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    try:
        store = Store.open(data_dir, check_in_background=True)
        mark("store opened")
    except UserError as error:
        return _cannot_open(window, error, data_dir, select)
    try:
        window.set_store(store, select)
    except DatabaseDamaged as error:  # a damaged page met while the window filled
        return _damaged_after_opening(window, store, error, data_dir, select)
    _watch_integrity(window, store, data_dir, select)
    warning = app_paths.sync_warning(store.paths)
    if warning:
        QMessageBox.warning(window, i18n._("Folder danych w chmurze"), warning)
    return True


def _cannot_open(
    window: object, error: UserError, data_dir: str | Path | None, select: str | None
) -> bool:
    """Offer the good backup of a damaged file (then open again), or say why and close."""
    from app.storage.store import DatabaseDamaged
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    restorable = isinstance(error, DatabaseDamaged) and error.good_backup is not None
    if restorable and _offer_restore(window, error):
        return open_store(window, data_dir, select)
    show_user_error(window, error, i18n._("Nie można otworzyć danych"))
    window.close()
    return False


def _watch_integrity(
    window: object, store: object, data_dir: str | Path | None, select: str | None
) -> None:
    """When the background check finds the file damaged, the window over it goes away."""
    from app.storage.store import Store

    assert isinstance(store, Store)
    gate = store.integrity
    if gate is None:
        return
    timer = QTimer(QApplication.instance())
    timer.setInterval(CHECK_POLL_MS)

    def poll() -> None:
        if not gate.done:
            return
        timer.stop()
        timer.deleteLater()
        error = gate.error()
        current = _windows[0] if _windows else window  # a language switch rebuilds it
        if isinstance(error, UserError) and getattr(current, "store", None) is store:
            _damaged_after_opening(current, store, error, data_dir, select)

    timer.timeout.connect(poll)
    timer.start()


def _damaged_after_opening(
    window: object,
    store: object,
    error: UserError,
    data_dir: str | Path | None,
    select: str | None,
) -> bool:
    """A fresh, empty window replaces the one over the damaged file, which is closed."""
    from app.storage.store import Store
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow) and isinstance(store, Store)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    fresh = _replace_window(app, window)
    store.close()  # nothing was written to it
    return _cannot_open(fresh, error, data_dir, select)


def _replace_window(app: QApplication, window: object) -> MainWindow:
    """A new, empty window in the old one's place (the old one is closed)."""
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    fresh = MainWindow(window.settings)
    fresh.language_requested.connect(lambda code: switch_language(app, fresh, code))
    fresh.setGeometry(window.geometry())
    _windows[:] = [fresh]
    fresh.show()
    window.close()
    return fresh


def _offer_restore(window: object, damaged: object) -> bool:
    from app.storage.restore import restore_into
    from app.storage.store import DatabaseDamaged

    assert isinstance(damaged, DatabaseDamaged) and damaged.good_backup is not None
    answer = QMessageBox.question(
        None,
        i18n._("Dane są uszkodzone"),
        damaged.message + "\n\n" + i18n._("Przywrócić teraz najnowszą dobrą kopię zapasową?"),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        restore_into(damaged.good_backup, damaged.database, damaged.database.parent / "backups")
    except UserError as error:
        show_user_error(None, error)
        return False
    return True
