"""Records as JSON: each column of each record type, encoded, checked and hashed.

A record travels as a flat JSON object of its columns (dates as ISO text,
timestamps as ISO text in UTC, enums as their codes); an action also carries
the ids of its schools. Decoding an incoming record checks every value the way
the database and the services would, and re-encodes it, so the same record
always has the same text and the same hash on every laptop.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, Integer, String, Text, select
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import Session

from app.errors import UserError
from app.exchange.format import ADDED_IN_2, ADDED_IN_3
from app.i18n import _
from app.model import RECORD_CLASSES, Action, Record, action_school, scope_key
from app.model.base import UTCDateTime
from app.services import validation
from app.services.fields import FIELDS
from app.storage import tombstones
from app.textnorm import bounded_date, first_control, has_lone_surrogate, iso_stamp

Wire = dict[str, Any]
"""A record as it travels: column name → JSON value."""

SCHOOLS = "school_ids"  # the extra key an action carries: the schools it involves
TIMESTAMPS = ("created_at", "updated_at", "deleted_at")
MAX_TEXT = 1_000_000  # a Text column without a field spec: far above any real text
MAX_SCHOOLS = 10_000
_ID = re.compile(r"[0-9A-Za-z-]{1,36}")
_INT_LIMIT = 2**63 - 1  # SQLite's INTEGER


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # str | int | float | bool | date | datetime | enum | codes
    nullable: bool
    max_length: int | None = None
    enum: type[Enum] | None = None


def _kind(sql_type: Any) -> str:
    # Order matters: Enum and UTCDateTime are String and TypeDecorator subclasses.
    if isinstance(sql_type, SqlEnum):
        return "enum"
    if isinstance(sql_type, UTCDateTime):
        return "datetime"
    if isinstance(sql_type, JSON):
        return "codes"
    for cls, kind in ((Boolean, "bool"), (Integer, "int"), (Float, "float"), (Date, "date")):
        if isinstance(sql_type, cls):
            return kind
    if isinstance(sql_type, String | Text):
        return "str"
    raise TypeError(f"no exchange encoding for {sql_type!r}")


def _columns(cls: type[Record]) -> tuple[Column, ...]:
    found = []
    for column in cls.__table__.columns:
        kind = _kind(column.type)
        length = getattr(column.type, "length", None) if kind == "str" else None
        enum = getattr(column.type, "enum_class", None) if kind == "enum" else None
        found.append(Column(column.key, kind, bool(column.nullable), length or MAX_TEXT, enum))
    return tuple(found)


COLUMNS: dict[str, tuple[Column, ...]] = {
    cls.__tablename__: _columns(cls) for cls in RECORD_CLASSES
}
TABLES: dict[str, type[Record]] = {cls.__tablename__: cls for cls in RECORD_CLASSES}


# -- encoding what the database holds -------------------------------------------


def encode_value(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind == "datetime":
        assert isinstance(value, datetime)
        return _stamp(value)
    if column.kind == "date":
        assert isinstance(value, date)
        return value.isoformat()
    if column.kind == "enum":
        return value.value if isinstance(value, Enum) else str(value)
    if column.kind == "float":
        return float(value)
    if column.kind == "codes":
        return [str(code) for code in value]
    return value


def _stamp(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def encode(record: Record, school_ids: list[str] | None = None) -> Wire:
    """The record as it travels (an action with the sorted ids of its schools)."""
    table = record.__tablename__
    wire = {c.name: encode_value(c, getattr(record, c.name)) for c in COLUMNS[table]}
    if isinstance(record, Action):
        wire[SCHOOLS] = sorted(school_ids or [])
    return wire


def content_hash(wire: Mapping[str, Any]) -> str:
    """The hash of what a record says, whatever its timestamps.

    A deletion is the whole content of a tombstone (two laptops deleting the same
    record at different moments, from different states, agree); edit times are
    not content, so the same text typed on both sides is the same version.
    """
    if wire.get("deleted_at") is not None:
        # A tombstone says only that the record is gone: every deletion is one version.
        content: dict[str, Any] = {"id": wire.get("id"), "deleted": True}
    else:
        content = {k: v for k, v in wire.items() if k not in TIMESTAMPS}
        content["deleted"] = False
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_deleted(wire: Mapping[str, Any]) -> bool:
    return wire.get("deleted_at") is not None


# -- decoding what a file says ------------------------------------------------------


def valid_id(value: Any) -> bool:
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def decode(table: str, raw: Any, municipality_id: str) -> tuple[Wire, dict[str, Any]]:
    """Check an incoming record; returns its canonical wire form and its Python values.

    Raises UserError naming the record type and what is wrong.
    """
    cls = TABLES[table]
    if not isinstance(raw, dict):
        raise _bad(table, _("wpis nie jest obiektem"))
    columns = COLUMNS[table]
    expected = {c.name for c in columns} | ({SCHOOLS} if cls is Action else set())
    later = {**ADDED_IN_2.get(table, {}), **ADDED_IN_3.get(table, {})}
    if later.keys() - set(raw):  # an older file: the columns added since take defaults
        raw = {**later, **raw}
    unknown = set(raw) - expected
    if unknown:
        raise _bad(table, _("nieznane pola: {names}").format(names=_names(unknown)))
    missing = expected - set(raw)
    if missing:
        raise _bad(table, _("brak pól: {names}").format(names=_names(missing)))
    values = {c.name: _decode_value(table, c, raw[c.name]) for c in columns}
    if values["deleted_at"] is not None:
        # A tombstone keeps no content, whatever an older program wrote into it.
        values.update(tombstones.python_blanks(cls))
    if not valid_id(values["id"]):
        raise _bad(table, _("niepoprawny identyfikator"))
    key = scope_key(cls)
    if key and values[key] != municipality_id:
        raise _bad(table, _("rekord należy do innej JST niż plik"))
    wire = {c.name: encode_value(c, values[c.name]) for c in columns}
    if cls is Action:
        wire[SCHOOLS] = _decode_schools(table, raw[SCHOOLS])
    if values["deleted_at"] is None:
        _check_fields(cls, values)
    return wire, values


def _decode_value(table: str, column: Column, value: Any) -> Any:
    if value is None:
        if not column.nullable:
            raise _bad(table, _("pole {name} nie może być puste").format(name=column.name))
        return None
    try:
        return _DECODERS[column.kind](column, value)
    except (TypeError, ValueError, OverflowError):
        raise _bad(table, _("niepoprawna wartość pola {name}").format(name=column.name)) from None


def _as_str(column: Column, value: Any) -> str:
    if not isinstance(value, str) or "\x00" in value or has_lone_surrogate(value):
        raise ValueError
    if column.max_length is not None and len(value) > column.max_length:
        raise ValueError
    if first_control(value, multiline=column.max_length == MAX_TEXT) is not None:
        raise ValueError
    return value


def _as_int(column: Column, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > _INT_LIMIT:
        raise ValueError
    return value


def _as_float(column: Column, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError
    number = float(value)
    if not math.isfinite(number):
        raise ValueError
    return number


def _as_bool(column: Column, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError
    return value


def _as_date(column: Column, value: Any) -> date:
    if not isinstance(value, str):
        raise ValueError
    return bounded_date(value)


def _as_datetime(column: Column, value: Any) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError
    return iso_stamp(value)


def _as_enum(column: Column, value: Any) -> Enum:
    assert column.enum is not None
    if not isinstance(value, str):
        raise ValueError
    return column.enum(value)


def _as_codes(column: Column, value: Any) -> list[str]:
    if not isinstance(value, list) or len(value) > 100:
        raise ValueError
    if not all(isinstance(code, str) and len(code) <= 40 for code in value):
        raise ValueError
    return list(value)


_DECODERS = {
    "str": _as_str,
    "int": _as_int,
    "float": _as_float,
    "bool": _as_bool,
    "date": _as_date,
    "datetime": _as_datetime,
    "enum": _as_enum,
    "codes": _as_codes,
}


def _decode_schools(table: str, value: Any) -> list[str]:
    if (
        not isinstance(value, list)
        or len(value) > MAX_SCHOOLS
        or not all(valid_id(item) for item in value)
        or len(set(value)) != len(value)
    ):
        raise _bad(table, _("niepoprawna lista szkół"))
    return sorted(value)


def _check_fields(cls: type[Record], values: dict[str, Any]) -> None:
    """The same limits and rules the forms enforce, so no import brings in what typing cannot."""
    specs = FIELDS.get(cls, {})
    table = cls.__tablename__
    try:
        for name, spec in specs.items():
            validation.clean_value(name, spec, values[name])
        validation.check_rules(cls(**values))
    except UserError as error:
        raise _bad(table, error.message) from None


def _names(names: set[str]) -> str:
    shown = sorted(names)[:5]
    return ", ".join(name[:40] for name in shown)


def _bad(table: str, detail: str) -> UserError:
    return UserError(
        _("Plik zawiera niepoprawny rekord ({table}): {detail}.").format(table=table, detail=detail)
    )


# -- Python values for the database -------------------------------------------------


def python_values(table: str, wire: Mapping[str, Any]) -> dict[str, Any]:
    """Column values ready to set on a model instance (the wire form was checked before)."""
    return {c.name: _to_python(c, wire[c.name]) for c in COLUMNS[table]}


def _to_python(column: Column, value: Any) -> Any:
    if value is None:
        return None
    return _DECODERS[column.kind](column, value)


def load_school_links(session: Session, action_ids: list[str]) -> dict[str, list[str]]:
    """The school ids of each action (links to deleted schools included: they are data too)."""
    links: dict[str, list[str]] = {}
    for chunk in chunks(action_ids):
        rows = session.execute(
            select(action_school.c.action_id, action_school.c.school_id).where(
                action_school.c.action_id.in_(chunk)
            )
        )
        for action_id, school_id in rows:
            links.setdefault(str(action_id), []).append(str(school_id))
    return links


def chunks(items: list[str], size: int = 500) -> list[list[str]]:
    """SQLite limits the parameters of one statement; ask in slices."""
    return [items[start : start + size] for start in range(0, len(items), size)]
