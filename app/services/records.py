"""Generic use cases over any record: get, list, create, update, delete, restore, move.

The named use cases (``add_goal``, ``record_measurement``, …) are thin wrappers
around these; validation lives in :mod:`app.services.validation`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import _
from app.model import (
    Action,
    DevelopmentSchedule,
    Goal,
    Indicator,
    Municipality,
    Objective,
    OwnedRecord,
    Record,
    ScheduleItem,
    utcnow,
)
from app.services import validation
from app.services.fields import DEPENDENTS, PARENTS
from app.storage import tombstones
from app.storage.store import Store

R = TypeVar("R", bound=Record)

_MONTH_FIELDS: dict[type[Record], tuple[str, ...]] = {
    ScheduleItem: ("start_month", "end_month"),
    DevelopmentSchedule: ("period_start", "period_end"),
}


def load(session: Session, cls: type[R], record_id: str) -> R:
    """The live record ``record_id`` of type ``cls``, or a UserError saying it is gone."""
    record = session.get(cls, record_id) if isinstance(record_id, str) else None
    if record is None or record.deleted_at is not None:
        raise UserError(_("Ten element już nie istnieje (mógł zostać usunięty)."))
    return record


def get(store: Store, cls: type[R], record_id: str) -> R:
    with store.session() as session:
        return load(session, cls, record_id)


def children(store: Store, cls: type[R], **where: Any) -> list[R]:
    """Live records of ``cls`` whose attributes equal ``where``, in their natural order."""
    with store.session() as session:
        return list(session.scalars(_ordered(select(cls).filter_by(**where), cls)).all())


def _ordered(statement: Any, cls: type[Record]) -> Any:
    # The id last: the same order on every laptop, even for records made in the same tick.
    if hasattr(cls, "position"):
        return statement.order_by(cls.position, cls.created_at, cls.id)
    return statement.order_by(cls.created_at, cls.id)


def create(store: Store, cls: type[R], parent_id: str | None = None, **values: Any) -> R:
    """Validate and add a new ``cls`` under ``parent_id`` (its municipality, plan, …)."""
    cleaned = _normalise(cls, validation.clean_fields(cls, values))
    with store.session() as session:
        record = cls(**cleaned)
        _attach(session, record, parent_id)
        set_defaults(record)
        if hasattr(record, "position"):
            record.position = _next_position(session, record)
        validation.check_rules(record)
        # Before the flush: a reference to a missing record must be a UserError,
        # not the database's foreign-key failure.
        with session.no_autoflush:
            validation.check_refs(session, record)
        session.add(record)
        session.flush()
    _publish(store, ChangeKind.CREATED, record, tuple(cleaned))
    return record


def update(store: Store, cls: type[R], record_id: str, **values: Any) -> R:
    """Validate and apply ``values`` to an existing record; the whole change or nothing."""
    cleaned = _normalise(cls, validation.clean_fields(cls, values))
    with store.session() as session:
        record = load(session, cls, record_id)
        for name, value in cleaned.items():
            setattr(record, name, value)
        set_defaults(record)
        validation.check_rules(record)
        # Only the references being set: one that went stale when its target was
        # deleted (a team member, a visit) must not block editing anything else.
        # Before the flush, so a missing target is a UserError, not a foreign-key failure.
        with session.no_autoflush:
            validation.check_refs(session, record, cleaned.keys())
        session.flush()
    _publish(store, ChangeKind.UPDATED, record, tuple(cleaned))
    return record


@dataclass(frozen=True)
class Deletion:
    """A deletion to undo: its tombstone time and the erased content (in memory only)."""

    stamp: datetime
    saved: tombstones.Saved


def delete(store: Store, cls: type[Record], record_id: str) -> Deletion:
    """Tombstone a record and everything that depends on it, erasing their content.

    The content stays only in the returned :class:`Deletion` (in memory): pass
    it to :func:`restore` to undo exactly this deletion.
    """
    with store.session() as session:
        record = load(session, cls, record_id)
        stamp = _fresh_stamp(session, record)
        victims = [record, *_dependents(session, record)]
        saved = tombstones.keep(victims)
        for victim in victims:
            tombstones.erase(victim)
            victim.deleted_at = stamp
            victim.updated_at = stamp
    store.forget_erased()
    _publish(store, ChangeKind.DELETED, record)
    return Deletion(stamp, saved)


def restore(store: Store, cls: type[Record], record_id: str, deletion: Deletion) -> None:
    """Undo :func:`delete`: bring back the record and what was deleted with it."""
    stamp = deletion.stamp
    with store.session() as session:
        record = session.get(cls, record_id, execution_options={"include_deleted": True})
        if record is None:
            raise UserError(_("Ten element już nie istnieje."))
        if record.deleted_at is None:
            return
        if record.deleted_at != stamp:
            # Restoring the dependents alone would bring them back under a deleted record.
            raise UserError(_("Ten element został usunięty w innej operacji."))
        for attr, owner_cls in _owners(cls):
            owner_id = getattr(record, attr)
            if owner_id is None:
                continue
            owner = session.get(owner_cls, owner_id)
            if owner is None or owner.deleted_at is not None:
                raise UserError(
                    _(
                        "Nie można przywrócić tego elementu, bo element nadrzędny "
                        "został usunięty. Przywróć najpierw element nadrzędny."
                    )
                )
        now = utcnow()
        for victim in [record, *_dependents(session, record, include_deleted=True)]:
            if victim.deleted_at == stamp:
                deletion.saved.restore_into(victim)
                victim.deleted_at = None
                victim.updated_at = now
    _publish(store, ChangeKind.RESTORED, record)


def move(
    store: Store, cls: type[R], record_id: str, new_index: int, new_parent_id: str | None = None
) -> R:
    """Put a record at ``new_index`` among its siblings, optionally under another parent.

    Records without an order of their own (measurements, schools, …) can only
    change parent; ``new_index`` is then ignored.
    """
    if cls not in PARENTS:
        raise UserError(_("Tego elementu nie można przenieść."))
    with store.session() as session:
        record = load(session, cls, record_id)
        parent_attr, parent_cls = PARENTS[cls]
        old_parent_id = getattr(record, parent_attr)
        if new_parent_id is not None and new_parent_id != old_parent_id:
            parent = load(session, parent_cls, new_parent_id)
            if getattr(parent, "municipality_id", parent.id) != getattr(
                record, "municipality_id", None
            ):
                raise UserError(_("Nie można przenieść elementu do innej JST."))
            setattr(record, parent_attr, new_parent_id)
            if isinstance(record, ScheduleItem):
                record.priority_id = None  # the priorities belong to the old HDR
            _follow_plan(session, record)
            session.flush()
            _renumber(session, record, old_parent_id, None, 0)
        _renumber(session, record, getattr(record, parent_attr), record, new_index)
    _publish(store, ChangeKind.MOVED, record)
    return record


def _renumber(
    session: Session, record: Record, parent_id: str, moved: Record | None, index: int
) -> None:
    """Number the live children of ``parent_id`` 0, 1, …, with ``moved`` at ``index``."""
    cls = type(record)
    if not hasattr(cls, "position"):
        return
    parent_attr = PARENTS[cls][0]
    statement = select(cls).where(getattr(cls, parent_attr) == parent_id)
    siblings = [s for s in session.scalars(_ordered(statement, cls)).all() if s is not record]
    if moved is not None:
        siblings.insert(max(0, min(index, len(siblings))), moved)
    positioned: list[Any] = siblings
    for position, sibling in enumerate(positioned):
        if sibling.position != position:
            sibling.position = position


def normalise_positions(session: Session, groups: Iterable[tuple[type[Record], str]]) -> None:
    """Where live siblings share a position, number them 0, 1, … in their present order.

    After a merge two records may share a position (each laptop added or moved
    one); the order (position, creation, id) is the same on every laptop that
    holds the same records, so both sides number them alike. Gaps (left by a
    deletion) are harmless and left alone, so an import alone changes nothing.
    """
    for cls, parent_id in sorted(set(groups), key=lambda group: (group[0].__tablename__, group[1])):
        if not hasattr(cls, "position") or cls not in PARENTS:
            continue
        statement = select(cls).where(getattr(cls, PARENTS[cls][0]) == parent_id)
        siblings: list[Any] = list(session.scalars(_ordered(statement, cls)).all())
        if len({sibling.position for sibling in siblings}) == len(siblings):
            continue
        for position, sibling in enumerate(siblings):
            if sibling.position != position:
                sibling.position = position


def _follow_plan(session: Session, record: Record) -> None:
    """After a move to another plan, the subtree's indicators follow it (plan_id)."""
    if not isinstance(record, Goal | Objective | Action):
        return
    parent_attr = PARENTS[type(record)][0]
    plan_id = (
        record.plan_id
        if isinstance(record, Goal)
        else validation.plan_of(session, parent_attr, getattr(record, parent_attr))
    )
    if plan_id is None:
        return
    for dependent in _dependents(session, record, include_deleted=True):
        if isinstance(dependent, Indicator) and dependent.plan_id is not None:
            dependent.plan_id = plan_id


