"""Spreadsheet imports (SIO extracts, CKE/OKE exam results) through a column mapping.

:func:`plan` reads the sheet, matches each row to a school — by RSPO number,
else by name (such rows wait for the officer's confirmation) — checks every
value like the grids do and says what would be new, changed or unchanged; it
writes nothing, and any bad value refuses the whole file with the row named.
Totals rows (``Razem``, ``Ogółem``…) are skipped; in exam sheets the rows of
the gmina, powiat, voivodeship and country give the comparison levels.
:func:`apply` writes a plan in one transaction after a ``before-import``
backup, then refreshes the indicators bound to computed series.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import _
from app.imports import tabular
from app.imports.mapping import EXAM, ROW_SUBJECT, Mapping
from app.model import (
    ExamKind,
    ExamResult,
    Municipality,
    OwnedRecord,
    School,
    SchoolYearStats,
    new_id,
    utcnow,
)
from app.services import records, validation
from app.services.fields import FIELDS
from app.services.school_data.grid import ALL_SUBJECTS
from app.services.school_data.snapshot import SchoolRef
from app.storage import bulk, closed_years
from app.storage.store import Store
from app.textnorm import fold

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"
SUBJECT_LENGTH = 60  # ExamResult.subject
_TOTALS = ("razem", "ogolem", "suma", "lacznie", "w sumie")
_LEVELS = {
    "gmina": "gmina_pct",
    "miasto": "gmina_pct",
    "powiat": "powiat_pct",
    "wojewodztwo": "voivodeship_pct",
    "kraj": "country_pct",
    "polska": "country_pct",
}


@dataclass(frozen=True)
class SheetRow:
    line: int
    school_id: str
    school_name: str
    by_name: bool  # matched by name only: needs the officer's confirmation
    year: int
    subject: str | None  # exams: one row per subject
    values: dict[str, Any]
    status: str
    old: dict[str, Any] = field(default_factory=dict)  # a changed row: the values it replaces


@dataclass
class SheetPlan:
    municipality_id: str
    file_name: str
    target: str
    exam: ExamKind
    rows: list[SheetRow] = field(default_factory=list)
    unmatched: list[tuple[int, str]] = field(default_factory=list)
    totals_skipped: int = 0
    comparisons: dict[str, dict[str, float]] = field(default_factory=dict)  # subject → level → %

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def by_name(self) -> list[SheetRow]:
        return [row for row in self.rows if row.by_name]


def plan(
    store: Store,
    municipality_id: str,
    path: Path,
    mapping: Mapping,
    year: int | None = None,
    table: tabular.Table | None = None,
) -> SheetPlan:
    """What importing ``path`` through ``mapping`` would write; writes nothing.

    ``table``: the sheet already read (off the GUI thread), used when it is that
    file's sheet the mapping names.
    """
    if year is not None:
        mapping = replace(mapping, year=year)
    mapping.check()
    if mapping.year is None and "year" not in mapping.columns:
        raise UserError(_("Podaj rok szkolny albo kolumnę, w której jest."), field="year")
    same = table is not None and table.path == path and mapping.sheet in (None, table.sheet)
    if table is None or not same:
        table = tabular.read(path, mapping.sheet)
    headers = table.headers(mapping.header_row)
    where = _columns(headers, mapping, path.name)
    fixed_year = year if year is not None else mapping.year
    with store.session() as session:  # plain rows: a large city has thousands of schools
        schools = [
            SchoolRef(*row)
            for row in session.execute(
                select(School.id, School.name, School.rspo, School.school_type).where(
                    School.municipality_id == municipality_id
                )
            )
        ]
    by_rspo = {s.rspo: s for s in schools if s.rspo}
    by_name: dict[str, SchoolRef] = {}  # folded names, made when a row needs one
    result = SheetPlan(municipality_id, path.name, mapping.target, ExamKind(mapping.exam))
    matched: list[tuple[int, SchoolRef, bool, int, dict[str, Any]]] = []
    for line, cells in table.body(mapping.header_row):
        raw = {key: cells[index] if index < len(cells) else None for key, index in where.items()}
        label = tabular.text_of(raw.get("name")) or tabular.text_of(raw.get("rspo"))
        rspo = "".join(ch for ch in tabular.text_of(raw.get("rspo")) if ch.isdigit())
        kind = _row_kind(label, rspo)
        if kind == "totals":
            result.totals_skipped += 1
            continue
        values = _numbers(raw, line)
        if "subject" in raw:
            values = _row_subject(raw["subject"], values, line)
        if kind is not None:
            if mapping.target == EXAM:
                _comparison(result, kind, values, line)
            continue
        school = by_rspo.get(rspo) if rspo else None
        found_by_name = school is None
        if school is None:
            by_name = by_name or {fold(s.name): s for s in schools}
            school = by_name.get(fold(label))
        if school is None:
            result.unmatched.append((line, label))
            continue
        matched.append((line, school, found_by_name, _year(raw, fixed_year, line), values))
    with store.session() as session:
        existing = _existing(session, municipality_id, result)
    for line, school, found_by_name, school_year, values in matched:
        result.rows.extend(
            _planned(existing, mapping, line, school, found_by_name, school_year, values)
        )
    if not result.rows and not result.unmatched:
        raise UserError(
            _("W pliku {name} nie ma wierszy z danymi szkół. Dane pozostały bez zmian.").format(
                name=path.name
            )
        )
    return result


def _columns(headers: list[str], mapping: Mapping, file_name: str) -> dict[str, int]:
    where: dict[str, int] = {}
    missing = []
    for key, header in mapping.columns.items():
        index = tabular.column_index(headers, header)
        if index is None:
            missing.append(header)
        else:
            where[key] = index
    if missing:
        raise UserError(
            _(
                "Plik {name} nie pasuje do przypisania kolumn „{mapping}”: brak kolumn {columns}. "
                "Dane pozostały bez zmian."
            ).format(
                name=file_name,
                mapping=mapping.name,
                columns=", ".join(f"„{m}”" for m in missing[:5]),
            )
        )
    return where


def _row_kind(label: str, rspo: str) -> str | None:
    """``totals``, a comparison level's column, or None for a school's row."""
    if rspo:
        return None  # a row with an RSPO number is a school's
    folded = fold(label)
    if folded.startswith(_TOTALS):
        return "totals"
    for word, column in _LEVELS.items():
        if folded.startswith(word):
            return column
    return None


def _numbers(raw: dict[str, tabular.Cell], line: int) -> dict[str, float | None]:
    values: dict[str, float | None] = {}
    for key, cell in raw.items():
        if key in ("rspo", "name", "year", "subject"):
            continue
        try:
            values[key] = tabular.number(cell)
        except ValueError:
            raise _line_error(
                line, _("„{value}” nie jest liczbą").format(value=tabular.text_of(cell)[:40])
            ) from None
    return values


def _row_subject(
    cell: tabular.Cell, values: dict[str, float | None], line: int
) -> dict[str, float | None]:
    """``values`` with the row's subject (a qualification, ``ogółem``) for ``*``."""
    subject = tabular.text_of(cell)
    if fold(subject) == fold(ALL_SUBJECTS):
        subject = ALL_SUBJECTS
    if not subject and any(v is not None for v in values.values()):
        raise _line_error(line, _("brak przedmiotu albo kwalifikacji przy wynikach"))
    if len(subject) > SUBJECT_LENGTH:
        raise _line_error(
            line,
            _("nazwa przedmiotu albo kwalifikacji jest dłuższa niż {count} znaków").format(
                count=SUBJECT_LENGTH
            ),
        )
    prefix = ROW_SUBJECT + "|"
    return {
        (subject + key[1:] if key.startswith(prefix) else key): value
        for key, value in values.items()
    }


