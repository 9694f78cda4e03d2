"""The demo municipality's strategy parts: financing rows, institutions, terms, indicator
kinds and milestones, problem tree, diagnosis tables, consultations, evaluation calendar.

Called once from :mod:`app.demo` after the plan and indicators are built; every
record gets a deterministic id from the demo builder, like the rest of the demo.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from app.model import (
    Action,
    ActionFunding,
    DiagnosisTable,
    Direction,
    Indicator,
    IndicatorMilestone,
    Institution,
    InstitutionKind,
    Measurement,
    PlanConsultation,
    Problem,
    StrategicPlan,
    TermPrecision,
)
from app.model.funding_seed import match_source, seed_id
from app.services.funding import ensure_catalogue

_SHARE = re.compile(r"\((\d+)\s*%\)")
_TODAY_YEAR = 2026  # years before this one have their money spent in the demo

INSTITUTIONS = (
    ("wydzial", "Wydział Oświaty i Spraw Społecznych UMiG", InstitutionKind.OFFICE),
    ("cuw", "Centrum Usług Wspólnych w Zielonkach Wielkich", InstitutionKind.SERVICE_CENTRE),
    (
        "poradnia",
        "Poradnia Psychologiczno-Pedagogiczna w Zielonkach Wielkich",
        InstitutionKind.COUNSELLING,
    ),
    ("rcdn", "Regionalne Centrum Doskonalenia Nauczycieli w Borowcu", InstitutionKind.OTHER),
    ("fundacja", "Fundacja „Zielone Pióro”", InstitutionKind.NGO),
)

# action key → (realizator kind, realizator key, responsible person, term)
# term: (precision, start, end, recurring)
REALIZATORS: dict[str, tuple[str, str, str | None]] = {
    "a_czytam": ("institution", "wydzial", "Anna Nowaczyk"),
    "a_biblioteki": ("institution", "cuw", "Beata Kaczmarek, kierownik CUW"),
    "a_pioro": ("institution", "fundacja", "Tomasz Lis, prezes fundacji"),
    "a_pracownie": ("institution", "cuw", None),
    "a_diagnoza": ("institution", "poradnia", "dyrektor poradni"),
    "a_wspomaganie": ("institution", "rcdn", None),
    "a_specjalisci": ("institution", "poradnia", None),
    "a_kultura": ("school", "mdk", None),
}
TERMS: dict[str, tuple[TermPrecision, date, date, bool]] = {
    "a_diagnoza": (TermPrecision.QUARTER, date(2024, 10, 1), date(2024, 12, 31), False),
    "a_biblioteki": (TermPrecision.MONTH, date(2024, 10, 1), date(2025, 12, 31), False),
    "a_pracownie": (TermPrecision.SCHOOL_YEAR, date(2025, 9, 1), date(2026, 8, 31), False),
    "a_ankieta": (TermPrecision.QUARTER, date(2025, 4, 1), date(2028, 6, 30), True),
    "a_piknik": (TermPrecision.MONTH, date(2025, 6, 1), date(2028, 6, 30), True),
    "a_mrg": (TermPrecision.YEAR, date(2025, 1, 1), date(2025, 12, 31), False),
}


def build_strategy(builder: Any, data: dict[str, Any]) -> None:
    session = builder.session
    session.flush()
    municipality_id = builder.municipality_id
    ensure_catalogue(session, municipality_id)
    plan = session.get(StrategicPlan, builder.id("plan", data["plan"]["key"]))
    assert plan is not None
    _plan_parts(builder, plan)
    for key, name, kind in INSTITUTIONS:
        builder.add(Institution, "institution", key, name=name, kind=kind.value)
    session.flush()
    for goal in data["plan"]["goals"]:
        for objective in goal["objectives"]:
            for action in objective["actions"]:
                _action_parts(builder, plan, action)
    _indicators(builder)
    _problems(builder, plan)
    _tables(builder, plan)
    _consultations(builder, plan)
    session.flush()


def _plan_parts(builder: Any, plan: StrategicPlan) -> None:
    plan.introduction = (
        "Plan przyjęto na podstawie art. 18 ust. 2 pkt 6 ustawy o samorządzie gminnym oraz "
        "art. 11 ust. 2 ustawy – Prawo oświatowe.\n\n"
        "– Strategia Rozwoju Gminy Zielonki Wielkie na lata 2021–2030 (cel 2: kapitał ludzki)\n"
        "– Gminny Program Profilaktyki i Rozwiązywania Problemów Alkoholowych\n"
        "– Strategia Rozwoju Województwa Wielkopolskiego do 2030 roku"
    )
    plan.midterm_evaluation_date = date(2026, 12, 15)
    plan.final_evaluation_date = date(2028, 12, 15)
    plan.yearly_report_date = date(2024, 10, 31)


def _action_parts(builder: Any, plan: StrategicPlan, data: dict[str, Any]) -> None:
    action = builder.session.get(Action, builder.id("action", data["key"]))
    assert action is not None
    realizator = REALIZATORS.get(data["key"])
    if realizator is not None:
        kind, key, person = realizator
        action.realizator_id = builder.id(kind, key)
        action.responsible_person = person
    if data["key"] in ("a_czytam", "a_pioro"):
        action.partner_ids = [builder.id("institution", "fundacja"), builder.id("school", "mdk")]
    term = TERMS.get(data["key"])
    if term is not None:
        action.term_precision, action.start_date, action.end_date, action.recurring = term
    budget, text = data.get("budget"), data.get("funding_source")
    if budget is None:
        return
    cents = round(budget * 100)
    first = action.start_date.year if action.start_date else plan.year_from
    last = action.end_date.year if action.end_date else first
    years = [y for y in range(first, last + 1) if plan.year_from <= y <= plan.year_to]
    position = 0
    for part, share in _split(text or ""):
        source_id = seed_id(builder.municipality_id, match_source(part))
        part_zl = round(cents * share) // 100  # whole złoty, as a budget states them
        for index, year in enumerate(years):
            planned = 100 * (part_zl // len(years) + (part_zl % len(years) if index == 0 else 0))
            builder.add(
                ActionFunding,
                "funding",
                f"{data['key']}:{position}",
                action_id=action.id,
                source_id=source_id,
                year=year,
                planned_cents=planned,
                spent_cents=100 * round(planned * 0.0092) if year < _TODAY_YEAR else None,
                note=part if match_source(part) == "other" else None,
                position=position,
            )
            position += 1


def _split(text: str) -> list[tuple[str, float]]:
    """ "A (85%), B (15%)" → [(A, .85), (B, .15)]; parts without shares split what is left."""
    parts = [p.strip() for p in re.split(r",\s*(?![^()]*\))", text) if p.strip()] or ["inne"]
    shares = [_SHARE.search(p) for p in parts]
    given = sum(int(m.group(1)) for m in shares if m) / 100
    rest = [p for p, m in zip(parts, shares, strict=True) if not m]
    out = []
    for part, found in zip(parts, shares, strict=True):
        share = int(found.group(1)) / 100 if found else (1 - given) / len(rest)
        out.append((_SHARE.sub("", part).strip(), share))
    return out


def _indicators(builder: Any) -> None:
    session = builder.session
    ceiling = builder.add(
        Indicator,
        "indicator",
        "i_koszt",
        plan_id=builder.plan_id,
        name="Wydatki bieżące na jednego ucznia szkół podstawowych",
        unit="zł",
        direction=Direction.AT_MOST.value,
        baseline_value=18_200.0,
        baseline_date=date(2023, 12, 31),
        target_value=19_500.0,
        target_date=date(2028, 12, 31),
        data_source="sprawozdanie Rb-28S, SIO",
        description="Pułap kosztu na ucznia przyjęty w wieloletniej prognozie finansowej.",
        interval_months=12,
    )
    builder.add(
        Measurement,
        "measurement",
        "i_koszt:2025",
        indicator_id=ceiling.id,
        measured_on=date(2025, 12, 31),
        value=19_120.0,
        source="Rb-28S za 2025 r.",
    )
    concept = builder.add(
        Indicator,
        "indicator",
        "i_koncepcja",
        plan_id=builder.plan_id,
        name="Koncepcja sieci szkół przyjęta uchwałą Rady Miejskiej",
        direction=Direction.YES_NO.value,
        baseline_value=0.0,
        baseline_date=date(2024, 6, 30),
        target_value=1.0,
        target_date=date(2026, 12, 31),
        data_source="uchwały Rady Miejskiej",
        interval_months=12,
    )
    builder.add(
        Measurement,
        "measurement",
        "i_koncepcja:2026",
        indicator_id=concept.id,
        measured_on=date(2026, 9, 30),
        value=0.0,
        comment="projekt w konsultacjach",
    )
    session.flush()
    polish = session.get(Indicator, builder.id("indicator", "i_egz_polski"))
    if polish is not None:
        for year, value in ((2026, 61.0), (2027, 63.0)):
            builder.add(
                IndicatorMilestone,
                "milestone",
                f"i_egz_polski:{year}",
                indicator_id=polish.id,
                due_date=date(year, 6, 30),
                value=value,
            )
    schools = session.get(Indicator, builder.id("indicator", "i_wspomaganie"))
    if schools is not None:
        schools.direction = Direction.AT_LEAST
        builder.add(
            IndicatorMilestone,
            "milestone",
            "i_wspomaganie:2026",
            indicator_id=schools.id,
            due_date=date(2026, 6, 30),
            value=5.0,
        )


def _problems(builder: Any, plan: StrategicPlan) -> None:
    central = builder.add(
        Problem,
        "problem",
        "central",
        plan_id=plan.id,
        kind="central",
        position=0,
        title="Wyniki uczniów gminy poniżej średniej kraju, zwłaszcza w szkołach wiejskich",
    )
    tree: tuple[tuple[str, str, str, tuple[str, ...], tuple[tuple[str, str], ...]], ...] = (
        (
            "c1",
            "cause",
            "Mało zajęć rozwijających kompetencje kluczowe",
            ("g1",),
            (
                ("c11", "Brak pracowni przyrodniczych w małych szkołach"),
                ("c12", "Nauczyciele rzadko stosują metody aktywizujące"),
            ),
        ),
        (
            "c2",
            "cause",
            "Słabe wsparcie psychologiczno-pedagogiczne na wsi",
            ("o23",),
            (("c21", "Za mało etatów specjalistów"),),
        ),
        ("e1", "effect", "Mniej uczniów wybiera licea i technika", (), ()),
        ("e2", "effect", "Odpływ uczniów do szkół miejskich", (), ()),
    )
    for position, (key, kind, title, answers, children) in enumerate(tree, start=1):
        answered = [builder.id("goal" if a.startswith("g") else "objective", a) for a in answers]
        node = builder.add(
            Problem,
            "problem",
            key,
            plan_id=plan.id,
            above_id=central.id,
            kind=kind,
            title=title,
            answered_by=answered,
            position=position * 10,
        )
        for c_index, (c_key, c_title) in enumerate(children, start=1):
            builder.add(
                Problem,
                "problem",
                c_key,
                plan_id=plan.id,
                above_id=node.id,
                kind=kind,
                title=c_title,
                position=position * 10 + c_index,
            )


def _tables(builder: Any, plan: StrategicPlan) -> None:
    builder.add(
        DiagnosisTable,
        "diagnosis_table",
        "uczniowie",
        plan_id=plan.id,
        section="education",
        title="Liczba uczniów szkół podstawowych w latach szkolnych",
        content=(
            "Szkoła\t2021/2022\t2022/2023\t2023/2024\n"
            "SP nr 1 w Zielonkach Wielkich\t512\t498\t487\n"
            "SP nr 2 w Zielonkach Wielkich\t446\t451\t439\n"
            "SP w Brzozowej\t118\t109\t101\n"
            "SP w Dębnicy\t96\t92\t84"
        ),
        source_note="SIO, stan na 30 września",
        position=0,
    )
    builder.add(
        DiagnosisTable,
        "diagnosis_table",
        "urodzenia",
        plan_id=plan.id,
        section="demography",
        title="Urodzenia w gminie",
        content="Rok\t2015\t2019\t2023\nUrodzenia\t268\t233\t201",
        source_note="GUS, Bank Danych Lokalnych",
        position=1,
    )


def _consultations(builder: Any, plan: StrategicPlan) -> None:
    builder.add(
        PlanConsultation,
        "plan_consultation",
        "ankieta",
        plan_id=plan.id,
        form="ankieta internetowa i formularz uwag w BIP",
        date_from=date(2024, 4, 2),
        date_to=date(2024, 4, 30),
        participants="rodzice, nauczyciele, dyrektorzy, organizacje pozarządowe",
        comments_count=37,
        handling="Uwzględniono 21 uwag, 9 częściowo; 7 odrzucono z uzasadnieniem w raporcie.",
        position=0,
    )
    builder.add(
        PlanConsultation,
        "plan_consultation",
        "spotkanie",
        plan_id=plan.id,
        form="otwarte spotkanie konsultacyjne w Urzędzie Miasta i Gminy",
        date_from=date(2024, 4, 18),
        participants="42 osoby: radni, dyrektorzy, rada rodziców, Młodzieżowy Dom Kultury",
        comments_count=12,
        handling="Dodano działanie „Akademia Rodzica”; pozostałe uwagi przekazano szkołom.",
        position=1,
    )