# -- helpers -------------------------------------------------------------------


def _normalise(cls: type[Record], values: dict[str, Any]) -> dict[str, Any]:
    for name in _MONTH_FIELDS.get(cls, ()):
        value = values.get(name)
        if isinstance(value, date):
            values[name] = value.replace(day=1)
    return values


def _attach(session: Session, record: Record, parent_id: str | None) -> None:
    cls = type(record)
    if cls is Municipality:
        return
    parent_attr, parent_cls = PARENTS[cls]
    if parent_id is None:
        raise UserError(_("Brakuje elementu nadrzędnego."))
    parent = load(session, parent_cls, parent_id)
    setattr(record, parent_attr, parent.id)
    assert isinstance(record, OwnedRecord)
    if isinstance(parent, Municipality):
        record.municipality_id = parent.id
    else:
        assert isinstance(parent, OwnedRecord)
        record.municipality_id = parent.municipality_id


def set_defaults(record: Record) -> None:
    """Python-side defaults, so rules can read them before the first flush."""
    table = type(record).__table__
    for column in table.columns:
        if getattr(record, column.key, None) is None and column.default is not None:
            default = column.default
            if getattr(default, "is_scalar", False):
                setattr(record, column.key, default.arg)


def _next_position(session: Session, record: Record) -> int:
    cls: Any = type(record)
    parent_attr = PARENTS[cls][0]
    query = select(func.max(cls.position)).where(
        getattr(cls, parent_attr) == getattr(record, parent_attr)
    )
    current = session.scalar(query)
    return 0 if current is None else int(current) + 1


