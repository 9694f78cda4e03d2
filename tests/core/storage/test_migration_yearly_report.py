"""Migration 0008: a database of the first schema gains the yearly report's table, data intact."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, inspect, select

from app.model import Municipality, YearlyReportChapter
from app.services import yearly_report
from app.storage.store import Store

SCHEMAS = Path(__file__).resolve().parents[2] / "fixtures" / "schemas"


def test_the_table_comes_and_the_old_rows_stay(tmp_path: Path) -> None:
    shutil.copyfile(SCHEMAS / "0001.sqlite", tmp_path / "plan-oswiaty.sqlite")
    with Store.open(tmp_path) as store:
        assert "yearly_report_chapter" in inspect(store.engine).get_table_names()
        with store.session() as session:
            place = session.scalars(select(Municipality)).first()
            assert place is not None
            municipality_id = place.id
            assert session.scalar(select(func.count()).select_from(YearlyReportChapter)) == 0
        yearly_report.set_comment(store, municipality_id, 2025, "exams", "Po migracji.")
        comments = {c.key: c.comment for c in yearly_report.choices(store, municipality_id, 2025)}
        assert comments["exams"] == "Po migracji."
