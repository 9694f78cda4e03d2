"""Fixtures for the service tests: a small municipality tree and a snapshot of the file.

Opening a new store migrates an empty file, and every commit is synced to disk, so
building the same records for each test would dominate the run. Instead the files
are built once per session (empty; one municipality; two) and each test gets its
own copy, opened through the ordinary :meth:`Store.open`.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.errors import UserError
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
    Record,
    Risk,
    ScheduleItem,
    SchedulePriority,
    School,
    StrategicPlan,
    TeamMember,
)
from app.paths import DATABASE_NAME
from app.services import records
from app.storage.store import Store
from tests.conftest import StoreTemplates, wants_demo

# Every table a user's data lives in, plus the search index and the school links.
TABLES = (
    "municipality",
    "team_member",
    "school",
    "school_support",
    "strategic_plan",
    "goal",
    "objective",
    "action",
    "action_school",
    "development_schedule",
    "schedule_priority",
    "schedule_item",
    "indicator",
    "measurement",
    "advisory_visit",
    "monitoring_note",
    "risk",
    "recommendation",
    "school_year_stats",
    "exam_result",
    "education_finance",
    "supervision_finding",
    "indicator_binding",
    "search_doc",
)

Snapshot = dict[str, list[tuple[Any, ...]]]


def take_snapshot(store: Store) -> Snapshot:
    """Every row of every user table, deleted ones included, in a stable order."""
    with store.session() as session:
        return {
            table: sorted(
                (tuple(row) for row in session.execute(text(f"SELECT * FROM {table}"))),
                key=repr,
            )
            for table in TABLES
        }


@dataclass
class Tree:
    """One municipality with one record of every kind, linked the usual way."""

    municipality: Municipality
    member: TeamMember
    school: School
    plan: StrategicPlan
    goal: Goal
    objective: Objective
    action: Action
    schedule: DevelopmentSchedule
    priority: SchedulePriority
    item: ScheduleItem
    indicator: Indicator
    measurement: Measurement
    visit: AdvisoryVisit
    recommendation: Recommendation
    note: MonitoringNote
    risk: Risk


def build_tree(store: Store, name: str, teryt: str = "3021052") -> Tree:
    m = records.create(store, Municipality, name=name, kind="rural", teryt=teryt)
    member = records.create(store, TeamMember, m.id, name=f"Anna Nowak ({name})", role="skarbnik")
    school = records.create(
        store, School, m.id, name=f"Szkoła Podstawowa nr 1 ({name})", school_type="liceum"
    )
    plan = records.create(
        store,
        StrategicPlan,
        m.id,
        title=f"Plan rozwoju oświaty {name}",
        year_from=2024,
        year_to=2028,
    )
    goal = records.create(store, Goal, plan.id, title="Cel strategiczny 1")
    objective = records.create(store, Objective, goal.id, title="Cel operacyjny 1.1")
    action = records.create(
        store, Action, objective.id, title="Szkolenia nauczycieli", responsible_id=member.id
    )
    schedule = records.create(
        store,
        DevelopmentSchedule,
        m.id,
        title="HDR",
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
    )
    indicator = records.create(
        store,
        Indicator,
        m.id,
        name="Liczba przeszkolonych nauczycieli",
        plan_id=plan.id,
        action_id=action.id,
        baseline_value=0,
        target_value=100,
        baseline_date=date(2024, 1, 1),
        target_date=date(2028, 1, 1),
    )
    measurement = records.create(
        store, Measurement, indicator.id, measured_on=date(2025, 1, 1), value=30
    )
    visit = records.create(
        store, AdvisoryVisit, m.id, visit_date=date(2025, 2, 1), advisor="dr Jan Kowalski"
    )
    recommendation = records.create(store, Recommendation, visit.id, text="Zaktualizować plan")
    note = records.create(
        store, MonitoringNote, m.id, noted_on=date(2025, 2, 2), kind="progress", text="Postęp"
    )
    risk = records.create(store, Risk, m.id, title="Brak kadry", probability=3, impact=4)
    return Tree(
        m,
        member,
        school,
        plan,
        goal,
        objective,
        action,
        schedule,
        priority,
        item,
        indicator,
        measurement,
        visit,
        recommendation,
        note,
        risk,
    )


TREE_NAME = "Gmina Testowa"
OTHER_NAME = "Gmina Sąsiednia"


@dataclass(frozen=True)
class _Template:
    database: Path
    trees: tuple[dict[str, str], ...]  # per municipality: Tree field → record id


def _ids(built: Tree) -> dict[str, str]:
    return {f.name: getattr(built, f.name).id for f in dataclasses.fields(built)}


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> dict[int, _Template]:
    templates: dict[int, _Template] = {}
    for count in (0, 1, 2):
        root = tmp_path_factory.mktemp(f"template{count}")
        with Store.open(root, backup_on_open=False) as template:
            built = [build_tree(template, TREE_NAME)] if count >= 1 else []
            if count == 2:
                built.append(build_tree(template, OTHER_NAME, teryt="3021012"))
        templates[count] = _Template(root / DATABASE_NAME, tuple(_ids(b) for b in built))
    return templates


@pytest.fixture
def store(
    data_dir: Path,
    _templates: dict[int, _Template],
    store_templates: StoreTemplates,
    request: pytest.FixtureRequest,
) -> Iterator[Store]:
    """A fresh store of this test's own, holding the trees the test asks for."""
    wanted = 2 if "other" in request.fixturenames else 1 if "tree" in request.fixturenames else 0
    data_dir.mkdir(parents=True, exist_ok=True)
    if wanted == 0 and wants_demo(request):
        store_templates.copy_into("demo", data_dir)
    else:
        shutil.copyfile(_templates[wanted].database, data_dir / DATABASE_NAME)
    opened = Store.open(data_dir, backup_on_open=False)
    request.node.stash[_TEMPLATE_KEY] = _templates[wanted]
    try:
        yield opened
    finally:
        opened.close()


