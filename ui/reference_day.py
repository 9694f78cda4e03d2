"""The day a window part counts from: today, unless a test or a screenshot fixes one.

Overdue marks, staleness and progress depend on it. Setting :attr:`today`
redraws the part: its ``refresh``, unless it says otherwise in ``_day_changed``.
"""

from __future__ import annotations

from datetime import date


class ReferenceDay:
    """Mixed into a page or dialog after its Qt base, which provides ``refresh``."""

    _today: date | None = None

    def refresh(self) -> None:
        raise NotImplementedError

    @property
    def today(self) -> date:
        return self._today or date.today()

    @today.setter
    def today(self, value: date | None) -> None:
        self._today = value
        self._day_changed()

    def _day_changed(self) -> None:
        self.refresh()
