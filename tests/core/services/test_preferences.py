"""The installation's name: stored trimmed, used by exchange files, refused when empty or huge."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.exchange.export import installation
from app.services import preferences
from app.storage.store import Store


def test_the_name_is_stored_trimmed_and_signs_exchange_files(store: Store) -> None:
    assert preferences.set_installation_name(store, "  Urząd   Gminy ") == "Urząd Gminy"
    assert installation(store).name == "Urząd Gminy"
    assert preferences.installation_name(store) == "Urząd Gminy"
    preferences.set_installation_name(store, "Doradca")
    assert installation(store).name == "Doradca"


@pytest.mark.parametrize(
    ("name", "message"), [("", "Podaj nazwę"), (" \n", "Podaj"), ("x" * 201, "200")]
)
def test_bad_names_are_refused(store: Store, name: str, message: str) -> None:
    before = preferences.installation_name(store)
    with pytest.raises(UserError, match=message):
        preferences.set_installation_name(store, name)
    assert preferences.installation_name(store) == before


def test_the_backup_count_is_kept_and_used_when_backups_are_pruned(store: Store) -> None:
    from app.storage.backups import KEEP_PER_REASON, list_backups

    assert preferences.backup_count(store) == KEEP_PER_REASON
    assert preferences.set_backup_count(store, 3) == 3
    assert preferences.backup_count(store) == 3
    for _time in range(5):
        store.backup("manual")
    manual = [info for info in list_backups(store.paths.backups) if info.reason == "manual"]
    assert len(manual) == 3


@pytest.mark.parametrize("count", [0, -1, 101, 10_000])
def test_a_backup_count_out_of_range_is_refused(store: Store, count: int) -> None:
    with pytest.raises(UserError, match="od 1 do 100") as caught:
        preferences.set_backup_count(store, count)
    assert caught.value.field == "backups"
    assert preferences.backup_count(store) == 10


def test_a_damaged_backup_count_falls_back_to_the_default(store: Store) -> None:
    from app.model.meta import Setting
    from app.storage.backups import KEEP_SETTING

    with store.session() as session:
        session.add(Setting(key=KEEP_SETTING, value="dużo"))
    assert preferences.backup_count(store) == 10
