"""Migration 0010: a visit's times and place kind, and the conclusions of a monitoring
period. A database made by the first schema keeps its visits whole."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from app.model import AdvisoryVisit, MonitoringConclusion
from app.services import conclusions, records, visits
from app.storage.store import Store

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "schemas" / "0001.sqlite"
MUNICIPALITY = "0b7f6c3e-0001-4000-8000-000000000001"
VISIT = "0b7f6c3e-0001-4000-8000-000000000011"


def test_an_old_visit_keeps_everything_and_gets_the_new_fields_empty(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURE, data_dir / "plan-oswiaty.sqlite")
    with Store.open(data_dir) as store:
        visit = records.get(store, AdvisoryVisit, VISIT)
        assert (visit.advisor, visit.place) == ("dr Ewa Kołodziej", "Urząd Gminy, sala sesyjna")
        assert (visit.place_kind, visit.start_time, visit.end_time) == (None, None, None)
        # The new fields and table take values at once.
        visits.update_visit(store, VISIT, start_time="10:00", end_time="12:00", advisor=None)
        made = conclusions.add_period(store, MUNICIPALITY, date(2025, 1, 1), date(2025, 12, 31))
        assert records.get(store, AdvisoryVisit, VISIT).advisor is None
        assert records.get(store, MonitoringConclusion, made.id).period_end.year == 2025
