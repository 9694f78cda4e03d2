"""What the fields of networks, meetings, trainings, good practices and people may hold.

Kept apart from :mod:`app.services.fields` so the network feature stays in its
own modules; importing either module registers them (``fields`` imports this
one at its end, and this one adds its specs to ``FIELDS`` and ``PARENTS``).
"""

from __future__ import annotations

from app.i18n import N_
from app.model import (
    Consultation,
    GoodPractice,
    MeetingItem,
    MeetingStep,
    Municipality,
    MunicipalityKind,
    Network,
    NetworkKind,
    NetworkMeeting,
    NetworkMember,
    Participant,
    Person,
    PersonLink,
    PersonRole,
    PracticeLink,
    ProgrammeItemKind,
    RecommendationStatus,
    Record,
    TrainingModule,
    TrainingSession,
)
from app.services.fields import (
    DEPENDENTS,
    FIELDS,
    PARENTS,
    Field,
    choice,
    day,
    flag,
    integer,
    long,
    number,
    ref,
    text,
)

NETWORK_FIELDS: dict[type[Record], dict[str, Field]] = {
    Network: {
        "name": text(N_("Nazwa sieci"), required=True, max_length=200),
        "kind": choice(N_("Rodzaj sieci"), NetworkKind),
        "period_start": day(N_("Początek okresu"), required=True),
        "period_end": day(N_("Koniec okresu"), required=True),
        "coordinator": text(N_("Koordynator"), max_length=200),
        "description": long(N_("Opis")),
    },
    NetworkMember: {
        "municipality_id": text(N_("JST w programie"), max_length=36),
        "name": text(N_("Nazwa JST"), required=True, max_length=200),
        "kind": choice(N_("Rodzaj JST"), MunicipalityKind),
        "teryt": text(N_("Kod TERYT"), max_length=7),
        "population": integer(N_("Liczba mieszkańców"), 0, 50_000_000),
        "schools_count": integer(N_("Liczba szkół i placówek"), 0, 100_000),
    },
    GoodPractice: {
        "member_id": ref(N_("JST"), NetworkMember),
        "title": text(N_("Tytuł"), required=True),
        "schools": long(N_("Szkoły")),
        "area_code": integer(N_("Obszar"), 1, 12),
        "competences": Field(N_("Kompetencje kluczowe"), "codes"),
        "description": long(N_("Opis")),
        "results": long(N_("Efekty")),
        "contact": text(N_("Kontakt"), max_length=300),
        "links": long(N_("Odnośniki")),
    },
    NetworkMeeting: {
        "number": integer(N_("Numer spotkania"), 1, 999, required=True),
        "starts_on": day(N_("Pierwszy dzień"), required=True),
        "ends_on": day(N_("Drugi dzień")),
        "host_member_id": ref(N_("Gospodarz"), NetworkMember),
        "place": text(N_("Miejsce"), max_length=300),
        "topic": text(N_("Temat wiodący"), required=True),
        "materials": long(N_("Materiały przesłane wcześniej")),
        "conclusions": long(N_("Wnioski")),
    },
    MeetingItem: {
        "kind": choice(N_("Rodzaj punktu programu"), ProgrammeItemKind),
        "title": text(N_("Punkt programu"), required=True),
        "presenter": text(N_("Prowadzący"), max_length=200),
        "member_id": ref(N_("JST prowadząca"), NetworkMember),
        "practice_id": ref(N_("Dobra praktyka"), GoodPractice),
    },
    MeetingStep: {
        "text": Field(N_("Ustalony krok"), "long", required=True, max_length=20_000),
        "member_id": ref(N_("Odpowiedzialna JST"), NetworkMember),
        "due_date": day(N_("Termin")),
        "status": choice(N_("Status"), RecommendationStatus),
    },
    TrainingModule: {
        "title": text(N_("Moduł szkolenia"), required=True),
        "hours": number(N_("Liczba godzin")),
        "form": text(N_("Forma"), max_length=200),
    },
    TrainingSession: {
        "module_id": ref(N_("Moduł"), TrainingModule, required=True),
        "held_on": day(N_("Data zajęć"), required=True),
        "place": text(N_("Miejsce"), max_length=300),
        "evaluation": long(N_("Ocena zajęć")),
    },
    Participant: {
        "meeting_id": ref(N_("Spotkanie"), NetworkMeeting),
        "session_id": ref(N_("Zajęcia"), TrainingSession),
        "member_id": ref(N_("JST"), NetworkMember, required=True),
        "name": text(N_("Imię i nazwisko"), required=True, max_length=200),
        "role": text(N_("Funkcja"), max_length=200),
        "present": flag(N_("Obecny")),
    },
    Person: {
        "name": text(N_("Imię i nazwisko"), required=True, max_length=200),
        "institution": text(N_("Instytucja"), max_length=200),
        "email": text(N_("E-mail"), max_length=200),
        "phone": text(N_("Telefon"), max_length=50),
        "notes": long(N_("Uwagi")),
    },
    PersonLink: {
        "person_id": ref(N_("Osoba"), Person, required=True),
        "role": choice(N_("Rola"), PersonRole),
        "cycle_start": day(N_("Początek cyklu")),
        "cycle_end": day(N_("Koniec cyklu")),
        "planned_visits": integer(N_("Planowane wizyty"), 0, 50),
        "team_member_id": text(N_("Członek zespołu"), max_length=36),
    },
    Consultation: {
        "held_on": day(N_("Data"), required=True),
        "form": text(N_("Forma"), required=True, max_length=100),
        "topic": text(N_("Temat"), required=True),
        "outcome": long(N_("Ustalenia")),
        "person_id": text(N_("Osoba"), max_length=36),
        "advisor": text(N_("Doradca"), max_length=200),
    },
}

