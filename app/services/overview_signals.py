"""What the overview shows, as plain values: counts, items and scores of one municipality.

:mod:`app.services.overview` reads them from the store. They are kept apart
from it, and import neither SQLAlchemy nor the model, because the window shows
them once before the data layer is loaded (:mod:`app.services.first_look`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from app.enums import ActionStatus, IndicatorStatus

HIGH_RISK = 15  # probability × impact (of 25) from which a risk is "high"
QUIET_DAYS = 90  # no monitoring note for longer than this: nobody is watching


@dataclass
class Progress:
    """HDR items (or any statused work) counted by status; ``overdue`` among them."""

    total: int = 0
    done: int = 0
    in_progress: int = 0
    planned: int = 0
    delayed: int = 0
    dropped: int = 0
    overdue: int = 0

    @property
    def share_done(self) -> float:
        """Done items as a share of those not dropped (0 when there are none)."""
        counted = self.total - self.dropped
        return self.done / counted if counted else 0.0

    def count(self, status: ActionStatus, how_many: int = 1, overdue: int = 0) -> None:
        """Add ``how_many`` items of ``status``, ``overdue`` of them past their end."""
        name = _FIELD_OF[status]
        setattr(self, name, getattr(self, name) + how_many)
        self.total += how_many
        self.overdue += overdue


_FIELD_OF = {
    ActionStatus.DONE: "done",
    ActionStatus.IN_PROGRESS: "in_progress",
    ActionStatus.PLANNED: "planned",
    ActionStatus.DELAYED: "delayed",
    ActionStatus.DROPPED: "dropped",
}


# How much each problem adds to a municipality's attention score.
WEIGHTS = {
    "indicator_off_track": 3,
    "indicator_at_risk": 1,
    "indicator_stale": 1,
    "hdr_overdue": 2,
    "action_overdue": 1,
    "recommendation_overdue": 2,
    "risk_high": 3,
    "quiet": 2,
}


@dataclass(frozen=True)
class Signals:
    """The numbers that say how implementation goes in one municipality on ``today``."""

    today: date
    actions: Mapping[ActionStatus, int] = field(default_factory=dict)
    actions_overdue: int = 0
    hdr: Progress = field(default_factory=Progress)
    indicators: Mapping[IndicatorStatus, int] = field(default_factory=dict)
    indicators_stale: int = 0
    recommendations_open: int = 0
    recommendations_overdue: int = 0
    risks_open: int = 0
    risks_high: int = 0
    top_risk_score: int = 0
    last_note: date | None = None
    last_visit: date | None = None

    @property
    def actions_total(self) -> int:
        return sum(self.actions.values())

    @property
    def actions_done(self) -> int:
        return self.actions.get(ActionStatus.DONE, 0)

    @property
    def actions_share_done(self) -> float:
        """Done actions as a share of those not dropped (0 when there are none)."""
        counted = self.actions_total - self.actions.get(ActionStatus.DROPPED, 0)
        return self.actions_done / counted if counted else 0.0

    @property
    def indicators_total(self) -> int:
        return sum(self.indicators.values())

    @property
    def days_since_note(self) -> int | None:
        return (self.today - self.last_note).days if self.last_note is not None else None

    @property
    def quiet(self) -> bool:
        """No note for more than :data:`QUIET_DAYS`, or none at all while there is work."""
        if self.last_note is None:
            return self.actions_total + self.hdr.total > 0
        return (self.today - self.last_note).days > QUIET_DAYS

    @property
    def attention(self) -> int:
        """The weighted sum of problems (:data:`WEIGHTS`): higher needs attention sooner."""
        return sum(WEIGHTS[name] * count for name, count in self.attention_counts().items())

    def attention_counts(self) -> dict[str, int]:
        """How many of each problem the score counts (the keys of :data:`WEIGHTS`)."""
        return {
            "indicator_off_track": self.indicators.get(IndicatorStatus.OFF_TRACK, 0),
            "indicator_at_risk": self.indicators.get(IndicatorStatus.AT_RISK, 0),
            "indicator_stale": self.indicators_stale,
            "hdr_overdue": self.hdr.overdue,
            "action_overdue": self.actions_overdue,
            "recommendation_overdue": self.recommendations_overdue,
            "risk_high": self.risks_high,
            "quiet": int(self.quiet),
        }


@dataclass(slots=True)
class Item:
    """One thing behind a number, naming the record it stands for (to link to it)."""

    record_type: str
    record_id: str
    title: str
    when: date | None = None  # due date, end month, date of the note or measurement
    who: str | None = None  # owner, responsible person, author
    status: StrEnum | None = None
    score: int | None = None  # risks: probability × impact
    overdue: bool = False
    stale: bool = False


@dataclass(frozen=True)
class MunicipalityOverview:
    municipality_id: str
    name: str
    signals: Signals
    overdue_actions: tuple[Item, ...] = ()
    overdue_schedule_items: tuple[Item, ...] = ()
    indicators: tuple[Item, ...] = ()  # off track, at risk or stale; worst first
    recommendations: tuple[Item, ...] = ()  # open; overdue first, then by due date
    top_risks: tuple[Item, ...] = ()
    latest_notes: tuple[Item, ...] = ()


@dataclass(frozen=True)
class PortfolioRow:
    municipality_id: str
    name: str
    signals: Signals

    @property
    def attention(self) -> int:
        return self.signals.attention
