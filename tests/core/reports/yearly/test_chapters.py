"""Every number in the generated chapters comes from the data: change it, the sentence changes."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from app.model import EducationFinance, ExamResult, SupervisionFinding, SupervisionKind
from app.reports.yearly import chapters
from app.reports.yearly.content import Chapter, Table, YearChart
from app.reports.yearly.source import report_session
from app.services.school_data import grid
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Small

NBSP = "\u00a0"


def _chapter(store: Store, small: Small, key: str, year: int = 2025) -> Chapter:
    with report_session(store, small.municipality_id, year) as session:
        (found,) = chapters.generate(session, small.municipality_id, year, [key])
    return found


def _text(chapter: Chapter) -> str:
    return " ".join(chapter.paragraphs).replace(NBSP, " ")


def test_the_chapters_come_in_the_usual_order(store: Store, small: Small) -> None:
    with report_session(store, small.municipality_id, 2025) as session:
        made = chapters.generate(session, small.municipality_id, 2025)
    assert [c.key for c in made] == list(chapters.KEYS)
    assert len(made) == 10
    assert made[0].title == "Podstawa prawna"
    assert "art. 11 ust. 7" in _text(made[0]) and "art. 11 ust. 8" in _text(made[0])


def test_the_pupils_sentence_follows_the_data(store: Store, small: Small) -> None:
    text = _text(_chapter(store, small, "pupils"))
    assert "spadła o 4,2% (z 1 245 do 1 193)" in text
    assert "Liczba oddziałów wyniosła 51" in text  # 29 + 22
    assert "średnia liczba uczniów w oddziale 23,4" in text  # 1 193 / 51
    grid.set_cell(store, small.municipality_id, "stats:pupils", small.first, 2025, 800)
    changed = _text(_chapter(store, small, "pupils"))
    assert "wzrosła o 3,9% (z 1 245 do 1 293)" in changed
    assert "1 193" not in changed


def test_the_per_school_table_lists_both_years(store: Store, small: Small) -> None:
    table = next(b for b in _chapter(store, small, "pupils").blocks if isinstance(b, Table))
    rows = {row[0]: row for row in table.rows}
    assert rows["SP nr 1 w Próbnej"][1:4] == ("745", "700", "29")
    assert rows["SP w Lesie"][4] == "22,4"  # 493 / 22


def test_network_counts_schools_with_agreement(store: Store, small: Small) -> None:
    text = _text(_chapter(store, small, "network"))
    assert "liczyła w roku szkolnym 2025/2026 2 szkoły oraz 0 przedszkoli" in text
    assert "nie zmieniła się" in text


def test_staff_posts_levels_and_ratio(store: Store, small: Small) -> None:
    chapter = _chapter(store, small, "staff")
    text = _text(chapter)
    assert "na 130,5 etatu" in text
    assert "Liczba zatrudnionych nauczycieli wyniosła 145" in text
    assert "nauczyciele dyplomowani — 37,9%" in text  # 55 / 145
    assert "przypadało średnio 9,1 ucznia" in text  # 1 193 / 130,5
    grid.set_cell(store, small.municipality_id, "stats:teachers_chartered", small.second, 2025, 5)
    assert "nauczyciele dyplomowani — 34,5%" in _text(_chapter(store, small, "staff"))


def test_exam_means_are_weighted_and_compared(store: Store, small: Small) -> None:
    chapter = _chapter(store, small, "exams")
    text = _text(chapter)
    # (60 × 60 + 50 × 40) / 100 = 56; the country 53.
    assert "Matematyka: średni wynik uczniów szkół JST wyniósł 56%" in text
    assert "kraj: 53%" in text and "3 p.p. powyżej średniej krajowej" in text
    assert "egzamin ósmoklasisty w roku szkolnym 2025/2026: 100." in text
    assert chapter.ready
    grid.set_cell(store, small.municipality_id, "exam:e8:matematyka", small.second, 2025, 40)
    assert "wyniósł 52%" in _text(_chapter(store, small, "exams"))
    assert "1 p.p. poniżej średniej krajowej" in _text(_chapter(store, small, "exams"))


def test_a_year_without_exam_data_says_so_and_prints_no_zeros(store: Store, small: Small) -> None:
    chapter = _chapter(store, small, "exams", year=2024)
    assert chapter.blocks == [
        "Brak danych o wynikach egzaminu ósmoklasisty za rok szkolny 2024/2025."
    ]
    assert not chapter.ready and chapter.missing
    assert not [b for b in chapter.blocks if isinstance(b, Table | YearChart)]


def test_a_trend_needs_three_years(store: Store, small: Small) -> None:
    chapter = _chapter(store, small, "exams")
    assert not [b for b in chapter.blocks if isinstance(b, YearChart)]
    for year, mean in ((2023, 50.0), (2024, 53.0)):
        grid.set_cell(store, small.municipality_id, "exam:e8:matematyka", small.first, year, mean)
    chapter = _chapter(store, small, "exams")
    charts = [b for b in chapter.blocks if isinstance(b, YearChart)]
    assert len(charts) == 1 and sorted(charts[0].lines[0].points) == [2023, 2024, 2025]
    assert "wynik rósł średnio o" in _text(chapter)
    assert "2025/2026: 56%" in charts[0].alt_text.replace(NBSP, " ")


@pytest.mark.parametrize(
    ("count", "words"), [(1, "1 ewaluację (w 1 szkole)"), (3, "3 ewaluacje"), (5, "5 ewaluacji")]
)
def test_supervision_counts_agree_with_their_nouns(
    store: Store, small: Small, count: int, words: str
) -> None:
    with store.session() as session:
        for n in range(count - 1):
            session.add(
                SupervisionFinding(
                    municipality_id=small.municipality_id,
                    school_id=small.second,
                    held_on=date(2026, 3, 1 + n),
                    kind=SupervisionKind.EVALUATION,
                    topic=f"Temat {n}",
                )
            )
    text = _text(_chapter(store, small, "supervision"))
    assert f"przeprowadził w szkołach prowadzonych przez gminę {words}" in text


def test_supervision_outside_the_year_is_left_out(store: Store, small: Small) -> None:
    chapter = _chapter(store, small, "supervision", year=2024)
    assert not chapter.ready
    assert "Brak danych o nadzorze pedagogicznym" in chapter.blocks[0]


def test_finance_sentences_follow_the_data(store: Store, small: Small) -> None:
    text = _text(_chapter(store, small, "finance"))
    assert "wydatki bieżące na oświatę i wychowanie wyniosły 14 mln zł" in text
    assert "wzrosły o 16,7% (z 12 mln zł do 14 mln zł)" in text
    assert "pokryła 71,4% wydatków bieżących" in text  # 10 / 14
    assert "dołożyła do zadań oświatowych 3,5 mln zł (25% wydatków bieżących)" in text
    with store.session() as session:
        row = session.scalars(select(EducationFinance).where(EducationFinance.year == 2025)).one()
        row.subvention_cents = 11_000_000_00
    assert "pokryła 78,6% wydatków bieżących" in _text(_chapter(store, small, "finance"))


def test_finance_without_data_says_so(store: Store, small: Small) -> None:
    chapter = _chapter(store, small, "finance", year=2023)
    assert chapter.paragraphs == ["Brak danych o wydatkach na oświatę za rok budżetowy 2023."]


def test_support_transport_and_special_needs(store: Store, small: Small) -> None:
    text = _text(_chapter(store, small, "support"))
    assert "zapewniono 100 uczniom, tj. 8,4% wszystkich uczniów" in text  # 100 / 1 193
    assert "wyniosła 40 (3,4% wszystkich uczniów)" in text
    assert "wzrosła o 11,1% (z 36 do 40)" in text


def test_strategy_without_a_plan_says_so(store: Store, small: Small) -> None:
    chapter = _chapter(store, small, "strategy")
    assert not chapter.ready
    assert "nie obowiązywał żaden plan" in chapter.blocks[0]


def test_conclusions_follow_the_signals(store: Store, small: Small) -> None:
    text = " ".join(_chapter(store, small, "conclusions").paragraphs).replace(NBSP, " ")
    assert "liczba uczniów spadła o 4,2%" in text
    assert "nie zakończono realizacji zaleceń kuratora oświaty (1)." in text
    with store.session() as session:
        finding = session.scalars(select(SupervisionFinding)).one()
        finding.follow_up_done = True
    assert "zaleceń kuratora" not in " ".join(_chapter(store, small, "conclusions").paragraphs)


def test_an_unknown_chapter_is_refused(store: Store, small: Small) -> None:
    from app.errors import UserError

    with pytest.raises(UserError), report_session(store, small.municipality_id, 2025) as session:
        chapters.generate(session, small.municipality_id, 2025, ["nonsense"])


def test_tombstoned_exam_rows_are_not_counted(store: Store, small: Small) -> None:
    from app.services import records

    with store.session() as session:
        row = session.scalars(select(ExamResult).where(ExamResult.school_id == small.second)).one()
        row_id = row.id
    records.delete(store, ExamResult, row_id)
    assert "wyniósł 60%" in _text(_chapter(store, small, "exams"))


def test_the_demo_report_is_complete(demo_store: Store) -> None:
    from app.demo import demo_municipality_id

    municipality = demo_municipality_id()
    with report_session(demo_store, municipality, 2025) as session:
        made = chapters.generate(session, municipality, 2025)
    assert all(c.ready for c in made), [c.missing for c in made]
    assert all(c.blocks for c in made)


def test_strategy_counts_the_actions_and_tasks_of_the_year(store: Store, small: Small) -> None:
    from app.model import Action, DevelopmentSchedule, Goal, Objective, ScheduleItem, StrategicPlan
    from app.services import records

    m = small.municipality_id
    plan = records.create(
        store, StrategicPlan, m, title="Plan próbny", year_from=2024, year_to=2028
    )
    goal = records.create(store, Goal, plan.id, title="Cel")
    objective = records.create(store, Objective, goal.id, title="Cel szczegółowy")
    for title, status, start, end in (
        ("Czytanie", "done", date(2025, 9, 1), date(2026, 6, 30)),
        ("Matematyka", "in_progress", date(2025, 10, 1), date(2027, 6, 30)),
        ("Dawne", "done", date(2024, 1, 1), date(2024, 6, 30)),
    ):
        records.create(
            store, Action, objective.id, title=title, status=status, start_date=start, end_date=end
        )
    hdr = records.create(
        store, DevelopmentSchedule, m, title="HDR próbny", custom_area="Własny",
        period_start=date(2025, 9, 1), period_end=date(2026, 8, 31),
    )  # fmt: skip
    for n in range(2):
        records.create(
            store, ScheduleItem, hdr.id, action=f"Zadanie {n}", status="delayed",
            start_month=date(2025, 10, 1), end_month=date(2025, 12, 1),
        )  # fmt: skip
    chapter = _chapter(store, small, "strategy")
    text = _text(chapter)
    assert "realizowano 2 z 3 działań planu; zakończono 1, w toku było 1, opóźnionych 0" in text
    assert "przypadało 2 zadania; wykonano 0, w toku było 0, opóźnionych 2" in text
    table = next(b for b in chapter.blocks if isinstance(b, Table))
    assert [row[0] for row in table.rows] == ["Czytanie", "Matematyka"]
    assert chapter.ready
