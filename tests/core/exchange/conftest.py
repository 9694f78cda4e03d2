"""Two laptops (an officer's and an advisor's), exchange files between them, and snapshots.

Building a municipality and migrating empty files dominates the run, so a pair
of laptops that have already met once (the officer sent the municipality, the
advisor imported it) is built once per session; each test gets copies of both.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.errors import UserError
from app.exchange import export, reader
from app.exchange.merge import Choice, ImportResult, apply_import
from app.exchange.plan import ImportPlan, plan_import, snapshot
from app.model import (
    Action,
    AdvisoryVisit,
    DevelopmentSchedule,
    Goal,
    Indicator,
    Measurement,
    MonitoringNote,
    Municipality,
    Objective,
    Recommendation,
    Risk,
    ScheduleItem,
    SchedulePriority,
    School,
    StrategicPlan,
    TeamMember,
)
from app.paths import DATABASE_NAME
from app.services import plans, records
from app.storage.store import Store


@pytest.fixture(autouse=True)
def _every_test_scrypts_quickly(quick_scrypt: None) -> None:
    """Every exchange test encrypts with the quick scrypt (see tests/conftest.py)."""


def build_municipality(store: Store, name: str = "Gmina Łąkowa") -> dict[str, str]:
    """One municipality with a record of every kind, linked the usual ways; returns ids."""
    m = records.create(store, Municipality, name=name, kind="rural", teryt="3021052")
    member = records.create(store, TeamMember, m.id, name="Grażyna Żółkiewska", role="skarbnik")
    school = records.create(
        store, School, m.id, name="Szkoła Podstawowa w Łące", school_type="szkola_podstawowa"
    )
    plan = records.create(
        store, StrategicPlan, m.id, title="Plan rozwoju oświaty", year_from=2025, year_to=2029
    )
    goal = records.create(store, Goal, plan.id, title="Cel 1: kompetencje cyfrowe")
    objective = records.create(store, Objective, goal.id, title="Cel 1.1: nauczyciele")
    action = records.create(
        store, Action, objective.id, title="Szkolenia z TIK", responsible_id=member.id
    )
    plans.set_action_schools(store, action.id, [school.id])
    other_action = records.create(store, Action, objective.id, title="Sieć współpracy")
    indicator = records.create(
        store,
        Indicator,
        m.id,
        name="Przeszkoleni nauczyciele",
        plan_id=plan.id,
        action_id=action.id,
        baseline_value=0,
        target_value=40,
    )
    measurement = records.create(
        store, Measurement, indicator.id, measured_on=date(2025, 6, 1), value=12
    )
    schedule = records.create(
        store,
        DevelopmentSchedule,
        m.id,
        title="HDR — budżet",
        area_code=4,
        period_start=date(2025, 1, 1),
        period_end=date(2026, 12, 1),
    )
    priority = records.create(store, SchedulePriority, schedule.id, title="Priorytet 1")
    item = records.create(
        store,
        ScheduleItem,
        schedule.id,
        action="Warsztaty budżetowe",
        start_month=date(2025, 3, 1),
        end_month=date(2025, 6, 1),
        priority_id=priority.id,
        plan_action_id=action.id,
    )
    visit = records.create(
        store, AdvisoryVisit, m.id, visit_date=date(2025, 2, 1), advisor="dr Jan Kowalski"
    )
    recommendation = records.create(
        store,
        Recommendation,
        visit.id,
        text="Zaktualizować diagnozę",
        link_type="action",
        link_id=action.id,
    )
    note = records.create(
        store,
        MonitoringNote,
        m.id,
        noted_on=date(2025, 2, 2),
        kind="progress",
        text="Szkolenia ruszyły",
        visit_id=visit.id,
        link_type="action",
        link_id=action.id,
    )
    risk = records.create(
        store, Risk, m.id, title="Brak kadry", probability=3, impact=4, source_note_id=note.id
    )
    return {
        "municipality": m.id,
        "member": member.id,
        "school": school.id,
        "plan": plan.id,
        "goal": goal.id,
        "objective": objective.id,
        "action": action.id,
        "other_action": other_action.id,
        "indicator": indicator.id,
        "measurement": measurement.id,
        "schedule": schedule.id,
        "priority": priority.id,
        "item": item.id,
        "visit": visit.id,
        "recommendation": recommendation.id,
        "note": note.id,
        "risk": risk.id,
    }


@dataclass(frozen=True)
class Laptops:
    officer: Store
    advisor: Store
    ids: dict[str, str]
    folder: Path

    @property
    def municipality_id(self) -> str:
        return self.ids["municipality"]


@dataclass(frozen=True)
class _Pair:
    officer: Path
    advisor: Path
    ids: dict[str, str]


@pytest.fixture(scope="session")
def _pair(tmp_path_factory: pytest.TempPathFactory) -> _Pair:
    root = tmp_path_factory.mktemp("laptops")
    with Store.open(root / "officer", backup_on_open=False) as officer:
        ids = build_municipality(officer)
        with Store.open(root / "advisor", backup_on_open=False) as advisor:
            path = export.export_package(officer, ids["municipality"], root / "first").path
            apply_import(advisor, reader.read_package(path))
    return _Pair(root / "officer", root / "advisor", ids)


def _copy(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in (DATABASE_NAME, DATABASE_NAME + "-wal"):
        if (source / name).exists():
            shutil.copyfile(source / name, target / name)


@pytest.fixture
def laptops(tmp_path: Path, _pair: _Pair) -> Iterator[Laptops]:
    """The officer's and the advisor's laptop, after the advisor imported the municipality."""
    _copy(_pair.officer, tmp_path / "officer")
    _copy(_pair.advisor, tmp_path / "advisor")
    officer = Store.open(tmp_path / "officer", backup_on_open=False)
    advisor = Store.open(tmp_path / "advisor", backup_on_open=False)
    try:
        yield Laptops(officer, advisor, dict(_pair.ids), tmp_path)
    finally:
        officer.close()
        advisor.close()


@pytest.fixture
def open_laptop(tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    """``open_laptop(name)``: a further, empty installation."""
    opened: list[Store] = []

    def make(name: str) -> Store:
        store = Store.open(tmp_path / name, backup_on_open=False)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


class Courier:
    """Carries exchange files between laptops, as a USB stick would."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sent = 0

    def pack(self, store: Store, municipality_id: str, **options: Any) -> Path:
        self.sent += 1
        target = self.folder / f"file{self.sent}"
        return export.export_package(store, municipality_id, target, **options).path

    def plan(self, path: Path, store: Store, **options: Any) -> ImportPlan:
        passphrase = options.pop("passphrase", None)
        return plan_import(store, reader.read_package(path, passphrase), **options)

    def deliver(
        self,
        path: Path,
        store: Store,
        choices: dict[str, Choice] | None = None,
        **options: Any,
    ) -> ImportResult:
        passphrase = options.pop("passphrase", None)
        return apply_import(store, reader.read_package(path, passphrase), choices, **options)

    def send(
        self, source: Store, target: Store, municipality_id: str, **options: Any
    ) -> ImportResult:
        choices = options.pop("choices", None)
        default = options.pop("default", None)
        path = self.pack(source, municipality_id)
        return self.deliver(path, target, choices, default=default, **options)


