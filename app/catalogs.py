"""Reference catalogues shipped in ``resources/catalogs`` (read lazily, cached)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


def _load(name: str) -> list[dict[str, Any]]:
    path = resources.files("resources") / "catalogs" / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


@dataclass(frozen=True)
class Area:
    code: int
    name: str
    description: str


@dataclass(frozen=True)
class KeyCompetence:
    code: str
    name_2018: str
    name_2006: str


@cache
def areas() -> tuple[Area, ...]:
    """The 12 areas of JST functioning an HDR can address."""
    return tuple(Area(int(a["code"]), a["name"], a["description"]) for a in _load("areas"))


def area(code: int) -> Area | None:
    return next((a for a in areas() if a.code == code), None)


@cache
def key_competences() -> tuple[KeyCompetence, ...]:
    return tuple(
        KeyCompetence(k["code"], k["name_2018"], k["name_2006"]) for k in _load("key_competences")
    )


@cache
def school_types() -> dict[str, str]:
    return {entry["code"]: entry["name"] for entry in _load("school_types")}


@cache
def roles() -> dict[str, str]:
    return {entry["code"]: entry["name"] for entry in _load("roles")}


@cache
def voivodeships() -> dict[str, str]:
    """TERYT code (``WW``) → name."""
    return {entry["code"]: entry["name"] for entry in _load("voivodeships")}
