"""Schema migrations: old files open with every row intact; newer files are left alone.

``tests/fixtures/schemas/<revision>.sqlite`` holds a database as each released
schema wrote it, made by ``make_<revision>.py`` beside it (whose ``ROWS`` say
what is inside). When a migration is added, the fixtures of the earlier
schemas must still open, migrate and show all their data.
"""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
import json
import shutil
import sqlite3
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, MetaData, String, select

from app.errors import UserError
from app.model import RECORD_TYPES, Action, Base, MonitoringNote, TeamMember
from app.services import records
from app.services.search import search
from app.storage import backups, migrate, tombstones
from app.storage.store import Store

SCHEMAS = Path(__file__).resolve().parents[2] / "fixtures" / "schemas"
FIXTURES = sorted(SCHEMAS.glob("*.sqlite"))
SEARCH_TABLES = ("search_doc", "search_index")


def _maker(fixture: Path) -> ModuleType:
    script = fixture.with_name(f"make_{fixture.stem}.py")
    spec = importlib.util.spec_from_file_location(f"make_{fixture.stem}", script)
    assert spec is not None and spec.loader is not None, f"{script} is missing"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


def _install(fixture: Path, data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    database = data_dir / "plan-oswiaty.sqlite"
    shutil.copyfile(fixture, database)
    return database


def _as_stored(value: Any) -> Any:
    """An ORM value the way SQLite holds it, to compare with a fixture's raw row."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        return json.dumps(value)
    return value


def _user_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the search index's (whose pages are SQLite's business)."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'"
            )
        ]
        rows = {
            name: sorted(connection.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
            for name in tables
        }
        rows["search_doc"] = connection.execute(
            "SELECT record_id, record_type, municipality_id, body FROM search_doc ORDER BY 1"
        ).fetchall()
        return rows
    finally:
        connection.close()


def _schema(path: Path) -> dict[str, Any]:
    """Tables with their columns, indexes and foreign keys (not the text of their SQL)."""
    connection = sqlite3.connect(path)
    try:
        shape: dict[str, Any] = {}
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for name in names:
            indexes = connection.execute(f"PRAGMA index_list('{name}')").fetchall()
            shape[name] = {
                "columns": connection.execute(f"PRAGMA table_info('{name}')").fetchall(),
                "foreign_keys": sorted(
                    connection.execute(f"PRAGMA foreign_key_list('{name}')").fetchall()
                ),
                "indexes": sorted(
                    (
                        index[1],
                        index[2],
                        tuple(
                            column[2]
                            for column in connection.execute(f"PRAGMA index_info('{index[1]}')")
                        ),
                    )
                    for index in indexes
                ),
            }
        shape["triggers"] = sorted(
            " ".join(row[0].split())
            for row in connection.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
        )
        return shape
    finally:
        connection.close()


# -- the fixtures themselves ---------------------------------------------------


def test_there_is_a_fixture_for_the_first_schema() -> None:
    assert [fixture.stem for fixture in FIXTURES][:1] == ["0001"]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_fixture_is_stamped_with_a_known_revision(fixture: Path) -> None:
    assert _revision(fixture) == fixture.stem
    assert fixture.stem in migrate.known_revisions()


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_fixture_is_what_its_script_makes(fixture: Path, tmp_path: Path) -> None:
    remade = tmp_path / fixture.name
    _maker(fixture).make(remade)
    assert _user_rows(remade) == _user_rows(fixture)


# -- opening an old file ------------------------------------------------------


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_old_database_opens_with_every_row_intact(fixture: Path, data_dir: Path) -> None:
    maker = _maker(fixture)
    _install(fixture, data_dir)

    with Store.open(data_dir) as store:
        made = backups.list_backups(store.paths.backups)
        before = [info for info in made if info.reason == "before-migration"]
        if fixture.stem == migrate.head_revision():
            assert before == []
        else:
            assert len(before) == 1
            assert _revision(before[0].path) == fixture.stem
        with store.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()

        with store.session() as session:
            for table, row in maker.ROWS:
                cls = RECORD_TYPES.get(table)
                if cls is None:
                    continue
                record = session.get(cls, row["id"], execution_options={"include_deleted": True})
                assert record is not None, f"{table} {row['id']} is gone"
                # A tombstone from before keeps its id, links and times, and no content.
                blanks = tombstones.BLANKS[cls] if record.deleted_at is not None else {}
                for name, value in row.items():
                    expected = _as_stored(blanks[name]) if name in blanks else value
                    assert _as_stored(getattr(record, name)) == expected, f"{table}.{name}"
            action = session.get(Action, maker.ACTION)
            assert action is not None
            assert {school.id for school in action.schools} == {maker.SCHOOL, maker.PRESCHOOL}
            assert action.responsible is not None
            assert action.responsible.name == "Grażyna Wiśniewska"
        assert store.installation_id == maker.INSTALLATION

        # The services see the live records and not the tombstone.
        assert records.get(store, MonitoringNote, maker.NOTE).visit_id == maker.VISIT
        with pytest.raises(UserError):
            records.get(store, MonitoringNote, maker.DELETED_NOTE)
        team = records.children(store, TeamMember, municipality_id=maker.MUNICIPALITY)
        assert [member.id for member in team] == [maker.MEMBER, maker.ADVISOR]

        # Search finds old text, case and Polish letters folded.
        for words, record_id in (
            ("gzegzolka", maker.NOTE),
            ("ZIELONA łaka", maker.MUNICIPALITY),
            ("zdzblo", maker.SCHOOL),
            ("gęśla JAŹŃ", maker.PLAN),
            ("rad pedagogicznych TIK", maker.ITEM),
            ("wlaczyc przedszkole", maker.RECOMMENDATION),
        ):
            found = [result.record_id for result in search(store, words)]
            assert record_id in found, words
        assert search(store, "usunięta") == []  # the tombstoned note stays hidden


def test_migrated_schema_is_the_schema_of_a_new_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    Store.open(fresh).close()
    for fixture in FIXTURES:
        folder = tmp_path / fixture.stem
        database = _install(fixture, folder)
        Store.open(folder).close()
        assert _schema(database) == _schema(fresh / "plan-oswiaty.sqlite"), fixture.stem


def test_models_match_the_migrations(store: Store) -> None:
    """Nobody changes a model without a migration (autogenerate finds nothing to do)."""
    assert _differences(store, Base.metadata) == []


def test_the_model_check_notices_a_missing_migration(store: Store) -> None:
    changed = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["goal"].append_column(Column("weight", String(20), nullable=True))
    differences = _differences(store, changed)
    assert [(diff[0], diff[3].name) for diff in differences] == [("add_column", "weight")]


def _differences(store: Store, metadata: MetaData) -> list[Any]:
    def include_name(name: str | None, type_: str, _parents: Any) -> bool:
        # The full-text index is plain SQL in the migrations, not a model.
        return not (type_ == "table" and name is not None and name.startswith(SEARCH_TABLES))

    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name}
        )
        return list(compare_metadata(context, metadata))


# -- a file from a newer version ----------------------------------------------


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_newer_database_is_refused_and_left_byte_for_byte(data_dir: Path, journal: str) -> None:
    Store.open(data_dir).close()
    database = data_dir / "plan-oswiaty.sqlite"
    connection = sqlite3.connect(database)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.execute(f"PRAGMA journal_mode = {journal}")
    connection.close()
    before = _sha256(database)
    backups_before = sorted(p.name for p in (data_dir / "backups").glob("*"))

    with pytest.raises(UserError, match="nowszą wersję") as raised:
        Store.open(data_dir)

    assert "bez zmian" in raised.value.message
    assert _sha256(database) == before
    assert sorted(p.name for p in (data_dir / "backups").glob("*")) == backups_before
    assert not database.with_name(database.name + "-wal").exists()
    with pytest.raises(UserError, match="nowszą wersję"):
        Store.open(data_dir, readonly=True)
    assert _sha256(database) == before


# -- migrations yet to be written ----------------------------------------------


@pytest.fixture
def next_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the migrations to add the next revision to (write the returned file)."""
    copy = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS", copy)
    return copy / "versions" / f"{NEXT}_next.py"


NEXT = f"{int(migrate.head_revision()) + 1:04d}"

HEADER = f'''
from alembic import op
import sqlalchemy as sa

revision = "{NEXT}"
down_revision = "{migrate.head_revision()}"
branch_labels = None
depends_on = None


def downgrade() -> None:
    pass

'''


def test_a_table_rebuild_keeps_the_rows_that_depend_on_it(
    next_migration: Path, data_dir: Path
) -> None:
    """Rebuilding ``municipality`` drops the old table; with foreign keys on, that drop
    would cascade-delete everything the municipality owns."""
    next_migration.write_text(
        HEADER
        + """
def upgrade() -> None:
    with op.batch_alter_table("municipality", recreate="always") as batch:
        batch.add_column(sa.Column("motto", sa.String(200), nullable=True))
""",
        encoding="utf-8",
    )
    fixture = SCHEMAS / "0001.sqlite"
    maker = _maker(fixture)
    database = _install(fixture, data_dir)

    with Store.open(data_dir) as store:
        # The migration switched foreign keys off on its connection, and back on.
        with store.engine.connect() as first, store.engine.connect() as second:
            for connection in (first, second):
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert records.get(store, MonitoringNote, maker.NOTE).text.startswith("Gżegżółka")
        with store.session() as session:
            for table, row in maker.ROWS:
                cls = RECORD_TYPES.get(table)
                if cls is not None:
                    found = session.get(cls, row["id"], execution_options={"include_deleted": True})
                    assert found is not None, f"{table} {row['id']} was lost"
            assert len(session.execute(select(Action.id)).all()) == 1
        assert [search_hit.record_id for search_hit in search(store, "gzegzolka")] == [maker.NOTE]
    assert _revision(database) == NEXT
    assert _user_rows(database)["action_school"] == _user_rows(fixture)["action_school"]
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def test_a_failed_migration_changes_nothing(next_migration: Path, data_dir: Path) -> None:
    next_migration.write_text(
        HEADER
        + """
def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.add_column("goal", sa.Column("weight", sa.Integer, nullable=True))
    op.execute("INSERT INTO half_done (id) SELECT position FROM no_such_table")
""",
        encoding="utf-8",
    )
    fixture = SCHEMAS / "0001.sqlite"
    database = _install(fixture, data_dir)
    rows = _user_rows(fixture)

    with pytest.raises(UserError, match="Błąd bazy danych"):
        Store.open(data_dir)

    assert _revision(database) == "0001"
    assert _user_rows(database) == rows
    assert _schema(database) == _schema(fixture)
    before = backups.list_backups(data_dir / "backups")
    assert [info.reason for info in before].count("before-migration") == 1

    next_migration.unlink()  # the next version, with the migration fixed, opens it
    with Store.open(data_dir) as store:
        assert store.installation_id == _maker(fixture).INSTALLATION


def test_a_migration_that_orphans_rows_is_rolled_back(next_migration: Path, data_dir: Path) -> None:
    """Foreign keys are off while migrating, so they are checked before the commit."""
    next_migration.write_text(
        HEADER
        + """
def upgrade() -> None:
    op.execute("DELETE FROM strategic_plan")
""",
        encoding="utf-8",
    )
    fixture = SCHEMAS / "0001.sqlite"
    database = _install(fixture, data_dir)

    with pytest.raises(UserError, match="naruszone powiązania w tabeli") as raised:
        Store.open(data_dir)

    assert "plik pozostał bez zmian" in raised.value.message
    assert _revision(database) == "0001"
    assert _user_rows(database) == _user_rows(fixture)


def test_revisions_read_from_file_names_agree_with_alembic() -> None:
    """The start-up path reads revisions from file names to avoid importing Alembic."""
    from app.storage import migrate

    scripts = migrate._scripts(str(migrate.MIGRATIONS))
    assert migrate.known_revisions() == {rev.revision for rev in scripts.walk_revisions()}
    assert migrate.head_revision() == scripts.get_current_head()
    # Linear history: every revision but the first follows the one before it.
    ordered = sorted(migrate.known_revisions())
    for before, after in itertools.pairwise(ordered):
        assert scripts.get_revision(after).down_revision == before
