"""What every chapter generator reads first: the municipality, the year and its school data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app import catalogs
from app.errors import UserError
from app.i18n import _
from app.model import Municipality, MunicipalityKind, SchoolYearStats
from app.reports.yearly.source import year_end, year_start
from app.services.school_data import snapshot
from app.services.school_data.snapshot import DataSnapshot, SchoolRef


@dataclass
class Context:
    """One municipality and one school year, read from ``session``."""

    session: Session
    municipality_id: str
    name: str
    county: bool  # a powiat (or a city with powiat rights): the starosta reports
    year: int
    data: DataSnapshot

    @classmethod
    def read(cls, session: Session, municipality_id: str, year: int) -> Context:
        place = session.get(Municipality, municipality_id)
        if place is None or place.deleted_at is not None:
            raise UserError(_("Nie ma takiej JST."))
        county = place.kind in (MunicipalityKind.COUNTY, MunicipalityKind.CITY_COUNTY)
        data = snapshot.read(session, municipality_id)
        return cls(session, municipality_id, place.name, county, year, data)

    @property
    def start(self) -> date:
        return year_start(self.year)

    @property
    def end(self) -> date:
        return year_end(self.year)

    def stats(self, year: int) -> dict[str, SchoolYearStats]:
        """School id → its row for ``year`` (live rows only)."""
        return {
            school_id: row
            for (school_id, y), row in self.data.stats.items()
            if y == year and row.deleted_at is None
        }

    def total(self, year: int, name: str) -> float | None:
        present = [
            getattr(r, name) for r in self.stats(year).values() if getattr(r, name) is not None
        ]
        return float(sum(present)) if present else None

    def school(self, school_id: str) -> SchoolRef:
        found = self.data.school(school_id)
        assert found is not None
        return found

    def school_name(self, school_id: str) -> str:
        found = self.data.school(school_id)
        return found.name if found is not None else "?"


def school_type_label(code: str) -> str:
    return _(catalogs.school_types().get(code, code))
