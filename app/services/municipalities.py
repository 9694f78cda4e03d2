"""Municipalities: listing with what each holds, and finding one by name or id."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

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

# A municipality's own details, in the order its profile form shows them.
PROFILE_FIELDS = (
    "name",
    "kind",
    "teryt",
    "voivodeship",
    "county",
    "population",
    "address",
    "email",
    "phone",
    "website",
    "notes",
)
# A school's details, in the order its form shows them.
SCHOOL_FIELDS = (
    "name",
    "school_type",
    "support_stage",
    "rspo",
    "regon",
    "street",
    "postal_code",
    "town",
    "pupils",
    "director",
    "email",
    "phone",
    "is_public",
    "run_by_jst",
    "operator",
    "opened_on",
    "closed_on",
    "merged_into_id",
)


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


def summaries(store: Store, municipality_id: str | None = None) -> list[MunicipalitySummary]:
    """Municipalities with their plans, HDRs, visits and counts, in seven small queries.

    Only the columns a listing shows are read (plans carry long diagnosis texts).
    """
    with store.session() as session:
        query = select(Municipality)
        if municipality_id is not None:
            query = query.where(Municipality.id == municipality_id)
        municipalities = session.scalars(query).all()
        wanted = {m.id for m in municipalities}
        plans = _documents(
            session.execute(
                select(
                    StrategicPlan.municipality_id,
                    StrategicPlan.id,
                    StrategicPlan.title,
                    StrategicPlan.year_from,
                    StrategicPlan.year_to,
                ).order_by(StrategicPlan.year_from)
            ),
            wanted,
            lambda row: f"{row[3]}–{row[4]}",
        )
        schedules = _documents(
            session.execute(
                select(
                    DevelopmentSchedule.municipality_id,
                    DevelopmentSchedule.id,
                    DevelopmentSchedule.title,
                    DevelopmentSchedule.period_start,
                    DevelopmentSchedule.period_end,
                ).order_by(DevelopmentSchedule.period_start)
            ),
            wanted,
            lambda row: _period(row[3], row[4]),
        )
        visits = _documents(
            session.execute(
                select(
                    AdvisoryVisit.municipality_id,
                    AdvisoryVisit.id,
                    func.coalesce(AdvisoryVisit.place, AdvisoryVisit.advisor),
                    AdvisoryVisit.visit_date,
                ).order_by(AdvisoryVisit.visit_date)
            ),
            wanted,
            lambda row: row[3].isoformat(),
        )
        counts = {
            cls: {
                owner: count
                for owner, count in session.execute(
                    select(cls.municipality_id, func.count())
                    .where(cls.deleted_at.is_(None))
                    .group_by(cls.municipality_id)
                )
            }
            for cls in (TeamMember, School, Action, MonitoringNote)
        }
    return [
        MunicipalitySummary(
            municipality=m,
            plans=tuple(plans.get(m.id, ())),
            schedules=tuple(schedules.get(m.id, ())),
            visits=tuple(visits.get(m.id, ())),
            team_count=counts[TeamMember].get(m.id, 0),
            school_count=counts[School].get(m.id, 0),
            action_count=counts[Action].get(m.id, 0),
            note_count=counts[MonitoringNote].get(m.id, 0),
        )
        for m in sorted(municipalities, key=lambda m: fold(m.name))
    ]


def _documents(
    rows: Iterable[Any], wanted: set[str], detail: Callable[[Any], str]
) -> dict[str, list[DocumentRef]]:
    """Rows of (municipality id, id, title, …) grouped by municipality."""
    grouped: dict[str, list[DocumentRef]] = {}
    for row in rows:
        if row[0] in wanted:
            grouped.setdefault(row[0], []).append(DocumentRef(row[1], row[2], detail(row)))
    return grouped


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
