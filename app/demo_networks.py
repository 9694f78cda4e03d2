"""The demo network: six JSTs of different kinds with four meetings, a training with three
sessions and six good practices — and the demo JST's advisor as one person record.

Called from :func:`app.demo.load_demo` inside its unit of work; ids are derived
from fixed keys, so loading twice finds the first copy.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.model import (
    Consultation,
    GoodPractice,
    MeetingItem,
    MeetingStep,
    Network,
    NetworkMeeting,
    NetworkMember,
    Participant,
    Person,
    PersonLink,
    Record,
    TeamMember,
    TrainingModule,
    TrainingSession,
)
from app.services import records, validation
from app.services.fields import FIELDS

NAME = "Grupa Wymiany Doświadczeń „Oświata w rozwoju”"
_NAMESPACE = uuid.UUID("0b5d3c61-8f0e-4d8c-a7b2-4e6f1b2c9d16")

# key, name, kind, population, schools; the first is the demo JST itself.
MEMBERS: tuple[tuple[str, str, str, int, int], ...] = (
    ("zielonki", "Gmina Zielonki Wielkie", "urban_rural", 24182, 12),
    ("bydgoszcz", "Miasto Bydgoszcz", "city_county", 355000, 110),
    ("dzierzoniow", "Gmina Miejska Dzierżoniów", "urban", 34000, 7),
    ("piaski", "Gmina Piaski", "urban_rural", 10500, 6),
    ("lubicz", "Gmina Lubicz", "rural", 20100, 9),
    ("kutno", "Powiat kutnowski", "county", 98000, 14),
)

PEOPLE: dict[str, list[tuple[str, str]]] = {
    "zielonki": [
        ("Tomasz Wachowiak", "naczelnik wydziału oświaty"),
        ("Joanna Nowaczyk", "dyrektor SP 1"),
    ],
    "bydgoszcz": [
        ("Marek Kowalczyk", "skarbnik miasta"),
        ("Alicja Lewandowska", "wydział edukacji"),
    ],
    "dzierzoniow": [("Beata Sikora", "zastępca burmistrza"), ("Paweł Wróbel", "dyrektor ZS nr 1")],
    "piaski": [("Krystyna Mazur", "sekretarz gminy"), ("Adam Zając", "dyrektor SP w Piaskach")],
    "lubicz": [("Renata Kaczmarek", "referat oświaty"), ("Jerzy Pawlak", "wójt")],
    "kutno": [("Elżbieta Dudek", "starosta"), ("Roman Wieczorek", "wydział edukacji powiatu")],
}

MEETINGS: tuple[dict[str, Any], ...] = (
    {
        "key": "m1",
        "starts_on": date(2025, 10, 9),
        "ends_on": date(2025, 10, 10),
        "host": "zielonki",
        "place": "Zielonki Wielkie, Urząd Miasta i Gminy, sala sesyjna",
        "topic": "Poznajemy się: założenia, cele i ramowy harmonogram pracy grupy",
        "materials": "Ankieta o zarządzaniu oświatą w JST (wypełniona przed spotkaniem).",
        "conclusions": "Grupa uzgodniła tematy kolejnych spotkań i kolejność gospodarzy. "
        "Najpilniejsze problemy: poszerzanie oferty edukacyjnej, wspomaganie szkół, "
        "współpraca z rodzicami.",
        "items": [
            ("lecture", "Założenia projektu i rola Grupy Wymiany Doświadczeń", "koordynator", None),
            (
                "presentation",
                "Zarządzanie oświatą w Gminie Zielonki Wielkie",
                "Tomasz Wachowiak",
                "zielonki",
            ),
            ("discussion", "Diagnoza zarządzania lokalnym systemem oświaty", None, None),
        ],
        "steps": [
            (
                "Przesłać koordynatorowi dane do diagnozy potrzeb JST",
                None,
                date(2025, 12, 15),
                "done",
            ),
            (
                "Przygotować prezentację Bydgoskiego Biura Finansów Oświaty",
                "bydgoszcz",
                date(2026, 1, 15),
                "done",
            ),
        ],
        "absent": {"lubicz"},
    },
    {
        "key": "m2",
        "starts_on": date(2026, 1, 22),
        "ends_on": date(2026, 1, 23),
        "host": "bydgoszcz",
        "place": "Bydgoszcz, Zespół Szkół Mechanicznych nr 2",
        "topic": "Diagnoza potrzeb JST w zakresie wspomagania szkół "
        "w rozwijaniu kompetencji kluczowych",
        "materials": "Wstępna diagnoza opracowana przez zespół projektowy "
        "(przesłana tydzień wcześniej).",
        "conclusions": "Uwagi grup do diagnozy zebrano w jednym dokumencie; koordynator "
        "uwzględni je w wersji końcowej.",
        "items": [
            ("group_work", "Krytyczna ocena wstępnej diagnozy — praca w grupach", None, None),
            (
                "presentation",
                "Bydgoskie Biuro Finansów Oświaty — centrum usług wspólnych",
                "Marek Kowalczyk",
                "bydgoszcz",
            ),
            (
                "study_visit",
                "Centrum Energii Odnawialnej przy Zespole Szkół Mechanicznych nr 2",
                None,
                "bydgoszcz",
            ),
        ],
        "steps": [
            ("Uzupełnić diagnozę o dane z własnej JST", None, date(2026, 3, 1), "done"),
            (
                "Opisać dobrą praktykę do biblioteki sieci",
                "piaski",
                date(2026, 3, 31),
                "in_progress",
            ),
        ],
        "absent": set(),
    },
    {
        "key": "m3",
        "starts_on": date(2026, 4, 16),
        "ends_on": date(2026, 4, 17),
        "host": "kutno",
        "place": "Kutno, Starostwo Powiatowe",
        "topic": "Programy szkoleniowo-doradcze dla kadry zarządzającej oświatą w JST",
        "materials": "Projekty pięciu modułów programu (wersja elektroniczna).",
        "conclusions": "Każda grupa przeanalizowała jeden moduł; "
        "uwagi przekazano autorom programu.",
        "items": [
            ("group_work", "Analiza projektów modułów programu szkoleniowego", None, None),
            (
                "presentation",
                "Doradztwo zawodowe we współpracy z pracodawcami",
                "Roman Wieczorek",
                "kutno",
            ),
            ("discussion", "Jak mierzyć efekty wspomagania szkół", None, None),
        ],
        "steps": [
            ("Zebrać uwagi do modułów od dyrektorów szkół", "lubicz", date(2026, 6, 30), "open"),
            ("Zaproponować termin i program spotkania w Piaskach", None, date(2026, 9, 30), "done"),
        ],
        "absent": {"dzierzoniow"},
    },
    {
        "key": "m4",
        "starts_on": date(2026, 12, 10),
        "ends_on": None,
        "host": "piaski",
        "place": "Piaski, Szkoła Podstawowa im. Marii Konopnickiej",
        "topic": "Dobre praktyki rozwijania kompetencji kluczowych uczniów",
        "materials": "Opisy dobrych praktyk członków sieci.",
        "conclusions": None,
        "items": [
            (
                "presentation",
                "Piknik Naukowy – sposób na rozwijanie kompetencji kluczowych",
                "Adam Zając",
                "piaski",
            ),
            ("study_visit", "Pracownie przyrodnicze Szkoły Podstawowej w Piaskach", None, "piaski"),
        ],
        "steps": [],
        "absent": set(),
    },
)

PRACTICES: tuple[tuple[str, str, str, int, list[str], str], ...] = (
    (
        "piknik",
        "piaski",
        "Piknik Naukowy – sposób na rozwijanie kompetencji kluczowych",
        5,
        ["stem", "personal_social_learning"],
        "Coroczny piknik, na którym uczniowie pokazują doświadczenia mieszkańcom gminy.",
    ),
    (
        "debata",
        "zielonki",
        "Pierwszy krok – debata oświatowa z udziałem rodziców i uczniów",
        1,
        ["citizenship", "literacy"],
        "Otwarta debata o kierunkach rozwoju oświaty w gminie, przed pracą nad strategią.",
    ),
    (
        "biuro",
        "bydgoszcz",
        "Bydgoskie Biuro Finansów Oświaty",
        9,
        [],
        "Centrum usług wspólnych prowadzące księgowość wszystkich jednostek oświatowych miasta.",
    ),
    (
        "sztuka",
        "dzierzoniow",
        "Wychowanie przez sztukę w zespole szkół",
        6,
        ["cultural_awareness"],
        "Autorski program łączący zajęcia artystyczne z wychowaniem i pracą projektową.",
    ),
    (
        "rodzice",
        "lubicz",
        "Angażujemy rodziców i uczniów w działania strategiczne",
        4,
        ["citizenship", "personal_social_learning"],
        "Rada rodziców i samorząd uczniowski współtworzą gminny plan rozwoju oświaty.",
    ),
    (
        "zawodowe",
        "kutno",
        "Doradztwo zawodowe we współpracy z pracodawcami",
        7,
        ["entrepreneurship"],
        "Szkoły powiatu wspólnie z lokalnymi firmami prowadzą zajęcia i praktyki.",
    ),
)


def _id(kind: str, key: str, copy: int = 0) -> str:
    prefix = f"{copy}:" if copy else ""  # copy 0 keeps the plain keys
    return str(uuid.uuid5(_NAMESPACE, f"{prefix}{kind}:{key}"))


def network_id(copy: int = 0) -> str:
    return _id("network", "gwd", copy)


def _add(
    session: Session, cls: type[Record], kind: str, key: str, copy: int, /, **values: Any
) -> Any:
    """Validate and add one record, the way a form would."""
    present = {name: value for name, value in values.items() if value is not None}
    fields = {name: value for name, value in present.items() if name in FIELDS[cls]}
    other = {name: value for name, value in present.items() if name not in FIELDS[cls]}
    record = cls(id=_id(kind, key, copy), **other, **validation.clean_fields(cls, fields))
    records.set_defaults(record)
    validation.check_rules(record)
    session.add(record)
    # Few of these records have relationships to tell the unit of work which goes first.
    session.flush()
    return record


def build(session: Session, municipality_id: str, copy: int = 0) -> None:
    """Add the demo network (unless already here) and the demo JST's advisor as a person."""
    _advisor(session, municipality_id, copy)
    if session.get(Network, network_id(copy), execution_options={"include_deleted": True}):
        return
    _add(
        session,
        Network,
        "network",
        "gwd",
        copy,
        name=NAME + (f" {copy}" if copy else ""),
        kind="exchange_group",
        period_start=date(2025, 9, 1),
        period_end=date(2026, 12, 31),
        coordinator="Ośrodek Rozwoju Edukacji — Anna Kupczyk",
        description="Sieć sześciu JST różnych rodzajów, spotykających się kolejno u członków.",
    )
    fixed = {"network_id": network_id(copy)}
    for position, (key, name, kind, population, schools) in enumerate(MEMBERS):
        _add(
            session,
            NetworkMember,
            "member",
            key,
            copy,
            municipality_id=municipality_id if key == "zielonki" else None,
            name=name,
            kind=kind,
            population=population,
            schools_count=schools,
            position=position,
            **fixed,
        )
    for key, member, title, area, competences, description in PRACTICES:
        _add(
            session,
            GoodPractice,
            "practice",
            key,
            copy,
            member_id=_id("member", member, copy),
            title=title,
            area_code=area,
            competences=competences,
            description=description,
            contact=PEOPLE[member][0][0],
            **fixed,
        )
    session.flush()
    for meeting in MEETINGS:
        _meeting(session, meeting, fixed, copy)
    _training(session, fixed, copy)


