"""The data grids: one measure as a table of schools × years, with totals; editing a cell.

A *measure* is one number the officer keeps: a field of :class:`SchoolYearStats`
(school × school year), an exam subject's mean (school × school year) or a
finance field (the JST × calendar year). :func:`grid` reads one;
:func:`set_cell` writes one value (validated like a form; None clears it) and
returns the value it replaced, which is what an undo command needs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import N_, _
from app.model import (
    EducationFinance,
    ExamKind,
    ExamResult,
    Municipality,
    OwnedRecord,
    School,
    SchoolYearStats,
)
from app.services import records, validation
from app.services.fields import FIELDS
from app.services.school_data import snapshot as snapshots
from app.services.school_data.snapshot import DataSnapshot
from app.storage.store import Store

STATS, EXAM, FINANCE = "stats", "exam", "finance"
E8_SUBJECTS = ("język polski", "matematyka", "język angielski")
MATURA_SUBJECTS = ("język polski", "matematyka", "język angielski")
ALL_SUBJECTS = "ogółem"  # a school's overall pass rate (matura, egzamin zawodowy)
# Schools whose pupils sit the matura (their grids are offered even before any data).
MATURA_SCHOOLS = frozenset({"liceum", "technikum", "zespol"})
VOCATIONAL_SCHOOLS = frozenset({"technikum", "szkola_branzowa", "szkola_branzowa_2", "zespol"})

# Institutions whose pupils sit no external exam: left out of the exam grids.
NO_EXAMS = frozenset({"przedszkole", "punkt_przedszkolny", "mdk", "poradnia"})

# How a column of totals is made: a sum, or a mean weighted by the takers.
SUM, WEIGHTED = "sum", "weighted"


@dataclass(frozen=True)
class Measure:
    code: str
    table: str  # stats | exam | finance
    field: str
    label: str  # untranslated (N_)
    exam: ExamKind | None = None
    subject: str | None = None
    money: bool = False

    @property
    def title(self) -> str:
        if self.subject is not None and self.exam is not None and self.field == "pass_rate":
            return _("{exam}: {subject}, zdawalność (%)").format(
                exam=self.exam.label, subject=self.subject
            )
        if self.subject is not None and self.exam is not None:
            return _("{exam}: {subject}, średni wynik (%)").format(
                exam=self.exam.label, subject=self.subject
            )
        return _(self.label)

    @property
    def total(self) -> str:
        return WEIGHTED if self.table == EXAM else SUM


_STATS_FIELDS = (
    "pupils",
    "classes",
    "pupils_certified",
    "pupils_transported",
    "preschool_children",
    "teacher_posts",
    "teachers",
    "teachers_beginning",
    "teachers_contract",
    "teachers_appointed",
    "teachers_chartered",
    "non_teaching_posts",
    *(f"pupils_grade_{grade}" for grade in range(9)),
    "spending_cents",
)
_FINANCE_FIELDS = (
    "subvention_cents",
    "grants_cents",
    "current_spending_cents",
    "capital_spending_cents",
)


def exam_measure(exam: ExamKind, subject: str, field: str = "mean_pct") -> Measure:
    """An exam subject's mean (``exam:…``) or pass rate (``exam_pass:…``) by school and year."""
    if field == "pass_rate":
        return Measure(
            f"exam_pass:{exam.value}:{subject}", EXAM, field, N_("Zdawalność"), exam, subject
        )
    return Measure(f"exam:{exam.value}:{subject}", EXAM, field, N_("Średni wynik"), exam, subject)


