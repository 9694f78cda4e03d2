"""The exchange-file name the export dialog proposes is one Windows accepts (issue 11, 16)."""

from __future__ import annotations

import pytest

from app.filenames import is_safe_name
from ui.dialogs.export_package import _default_path


@pytest.mark.parametrize("name", ["CON", "Gmina: Łąka/Żółć?*", "Gmina.", "", "Ż" * 300, "nul"])
def test_the_proposed_exchange_file_name_is_safe(name: str) -> None:
    proposed = _default_path(name)
    assert is_safe_name(proposed.name), proposed.name
    assert proposed.name.endswith(".planoswiaty") and len(proposed.name) <= 120
