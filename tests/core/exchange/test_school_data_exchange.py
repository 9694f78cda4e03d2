"""School-year data travels in exchange files and merges like the rest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from app.demo import load_demo
from app.exchange import export, reader
from app.exchange.format import tables_of
from app.exchange.merge import apply_import
from app.model import IndicatorBinding
from app.services import indicators
from app.services.school_data import binding, grid, series
from app.services.school_data import snapshot as snapshots
from app.storage.store import Store


def test_school_data_is_part_of_the_schools_and_indicators(tmp_path: Path) -> None:
    assert {"school_year_stats", "exam_result", "education_finance", "supervision_finding"} <= set(
        tables_of(("team",))
    )
    assert "indicator_binding" in tables_of(("indicators",))


def test_data_and_an_edit_reach_the_other_laptop(
    open_laptop: Callable[[str], Store], tmp_path: Path
) -> None:
    officer, advisor = open_laptop("officer"), open_laptop("advisor")
    municipality, _new = load_demo(officer)
    m = municipality.id
    first = export.export_package(officer, m, tmp_path / "one").path
    apply_import(advisor, reader.read_package(first))
    theirs = snapshots.load(advisor, m)
    assert series.values(theirs, "top_up_share") == series.values(
        snapshots.load(officer, m), "top_up_share"
    )
    assert len(theirs.exams) == len(snapshots.load(officer, m).exams)
    school = next(s for s in theirs.schools if "Jeżewie" in s.name)
    grid.set_cell(officer, m, "stats:pupils", school.id, 2024, 80)
    second = export.export_package(officer, m, tmp_path / "two").path
    result = apply_import(advisor, reader.read_package(second))
    assert result.conflicts == 0
    after = snapshots.load(advisor, m)
    assert after.stats[(school.id, 2024)].pupils == 80
    # The computed measurements changed on the officer's side and came along.
    bound = next(b for b in _bindings(advisor, m) if b.series == "pupils_per_class")
    values = {x.measured_on: x.value for x in indicators.measurements(advisor, bound.indicator_id)}
    expected = series.values(after, "pupils_per_class")[2024]
    assert values[binding.period_end(series.SCHOOL_AXIS, 2024)] == expected


def _bindings(store: Store, municipality_id: str) -> list[IndicatorBinding]:
    with store.session() as session:
        return list(
            session.scalars(
                select(IndicatorBinding).where(IndicatorBinding.municipality_id == municipality_id)
            )
        )