def _exam_measures(data: DataSnapshot | None) -> list[Measure]:
    """E8 always; the matura and egzamin zawodowy where the JST has such schools or data."""
    types = {school.school_type for school in data.schools} if data else set()
    subjects = [(ExamKind.E8, subject) for subject in E8_SUBJECTS]
    if types & MATURA_SCHOOLS:
        subjects += [(ExamKind.MATURA, s) for s in (*MATURA_SUBJECTS, ALL_SUBJECTS)]
    if types & VOCATIONAL_SCHOOLS:
        subjects.append((ExamKind.VOCATIONAL, ALL_SUBJECTS))
    for result in data.exams if data else ():
        if (result.exam, result.subject) not in subjects:
            subjects.append((result.exam, result.subject))
    found = []
    for exam, subject in subjects:
        if exam is not ExamKind.VOCATIONAL and subject != ALL_SUBJECTS:
            found.append(exam_measure(exam, subject))
        if exam is not ExamKind.E8:
            found.append(exam_measure(exam, subject, "pass_rate"))
    return found


def measures(data: DataSnapshot | None = None) -> list[Measure]:
    """Every measure, with exam subjects that occur in ``data`` after the usual three."""
    found = [
        Measure(
            f"stats:{name}",
            STATS,
            name,
            FIELDS[SchoolYearStats][name].label,
            money=name.endswith("_cents"),
        )
        for name in _STATS_FIELDS
    ]
    found += _exam_measures(data)
    found += [
        Measure(f"finance:{name}", FINANCE, name, FIELDS[EducationFinance][name].label, money=True)
        for name in _FINANCE_FIELDS
    ]
    return found


def measure(code: str, data: DataSnapshot | None = None) -> Measure:
    for candidate in measures(data):
        if candidate.code == code:
            return candidate
    if code.startswith(("exam:", "exam_pass:")):
        kind, exam, subject = [*code.split(":", 2), "", ""][:3]
        try:
            if not subject.strip():
                raise ValueError(subject)
            field = "pass_rate" if kind == "exam_pass" else "mean_pct"
            return exam_measure(ExamKind(exam), subject, field)
        except ValueError:
            pass
    raise UserError(_("Nieznana miara danych oświatowych: {code}.").format(code=code))


@dataclass(frozen=True)
class GridRow:
    school_id: str | None  # None: the JST (finance)
    label: str
    values: dict[int, float | None]


@dataclass(frozen=True)
class Grid:
    measure: Measure
    years: list[int]
    rows: list[GridRow]
    totals: dict[int, float | None]


def grid(data: DataSnapshot, code: str, years: list[int] | None = None) -> Grid:
    """One measure as rows (schools, or the JST for finance) × years, with a totals row."""
    chosen = measure(code, data)
    if chosen.table == FINANCE:
        span = years or data.finance_years()
        values = {y: _finance_value(data, chosen, y) for y in span}
        row = GridRow(None, _("JST"), values)
        return Grid(chosen, span, [row], dict(values))
    span = years or data.school_years()
    schools = [s for s in data.schools if chosen.table != EXAM or s.school_type not in NO_EXAMS]
    rows = [
        GridRow(school.id, school.name, {y: cell(data, chosen, school.id, y) for y in span})
        for school in schools
    ]
    # A school closed before (or opened after) every year shown has no row, unless it has data.
    rows = [
        row
        for row, school in zip(rows, schools, strict=True)
        if not span
        or any(school.open_in(y) for y in span)
        or any(v is not None for v in row.values.values())
    ]
    totals = {y: _total(data, chosen, rows, y) for y in span}
    return Grid(chosen, span, rows, totals)


def cell(data: DataSnapshot, chosen: Measure, school_id: str, year: int) -> float | None:
    if chosen.table == STATS:
        stats = data.stats.get((school_id, year))
        value = getattr(stats, chosen.field) if stats else None
        if value is None:
            return None
        return value / 100 if chosen.money else float(value)
    result = _exam_row(data, chosen, school_id, year)
    score = getattr(result, chosen.field) if result is not None else None
    return None if score is None else float(score)


def _exam_row(data: DataSnapshot, chosen: Measure, school_id: str, year: int) -> ExamResult | None:
    for result in data.exams:
        if (
            result.school_id == school_id
            and result.school_year == year
            and result.exam == chosen.exam
            and result.subject == chosen.subject
        ):
            return result
    return None


def _finance_value(data: DataSnapshot, chosen: Measure, year: int) -> float | None:
    money = data.finance.get(year)
    value = getattr(money, chosen.field) if money else None
    return None if value is None else value / 100


