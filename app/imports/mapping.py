"""Column mappings for spreadsheet imports: which column holds which field, saved by name.

A mapping says what a sheet holds (``stats``: SIO-style pupils and staff, or
``exam``: CKE/OKE results), where its header is, and for each field the
header text of its column. Saved mappings live in the installation's settings
(``school_data.mapping.<name>``) and are offered next time; two built-in ones
describe the layouts the program ships samples of (OKE E8 and matura, SIO).

Field keys: ``rspo``, ``name``, ``year`` (else a fixed ``year``), the
:class:`SchoolYearStats` field names, and for exams
``<subject>|<field>`` with field one of ``takers``, ``mean_pct``, ``stanine``,
``pass_rate``. An exam sheet with one row per subject (the egzamin zawodowy:
one row per school and qualification) maps ``subject`` to the column naming
it and uses ``*`` for the subject: ``*|takers``, ``*|pass_rate``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from sqlalchemy import select

from app.errors import UserError
from app.i18n import N_, _
from app.model import ExamKind, Setting
from app.storage.store import Store

STATS, EXAM = "stats", "exam"
ROW_SUBJECT = "*"  # exam columns of the subject named in the row's ``subject`` column
_PREFIX = "school_data.mapping."
EXAM_FIELDS = ("takers", "mean_pct", "stanine", "pass_rate")
EXAM_FIELD_LABELS = {
    "takers": N_("Liczba zdających"),
    "mean_pct": N_("Średni wynik (%)"),
    "stanine": N_("Stanin"),
    "pass_rate": N_("Zdawalność (%)"),
}


@dataclass
class Mapping:
    name: str
    target: str  # stats | exam
    header_row: int
    columns: dict[str, str]  # field key → header text
    sheet: str | None = None
    year: int | None = None  # the school year, when no column holds it
    exam: str = ExamKind.E8.value
    subjects: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Mapping:
        try:
            data = json.loads(text)
            mapping = cls(**data)
        except (ValueError, TypeError):
            raise UserError(_("Zapisane przypisanie kolumn jest uszkodzone.")) from None
        mapping.check()
        return mapping

    def check(self) -> None:
        if self.target not in (STATS, EXAM):
            raise UserError(_("Nieznany rodzaj danych w przypisaniu kolumn."))
        if not self.name.strip() or len(self.name) > 80:
            raise UserError(_("Podaj nazwę przypisania kolumn (do 80 znaków)."), field="name")
        if "rspo" not in self.columns and "name" not in self.columns:
            raise UserError(
                _("Przypisz kolumnę z numerem RSPO albo z nazwą szkoły."), field="columns"
            )
        by_row = any(key.startswith(ROW_SUBJECT + "|") for key in self.columns)
        if by_row and (self.target != EXAM or "subject" not in self.columns):
            raise UserError(
                _(
                    "Przypisz kolumnę z nazwą przedmiotu albo kwalifikacji: "
                    "wyniki są w niej podane wierszami."
                ),
                field="columns",
            )


def _e8(subject: str, header: str) -> dict[str, str]:
    return {
        f"{subject}|takers": f"{header} / Liczba zdających",
        f"{subject}|mean_pct": f"{header} / Średni wynik (%)",
        f"{subject}|stanine": f"{header} / Stanin",
    }


def _matura(subject: str, header: str) -> dict[str, str]:
    return {
        f"{subject}|takers": f"{header} / Liczba zdających",
        f"{subject}|mean_pct": f"{header} / Średni wynik (%)",
        f"{subject}|pass_rate": f"{header} / Zdawalność (%)",
    }


BUILT_IN: dict[str, Mapping] = {
    "oke-e8": Mapping(
        "oke-e8",
        EXAM,
        header_row=4,
        columns={
            "rspo": "Kod RSPO",
            "name": "Nazwa szkoły",
            **_e8("język polski", "Język polski"),
            **_e8("matematyka", "Matematyka"),
            **_e8("język angielski", "Język angielski"),
        },
        subjects=["język polski", "matematyka", "język angielski"],
    ),
    "oke-matura": Mapping(
        "oke-matura",
        EXAM,
        header_row=4,
        columns={
            "rspo": "Kod RSPO",
            "name": "Nazwa szkoły",
            "ogółem|takers": "Ogółem / Liczba zdających",
            "ogółem|pass_rate": "Ogółem / Zdawalność (%)",
            **_matura("język polski", "Język polski – poziom podstawowy"),
            **_matura("matematyka", "Matematyka – poziom podstawowy"),
        },
        exam=ExamKind.MATURA.value,
        subjects=["ogółem", "język polski", "matematyka"],
    ),
    # CKE/OKE: the egzamin zawodowy by school and qualification (one row each, a school's
    # "Ogółem" row too); the parts' pass rates are shown, only the exam's is kept.
    "oke-zawodowy": Mapping(
        "oke-zawodowy",
        EXAM,
        header_row=4,
        columns={
            "rspo": "Kod RSPO",
            "name": "Nazwa szkoły",
            "subject": "Kwalifikacja",
            "*|takers": "Egzamin ogółem / Przystąpiło",
            "*|pass_rate": "Egzamin ogółem / Zdało egzamin (%)",
        },
        exam=ExamKind.VOCATIONAL.value,
    ),
    "sio": Mapping(
        "sio",
        STATS,
        header_row=1,
        columns={
            "rspo": "Numer RSPO",
            "name": "Nazwa szkoły",
            "year": "Rok szkolny",
            "pupils": "Liczba uczniów",
            "classes": "Liczba oddziałów",
            "pupils_certified": "Uczniowie z orzeczeniem",
            "pupils_transported": "Uczniowie dowożeni",
            "preschool_children": "Dzieci w wychowaniu przedszkolnym",
            "teacher_posts": "Etaty nauczycieli",
            "teachers": "Nauczyciele ogółem",
            "teachers_beginning": "Nauczyciele początkujący",
            "teachers_contract": "Nauczyciele kontraktowi",
            "teachers_appointed": "Nauczyciele mianowani",
            "teachers_chartered": "Nauczyciele dyplomowani",
            "non_teaching_posts": "Etaty niepedagogiczne",
        },
    ),
}


def names(store: Store) -> list[str]:
    """Saved mappings (newest choice of the officer) and then the built-in ones."""
    with store.session() as session:
        keys = session.scalars(select(Setting.key).where(Setting.key.startswith(_PREFIX))).all()
    saved = sorted(key[len(_PREFIX) :] for key in keys)
    return saved + [name for name in BUILT_IN if name not in saved]


def load(store: Store, name: str) -> Mapping:
    text = store.setting(_PREFIX + name)
    if text is not None:
        return Mapping.from_json(text)
    if name in BUILT_IN:
        return Mapping.from_json(BUILT_IN[name].to_json())
    raise UserError(
        _("Nie ma przypisania kolumn „{name}” (są: {names}).").format(
            name=name, names=", ".join(names(store))
        ),
        field="mapping",
    )


def save(store: Store, mapping: Mapping) -> None:
    mapping.check()
    with store.session() as session:
        row = session.get(Setting, _PREFIX + mapping.name)
        if row is None:
            session.add(Setting(key=_PREFIX + mapping.name, value=mapping.to_json()))
        else:
            row.value = mapping.to_json()
