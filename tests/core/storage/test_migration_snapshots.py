"""Migration 0007: a file of the first schema gains closed school years and keeps its data."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from app.model import MonitoringNote, Municipality, School
from app.services import records, snapshots
from app.storage import migrate
from app.storage.store import Store

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "schemas" / "0001.sqlite"
FIRST = "0b7f6c3e-0001-4000-8000-000000000001"


def test_the_first_schema_migrates_and_its_data_can_be_closed(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    database = data_dir / "plan-oswiaty.sqlite"
    shutil.copyfile(FIXTURE, database)
    with Store.open(data_dir) as store:
        assert migrate.revision_in_file(database) == migrate.head_revision()
        assert records.get(store, Municipality, FIRST).name == "Gmina Zielona Łąka"
        assert snapshots.list_snapshots(store, FIRST) == []
        schools = {s.id for s in records.children(store, School, municipality_id=FIRST)}
        assert len(schools) == 2
        closed = snapshots.close_school_year(store, FIRST, 2025, today=date(2026, 12, 3))
        with snapshots.open_snapshot(store, closed.id) as frozen:
            assert records.get(frozen, Municipality, FIRST).name == "Gmina Zielona Łąka"
            for school_id in schools:
                assert records.get(frozen, School, school_id)
            with frozen.session() as session:
                notes = session.query(MonitoringNote).count()
        with store.session() as session:
            assert session.query(MonitoringNote).count() == notes
