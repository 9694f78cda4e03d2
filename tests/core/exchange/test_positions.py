"""Reorders and additions on two laptops merge into one clean order, the same on both."""

from __future__ import annotations

import pytest

from app.model import Action
from app.services import records

pytestmark = pytest.mark.usefixtures("laptops")


def _order(store, objective_id: str) -> list[tuple[str, int]]:
    return [
        (a.title, a.position) for a in records.children(store, Action, objective_id=objective_id)
    ]


def test_actions_added_on_both_sides_get_distinct_positions(laptops, courier) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    objective = ids["objective"]
    records.create(laptops.officer, Action, objective, title="Nowe w urzędzie")
    records.create(laptops.advisor, Action, objective, title="Nowe u doradcy")
    from_officer = courier.pack(laptops.officer, m)
    from_advisor = courier.pack(laptops.advisor, m)
    courier.deliver(from_advisor, laptops.officer)
    courier.deliver(from_officer, laptops.advisor)

    officer, advisor = _order(laptops.officer, objective), _order(laptops.advisor, objective)
    assert [position for _title, position in officer] == [0, 1, 2, 3]
    assert officer == advisor


def test_crossing_moves_leave_no_duplicate_positions(laptops, courier) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    objective = ids["objective"]
    extra = records.create(laptops.officer, Action, objective, title="Trzecie").id
    courier.send(laptops.officer, laptops.advisor, m)
    # The officer moves the third action to the top; the advisor moves the first down.
    records.move(laptops.officer, Action, extra, 0)
    records.move(laptops.advisor, Action, ids["action"], 2)
    from_officer = courier.pack(laptops.officer, m)
    from_advisor = courier.pack(laptops.advisor, m)
    courier.deliver(from_advisor, laptops.officer, default="theirs")
    courier.deliver(from_officer, laptops.advisor, default="theirs")
    for _round in range(2):
        courier.send(laptops.officer, laptops.advisor, m, default="theirs")
        courier.send(laptops.advisor, laptops.officer, m, default="theirs")

    officer, advisor = _order(laptops.officer, objective), _order(laptops.advisor, objective)
    assert sorted(position for _title, position in officer) == [0, 1, 2]
    assert officer == advisor
