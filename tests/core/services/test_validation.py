"""Validation through the record services: bad input is refused in Polish and changes nothing."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    Risk,
    ScheduleItem,
    SchedulePriority,
    School,
    StrategicPlan,
    TeamMember,
)
from app.services import records, validation
from app.services.fields import FIELDS, LONG
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Rejects, Tree

# -- empty, long and odd texts -------------------------------------------------


@pytest.mark.parametrize("name", ["", "   ", "\t\n ", None])
def test_empty_name_is_refused_with_polish_message(
    store: Store, rejects: Rejects, name: str | None
) -> None:
    error = rejects("name", records.create, store, Municipality, name=name, kind="rural")
    assert error.message == "Pole „Nazwa” nie może być puste."


def test_whitespace_title_on_update_is_refused(tree: Tree, store: Store, rejects: Rejects) -> None:
    error = rejects("title", records.update, store, Goal, tree.goal.id, title="  \n ")
    assert "Nazwa celu strategicznego" in error.message
    assert records.get(store, Goal, tree.goal.id).title == "Cel strategiczny 1"


def test_required_field_left_out_on_create_is_refused(tree: Tree, store: Store, rejects: Rejects):
    rejects("title", records.create, store, Goal, tree.plan.id)
    rejects(
        "year_to",
        records.create,
        store,
        StrategicPlan,
        tree.municipality.id,
        title="P",
        year_from=2024,
    )
    rejects("kind", records.create, store, Municipality, name="Gmina bez rodzaju")
    rejects(
        "text",
        records.create,
        store,
        MonitoringNote,
        tree.municipality.id,
        noted_on=date(2025, 1, 1),
        kind="risk",
    )
    rejects("probability", records.create, store, Risk, tree.municipality.id, title="R", impact=2)


def test_surrounding_whitespace_is_stripped(store: Store) -> None:
    m = records.create(store, Municipality, name="  Gmina Nowa  ", kind=" urban ")
    assert m.name == "Gmina Nowa"
    assert m.kind == "urban"


def test_line_breaks_in_a_one_line_field_become_spaces(tree: Tree, store: Store) -> None:
    goal = records.update(store, Goal, tree.goal.id, title="Lepsza\n  szkoła\r\ndla  wszystkich")
    assert goal.title == "Lepsza szkoła dla wszystkich"
    goal = records.update(store, Goal, tree.goal.id, description="akapit 1\n\nakapit 2")
    assert goal.description == "akapit 1\n\nakapit 2"


def test_two_megabyte_note_is_refused(tree: Tree, store: Store, rejects: Rejects) -> None:
    huge = "ż" * (2 * 1024 * 1024)
    error = rejects(
        "text",
        records.create,
        store,
        MonitoringNote,
        tree.municipality.id,
        noted_on=date(2025, 1, 1),
        kind="progress",
        text=huge,
    )
    assert "za długie" in error.message
    assert "Treść notatki" in error.message
    rejects("text", records.update, store, MonitoringNote, tree.note.id, text=huge)


def test_note_text_limit_is_exact(tree: Tree, store: Store, rejects: Rejects) -> None:
    note = records.update(store, MonitoringNote, tree.note.id, text="a" * LONG)
    assert len(note.text) == LONG
    rejects("text", records.update, store, MonitoringNote, tree.note.id, text="a" * (LONG + 1))


def test_too_long_titles_are_refused(tree: Tree, store: Store, rejects: Rejects) -> None:
    records.update(store, Goal, tree.goal.id, title="c" * 500)
    error = rejects("title", records.update, store, Goal, tree.goal.id, title="c" * 501)
    assert "501" in error.message and "500" in error.message
    rejects("title", records.create, store, Action, tree.objective.id, title="d" * 501)
    rejects("name", records.create, store, Municipality, name="m" * 201, kind="rural")
    rejects("code", records.update, store, Goal, tree.goal.id, code="1" * 21)


@pytest.mark.parametrize("value", [123, 4.5, True, ["a"], b"bytes"])
def test_text_field_must_be_text(tree: Tree, store: Store, rejects: Rejects, value: Any) -> None:
    rejects("title", records.update, store, Goal, tree.goal.id, title=value)


def test_nul_character_is_refused(tree: Tree, store: Store, rejects: Rejects) -> None:
    rejects("title", records.update, store, Goal, tree.goal.id, title="a\x00b")


# -- dates ---------------------------------------------------------------------


def test_action_end_before_start(tree: Tree, store: Store, rejects: Rejects) -> None:
    error = rejects(
        "end_date",
        records.update,
        store,
        Action,
        tree.action.id,
        start_date=date(2025, 5, 2),
        end_date=date(2025, 5, 1),
    )
    assert "wcześniejsza" in error.message
    records.update(
        store, Action, tree.action.id, start_date=date(2025, 5, 1), end_date=date(2025, 5, 1)
    )
    # Changing only one end against the stored other is checked too.
    rejects("end_date", records.update, store, Action, tree.action.id, start_date=date(2025, 6, 1))


def test_schedule_item_end_month_before_start(tree: Tree, store: Store, rejects: Rejects):
    rejects(
        "end_month",
        records.create,
        store,
        ScheduleItem,
        tree.schedule.id,
        action="X",
        start_month=date(2025, 5, 1),
        end_month=date(2025, 4, 30),
    )
    # Months are compared as months: days within the same month do not matter.
    item = records.create(
        store,
        ScheduleItem,
        tree.schedule.id,
        action="Y",
        start_month=date(2025, 5, 20),
        end_month=date(2025, 5, 3),
    )
    assert (item.start_month, item.end_month) == (date(2025, 5, 1), date(2025, 5, 1))


def test_hdr_period_end_before_start(tree: Tree, store: Store, rejects: Rejects) -> None:
    rejects(
        "period_end",
        records.create,
        store,
        DevelopmentSchedule,
        tree.municipality.id,
        title="HDR",
        area_code=2,
        period_start=date(2026, 1, 1),
        period_end=date(2025, 12, 1),
    )
    rejects(
        "period_end",
        records.update,
        store,
        DevelopmentSchedule,
        tree.schedule.id,
        period_end=date(2024, 12, 1),
    )


def test_indicator_target_date_before_baseline(tree: Tree, store: Store, rejects: Rejects):
    rejects(
        "target_date",
        records.update,
        store,
        Indicator,
        tree.indicator.id,
        target_date=date(2023, 12, 31),
    )
    rejects(
        "target_date",
        records.create,
        store,
        Indicator,
        tree.municipality.id,
        name="W",
        baseline_date=date(2025, 1, 2),
        target_date=date(2025, 1, 1),
    )


def test_indicator_target_equal_to_baseline(tree: Tree, store: Store, rejects: Rejects) -> None:
    rejects("target_value", records.update, store, Indicator, tree.indicator.id, target_value=0)


@pytest.mark.parametrize(
    "value", ["2025-13-40", "2025-02-30", "2025-00-10", "jutro", "31.12.2025", "2025/01/01"]
)
def test_bad_date_strings(tree: Tree, store: Store, rejects: Rejects, value: str) -> None:
    error = rejects(
        "measured_on",
        records.create,
        store,
        Measurement,
        tree.indicator.id,
        measured_on=value,
        value=1.0,
    )
    assert "RRRR-MM-DD" in error.message


def test_iso_date_string_and_datetime_are_accepted(tree: Tree, store: Store) -> None:
    m = records.create(store, Measurement, tree.indicator.id, measured_on="2025-03-01", value=1)
    assert m.measured_on == date(2025, 3, 1)
    m = records.create(
        store, Measurement, tree.indicator.id, measured_on=datetime(2025, 4, 2, 23, 59), value=1
    )
    assert m.measured_on == date(2025, 4, 2)
    assert isinstance(m.value, float)


@pytest.mark.parametrize("value", [date(1989, 12, 31), date(2101, 1, 1), 20250101, 1.5, True])
def test_dates_outside_range_or_of_wrong_type(
    tree: Tree, store: Store, rejects: Rejects, value: Any
) -> None:
    rejects(
        "measured_on",
        records.create,
        store,
        Measurement,
        tree.indicator.id,
        measured_on=value,
        value=1.0,
    )


def test_date_range_boundaries_are_accepted(tree: Tree, store: Store) -> None:
    for day in (date(1990, 1, 1), date(2100, 12, 31)):
        assert records.create(store, Measurement, tree.indicator.id, measured_on=day, value=1)


# -- numbers -------------------------------------------------------------------


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, True, False, "12", None])
def test_measurement_value_must_be_a_finite_number(
    tree: Tree, store: Store, rejects: Rejects, value: Any
) -> None:
    rejects(
        "value",
        records.create,
        store,
        Measurement,
        tree.indicator.id,
        measured_on=date(2025, 1, 1),
        value=value,
    )


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [
        ("population", -1, "mniejsze niż 0"),
        ("population", 10_000_001, "większe niż 10000000"),
        ("population", 2.5, "całkowitą"),
        ("population", 10**400, "większe"),
        ("population", -(10**400), "mniejsze"),
        ("population", True, "liczbą"),
        ("population", math.nan, "liczbą"),
        ("population", math.inf, "liczbą"),
        ("population", "1000", "liczbą"),
    ],
)
def test_bad_integers(store: Store, rejects: Rejects, field: str, value: Any, needle: str) -> None:
    error = rejects(
        field, records.create, store, Municipality, name="G", kind="rural", **{field: value}
    )
    assert needle in error.message


def test_whole_float_for_integer_field_is_stored_as_int(store: Store) -> None:
    m = records.create(store, Municipality, name="G", kind="rural", population=23000.0)
    assert m.population == 23000 and isinstance(m.population, int)


def test_huge_measurement_value_is_refused(tree: Tree, store: Store, rejects: Rejects) -> None:
    for value in (1e13, -1e13, 10**400):
        rejects(
            "value",
            records.create,
            store,
            Measurement,
            tree.indicator.id,
            measured_on=date(2025, 1, 1),
            value=value,
        )
    assert records.create(
        store, Measurement, tree.indicator.id, measured_on=date(2025, 1, 1), value=-5.5
    )


@pytest.mark.parametrize("value", [0, 6, -1, 2.5])
def test_risk_scale_is_one_to_five(tree: Tree, store: Store, rejects: Rejects, value: Any) -> None:
    rejects("probability", records.update, store, Risk, tree.risk.id, probability=value)
    rejects("impact", records.update, store, Risk, tree.risk.id, impact=value)


def test_risk_scale_boundaries(tree: Tree, store: Store) -> None:
    risk = records.update(store, Risk, tree.risk.id, probability=1, impact=5)
    assert risk.score == 5


def test_negative_budget_is_refused(tree: Tree, store: Store, rejects: Rejects) -> None:
    rejects("budget_cents", records.update, store, Action, tree.action.id, budget_cents=-1)
    rejects(
        "resources_budget_cents",
        records.update,
        store,
        ScheduleItem,
        tree.item.id,
        resources_budget_cents=-100,
    )


def test_plan_years(tree: Tree, store: Store, rejects: Rejects) -> None:
    rejects("year_to", records.update, store, StrategicPlan, tree.plan.id, year_to=2023)
    rejects("year_to", records.update, store, StrategicPlan, tree.plan.id, year_to=2045)
    rejects("year_from", records.update, store, StrategicPlan, tree.plan.id, year_from=1999)
    plan = records.update(store, StrategicPlan, tree.plan.id, year_from=2024, year_to=2044)
    assert plan.year_to == 2044


# -- names, enums and codes ----------------------------------------------------


@pytest.mark.parametrize(
    "name", ["colour", "id", "municipality_id", "deleted_at", "position", "plan_id", "created_at"]
)
def test_unknown_or_protected_field_names(
    tree: Tree, store: Store, rejects: Rejects, name: str
) -> None:
    error = rejects(name, records.update, store, Goal, tree.goal.id, **{name: "x"})
    assert error.message == f"Nieznane pole: {name}."
    rejects(name, records.create, store, Goal, tree.plan.id, title="T", **{name: "x"})


@pytest.mark.parametrize("value", ["village", "RURAL", "", 5, ["rural"]])
def test_unknown_enum_values(store: Store, rejects: Rejects, value: Any) -> None:
    field = "kind"
    error = rejects(field, records.create, store, Municipality, name="G", kind=value)
    assert "Rodzaj JST" in error.message


def test_unknown_status_on_update(tree: Tree, store: Store, rejects: Rejects) -> None:
    rejects("status", records.update, store, Action, tree.action.id, status="finished")
    rejects("status", records.update, store, Action, tree.action.id, status=None)
    rejects("kind", records.update, store, MonitoringNote, tree.note.id, kind="gossip")
    rejects(
        "status", records.update, store, Recommendation, tree.recommendation.id, status="delayed"
    )


def test_key_competences(tree: Tree, store: Store, rejects: Rejects) -> None:
    error = rejects(
        "key_competences",
        records.update,
        store,
        Action,
        tree.action.id,
        key_competences=["digital", "telepathy"],
    )
    assert "telepathy" in error.message
    for bad in ("digital", [1, 2], [None], {"digital": 1}):
        rejects(
            "key_competences", records.update, store, Action, tree.action.id, key_competences=bad
        )
    action = records.update(
        store, Action, tree.action.id, key_competences=["digital", "literacy", "digital"]
    )
    assert action.key_competences == ["literacy", "digital"]  # catalogue order, no repeats
    assert records.update(store, Action, tree.action.id, key_competences=[]).key_competences == []


def test_unknown_school_type(tree: Tree, store: Store, rejects: Rejects) -> None:
    rejects("school_type", records.update, store, School, tree.school.id, school_type="uczelnia")


@pytest.mark.parametrize(
    "value",
    ["jan@", "jan@example", "jan kowalski@example.pl", "@example.pl", "jan@@example.pl", "a@b.c d"],
)
def test_bad_email(tree: Tree, store: Store, rejects: Rejects, value: str) -> None:
    rejects("email", records.update, store, Municipality, tree.municipality.id, email=value)
    rejects("email", records.update, store, School, tree.school.id, email=value)
    rejects("email", records.update, store, TeamMember, tree.member.id, email=value)


def test_good_email(tree: Tree, store: Store) -> None:
    m = records.update(store, Municipality, tree.municipality.id, email=" oswiata@gmina.pl ")
    assert m.email == "oswiata@gmina.pl"
    assert records.update(store, TeamMember, tree.member.id, email="a.b@c.com.pl").email


@pytest.mark.parametrize("value", ["12345", "1-2345", "12-34", "12-3456", "ab-cde", "１２-３４５"])
def test_bad_postal_code(tree: Tree, store: Store, rejects: Rejects, value: str) -> None:
    rejects("postal_code", records.update, store, School, tree.school.id, postal_code=value)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("rspo", "12a"),
        ("rspo", "²³"),
        ("rspo", "１２３"),
        ("rspo", "1234567890123"),  # longer than the column
        ("regon", "12345678"),
        ("regon", "1234567890"),
        ("regon", "12345678９"),
        ("regon", "123-456-789"),
    ],
)
def test_bad_rspo_and_regon(
    tree: Tree, store: Store, rejects: Rejects, field: str, value: str
) -> None:
    rejects(field, records.update, store, School, tree.school.id, **{field: value})


def test_good_school_codes(tree: Tree, store: Store) -> None:
    school = records.update(
        store, School, tree.school.id, postal_code="72-100", rspo="12345", regon="123456789"
    )
    assert (school.postal_code, school.rspo, school.regon) == ("72-100", "12345", "123456789")
    assert records.update(store, School, tree.school.id, regon="12345678901234").regon


def test_hdr_needs_an_area(tree: Tree, store: Store, rejects: Rejects) -> None:
    rejects(
        "area_code", records.update, store, DevelopmentSchedule, tree.schedule.id, area_code=None
    )
    rejects("area_code", records.update, store, DevelopmentSchedule, tree.schedule.id, area_code=13)
    schedule = records.update(
        store, DevelopmentSchedule, tree.schedule.id, area_code=None, custom_area="Cyfryzacja szkół"
    )
    assert schedule.custom_area == "Cyfryzacja szkół"


# -- references ------------------------------------------------------------------


def test_responsible_from_another_municipality(
    tree: Tree, other: Tree, store: Store, rejects: Rejects
) -> None:
    error = rejects(
        "responsible_id",
        records.update,
        store,
        Action,
        tree.action.id,
        responsible_id=other.member.id,
    )
    assert "Osoba odpowiedzialna" in error.message
    rejects(
        "responsible_id",
        records.create,
        store,
        Action,
        tree.objective.id,
        title="A",
        responsible_id=other.member.id,
    )


@pytest.mark.parametrize("value", ["00000000-0000-0000-0000-000000000000", "x" * 37, 42])
def test_responsible_that_never_existed(
    tree: Tree, store: Store, rejects: Rejects, value: Any
) -> None:
    rejects("responsible_id", records.update, store, Action, tree.action.id, responsible_id=value)


def test_responsible_deleted(tree: Tree, store: Store, rejects: Rejects) -> None:
    other_member = records.create(store, TeamMember, tree.municipality.id, name="Ewa")
    records.delete(store, TeamMember, other_member.id)
    rejects(
        "responsible_id",
        records.update,
        store,
        Action,
        tree.action.id,
        responsible_id=other_member.id,
    )


def test_stale_reference_does_not_block_other_edits(
    tree: Tree, store: Store, rejects: Rejects
) -> None:
    """Deleting a team member must not make their actions impossible to edit."""
    records.delete(store, TeamMember, tree.member.id)
    action = records.update(store, Action, tree.action.id, title="Nowa nazwa")
    assert action.title == "Nowa nazwa"
    # … but pointing at the deleted member anew is refused, and clearing it works.
    rejects(
        "responsible_id",
        records.update,
        store,
        Action,
        tree.action.id,
        responsible_id=tree.member.id,
    )
    assert records.update(store, Action, tree.action.id, responsible_id="").responsible_id is None


def test_stale_link_does_not_block_other_edits(tree: Tree, store: Store) -> None:
    records.update(store, MonitoringNote, tree.note.id, link_type="risk", link_id=tree.risk.id)
    records.delete(store, Risk, tree.risk.id)
    note = records.update(store, MonitoringNote, tree.note.id, title="Po usunięciu ryzyka")
    assert note.title == "Po usunięciu ryzyka"


def test_plan_action_of_another_municipality_or_deleted(
    tree: Tree, other: Tree, store: Store, rejects: Rejects
) -> None:
    rejects(
        "plan_action_id",
        records.update,
        store,
        ScheduleItem,
        tree.item.id,
        plan_action_id=other.action.id,
    )
    spare = records.create(store, Action, tree.objective.id, title="Do usunięcia")
    records.delete(store, Action, spare.id)
    rejects(
        "plan_action_id", records.update, store, ScheduleItem, tree.item.id, plan_action_id=spare.id
    )
    item = records.update(store, ScheduleItem, tree.item.id, plan_action_id=tree.action.id)
    assert item.plan_action_id == tree.action.id


def test_priority_of_another_hdr(tree: Tree, store: Store, rejects: Rejects) -> None:
    second = records.create(
        store,
        DevelopmentSchedule,
        tree.municipality.id,
        title="HDR 2",
        area_code=7,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 1),
    )
    foreign = records.create(store, SchedulePriority, second.id, title="Priorytet HDR 2")
    rejects(
        "priority_id", records.update, store, ScheduleItem, tree.item.id, priority_id=foreign.id
    )


@pytest.mark.parametrize("cls_name", ["note", "recommendation"])
def test_links(tree: Tree, other: Tree, store: Store, rejects: Rejects, cls_name: str) -> None:
    cls: Any = MonitoringNote if cls_name == "note" else Recommendation
    record_id = getattr(tree, cls_name).id
    rejects(
        "link_id",
        records.update,
        store,
        cls,
        record_id,
        link_type="action",
        link_id=other.action.id,
    )
    rejects(
        "link_id", records.update, store, cls, record_id, link_type="action", link_id=tree.goal.id
    )  # a goal's id under the type "action"
    rejects(
        "link_id",
        records.update,
        store,
        cls,
        record_id,
        link_type="municipality",
        link_id=tree.municipality.id,
    )
    rejects(
        "link_id", records.update, store, cls, record_id, link_type="bogus", link_id=tree.action.id
    )
    rejects("link_id", records.update, store, cls, record_id, link_id=tree.action.id)
    rejects("link_id", records.update, store, cls, record_id, link_type="action")
    spare = records.create(store, Goal, tree.plan.id, title="Cel do usunięcia")
    records.delete(store, Goal, spare.id)
    rejects("link_id", records.update, store, cls, record_id, link_type="goal", link_id=spare.id)
    linked = records.update(store, cls, record_id, link_type="goal", link_id=tree.goal.id)
    assert (linked.link_type, linked.link_id) == ("goal", tree.goal.id)


def test_other_references_across_municipalities(
    tree: Tree, other: Tree, store: Store, rejects: Rejects
) -> None:
    rejects(
        "visit_id", records.update, store, MonitoringNote, tree.note.id, visit_id=other.visit.id
    )
    rejects(
        "source_note_id", records.update, store, Risk, tree.risk.id, source_note_id=other.note.id
    )
    rejects(
        "plan_id",
        records.update,
        store,
        DevelopmentSchedule,
        tree.schedule.id,
        plan_id=other.plan.id,
    )
    rejects(
        "goal_id",
        records.create,
        store,
        Indicator,
        tree.municipality.id,
        name="W",
        goal_id=other.goal.id,
    )
    rejects(
        "schedule_item_id",
        records.create,
        store,
        Indicator,
        tree.municipality.id,
        name="W",
        schedule_item_id=other.item.id,
    )


def test_indicator_attached_to_one_element_of_its_own_plan(
    tree: Tree, store: Store, rejects: Rejects
) -> None:
    rejects(
        "objective_id",
        records.create,
        store,
        Indicator,
        tree.municipality.id,
        name="W",
        goal_id=tree.goal.id,
        objective_id=tree.objective.id,
    )
    second_plan = records.create(
        store, StrategicPlan, tree.municipality.id, title="Plan 2", year_from=2029, year_to=2032
    )
    rejects(
        "action_id",
        records.create,
        store,
        Indicator,
        tree.municipality.id,
        name="W",
        plan_id=second_plan.id,
        action_id=tree.action.id,
    )
    rejects("plan_id", records.update, store, Indicator, tree.indicator.id, plan_id=second_plan.id)


def test_measurement_for_deleted_indicator(tree: Tree, store: Store, rejects: Rejects) -> None:
    records.delete(store, Indicator, tree.indicator.id)
    error = rejects(
        None,
        records.create,
        store,
        Measurement,
        tree.indicator.id,
        measured_on=date(2025, 6, 1),
        value=40,
    )
    assert error.message == "Ten element już nie istnieje (mógł zostać usunięty)."


def test_parent_missing_or_of_wrong_type(tree: Tree, store: Store, rejects: Rejects) -> None:
    error = rejects(None, records.create, store, Goal, None, title="Sierota")
    assert error.message == "Brakuje elementu nadrzędnego."
    rejects(None, records.create, store, Goal, tree.objective.id, title="Zły rodzic")
    rejects(None, records.create, store, Goal, 12345, title="Zły rodzic")


def test_update_of_missing_or_deleted_record(tree: Tree, store: Store, rejects: Rejects) -> None:
    rejects(None, records.update, store, Goal, "nie-ma-takiego", title="X")
    rejects(None, records.update, store, Objective, tree.goal.id, title="X")
    records.delete(store, Risk, tree.risk.id)
    rejects(None, records.update, store, Risk, tree.risk.id, title="X")


# -- the validator on its own: any value gives a value or a UserError -------------

_ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(),
    st.lists(st.text(max_size=5), max_size=3),
    st.binary(max_size=5),
    st.sampled_from(["", " ", "2025-13-40", "digital", "rural", "done", "1e400", "nan"]),
)

_ALL_FIELDS = [(cls, name) for cls, specs in FIELDS.items() for name in specs]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(_ALL_FIELDS), value=_ANY_VALUE)
def test_clean_value_never_crashes(
    field: tuple[type, str], value: Any, polish: Callable[[str], None]
) -> None:
    cls, name = field
    try:
        validation.clean_fields(cls, {name: value})
    except UserError as error:
        assert error.field == name
        polish(error.message)


def test_every_field_has_a_polish_label() -> None:
    for cls, specs in FIELDS.items():
        for name, spec in specs.items():
            assert spec.label and spec.label[0].isupper(), (cls, name)
            assert hasattr(cls, name), (cls, name)


def test_required_fields_of_a_visit() -> None:
    # The model and the field list agree on what must be filled in.
    required = {n for n, s in FIELDS[AdvisoryVisit].items() if s.required}
    # The advisor may be unknown when a visit is added: no placeholder name (0010).
    assert required == {"visit_date"}
    columns = AdvisoryVisit.__table__.columns
    assert columns["advisor"].nullable and not columns["visit_date"].nullable
