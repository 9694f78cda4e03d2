"""A small municipality whose every number is known, for tracing the report's sentences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from app.model import (
    EducationFinance,
    ExamKind,
    ExamResult,
    Municipality,
    MunicipalityKind,
    School,
    SchoolYearStats,
    SupervisionFinding,
    SupervisionKind,
)
from app.storage.store import Store


@dataclass
class Small:
    municipality_id: str
    first: str  # school ids
    second: str


@pytest.fixture
def small(store: Store) -> Small:
    """Two primary schools: 1 245 pupils in 2024/2025, 1 193 in 2025/2026; E8 in 2025 only."""
    with store.session() as session:
        place = Municipality(name="Gmina Próbna", kind=MunicipalityKind.RURAL)
        session.add(place)
        session.flush()
        m = place.id
        first = School(municipality_id=m, name="SP nr 1 w Próbnej", school_type="szkola_podstawowa")
        second = School(municipality_id=m, name="SP w Lesie", school_type="szkola_podstawowa")
        session.add_all([first, second])
        session.flush()
        for school, year, pupils, classes in (
            (first, 2024, 745, 30),
            (first, 2025, 700, 29),
            (second, 2024, 500, 22),
            (second, 2025, 493, 22),
        ):
            session.add(
                SchoolYearStats(
                    municipality_id=m,
                    school_id=school.id,
                    school_year=year,
                    pupils=pupils,
                    classes=classes,
                    pupils_certified=20 if year == 2025 else 18,
                    pupils_transported=100 if school is second else 0,
                    teacher_posts=80.5 if school is first else 50.0,
                    teachers=90 if school is first else 55,
                    teachers_beginning=5,
                    teachers_contract=10,
                    teachers_appointed=30,
                    teachers_chartered=45 if school is first else 10,
                    non_teaching_posts=12.0,
                )
            )
        for school, mean, takers in ((first, 60.0, 60), (second, 50.0, 40)):
            session.add(
                ExamResult(
                    municipality_id=m,
                    school_id=school.id,
                    school_year=2025,
                    exam=ExamKind.E8,
                    subject="matematyka",
                    takers=takers,
                    mean_pct=mean,
                    stanine=5,
                    gmina_pct=56.0,
                    powiat_pct=55.0,
                    voivodeship_pct=54.0,
                    country_pct=53.0,
                )
            )
        for year, subvention, spending in (
            (2024, 9_000_000_00, 12_000_000_00),
            (2025, 10_000_000_00, 14_000_000_00),
        ):
            session.add(
                EducationFinance(
                    municipality_id=m,
                    year=year,
                    subvention_cents=subvention,
                    grants_cents=500_000_00,
                    current_spending_cents=spending,
                    capital_spending_cents=2_000_000_00,
                )
            )
        session.add(
            SupervisionFinding(
                municipality_id=m,
                school_id=first.id,
                held_on=date(2025, 11, 20),
                kind=SupervisionKind.EVALUATION,
                topic="Ewaluacja problemowa",
                recommendations="Program naprawczy z matematyki.",
                follow_up_done=False,
            )
        )
        ids = Small(m, first.id, second.id)
    return ids