@pytest.fixture
def courier(tmp_path: Path) -> Courier:
    folder = tmp_path / "stick"
    folder.mkdir()
    return Courier(folder)


def content(store: Store, municipality_id: str) -> dict[str, Any]:
    """The municipality's records, stamps included, as they would travel."""
    return snapshot(store, municipality_id)


def file_state(folder: Path) -> dict[str, str]:
    """SHA-256 of the data file and its write-ahead log: "byte for byte"."""
    state = {}
    for name in (DATABASE_NAME, DATABASE_NAME + "-wal"):
        path = folder / name
        state[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "-"
    return state


@pytest.fixture(name="content")
def content_fixture() -> Callable[[Store, str], dict[str, Any]]:
    return content


@pytest.fixture(name="file_state")
def file_state_fixture() -> Callable[[Path], dict[str, str]]:
    return file_state


# -- bad files (test_bad_files, test_hostile_text) ---------------------------------


@pytest.fixture
def good(laptops, courier) -> bytes:
    """A good plain file of the officer's municipality."""
    return courier.pack(laptops.officer, laptops.municipality_id).read_bytes()


@pytest.fixture
def refused(laptops, file_state, tmp_path: Path) -> Callable[..., str]:
    """``refused(data, **plan_options)``: the import's message, checking nothing changed."""

    def attempt(data: bytes, passphrase: str | None = None, **options: object) -> str:
        store = laptops.advisor
        folder = laptops.folder / "advisor"
        before = file_state(folder)
        backups = (
            sorted(p.name for p in (folder / "backups").glob("*"))
            if (folder / "backups").exists()
            else []
        )
        path = tmp_path / "incoming.planoswiaty"
        path.write_bytes(data)
        with pytest.raises(UserError) as raised:
            package = reader.read_package(path, passphrase)
            plan_import(store, package, **options)  # type: ignore[arg-type]
            apply_import(store, package, **options)  # type: ignore[arg-type]
        assert file_state(folder) == before
        after = (
            sorted(p.name for p in (folder / "backups").glob("*"))
            if (folder / "backups").exists()
            else []
        )
        assert after == backups
        message = raised.value.message
        assert "Traceback" not in message and message.strip()
        return message

    return attempt
