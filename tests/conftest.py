"""Shared fixtures: every test gets its own data folder and a fresh store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from app.storage.store import Store

# Qt (only in tests/ui) must never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
def store(data_dir: Path) -> Iterator[Store]:
    from app.storage.store import Store

    opened = Store.open(data_dir)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def demo_store(store: Store) -> Store:
    from app.demo import load_demo

    load_demo(store)
    return store
