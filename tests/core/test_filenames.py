"""Windows rules, tested on Linux (issue 11, point 16): names, long paths, Polish user
names, cloud-synced data folders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import filenames, paths
from app.errors import UserError
from app.filenames import is_reserved, is_safe_name, safe_file_name
from app.reports.export import KINDS, default_filename
from app.storage import backups
from app.storage.store import Store

NASTY = [
    "CON",
    "nul",
    "Com1",
    "LPT9.txt",
    "Gmina: Łąka/Żółć?*",
    'Gmina "Nowa" <Wieś> | \\ stara',
    "Gmina Kropka.",
    "Gmina spacje   ",
    "...",
    "",
    " \t\n ",
    "\x1b[31mGmina\x07",
    "G" * 500,
    "Żółć " * 100,
    "aux.pdf",
]


@pytest.mark.parametrize("name", NASTY)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_default_pdf_names_are_safe_on_windows(kind: str, name: str) -> None:
    proposed = default_filename(kind, name, today=date(2026, 12, 3))
    assert is_safe_name(proposed), proposed
    assert proposed.endswith(".pdf") and len(proposed) <= filenames.MAX_NAME


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["", ".pdf", ".planoswiaty", ".sqlite"]))
def test_any_name_becomes_safe(stem: str, extension: str) -> None:
    proposed = safe_file_name(stem, extension)
    assert is_safe_name(proposed), repr(proposed)
    assert proposed.endswith(extension) and len(proposed) <= filenames.MAX_NAME


@pytest.mark.parametrize(
    ("name", "reserved"),
    [("CON", True), ("con.txt", True), ("COM1.tar.gz", True), ("CONIN$", True),
     ("LPT¹", True), ("CONSOLE", False), ("COM10", False), ("con-2026", False),
     ("Gmina CON", False)],
)  # fmt: skip
def test_reserved_device_names(name: str, reserved: bool) -> None:
    assert is_reserved(name) == reserved
    assert not is_reserved(safe_file_name(name))


def test_backup_names_are_safe(store: Store) -> None:
    for reason in ("manual", "start", "before-import", "before-restore", "before-migration"):
        assert is_safe_name(store.backup(reason).name)
    assert all(is_safe_name(i.path.name) for i in backups.list_backups(store.paths.backups))


def test_a_path_too_long_for_windows_is_refused_with_a_message() -> None:
    short = Path("C:/Users/Łukasz Żółć/Documents/plan.pdf")
    filenames.check_path_length(short, windows=True)
    long = Path("C:/Users/Łukasz Żółć/" + "folder/" * 40 + "plan.pdf")
    with pytest.raises(UserError, match="za długa dla systemu Windows"):
        filenames.check_path_length(long, windows=True)
    filenames.check_path_length(long, windows=False)
    filenames.check_path_length(Path("\\\\?\\" + str(long)), windows=True)


@pytest.mark.parametrize(
    ("folder", "env", "service"),
    [
        ("C:\\Users\\Łukasz Żółć\\OneDrive\\Dokumenty\\Plan", {}, "OneDrive"),
        ("C:\\Users\\Ewa\\OneDrive - Gmina Łąka\\Dokumenty", {}, "OneDrive"),
        ("D:\\Chmura\\Plan", {"OneDrive": "D:\\Chmura"}, "OneDrive"),
        ("D:\\Chmura\\Plan", {"OneDriveCommercial": "d:\\chmura\\"}, "OneDrive"),
        ("/home/ewa/Dropbox/plan", {}, "Dropbox"),
        ("C:\\Users\\Ewa\\AppData\\Local\\plan-oswiaty", {"OneDrive": "C:\\Users\\Ewa\\OneDrive"},
         None),
        ("/home/ewa/onedrivex/plan", {}, None),
    ],
)  # fmt: skip
def test_cloud_synced_folders_are_recognised(
    folder: str, env: dict[str, str], service: str | None
) -> None:
    assert paths.synced_service(Path(folder), env) == service