_TEMPLATE_KEY = pytest.StashKey[_Template]()


def _load_tree(store: Store, ids: dict[str, str]) -> Tree:
    types: dict[str, Any] = {f.name: f.type for f in dataclasses.fields(Tree)}
    loaded: dict[str, Record] = {}
    with store.session() as session:
        for name, record_id in ids.items():
            cls = globals()[types[name]] if isinstance(types[name], str) else types[name]
            record = session.get(cls, record_id)
            assert record is not None
            loaded[name] = record
    return Tree(**loaded)  # type: ignore[arg-type]


@pytest.fixture
def tree(store: Store, request: pytest.FixtureRequest) -> Tree:
    """The municipality "Gmina Testowa" with one record of every kind."""
    return _load_tree(store, request.node.stash[_TEMPLATE_KEY].trees[0])


@pytest.fixture
def other(store: Store, tree: Tree, request: pytest.FixtureRequest) -> Tree:
    """A second municipality: references into it must be refused."""
    return _load_tree(store, request.node.stash[_TEMPLATE_KEY].trees[1])


Rejects = Callable[..., UserError]


@pytest.fixture
def rejects(store: Store) -> Rejects:
    """``rejects(field, function, *args, **kwargs)``: raises UserError, changes nothing.

    Returns the error so a test can look at its message.
    """

    def check(field: str | None, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        before = take_snapshot(store)
        with pytest.raises(UserError) as caught:
            function(*args, **kwargs)
        error = caught.value
        assert error.field == field, error.message
        assert_polish_message(error.message)
        assert take_snapshot(store) == before, "a refused change left something behind"
        return error

    return check


def assert_polish_message(message: str) -> None:
    """A message fit for a user: a Polish sentence, no Python or SQL leaking through."""
    assert message and message[0].isupper(), message
    assert message.rstrip().endswith((".", "?", "!")), message
    for leak in ("Traceback", "Error", "None", "sqlite", "<", "{", "}"):
        assert leak not in message, message


@pytest.fixture
def polish() -> Callable[[str], None]:
    """``polish(message)`` asserts the message is fit for a user (see assert_polish_message)."""
    return assert_polish_message


@pytest.fixture
def snapshot(store: Store) -> Callable[[], Snapshot]:
    """``snapshot()``: every row of every user table, to compare before and after."""
    return lambda: take_snapshot(store)


@pytest.fixture
def make_tree(store: Store) -> Callable[..., Tree]:
    """``make_tree(name, teryt=…)``: one more municipality with one record of every kind."""
    return lambda name, teryt="3021052": build_tree(store, name, teryt)