def _meeting(session: Session, data: dict[str, Any], fixed: dict[str, str], copy: int) -> None:
    key = data["key"]
    meeting_id = _id("meeting", key, copy)
    _add(
        session,
        NetworkMeeting,
        "meeting",
        key,
        copy,
        number=int(key[1:]),
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        host_member_id=_id("member", data["host"], copy),
        place=data["place"],
        topic=data["topic"],
        materials=data["materials"],
        conclusions=data["conclusions"],
        **fixed,
    )
    for position, (kind, title, presenter, member) in enumerate(data["items"]):
        _add(
            session,
            MeetingItem,
            "item",
            f"{key}:{position}",
            copy,
            meeting_id=meeting_id,
            kind=kind,
            title=title,
            presenter=presenter,
            member_id=_id("member", member, copy) if member else None,
            practice_id=_id("practice", "piknik", copy) if key == "m4" and position == 0 else None,
            position=position,
            **fixed,
        )
    for position, (text, member, due, status) in enumerate(data["steps"]):
        _add(
            session,
            MeetingStep,
            "step",
            f"{key}:{position}",
            copy,
            meeting_id=meeting_id,
            text=text,
            member_id=_id("member", member, copy) if member else None,
            due_date=due,
            status=status,
            position=position,
            **fixed,
        )
    for member, people in PEOPLE.items():
        for name, role in people:
            _add(
                session,
                Participant,
                "participant",
                f"{key}:{name}",
                copy,
                meeting_id=meeting_id,
                member_id=_id("member", member, copy),
                name=name,
                role=role,
                present=member not in data["absent"],
                **fixed,
            )


