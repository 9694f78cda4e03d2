"""The issue's crossing exchanges: both laptops change the same record, both export,
each imports the other's file with the same choice. They must end the same, and
"nothing to change: the data match" must never be said while they differ."""

from __future__ import annotations

import pytest

from app.exchange import reader
from app.exchange.plan import plan_import
from app.exchange.report import nothing_to_change
from app.model import Goal, MonitoringNote
from app.services import records

pytestmark = pytest.mark.usefixtures("laptops")


def _cross(laptops, courier, choice: str) -> None:
    m = laptops.municipality_id
    from_officer = courier.pack(laptops.officer, m)
    from_advisor = courier.pack(laptops.advisor, m)
    courier.deliver(from_advisor, laptops.officer, default=choice)
    courier.deliver(from_officer, laptops.advisor, default=choice)


def _settle(laptops, courier, content) -> None:
    m = laptops.municipality_id
    for _round in range(2):
        courier.send(laptops.officer, laptops.advisor, m)
        courier.send(laptops.advisor, laptops.officer, m)
    assert content(laptops.officer, m) == content(laptops.advisor, m)
    for source, target in ((laptops.officer, laptops.advisor), (laptops.advisor, laptops.officer)):
        plan = plan_import(target, reader.read_package(courier.pack(source, m)))
        assert plan.items == [] and plan.newer_here == 0


@pytest.mark.parametrize("choice", ["theirs", "mine"])
def test_same_record_edited_on_both_sides(laptops, courier, content, choice) -> None:
    ids = laptops.ids
    records.update(laptops.officer, Goal, ids["goal"], title="Cel według urzędu")
    records.update(laptops.advisor, Goal, ids["goal"], title="Cel według doradcy")
    _cross(laptops, courier, choice)
    _settle(laptops, courier, content)


@pytest.mark.parametrize("choice", ["theirs", "mine"])
def test_delete_against_edit(laptops, courier, content, choice) -> None:
    ids = laptops.ids
    records.delete(laptops.officer, MonitoringNote, ids["note"])
    records.update(laptops.advisor, MonitoringNote, ids["note"], text="Poprawiona notatka")
    _cross(laptops, courier, choice)
    _settle(laptops, courier, content)


def test_the_message_says_when_data_still_differ() -> None:
    assert "zgodne z plikiem" in nothing_to_change(0)
    differing = nothing_to_change(3, "plik.planoswiaty")
    assert "nie są zgodne" in differing and "3" in differing
