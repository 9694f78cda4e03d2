"""The first look: the overview as it was left, written as JSON and read back exactly."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from app.enums import ActionStatus
from app.services import first_look
from app.services.overview import municipality_overview
from app.services.strategy import next_evaluation_text
from app.storage.store import Store

TODAY = date(2026, 11, 21)


def demo_id(store: Store) -> str:
    from app.services.municipalities import all_municipalities

    return all_municipalities(store)[0].id


def test_what_is_captured_is_what_the_overview_reads(demo_store: Store) -> None:
    municipality_id = demo_id(demo_store)
    look = first_look.capture(demo_store, municipality_id, TODAY)
    assert look.overview == municipality_overview(demo_store, municipality_id, TODAY)
    assert look.next_term == next_evaluation_text(demo_store, municipality_id, TODAY)
    assert [entry.id for entry in look.municipalities] == [municipality_id]
    assert look.yearly is not None and look.yearly.text.startswith("Informacja za 2025/2026")
    # the demo has something in every list, so every kind of item is written and read
    overview = look.overview
    assert overview.overdue_actions and overview.indicators and overview.top_risks
    assert overview.recommendations and overview.latest_notes


def test_json_round_trip_gives_the_same_look(demo_store: Store) -> None:
    look = first_look.capture(demo_store, demo_id(demo_store), TODAY)
    text = json.dumps(first_look.to_json(look), ensure_ascii=False)
    assert first_look.from_json(json.loads(text)) == look


def test_the_context_names_version_language_day_and_municipality() -> None:
    context = first_look.context("m1", TODAY)
    assert context["today"] == "2026-11-21" and context["municipality"] == "m1"
    assert context["language"] == "pl" and context["version"]


def written(store: Store) -> dict[str, Any]:
    look = first_look.capture(store, demo_id(store), TODAY)
    data: dict[str, Any] = json.loads(json.dumps(first_look.to_json(look)))
    return data


def spoil(data: dict[str, Any], how: str) -> None:
    overview = data["overview"]
    if how == "missing part":
        del overview["signals"]
    elif how == "number as text":
        overview["signals"]["risks_open"] = "3"
    elif how == "unknown enum":
        overview["signals"]["actions"][0][0] = {"enum": "Nonsense", "value": "done"}
    elif how == "enum of another kind":
        overview["signals"]["actions"][0][0] = {"enum": "MunicipalityKind", "value": "rural"}
    elif how == "unknown value":
        overview["signals"]["actions"][0][0] = {"enum": "ActionStatus", "value": "forgotten"}
    elif how == "bad date":
        overview["signals"]["today"] = "2026-13-45"
    elif how == "list for an object":
        data["municipalities"] = [["m1", "Gmina"]]
    elif how == "title not text":
        overview["top_risks"][0]["title"] = 5


@pytest.mark.parametrize(
    "how",
    [
        "missing part",
        "number as text",
        "unknown enum",
        "enum of another kind",
        "unknown value",
        "bad date",
        "list for an object",
        "title not text",
    ],
)
def test_anything_but_a_written_look_is_refused(demo_store: Store, how: str) -> None:
    data = written(demo_store)
    first_look.from_json(data)  # as written: read
    spoil(data, how)
    with pytest.raises(ValueError):
        first_look.from_json(data)


def test_statuses_come_back_as_their_own_enums(demo_store: Store) -> None:
    look = first_look.from_json(written(demo_store))
    assert all(type(key) is ActionStatus for key in look.overview.signals.actions)
    assert {type(item.status).__name__ for item in look.overview.top_risks} == {"RiskStatus"}
