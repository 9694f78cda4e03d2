"""Wnioski i rekomendacje: the officer's conclusions of a monitoring period.

One record per period (first and last day); the monitoring report of exactly
that period prints it, with who prepared and who approved the report.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import _
from app.model import MonitoringConclusion
from app.services import records
from app.storage.store import Store


def conclusions_of(store: Store, municipality_id: str) -> list[MonitoringConclusion]:
    """Every period's conclusions, the latest period first."""
    with store.session() as session:
        statement = (
            select(MonitoringConclusion)
            .where(MonitoringConclusion.municipality_id == municipality_id)
            .order_by(
                MonitoringConclusion.period_end.desc(),
                MonitoringConclusion.period_start.desc(),
                MonitoringConclusion.id,
            )
        )
        return list(session.scalars(statement).all())


def for_period(
    session: Session, municipality_id: str, start: date | None, end: date | None
) -> MonitoringConclusion | None:
    """The conclusions written for exactly ``start``–``end`` (none for an open period)."""
    if start is None or end is None:
        return None
    statement = (
        select(MonitoringConclusion)
        .where(
            MonitoringConclusion.municipality_id == municipality_id,
            MonitoringConclusion.period_start == start,
            MonitoringConclusion.period_end == end,
        )
        .order_by(MonitoringConclusion.updated_at.desc(), MonitoringConclusion.id)
    )
    return session.scalars(statement).first()


def add_period(store: Store, municipality_id: str, start: date, end: date) -> MonitoringConclusion:
    """Conclusions for a new period; a period that has them already is refused."""
    with store.session() as session:
        if for_period(session, municipality_id, start, end) is not None:
            raise UserError(
                _("Dla tego okresu wnioski już są — wybierz je z listy."), field="period_start"
            )
    return records.create(
        store, MonitoringConclusion, municipality_id, period_start=start, period_end=end
    )


def update(store: Store, conclusion_id: str, **values: object) -> MonitoringConclusion:
    """Change the text or the period; two records never hold the same period."""
    record = records.get(store, MonitoringConclusion, conclusion_id)
    start = values.get("period_start", record.period_start)
    end = values.get("period_end", record.period_end)
    if isinstance(start, date) and isinstance(end, date):
        with store.session() as session:
            other = for_period(session, record.municipality_id, start, end)
        if other is not None and other.id != conclusion_id:
            raise UserError(
                _("Dla tego okresu wnioski już są — wybierz je z listy."), field="period_start"
            )
    return records.update(store, MonitoringConclusion, conclusion_id, **values)
