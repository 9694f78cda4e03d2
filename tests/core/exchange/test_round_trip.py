"""Export then import into an empty installation gives the very same records."""

from __future__ import annotations

import contextlib
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import UserError
from app.exchange import export, reader
from app.exchange.merge import apply_import
from app.exchange.plan import snapshot
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
from app.services import plans, records
from app.storage.store import Store
from app.textnorm import fold


def test_the_demo_municipality_survives_the_round_trip(demo_store: Store, open_laptop) -> None:
    m = next(iter(snapshot_ids(demo_store)))
    path = export.export_package(demo_store, m, demo_store.paths.root / "demo").path
    other = open_laptop("other")
    result = apply_import(other, reader.read_package(path))
    assert result.added == len(snapshot(demo_store, m))
    assert snapshot(other, m) == snapshot(demo_store, m)
    # The search index came along: Polish letters folded.
    from app.services.search import search

    assert search(other, "zielonki") != []


def snapshot_ids(store: Store) -> list[str]:
    from app.services.municipalities import all_municipalities

    return [m.id for m in all_municipalities(store)]


# -- generated municipalities ----------------------------------------------------------

POLISH = "aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄCĆEĘŁŃÓSŚZŹŻ0123456789 -.,„”!?"
words = st.text(alphabet=POLISH, min_size=1, max_size=30).filter(lambda t: t.strip() != "")
long_text = st.text(alphabet=POLISH + "\n", min_size=1, max_size=300).filter(
    lambda t: t.strip() != ""
)
days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))
amounts = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def municipalities(draw: st.DrawFn) -> dict[str, Any]:
    """A recipe: how many of each record, their texts and numbers, and what to delete."""
    return {
        "name": draw(words),
        "members": draw(st.lists(words, max_size=4)),
        "schools": draw(st.lists(words, max_size=4)),
        "goals": draw(
            st.lists(
                st.lists(st.lists(words, max_size=3), max_size=3),  # objectives → actions
                max_size=3,
            )
        ),
        "budget": draw(st.none() | st.integers(min_value=0, max_value=10**9)),
        "measurements": draw(st.lists(st.tuples(days, amounts), max_size=5)),
        "items": draw(st.lists(st.tuples(words, days), max_size=4)),
        "visits": draw(
            st.lists(st.tuples(days, words, st.lists(long_text, max_size=3)), max_size=3)
        ),
        "notes": draw(st.lists(st.tuples(days, long_text, st.booleans()), max_size=6)),
        "risks": draw(st.lists(st.tuples(words, st.integers(1, 5), st.integers(1, 5)), max_size=3)),
        "delete": draw(st.lists(st.integers(min_value=0, max_value=10_000), max_size=4)),
        "competences": draw(st.lists(st.sampled_from(["digital", "stem", "literacy"]), max_size=3)),
    }


def build(store: Store, recipe: dict[str, Any]) -> str:
    m = records.create(store, Municipality, name=recipe["name"], kind="urban")
    made: list[tuple[type, str]] = []
    members = [records.create(store, TeamMember, m.id, name=n).id for n in recipe["members"]]
    schools = [
        records.create(store, School, m.id, name=n, school_type="przedszkole").id
        for n in recipe["schools"]
    ]
    plan = records.create(store, StrategicPlan, m.id, title="Plan", year_from=2025, year_to=2030)
    actions = []
    for g, objectives in enumerate(recipe["goals"]):
        goal = records.create(store, Goal, plan.id, title=f"Cel {g}", code=f"{g + 1}")
        made.append((Goal, goal.id))
        for o, titles in enumerate(objectives):
            objective = records.create(store, Objective, goal.id, title=f"Cel {g}.{o}")
            for title in titles:
                action = records.create(
                    store,
                    Action,
                    objective.id,
                    title=title,
                    responsible_id=members[0] if members else None,
                    budget_cents=recipe["budget"],
                    key_competences=recipe["competences"],
                )
                plans.set_action_schools(store, action.id, schools[:2])
                actions.append(action.id)
                made.append((Action, action.id))
    indicator = records.create(
        store,
        Indicator,
        m.id,
        name="Wskaźnik",
        plan_id=plan.id,
        action_id=actions[0] if actions else None,
    )
    for day, value in recipe["measurements"]:
        made.append(
            (
                Measurement,
                records.create(store, Measurement, indicator.id, measured_on=day, value=value).id,
            )
        )
    schedule = records.create(
        store,
        DevelopmentSchedule,
        m.id,
        title="HDR",
        custom_area="Obszar własny",
        period_start=date(2025, 1, 1),
        period_end=date(2026, 1, 1),
        plan_id=plan.id,
    )
    priority = records.create(store, SchedulePriority, schedule.id, title="Priorytet")
    for action_text, day in recipe["items"]:
        records.create(
            store,
            ScheduleItem,
            schedule.id,
            action=action_text,
            start_month=day,
            end_month=day,
            priority_id=priority.id,
        )
    visits = []
    for day, advisor, recommendations in recipe["visits"]:
        visit = records.create(store, AdvisoryVisit, m.id, visit_date=day, advisor=advisor)
        visits.append(visit.id)
        made.append((AdvisoryVisit, visit.id))
        for text in recommendations:
            records.create(store, Recommendation, visit.id, text=text)
    notes = []
    for day, text, linked in recipe["notes"]:
        note = records.create(
            store,
            MonitoringNote,
            m.id,
            noted_on=day,
            kind="progress",
            text=text,
            visit_id=visits[0] if linked and visits else None,
            link_type="strategic_plan" if linked else None,
            link_id=plan.id if linked else None,
        )
        notes.append(note.id)
        made.append((MonitoringNote, note.id))
    for title, probability, impact in recipe["risks"]:
        records.create(
            store,
            Risk,
            m.id,
            title=title,
            probability=probability,
            impact=impact,
            source_note_id=notes[0] if notes else None,
        )
    for pick in recipe["delete"]:
        if made:
            cls, record_id = made[pick % len(made)]
            with contextlib.suppress(UserError):  # deleted already, with its owner
                records.delete(store, cls, record_id)
    return m.id


def test_generated_municipalities_survive_the_round_trip() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        with (
            Store.open(root / "a", backup_on_open=False) as source,
            Store.open(root / "b", backup_on_open=False) as target,
        ):

            @settings(
                max_examples=25,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
            )
            @given(recipe=municipalities(), passphrase=st.none() | words)
            def round_trip(recipe: dict[str, Any], passphrase: str | None) -> None:
                m = build(source, recipe)
                path = export.export_package(
                    source, m, root / f"{fold(recipe['name'])[:10]}x", passphrase=passphrase
                ).path
                apply_import(target, reader.read_package(path, passphrase))
                assert snapshot(target, m) == snapshot(source, m)
                # And back again: nothing to do, on either side.
                back = export.export_package(target, m, root / "back").path
                assert apply_import(source, reader.read_package(back)).nothing_changed

            round_trip()
