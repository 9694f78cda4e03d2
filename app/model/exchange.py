"""Bookkeeping of exchange files: the versions of records seen, and the log of imports.

Neither is a user record (no tombstone, never exchanged as data): they describe
what this installation knows about the records, not the records themselves.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.model.base import Base, UTCDateTime, new_id, utcnow


class SeenVersion(Base):
    """A version of a record (its content hash) that this installation has had or received.

    A version is recorded when it leaves in an exported file and when it arrives
    in an imported one (with the versions the sender had seen). A merge takes
    the other side's version of a record when ours is one they have already
    seen, keeps ours when theirs is one we have seen, and calls it a conflict
    when neither has seen the other's: changed on both sides since they met.
    The rule needs no peer names, so three laptops merge as well as two.
    """

    __tablename__ = "exchange_seen_version"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[str] = mapped_column(String(64), primary_key=True)
    municipality_id: Mapped[str] = mapped_column(String(36), index=True)


class ImportRecord(Base):
    """One applied import: when, from which installation and file, and what it changed."""

    __tablename__ = "exchange_import"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    municipality_id: Mapped[str] = mapped_column(String(36), index=True)
    municipality_name: Mapped[str] = mapped_column(String(200))
    source_installation_id: Mapped[str] = mapped_column(String(36))
    source_installation_name: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64))
    package_created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    # {"records": [{"table", "id", "title", "outcome"}, …]}: what each record became.
    detail: Mapped[dict[str, Any]] = mapped_column(JSON(none_as_null=True), default=dict)


class RecordChange(Base):
    """Per record: its version counter (for merges) and when this store last changed it.

    ``counter`` is a Lamport-style version number that travels with the record:
    a local edit makes it one more than the highest counter this installation
    knows for the record, an import takes the sender's. When two laptops hold
    different versions that both have already seen, the higher
    ``(counter, content hash)`` wins on both, so any sequence of exchanges
    converges. ``seq`` is a store-wide change counter and ``changed_at`` the
    time of the change on a clock that never runs backwards here (the highest
    time seen so far): "changes since a day" is the first counter changed on
    or after that day, so a laptop clock set back never hides a change.
    """

    __tablename__ = "record_change"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    municipality_id: Mapped[str] = mapped_column(String(36), index=True)
    counter: Mapped[int] = mapped_column(Integer, default=0)
    seq: Mapped[int] = mapped_column(Integer, default=0, index=True)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
