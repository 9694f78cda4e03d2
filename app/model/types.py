"""Column types shared by the models."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Enum


def enum_type(enum_cls: type[StrEnum]) -> Enum:
    """Store an enum as its short code, without a CHECK constraint.

    No constraint, so a later version can add a value without rebuilding the table.
    """
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def json_list() -> JSON:
    """A JSON list column (codes or ids); mutation is done by assigning a new list."""
    return JSON(none_as_null=True)


JsonList = list[Any]
