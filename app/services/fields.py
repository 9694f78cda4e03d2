"""What each record's fields may hold: type, limits, and the Polish label for messages."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.i18n import N_
from app.model import (
    Action,
    ActionFunding,
    ActionStatus,
    AdvisoryVisit,
    DevelopmentSchedule,
    DiagnosisTable,
    Direction,
    EducationFinance,
    ExamKind,
    ExamResult,
    FundingSource,
    Goal,
    Indicator,
    IndicatorBinding,
    IndicatorMilestone,
    Institution,
    InstitutionKind,
    Measurement,
    MonitoringConclusion,
    MonitoringNote,
    Municipality,
    MunicipalityKind,
    NoteKind,
    Objective,
    PlaceKind,
    PlanConsultation,
    PlanStatus,
    Problem,
    ProblemKind,
    Recommendation,
    RecommendationStatus,
    Record,
    Risk,
    RiskStatus,
    ScheduleItem,
    SchedulePriority,
    School,
    SchoolSupport,
    SchoolYearStats,
    StrategicPlan,
    SupervisionFinding,
    SupervisionKind,
    SupportStage,
    TeamMember,
    TermPrecision,
    YearlyReportChapter,
)

LINE = 500  # one-line texts (names, titles)
LONG = 100_000  # long texts: some pages of a document, far below what would hurt


@dataclass(frozen=True)
class Field:
    label: str
    kind: str  # text | long | int | float | date | bool | enum | ref | codes | ids
    required: bool = False
    max_length: int = LINE
    minimum: float | None = None
    maximum: float | None = None
    enum: type[StrEnum] | None = None
    ref: type[Record] | None = None


def text(label: str, required: bool = False, max_length: int = LINE) -> Field:
    return Field(label, "text", required, max_length)


def long(label: str) -> Field:
    return Field(label, "long", max_length=LONG)


def integer(
    label: str, minimum: float | None = 0, maximum: float | None = None, required: bool = False
) -> Field:
    return Field(label, "int", required, minimum=minimum, maximum=maximum)


def number(label: str, required: bool = False) -> Field:
    return Field(label, "float", required, minimum=-1e12, maximum=1e12)


def day(label: str, required: bool = False, first_year: int | None = None) -> Field:
    """A date from 1990 on (``first_year``: from that year on, e.g. a school's founding)."""
    return Field(label, "date", required, minimum=first_year)


def clock(label: str) -> Field:
    """A time of day, stored as ``HH:MM``."""
    return Field(label, "time", max_length=5)


def flag(label: str) -> Field:
    return Field(label, "bool")


def choice(label: str, enum: type[StrEnum], required: bool = True) -> Field:
    return Field(label, "enum", required, enum=enum)


def ref(label: str, target: type[Record], required: bool = False) -> Field:
    return Field(label, "ref", required, ref=target)


MONEY_MAX = 10_000_000_000 * 100  # 10 mld zł in grosze
YEAR_MIN, YEAR_MAX = 2000, 2100  # school years and budget years the data may hold
PUPILS_MAX = 100_000  # far above the largest school


def year(label: str) -> Field:
    return integer(label, YEAR_MIN, YEAR_MAX, required=True)


def percent(label: str) -> Field:
    return Field(label, "float", minimum=0, maximum=100)


def posts(label: str) -> Field:
    return Field(label, "float", minimum=0, maximum=10_000)


def count(label: str) -> Field:
    return integer(label, 0, PUPILS_MAX)


def money(label: str) -> Field:
    return integer(label, 0, MONEY_MAX)


FIELDS: dict[type[Record], dict[str, Field]] = {
    Municipality: {
        "name": text(N_("Nazwa"), required=True, max_length=200),
        "kind": choice(N_("Rodzaj JST"), MunicipalityKind),
        "teryt": text(N_("Kod TERYT"), max_length=7),
        "voivodeship": text(N_("Województwo"), max_length=40),
        "county": text(N_("Powiat"), max_length=80),
        "population": integer(N_("Liczba mieszkańców"), 0, 10_000_000),
        "address": text(N_("Adres"), max_length=300),
        "email": text(N_("E-mail"), max_length=200),
        "phone": text(N_("Telefon"), max_length=50),
        "website": text(N_("Strona internetowa"), max_length=200),
        "notes": long(N_("Uwagi")),
        "is_demo": flag(N_("Dane demonstracyjne")),
    },
    TeamMember: {
        "name": text(N_("Imię i nazwisko"), required=True, max_length=200),
        "role": text(N_("Funkcja"), max_length=200),
        "institution": text(N_("Instytucja"), max_length=200),
        "email": text(N_("E-mail"), max_length=200),
        "phone": text(N_("Telefon"), max_length=50),
        "is_advisor": flag(N_("Doradca")),
    },
    School: {
        "name": text(N_("Nazwa szkoły lub placówki"), required=True, max_length=300),
        "school_type": text(N_("Typ"), required=True, max_length=60),
        "rspo": text(N_("Numer RSPO"), max_length=12),
        "regon": text(N_("REGON"), max_length=14),
        "street": text(N_("Ulica i numer"), max_length=200),
        "postal_code": text(N_("Kod pocztowy"), max_length=6),
        "town": text(N_("Miejscowość"), max_length=100),
        "pupils": integer(N_("Liczba uczniów"), 0, 100_000),
        "director": text(N_("Dyrektor"), max_length=200),
        "email": text(N_("E-mail"), max_length=200),
        "phone": text(N_("Telefon"), max_length=50),
        "support_stage": choice(N_("Etap wspomagania"), SupportStage, required=False),
        "opened_on": day(N_("Data założenia"), first_year=1800),
        "closed_on": day(N_("Data likwidacji lub włączenia"), first_year=1800),
        "merged_into_id": ref(N_("Włączona do szkoły"), School),
        "is_public": flag(N_("Szkoła publiczna")),
        "run_by_jst": flag(N_("Prowadzona przez JST")),
        "operator": text(N_("Organ prowadzący (gdy nie JST)"), max_length=300),
    },
    SchoolSupport: {
        "stage": choice(N_("Etap wspomagania"), SupportStage),
        "stage_date": day(N_("Data"), required=True),
        "completed_on": day(N_("Data zakończenia")),
        "notes": long(N_("Uwagi")),
    },
    StrategicPlan: {
        "title": text(N_("Tytuł planu"), required=True),
        "year_from": integer(N_("Rok początkowy"), 2000, 2100, required=True),
        "year_to": integer(N_("Rok końcowy"), 2000, 2100, required=True),
        "status": choice(N_("Status"), PlanStatus),
        "resolution_number": text(N_("Numer uchwały"), max_length=100),
        "resolution_date": day(N_("Data uchwały")),
        "diagnosis_context": long(N_("Charakterystyka JST")),
        "diagnosis_education": long(N_("Stan oświaty")),
        "diagnosis_demography": long(N_("Prognoza demograficzna")),
        "diagnosis_conclusions": long(N_("Wnioski z diagnozy")),
        "swot_strengths": long(N_("Mocne strony")),
        "swot_weaknesses": long(N_("Słabe strony")),
        "swot_opportunities": long(N_("Szanse")),
        "swot_threats": long(N_("Zagrożenia")),
        "vision": long(N_("Wizja")),
        "mission": long(N_("Misja")),
        "implementation_system": long(N_("System wdrażania, monitoringu i ewaluacji")),
        "introduction": long(N_("Wprowadzenie (podstawa prawna, powiązania z innymi strategiami)")),
        "midterm_evaluation_date": day(N_("Ewaluacja śródokresowa")),
        "final_evaluation_date": day(N_("Ewaluacja końcowa")),
        "yearly_report_date": day(N_("Pierwszy raport roczny (co roku tego dnia)")),
    },
    Goal: {
        "code": text(N_("Numer"), max_length=20),
        "title": text(N_("Nazwa celu strategicznego"), required=True),
        "description": long(N_("Opis")),
    },
    Objective: {
        "code": text(N_("Numer"), max_length=20),
        "title": text(N_("Nazwa celu operacyjnego"), required=True),
        "description": long(N_("Opis")),
    },
    Action: {
        "title": text(N_("Nazwa działania"), required=True),
        "description": long(N_("Opis")),
        "realizator_id": Field(N_("Realizator"), "ref"),
        "responsible_id": ref(N_("Osoba odpowiedzialna"), TeamMember),
        "responsible_person": text(N_("Osoba odpowiedzialna u realizatora"), max_length=200),
        "partner_ids": Field(N_("Partnerzy (instytucje)"), "ids"),
        "partners": long(N_("Partnerzy")),
        "start_date": day(N_("Początek")),
        "end_date": day(N_("Koniec")),
        "term_precision": choice(N_("Dokładność terminu"), TermPrecision),
        "recurring": flag(N_("Corocznie")),
        # Superseded by financing rows (ActionFunding); kept for old files and scripts.
        "budget_cents": integer(N_("Budżet (dawny zapis)"), 0, MONEY_MAX),
        "funding_source": text(N_("Źródło finansowania (dawny zapis)"), max_length=300),
        "key_competences": Field(N_("Kompetencje kluczowe"), "codes"),
        "status": choice(N_("Status"), ActionStatus),
    },
    ActionFunding: {
        "source_id": ref(N_("Źródło finansowania"), FundingSource, required=True),
        "year": integer(N_("Rok"), 2000, 2100, required=True),
        "planned_cents": integer(N_("Kwota planowana"), 0, MONEY_MAX, required=True),
        "spent_cents": integer(N_("Kwota wydana"), 0, MONEY_MAX),
        "note": text(N_("Uwagi"), max_length=300),
    },
    FundingSource: {
        "name": text(N_("Nazwa źródła finansowania"), required=True, max_length=200),
        "code": text(N_("Kod"), max_length=40),
    },
    Institution: {
        "name": text(N_("Nazwa instytucji"), required=True, max_length=300),
        "kind": choice(N_("Rodzaj instytucji"), InstitutionKind),
        "notes": long(N_("Uwagi")),
    },
    IndicatorMilestone: {
        "due_date": day(N_("Termin kamienia milowego"), required=True),
        "value": number(N_("Wartość pośrednia"), required=True),
    },
    Problem: {
        "above_id": Field(N_("Element nadrzędny"), "ref"),
        "kind": choice(N_("Rodzaj"), ProblemKind),
        "title": text(N_("Problem"), required=True),
        "description": long(N_("Opis")),
        "answered_by": Field(N_("Cele, które odpowiadają na przyczynę"), "ids"),
    },
    DiagnosisTable: {
        "section": text(N_("Część diagnozy"), required=True, max_length=20),
        "title": text(N_("Tytuł tabeli"), required=True),
        "content": Field(N_("Zawartość tabeli"), "long", max_length=LONG),
        "source_note": text(N_("Źródło danych"), max_length=500),
    },
    PlanConsultation: {
        "form": text(N_("Forma konsultacji"), required=True, max_length=300),
        "date_from": day(N_("Od"), required=True),
        "date_to": day(N_("Do")),
        "participants": long(N_("Uczestnicy")),
        "comments_count": integer(N_("Liczba uwag"), 0, 100_000),
        "handling": long(N_("Sposób rozpatrzenia uwag")),
    },
    Indicator: {
        "plan_id": ref(N_("Plan"), StrategicPlan),
        "goal_id": ref(N_("Cel strategiczny"), Goal),
        "objective_id": ref(N_("Cel operacyjny"), Objective),
        "action_id": ref(N_("Działanie"), Action),
        "schedule_item_id": ref(N_("Pozycja HDR"), ScheduleItem),
        "name": text(N_("Nazwa wskaźnika"), required=True),
        "description": long(N_("Opis")),
        "unit": text(N_("Jednostka"), max_length=50),
        "direction": choice(N_("Rodzaj miernika"), Direction),
        "baseline_value": number(N_("Wartość bazowa")),
        "baseline_date": day(N_("Data wartości bazowej")),
        "target_value": number(N_("Wartość docelowa")),
        "target_date": day(N_("Termin osiągnięcia")),
        "data_source": text(N_("Źródło danych"), max_length=300),
        "interval_months": integer(N_("Częstotliwość pomiaru (miesiące)"), 1, 120),
    },
    Measurement: {
        "measured_on": day(N_("Data pomiaru"), required=True),
        "value": number(N_("Wartość"), required=True),
        "source": text(N_("Źródło"), max_length=300),
        "comment": long(N_("Komentarz")),
    },
    DevelopmentSchedule: {
        "title": text(N_("Tytuł HDR"), required=True),
        "area_code": integer(N_("Obszar"), 1, 12),
        "custom_area": text(N_("Obszar własny"), max_length=300),
        "period_start": day(N_("Początek okresu"), required=True),
        "period_end": day(N_("Koniec okresu"), required=True),
        "participants": long(N_("Zespół JST")),
        "advisors": long(N_("Doradcy")),
        "plan_id": ref(N_("Plan"), StrategicPlan),
        **{
            f"step_{step}": long(label)
            for step, label in (
                ("area_choice", N_("Wybór obszaru")),
                ("diagnosis", N_("Diagnoza potrzeb")),
                ("priorities", N_("Priorytety rozwojowe")),
                ("schedule", N_("Harmonogram")),
                ("implementation", N_("Kierunki wdrażania")),
                ("tools", N_("Narzędzia zarządcze")),
            )
        },
        **{
            f"step_{step}_done": flag(N_("Etap zakończony"))
            for step in (
                "area_choice",
                "diagnosis",
                "priorities",
                "schedule",
                "implementation",
                "tools",
            )
        },
    },
    SchedulePriority: {
        "title": text(N_("Priorytet"), required=True),
        "description": long(N_("Opis")),
    },
    ScheduleItem: {
        "priority_id": ref(N_("Priorytet"), SchedulePriority),
        "goal": long(N_("Cel")),
        "action": Field(N_("Działanie"), "long", required=True, max_length=10_000),
        "responsible": text(N_("Odpowiedzialni"), max_length=300),
        "start_month": day(N_("Miesiąc rozpoczęcia"), required=True),
        "end_month": day(N_("Miesiąc zakończenia"), required=True),
        "resources_people": long(N_("Zasoby ludzkie")),
        "resources_budget_cents": integer(N_("Środki finansowe"), 0, MONEY_MAX),
        "resources_materials": long(N_("Zasoby rzeczowe")),
        "expected_effect": long(N_("Oczekiwany efekt")),
        "success_indicator": long(N_("Wskaźnik sukcesu")),
        "management_tool": long(N_("Narzędzie zarządcze")),
        "status": choice(N_("Status"), ActionStatus),
        "plan_action_id": ref(N_("Działanie planu"), Action),
    },
    MonitoringNote: {
        "noted_on": day(N_("Data"), required=True),
        "author": text(N_("Autor"), max_length=200),
        "kind": choice(N_("Rodzaj notatki"), NoteKind),
        "title": text(N_("Tytuł")),
        "text": Field(N_("Treść notatki"), "long", required=True, max_length=LONG),
        "follow_up": long(N_("Dalsze kroki")),
        "follow_up_due": day(N_("Termin dalszych kroków")),
        "follow_up_done": flag(N_("Dalsze kroki wykonane")),
        "link_type": text(N_("Powiązanie"), max_length=40),
        "link_id": text(N_("Powiązanie"), max_length=36),
        "visit_id": ref(N_("Wizyta"), AdvisoryVisit),
    },
    Risk: {
        "title": text(N_("Ryzyko"), required=True),
        "description": long(N_("Opis")),
        "probability": integer(N_("Prawdopodobieństwo"), 1, 5, required=True),
        "impact": integer(N_("Wpływ"), 1, 5, required=True),
        "mitigation": long(N_("Działania zaradcze")),
        "owner": text(N_("Właściciel ryzyka"), max_length=200),
        "status": choice(N_("Status"), RiskStatus),
        "review_date": day(N_("Data przeglądu")),
        "source_note_id": ref(N_("Notatka źródłowa"), MonitoringNote),
    },
    AdvisoryVisit: {
        "visit_date": day(N_("Data wizyty"), required=True),
        "number": integer(N_("Numer wizyty"), 1, 99),
        "place": text(N_("Miejsce"), max_length=300),
        "place_kind": choice(N_("Rodzaj miejsca"), PlaceKind, required=False),
        "start_time": clock(N_("Godzina rozpoczęcia")),
        "end_time": clock(N_("Godzina zakończenia")),
        "advisor": text(N_("Doradca"), max_length=200),
        "participants": long(N_("Uczestnicy")),
        "agenda": long(N_("Program")),
        "findings": long(N_("Ustalenia")),
        "notes": long(N_("Notatki")),
    },
    MonitoringConclusion: {
        "period_start": day(N_("Początek okresu"), required=True),
        "period_end": day(N_("Koniec okresu"), required=True),
        "conclusions": long(N_("Wnioski")),
        "recommendations": long(N_("Rekomendacje")),
        "prepared_by": text(N_("Sporządził(a)"), max_length=200),
        "approved_by": text(N_("Zatwierdził(a)"), max_length=200),
    },
    Recommendation: {
        "text": Field(N_("Treść zalecenia"), "long", required=True, max_length=20_000),
        "owner": text(N_("Odpowiedzialny"), max_length=200),
        "due_date": day(N_("Termin")),
        "status": choice(N_("Status"), RecommendationStatus),
        "status_note": long(N_("Komentarz do statusu")),
        "link_type": text(N_("Powiązanie"), max_length=40),
        "link_id": text(N_("Powiązanie"), max_length=36),
    },
    # School-year data (app/model/school_data.py).
    SchoolYearStats: {
        "school_year": year(N_("Rok szkolny")),
        "pupils": count(N_("Uczniowie")),
        "classes": integer(N_("Oddziały"), 0, 10_000),
        "pupils_certified": count(N_("Uczniowie z orzeczeniem")),
        "pupils_transported": count(N_("Uczniowie dowożeni")),
        "preschool_children": count(N_("Dzieci w wychowaniu przedszkolnym")),
        "teacher_posts": posts(N_("Etaty nauczycieli")),
        "teachers": count(N_("Nauczyciele (osoby)")),
        "teachers_beginning": count(N_("Nauczyciele początkujący (stażyści)")),
        "teachers_contract": count(N_("Nauczyciele kontraktowi")),
        "teachers_appointed": count(N_("Nauczyciele mianowani")),
        "teachers_chartered": count(N_("Nauczyciele dyplomowani")),
        "non_teaching_posts": posts(N_("Etaty pracowników niepedagogicznych")),
        "pupils_grade_0": count(N_("Uczniowie oddziału przedszkolnego (klasa 0)")),
        "pupils_grade_1": count(N_("Uczniowie klasy 1")),
        "pupils_grade_2": count(N_("Uczniowie klasy 2")),
        "pupils_grade_3": count(N_("Uczniowie klasy 3")),
        "pupils_grade_4": count(N_("Uczniowie klasy 4")),
        "pupils_grade_5": count(N_("Uczniowie klasy 5")),
        "pupils_grade_6": count(N_("Uczniowie klasy 6")),
        "pupils_grade_7": count(N_("Uczniowie klasy 7")),
        "pupils_grade_8": count(N_("Uczniowie klasy 8")),
        "spending_cents": money(N_("Wydatki bieżące na szkołę")),
    },
    ExamResult: {
        "school_year": year(N_("Rok szkolny")),
        "exam": choice(N_("Egzamin"), ExamKind),
        "subject": text(N_("Przedmiot"), required=True, max_length=60),
        "takers": count(N_("Liczba zdających")),
        "mean_pct": percent(N_("Średni wynik (%)")),
        "stanine": integer(N_("Stanin"), 1, 9),
        "pass_rate": percent(N_("Zdawalność (%)")),
        "gmina_pct": percent(N_("Średnia w gminie (%)")),
        "powiat_pct": percent(N_("Średnia w powiecie (%)")),
        "voivodeship_pct": percent(N_("Średnia w województwie (%)")),
        "country_pct": percent(N_("Średnia w kraju (%)")),
    },
    EducationFinance: {
        "year": year(N_("Rok budżetowy")),
        "subvention_cents": money(N_("Część oświatowa subwencji")),
        "grants_cents": money(N_("Dotacje celowe")),
        "current_spending_cents": money(N_("Wydatki bieżące na oświatę")),
        "capital_spending_cents": money(N_("Wydatki majątkowe na oświatę")),
    },
    SupervisionFinding: {
        "held_on": day(N_("Data"), required=True),
        "kind": choice(N_("Rodzaj nadzoru"), SupervisionKind),
        "topic": text(N_("Temat"), required=True),
        "conclusions": long(N_("Wnioski")),
        "recommendations": long(N_("Zalecenia")),
        "follow_up": long(N_("Realizacja zaleceń")),
        "follow_up_done": flag(N_("Zalecenia wykonane")),
    },
    YearlyReportChapter: {
        "school_year": year(N_("Rok szkolny")),
        "chapter": text(N_("Rozdział"), required=True, max_length=40),
        "position": integer(N_("Pozycja"), 0, 100),
        "enabled": flag(N_("Rozdział włączony")),
        "comment": long(N_("Komentarz")),
    },
    IndicatorBinding: {
        "series": text(N_("Wskaźnik obliczany"), required=True, max_length=60),
        "school_id": ref(N_("Szkoła"), School),
    },
}

# The parent of each record type: (foreign-key attribute, parent class).
PARENTS: dict[type[Record], tuple[str, type[Record]]] = {
    TeamMember: ("municipality_id", Municipality),
    School: ("municipality_id", Municipality),
    SchoolSupport: ("school_id", School),
    StrategicPlan: ("municipality_id", Municipality),
    Goal: ("plan_id", StrategicPlan),
    Objective: ("goal_id", Goal),
    Action: ("objective_id", Objective),
    ActionFunding: ("action_id", Action),
    FundingSource: ("municipality_id", Municipality),
    Institution: ("municipality_id", Municipality),
    IndicatorMilestone: ("indicator_id", Indicator),
    Problem: ("plan_id", StrategicPlan),
    DiagnosisTable: ("plan_id", StrategicPlan),
    PlanConsultation: ("plan_id", StrategicPlan),
    DevelopmentSchedule: ("municipality_id", Municipality),
    SchedulePriority: ("schedule_id", DevelopmentSchedule),
    ScheduleItem: ("schedule_id", DevelopmentSchedule),
    Indicator: ("municipality_id", Municipality),
    Measurement: ("indicator_id", Indicator),
    AdvisoryVisit: ("municipality_id", Municipality),
    MonitoringNote: ("municipality_id", Municipality),
    MonitoringConclusion: ("municipality_id", Municipality),
    Risk: ("municipality_id", Municipality),
    Recommendation: ("visit_id", AdvisoryVisit),
    SchoolYearStats: ("school_id", School),
    ExamResult: ("school_id", School),
    EducationFinance: ("municipality_id", Municipality),
    SupervisionFinding: ("school_id", School),
    IndicatorBinding: ("indicator_id", Indicator),
    YearlyReportChapter: ("municipality_id", Municipality),
}

# Records deleted together with another: (child class, attribute pointing at the parent).
DEPENDENTS: dict[type[Record], tuple[tuple[type[Record], str], ...]] = {
    School: (
        (SchoolSupport, "school_id"),
        (SchoolYearStats, "school_id"),
        (ExamResult, "school_id"),
        (SupervisionFinding, "school_id"),
        (IndicatorBinding, "school_id"),
    ),
    StrategicPlan: (
        (Goal, "plan_id"),
        (Indicator, "plan_id"),
        (Problem, "plan_id"),
        (DiagnosisTable, "plan_id"),
        (PlanConsultation, "plan_id"),
    ),
    Problem: ((Problem, "above_id"),),
    FundingSource: ((ActionFunding, "source_id"),),
    Goal: ((Objective, "goal_id"), (Indicator, "goal_id")),
    Objective: ((Action, "objective_id"), (Indicator, "objective_id")),
    Action: ((Indicator, "action_id"), (ActionFunding, "action_id")),
    DevelopmentSchedule: ((SchedulePriority, "schedule_id"), (ScheduleItem, "schedule_id")),
    SchedulePriority: ((ScheduleItem, "priority_id"),),
    ScheduleItem: ((Indicator, "schedule_item_id"),),
    Indicator: (
        (Measurement, "indicator_id"),
        (IndicatorMilestone, "indicator_id"),
        (IndicatorBinding, "indicator_id"),
    ),
    AdvisoryVisit: ((Recommendation, "visit_id"),),
}

# Record types a note or recommendation may be linked to.
LINKABLE: tuple[type[Record], ...] = (
    StrategicPlan,
    Goal,
    Objective,
    Action,
    Indicator,
    DevelopmentSchedule,
    ScheduleItem,
    School,
    Risk,
    AdvisoryVisit,
    Recommendation,
    MonitoringNote,
)

# The network feature keeps its specs in its own module, which adds them to the
# dictionaries above (a plain import: either module may be imported first).
import app.services.network_fields  # noqa: E402, F401
from app.services import snapshot_fields  # noqa: E402, F401
