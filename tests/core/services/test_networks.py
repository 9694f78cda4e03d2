"""Networks of JSTs: members, meetings and their programme — and the bad input they refuse."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.errors import UserError
from app.model import (
    MeetingItem,
    Municipality,
    Network,
    NetworkMeeting,
    NetworkMember,
    Participant,
    School,
)
from app.services import networks, records
from app.storage.store import Store


def _count(store: Store, cls: type) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(cls)) or 0)


@pytest.fixture
def network(store: Store) -> Network:
    return networks.create_network(
        store,
        name="GWD Miasta",
        kind="exchange_group",
        period_start=date(2016, 6, 1),
        period_end=date(2017, 6, 30),
        coordinator="Anna Koordynator",
    )


def _member(store: Store, network: Network, name: str = "Kielce") -> NetworkMember:
    return networks.add_member(store, network.id, name=name, kind="city_county", population=197000)


def test_a_jst_of_the_store_joins_with_its_data(store: Store, network: Network) -> None:
    jst = records.create(
        store, Municipality, name="Gmina Piaski", kind="urban_rural", population=10500
    )
    records.create(store, School, jst.id, name="SP w Piaskach", school_type="szkola_podstawowa")

    member = networks.add_member(store, network.id, municipality_id=jst.id)

    assert (member.name, member.population, member.schools_count) == ("Gmina Piaski", 10500, 1)
    assert member.municipality_id == jst.id


def test_a_duplicate_member_is_refused_and_nothing_saved(store: Store, network: Network) -> None:
    _member(store, network, "Kielce")

    with pytest.raises(UserError, match="jest już członkiem") as caught:
        _member(store, network, "  KIELCE ")

    assert caught.value.field == "name"
    assert _count(store, NetworkMember) == 1


def test_a_meeting_outside_the_period_is_refused(store: Store, network: Network) -> None:
    with pytest.raises(UserError, match="poza okresem działania sieci") as caught:
        networks.add_meeting(store, network.id, starts_on=date(2017, 7, 1), topic="Za późno")

    assert caught.value.field == "starts_on"
    assert _count(store, NetworkMeeting) == 0


def test_a_two_day_meeting_may_not_end_after_the_period(store: Store, network: Network) -> None:
    with pytest.raises(UserError, match="poza okresem"):
        networks.add_meeting(
            store, network.id, starts_on=date(2017, 6, 30), ends_on=date(2017, 7, 1), topic="X"
        )
    with pytest.raises(UserError, match="jeden albo dwa"):
        networks.add_meeting(
            store, network.id, starts_on=date(2016, 9, 15), ends_on=date(2016, 9, 17), topic="X"
        )
    with pytest.raises(UserError, match="wcześniejszy"):
        networks.add_meeting(
            store, network.id, starts_on=date(2016, 9, 15), ends_on=date(2016, 9, 14), topic="X"
        )
    assert _count(store, NetworkMeeting) == 0


def test_meetings_are_numbered_in_turn(store: Store, network: Network) -> None:
    host = _member(store, network)
    first = networks.add_meeting(
        store,
        network.id,
        starts_on=date(2016, 6, 27),
        ends_on=date(2016, 6, 28),
        topic="Poznajemy się",
        host_member_id=host.id,
        place="Kielce",
    )
    second = networks.add_meeting(store, network.id, starts_on=date(2016, 9, 15), topic="Diagnoza")

    assert (first.number, second.number) == (1, 2)
    with pytest.raises(UserError, match="numer 1"):
        networks.add_meeting(store, network.id, number=1, starts_on=date(2016, 10, 1), topic="X")


def test_a_participant_of_a_jst_outside_the_network_is_refused(
    store: Store, network: Network
) -> None:
    other = networks.create_network(
        store,
        name="Inna",
        kind="thematic",
        period_start=date(2016, 1, 1),
        period_end=date(2018, 1, 1),
    )
    stranger = _member(store, other, "Lublin")
    meeting = networks.add_meeting(store, network.id, starts_on=date(2016, 9, 15), topic="T")

    with pytest.raises(UserError, match="członkiem sieci") as caught:
        networks.add_participant(store, meeting.id, member_id=stranger.id, name="Jan Obcy")

    assert caught.value.field == "member_id"
    assert _count(store, Participant) == 0


def test_a_host_or_presenter_must_be_a_member(store: Store, network: Network) -> None:
    other = networks.create_network(
        store,
        name="Inna",
        kind="thematic",
        period_start=date(2016, 1, 1),
        period_end=date(2018, 1, 1),
    )
    stranger = _member(store, other, "Lublin")
    with pytest.raises(UserError, match="nie jest członkiem"):
        networks.add_meeting(
            store, network.id, starts_on=date(2016, 9, 15), topic="T", host_member_id=stranger.id
        )
    meeting = networks.add_meeting(store, network.id, starts_on=date(2016, 9, 15), topic="T")
    with pytest.raises(UserError, match="nie jest członkiem"):
        networks.add_item(
            store, meeting.id, kind="presentation", title="Prezentacja", member_id=stranger.id
        )
    assert _count(store, MeetingItem) == 0


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"kind": "nieznany"}, "kind"),
        ({"period_start": "2016-13-01"}, "period_start"),
    ],
)
def test_bad_network_input_is_refused(store: Store, values: dict[str, str], field: str) -> None:
    good = {
        "name": "Sieć",
        "kind": "thematic",
        "period_start": date(2016, 1, 1),
        "period_end": date(2016, 12, 31),
    }
    with pytest.raises(UserError) as caught:
        networks.create_network(store, **{**good, **values})
    assert caught.value.field == field
    assert _count(store, Network) == 0


def test_the_period_cannot_shrink_past_a_meeting(store: Store, network: Network) -> None:
    networks.add_meeting(store, network.id, starts_on=date(2017, 5, 10), topic="T")
    with pytest.raises(UserError, match="poza okresem"):
        networks.update_network(store, network.id, period_end=date(2017, 1, 31))
    assert networks.get_network(store, network.id).period_end == date(2017, 6, 30)


def test_deleting_a_meeting_takes_its_programme(store: Store, network: Network) -> None:
    member = _member(store, network)
    meeting = networks.add_meeting(store, network.id, starts_on=date(2016, 9, 15), topic="T")
    networks.add_item(store, meeting.id, kind="lecture", title="Wykład")
    networks.add_participant(store, meeting.id, member_id=member.id, name="Jan")

    networks.delete(store, NetworkMeeting, meeting.id)

    assert networks.meetings(store, network.id) == []
    assert networks.of_meeting(store, Participant, meeting.id) == []


def test_find_network_by_name_ignores_diacritics(store: Store, network: Network) -> None:
    assert networks.find_network(store, "gwd miasta").id == network.id
    assert networks.find_network(store, network.id).id == network.id
    with pytest.raises(UserError, match="Nie ma sieci"):
        networks.find_network(store, "Żadna")