def _training(session: Session, fixed: dict[str, str], copy: int) -> None:
    modules = (
        ("diagnoza", "Diagnoza potrzeb szkół i przedszkoli", 8.0, "warsztat"),
        (
            "planowanie",
            "Planowanie wspomagania szkół w rozwoju kompetencji kluczowych",
            12.0,
            "warsztat i praca własna",
        ),
    )
    for position, (key, title, hours, form) in enumerate(modules):
        _add(
            session,
            TrainingModule,
            "module",
            key,
            copy,
            title=title,
            hours=hours,
            form=form,
            position=position,
            **fixed,
        )
    session.flush()
    sessions = (
        (
            "s1",
            "diagnoza",
            date(2025, 11, 20),
            "Bydgoszcz",
            "Wysoka ocena części praktycznej; za mało czasu na pracę z danymi z własnej JST.",
        ),
        (
            "s2",
            "planowanie",
            date(2026, 2, 26),
            "Zielonki Wielkie",
            "Uczestnicy cenią przykłady planów innych JST.",
        ),
        (
            "s3",
            "planowanie",
            date(2026, 5, 21),
            "Kutno",
            "Dobra ocena; prośba o materiały w wersji edytowalnej.",
        ),
    )
    for key, module, held_on, place, evaluation in sessions:
        _add(
            session,
            TrainingSession,
            "session",
            key,
            copy,
            module_id=_id("module", module, copy),
            held_on=held_on,
            place=place,
            evaluation=evaluation,
            **fixed,
        )
        for member, people in PEOPLE.items():
            name, role = people[0]
            _add(
                session,
                Participant,
                "participant",
                f"{key}:{name}",
                copy,
                session_id=_id("session", key, copy),
                member_id=_id("member", member, copy),
                name=name,
                role=role,
                present=not (key == "s3" and member == "lubicz"),
                **fixed,
            )


