"""Windows rules on the command line, tested on Linux (issue 11, point 16)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app import filenames, paths


def test_the_cli_refuses_a_long_output_path_on_windows(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    assert cli("--data-dir", str(data_dir), "demo").code == 0
    monkeypatch.setattr(filenames, "WINDOWS", True)
    target = tmp_path / ("d" * 200) / ("kopia-" + "k" * 60 + ".sqlite")
    outcome = cli("--data-dir", str(data_dir), "backup", "-o", str(target))
    assert outcome.code == 1 and "za długa dla systemu Windows" in outcome.err
    assert not target.exists()


def test_a_data_folder_under_a_polish_user_name_with_spaces_and_signs(
    cli: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "Users" / "Łukasz Żółć" / "Dokumenty #1 (100%)" / "dane"
    assert cli("--data-dir", str(folder), "demo").code == 0
    assert cli("--data-dir", str(folder), "backup").code == 0
    assert cli("--data-dir", str(folder), "restore", "--latest").code == 0
    listed = cli("--data-dir", str(folder), "list")
    assert listed.code == 0 and "Zielonki Wielkie" in listed.out
    assert sorted(p.name for p in folder.glob("*.sqlite")) == ["plan-oswiaty.sqlite"]


def test_the_cli_warns_about_a_onedrive_data_folder(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cloud = tmp_path / "Chmura"
    monkeypatch.setenv("OneDrive", str(cloud))
    outcome = cli("--data-dir", str(cloud / "Plan Oświaty"), "demo")
    assert outcome.code == 0
    assert "synchronizowany przez OneDrive" in outcome.err
    assert str(paths.local_data_folder()) in outcome.err
