"""The risk register: probability × impact (each 1–5), mitigation, owner, status, review date.

Rules (tested at their boundaries):

* the score is probability × impact (1–25); its level is *low* up to 4,
  *medium* 5–9, *high* 10–14 and *critical* from 15;
* a risk is *active* unless it is closed; the matrix and the top risks show
  active risks only (unless asked for closed ones too);
* a review is *overdue* from the day after its review date, for active risks
  only (on the review date itself it is not yet overdue).

A risk noticed in a journal note becomes a register entry with
:func:`risk_from_note`; the risk remembers its source note.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from app.errors import UserError
from app.i18n import N_, _
from app.model import MonitoringNote, NoteKind, Risk, RiskStatus
from app.services import records
from app.services.fields import LINE
from app.storage.store import Store

SCALE = (1, 2, 3, 4, 5)
ACTIVE = frozenset({RiskStatus.OPEN, RiskStatus.MONITORED, RiskStatus.MATERIALISED})
DEFAULT_PROBABILITY = 3
DEFAULT_IMPACT = 3

SCALE_LABELS = {
    1: N_("bardzo niskie"),
    2: N_("niskie"),
    3: N_("średnie"),
    4: N_("wysokie"),
    5: N_("bardzo wysokie"),
}


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def label(self) -> str:
        return _(_LEVEL_LABELS[self.value])


_LEVEL_LABELS = {
    "low": N_("niskie"),
    "medium": N_("średnie"),
    "high": N_("wysokie"),
    "critical": N_("krytyczne"),
}


def level(score: int) -> RiskLevel:
    """The level of a score (probability × impact)."""
    if score <= 4:
        return RiskLevel.LOW
    if score <= 9:
        return RiskLevel.MEDIUM
    if score <= 14:
        return RiskLevel.HIGH
    return RiskLevel.CRITICAL


def is_active(risk: Risk) -> bool:
    return RiskStatus(risk.status or RiskStatus.OPEN) in ACTIVE


def is_review_overdue(risk: Risk, today: date) -> bool:
    """Active, with a review date, and that date is before ``today``."""
    return is_active(risk) and risk.review_date is not None and risk.review_date < today


# -- writing -------------------------------------------------------------------


def create_risk(store: Store, municipality_id: str, **values: Any) -> Risk:
    """Validate and add a risk; probability and impact default to 3 (medium)."""
    merged = records.apply_defaults(
        values, probability=DEFAULT_PROBABILITY, impact=DEFAULT_IMPACT, status=RiskStatus.OPEN
    )
    return records.create(store, Risk, municipality_id, **merged)


def update_risk(store: Store, risk_id: str, **values: Any) -> Risk:
    return records.update(store, Risk, risk_id, **values)


def delete_risk(store: Store, risk_id: str) -> records.Deletion:
    """Tombstone a risk; pass the returned deletion to ``records.restore`` to undo."""
    return records.delete(store, Risk, risk_id)


def risk_values_from_note(note: MonitoringNote) -> dict[str, Any]:
    """What a register entry made from ``note`` starts with."""
    return {
        "title": _title_from(note),
        "description": note.text,
        "owner": note.author,
        "probability": DEFAULT_PROBABILITY,
        "impact": DEFAULT_IMPACT,
        "status": RiskStatus.OPEN,
        "source_note_id": note.id,
    }


def risk_from_note(store: Store, note_id: str, **overrides: Any) -> Risk:
    """Turn a risk-kind note into a register entry that remembers its source note.

    The title is the note's title (or its first line), the description its text.
    A note that already became a risk is refused, so a double click makes one risk.
    """
    note = records.get(store, MonitoringNote, note_id)
    if note.kind is not NoteKind.RISK:
        raise UserError(
            _("Ryzyko można utworzyć tylko z notatki rodzaju „{kind}”.").format(
                kind=NoteKind.RISK.label
            )
        )
    existing = risk_of_note(store, note_id)
    if existing is not None:
        raise UserError(
            _("Z tej notatki utworzono już ryzyko „{title}”.").format(title=existing.title)
        )
    values = risk_values_from_note(note)
    values.update(overrides)
    return records.create(store, Risk, note.municipality_id, **values)


def _title_from(note: MonitoringNote) -> str:
    source = note.title or note.text.strip().split("\n", 1)[0]
    flat = " ".join(source.split())
    return flat if len(flat) <= LINE else flat[: LINE - 1].rstrip() + "…"


# -- reading -------------------------------------------------------------------


def risks_of(store: Store, municipality_id: str, *, include_closed: bool = True) -> list[Risk]:
    """The municipality's risks, highest score first (then by title)."""
    with store.session() as session:
        query = select(Risk).where(Risk.municipality_id == municipality_id)
        found = list(session.scalars(query).all())
    if not include_closed:
        found = [r for r in found if is_active(r)]
    return sorted(found, key=lambda r: (-r.score, r.title.casefold(), r.created_at))


def risk_of_note(store: Store, note_id: str) -> Risk | None:
    """The live risk made from ``note_id``, if any."""
    with store.session() as session:
        query = select(Risk).where(Risk.source_note_id == note_id).order_by(Risk.created_at)
        return session.scalars(query).first()


def top_risks(store: Store, municipality_id: str, limit: int = 5) -> list[Risk]:
    """The active risks with the highest scores (earliest review first among equals)."""
    active = risks_of(store, municipality_id, include_closed=False)
    ordered = sorted(active, key=lambda r: (-r.score, r.review_date or date.max, r.title))
    return ordered[:limit]


def overdue_reviews(store: Store, municipality_id: str, today: date | None = None) -> list[Risk]:
    """Active risks whose review date has passed, the longest overdue first."""
    today = today or date.today()
    due = [r for r in risks_of(store, municipality_id) if is_review_overdue(r, today)]
    return sorted(due, key=lambda r: r.review_date or date.max)


@dataclass(frozen=True)
class RiskMatrix:
    """A 5×5 grid of risk ids: ``cells[probability - 1][impact - 1]``."""

    cells: tuple[tuple[tuple[str, ...], ...], ...]

    def cell(self, probability: int, impact: int) -> tuple[str, ...]:
        return self.cells[probability - 1][impact - 1]

    def position_of(self, risk_id: str) -> tuple[int, int] | None:
        """``(probability, impact)`` of the cell holding ``risk_id``."""
        for p_index, row in enumerate(self.cells):
            for i_index, ids in enumerate(row):
                if risk_id in ids:
                    return p_index + 1, i_index + 1
        return None

    def count(self) -> int:
        return sum(len(ids) for row in self.cells for ids in row)


def matrix_of(risks: Iterable[Risk]) -> RiskMatrix:
    """Place each risk in its cell (pure: no database); ids keep the order given."""
    grid: list[list[list[str]]] = [[[] for _i in SCALE] for _p in SCALE]
    for risk in risks:
        if risk.probability in SCALE and risk.impact in SCALE:
            grid[risk.probability - 1][risk.impact - 1].append(risk.id)
    return RiskMatrix(tuple(tuple(tuple(ids) for ids in row) for row in grid))


def matrix(store: Store, municipality_id: str, *, include_closed: bool = False) -> RiskMatrix:
    """Where each (active) risk of the municipality sits on the 5×5 grid."""
    return matrix_of(risks_of(store, municipality_id, include_closed=include_closed))


def by_ids(risks: Sequence[Risk], ids: Iterable[str]) -> list[Risk]:
    wanted = set(ids)
    return [r for r in risks if r.id in wanted]
