"""The domain model: identity columns, enums with Polish labels, computed properties."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import ForeignKey

from app.enums import _LABELS, LabelledEnum
from app.model import (
    CYCLE_STEPS,
    RECORD_CLASSES,
    RECORD_TYPES,
    Action,
    Base,
    DevelopmentSchedule,
    Goal,
    Municipality,
    Network,
    NetworkRecord,
    OwnedRecord,
    Person,
    Record,
    Risk,
    School,
    new_id,
    utcnow,
)
from app.services.fields import FIELDS, PARENTS
from app.storage.store import Store

ENUMS = LabelledEnum.__subclasses__()


def test_every_enum_member_has_a_polish_label() -> None:
    # With TermPrecision, InstitutionKind, ProblemKind, three of networks and PlaceKind.
    assert len(ENUMS) == 16
    for enum_cls in ENUMS:
        assert set(_LABELS[enum_cls.__name__]) == {m.value for m in enum_cls}, enum_cls
        for member in enum_cls:
            assert member.label.strip(), member
        assert enum_cls.choices() == [(m.value, m.label) for m in enum_cls]


def test_enum_values_are_short_codes() -> None:
    for enum_cls in ENUMS:
        for member in enum_cls:
            assert member.value.isascii() and len(member.value) <= 24
            assert member.value == member.value.lower()


def test_record_classes_cover_every_table() -> None:
    bookkeeping = {
        "setting",
        "action_school",
        "exchange_seen_version",
        "exchange_import",
        "record_change",
    }
    tables = set(Base.metadata.tables) - bookkeeping
    assert set(RECORD_TYPES) == tables
    assert len(RECORD_CLASSES) == len(tables)


def test_record_classes_list_parents_before_children() -> None:
    order = {cls.__tablename__: n for n, cls in enumerate(RECORD_CLASSES)}
    for cls in RECORD_CLASSES:
        for column in cls.__table__.columns:
            for key in column.foreign_keys:
                assert isinstance(key, ForeignKey)
                target = key.column.table.name
                if target == cls.__tablename__:
                    assert key.deferrable, (cls, column.name)  # a tree in one table
                    continue
                assert order[target] < order[cls.__tablename__], (cls, column.name)


def test_every_record_has_identity_and_owned_ones_a_municipality() -> None:
    for cls in RECORD_CLASSES:
        columns = cls.__table__.columns
        assert {"id", "created_at", "updated_at", "deleted_at"} <= set(columns.keys())
        assert columns["id"].primary_key
        if issubclass(cls, OwnedRecord):
            (key,) = columns["municipality_id"].foreign_keys
            assert key.column.table.name == "municipality"
            assert key.ondelete == "CASCADE"
        elif issubclass(cls, NetworkRecord):
            (key,) = columns["network_id"].foreign_keys
            assert key.column.table.name == "network"
            assert key.ondelete == "CASCADE"
        else:
            # The roots of exchange files, and the people shared by every JST.
            assert cls in (Municipality, Network, Person)


def test_field_lists_and_parents_match_the_model() -> None:
    assert set(FIELDS) == set(RECORD_CLASSES)
    assert set(PARENTS) == set(RECORD_CLASSES) - {Municipality, Network, Person}
    for cls, (attr, parent) in PARENTS.items():
        assert attr in cls.__table__.columns, cls
        assert parent in RECORD_CLASSES


def test_cycle_steps_have_text_and_done_columns() -> None:
    columns = DevelopmentSchedule.__table__.columns
    assert len(CYCLE_STEPS) == 6
    for step in CYCLE_STEPS:
        assert f"step_{step}" in columns and f"step_{step}_done" in columns


def test_new_ids_and_clock() -> None:
    first, second = new_id(), new_id()
    assert first != second
    assert uuid.UUID(first).version == 4
    assert utcnow().tzinfo is not None
    assert abs(utcnow() - datetime.now(UTC)) < timedelta(seconds=5)


def test_computed_properties() -> None:
    assert Risk(probability=3, impact=4).score == 12
    assert Action(budget_cents=123456).budget == Decimal("1234.56")
    assert Action(budget_cents=5).budget == Decimal("0.05")
    assert Action(budget_cents=None).budget is None
    assert School(support_stage="diagnosis").in_process_support
    assert not School(support_stage=None).in_process_support
    goal = Goal(id="abc")
    assert repr(goal) == "<Goal abc>"
    assert not goal.is_deleted
    goal.deleted_at = utcnow()
    assert goal.is_deleted


@pytest.mark.parametrize(
    "written",
    [
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
        datetime(2026, 3, 29, 3, 30, tzinfo=timezone(timedelta(hours=2))),  # CEST
        datetime(2026, 3, 29, 1, 30),  # naive: taken as UTC
    ],
)
def test_timestamps_are_stored_and_read_as_utc(store: Store, written: datetime) -> None:
    with store.session() as session:
        municipality = Municipality(name="G", kind="rural", created_at=written)
        session.add(municipality)
    municipality_id = municipality.id
    with store.session() as session:
        read = session.get(Municipality, municipality_id)
        assert read is not None
        assert read.created_at == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
        assert read.created_at.tzinfo is not None
        assert read.updated_at.tzinfo is not None


def test_record_base_is_abstract() -> None:
    assert Record.__abstract__ and OwnedRecord.__abstract__
