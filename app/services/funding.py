"""An action's financing as rows (year × source × planned and spent amount), and its sums.

The source catalogue of a municipality is seeded on first use with the usual
sources (:mod:`app.model.funding_seed`), with ids that are the same on every
laptop; the JST adds its own. An action's budget is the sum of its rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import _
from app.model import Action, ActionFunding, FundingSource, Municipality, Objective
from app.model.funding_seed import SEED, legacy_row_id, match_source, seed_id
from app.services import records
from app.storage.store import Store


def ensure_catalogue(session: Session, municipality_id: str) -> None:
    """Add the seeded sources the municipality's catalogue lacks (deleted ones stay deleted)."""
    for position, (code, name) in enumerate(SEED):
        source_id = seed_id(municipality_id, code)
        if session.get(FundingSource, source_id, execution_options={"include_deleted": True}):
            continue
        session.add(
            FundingSource(
                id=source_id,
                municipality_id=municipality_id,
                name=name,  # stored in Polish: the same record on every laptop
                code=code,
                position=position,
            )
        )
    session.flush()


def sources(store: Store, municipality_id: str) -> list[FundingSource]:
    """The municipality's catalogue, seeded sources first, in their order."""
    with store.session() as session:
        records.load(session, Municipality, municipality_id)
        ensure_catalogue(session, municipality_id)
        query = (
            select(FundingSource)
            .where(FundingSource.municipality_id == municipality_id)
            .order_by(FundingSource.position, FundingSource.created_at)
        )
        return list(session.scalars(query).all())


def source_names(store: Store, municipality_id: str) -> list[tuple[str, str]]:
    """(id, name) of the catalogue in its order, without writing (read-only stores too).

    Seeded sources not stored yet are listed as they will be.
    """
    with store.session() as session:
        stored = list(
            session.scalars(
                select(FundingSource)
                .where(FundingSource.municipality_id == municipality_id)
                .order_by(FundingSource.position, FundingSource.created_at)
                .execution_options(include_deleted=True)
            ).all()
        )
    known = {s.id for s in stored}
    missing = [
        (position, seed_id(municipality_id, code), name)
        for position, (code, name) in enumerate(SEED)
        if seed_id(municipality_id, code) not in known
    ]
    listed = [(s.position, s.id, s.name) for s in stored if s.deleted_at is None] + missing
    return [(source_id, name) for _position, source_id, name in sorted(listed, key=lambda t: t[0])]


def add_source(store: Store, municipality_id: str, name: str) -> FundingSource:
    """A source of the JST's own; a name already in the catalogue is refused."""
    existing = {s.name.casefold() for s in sources(store, municipality_id)}
    if isinstance(name, str) and name.strip().casefold() in existing:
        raise UserError(_("Takie źródło finansowania już jest w katalogu."), field="name")
    return records.create(store, FundingSource, municipality_id, name=name)


def source_in_use(store: Store, source_id: str) -> bool:
    with store.session() as session:
        used = session.scalar(
            select(ActionFunding.id).where(ActionFunding.source_id == source_id).limit(1)
        )
    return used is not None


def delete_source(store: Store, source_id: str) -> None:
    """Remove a source no financing row uses (a used one would take money with it)."""
    if source_in_use(store, source_id):
        raise UserError(_("Tego źródła używają wiersze finansowania działań; najpierw zmień je."))
    records.delete(store, FundingSource, source_id)


def rows_of(store: Store, action_id: str) -> list[ActionFunding]:
    with store.session() as session:
        records.load(session, Action, action_id)
        return list(session.scalars(_rows_query([action_id])).all())


def _rows_query(action_ids: Sequence[str]) -> Any:
    return (
        select(ActionFunding)
        .where(ActionFunding.action_id.in_(action_ids))
        .order_by(ActionFunding.year, ActionFunding.position, ActionFunding.created_at)
    )


def rows_of_actions(session: Session, action_ids: Sequence[str]) -> dict[str, list[ActionFunding]]:
    found: dict[str, list[ActionFunding]] = defaultdict(list)
    for start in range(0, len(action_ids), 500):
        for row in session.scalars(_rows_query(action_ids[start : start + 500])).all():
            found[row.action_id].append(row)
    return dict(found)