def _owners(cls: type[Record]) -> list[tuple[str, type[Record]]]:
    """The references of ``cls`` whose target must be live for it to be (parent first)."""
    owners = [PARENTS[cls]] if cls in PARENTS else []
    for owner_cls, dependents in DEPENDENTS.items():
        for child_cls, attr in dependents:
            if child_cls is cls and (attr, owner_cls) not in owners:
                owners.append((attr, owner_cls))
    return owners


def _fresh_stamp(session: Session, record: Record) -> datetime:
    """The time to tombstone with, later than any earlier deletion below ``record``.

    :func:`restore` tells this deletion from an earlier one by its stamp alone, so
    two must never be equal, even with a coarse clock (about 16 ms on older Windows).
    """
    stamp = utcnow()
    earlier = [
        d.deleted_at
        for d in _dependents(session, record, include_deleted=True)
        if d.deleted_at is not None
    ]
    if earlier and max(earlier) >= stamp:
        stamp = max(earlier) + timedelta(microseconds=1)
    return stamp


def _dependents(session: Session, record: Record, include_deleted: bool = False) -> list[Record]:
    """Everything deleted together with ``record`` (all descendants)."""
    found: list[Record] = []
    queue: list[Record] = [record]
    options = {"include_deleted": include_deleted}
    if isinstance(record, Municipality):
        from app.model import RECORD_CLASSES

        for cls in RECORD_CLASSES:
            if issubclass(cls, OwnedRecord):
                found.extend(
                    session.scalars(
                        select(cls)
                        .where(cls.municipality_id == record.id)
                        .execution_options(**options)
                    ).all()
                )
        return found
    while queue:
        current = queue.pop()
        for child_cls, attr in DEPENDENTS.get(type(current), ()):
            rows = session.scalars(
                select(child_cls)
                .where(getattr(child_cls, attr) == current.id)
                .execution_options(**options)
            ).all()
            for row in rows:
                if row not in found:
                    found.append(row)
                    queue.append(row)
    return found


def _publish(store: Store, kind: ChangeKind, record: Record, fields: Sequence[str] = ()) -> None:
    municipality = (
        record.id if isinstance(record, Municipality) else getattr(record, "municipality_id", None)
    )
    store.changes.publish(
        Change(kind, type(record).__tablename__, (record.id,), municipality, tuple(fields))
    )


def apply_defaults(values: Mapping[str, Any], **defaults: Any) -> dict[str, Any]:
    merged = dict(defaults)
    merged.update(values)
    return merged
