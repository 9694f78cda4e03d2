"""RSPO CSV → schools: matched on the RSPO number, preview first, broken files write nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.errors import UserError
from app.imports import rspo
from app.model import School
from app.services import records
from app.storage.store import Store
from tests.core.services.conftest import Snapshot, assert_polish_message, take_snapshot
from tests.core.services.school_data.conftest import Zielonki, sample


@pytest.mark.parametrize("name", ["rspo_zielonki.csv", "rspo_zielonki_cp1250.csv"])
def test_plan_sorts_rows_into_new_changed_unchanged(
    store: Store, zielonki: Zielonki, name: str
) -> None:
    before = take_snapshot(store)
    prepared = rspo.plan(store, zielonki.municipality.id, sample(name))
    assert take_snapshot(store) == before  # the preview writes nothing
    statuses = {row.values["rspo"]: row.status for row in prepared.rows}
    # Koźminek's school is another gmina's: left out.
    assert set(statuses) == {"38214", "38227", "21876", "21944", "256301"}
    assert statuses["38227"] == rspo.NEW
    assert statuses["256301"] == rspo.NEW
    assert statuses["21876"] == rspo.CHANGED
    new = next(r for r in prepared.rows if r.values["rspo"] == "256301")
    assert new.values["name"] == "Niepubliczna Szkoła Podstawowa „Leśna Polana” w Brzozowej Woli"
    assert new.values["school_type"] == "szkola_podstawowa"
    assert new.values["postal_code"] == "62-447"
    assert new.operator.startswith("Stowarzyszenie")
    changed = next(r for r in prepared.rows if r.values["rspo"] == "21876")
    assert "pupils" in changed.changed and changed.values["pupils"] == 671


def test_apply_writes_once_and_again_changes_nothing(store: Store, zielonki: Zielonki) -> None:
    m = zielonki.municipality.id
    prepared = rspo.plan(store, m, sample("rspo_zielonki.csv"))
    assert rspo.apply(store, prepared) == prepared.count(rspo.NEW) + prepared.count(rspo.CHANGED)
    schools = {s.rspo: s for s in records.children(store, School, municipality_id=m)}
    assert schools["21876"].pupils == 671
    assert schools["21876"].id == zielonki.schools["21876"].id  # matched, not duplicated
    assert schools["38227"].street == "ul. Ogrodowa 11"
    assert (store.paths.backups).exists() and any(store.paths.backups.glob("*before-import*"))
    again = rspo.plan(store, m, sample("rspo_zielonki.csv"))
    assert not again.has_changes
    before = take_snapshot(store)
    assert rspo.apply(store, again) == 0
    assert take_snapshot(store) == before


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("rspo_broken_columns.csv", "Numer RSPO"),
        ("rspo_broken_number.csv", "Wiersz 3"),
        ("rspo_broken_date.csv", "31.02.2019"),
        ("not_a_sheet.xlsx", "xlsx"),
        ("missing.csv", "Nie ma pliku"),
    ],
)
def test_broken_files_are_refused_with_nothing_written(
    store: Store, zielonki: Zielonki, name: str, needle: str
) -> None:
    before: Snapshot = take_snapshot(store)
    with pytest.raises(UserError) as caught:
        rspo.plan(store, zielonki.municipality.id, sample(name))
    assert needle in caught.value.message
    assert_polish_message(caught.value.message)
    assert take_snapshot(store) == before


def test_a_file_of_another_gmina_is_refused(
    store: Store, zielonki: Zielonki, tmp_path: Path
) -> None:
    text = sample("rspo_zielonki.csv").read_text(encoding="utf-8-sig")
    other = tmp_path / "inna.csv"
    other.write_text(text.replace('="3035023"', '="3007042"'), encoding="utf-8")
    with pytest.raises(UserError, match="nie zawiera szkół"):
        rspo.plan(store, zielonki.municipality.id, other)


def test_history_public_status_and_operator_come_from_the_register(
    store: Store, zielonki: Zielonki
) -> None:
    m = zielonki.municipality.id
    rspo.apply(store, rspo.plan(store, m, sample("rspo_zielonki.csv")))
    schools = {s.rspo: s for s in records.children(store, School, municipality_id=m)}
    run_by_us = schools["21876"]
    assert run_by_us.opened_on == date(1995, 9, 1)
    assert run_by_us.closed_on is None
    assert (run_by_us.is_public, run_by_us.run_by_jst, run_by_us.operator) == (True, True, None)
    closed = schools["21944"]
    assert closed.closed_on == date(2025, 8, 31)
    assert closed.open_in(2024) and not closed.open_in(2025)
    funded = schools["256301"]  # reported on, run by an association
    assert (funded.is_public, funded.run_by_jst) == (False, False)
    assert funded.operator == "Stowarzyszenie Edukacyjne „Leśna Polana”"


def test_school_type_names_map_to_the_catalogue() -> None:
    assert rspo.school_type_code("Szkoła podstawowa") == "szkola_podstawowa"
    assert rspo.school_type_code("PRZEDSZKOLE") == "przedszkole"
    assert rspo.school_type_code("Liceum ogólnokształcące") == "liceum"
    assert rspo.school_type_code("Bursa") == "inna"
