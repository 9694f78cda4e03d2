"""``today`` for a view that reads its data as of a day (statuses, deadlines, progress)."""

from __future__ import annotations

from datetime import date


class PinnedDay:
    """The real day, unless a test or a screenshot pins another; pinning calls :meth:`day_pinned`.

    A mixin, listed before the widget class: ``class Panel(PinnedDay, LiveView)``.
    """

    _today: date | None = None

    @property
    def today(self) -> date:
        return self._today or date.today()

    @today.setter
    def today(self, value: date | None) -> None:
        self._today = value
        self.day_pinned()

    def day_pinned(self) -> None:
        """Hook: show the data as of the new day."""
