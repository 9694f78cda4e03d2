"""Schema migrations with Alembic, run from code at start-up (after a backup)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from app.errors import UserError
from app.i18n import _

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def check_version(engine: Engine) -> bool:
    """True when the database needs an upgrade; an error when it is from a newer version."""
    with engine.connect() as connection:
        current = current_revision(connection)
    if current is not None and current not in known_revisions():
        raise UserError(
            _(
                "Plik danych został zapisany przez nowszą wersję programu Plan Oświaty. "
                "Zainstaluj najnowszą wersję, aby go otworzyć; plik pozostał bez zmian."
            )
        )
    return current != head_revision()


def upgrade(engine: Engine) -> None:
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def stamp_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return current_revision(connection)
