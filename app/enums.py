"""Closed sets of values stored as short English codes, shown as Polish labels."""

from __future__ import annotations

from enum import StrEnum

from app.i18n import N_, _


class LabelledEnum(StrEnum):
    """A string enum whose members know their user-facing (translated) label."""

    @property
    def label(self) -> str:
        return _(_LABELS[type(self).__name__][self.value])

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]


class MunicipalityKind(LabelledEnum):
    RURAL = "rural"
    URBAN = "urban"
    URBAN_RURAL = "urban_rural"
    COUNTY = "county"
    CITY_COUNTY = "city_county"


class PlanStatus(LabelledEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"
    IMPLEMENTATION = "implementation"
    CLOSED = "closed"


class ActionStatus(LabelledEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DELAYED = "delayed"
    DROPPED = "dropped"


class Direction(LabelledEnum):
    """The kind of an indicator (miernik): how its target is read (see services.indicators)."""

    UP = "up"  # increase to the target
    DOWN = "down"  # decrease to the target
    AT_LEAST = "at_least"  # a floor: not less than the target
    AT_MOST = "at_most"  # a ceiling: not more than the target
    KEEP = "keep"  # keep the level (the target may equal the baseline)
    YES_NO = "yes_no"  # done or not (1 = tak, 0 = nie)


class TermPrecision(LabelledEnum):
    """How precisely a plan states an action's term."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    SCHOOL_YEAR = "school_year"
    YEAR = "year"


class InstitutionKind(LabelledEnum):
    OFFICE = "office"
    SERVICE_CENTRE = "service_centre"
    COUNSELLING = "counselling"
    NGO = "ngo"
    OTHER = "other"


class ProblemKind(LabelledEnum):
    CENTRAL = "central"
    CAUSE = "cause"
    EFFECT = "effect"


class SupportStage(LabelledEnum):
    """The four stages of process support (regulation of 2019, § 20)."""

    DIAGNOSIS = "diagnosis"
    AGREEMENT = "agreement"
    IMPLEMENTATION = "implementation"
    ASSESSMENT = "assessment"


class NoteKind(LabelledEnum):
    PROGRESS = "progress"
    RISK = "risk"
    PROBLEM = "problem"
    GOOD_PRACTICE = "good_practice"
    RECOMMENDATION = "recommendation"
    DECISION = "decision"


class RiskStatus(LabelledEnum):
    OPEN = "open"
    MONITORED = "monitored"
    MATERIALISED = "materialised"
    CLOSED = "closed"


class RecommendationStatus(LabelledEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class PlaceKind(LabelledEnum):
    """Where an advisory visit was actually held."""

    JST_OFFICE = "jst_office"
    SCHOOL = "school"
    ONLINE = "online"
    OTHER = "other"


class IndicatorStatus(LabelledEnum):
    """Computed from measurements, never stored."""

    NO_DATA = "no_data"
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"


_LABELS: dict[str, dict[str, str]] = {
    "MunicipalityKind": {
        "rural": N_("gmina wiejska"),
        "urban": N_("gmina miejska"),
        "urban_rural": N_("gmina miejsko-wiejska"),
        "county": N_("powiat"),
        "city_county": N_("miasto na prawach powiatu"),
    },
    "PlanStatus": {
        "draft": N_("projekt"),
        "adopted": N_("przyjęty"),
        "implementation": N_("w realizacji"),
        "closed": N_("zamknięty"),
    },
    "ActionStatus": {
        "planned": N_("zaplanowane"),
        "in_progress": N_("w toku"),
        "done": N_("zrealizowane"),
        "delayed": N_("opóźnione"),
        "dropped": N_("zaniechane"),
    },
    "Direction": {
        "up": N_("wzrost do wartości docelowej"),
        "down": N_("spadek do wartości docelowej"),
        "at_least": N_("co najmniej"),
        "at_most": N_("nie więcej niż"),
        "keep": N_("utrzymanie poziomu"),
        "yes_no": N_("tak/nie"),
    },
    "TermPrecision": {
        "day": N_("dzień"),
        "month": N_("miesiąc"),
        "quarter": N_("kwartał"),
        "school_year": N_("rok szkolny"),
        "year": N_("rok"),
    },
    "InstitutionKind": {
        "office": N_("urząd / wydział"),
        "service_centre": N_("centrum usług wspólnych"),
        "counselling": N_("poradnia"),
        "ngo": N_("organizacja pozarządowa"),
        "other": N_("inna instytucja"),
    },
    "ProblemKind": {
        "central": N_("problem główny"),
        "cause": N_("przyczyna"),
        "effect": N_("skutek"),
    },
    "SupportStage": {
        "diagnosis": N_("1. diagnoza potrzeb szkoły"),
        "agreement": N_("2. ustalenie sposobów działania"),
        "implementation": N_("3. planowanie i realizacja wspomagania"),
        "assessment": N_("4. wspólna ocena efektów"),
    },
    "NoteKind": {
        "progress": N_("postęp"),
        "risk": N_("ryzyko"),
        "problem": N_("problem"),
        "good_practice": N_("dobra praktyka"),
        "recommendation": N_("zalecenie"),
        "decision": N_("decyzja"),
    },
    "RiskStatus": {
        "open": N_("otwarte"),
        "monitored": N_("monitorowane"),
        "materialised": N_("zmaterializowane"),
        "closed": N_("zamknięte"),
    },
    "RecommendationStatus": {
        "open": N_("otwarte"),
        "in_progress": N_("w realizacji"),
        "done": N_("wykonane"),
        "dropped": N_("zaniechane"),
    },
    "PlaceKind": {
        "jst_office": N_("w siedzibie JST"),
        "school": N_("w szkole lub placówce"),
        "online": N_("online"),
        "other": N_("w innym miejscu"),
    },
    "IndicatorStatus": {
        "no_data": N_("brak danych"),
        "achieved": N_("osiągnięty"),
        "on_track": N_("zgodnie z planem"),
        "at_risk": N_("zagrożony"),
        "off_track": N_("poza planem"),
    },
}
