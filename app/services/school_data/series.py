"""Computed indicators (wskaźniki oświatowe) from the school-year data.

Each series has a code (stored in :class:`IndicatorBinding`), a Polish name, a
unit and a time axis: ``school`` (the year a school year starts in) or
``calendar`` (a budget year). :func:`values` gives year → value for one school
or, with ``school_id=None``, for the whole JST (ratios of sums, exam means
weighted by the number sitting). Finance exists only for the JST.

Per-pupil money uses the pupils a budget year actually pays for: 8/12 of the
school year that ends in it and 4/12 of the one that starts in it (the
subvention's own rule), or whichever of the two is known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.errors import UserError
from app.i18n import N_, _
from app.model import ExamKind, SchoolYearStats
from app.services.school_data.grid import ALL_SUBJECTS, E8_SUBJECTS, MATURA_SUBJECTS
from app.services.school_data.snapshot import DataSnapshot

SCHOOL_AXIS, CALENDAR_AXIS = "school", "calendar"
COMPARISONS = ("country", "voivodeship", "powiat")
# Code prefix and short name of each exam: ``e8_mean:matematyka``, ``matura_pass:ogółem``…
_EXAMS = {
    ExamKind.E8: ("e8", N_("E8")),
    ExamKind.MATURA: ("matura", N_("Matura")),
    ExamKind.VOCATIONAL: ("vocational", N_("Egzamin zawodowy")),
}
MEAN, PASS = "mean", "pass"
_COMPARISON_LABELS = {
    "country": N_("kraju"),
    "voivodeship": N_("województwa"),
    "powiat": N_("powiatu"),
}


@dataclass(frozen=True)
class Series:
    code: str
    name: str  # untranslated
    unit: str  # untranslated
    axis: str
    jst_only: bool = False
    subject: str | None = None
    comparison: str | None = None
    exam: ExamKind = ExamKind.E8
    measure: str = MEAN  # exams: the mean score, or the pass rate

    @property
    def title(self) -> str:
        exam = _(_EXAMS[self.exam][1])
        if self.subject is not None and self.comparison is not None:
            return _("{exam} {subject}: różnica względem {level}").format(
                exam=exam, subject=self.subject, level=_(_COMPARISON_LABELS[self.comparison])
            )
        if self.subject is not None and self.measure == PASS:
            return _("{exam} {subject}: zdawalność").format(exam=exam, subject=self.subject)
        if self.subject is not None:
            return _("{exam} {subject}: średni wynik").format(exam=exam, subject=self.subject)
        return _(self.name)


_PLAIN: tuple[Series, ...] = (
    Series("pupils_per_class", N_("Uczniów na oddział"), N_("os."), SCHOOL_AXIS),
    Series("pupils_per_teacher_post", N_("Uczniów na etat nauczyciela"), N_("os."), SCHOOL_AXIS),
    Series("share_certified", N_("Uczniowie z orzeczeniem"), "%", SCHOOL_AXIS),
    Series("share_transported", N_("Uczniowie dowożeni"), "%", SCHOOL_AXIS),
    Series("share_beginning", N_("Nauczyciele początkujący (stażyści)"), "%", SCHOOL_AXIS),
    Series("share_contract", N_("Nauczyciele kontraktowi"), "%", SCHOOL_AXIS),
    Series("share_appointed", N_("Nauczyciele mianowani"), "%", SCHOOL_AXIS),
    Series("share_chartered", N_("Nauczyciele dyplomowani"), "%", SCHOOL_AXIS),
    Series("spending_per_pupil", N_("Wydatki bieżące na ucznia"), N_("zł"), CALENDAR_AXIS, True),
    Series("subvention_per_pupil", N_("Subwencja na ucznia"), N_("zł"), CALENDAR_AXIS, True),
    Series("subvention_share", N_("Wydatki bieżące pokryte subwencją"), "%", CALENDAR_AXIS, True),
    Series("top_up", N_("Dopłata JST do subwencji"), N_("zł"), CALENDAR_AXIS, True),
    Series("top_up_share", N_("Dopłata JST w wydatkach bieżących"), "%", CALENDAR_AXIS, True),
)


def exam_series(exam: ExamKind, subject: str, kind: str = MEAN) -> Series:
    """``kind``: ``mean``, ``pass`` (pass rate) or ``vs_<level>`` (difference in p.p.)."""
    code = f"{_EXAMS[exam][0]}_{kind}:{subject}"
    if kind.startswith("vs_"):
        level = kind[3:]
        return Series(code, "", N_("p.p."), SCHOOL_AXIS, False, subject, level, exam)
    return Series(code, "", "%", SCHOOL_AXIS, subject=subject, exam=exam, measure=kind)


def _exam_kinds() -> list[str]:
    return [MEAN, *(f"vs_{level}" for level in COMPARISONS)]


def catalogue(data: DataSnapshot | None = None) -> list[Series]:
    """Every series: the plain ones, then each exam subject's mean, differences, pass rate.

    E8 and the matura's compulsory subjects always; other subjects (and the
    egzamin zawodowy) when ``data`` holds results of them.
    """
    found = list(_PLAIN)
    subjects = [(ExamKind.E8, s) for s in E8_SUBJECTS] + [
        (ExamKind.MATURA, s) for s in (*MATURA_SUBJECTS, ALL_SUBJECTS)
    ]
    for result in data.exams if data else ():
        if (result.exam, result.subject) not in subjects:
            subjects.append((result.exam, result.subject))
    for exam, subject in subjects:
        if exam is not ExamKind.VOCATIONAL and subject != ALL_SUBJECTS:
            found += [exam_series(exam, subject, kind) for kind in _exam_kinds()]
        if exam is not ExamKind.E8:
            found.append(exam_series(exam, subject, PASS))
    return found


def find(code: str) -> Series:
    for series in _PLAIN:
        if series.code == code:
            return series
    head, _sep, subject = code.partition(":")
    prefix, _sep, kind = head.partition("_")
    exam = next((e for e, (p, _name) in _EXAMS.items() if p == prefix), None)
    known = kind in (*_exam_kinds(), PASS) and not (exam is ExamKind.E8 and kind == PASS)
    if exam is not None and subject.strip() and known:
        return exam_series(exam, subject, kind)
    raise UserError(_("Nieznany wskaźnik obliczany: {code}.").format(code=code))


def values(data: DataSnapshot, code: str, school_id: str | None = None) -> dict[int, float]:
    """Year → value of series ``code`` for one school, or the JST (``school_id`` None)."""
    series = find(code)
    if series.jst_only and school_id is not None:
        return {}
    if series.subject is not None:
        return _exam_series(data, series, school_id)
    if series.axis == CALENDAR_AXIS:
        return _finance_series(data, series.code)
    ratio = _RATIOS[series.code]
    found: dict[int, float] = {}
    for year in data.school_years():
        rows = _stats_rows(data, year, school_id)
        value = ratio(rows)
        if value is not None:
            found[year] = round(value, 2)
    return found


def _stats_rows(data: DataSnapshot, year: int, school_id: str | None) -> list[SchoolYearStats]:
    return [
        row
        for (sid, y), row in data.stats.items()
        if y == year and (school_id is None or sid == school_id)
    ]


def _sum(rows: list[SchoolYearStats], name: str) -> float | None:
    present = [getattr(row, name) for row in rows if getattr(row, name) is not None]
    return float(sum(present)) if present else None


def _ratio(
    top: str, bottom: str, scale: float = 1.0
) -> Callable[[list[SchoolYearStats]], float | None]:
    def compute(rows: list[SchoolYearStats]) -> float | None:
        # Only schools that report both numbers, so a missing value does not skew the ratio.
        both = [r for r in rows if getattr(r, top) is not None and getattr(r, bottom) is not None]
        numerator, denominator = _sum(both, top), _sum(both, bottom)
        if numerator is None or not denominator:
            return None
        return numerator / denominator * scale

    return compute


_RATIOS: dict[str, Callable[[list[SchoolYearStats]], float | None]] = {
    "pupils_per_class": _ratio("pupils", "classes"),
    "pupils_per_teacher_post": _ratio("pupils", "teacher_posts"),
    "share_certified": _ratio("pupils_certified", "pupils", 100),
    "share_transported": _ratio("pupils_transported", "pupils", 100),
    "share_beginning": _ratio("teachers_beginning", "teachers", 100),
    "share_contract": _ratio("teachers_contract", "teachers", 100),
    "share_appointed": _ratio("teachers_appointed", "teachers", 100),
    "share_chartered": _ratio("teachers_chartered", "teachers", 100),
}


def pupils_in_budget_year(data: DataSnapshot, year: int) -> float | None:
    """8/12 of the pupils of school year ``year - 1`` and 4/12 of ``year`` (or either alone)."""
    before = _sum(_stats_rows(data, year - 1, None), "pupils")
    after = _sum(_stats_rows(data, year, None), "pupils")
    if before is not None and after is not None:
        return before * 8 / 12 + after * 4 / 12
    return before if before is not None else after


def _finance_series(data: DataSnapshot, code: str) -> dict[int, float]:
    found: dict[int, float] = {}
    for year, money in sorted(data.finance.items()):
        spending = money.current_spending_cents
        subvention = money.subvention_cents
        pupils = pupils_in_budget_year(data, year)
        value: float | None = None
        if code == "spending_per_pupil" and spending is not None and pupils:
            value = spending / 100 / pupils
        elif code == "subvention_per_pupil" and subvention is not None and pupils:
            value = subvention / 100 / pupils
        elif spending and subvention is not None:
            top_up = spending - subvention - (money.grants_cents or 0)
            value = {
                "subvention_share": subvention / spending * 100,
                "top_up": top_up / 100,
                "top_up_share": top_up / spending * 100,
            }.get(code)
        if value is not None:
            found[year] = round(value, 2)
    return found


def _exam_series(data: DataSnapshot, series: Series, school_id: str | None) -> dict[int, float]:
    groups: dict[int, list[tuple[float, int, float | None]]] = {}
    for result in data.exams:
        if result.exam != series.exam or result.subject != series.subject:
            continue
        if school_id is not None and result.school_id != school_id:
            continue
        score = result.pass_rate if series.measure == PASS else result.mean_pct
        if score is None:
            continue
        level = (
            getattr(result, f"{series.comparison}_pct") if series.comparison is not None else None
        )
        groups.setdefault(result.school_year, []).append((score, result.takers or 1, level))
    found: dict[int, float] = {}
    for year, rows in sorted(groups.items()):
        weight = sum(takers for _mean, takers, _level in rows)
        mean = sum(m * t for m, t, _level in rows) / weight
        if series.comparison is None:
            found[year] = round(mean, 1)
            continue
        levels = [level for _m, _t, level in rows if level is not None]
        if levels:
            found[year] = round(mean - levels[0], 1)
    return found


def comparison(
    data: DataSnapshot, subject: str, level: str, exam: ExamKind = ExamKind.E8
) -> dict[int, float]:
    """Year → the published mean of ``level`` (country, voivodeship, powiat) for a subject."""
    found: dict[int, float] = {}
    for result in data.exams:
        value = getattr(result, f"{level}_pct")
        if result.exam == exam and result.subject == subject and value is not None:
            found.setdefault(result.school_year, value)
    return found


def trend(points: dict[int, float], last: int = 5) -> float | None:
    """The least-squares slope per year over the last ``last`` years (at least three)."""
    years = sorted(points)[-last:]
    if len(years) < 3:
        return None
    mean_x = sum(years) / len(years)
    mean_y = sum(points[y] for y in years) / len(years)
    spread = sum((y - mean_x) ** 2 for y in years)
    slope = sum((y - mean_x) * (points[y] - mean_y) for y in years) / spread
    return round(slope, 2)


@dataclass(frozen=True)
class SeriesChart:
    """What a small-multiple chart of one series shows (the window and the yearly report)."""

    series: Series
    years: list[int]
    jst: dict[int, float]
    schools: dict[str, dict[int, float]]  # school id → year → value
    level: dict[int, float]  # the comparison drawn dashed (the country; zero for differences)
    level_label: str


def chart(data: DataSnapshot, code: str) -> SeriesChart:
    series = find(code)
    jst = values(data, code)
    schools = {} if series.jst_only else {s.id: values(data, code, s.id) for s in data.schools}
    schools = {key: points for key, points in schools.items() if points}
    years = data.finance_years() if series.axis == CALENDAR_AXIS else data.school_years()
    level: dict[int, float] = {}
    label = ""
    if series.subject is not None and series.comparison is not None:
        level = dict.fromkeys(jst, 0.0)
        label = _("poziom {level}").format(level=_(_COMPARISON_LABELS[series.comparison]))
    elif series.subject is not None and series.measure == MEAN:
        level = comparison(data, series.subject, "country", series.exam)
        label = _("średnia kraju")
    return SeriesChart(series, years, jst, schools, level, label)


def chart_codes(data: DataSnapshot | None = None) -> list[str]:
    """The series shown as small multiples on the page, in order.

    E8 always; the matura and the egzamin zawodowy when ``data`` holds them.
    """
    codes = [s.code for s in _PLAIN]
    codes += [f"e8_mean:{subject}" for subject in E8_SUBJECTS]
    codes += [f"e8_vs_country:{subject}" for subject in E8_SUBJECTS]
    held = {(r.exam, r.subject) for r in data.exams} if data else set()
    for exam, subject in sorted(held):
        if exam is ExamKind.E8:
            continue
        if subject != ALL_SUBJECTS and exam is ExamKind.MATURA:
            codes.append(exam_series(exam, subject, MEAN).code)
        else:
            codes.append(exam_series(exam, subject, PASS).code)
    return codes
