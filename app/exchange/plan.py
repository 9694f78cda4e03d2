"""Planning an import: what it would add, change and delete, and what conflicts.

The rule, record by record (identity is the UUID):

- a record we do not have is added;
- the same content on both sides is left alone;
- their version is one we have already seen (we changed it since, or chose
  ours before): ours stays;
- our version is one they have seen (they changed it since): theirs is taken,
  a deletion included — tombstones propagate like any other change;
- both of the above (each side has had both versions: each kept its own, or
  each took the other's at a crossing exchange): the version with the higher
  ``(version counter, content hash)`` wins, on both sides alike, so any
  sequence of exchanges converges;
- otherwise both sides changed it since they last met: a conflict, which the
  user resolves per record (ours, theirs, or for notes both).

"Seen" comes from :class:`app.model.SeenVersion` (ours) and from the file
(theirs), so the outcome does not depend on who imports first, re-importing a
file changes nothing, and a third laptop in the chain merges the same way.
Planning only reads the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import select, union_all
from sqlalchemy.orm import Session

from app.errors import UserError
from app.exchange import codec, describe
from app.exchange import format as fmt
from app.exchange.codec import Wire
from app.exchange.reader import Package
from app.i18n import _
from app.model import SHARED_TABLES, Municipality, SeenVersion, in_scope
from app.services.fields import LINKABLE
from app.storage import change_log
from app.storage.store import Store
from app.textnorm import fold

KEEP_BOTH_TABLES = frozenset({"monitoring_note"})


class Outcome(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    DELETED = "deleted"
    CONFLICT = "conflict"
    TOMBSTONE = "tombstone"  # a deletion of a record we never had: kept for references


class Choice(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"


@dataclass(frozen=True)
class Item:
    table: str
    record_id: str
    outcome: Outcome
    mine: Wire | None
    theirs: Wire

    @property
    def title(self) -> str:
        return describe.title(self.table, self.theirs if self.mine is None else self.mine)

    @property
    def type_label(self) -> str:
        return describe.type_label(self.table)

    @property
    def can_keep_both(self) -> bool:
        return (
            self.outcome is Outcome.CONFLICT
            and self.table in KEEP_BOTH_TABLES
            and self.mine is not None
            and not codec.is_deleted(self.mine)
            and not codec.is_deleted(self.theirs)
        )

    def choices(self) -> tuple[Choice, ...]:
        if self.can_keep_both:
            return (Choice.MINE, Choice.THEIRS, Choice.BOTH)
        return (Choice.MINE, Choice.THEIRS)


@dataclass
class ImportPlan:
    """What an import would do, computed without writing anything."""

    package: Package
    municipality_id: str
    municipality_name: str
    new_municipality: bool
    items: list[Item]
    mine: dict[str, tuple[str, Wire]]
    theirs: dict[str, tuple[str, Wire]]
    known: dict[str, set[str]]
    warnings: list[str] = field(default_factory=list)
    newer_here: int = 0  # records that differ from the file, ours being the later version

    def of(self, outcome: Outcome) -> list[Item]:
        return [item for item in self.items if item.outcome is outcome]

    @property
    def added(self) -> list[Item]:
        return self.of(Outcome.ADDED)

    @property
    def changed(self) -> list[Item]:
        return self.of(Outcome.CHANGED)

    @property
    def deleted(self) -> list[Item]:
        return self.of(Outcome.DELETED)

    @property
    def conflicts(self) -> list[Item]:
        return self.of(Outcome.CONFLICT)

    def lookup(self, record_id: str) -> tuple[str, Wire] | None:
        """A record of the municipality as it is here, or else as the file has it."""
        return self.mine.get(record_id) or self.theirs.get(record_id)

    def differences(self, item: Item) -> list[describe.FieldRow]:
        return describe.differences(item.table, item.mine, item.theirs, self.lookup)

    @property
    def nothing_to_do(self) -> bool:
        return not self.items and not self.new_seen()

    def new_seen(self) -> list[dict[str, str]]:
        """Versions the file tells of that this installation has not recorded yet."""
        rows = []
        for record_id, (_table, wire) in self.theirs.items():
            versions = {codec.content_hash(wire)} | set(self.package.seen.get(record_id, ()))
            for version in sorted(versions - self.known.get(record_id, set())):
                rows.append(
                    {
                        "record_id": record_id,
                        "version": version,
                        "municipality_id": self.municipality_id,
                    }
                )
        return rows


# -- planning --------------------------------------------------------------------------


def plan_import(
    store: Store, package: Package, expected_municipality_id: str | None = None
) -> ImportPlan:
    """What importing ``package`` would do; raises UserError for files that cannot be applied."""
    manifest = package.manifest
    _check_expected(store, manifest, expected_municipality_id)
    theirs = {wire["id"]: (table, wire) for table, rows in package.records.items() for wire in rows}
    with store.session() as session:
        mine = load_records(session, manifest.municipality_id)
        known = _load_known(session, manifest.municipality_id)
        state = _State(known, change_log.counters(session, manifest.municipality_id))
        _check_foreign_ids(session, theirs, mine)
        warnings = _namesakes(session, manifest, mine)
    items = [
        item
        for record_id, (table, wire) in _ordered(theirs)
        if (item := _classify(table, wire, mine.get(record_id), state, package)) is not None
    ]
    plan = ImportPlan(
        package=package,
        municipality_id=manifest.municipality_id,
        municipality_name=manifest.municipality_name,
        new_municipality=manifest.municipality_id not in mine,
        items=items,
        mine=mine,
        theirs=theirs,
        known=known,
        warnings=warnings,
        newer_here=state.newer_here,
    )
    _check_references(plan)
    if not manifest.complete:
        plan.warnings.append(
            _("Plik zawiera tylko część danych JST ({parts}{since}).").format(
                parts=", ".join(fmt.part_label(part) for part in manifest.parts),
                since=_("; zmiany od {day}").format(day=manifest.since.strftime("%d.%m.%Y"))
                if manifest.since
                else "",
            )
        )
    return plan


def _check_expected(store: Store, manifest: fmt.Manifest, expected: str | None) -> None:
    if expected is None or expected == manifest.municipality_id or manifest.is_network:
        return
    with store.session() as session:
        chosen = session.get(Municipality, expected)
        name = chosen.name if chosen is not None else expected
    raise UserError(
        _(
            "Ten plik dotyczy JST „{theirs}”, a wybrano JST „{chosen}”. Wybierz właściwą JST "
            "albo importuj plik bez wskazywania JST. Dane pozostały bez zmian."
        ).format(theirs=manifest.municipality_name, chosen=name)
    )


def _classify(
    table: str,
    theirs: Wire,
    mine_entry: tuple[str, Wire] | None,
    state: _State,
    package: Package,
) -> Item | None:
    record_id = theirs["id"]
    if mine_entry is None:
        outcome = Outcome.TOMBSTONE if codec.is_deleted(theirs) else Outcome.ADDED
        return Item(table, record_id, outcome, None, theirs)
    mine_table, mine = mine_entry
    if mine_table != table:
        raise _foreign_ids()
    theirs_hash, mine_hash = codec.content_hash(theirs), codec.content_hash(mine)
    if theirs_hash == mine_hash or (codec.is_deleted(theirs) and codec.is_deleted(mine)):
        return None
    we_saw_theirs = theirs_hash in state.known.get(record_id, set())
    they_saw_mine = mine_hash in package.seen.get(record_id, frozenset())
    if we_saw_theirs and they_saw_mine:
        # Both sides have had both versions (each kept its own, or each took the
        # other's): the same deterministic winner on both, so they converge.
        ours = (state.counters.get(record_id, 0), mine_hash)
        if ours >= (package.counters.get(record_id, 0), theirs_hash):
            state.newer_here += 1
            return None
    elif we_saw_theirs:
        state.newer_here += 1
        return None  # we have been past their version: ours stays
    if they_saw_mine:
        deleting = codec.is_deleted(theirs) and not codec.is_deleted(mine)
        return Item(
            table, record_id, Outcome.DELETED if deleting else Outcome.CHANGED, mine, theirs
        )
    return Item(table, record_id, Outcome.CONFLICT, mine, theirs)


@dataclass
class _State:
    """What this installation knows about the municipality's versions."""

    known: dict[str, set[str]]
    counters: dict[str, int]
    newer_here: int = 0


