"""The store: one SQLite file opened safely, and short units of work over it.

Opening does, in order: take the instance lock, check the file's integrity
(offering the newest good backup when it is damaged), back it up, migrate the
schema, and only then hand out sessions. Nothing here knows about Qt.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app import paths as app_paths
from app.changes import ChangeBus
from app.errors import UserError
from app.filenames import check_path_length
from app.i18n import _
from app.model import Setting, new_id
from app.private_files import private_file, private_folder, restrict
from app.storage import backups, first_look_file, migrate, session_events, tombstones
from app.storage.disk import is_no_space, no_space_message
from app.storage.engine import make_engine
from app.storage.integrity import check_file, is_foreign, reach_message
from app.storage.integrity_gate import IntegrityGate
from app.storage.lock import InstanceLock

log = logging.getLogger(__name__)


class DatabaseDamaged(UserError):
    """The data file fails its integrity check; ``good_backup`` is the way out, if any."""

    def __init__(self, message: str, database: Path, good_backup: Path | None) -> None:
        super().__init__(message)
        self.database = database
        self.good_backup = good_backup


class Store:
    """An open data folder. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, data_paths: app_paths.DataPaths, engine: Engine, lock: InstanceLock | None):
        self.paths = data_paths
        self.engine = engine
        self._lock = lock
        self.changes = ChangeBus()
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        session_events.install(self._sessions)
        # Set when the integrity check runs beside the first reads (check_in_background).
        self.integrity: IntegrityGate | None = None

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        *,
        readonly: bool = False,
        backup_on_open: bool = True,
        check_in_background: bool = False,
    ) -> Store:
        """Open (creating if needed) the store in ``data_dir``.

        ``readonly`` stores take no lock and never migrate: for listing and
        searching while the window is open elsewhere. With ``check_in_background``
        the integrity check and the start backup run on a worker thread while the
        store is read; the first write waits for them and is refused if the file
        is damaged (:attr:`integrity`; a migration still checks first).
        """
        data_paths = app_paths.resolve(data_dir)
        ensure_folder(data_paths.root)
        lock = None if readonly else InstanceLock(data_paths.lock)
        if lock is not None:
            lock.acquire()
            first_look_file.discard(data_paths.root)  # soon out of date: see its module
        try:
            later = check_in_background and not readonly
            engine, deferred = _open_engine(
                data_paths, readonly=readonly, backup_on_open=backup_on_open, check_later=later
            )
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        store = cls(data_paths, engine, lock)
        if deferred:
            store._check_in_background(backup_on_open)
        if not readonly:
            store._ensure_installation_id()
            if not deferred:
                tombstones.scrub_store(store.engine)
        return store

    def _check_in_background(self, backup: bool) -> None:
        """Start the check (then the start backup); writes wait for both, then tombstones go."""

        def check() -> None:
            _check_or_raise(
                self.paths, connection_opened=gate.connection_opened, cancelled=gate.cancelled
            )
            if backup and not gate.cancelled():
                _backup_if_changed(self.paths)

        gate = IntegrityGate(check, after=lambda: tombstones.scrub_store(self.engine))
        event.listen(self.engine, "before_cursor_execute", gate.before_execute)
        self.integrity = gate
        gate.start()

    def close(self, first_look: tuple[dict[str, str], dict[str, Any]] | None = None) -> None:
        """Close; with ``first_look`` (its context and content), keep it for the next start.

        It is written after the last connection is closed (so that it names the data
        file as it is left) and before the lock is released.
        """
        if self.integrity is not None:
            self.integrity.cancel()
        self.engine.dispose()
        if first_look is not None and self._lock is not None:
            first_look_file.save(self.paths.root, self.paths.database, *first_look)
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- units of work -------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except OperationalError as error:
            session.rollback()
            raise _storage_error(error) from error
        except DatabaseError as error:  # "database disk image is malformed" and the like
            session.rollback()
            log.error("database error: %s", error)
            raise damaged(self.paths) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def forget_erased(self) -> None:
        """After a deletion: drop the erased text from the search index and the journal."""
        tombstones.purge(self.engine)

    # -- backups ---------------------------------------------------------------

    def backup(self, reason: str = "manual", target: Path | None = None) -> Path:
        return backups.make_backup(self.paths.database, self.paths.backups, reason, target=target)

    # -- installation identity -----------------------------------------------

    @property
    def installation_id(self) -> str:
        with self.session() as session:
            setting = session.get(Setting, "installation_id")
            return setting.value if setting else ""

    def _ensure_installation_id(self) -> None:
        with self.session() as session:
            if session.get(Setting, "installation_id") is None:
                session.add(Setting(key="installation_id", value=new_id()))

    def setting(self, key: str, default: str | None = None) -> str | None:
        with self.session() as session:
            row = session.scalars(select(Setting).where(Setting.key == key)).first()
            return row.value if row else default


def ensure_folder(root: Path) -> None:
    """Create the data folder, or say in words why it cannot be."""
    check_path_length(root / (app_paths.DATABASE_NAME + "-journal"))
    try:
        private_folder(root)
    except OSError as error:
        raise UserError(
            _("Nie można utworzyć folderu danych {path}: {error}").format(
                path=root, error=error.strerror or error
            )
        ) from None