NETWORK_FIELDS[PracticeLink] = {
    "practice_id": text(N_("Dobra praktyka"), required=True, max_length=36),
    "link_type": text(N_("Rodzaj elementu"), required=True, max_length=40),
    "link_id": text(N_("Element"), required=True, max_length=36),
}

# The parent of each record type (see ``PARENTS`` in :mod:`app.services.fields`).
NETWORK_PARENTS: dict[type[Record], tuple[str, type[Record]]] = {
    NetworkMember: ("network_id", Network),
    GoodPractice: ("network_id", Network),
    NetworkMeeting: ("network_id", Network),
    MeetingItem: ("meeting_id", NetworkMeeting),
    MeetingStep: ("meeting_id", NetworkMeeting),
    TrainingModule: ("network_id", Network),
    TrainingSession: ("module_id", TrainingModule),
    Participant: ("member_id", NetworkMember),
    PersonLink: ("municipality_id", Municipality),
    Consultation: ("municipality_id", Municipality),
    PracticeLink: ("municipality_id", Municipality),
}

# Records deleted (and restored by undo) together with another (see ``DEPENDENTS``).
NETWORK_DEPENDENTS: dict[type[Record], tuple[tuple[type[Record], str], ...]] = {
    Network: (
        (NetworkMember, "network_id"),
        (GoodPractice, "network_id"),
        (NetworkMeeting, "network_id"),
        (TrainingModule, "network_id"),
    ),
    NetworkMeeting: (
        (MeetingItem, "meeting_id"),
        (MeetingStep, "meeting_id"),
        (Participant, "meeting_id"),
    ),
    NetworkMember: ((Participant, "member_id"),),
    TrainingModule: ((TrainingSession, "module_id"),),
    TrainingSession: ((Participant, "session_id"),),
}

FIELDS.update(NETWORK_FIELDS)
PARENTS.update(NETWORK_PARENTS)
DEPENDENTS.update(NETWORK_DEPENDENTS)
