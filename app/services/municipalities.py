"""Municipalities: listing with what each holds, and finding one by name or id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.errors import UserError
from app.i18n import _
from app.model import (
    Action,
    AdvisoryVisit,
    DevelopmentSchedule,
    MonitoringNote,
    Municipality,
    School,
    StrategicPlan,
    TeamMember,
)
from app.storage.store import Store
from app.textnorm import fold


@dataclass(frozen=True)
class DocumentRef:
    id: str
    title: str
    detail: str


@dataclass(frozen=True)
class MunicipalitySummary:
    municipality: Municipality
    plans: tuple[DocumentRef, ...]
    schedules: tuple[DocumentRef, ...]
    visits: tuple[DocumentRef, ...]
    team_count: int
    school_count: int
    action_count: int
    note_count: int


def all_municipalities(store: Store) -> list[Municipality]:
    with store.session() as session:
        rows = session.scalars(select(Municipality)).all()
    return sorted(rows, key=lambda m: fold(m.name))


def summaries(store: Store) -> list[MunicipalitySummary]:
    """Every municipality with its plans, HDRs, visits and counts (a few queries in all)."""
    with store.session() as session:
        municipalities = session.scalars(select(Municipality)).all()
        plans = session.scalars(select(StrategicPlan).order_by(StrategicPlan.year_from)).all()
        schedules = session.scalars(
            select(DevelopmentSchedule).order_by(DevelopmentSchedule.period_start)
        ).all()
        visits = session.scalars(select(AdvisoryVisit).order_by(AdvisoryVisit.visit_date)).all()
        counts = {
            cls: {
                municipality_id: count
                for municipality_id, count in session.execute(
                    select(cls.municipality_id, func.count())
                    .where(cls.deleted_at.is_(None))
                    .group_by(cls.municipality_id)
                )
            }
            for cls in (TeamMember, School, Action, MonitoringNote)
        }
    result = []
    for municipality in sorted(municipalities, key=lambda m: fold(m.name)):
        mid = municipality.id
        result.append(
            MunicipalitySummary(
                municipality=municipality,
                plans=tuple(
                    DocumentRef(p.id, p.title, f"{p.year_from}–{p.year_to}")
                    for p in plans
                    if p.municipality_id == mid
                ),
                schedules=tuple(
                    DocumentRef(s.id, s.title, _period(s.period_start, s.period_end))
                    for s in schedules
                    if s.municipality_id == mid
                ),
                visits=tuple(
                    DocumentRef(v.id, v.place or v.advisor, v.visit_date.isoformat())
                    for v in visits
                    if v.municipality_id == mid
                ),
                team_count=counts[TeamMember].get(mid, 0),
                school_count=counts[School].get(mid, 0),
                action_count=counts[Action].get(mid, 0),
                note_count=counts[MonitoringNote].get(mid, 0),
            )
        )
    return result


def _period(start: date, end: date) -> str:
    return f"{start:%Y-%m} – {end:%Y-%m}"


def find(store: Store, name_or_id: str) -> Municipality:
    """The municipality with this id, or whose name matches (ignoring case and diacritics)."""
    wanted = name_or_id.strip()
    candidates = all_municipalities(store)
    for municipality in candidates:
        if municipality.id == wanted:
            return municipality
    folded = fold(wanted)
    exact = [m for m in candidates if fold(m.name) == folded]
    if len(exact) == 1:
        return exact[0]
    partial = [m for m in candidates if folded and folded in fold(m.name)]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise UserError(_("Nie znaleziono JST „{name}”.").format(name=wanted))
    raise UserError(
        _("Nazwa „{name}” pasuje do kilku JST: {names}. Podaj identyfikator.").format(
            name=wanted, names=", ".join(m.name for m in partial[:5])
        )
    )