def _open_engine(
    data_paths: app_paths.DataPaths, *, readonly: bool, backup_on_open: bool, check_later: bool
) -> tuple[Engine, bool]:
    """The engine, and whether the integrity check (and start backup) are still to do."""
    database = data_paths.database
    exists = database.exists() and database.stat().st_size > 0
    deferred = exists and check_later
    if exists:
        if not deferred:
            # Readers get the full check too: a damaged page must be named, not crash a listing.
            _check_or_raise(data_paths)
        try:
            migrate.refuse_newer(migrate.revision_in_file(database, readonly=readonly))
            refuse_foreign(database)
        except sqlite3.DatabaseError as error:
            log.error("reading %s failed: %s", database, error)
            raise damaged(data_paths) from None
    else:
        _refuse_lost(data_paths)
    if not exists and readonly:
        raise UserError(_("W folderze {path} nie ma jeszcze danych.").format(path=data_paths.root))
    if not readonly:
        backups.remove_stale_parts(data_paths.root, data_paths.backups)
        _make_private(database)
    engine = make_engine(database)
    try:
        needs_upgrade = migrate.check_version(engine)
        if needs_upgrade and readonly:
            raise UserError(
                _("Dane wymagają aktualizacji. Uruchom najpierw program, aby je zaktualizować.")
            )
        if deferred and needs_upgrade:  # a migration writes: the check comes first
            _check_or_raise(data_paths)
            deferred = False
        if exists and not readonly and backup_on_open and not deferred:
            _backup_if_changed(data_paths)
        if needs_upgrade:
            if exists:
                backups.make_backup(database, data_paths.backups, "before-migration")
            migrate.upgrade(engine)
            log.info("database migrated to %s", migrate.head_revision())
    except OperationalError as error:
        engine.dispose()
        raise _storage_error(error) from error
    except BaseException:
        engine.dispose()
        raise
    return engine, deferred


def refuse_foreign(database: Path) -> None:
    """Never migrate (and so change) another program's file that happens to bear our name."""
    if is_foreign(database):
        raise UserError(
            _(
                "Plik {path} nie jest plikiem danych programu Plan Oświaty (to baza innego "
                "programu) — pozostał bez zmian. Wskaż inny folder danych (--data-dir)."
            ).format(path=database)
        )


def _make_private(database: Path) -> None:
    """A new data file is created private; an old one (and its WAL) is made so."""
    try:
        private_file(database)
    except OSError as error:
        if is_no_space(error):
            raise UserError(no_space_message()) from None
        raise UserError(
            _("Nie można utworzyć pliku danych {path}: {error}").format(
                path=database, error=error.strerror or error
            )
        ) from None
    for suffix in ("-wal", "-shm"):
        restrict(database.with_name(database.name + suffix))


def _check_or_raise(
    data_paths: app_paths.DataPaths,
    *,
    thorough: bool = True,
    connection_opened: Callable[[sqlite3.Connection], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> None:
    result = check_file(data_paths.database, thorough=thorough, connection_opened=connection_opened)
    if result.ok or cancelled():  # an interrupted check says nothing about the file
        return
    if not result.damaged:
        raise UserError(reach_message(data_paths.database, result))
    log.error("integrity check failed for %s: %s", data_paths.database, "; ".join(result.problems))
    raise damaged(data_paths)


def damaged(data_paths: app_paths.DataPaths) -> DatabaseDamaged:
    """The error for a damaged data file, naming the newest good backup if there is one."""
    good = backups.newest_good_backup(data_paths.backups)
    if good is not None:
        message = _(
            "Plik danych {path} jest uszkodzony. Najnowsza dobra kopia zapasowa to {backup}; "
            "można ją przywrócić poleceniem „plan-oswiaty restore”."
        ).format(path=data_paths.database, backup=good.name)
    else:
        message = _(
            "Plik danych {path} jest uszkodzony, a w folderze kopii nie ma dobrej kopii."
        ).format(path=data_paths.database)
    return DatabaseDamaged(message, data_paths.database, good)


def _refuse_lost(data_paths: app_paths.DataPaths) -> None:
    """No data file (or a 0-byte one) is a new start — unless backups show there were data.

    Starting afresh would hide the data in the backups, and the new empty file
    would soon push them out of the rolling set: offer the newest good one instead.
    """
    good = backups.newest_good_backup(data_paths.backups, for_latest=True)
    if good is None:
        return
    database = data_paths.database
    if database.exists():
        log.error("data file %s is empty but backups exist", database)
        text = _(
            "Plik danych {path} jest pusty, choć wcześniej były w nim dane. Najnowsza dobra "
            "kopia zapasowa to {backup}; można ją przywrócić poleceniem „plan-oswiaty restore”."
        )
    else:
        log.error("data file %s is missing but backups exist", database)
        text = _(
            "Brak pliku danych {path}, choć w folderze kopii są dane. Najnowsza dobra kopia "
            "zapasowa to {backup}; można ją przywrócić poleceniem „plan-oswiaty restore "
            "--latest”."
        )
    raise DatabaseDamaged(text.format(path=database, backup=good.name), database, good)


def _backup_if_changed(data_paths: app_paths.DataPaths) -> None:
    """Back up on start, but only when the data changed since the last backup."""
    if backups.changed_since_backup(data_paths.database, data_paths.backups):
        backups.make_backup(data_paths.database, data_paths.backups, "start")


def _storage_error(error: OperationalError) -> UserError:
    original = error.orig
    text = str(original) if original is not None else str(error)
    if isinstance(original, sqlite3.OperationalError) and "locked" in text:
        return UserError(
            _("Baza danych jest zajęta przez inny program. Spróbuj ponownie za chwilę.")
        )
    if "readonly" in text or "read-only" in text:
        return UserError(
            _("Nie można zapisać danych: plik lub folder danych jest tylko do odczytu.")
        )
    if is_no_space(error):
        return UserError(_("Brak miejsca na dysku — zmiany nie zostały zapisane."))
    log.error("database error: %s", text)
    return UserError(_("Błąd bazy danych — szczegóły zapisano w dzienniku programu."))
