"""Schema migrations with Alembic, run from code at start-up (after a backup).

Alembic (with Mako and Pygments behind it) takes longer to import than the rest
of the program, and is needed only when a file must be migrated. Revisions are
therefore read from the migration file names (``NNNN_name.py`` with revision id
``NNNN``, a linear history — a test checks that Alembic agrees), and Alembic is
imported only to upgrade.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from app.errors import UserError
from app.i18n import _
from app.storage.engine import connect_raw

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@functools.cache
def _scripts(location: str) -> ScriptDirectory:
    # Alembic compiles every migration file each time it reads the folder; once will do.
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", location)
    return ScriptDirectory.from_config(config)


def _revisions_from_files() -> tuple[str, ...]:
    return _revisions_in(str(MIGRATIONS))


@functools.cache
def _revisions_in(location: str) -> tuple[str, ...]:
    names = (path.name for path in (Path(location) / "versions").iterdir())
    return tuple(sorted(m.group(1) for m in map(_REVISION_FILE.match, names) if m))


def head_revision() -> str:
    return _revisions_from_files()[-1]


def known_revisions() -> set[str]:
    return set(_revisions_from_files())


def current_revision(connection: Connection) -> str | None:
    try:
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    except OperationalError:  # no such table: nothing was ever migrated
        connection.rollback()
        return None
    return None if row is None else str(row[0])


def revision_in_file(database: Path, *, readonly: bool = False) -> str | None:
    """The schema revision stamped in ``database`` (None for a new, empty file).

    Read with a plain connection, which changes nothing in the file (the engine's
    connections would switch it to WAL before anyone could say "newer version").
    """
    connection = connect_raw(database, readonly=readonly)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no such table: nothing was ever migrated
        return None
    finally:
        connection.close()
    return None if row is None else str(row[0])


def refuse_newer(revision: str | None) -> None:
    """A UserError when ``revision`` comes from a later version of the program."""
    if revision is not None and revision not in known_revisions():
        raise UserError(
            _(
                "Plik danych został zapisany przez nowszą wersję programu Plan Oświaty. "
                "Zainstaluj najnowszą wersję, aby go otworzyć; plik pozostał bez zmian."
            )
        )


def check_version(engine: Engine) -> bool:
    """True when the database needs an upgrade; an error when it is from a newer version."""
    with engine.connect() as connection:
        current = current_revision(connection)
    refuse_newer(current)
    return current != head_revision()


def upgrade(engine: Engine) -> None:
    """Migrate to head in one real transaction, with foreign keys off while it runs.

    The sqlite3 module runs DDL outside any transaction, so without the explicit
    ``BEGIN`` a crash half-way leaves a half-made schema that no later start can
    migrate. Foreign keys must be off (and can only be switched outside a
    transaction) because a batch migration rebuilds a table by dropping the old
    one, and with them on that drop would cascade-delete every child row; they
    are checked once, before the commit, instead.
    """
    from alembic import command

    config = _config()
    with engine.connect() as connection:
        raw = cast(sqlite3.Connection, connection.connection.driver_connection)
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                raw.execute("BEGIN IMMEDIATE")
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                broken = raw.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise UserError(
                        _(
                            "Aktualizacja pliku danych nie powiodła się (naruszone powiązania "
                            "w tabeli {table}); plik pozostał bez zmian."
                        ).format(table=broken[0][0])
                    )
        finally:
            try:
                raw.execute("PRAGMA foreign_keys = ON")
            except sqlite3.Error:
                connection.invalidate()  # never hand out a connection without foreign keys


def stamp_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return current_revision(connection)