def _ordered(records: Mapping[str, tuple[str, Wire]]) -> list[tuple[str, tuple[str, Wire]]]:
    rank = {table: index for index, table in enumerate(fmt.TABLE_ORDER)}
    return sorted(records.items(), key=lambda entry: (rank[entry[1][0]], entry[0]))


def snapshot(store: Store, municipality_id: str) -> dict[str, tuple[str, Wire]]:
    """Every record of the municipality (deleted ones too) as it would travel, by id."""
    with store.session() as session:
        return load_records(session, municipality_id)


def load_records(session: Session, municipality_id: str) -> dict[str, tuple[str, Wire]]:
    mine: dict[str, tuple[str, Wire]] = {}
    for table, cls in codec.TABLES.items():
        query = select(cls).execution_options(include_deleted=True)
        if table not in SHARED_TABLES:  # a shared record here is ours whichever JST it came with
            query = query.where(in_scope(cls, municipality_id))
        found = list(session.scalars(query).all())
        links = codec.load_school_links(session, [r.id for r in found]) if table == "action" else {}
        for record in found:
            mine[record.id] = (table, codec.encode(record, links.get(record.id)))
    return mine


def _load_known(session: Session, municipality_id: str) -> dict[str, set[str]]:
    known: dict[str, set[str]] = {}
    rows = session.execute(
        select(SeenVersion.record_id, SeenVersion.version).where(
            SeenVersion.municipality_id == municipality_id
        )
    )
    for record_id, version in rows:
        known.setdefault(record_id, set()).add(version)
    return known