def _advisor(session: Session, municipality_id: str, copy: int) -> None:
    """The demo JST's advisor as one person linked to it, with remote consultations."""
    advisor = session.scalars(
        select(TeamMember).where(
            TeamMember.municipality_id == municipality_id, TeamMember.is_advisor.is_(True)
        )
    ).first()
    if advisor is None:
        return
    person_id = _id("person", advisor.name, copy)
    if session.get(Person, person_id, execution_options={"include_deleted": True}) is None:
        _add(
            session,
            Person,
            "person",
            advisor.name,
            copy,
            name=advisor.name,
            institution=advisor.institution,
            email=advisor.email,
            phone=advisor.phone,
        )
    key = f"{municipality_id}:advisor"
    if session.get(PersonLink, _id("link", key, copy), execution_options={"include_deleted": True}):
        return
    _add(
        session,
        PersonLink,
        "link",
        key,
        copy,
        person_id=person_id,
        municipality_id=municipality_id,
        role="advisor",
        cycle_start=date(2025, 1, 1),
        cycle_end=date(2026, 12, 31),
        planned_visits=3,
        team_member_id=advisor.id,
    )
    talks = (
        (
            date(2025, 6, 4),
            "wideokonferencja",
            "Wskaźniki planu rozwoju oświaty",
            "Uzgodniono sposób liczenia wskaźników frekwencji.",
        ),
        (
            date(2026, 2, 11),
            "telefon",
            "Przygotowanie do drugiej wizyty",
            "Zespół prześle projekt HDR tydzień przed wizytą.",
        ),
    )
    for number, (held_on, form, topic, outcome) in enumerate(talks):
        _add(
            session,
            Consultation,
            "consultation",
            f"{municipality_id}:{number}",
            copy,
            municipality_id=municipality_id,
            held_on=held_on,
            form=form,
            topic=topic,
            outcome=outcome,
            person_id=person_id,
            advisor=advisor.name,
        )
