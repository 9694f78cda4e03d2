"""The reference catalogues shipped with the program."""

from __future__ import annotations

from app.catalogs import area, areas, key_competences, roles, school_types, voivodeships


def test_twelve_areas_numbered_one_to_twelve() -> None:
    assert [a.code for a in areas()] == list(range(1, 13))
    assert all(a.name and a.name[0].isupper() for a in areas())
    assert areas()[3].name == "Planowanie budżetowe"
    assert area(4) == areas()[3]
    assert area(13) is None
    assert area(0) is None


def test_eight_key_competences_with_both_names() -> None:
    competences = key_competences()
    assert len(competences) == 8
    assert len({k.code for k in competences}) == 8
    assert competences[1].name_2018 == "wielojęzyczność"
    assert competences[1].name_2006 == "porozumiewanie się w językach obcych"
    assert all(k.name_2018 and k.name_2006 for k in competences)


def test_sixteen_voivodeships() -> None:
    assert len(voivodeships()) == 16
    assert voivodeships()["10"] == "łódzkie"
    assert voivodeships()["32"] == "zachodniopomorskie"


def test_school_types_and_roles() -> None:
    types = school_types()
    assert types["szkola_podstawowa"] == "szkoła podstawowa"
    assert "przedszkole" in types and "poradnia" in types
    assert roles() and all(code and name for code, name in roles().items())


def test_catalogues_are_cached() -> None:
    assert areas() is areas()
    assert key_competences() is key_competences()
