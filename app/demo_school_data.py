"""Five school years of school data for the demo municipality (2021/2022–2025/2026).

Made, not random: the same numbers every time (a seeded generator), and
consistent with each other — pupils fall in the rural schools and hold in the
town, oddziały follow the pupils, posts follow the oddziały, costs rise faster
than the subvention, exam means move around the country's (the real national
means of those years). Two plan indicators are bound to computed series (both on track or achieved).
"""

from __future__ import annotations

import math
import random
from datetime import date
from typing import Any

from app.model import (
    EducationFinance,
    ExamKind,
    ExamResult,
    Indicator,
    IndicatorBinding,
    SchoolYearStats,
    SupervisionFinding,
)
from app.storage.store import Store

YEARS = range(2021, 2026)
TOWN = "Zielonki Wielkie"
# National E8 means (%) by school year: język polski, matematyka, język angielski.
COUNTRY = {
    2021: (60.0, 57.0, 67.0),
    2022: (66.0, 53.0, 67.0),
    2023: (61.0, 52.0, 66.0),
    2024: (62.0, 51.0, 68.0),
    2025: (61.0, 53.0, 69.0),
}
SUBJECTS = ("język polski", "matematyka", "język angielski")
_SCHOOL_KINDS = ("szkola_podstawowa", "zespol")
_PRESCHOOL_KINDS = ("przedszkole", "punkt_przedszkolny")


def add_school_data(builder: Any, schools: list[dict[str, Any]]) -> None:
    """Add the demo's school-year data through the demo builder (validated like input)."""
    rng = random.Random(2021)
    total_pupils = {year: 0 for year in YEARS}
    for school in schools:
        if school["school_type"] not in (*_SCHOOL_KINDS, *_PRESCHOOL_KINDS):
            continue  # the MDK has participants, not pupils in oddziały
        school_id = builder.id("school", school["key"])
        rural = school.get("town") != TOWN
        offset = rng.uniform(-8, -3) if rural else rng.uniform(0, 3)
        for year in YEARS:
            pupils = _pupils(school, year, rural)
            total_pupils[year] += pupils
            builder.add(
                SchoolYearStats,
                "school_year_stats",
                f"{school['key']}:{year}",
                school_id=school_id,
                school_year=year,
                **_stats(school, year, pupils, rural, rng),
            )
            if school["school_type"] in _SCHOOL_KINDS:
                _exams(builder, school, school_id, year, pupils, offset, rng)
    _finance(builder, total_pupils, rng)
    _supervision(builder, schools)
    _bindings(builder)


def _pupils(school: dict[str, Any], year: int, rural: bool) -> int:
    change = 0.035 if rural else -0.004  # a yearly fall in the villages, steady in the town
    return round(int(school["pupils"]) * (1 + change) ** (2025 - year))


def _stats(
    school: dict[str, Any], year: int, pupils: int, rural: bool, rng: random.Random
) -> dict[str, Any]:
    preschool = school["school_type"] in _PRESCHOOL_KINDS
    if preschool:
        classes = max(1, math.ceil(pupils / 24))
    elif pupils < 110:
        classes = 6  # combined grades in the smallest village schools
    else:
        classes = max(8, math.ceil(pupils / 23))
    posts = round(classes * (1.9 if not preschool else 2.2) + rng.uniform(-0.6, 0.6), 2)
    teachers = math.ceil(posts * 1.12)
    chartered = round(teachers * (0.52 + 0.015 * (year - 2021)))
    appointed = round(teachers * 0.22)
    beginning = round(teachers * 0.08)
    contract = max(0, min(teachers - chartered - appointed - beginning, round(teachers * 0.14)))
    return {
        "pupils": pupils,
        "classes": classes,
        "pupils_certified": round(pupils * rng.uniform(0.015, 0.04)),
        "pupils_transported": round(pupils * (rng.uniform(0.35, 0.6) if rural else 0.03)),
        "preschool_children": pupils
        if preschool
        else (48 if school["school_type"] == "zespol" else None),
        "teacher_posts": posts,
        "teachers": teachers,
        "teachers_beginning": beginning,
        "teachers_contract": contract,
        "teachers_appointed": appointed,
        "teachers_chartered": chartered,
        "non_teaching_posts": round(posts * 0.32, 2),
        "spending_cents": _school_spending(pupils, preschool, rural, year),
        **(_grades(pupils, rural) if school["school_type"] in _SCHOOL_KINDS else {}),
    }


def _school_spending(pupils: int, preschool: bool, rural: bool, year: int) -> int:
    """Current spending on one school: small village schools cost more per pupil."""
    per_pupil = 14_000 if preschool else 16_800 if rural else 10_900
    return round(pupils * per_pupil * 1.09 ** (year - 2021) * 100)


def _grades(pupils: int, rural: bool) -> dict[str, int]:
    """Pupils of grades 1–8: fewer in the younger grades where pupils fall (the villages)."""
    weights = [1 - (0.035 if rural else 0.005) * (4.5 - grade) for grade in range(1, 9)]
    total = sum(weights)
    counts = [math.floor(pupils * w / total) for w in weights]
    counts[-1] += pupils - sum(counts)
    return {f"pupils_grade_{grade}": count for grade, count in enumerate(counts, start=1)}


