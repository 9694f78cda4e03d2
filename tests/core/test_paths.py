"""Where data lives: --data-dir, the environment variable, portable mode, per-user folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app import paths


@pytest.fixture
def frozen_exe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pretend frozen program in ``tmp_path/program`` (as PyInstaller's bundle looks)."""
    folder = tmp_path / "program"
    folder.mkdir()
    exe = folder / "plan-oswiaty.exe"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    return exe


def mark_portable(exe: Path) -> None:
    (exe.parent / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")


def test_marker_beside_the_frozen_program_keeps_everything_beside_it(frozen_exe: Path) -> None:
    mark_portable(frozen_exe)
    where = paths.resolve()
    root = frozen_exe.parent.resolve() / "dane"
    assert where.root == root
    assert where.logs == root / "logs"
    assert where.database.parent == where.backups.parent == where.settings.parent == root


def test_without_the_marker_the_frozen_program_uses_per_user_folders(frozen_exe: Path) -> None:
    assert paths.portable_root() is None
    assert not paths.resolve().root.is_relative_to(frozen_exe.parent)


def test_a_folder_named_like_the_marker_does_not_count(frozen_exe: Path) -> None:
    (frozen_exe.parent / paths.PORTABLE_MARKER).mkdir()
    assert paths.portable_root() is None


def test_data_dir_and_the_environment_variable_win_over_portable_mode(
    frozen_exe: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mark_portable(frozen_exe)
    assert paths.resolve(tmp_path / "chosen").root == (tmp_path / "chosen").resolve()
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert paths.resolve().root == (tmp_path / "from-env").resolve()


def test_an_unfrozen_interpreter_ignores_the_marker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    python = Path(sys.executable)
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / python.name))
    mark_portable(tmp_path / python.name)
    assert paths.portable_root() is None


def test_the_store_opens_in_the_portable_folder(frozen_exe: Path) -> None:
    from app.storage.store import Store

    mark_portable(frozen_exe)
    with Store.open() as store:
        assert store is not None
    assert (frozen_exe.parent / "dane" / paths.DATABASE_NAME).is_file()
