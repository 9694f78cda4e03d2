"""Version 3: a school's history and who runs it, pupils by grade and spending per school travel;
a version-2 file (without them) still imports, its schools public and run by the JST."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

from app.exchange import format as fmt
from app.exchange.export import export_package
from app.exchange.merge import apply_import
from app.exchange.reader import read_bytes
from app.model import Municipality, School, SchoolYearStats
from app.services import records
from app.storage.store import Store
from tests.core.exchange.old_files import as_version


def _send(folder: Path, target: Path) -> tuple[bytes, School, School]:
    with Store.open(folder) as sender:
        m = records.create(sender, Municipality, name="Gmina Łąkowa", kind="rural")
        kept = records.create(sender, School, m.id, name="SP Łąka", school_type="szkola_podstawowa")
        merged = records.create(
            sender,
            School,
            m.id,
            name="SP Brzezie",
            school_type="szkola_podstawowa",
            opened_on=date(1962, 9, 1),
            closed_on=date(2024, 8, 31),
            merged_into_id=kept.id,
            is_public=False,
            run_by_jst=False,
            operator="Stowarzyszenie „Brzezie”",
        )
        records.create(
            sender,
            SchoolYearStats,
            merged.id,
            school_year=2023,
            pupils=40,
            pupils_grade_1=6,
            spending_cents=123_400,
        )
        path = export_package(sender, m.id, target).path
    return path.read_bytes(), kept, merged


def test_a_schools_history_travels(tmp_path: Path) -> None:
    data, kept, merged = _send(tmp_path / "a", tmp_path / "paczka")
    with Store.open(tmp_path / "b") as receiver:
        package = read_bytes(data, "paczka.planoswiaty")
        assert package.manifest.format_version == fmt.FORMAT_VERSION == 3
        apply_import(receiver, package)
        school = records.get(receiver, School, merged.id)
        assert (school.opened_on, school.closed_on, school.merged_into_id) == (
            date(1962, 9, 1),
            date(2024, 8, 31),
            kept.id,
        )
        assert (school.is_public, school.run_by_jst) == (False, False)
        assert school.operator == "Stowarzyszenie „Brzezie”"
        (stats,) = records.children(receiver, SchoolYearStats, school_id=merged.id)
        assert (stats.pupils_grade_1, stats.spending_cents) == (6, 123_400)


def test_a_version_2_file_imports_with_the_new_columns_at_their_defaults(tmp_path: Path) -> None:
    data, _kept, merged = _send(tmp_path / "a", tmp_path / "paczka")
    old = as_version(data, 2, fmt.TABLES_ADDED_IN_3, columns=fmt.ADDED_IN_3)
    with zipfile.ZipFile(io.BytesIO(old)) as archive:
        rows = json.loads(archive.read(fmt.records_entry("school")))
    assert rows and all("run_by_jst" not in row for row in rows)
    with Store.open(tmp_path / "b") as receiver:
        package = read_bytes(old, "paczka.planoswiaty")
        assert package.manifest.format_version == 2
        apply_import(receiver, package)
        school = records.get(receiver, School, merged.id)
        assert (school.opened_on, school.merged_into_id, school.operator) == (None, None, None)
        assert (school.is_public, school.run_by_jst) == (True, True)
        (stats,) = records.children(receiver, SchoolYearStats, school_id=merged.id)
        assert (stats.pupils, stats.pupils_grade_1, stats.spending_cents) == (40, None, None)
