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
    UP = "up"
    DOWN = "down"


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
    "Direction": {"up": N_("im więcej, tym lepiej"), "down": N_("im mniej, tym lepiej")},
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
    "IndicatorStatus": {
        "no_data": N_("brak danych"),
        "achieved": N_("osiągnięty"),
        "on_track": N_("zgodnie z planem"),
        "at_risk": N_("zagrożony"),
        "off_track": N_("poza planem"),
    },
}
