"""Three laptops, random edits and exchanges in any order: they always end up the same.

Hypothesis draws a sequence of steps — edits of the same records on several
laptops (text, deletion against edit, reordering), crossing exchanges (both
export before either imports) and one-way ones, each import resolving its
conflicts all "mine" or all "theirs" — then everyone exchanges with everyone.
Afterwards every laptop holds the same content, and an import between any two
says "nothing to change" without claiming a match that is not there.

The default run tries a few examples; ``scripts/convergence_run.py`` runs
thousands (``PLAN_OSWIATY_CONVERGENCE_EXAMPLES``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from itertools import permutations
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.errors import UserError
from app.exchange import codec, export, reader
from app.exchange.merge import Choice, apply_import
from app.exchange.plan import plan_import, snapshot
from app.model import Action, Goal, MonitoringNote, Objective
from app.paths import DATABASE_NAME
from app.services import records
from app.storage import engine as engine_module
from app.storage.store import Store

from .conftest import build_municipality

EXAMPLES = int(os.environ.get("PLAN_OSWIATY_CONVERGENCE_EXAMPLES", "4"))
LAPTOPS = 3
WORDS = ("alfa", "beta", "gamma")

_edit = st.tuples(
    st.just("edit"),
    st.integers(0, LAPTOPS - 1),
    st.sampled_from(("goal", "note", "action", "other_action")),
    st.sampled_from(WORDS),
)
_delete = st.tuples(
    st.just("delete"),
    st.integers(0, LAPTOPS - 1),
    st.sampled_from(("note", "other_action", "objective")),
    st.just(""),
)
_move = st.tuples(
    st.just("move"),
    st.integers(0, LAPTOPS - 1),
    st.sampled_from(("action", "other_action")),
    st.sampled_from(("0", "1")),
)
_add = st.tuples(
    st.just("add"),
    st.integers(0, LAPTOPS - 1),
    st.just("objective"),
    st.sampled_from(WORDS),
)
_send = st.tuples(
    st.sampled_from(("send", "cross")),
    st.integers(0, LAPTOPS - 1),
    st.integers(0, LAPTOPS - 1),
    st.sampled_from(("mine", "theirs")),
)
STEPS = st.lists(st.one_of(_edit, _delete, _move, _add, _send), min_size=1, max_size=12)
FINAL_CHOICES = st.lists(st.sampled_from(("mine", "theirs")), min_size=1, max_size=2)

CLASSES: dict[str, type[Any]] = {
    "goal": Goal,
    "note": MonitoringNote,
    "action": Action,
    "other_action": Action,
    "objective": Objective,
}
FIELD = {"goal": "title", "note": "text", "action": "title", "other_action": "title"}


class Lab:
    """Three laptops that met once (the first sent the municipality to the others)."""

    def __init__(self, root: Path, base: Path, ids: dict[str, str]) -> None:
        self.root = root
        self.ids = ids
        self.stores: list[Store] = []
        self.sent = 0
        for index in range(LAPTOPS):
            folder = root / f"laptop{index}"
            folder.mkdir(parents=True)
            for name in (DATABASE_NAME, DATABASE_NAME + "-wal"):
                source = base / f"laptop{index}" / name
                if source.exists():
                    shutil.copyfile(source, folder / name)
            self.stores.append(Store.open(folder, backup_on_open=False))

    def close(self) -> None:
        for store in self.stores:
            store.close()

    @property
    def municipality_id(self) -> str:
        return self.ids["municipality"]

    def pack(self, index: int) -> Path:
        self.sent += 1
        target = self.root / f"file{self.sent}"
        return export.export_package(self.stores[index], self.municipality_id, target).path

    def deliver(self, path: Path, index: int, choice: str) -> None:
        try:
            apply_import(self.stores[index], reader.read_package(path), default=Choice(choice))
        except UserError as error:
            # The only refusal allowed: keeping an edit under a record deleted everywhere.
            assert "Nie można zachować" in error.message, error.message

    def step(self, step: tuple[str, int, Any, str]) -> None:
        kind, first, second, extra = step
        if kind == "send":
            if first != second:
                self.deliver(self.pack(first), second, extra)
        elif kind == "cross":
            if first != second:
                one, two = self.pack(first), self.pack(second)
                self.deliver(two, first, extra)
                self.deliver(one, second, extra)
        else:
            self.edit(kind, self.stores[first], second, extra)

    def edit(self, kind: str, store: Store, what: str, value: str) -> None:
        cls, record_id = CLASSES[what], self.ids[what]
        try:
            if kind == "edit":
                records.update(store, cls, record_id, **{FIELD[what]: f"{value} {what}"})
            elif kind == "delete":
                records.delete(store, cls, record_id)
            elif kind == "add":
                records.create(store, Action, record_id, title=f"nowe {value}")
            else:
                records.move(store, cls, record_id, int(value))
        except UserError:
            pass  # deleted here already: nothing to edit

    def content(self, index: int) -> dict[str, Any]:
        """What each record says (stamps aside: they are when, not what)."""
        found = snapshot(self.stores[index], self.municipality_id)
        return {record_id: codec.content_hash(wire) for record_id, (_t, wire) in found.items()}


@pytest.fixture(autouse=True)
def _no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Durability is not what this test is about: SQLite without fsync (the wait for the
    disk was most of the time). The long run (``--fast``) also skips the backups."""
    original = engine_module._set_pragmas

    def pragmas(connection: sqlite3.Connection, record: Any) -> None:
        original(connection, record)
        connection.execute("PRAGMA synchronous = OFF")

    monkeypatch.setattr(engine_module, "_set_pragmas", pragmas)
    monkeypatch.setattr(os, "fsync", lambda _fd: None)
    if os.environ.get("PLAN_OSWIATY_CONVERGENCE_FAST"):
        monkeypatch.setattr(Store, "backup", lambda _self, reason="manual", **_kw: Path(reason))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("three")
    with Store.open(root / "laptop0", backup_on_open=False) as first:
        ids = build_municipality(first)
        path = export.export_package(first, ids["municipality"], root / "first").path
        for index in range(1, LAPTOPS):
            with Store.open(root / f"laptop{index}", backup_on_open=False) as other:
                apply_import(other, reader.read_package(path))
    return root, ids


