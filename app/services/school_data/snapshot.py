"""Everything a municipality's school-year data holds, read in one go (four queries).

The grids, the computed series and the yearly report work on a
:class:`DataSnapshot` — plain data, no session — so they are pure functions
and quick to test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.model import EducationFinance, ExamResult, School, SchoolYearStats, SupervisionFinding
from app.model.municipality import school_open_in
from app.storage.store import Store


@dataclass(frozen=True)
class SchoolRef:
    id: str
    name: str
    rspo: str | None
    school_type: str
    opened_on: date | None = None
    closed_on: date | None = None

    def open_in(self, school_year: int) -> bool:
        """Whether the school existed in the school year starting in ``school_year``."""
        return school_open_in(self.opened_on, self.closed_on, school_year)


@dataclass
class DataSnapshot:
    municipality_id: str
    schools: list[SchoolRef]
    stats: dict[tuple[str, int], SchoolYearStats] = field(default_factory=dict)
    exams: list[ExamResult] = field(default_factory=list)
    finance: dict[int, EducationFinance] = field(default_factory=dict)
    supervision: list[SupervisionFinding] = field(default_factory=list)

    def school_years(self) -> list[int]:
        years = {year for _school, year in self.stats} | {e.school_year for e in self.exams}
        return sorted(years)

    def finance_years(self) -> list[int]:
        return sorted(self.finance)

    def school(self, school_id: str) -> SchoolRef | None:
        return next((s for s in self.schools if s.id == school_id), None)


def load(store: Store, municipality_id: str) -> DataSnapshot:
    with store.session() as session:
        snapshot = read(session, municipality_id)
        session.expunge_all()
    return snapshot


def read(session: Session, municipality_id: str) -> DataSnapshot:
    """The snapshot from an open session (the live store's, or a closed year's copy)."""
    schools = session.scalars(
        select(School).where(School.municipality_id == municipality_id).order_by(School.name)
    ).all()
    snapshot = DataSnapshot(
        municipality_id,
        [SchoolRef(s.id, s.name, s.rspo, s.school_type, s.opened_on, s.closed_on) for s in schools],
    )
    for row in session.scalars(
        select(SchoolYearStats).where(SchoolYearStats.municipality_id == municipality_id)
    ):
        snapshot.stats[(row.school_id, row.school_year)] = row
    snapshot.exams = list(
        session.scalars(
            select(ExamResult)
            .where(ExamResult.municipality_id == municipality_id)
            .order_by(ExamResult.school_year, ExamResult.subject)
        )
    )
    for money in session.scalars(
        select(EducationFinance).where(EducationFinance.municipality_id == municipality_id)
    ):
        snapshot.finance[money.year] = money
    snapshot.supervision = list(
        session.scalars(
            select(SupervisionFinding)
            .where(SupervisionFinding.municipality_id == municipality_id)
            .order_by(SupervisionFinding.held_on)
        )
    )
    return snapshot


def years_by_municipality(store: Store) -> dict[str, list[int]]:
    """Municipality id → the school years it holds any pupils, staff or exam data for."""
    found: dict[str, set[int]] = {}
    with store.session() as session:
        for cls in (SchoolYearStats, ExamResult):
            rows = session.execute(select(cls.municipality_id, cls.school_year).distinct())
            for municipality_id, year in rows:
                found.setdefault(municipality_id, set()).add(year)
    return {key: sorted(years) for key, years in found.items()}