def _year(raw: dict[str, tabular.Cell], fixed: int | None, line: int) -> int:
    if "year" in raw:
        text = tabular.text_of(raw["year"])
        digits = text.split("/")[0].strip()
        if digits.isdigit():
            return int(digits)
        raise _line_error(line, _("rok szkolny „{value}” jest niepoprawny").format(value=text[:20]))
    assert fixed is not None  # plan() checked that a year is given
    return fixed


def _comparison(result: SheetPlan, column: str, values: dict[str, float | None], line: int) -> None:
    # the egzamin zawodowy has no mean: its levels compare the pass rate
    compared = "pass_rate" if result.exam is ExamKind.VOCATIONAL else "mean_pct"
    for key, value in values.items():
        subject, _sep, name = key.partition("|")
        if name == compared and value is not None:
            try:
                validation.clean_value(column, FIELDS[ExamResult][column], value)
            except UserError as error:
                raise _line_error(line, error.message.rstrip(".")) from None
            result.comparisons.setdefault(subject, {})[column] = value


def _planned(
    existing: dict[Key, OwnedRecord],
    mapping: Mapping,
    line: int,
    school: SchoolRef,
    by_name: bool,
    year: int,
    values: dict[str, float | None],
) -> list[SheetRow]:
    if mapping.target == EXAM:
        subjects: dict[str, dict[str, float | None]] = {}
        for key, value in values.items():
            subject, _sep, name = key.partition("|")
            if name:
                subjects.setdefault(subject, {})[name] = value
        return [
            _row(existing, line, school, by_name, year, subject, fields)
            for subject, fields in subjects.items()
            if any(v is not None for v in fields.values())
        ]
    fields = {k: v for k, v in values.items() if k != "year"}
    return [_row(existing, line, school, by_name, year, None, fields)]