def _check_foreign_ids(
    session: Session, theirs: Mapping[str, tuple[str, Wire]], mine: Mapping[str, Any]
) -> None:
    """An id we hold for another municipality (or another kind of record) is refused."""
    unknown = [record_id for record_id in theirs if record_id not in mine]
    tables = [cls.__table__ for cls in codec.TABLES.values()]
    for chunk in codec.chunks(unknown, 400):
        anywhere = union_all(*(select(table.c.id).where(table.c.id.in_(chunk)) for table in tables))
        if session.execute(anywhere.limit(1)).first():
            raise _foreign_ids()


def _foreign_ids() -> UserError:
    return UserError(
        _(
            "Plik zawiera rekordy, których identyfikatory należą tu do innej JST lub do innego "
            "rodzaju danych. Pliku nie można zaimportować; dane pozostały bez zmian."
        )
    )


def _namesakes(session: Session, manifest: fmt.Manifest, mine: Mapping[str, Any]) -> list[str]:
    if manifest.municipality_id in mine or manifest.is_network:
        return []
    wanted = fold(manifest.municipality_name)
    same = [m for m in session.scalars(select(Municipality)).all() if fold(m.name) == wanted]
    if not same:
        return []
    return [
        _(
            "W programie jest już JST o nazwie „{name}”, ale to inna kartoteka (utworzona "
            "osobno). Import doda drugą JST o tej nazwie; jej danych nie połączy z istniejącą."
        ).format(name=manifest.municipality_name)
    ]


# -- references ----------------------------------------------------------------------


def _references(table: str) -> list[tuple[str, str]]:
    """(column, target table) of each foreign key of ``table``."""
    cls = codec.TABLES[table]
    found = []
    for column in cls.__table__.columns:
        for key in column.foreign_keys:
            found.append((column.key, key.column.table.name))
    return found


_REFERENCES = {table: _references(table) for table in codec.TABLES}
_LINK_TABLES = {cls.__tablename__ for cls in LINKABLE}


def _targets(table: str, wire: Wire) -> list[tuple[Any, str | None]]:
    """(id, table it must be in) of everything ``wire`` refers to."""
    targets: list[tuple[Any, str | None]] = [
        (wire[name], target) for name, target in _REFERENCES[table] if wire[name] is not None
    ]
    link_type, link_id = wire.get("link_type"), wire.get("link_id")
    if link_type is not None or link_id is not None:
        valid = link_type in _LINK_TABLES and link_id is not None
        targets.append((link_id, link_type if valid else None))
    targets += [(school, "school") for school in wire.get(codec.SCHOOLS, ())]
    return targets


def _resolves(plan: ImportPlan, target_id: Any, table: str | None) -> bool:
    found = plan.lookup(str(target_id)) if table is not None else None
    return found is not None and found[0] == table


def _check_references(plan: ImportPlan) -> None:
    """Every reference in the file points at a record here or in the file: else nothing is done."""
    dangling: list[str] = []
    for _record_id, (table, wire) in _ordered(plan.theirs):
        if not all(
            _resolves(plan, target, table_name) for target, table_name in _targets(table, wire)
        ):
            dangling.append(f"{describe.type_label(table)} „{describe.title(table, wire)}”")
    if not dangling:
        return
    hint = (
        ""
        if plan.package.manifest.complete
        else " " + _("Plik zawiera tylko część danych JST — zaimportuj najpierw pełny plik.")
    )
    raise UserError(
        _(
            "Plik odwołuje się do rekordów, których nie ma ani w pliku, ani w programie: "
            "{records}. Nic nie zaimportowano.{hint}"
        ).format(records=listing(dangling), hint=hint)
    )


def listing(names: list[str], limit: int = 5) -> str:
    shown = "; ".join(names[:limit])
    if len(names) > limit:
        shown += " " + _("i {count} innych").format(count=len(names) - limit)
    return shown