def budgets_of_plan(store: Store, plan_id: str) -> dict[str, int]:
    """Each action's planned total (actions without rows are left out)."""
    from app.model import Goal

    with store.session() as session:
        action_ids = list(
            session.scalars(
                select(Action.id)
                .join(Objective, Objective.id == Action.objective_id)
                .join(Goal, Goal.id == Objective.goal_id)
                .where(Goal.plan_id == plan_id)
            ).all()
        )
        found = rows_of_actions(session, action_ids)
    return {action_id: sum(r.planned_cents for r in rows) for action_id, rows in found.items()}


def add_row(store: Store, action_id: str, **values: Any) -> ActionFunding:
    """A financing row; the year must lie within the plan, amounts are not negative."""
    return records.create(store, ActionFunding, action_id, **values)


def budget_cents(rows: Iterable[ActionFunding]) -> int | None:
    """The planned total of ``rows``; None when there are none."""
    amounts = [row.planned_cents for row in rows]
    return sum(amounts) if amounts else None


def spent_cents(rows: Iterable[ActionFunding]) -> int | None:
    amounts = [row.spent_cents for row in rows if row.spent_cents is not None]
    return sum(amounts) if amounts else None


# -- old budgets -----------------------------------------------------------------------------


def adopt_legacy_budgets(session: Session, municipality_id: str) -> int:
    """Turn old single budgets (a version-1 exchange file) into financing rows.

    The row's id is derived from the action's, so two laptops converting the
    same action make the same row, and a row once made (or deleted) is never
    made again. Returns how many rows were made.
    """
    query = (
        select(Action, Objective)
        .join(Objective, Objective.id == Action.objective_id)
        .where(Action.municipality_id == municipality_id)
        .where((Action.budget_cents.is_not(None)) | (Action.funding_source.is_not(None)))
    )
    made = 0
    for action, _objective in session.execute(query).all():
        row_id = legacy_row_id(action.id)
        if session.get(ActionFunding, row_id, execution_options={"include_deleted": True}):
            continue
        if action.budget_cents is None and not (action.funding_source or "").strip():
            continue
        ensure_catalogue(session, municipality_id)
        from app.services.strategy_rules import plan_of_action

        plan = plan_of_action(session, action.id)
        year = action.start_date.year if action.start_date else (plan.year_from if plan else 0)
        session.add(
            ActionFunding(
                id=row_id,
                municipality_id=municipality_id,
                action_id=action.id,
                source_id=seed_id(municipality_id, match_source(action.funding_source)),
                year=year,
                planned_cents=action.budget_cents or 0,
                note=(action.funding_source or "").strip()[:300] or None,
            )
        )
        made += 1
    session.flush()
    return made


# -- sums --------------------------------------------------------------------------------------


@dataclass
class BudgetTable:
    """Amounts by a row key (source or goal) × year, with totals; in grosze."""

    years: list[int]
    rows: list[tuple[str, dict[int, int]]] = field(default_factory=list)

    def row_total(self, cells: dict[int, int]) -> int:
        return sum(cells.values())

    def column_total(self, year: int) -> int:
        return sum(cells.get(year, 0) for _label, cells in self.rows)

    @property
    def total(self) -> int:
        return sum(self.row_total(cells) for _label, cells in self.rows)


def by_key_and_year(
    years: list[int], labelled: Iterable[tuple[str, ActionFunding]], order: Sequence[str]
) -> BudgetTable:
    """Planned amounts summed by label and year; labels in ``order``, then any others."""
    cells: dict[str, dict[int, int]] = {label: {} for label in order}
    for label, row in labelled:
        bucket = cells.setdefault(label, {})
        bucket[row.year] = bucket.get(row.year, 0) + row.planned_cents
    table = BudgetTable(sorted(set(years) | {y for c in cells.values() for y in c}))
    table.rows = [(label, c) for label, c in cells.items() if c]
    return table