def _exams(
    builder: Any,
    school: dict[str, Any],
    school_id: str,
    year: int,
    pupils: int,
    offset: float,
    rng: random.Random,
) -> None:
    takers = max(5, round(pupils / 8.3))
    for subject, country in zip(SUBJECTS, COUNTRY[year], strict=True):
        mean = round(min(95.0, max(20.0, country + offset + rng.uniform(-2.5, 2.5))), 1)
        builder.add(
            ExamResult,
            "exam_result",
            f"{school['key']}:{year}:{subject}",
            school_id=school_id,
            school_year=year,
            exam=ExamKind.E8,
            subject=subject,
            takers=takers,
            mean_pct=mean,
            stanine=max(1, min(9, 5 + round((mean - country) / 5))),
            gmina_pct=round(country - 1.8, 1),
            powiat_pct=round(country - 1.2, 1),
            voivodeship_pct=round(country - 0.6, 1),
            country_pct=country,
        )


def _finance(builder: Any, pupils: dict[int, int], rng: random.Random) -> None:
    for year in YEARS:
        count = pupils[year]
        subvention = count * 7_150 * 1.075 ** (year - 2021)
        spending = count * 11_400 * 1.095 ** (year - 2021)
        builder.add(
            EducationFinance,
            "education_finance",
            str(year),
            year=year,
            subvention_cents=round(subvention * 100),
            grants_cents=round(spending * 0.022 * 100),
            current_spending_cents=round(spending * 100),
            capital_spending_cents=round(rng.uniform(0.6, 3.2) * 1_000_000 * 100),
        )


_FINDINGS = (
    (
        "sp1",
        date(2024, 3, 14),
        "evaluation",
        "Ewaluacja problemowa: „Szkoła lub placówka realizuje koncepcję pracy”",
        "Koncepcja pracy jest znana uczniom i rodzicom; brakuje analizy jej efektów.",
        "Wprowadzić coroczną analizę realizacji koncepcji pracy z udziałem rady rodziców.",
        "Analiza przedstawiona radzie pedagogicznej 28 czerwca 2024 r.",
        True,
    ),
    (
        "sp_debnica",
        date(2025, 2, 6),
        "inspection",
        "Kontrola doraźna: organizacja zajęć rewalidacyjnych",
        "Dla dwóch uczniów z orzeczeniem zajęcia prowadzono w wymiarze niższym niż wymagany.",
        "Zapewnić zajęcia rewalidacyjne w wymiarze co najmniej 2 godzin tygodniowo.",
        "Zmieniono arkusz organizacji; gmina przyznała dodatkowe godziny od marca 2025 r.",
        True,
    ),
    (
        "zsp_wierzbno",
        date(2025, 11, 20),
        "evaluation",
        "Ewaluacja problemowa: „Uczniowie nabywają wiadomości i umiejętności”",
        "Wyniki egzaminu z matematyki od trzech lat poniżej średniej powiatu.",
        "Opracować program naprawczy z matematyki i monitorować jego efekty.",
        None,
        False,
    ),
)


def _supervision(builder: Any, schools: list[dict[str, Any]]) -> None:
    keys = {school["key"] for school in schools}
    for key, held_on, kind, topic, conclusions, recommendations, follow_up, done in _FINDINGS:
        if key not in keys:
            continue
        builder.add(
            SupervisionFinding,
            "supervision_finding",
            f"{key}:{held_on.isoformat()}",
            school_id=builder.id("school", key),
            held_on=held_on,
            kind=kind,
            topic=topic,
            conclusions=conclusions,
            recommendations=recommendations,
            follow_up=follow_up,
            follow_up_done=done,
        )


# key, name, series, unit, direction, baseline, target
_BOUND = (
    (
        "d_oddzialy",
        "Średnia liczba uczniów w oddziale nie większa niż 21",
        "pupils_per_class",
        "uczniowie",
        "down",
        (date(2023, 8, 31), 21.5),
        (date(2028, 8, 31), 21.0),
    ),
    (
        "d_dyplomowani",
        "Odsetek nauczycieli dyplomowanych w szkołach i przedszkolach gminy",
        "share_chartered",
        "%",
        "up",
        (date(2022, 8, 31), 52.0),
        (date(2028, 8, 31), 60.0),
    ),
)


def _bindings(builder: Any) -> None:
    for number, (key, name, series, unit, direction, baseline, target) in enumerate(_BOUND):
        indicator = builder.add(
            Indicator,
            "indicator",
            key,
            plan_id=builder.plan_id,
            name=name,
            unit=unit,
            direction=direction,
            baseline_date=baseline[0],
            baseline_value=baseline[1],
            target_date=target[0],
            target_value=target[1],
            data_source="Dane oświatowe (SIO, sprawozdania budżetowe) — obliczane w programie",
            position=100 + number,  # after the plan's own; never two in one place
        )
        builder.add(
            IndicatorBinding, "indicator_binding", key, indicator_id=indicator.id, series=series
        )


def after_load(store: Store, municipality_id: str) -> None:
    """Fill the bound indicators' measurements from the data just loaded."""
    from app.services.school_data.binding import sync

    sync(store, municipality_id, publish=False)
