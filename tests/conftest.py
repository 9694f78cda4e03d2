"""Shared fixtures: every test gets its own data folder and a fresh store.

A fresh store is a copy of a template built once per session (migrating an
empty file, and loading the demo, cost about a second each): the template is
closed and checkpointed, so its one file is the whole store, and each copy gets
its own installation id when it is opened.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from app.storage.store import Store

# Qt (only in tests/ui) must never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class StoreTemplates:
    """Closed store files made once a session: ``empty`` (migrated) and ``demo``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._made: dict[str, Path] = {}

    def database(self, kind: str) -> Path:
        if kind not in self._made:
            self._made[kind] = self._make(kind)
        return self._made[kind]

    def copy_into(self, kind: str, data_dir: Path) -> None:
        from app.paths import DATABASE_NAME

        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(self.database(kind), data_dir / DATABASE_NAME)

    def _make(self, kind: str) -> Path:
        from app.demo import load_demo
        from app.model import Setting
        from app.storage.store import Store

        with Store.open(self.folder / kind) as store:
            if kind == "demo":
                load_demo(store)
            with store.session() as session:
                session.delete(session.get(Setting, "installation_id"))
            database = store.paths.database
        with sqlite3.connect(database) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        assert not database.with_name(database.name + "-wal").exists()
        return database


@pytest.fixture(scope="session")
def store_templates(tmp_path_factory: pytest.TempPathFactory) -> StoreTemplates:
    return StoreTemplates(tmp_path_factory.mktemp("store-templates"))


@pytest.fixture
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at 2^10 instead of 2^17: the same code, a thousandth of the wait."""
    from app.exchange import crypto

    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)
    monkeypatch.setattr(crypto, "MIN_N", 2**10)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test may touch the real per-user data folder."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("PLAN_OSWIATY_DATA_DIR", str(data_dir))
    return data_dir


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    return _isolated_data_dir


@pytest.fixture
def store(
    data_dir: Path, store_templates: StoreTemplates, request: pytest.FixtureRequest
) -> Iterator[Store]:
    """A fresh store; with ``demo_store`` in the test's fixtures, one that holds the demo."""
    from app.storage.store import Store

    store_templates.copy_into("demo" if wants_demo(request) else "empty", data_dir)
    opened = Store.open(data_dir, backup_on_open=False)
    try:
        yield opened
    finally:
        opened.close()


def wants_demo(request: pytest.FixtureRequest) -> bool:
    """Whether the test asked for the demo (its store then starts as a copy of the demo's)."""
    return "demo_store" in request.fixturenames


@pytest.fixture
def demo_store(store: Store) -> Store:
    """The store with the demo municipality (already there when copied from the template)."""
    from app.demo import load_demo

    load_demo(store)
    return store
