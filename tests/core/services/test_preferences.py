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
