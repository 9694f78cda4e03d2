"""Migration 0009: schools of the first schema are public, run by the JST, dates unknown."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from app.model import School
from app.storage.store import Store

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "schemas" / "0001.sqlite"


def test_existing_schools_keep_their_data_and_get_the_plain_history(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURE, data_dir / "plan-oswiaty.sqlite")
    with Store.open(data_dir) as store, store.session() as session:
        schools = {s.name: s for s in session.scalars(select(School))}
    assert set(schools) == {
        "Szkoła Podstawowa im. Marii Konopnickiej w Łące",
        "Przedszkole Samorządowe w Żółkiewce",
    }
    for school in schools.values():
        assert (school.is_public, school.run_by_jst) == (True, True)
        assert (school.opened_on, school.closed_on, school.merged_into_id) == (None, None, None)
        assert school.operator is None
        assert school.open_in(2024)
