"""Links to good practices travel in the JST's exchange file (format 3); a version-2 file,
which has none, still imports."""

from __future__ import annotations

from pathlib import Path

from app.demo import demo_municipality_id, load_demo
from app.exchange import format as fmt
from app.exchange.export import export_package
from app.exchange.merge import apply_import
from app.exchange.reader import read_bytes
from app.model import PracticeLink
from app.services import records
from app.storage.store import Store
from tests.core.exchange.old_files import as_version


def _links(store: Store) -> set[tuple[str, str, str]]:
    found = records.children(store, PracticeLink, municipality_id=demo_municipality_id())
    return {(link.practice_id, link.link_type, link.link_id) for link in found}


def _as_version_2(data: bytes) -> bytes:
    """The file as version 2 wrote it: no practice links (nor version 3's other additions)."""
    return as_version(data, 2, fmt.TABLES_ADDED_IN_3, fmt.ADDED_IN_3)


def test_links_travel_with_the_jst_and_a_version_2_file_still_imports(tmp_path: Path) -> None:
    with Store.open(tmp_path / "officer") as officer:
        load_demo(officer)
        sent = _links(officer)
        assert len(sent) >= 3
        path = export_package(officer, demo_municipality_id(), tmp_path / "gmina").path
    data = path.read_bytes()
    package = read_bytes(data, "gmina.planoswiaty")
    assert package.manifest.format_version == fmt.FORMAT_VERSION == 3
    with Store.open(tmp_path / "advisor") as advisor:
        apply_import(advisor, package)
        assert _links(advisor) == sent

    old = read_bytes(_as_version_2(data), "stary.planoswiaty")
    assert old.manifest.format_version == 2
    assert "practice_link" not in old.records
    with Store.open(tmp_path / "older") as older:
        apply_import(older, old)
        assert _links(older) == set()
        assert records.children(older, PracticeLink) == []


def test_only_the_notes_part_carries_the_links_too(tmp_path: Path) -> None:
    with Store.open(tmp_path / "officer") as officer:
        load_demo(officer)
        sent = _links(officer)
        path = export_package(
            officer, demo_municipality_id(), tmp_path / "notatki", parts=("notes",)
        ).path
    package = read_bytes(path.read_bytes(), "notatki.planoswiaty")
    assert {
        (w["practice_id"], w["link_type"], w["link_id"]) for w in package.records["practice_link"]
    } == sent