def _total(data: DataSnapshot, chosen: Measure, rows: list[GridRow], year: int) -> float | None:
    if chosen.total == SUM:
        present = [row.values[year] for row in rows if row.values[year] is not None]
        return sum(v for v in present if v is not None) if present else None
    weighted = weight = 0.0
    for row in rows:
        assert row.school_id is not None
        result = _exam_row(data, chosen, row.school_id, year)
        score = getattr(result, chosen.field) if result is not None else None
        if result is None or score is None:
            continue
        takers = result.takers or 1
        weighted += score * takers
        weight += takers
    return round(weighted / weight, 1) if weight else None


# -- writing -------------------------------------------------------------------------


def set_cell(
    store: Store,
    municipality_id: str,
    code: str,
    school_id: str | None,
    year: int,
    value: float | None,
) -> float | None:
    """Store one grid value (validated; None clears it); returns the value it replaced."""
    chosen = measure(code)
    spec = FIELDS[_CLASSES[chosen.table]][chosen.field]
    stored = value
    if chosen.money and value is not None and math.isfinite(value):
        stored = round(value * 100)
    cleaned = validation.clean_value(chosen.field, spec, stored)
    year_field = "year" if chosen.table == FINANCE else "school_year"
    validation.clean_value(year_field, FIELDS[_CLASSES[chosen.table]][year_field], year)
    with store.session() as session:
        records.load(session, Municipality, municipality_id)
        row = _row_for(session, chosen, municipality_id, school_id, year)
        previous = getattr(row, chosen.field)
        setattr(row, chosen.field, cleaned)
        records.set_defaults(row)
        validation.check_rules(row)
        session.flush()
        record_id = row.id
    store.changes.publish(
        Change(
            ChangeKind.UPDATED, row.__tablename__, (record_id,), municipality_id, (chosen.field,)
        )
    )
    from app.services.school_data.binding import sync  # binding reads the grids' measures

    sync(store, municipality_id)
    if previous is None:
        return None
    return previous / 100 if chosen.money else float(previous)


_CLASSES: dict[str, type[OwnedRecord]] = {
    STATS: SchoolYearStats,
    EXAM: ExamResult,
    FINANCE: EducationFinance,
}


def _row_for(
    session: Session, chosen: Measure, municipality_id: str, school_id: str | None, year: int
) -> OwnedRecord:
    """The live row a cell lives in, created (empty) when there is none yet."""
    if chosen.table == FINANCE:
        money = session.scalars(
            select(EducationFinance).where(
                EducationFinance.municipality_id == municipality_id, EducationFinance.year == year
            )
        ).first()
        if money is None:
            money = EducationFinance(municipality_id=municipality_id, year=year)
            session.add(money)
        return money
    if school_id is None:
        raise UserError(_("Wybierz szkołę."))
    school = records.load(session, School, school_id)
    if school.municipality_id != municipality_id:
        raise UserError(_("Ta szkoła należy do innej JST."))
    if chosen.table == STATS:
        stats = session.scalars(
            select(SchoolYearStats).where(
                SchoolYearStats.school_id == school_id, SchoolYearStats.school_year == year
            )
        ).first()
        if stats is None:
            stats = SchoolYearStats(
                municipality_id=municipality_id, school_id=school_id, school_year=year
            )
            session.add(stats)
        return stats
    assert chosen.exam is not None and chosen.subject is not None
    result = session.scalars(
        select(ExamResult).where(
            ExamResult.school_id == school_id,
            ExamResult.school_year == year,
            ExamResult.exam == chosen.exam,
            ExamResult.subject == chosen.subject,
        )
    ).first()
    if result is None:
        result = ExamResult(
            municipality_id=municipality_id,
            school_id=school_id,
            school_year=year,
            exam=chosen.exam,
            subject=chosen.subject,
        )
        session.add(result)
    return result


def load_grid(store: Store, municipality_id: str, code: str) -> Grid:
    return grid(snapshots.load(store, municipality_id), code)
