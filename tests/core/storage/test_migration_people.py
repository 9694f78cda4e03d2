"""Migration 0006: today's "advisor" team members become one person per advisor, every link kept."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import select

from app.model import Person, PersonLink, PersonRole, TeamMember
from app.storage.store import Store

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "schemas" / "0001.sqlite"
FIRST = "0b7f6c3e-0001-4000-8000-000000000001"
ADVISOR = "0b7f6c3e-0001-4000-8000-000000000003"
STAMP = "2026-11-20 10:00:00.000000"


def _install(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    database = data_dir / "plan-oswiaty.sqlite"
    shutil.copyfile(FIXTURE, database)
    return database


def _add_second_jst(database: Path) -> None:
    """A second JST whose team lists the same advisor (other spacing and case) and a
    deleted advisor, written the way revision 0001 stored rows."""
    connection = sqlite3.connect(database)
    try:
        connection.execute(
            "INSERT INTO municipality (id, name, kind, is_demo, created_at, updated_at) "
            "VALUES ('m2', 'Gmina Piaski', 'urban_rural', 0, ?, ?)",
            (STAMP, STAMP),
        )
        rows = [
            ("t1", "DR  Ewa   Kołodziej", "ewa@ore.example.pl", None, 1),
            ("t2", "Jan Nowak", None, STAMP, 1),
            ("t3", "Anna Zespół", None, None, 0),
        ]
        for member_id, name, email, deleted, advisor in rows:
            connection.execute(
                "INSERT INTO team_member (id, municipality_id, name, email, is_advisor, position,"
                " created_at, updated_at, deleted_at) VALUES (?, 'm2', ?, ?, ?, 0, ?, ?, ?)",
                (member_id, name, email, advisor, STAMP, STAMP, deleted),
            )
        connection.commit()
    finally:
        connection.close()


def test_each_advisor_becomes_one_person_linked_to_every_jst(data_dir: Path) -> None:
    _add_second_jst(_install(data_dir))

    with Store.open(data_dir) as store, store.session() as session:
        people = session.scalars(select(Person).execution_options(include_deleted=True)).all()
        links = session.scalars(select(PersonLink).execution_options(include_deleted=True)).all()
        members = session.scalars(select(TeamMember).execution_options(include_deleted=True))
        advisors = {member.id for member in members if member.is_advisor}

    by_name = {person.name: person for person in people if person.deleted_at is None}
    assert sorted(by_name) == ["dr Ewa Kołodziej"]
    ewa = by_name["dr Ewa Kołodziej"]
    # The contact details of either team member fill the one person record.
    assert ewa.institution == "Ośrodek Rozwoju Edukacji"
    assert ewa.email == "ewa@ore.example.pl"
    ewa_links = {link.municipality_id: link for link in links if link.person_id == ewa.id}
    assert set(ewa_links) == {FIRST, "m2"}
    assert ewa_links[FIRST].team_member_id == ADVISOR
    assert {link.team_member_id for link in links if link.deleted_at is None} == advisors
    live_links = [link for link in links if link.deleted_at is None]
    assert all(link.role is PersonRole.ADVISOR for link in live_links)
    assert all(link.planned_visits == 3 for link in live_links)
    # A deleted advisor keeps a deleted link and a deleted person, not a live one;
    # like every tombstone, the person keeps no content (the name is erased on open).
    (jan,) = [person for person in people if person.deleted_at is not None]
    assert jan.name == ""
    jan_links = [link for link in links if link.person_id == jan.id]
    assert [link.deleted_at is not None for link in jan_links] == [True]
    assert ewa.deleted_at is None


def test_a_database_without_advisors_gets_no_people(data_dir: Path) -> None:
    database = _install(data_dir)
    connection = sqlite3.connect(database)
    connection.execute("UPDATE team_member SET is_advisor = 0")
    connection.commit()
    connection.close()

    with Store.open(data_dir) as store, store.session() as session:
        assert session.scalars(select(Person)).all() == []
        assert session.scalars(select(PersonLink)).all() == []