def _row(
    existing: dict[Key, OwnedRecord],
    line: int,
    school: SchoolRef,
    by_name: bool,
    year: int,
    subject: str | None,
    values: dict[str, float | None],
) -> SheetRow:
    current = existing.get((school.id, year, subject))
    cls: type[OwnedRecord] = ExamResult if subject is not None else SchoolYearStats
    try:
        given = {k: v for k, v in values.items() if v is not None}  # None stays None
        cleaned = {"school_year": _checked_year(year), **validation.clean_fields(cls, given)}
        merged = {name: getattr(current, name) for name in FIELDS[cls]} if current else {}
        merged.update({k: v for k, v in cleaned.items() if v is not None})
        if subject is None:  # an exam row has no rules between its fields (and may be many)
            validation.check_rules(SchoolYearStats(**merged))
    except UserError as error:
        raise _line_error(line, error.message.rstrip(".")) from None
    new_values = {k: v for k, v in cleaned.items() if v is not None and k != "school_year"}
    old = {} if current is None else _replaced(current, new_values)
    status = NEW if current is None else CHANGED if old else UNCHANGED
    return SheetRow(line, school.id, school.name, by_name, year, subject, new_values, status, old)


@cache
def _checked_year(year: int) -> int:
    """The school year, checked once per year (not once per row)."""
    return int(validation.clean_value("school_year", FIELDS[SchoolYearStats]["school_year"], year))


def _replaced(current: OwnedRecord, values: dict[str, Any]) -> dict[str, Any]:
    """The stored values ``values`` would change."""
    return {k: getattr(current, k) for k, v in values.items() if getattr(current, k) != v}


Key = tuple[str, int, str | None]  # school, school year, exam subject (None: stats)


def _existing(
    session: Session, municipality_id: str, prepared: SheetPlan
) -> dict[Key, OwnedRecord]:
    """The live rows an import may change, by key, in one query."""
    found: dict[Key, OwnedRecord] = {}
    if prepared.target == EXAM:
        for result in session.scalars(
            select(ExamResult).where(
                ExamResult.municipality_id == municipality_id, ExamResult.exam == prepared.exam
            )
        ):
            found[(result.school_id, result.school_year, result.subject)] = result
        return found
    for stats in session.scalars(
        select(SchoolYearStats).where(SchoolYearStats.municipality_id == municipality_id)
    ):
        found[(stats.school_id, stats.school_year, None)] = stats
    return found


def _line_error(line: int, detail: str) -> UserError:
    return UserError(
        _("Wiersz {line}: {detail}. Plik nie został wczytany; dane pozostały bez zmian.").format(
            line=line, detail=detail
        )
    )


def apply(store: Store, prepared: SheetPlan, confirm_names: bool = False) -> int:
    """Write ``prepared`` (rows matched by name only if confirmed); returns rows written.

    One transaction after a backup: new rows in one bulk insert, changed ones
    in one flush; the comparison levels go on every imported exam row.
    """
    from app.services.school_data.binding import sync

    rows = [row for row in prepared.rows if confirm_names or not row.by_name]
    if not any(row.status != UNCHANGED for row in rows) and not prepared.comparisons:
        return 0
    store.backup("before-import")
    written = 0
    with store.session() as session:
        records.load(session, Municipality, prepared.municipality_id)
        closed_years.refuse_closed(session, prepared.municipality_id, {row.year for row in rows})
        existing = _existing(session, prepared.municipality_id, prepared)
        new: list[dict[str, Any]] = []
        now = utcnow()
        for row in rows:
            values = dict(row.values)
            if row.subject is not None:
                values.update(prepared.comparisons.get(row.subject, {}))
            current = existing.get((row.school_id, row.year, row.subject))
            if current is None:
                new.append(_new_row(prepared, row, values, now))
                written += 1
                continue
            if any(getattr(current, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(current, name, value)
                written += row.status != UNCHANGED
        session.flush()
        if new:  # plain executemany: thousands of rows of a large city in one statement
            cls = ExamResult if prepared.target == EXAM else SchoolYearStats
            bulk.insert_rows(session, cls, new)
    store.changes.publish(
        Change(ChangeKind.RELOADED, "school_year_stats", (), prepared.municipality_id)
    )
    sync(store, prepared.municipality_id)
    return written


def _new_row(
    prepared: SheetPlan, row: SheetRow, values: dict[str, Any], now: datetime
) -> dict[str, Any]:
    base: dict[str, Any] = {
        "municipality_id": prepared.municipality_id,
        "school_id": row.school_id,
        "school_year": row.year,
    }
    if row.subject is not None:
        base.update(exam=prepared.exam, subject=row.subject)
    stamps = {"id": new_id(), "created_at": now, "updated_at": now, "deleted_at": None}
    return {**_EMPTY[prepared.target], **base, **values, **stamps}


_EMPTY: dict[str, dict[str, Any]] = {
    EXAM: dict.fromkeys(FIELDS[ExamResult]),
    "stats": dict.fromkeys(FIELDS[SchoolYearStats]),
}
