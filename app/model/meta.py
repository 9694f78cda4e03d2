"""Bookkeeping of the installation itself (not user records, never exchanged)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.model.base import Base


class Setting(Base):
    """A key/value pair: the installation's id and name, and similar."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
