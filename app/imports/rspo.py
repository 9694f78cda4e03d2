"""The RSPO register's CSV export → the JST's schools, matched on the RSPO number.

:func:`plan` reads the file and compares it with the schools held (new /
changed / unchanged), writing nothing; :func:`apply` writes a plan in one
transaction after a ``before-import`` backup. Columns are found by header name
(their order has changed between RSPO versions); only the rows of the JST's
gmina (by TERYT code or name) are taken when the file says where a school is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.catalogs import school_types
from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import _
from app.imports import tabular
from app.model import Municipality, School
from app.services import records, validation
from app.storage.store import Store
from app.textnorm import fold

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"

# School field → the RSPO headers that may hold it (newer name first).
_COLUMNS: dict[str, tuple[str, ...]] = {
    "rspo": ("Numer RSPO", "RSPO"),
    "regon": ("REGON",),
    "school_type": ("Typ", "Typ podmiotu"),
    "name": ("Nazwa",),
    "town": ("Miejscowość",),
    "street_name": ("Ulica",),
    "building": ("Numer budynku",),
    "flat": ("Numer lokalu",),
    "postal_code": ("Kod pocztowy",),
    "phone": ("Telefon",),
    "email": ("E-mail", "Email"),
    "director": ("Imię i nazwisko dyrektora", "Dyrektor"),
    "pupils": ("Liczba uczniów",),
    "gmina": ("Gmina",),
    "teryt": ("Kod terytorialny gmina", "Kod TERYT gminy", "Gmina kod TERYT"),
    "operator": ("Nazwa organu prowadzącego", "Organ prowadzący"),
    "public": ("Publiczność status", "Publiczność"),
    "opened_on": ("Data założenia", "Data rozpoczęcia działalności"),
    "closed_on": ("Data likwidacji", "Data zakończenia działalności"),
}
_COMPARED = (
    "name",
    "school_type",
    "regon",
    "street",
    "postal_code",
    "town",
    "director",
    "email",
    "phone",
    "pupils",
    "opened_on",
    "closed_on",
    "is_public",
    "run_by_jst",
    "operator",
)
_PREFIXES = ("gmina miejsko-wiejska ", "gmina miejska ", "gmina wiejska ", "gmina ", "miasto ")


@dataclass(frozen=True)
class RspoRow:
    line: int
    status: str  # new | changed | unchanged
    values: dict[str, Any]
    school_id: str | None = None
    changed: tuple[str, ...] = ()
    operator: str = ""
    old: dict[str, Any] = field(default_factory=dict)  # the changed fields' values held now


@dataclass
class RspoPlan:
    municipality_id: str
    file_name: str
    rows: list[RspoRow] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def has_changes(self) -> bool:
        return any(row.status != UNCHANGED for row in self.rows)


def plan(store: Store, municipality_id: str, path: Path) -> RspoPlan:
    """What importing ``path`` would do to the schools of ``municipality_id``; writes nothing."""
    table = tabular.read(path)
    if not table.rows:
        raise UserError(_("Plik {name} jest pusty.").format(name=path.name))
    headers = [tabular.text_of(c) for c in table.rows[0]]
    where = {name: _find(headers, options) for name, options in _COLUMNS.items()}
    missing = [
        options[0]
        for name, options in _COLUMNS.items()
        if name in ("rspo", "name", "school_type") and where[name] is None
    ]
    if missing:
        raise UserError(
            _("To nie jest eksport RSPO: brak kolumn {names}. Dane pozostały bez zmian.").format(
                names=", ".join(f"„{m}”" for m in missing)
            )
        )
    municipality = records.get(store, Municipality, municipality_id)
    held = {
        s.rspo: s
        for s in records.children(store, School, municipality_id=municipality_id)
        if s.rspo
    }
    result = RspoPlan(municipality_id, path.name)
    for line, row in table.body(1):
        raw = {name: _cell(row, index) for name, index in where.items()}
        if not _ours(raw, municipality):
            continue
        values = _school_values(raw, line, municipality.name)
        school = held.get(values["rspo"])
        if school is None:
            result.rows.append(RspoRow(line, NEW, values, operator=raw["operator"]))
            continue
        changed = tuple(
            name
            for name in _COMPARED
            if values.get(name) is not None and values[name] != getattr(school, name)
        )
        status = CHANGED if changed else UNCHANGED
        old = {name: getattr(school, name) for name in changed}
        result.rows.append(RspoRow(line, status, values, school.id, changed, raw["operator"], old))
    if not result.rows:
        raise UserError(
            _(
                "Plik RSPO nie zawiera szkół ani placówek z JST {name}. Dane pozostały bez zmian."
            ).format(name=municipality.name)
        )
    return result


def _find(headers: list[str], options: tuple[str, ...]) -> int | None:
    for option in options:
        index = tabular.column_index(headers, option)
        if index is not None:
            return index
    return None


def _cell(row: list[tabular.Cell], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return tabular.text_of(row[index])


def _ours(raw: dict[str, str], municipality: Municipality) -> bool:
    """A row of this JST: same TERYT gmina code, else same gmina name; no place → yes."""
    if raw["teryt"] and municipality.teryt:
        return raw["teryt"].replace(" ", "")[:7] == municipality.teryt
    if raw["gmina"]:
        return _bare(raw["gmina"]) == _bare(municipality.name)
    return True


def _bare(name: str) -> str:
    folded = fold(name).strip()
    for prefix in _PREFIXES:
        if folded.startswith(fold(prefix)):
            return folded[len(prefix) :].strip()
    return folded


def _school_values(raw: dict[str, str], line: int, municipality_name: str) -> dict[str, Any]:
    street = " ".join(p for p in (raw["street_name"], raw["building"]) if p)
    if raw["flat"]:
        street = f"{street}/{raw['flat']}"
    values: dict[str, Any] = {
        "rspo": raw["rspo"],
        "regon": raw["regon"] or None,
        "name": raw["name"],
        "school_type": school_type_code(raw["school_type"]),
        "street": street or None,
        "postal_code": raw["postal_code"] or None,
        "town": raw["town"] or None,
        "director": raw["director"] or None,
        "email": raw["email"] or None,
        "phone": raw["phone"] or None,
        "pupils": raw["pupils"] or None,
        "opened_on": _date(raw["opened_on"], line),
        "closed_on": _date(raw["closed_on"], line),
        "is_public": not fold(raw["public"]).startswith("niepubliczn"),
        "run_by_jst": not raw["operator"] or _bare(raw["operator"]) == _bare(municipality_name),
    }
    values["operator"] = None if values["run_by_jst"] else raw["operator"]
    if values["pupils"] is not None:
        try:
            values["pupils"] = int(tabular.number(values["pupils"]) or 0)
        except ValueError:
            raise _row_error(
                line, _("liczba uczniów „{value}” nie jest liczbą").format(value=raw["pupils"])
            ) from None
    if not values["rspo"].isdigit():
        raise _row_error(
            line, _("numer RSPO „{value}” nie jest liczbą").format(value=values["rspo"])
        )
    try:
        cleaned = validation.clean_fields(School, values)
        validation.check_rules(School(**cleaned))
    except UserError as error:
        raise _row_error(line, error.message.rstrip(".")) from None
    return cleaned


def _date(text: str, line: int) -> date | None:
    """An RSPO date: ``2019-09-01`` (or ``01.09.2019`` in older exports); empty → None."""
    text = text.strip()
    if not text:
        return None
    try:
        if "." in text:
            day, month, year = (int(part) for part in text.split("."))
            return date(year, month, day)
        return date.fromisoformat(text[:10])
    except ValueError:
        raise _row_error(
            line, _("data „{value}” jest niepoprawna").format(value=text[:20])
        ) from None


def school_type_code(rspo_type: str) -> str:
    """The catalogue code of an RSPO type name (``Szkoła podstawowa`` → ``szkola_podstawowa``)."""
    folded = fold(rspo_type)
    for code, name in school_types().items():
        if fold(name) == folded:
            return code
    for code, name in school_types().items():
        if folded.startswith(fold(name)):
            return code
    return "inna"


def _row_error(line: int, detail: str) -> UserError:
    return UserError(
        _("Wiersz {line} pliku RSPO: {detail}. Dane pozostały bez zmian.").format(
            line=line, detail=detail
        )
    )


def apply(store: Store, prepared: RspoPlan) -> int:
    """Write ``prepared`` in one transaction after a backup; returns how many schools changed."""
    if not prepared.has_changes:
        return 0
    store.backup("before-import")
    touched: list[str] = []
    with store.session() as session:
        records.load(session, Municipality, prepared.municipality_id)
        for row in prepared.rows:
            if row.status == NEW:
                school = School(municipality_id=prepared.municipality_id, **row.values)
                records.set_defaults(school)
                session.add(school)
            elif row.status == CHANGED:
                school = records.load(session, School, row.school_id or "")
                for name in row.changed:
                    setattr(school, name, row.values[name])
            else:
                continue
            session.flush()
            touched.append(school.id)
    store.changes.publish(
        Change(ChangeKind.UPDATED, "school", tuple(touched), prepared.municipality_id)
    )
    return len(touched)
