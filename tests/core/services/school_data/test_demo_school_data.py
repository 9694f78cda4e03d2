"""The demo municipality's five school years of data: complete, consistent, computed."""

from __future__ import annotations

from app import demo
from app.model import Indicator
from app.services import indicators, records
from app.services.school_data import binding, grid, series
from app.services.school_data import snapshot as snapshots
from app.storage.store import Store


def test_five_consistent_school_years_and_bound_indicators(demo_store: Store) -> None:
    municipality, _created = demo.load_demo(demo_store)
    data = snapshots.load(demo_store, municipality.id)
    assert data.school_years() == [2021, 2022, 2023, 2024, 2025]
    assert data.finance_years() == [2021, 2022, 2023, 2024, 2025]
    pupils = grid.grid(data, "stats:pupils")
    with_data = [row for row in pupils.rows if all(v is not None for v in row.values.values())]
    assert len(with_data) == len(pupils.rows) - 1  # all but the youth culture centre
    village = next(row for row in pupils.rows if "Jeżewie" in row.label)
    assert village.values[2021] > village.values[2025]  # rural schools shrink
    stats = data.stats[(village.school_id or "", 2025)]
    grades = [getattr(stats, f"pupils_grade_{grade}") for grade in range(1, 9)]
    assert sum(grades) == stats.pupils and grades[0] < grades[-1]  # fewer in the young grades
    per_school = grid.grid(data, "stats:spending_cents")
    cost = next(row for row in per_school.rows if row.school_id == village.school_id)
    assert cost.values[2025] is not None and cost.values[2025] > cost.values[2021]  # type: ignore[operator]
    spending = series.values(data, "spending_per_pupil")
    assert list(spending.values()) == sorted(spending.values())  # costs rise
    gaps = series.values(data, "e8_vs_country:matematyka")
    assert all(abs(gap) < 10 for gap in gaps.values())
    assert data.supervision
    bound = [
        i
        for i in records.children(demo_store, Indicator, municipality_id=municipality.id)
        if binding.binding_of(demo_store, i.id) is not None
    ]
    assert len(bound) == 2
    for indicator in bound:
        computed = indicators.measurements(demo_store, indicator.id)
        assert len(computed) == 5 and all(binding.is_computed(m) for m in computed)
