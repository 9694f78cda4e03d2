"""People across JSTs: one person linked to several JSTs, the visit plan, consultations."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.errors import UserError
from app.i18n import ngettext, set_language
from app.model import AdvisoryVisit, Municipality, PersonLink
from app.reports.counts import counted
from app.services import people, records
from app.storage.store import Store


def _jst(store: Store, name: str) -> str:
    return records.create(store, Municipality, name=name, kind="rural").id


def test_one_person_in_two_jsts_and_their_visit_plan(store: Store) -> None:
    first, second = _jst(store, "Gmina Łąka"), _jst(store, "Gmina Brzeg")
    ewa = people.add_person(store, name="dr Ewa Kołodziej")
    people.link_person(
        store,
        ewa.id,
        first,
        role="advisor",
        cycle_start=date(2026, 1, 1),
        cycle_end=date(2026, 12, 31),
    )
    people.link_person(store, ewa.id, second, role="expert", planned_visits=2)
    for day in (date(2025, 12, 1), date(2026, 3, 1), date(2026, 11, 30)):
        records.create(store, AdvisoryVisit, first, visit_date=day, advisor="dr Ewa Kołodziej")
    people.add_consultation(
        store, first, held_on=date(2026, 5, 5), form="telefon", topic="HDR", person_id=ewa.id
    )

    rows = {row.municipality_name: row for row in people.visit_plan(store, today=date(2026, 6, 1))}
    laka = rows["Gmina Łąka"]
    # The visit of 2025 is before the cycle; one held, one scheduled, one still to arrange.
    assert (laka.planned, laka.done, laka.scheduled, laka.due) == (3, 1, 1, 1)
    assert laka.next_visit == date(2026, 11, 30) and laka.consultations == 1
    assert (rows["Gmina Brzeg"].done, rows["Gmina Brzeg"].due) == (0, 2)
    assert people.consultations(store, first)[0].advisor == "dr Ewa Kołodziej"


def test_the_same_role_twice_is_refused(store: Store) -> None:
    jst = _jst(store, "Gmina Łąka")
    ewa = people.add_person(store, name="dr Ewa Kołodziej")
    people.link_person(store, ewa.id, jst, role="advisor")
    with pytest.raises(UserError, match="ma już rolę") as caught:
        people.link_person(store, ewa.id, jst, role="advisor")
    assert caught.value.field == "role"
    with pytest.raises(UserError, match="Koniec cyklu"):
        people.link_person(
            store,
            ewa.id,
            jst,
            role="trainer",
            cycle_start=date(2026, 5, 1),
            cycle_end=date(2026, 1, 1),
        )
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(PersonLink)) == 1


@pytest.mark.parametrize("values", [{"name": ""}, {"name": "x" * 201}, {"email": 5}])
def test_bad_people_are_refused(store: Store, values: dict[str, object]) -> None:
    with pytest.raises(UserError):
        people.add_person(store, **{"name": "Jan", **values})
    assert people.people(store) == []


@pytest.mark.parametrize(
    ("count", "polish", "english"),
    [
        (1, "1 osoba", "1 person"),
        (3, "3 osoby", "3 people"),
        (5, "5 osób", "5 people"),
        (22, "22 osoby", "22 people"),
        (112, "112 osób", "112 people"),
    ],
)
def test_counted_nouns_agree(count: int, polish: str, english: str) -> None:
    def say() -> str:
        return counted(count, ngettext("{count} osoba", "{count} osób", count), "{count} osoby")

    assert say() == polish
    set_language("en")
    try:
        assert say() == english
    finally:
        set_language("pl")
