"""A network travels in its own exchange file: a coordinator sends one file to every member,
and each member's import brings the network without touching any JST's data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.errors import UserError
from app.exchange import export, reader
from app.exchange import format as fmt
from app.exchange.merge import apply_import
from app.exchange.plan import plan_import, snapshot
from app.model import (
    MeetingStep,
    Municipality,
    Network,
    NetworkMeeting,
    Person,
    PersonLink,
    PersonRole,
    RecommendationStatus,
)
from app.services import networks, people, records, trainings
from app.storage.store import Store
from tests.core.exchange.test_bad_files import entries_of, records_in, rezip, with_records


def build_network(store: Store) -> dict[str, str]:
    """A network with a JST of this store, a light member, a meeting with its programme,
    a training and a good practice."""
    jst = records.create(store, Municipality, name="Gmina Piaski", kind="urban_rural")
    network = networks.create_network(
        store,
        name="GWD Gminy miejsko-wiejskie",
        kind="exchange_group",
        period_start=date(2016, 6, 1),
        period_end=date(2017, 12, 31),
        coordinator="Ośrodek Rozwoju Edukacji",
    )
    piaski = networks.add_member(store, network.id, municipality_id=jst.id)
    goleniow = networks.add_member(
        store, network.id, name="Goleniów", kind="urban_rural", population=23000, schools_count=13
    )
    practice = trainings.add_practice(
        store, network.id, title="Piknik Naukowy", member_id=piaski.id, competences=["stem"]
    )
    meeting = networks.add_meeting(
        store,
        network.id,
        starts_on=date(2016, 9, 15),
        ends_on=date(2016, 9, 16),
        host_member_id=goleniow.id,
        place="Goleniów",
        topic="Diagnoza potrzeb JST",
    )
    networks.add_item(
        store,
        meeting.id,
        kind="presentation",
        title="Piknik",
        member_id=piaski.id,
        practice_id=practice.id,
    )
    networks.add_participant(store, meeting.id, member_id=piaski.id, name="Jan Wójcik")
    step = networks.add_step(store, meeting.id, text="Przesłać diagnozę", member_id=goleniow.id)
    module = trainings.add_module(store, network.id, title="Diagnoza", hours=6, form="warsztat")
    session = trainings.add_session(store, module.id, held_on=date(2016, 10, 5), place="Piaski")
    trainings.add_session_participant(store, session.id, member_id=goleniow.id, name="Ewa Lis")
    return {"network": network.id, "meeting": meeting.id, "step": step.id, "jst": jst.id}


@pytest.fixture
def coordinator(open_laptop: Any) -> tuple[Store, dict[str, str]]:
    store = open_laptop("coordinator")
    return store, build_network(store)


def _pack(store: Store, network_id: str, target: Path) -> Path:
    return export.export_package(store, network_id, target, parts=fmt.NETWORK_PARTS).path


def test_a_member_imports_the_network_without_touching_its_jsts(
    coordinator: tuple[Store, dict[str, str]], laptops: Any, tmp_path: Path
) -> None:
    store, ids = coordinator
    member = laptops.advisor
    before = snapshot(member, laptops.municipality_id)
    with member.session() as session:
        jsts_before = session.scalars(select(Municipality.id)).all()

    path = _pack(store, ids["network"], tmp_path / "gwd")
    package = reader.read_package(path)
    assert package.manifest.is_network
    assert "municipality" not in package.records
    result = apply_import(member, package)

    assert result.added == package.count()
    assert snapshot(member, laptops.municipality_id) == before
    with member.session() as session:
        assert session.scalars(select(Municipality.id)).all() == jsts_before
    assert snapshot(member, ids["network"]) == snapshot(store, ids["network"])
    # A second import of the same file changes nothing.
    assert apply_import(member, reader.read_package(path)).nothing_changed


def test_changes_by_the_coordinator_and_by_a_member_merge(
    coordinator: tuple[Store, dict[str, str]], open_laptop: Any, tmp_path: Path
) -> None:
    store, ids = coordinator
    member = open_laptop("member")
    apply_import(member, reader.read_package(_pack(store, ids["network"], tmp_path / "a")))

    networks.set_step_status(member, ids["step"], "done")
    networks.update_meeting(store, ids["meeting"], conclusions="Wnioski ze spotkania")
    apply_import(store, reader.read_package(_pack(member, ids["network"], tmp_path / "b")))

    with store.session() as session:
        assert session.get(MeetingStep, ids["step"]).status is RecommendationStatus.DONE
        assert session.get(NetworkMeeting, ids["meeting"]).conclusions == "Wnioski ze spotkania"


def _refused(store: Store, data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "bad.planoswiaty"
    path.write_bytes(data)
    before = snapshot(store, "x")
    with pytest.raises(UserError) as caught:
        apply_import(store, reader.read_package(path))
    assert snapshot(store, "x") == before
    return caught.value.message


def _good(coordinator: tuple[Store, dict[str, str]], tmp_path: Path) -> dict[str, bytes]:
    store, ids = coordinator
    return entries_of(_pack(store, ids["network"], tmp_path / "good").read_bytes())


def test_a_record_of_another_network_is_refused(
    coordinator: tuple[Store, dict[str, str]], open_laptop: Any, tmp_path: Path
) -> None:
    entries = _good(coordinator, tmp_path)
    rows = records_in(entries, "network_meeting")
    rows[0]["network_id"] = "00000000-0000-4000-8000-000000000000"
    message = _refused(
        open_laptop("m"), rezip(with_records(entries, "network_meeting", rows)), tmp_path
    )
    assert "należy do innej JST" in message or "innej" in message


def test_a_municipality_smuggled_into_a_network_file_is_refused(
    coordinator: tuple[Store, dict[str, str]], open_laptop: Any, tmp_path: Path
) -> None:
    entries = _good(coordinator, tmp_path)
    entries[fmt.records_entry("municipality")] = b"[]"
    message = _refused(open_laptop("m"), rezip(entries), tmp_path)
    assert "spoza zakresu pliku" in message


@pytest.mark.parametrize(
    "parts", [["network", "team"], ["team", "network"], ["network", "network"]]
)
def test_a_network_mixed_with_municipality_parts_is_refused(
    coordinator: tuple[Store, dict[str, str]], open_laptop: Any, tmp_path: Path, parts: list[str]
) -> None:
    entries = _good(coordinator, tmp_path)
    manifest = json.loads(entries[fmt.MANIFEST])
    manifest["scope"]["parts"] = parts
    entries[fmt.MANIFEST] = json.dumps(manifest).encode()
    assert "uszkodzony" in _refused(open_laptop("m"), rezip(entries), tmp_path)


def test_a_file_without_its_network_or_with_two_is_refused(
    coordinator: tuple[Store, dict[str, str]], open_laptop: Any, tmp_path: Path
) -> None:
    entries = _good(coordinator, tmp_path)
    (network,) = records_in(entries, "network")
    manifest = json.loads(entries[fmt.MANIFEST])
    manifest["contents"]["network"] = 2
    entries[fmt.MANIFEST] = json.dumps(manifest).encode()
    twin = {**network, "id": "00000000-0000-4000-8000-000000000001"}
    message = _refused(
        open_laptop("m"), rezip(with_records(entries, "network", [network, twin])), tmp_path
    )
    assert "innej" in message or "jedną sieć" in message


def test_a_renamed_network_is_refused(
    coordinator: tuple[Store, dict[str, str]], open_laptop: Any, tmp_path: Path
) -> None:
    entries = _good(coordinator, tmp_path)
    (network,) = records_in(entries, "network")
    network["name"] = "Inna nazwa"
    message = _refused(
        open_laptop("m"), rezip(with_records(entries, "network", [network])), tmp_path
    )
    assert "nazwa sieci" in message


def test_an_advisor_shared_by_two_jsts_stays_one_person(laptops: Any, courier: Any) -> None:
    """The officer's JST and a second JST both link the same advisor; files of each JST
    bring the person once, and the second file finds it already here."""
    officer, advisor = laptops.officer, laptops.advisor
    second = records.create(officer, Municipality, name="Gmina Druga", kind="rural")
    person = people.add_person(officer, name="dr Ewa Kołodziej", email="ewa@ore.example.pl")
    people.link_person(officer, person.id, laptops.municipality_id, role=PersonRole.ADVISOR)
    people.link_person(officer, person.id, second.id, role=PersonRole.EXPERT)

    courier.send(officer, advisor, laptops.municipality_id)
    courier.send(officer, advisor, second.id)

    with advisor.session() as session:
        assert [p.name for p in session.scalars(select(Person))] == ["dr Ewa Kołodziej"]
        links = session.scalars(select(PersonLink)).all()
    assert {link.municipality_id for link in links} == {laptops.municipality_id, second.id}
    assert {link.person_id for link in links} == {person.id}


def test_the_network_file_is_named_in_the_manifest(
    coordinator: tuple[Store, dict[str, str]], tmp_path: Path, open_laptop: Any
) -> None:
    store, ids = coordinator
    manifest = json.loads(_good(coordinator, tmp_path)[fmt.MANIFEST])
    assert manifest["network"] == {"id": ids["network"], "name": "GWD Gminy miejsko-wiejskie"}
    assert "municipality" not in manifest
    assert manifest["scope"]["parts"] == ["network"]
    plan = plan_import(
        open_laptop("m"), reader.read_package(_pack(store, ids["network"], tmp_path / "x"))
    )
    assert plan.warnings == []
    with store.session() as session:
        assert session.get(Network, ids["network"]) is not None
