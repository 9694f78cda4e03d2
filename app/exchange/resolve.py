"""Resolving a plan: the writes an import makes, given the user's choice for each conflict."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.errors import UserError
from app.exchange import codec, describe
from app.exchange import format as fmt
from app.exchange.codec import Wire
from app.exchange.plan import Choice, ImportPlan, Item, Outcome, listing
from app.i18n import _
from app.services.fields import DEPENDENTS, PARENTS

_COPY_NAMESPACE = uuid.UUID("0b6f2f7e-5d2c-4c55-9a8e-7d1c2e9b4f31")


@dataclass(frozen=True)
class Write:
    table: str
    record_id: str
    wire: Wire
    insert: bool
    outcome: str  # for the log: added, changed, deleted, conflict-…, kept-alive, copy


@dataclass
class Resolution:
    writes: list[Write]
    kept_alive: list[str]  # titles of records whose deletion was dropped for a kept child

    def count(self, *outcomes: str) -> int:
        return sum(1 for write in self.writes if write.outcome in outcomes)


Choices = Mapping[str, Choice]


def unresolved(plan: ImportPlan, choices: Choices, default: Choice | None = None) -> list[Item]:
    return [
        item
        for item in plan.conflicts
        if (choices.get(item.record_id) or default) not in item.choices()
    ]


def resolve(plan: ImportPlan, choices: Choices, default: Choice | None = None) -> Resolution:
    """The writes an import makes with these choices (every conflict needs one)."""
    missing = unresolved(plan, choices, default)
    if missing:
        raise UserError(
            _("Rozstrzygnij najpierw konflikty ({count}): {records}.").format(
                count=len(missing),
                records=listing([f"{i.type_label} „{i.title}”" for i in missing]),
            )
        )
    final: dict[str, Write] = {}
    for item in plan.items:
        choice = choices.get(item.record_id) or default
        for write in _writes_for(item, choice):
            final[write.record_id] = write
    kept = _keep_owners_alive(plan, final)
    order = {table: index for index, table in enumerate(fmt.TABLE_ORDER)}
    writes = sorted(final.values(), key=lambda w: (order[w.table], w.record_id))
    return Resolution(writes, kept)


def _writes_for(item: Item, choice: Choice | None) -> list[Write]:
    table, record_id, theirs = item.table, item.record_id, item.theirs
    if item.outcome is Outcome.ADDED or item.outcome is Outcome.TOMBSTONE:
        return [Write(table, record_id, theirs, True, item.outcome.value)]
    if item.outcome is not Outcome.CONFLICT:
        return [Write(table, record_id, theirs, False, item.outcome.value)]
    if choice is Choice.THEIRS:
        return [Write(table, record_id, theirs, False, "conflict-theirs")]
    if choice is Choice.BOTH and item.mine is not None:
        return _both(item, item.mine)
    return []


def _both(item: Item, mine: Wire) -> list[Write]:
    """Keep both notes. Which version keeps the id is decided by content, not by side,
    so that both laptops resolving the same conflict end with the same two notes."""
    first, second = sorted((mine, item.theirs), key=codec.content_hash)
    copy = dict(second)
    copy["id"] = copy_id(item.record_id, codec.content_hash(second))
    writes = [Write(item.table, copy["id"], copy, True, "conflict-copy")]
    if first is not mine:
        writes.append(Write(item.table, item.record_id, first, False, "conflict-both"))
    return writes


def copy_id(record_id: str, version: str) -> str:
    return str(uuid.uuid5(_COPY_NAMESPACE, f"{record_id}/{version}"))


def _owners(table: str) -> list[tuple[str, str]]:
    """(column, owner table) whose deletion takes this record with it."""
    cls = codec.TABLES[table]
    owners = []
    if cls in PARENTS:
        attr, parent = PARENTS[cls]
        owners.append((attr, parent.__tablename__))
    for owner_cls, dependents in DEPENDENTS.items():
        for child_cls, attr in dependents:
            if child_cls is cls and (attr, owner_cls.__tablename__) not in owners:
                owners.append((attr, owner_cls.__tablename__))
    return owners


_OWNERS = {table: _owners(table) for table in codec.TABLES}


def _keep_owners_alive(plan: ImportPlan, final: dict[str, Write]) -> list[str]:
    """A record kept alive keeps what it belongs to alive.

    When one side deleted an owner (a goal, say) and the other edited something
    below it that the user keeps, the owner's deletion is dropped in favour of its
    live version. Both sides apply the same rule, so they end with the same data.
    """
    kept: list[str] = []
    changed = True
    while changed:
        changed = False
        for record_id, (table, wire) in _merged(plan, final):
            if codec.is_deleted(wire):
                continue
            for attr, owner_table in _OWNERS[table]:
                owner_id = wire.get(attr)
                if owner_id is None or (owner_id not in final and record_id not in final):
                    continue
                owner = _state(plan, final, owner_id)
                if owner is None or not codec.is_deleted(owner[1]):
                    continue
                if not _revive(plan, final, owner_id):
                    raise _orphan(table, wire, owner_table)
                kept.append(f"{describe.type_label(owner_table)} „{describe.title(*owner)}”")
                changed = True
    return kept


def _merged(plan: ImportPlan, final: Mapping[str, Write]) -> Iterable[tuple[str, tuple[str, Wire]]]:
    for record_id in sorted(set(plan.mine) | set(final)):
        state = _state(plan, final, record_id)
        if state is not None:
            yield record_id, state


def _state(plan: ImportPlan, final: Mapping[str, Write], record_id: str) -> tuple[str, Wire] | None:
    write = final.get(record_id)
    if write is not None:
        return write.table, write.wire
    return plan.mine.get(record_id)


def _revive(plan: ImportPlan, final: dict[str, Write], owner_id: str) -> bool:
    """Make the owner live again from the side where it is live; False when neither is."""
    mine = plan.mine.get(owner_id)
    if owner_id in final and mine is not None and not codec.is_deleted(mine[1]):
        del final[owner_id]  # the incoming deletion is dropped: ours stays
        return True
    theirs = plan.theirs.get(owner_id)
    if theirs is not None and not codec.is_deleted(theirs[1]):
        table, wire = theirs
        final[owner_id] = Write(table, owner_id, wire, mine is None, "kept-alive")
        return True
    return False


def _orphan(table: str, wire: Wire, owner_table: str) -> UserError:
    return UserError(
        _(
            "Nie można zachować: {kind} „{title}” należy do elementu ({owner}), który został "
            "usunięty, a w pliku nie ma jego wersji do przywrócenia. Wybierz inną wersję albo "
            "zaimportuj pełny plik. Dane pozostały bez zmian."
        ).format(
            kind=describe.type_label(table),
            title=describe.title(table, wire),
            owner=describe.type_label(owner_table),
        )
    )