@pytest.fixture
def lab_factory(tmp_path: Path, base: tuple[Path, dict[str, str]]) -> Iterator[Any]:
    opened: list[Lab] = []
    count = [0]

    def make() -> Lab:
        count[0] += 1
        lab = Lab(tmp_path / f"run{count[0]}", base[0], base[1])
        opened.append(lab)
        return lab

    yield make
    for lab in opened:
        lab.close()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    # No shrinking: each example is seconds of real imports; the failure message lists the steps.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS, final=FINAL_CHOICES)
def test_any_exchanges_converge(lab_factory: Any, steps: list[Any], final: list[str]) -> None:
    lab = lab_factory()
    try:
        for step in steps:
            lab.step(step)
        for choice in final:  # everyone with everyone, as often as there are choices
            for one, two in permutations(range(LAPTOPS), 2):
                lab.deliver(lab.pack(one), two, choice)
        for one, two in permutations(range(LAPTOPS), 2):
            lab.deliver(lab.pack(one), two, "theirs")
        contents = [lab.content(index) for index in range(LAPTOPS)]
        assert contents[0] == contents[1] == contents[2], steps
        for store in lab.stores:
            with store.session() as session:
                live = list(session.execute(select(Action.objective_id, Action.position)).all())
            assert len(set(live)) == len(live), steps  # no two siblings share a place
        for one, two in permutations(range(LAPTOPS), 2):
            plan = plan_import(lab.stores[two], reader.read_package(lab.pack(one)))
            assert plan.items == [] and plan.newer_here == 0, steps
    finally:
        lab.close()
