"""A small Gmina Zielonki Wielkie (the municipality of the sample files) for the import tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from app.model import Municipality, School
from app.services import records
from app.storage.store import Store

FIXTURES = Path(__file__).parents[3] / "fixtures" / "school_data"


@dataclass
class Zielonki:
    municipality: Municipality
    schools: dict[str, School]  # by RSPO number ("olszynka" has none)


@pytest.fixture
def zielonki(store: Store) -> Zielonki:
    m = records.create(
        store, Municipality, name="Gmina Zielonki Wielkie", kind="urban_rural", teryt="3035023"
    )
    schools = {}
    for rspo, name, kind in (
        ("38214", "Przedszkole Samorządowe nr 1 „Słoneczko” w Zielonkach Wielkich", "przedszkole"),
        (
            "21876",
            "Szkoła Podstawowa nr 1 im. Adama Mickiewicza w Zielonkach Wielkich",
            "szkola_podstawowa",
        ),
        (
            "21889",
            "Szkoła Podstawowa nr 2 im. Marii Konopnickiej w Zielonkach Wielkich",
            "szkola_podstawowa",
        ),
        ("21944", "Szkoła Podstawowa w Jeżewie Nowym", "szkola_podstawowa"),
        (None, "Szkoła Podstawowa w Olszynce", "szkola_podstawowa"),
    ):
        school = records.create(
            store,
            School,
            m.id,
            name=name,
            school_type=kind,
            rspo=rspo,
            pupils=100,
            street="ul. Kwiatowa 4" if rspo == "38214" else None,
        )
        schools[rspo or "olszynka"] = school
    return Zielonki(m, schools)


def sample(name: str) -> Path:
    return FIXTURES / name
