"""Closed school years: a frozen copy of a municipality's data, and the log of closing.

A :class:`SchoolYearSnapshot` holds everything of one JST (school-year data,
plan and HDR, indicators and measurements, notes, risks, visits …) as it was
when the school year was closed, serialised the way exchange files serialise
records, compressed. Its id is derived from the municipality and the year, so
two laptops closing the same year produce the same record: equal content merges
silently, different content is a conflict like any other.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.i18n import N_, _
from app.model.base import OwnedRecord, UTCDateTime
from app.model.types import enum_type

# Far above any compressed municipality, so the exchange codec accepts the payload.
MAX_PAYLOAD = 200_000_000
_NAMESPACE = uuid.UUID("6f1d2b7e-3c55-4a0c-9a43-18a5c1a0e2d7")


class SnapshotStatus(StrEnum):
    CLOSED = "closed"
    REOPENED = "reopened"

    @property
    def label(self) -> str:
        return _(_STATUS_LABELS[self])


_STATUS_LABELS = {
    SnapshotStatus.CLOSED: N_("zamknięty"),
    SnapshotStatus.REOPENED: N_("otwarty ponownie"),
}


def snapshot_id(municipality_id: str, school_year: int) -> str:
    """The id of a year's snapshot: the same on every laptop."""
    return str(uuid.uuid5(_NAMESPACE, f"{municipality_id}/{school_year}"))


class SchoolYearSnapshot(OwnedRecord):
    """A closed school year (``school_year`` 2025 is 2025/2026) and its frozen data."""

    __tablename__ = "school_year_snapshot"

    school_year: Mapped[int] = mapped_column(Integer)
    as_of: Mapped[date] = mapped_column(Date)  # 31 August ending the year
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[SnapshotStatus] = mapped_column(
        enum_type(SnapshotStatus), default=SnapshotStatus.CLOSED
    )
    author: Mapped[str | None] = mapped_column(String(200))
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text(MAX_PAYLOAD))  # base64 of zlib'd JSON


class SnapshotEvent(OwnedRecord):
    """One closing or reopening of a school year: who, when and (reopening) why."""

    __tablename__ = "snapshot_event"

    snapshot_id: Mapped[str] = mapped_column(
        ForeignKey("school_year_snapshot.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[SnapshotStatus] = mapped_column(enum_type(SnapshotStatus))
    happened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    author: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
