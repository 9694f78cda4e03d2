"""Plan and HDR indicators bound to a computed series: their measurements fill themselves.

A bound indicator gets one measurement per year of the series, dated at the
end of the period (31 August for a school year, 31 December for a budget
year), with ``source`` starting with :data:`COMPUTED_SOURCE` — that is how a
computed measurement is told from a typed one. :func:`sync` brings them in
line with the data (adds, changes, tombstones); every service that writes
school-year data calls it, so they update when the data change. Typed
measurements are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import _
from app.model import Indicator, IndicatorBinding, Measurement, School, utcnow
from app.services import records
from app.services.school_data import series as catalogue
from app.services.school_data import snapshot as snapshots
from app.storage.store import Store

COMPUTED_SOURCE = "[obliczone]"


def is_computed(measurement: Measurement) -> bool:
    return (measurement.source or "").startswith(COMPUTED_SOURCE)


def period_end(axis: str, year: int) -> date:
    return date(year + 1, 8, 31) if axis == catalogue.SCHOOL_AXIS else date(year, 12, 31)


def bind(
    store: Store, indicator_id: str, code: str, school_id: str | None = None
) -> IndicatorBinding:
    """Bind an indicator to series ``code`` (of one school, or the JST) and fill it now."""
    series = catalogue.find(code)
    if series.jst_only and school_id is not None:
        raise UserError(_("Ten wskaźnik liczy się tylko dla całej JST."), field="school_id")
    with store.session() as session:
        indicator = records.load(session, Indicator, indicator_id)
        if school_id is not None:
            school = records.load(session, School, school_id)
            if school.municipality_id != indicator.municipality_id:
                raise UserError(_("Ta szkoła należy do innej JST."), field="school_id")
        binding = _binding_of(session, indicator_id)
        if binding is None:
            binding = IndicatorBinding(
                indicator_id=indicator_id, municipality_id=indicator.municipality_id
            )
            session.add(binding)
        binding.series = code
        binding.school_id = school_id
        session.flush()
        municipality_id = indicator.municipality_id
    sync(store, municipality_id)
    return binding


def unbind(store: Store, indicator_id: str) -> None:
    """Stop computing; the measurements made so far stay as they are."""
    with store.session() as session:
        binding = _binding_of(session, indicator_id)
        if binding is None:
            return
        binding.deleted_at = utcnow()
        municipality_id = binding.municipality_id
    _publish(store, municipality_id, "indicator_binding", binding.id)


def binding_of(store: Store, indicator_id: str) -> IndicatorBinding | None:
    with store.session() as session:
        return _binding_of(session, indicator_id)


def _binding_of(session: Session, indicator_id: str) -> IndicatorBinding | None:
    return session.scalars(
        select(IndicatorBinding).where(IndicatorBinding.indicator_id == indicator_id)
    ).first()


def sync(store: Store, municipality_id: str, publish: bool = True) -> int:
    """Bring every bound indicator's computed measurements in line; returns how many changed.

    ``publish=False`` when the caller announces a bigger change itself (loading the demo).
    """
    with store.session() as session:
        if session.scalar(_any_binding(municipality_id)) is None:
            return 0  # nothing bound: no need to read the data
    data = snapshots.load(store, municipality_id)
    changed = 0
    touched: list[str] = []
    with store.session() as session:
        bindings = session.scalars(
            select(IndicatorBinding).where(IndicatorBinding.municipality_id == municipality_id)
        ).all()
        for binding in bindings:
            series = catalogue.find(binding.series)
            wanted = {
                period_end(series.axis, year): value
                for year, value in catalogue.values(data, binding.series, binding.school_id).items()
            }
            count = _apply(session, binding, series.title, wanted)
            if count:
                changed += count
                touched.append(binding.indicator_id)
    if touched and publish:
        _publish(store, municipality_id, "measurement", *touched)
    return changed


def _any_binding(municipality_id: str) -> Any:
    return (
        select(IndicatorBinding.id)
        .where(IndicatorBinding.municipality_id == municipality_id)
        .limit(1)
    )


def _apply(
    session: Session, binding: IndicatorBinding, title: str, wanted: dict[date, float]
) -> int:
    existing = {
        m.measured_on: m
        for m in session.scalars(
            select(Measurement).where(Measurement.indicator_id == binding.indicator_id)
        )
        if is_computed(m)
    }
    source = f"{COMPUTED_SOURCE} {title}"[:300]
    changed = 0
    for day, value in wanted.items():
        measurement = existing.pop(day, None)
        if measurement is None:
            session.add(
                Measurement(
                    indicator_id=binding.indicator_id,
                    municipality_id=binding.municipality_id,
                    measured_on=day,
                    value=value,
                    source=source,
                )
            )
            changed += 1
        elif measurement.value != value or measurement.source != source:
            measurement.value = value
            measurement.source = source
            changed += 1
    for stale in existing.values():
        stale.deleted_at = utcnow()
        changed += 1
    return changed


def _publish(store: Store, municipality_id: str, table: str, *ids: str) -> None:
    store.changes.publish(Change(ChangeKind.UPDATED, table, tuple(ids), municipality_id))


@dataclass(frozen=True)
class Bindable:
    """An indicator of the JST that can be bound, and what it is bound to now."""

    indicator_id: str
    name: str
    in_hdr: bool  # an HDR success indicator (else a plan indicator)
    series: str | None
    school_id: str | None


def bindable(store: Store, municipality_id: str) -> list[Bindable]:
    """Every live indicator of the JST (plan and HDR), with its current binding."""
    with store.session() as session:
        bound = {
            b.indicator_id: b
            for b in session.scalars(
                select(IndicatorBinding).where(IndicatorBinding.municipality_id == municipality_id)
            )
        }
        found = session.scalars(
            select(Indicator)
            .where(Indicator.municipality_id == municipality_id)
            .order_by(Indicator.schedule_item_id.is_not(None), Indicator.position, Indicator.name)
        ).all()
        return [
            Bindable(
                i.id,
                i.name,
                i.schedule_item_id is not None,
                bound[i.id].series if i.id in bound else None,
                bound[i.id].school_id if i.id in bound else None,
            )
            for i in found
        ]
