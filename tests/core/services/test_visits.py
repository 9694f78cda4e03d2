"""Advisory visits: recommendations' open and overdue rules at their boundaries, the
visit's own rules, open recommendations of earlier visits, agenda and participants.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest

from app.errors import UserError
from app.model import AdvisoryVisit, Recommendation, RecommendationStatus, TeamMember
from app.services import records, visits
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Rejects, Tree

VISIT_DAY = date(2025, 2, 1)  # the tree's visit


def rec(status: str = "open", due: date | None = date(2026, 3, 31)) -> Recommendation:
    return Recommendation(text="Zalecenie", status=status, due_date=due)


# -- the rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        (date(2026, 3, 30), False),
        (date(2026, 3, 31), False),  # on the due date itself: not yet
        (date(2026, 4, 1), True),  # the day after
        (date(2027, 1, 1), True),
    ],
)
def test_overdue_from_the_day_after_the_due_date(today: date, overdue: bool) -> None:
    assert visits.is_overdue(rec(), today) is overdue


@pytest.mark.parametrize("status", list(RecommendationStatus))
def test_only_open_and_in_progress_can_be_overdue(status: RecommendationStatus) -> None:
    still_open = status in (RecommendationStatus.OPEN, RecommendationStatus.IN_PROGRESS)
    assert visits.is_open(status) is still_open
    assert visits.is_overdue(rec(status.value), date(2030, 1, 1)) is still_open


def test_without_a_due_date_never_overdue_and_unsaved_is_open() -> None:
    assert not visits.is_overdue(rec(due=None), date(2099, 1, 1))
    assert visits.is_open(None)  # a new recommendation not yet saved: the default "open"
    assert visits.overdue("in_progress", date(2026, 1, 1), date(2026, 1, 2))
    assert not visits.overdue("done", date(2026, 1, 1), date(2026, 1, 2))


# -- recommendations ---------------------------------------------------------------------


def test_add_recommendation_with_owner_due_date_and_link(store: Store, tree: Tree) -> None:
    added = visits.add_recommendation(
        store,
        tree.visit.id,
        text="  Uzupełnić wskaźniki HDR  ",
        owner="Anna Nowak",
        due_date=VISIT_DAY,  # the visit's own day is allowed
        link_type="schedule_item",
        link_id=tree.item.id,
    )
    stored = records.get(store, Recommendation, added.id)
    assert stored.text == "Uzupełnić wskaźniki HDR"
    assert (stored.owner, stored.due_date, stored.status) == ("Anna Nowak", VISIT_DAY, "open")
    assert (stored.link_type, stored.link_id) == ("schedule_item", tree.item.id)
    assert [r.id for r in visits.recommendations_of(store, tree.visit.id)] == [
        tree.recommendation.id,
        added.id,
    ]


def test_due_date_before_the_visit_is_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    error = rejects(
        "due_date",
        visits.add_recommendation,
        store,
        tree.visit.id,
        text="Za wcześnie",
        due_date=VISIT_DAY - timedelta(days=1),
    )
    assert "01.02.2025" in error.message
    rejects(
        "due_date",
        visits.update_recommendation,
        store,
        tree.recommendation.id,
        due_date="2025-01-31",
    )


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"text": "   "}, "text"),
        ({"text": "Zalecenie", "status": "finished"}, "status"),
        ({"text": "Zalecenie", "due_date": "31.03.2026"}, "due_date"),
        ({"text": "Zalecenie", "due_date": date(2200, 1, 1)}, "due_date"),
        ({"text": "Zalecenie", "colour": "red"}, "colour"),
        ({"text": "Zalecenie", "link_type": "action", "link_id": "no-such-id"}, "link_id"),
        ({"text": "x" * 20_001}, "text"),
    ],
)
def test_bad_recommendations_are_refused_and_change_nothing(
    store: Store, tree: Tree, rejects: Rejects, values: dict[str, object], field: str
) -> None:
    rejects(field, visits.add_recommendation, store, tree.visit.id, **values)


def test_recommendation_for_a_deleted_visit_is_refused(
    store: Store, tree: Tree, polish: Callable[[str], None]
) -> None:
    records.delete(store, AdvisoryVisit, tree.visit.id)
    with pytest.raises(UserError) as caught:
        visits.add_recommendation(store, tree.visit.id, text="Zalecenie")
    assert "nie istnieje" in caught.value.message
    polish(caught.value.message)


def test_link_to_another_municipality_is_refused(
    store: Store, tree: Tree, other: Tree, rejects: Rejects
) -> None:
    rejects(
        "link_id",
        visits.add_recommendation,
        store,
        tree.visit.id,
        text="Zalecenie",
        link_type="action",
        link_id=other.action.id,
    )


def test_set_status_keeps_the_comment_unless_given(store: Store, tree: Tree) -> None:
    visits.set_status(store, tree.recommendation.id, "in_progress", "Rozpoczęte w marcu.")
    visits.set_status(store, tree.recommendation.id, RecommendationStatus.DONE)
    stored = records.get(store, Recommendation, tree.recommendation.id)
    assert (stored.status, stored.status_note) == ("done", "Rozpoczęte w marcu.")


def test_bad_status_is_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    rejects("status", visits.set_status, store, tree.recommendation.id, "zrobione")
    rejects("status", visits.set_status, store, tree.recommendation.id, "")


# -- visits ------------------------------------------------------------------------------


def test_create_visit_and_numbers_must_not_repeat(
    store: Store, tree: Tree, rejects: Rejects
) -> None:
    records.update(store, AdvisoryVisit, tree.visit.id, number=1)
    second = visits.create_visit(
        store, tree.municipality.id, visit_date="2025-06-10", advisor="dr Jan Kowalski", number=2
    )
    assert records.get(store, AdvisoryVisit, second.id).visit_date == date(2025, 6, 10)
    error = rejects(
        "number",
        visits.create_visit,
        store,
        tree.municipality.id,
        visit_date=date(2025, 9, 1),
        advisor="dr Jan Kowalski",
        number=1,
    )
    assert "nr 1" in error.message
    rejects("number", visits.update_visit, store, second.id, number=1)
    visits.update_visit(store, second.id, number=2)  # its own number is fine
    visits.update_visit(store, second.id, number=None)  # and so is none


def test_same_number_in_another_municipality_is_fine(store: Store, tree: Tree, other: Tree) -> None:
    records.update(store, AdvisoryVisit, tree.visit.id, number=1)
    visits.update_visit(store, other.visit.id, number=1)
    assert records.get(store, AdvisoryVisit, other.visit.id).number == 1
    assert records.get(store, AdvisoryVisit, tree.visit.id).number == 1


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"advisor": "Jan"}, "visit_date"),
        ({"visit_date": date(2025, 1, 1), "advisor": "x" * 201}, "advisor"),
        ({"visit_date": date(2025, 1, 1), "advisor": "Jan\x07Nowak"}, "advisor"),
        ({"visit_date": date(2025, 1, 1), "advisor": "Jan", "number": 0}, "number"),
        ({"visit_date": date(2025, 1, 1), "advisor": "Jan", "number": 100}, "number"),
        ({"visit_date": date(2025, 1, 1), "advisor": "Jan", "number": "trzecia"}, "number"),
        ({"visit_date": "wczoraj", "advisor": "Jan"}, "visit_date"),
    ],
)
def test_bad_visits_are_refused(
    store: Store, tree: Tree, rejects: Rejects, values: dict[str, object], field: str
) -> None:
    rejects(field, visits.create_visit, store, tree.municipality.id, **values)


def test_visit_of_a_missing_municipality_is_refused(store: Store, rejects: Rejects) -> None:
    rejects(None, visits.create_visit, store, "no-such", visit_date=VISIT_DAY, advisor="Jan")


def test_visits_are_listed_oldest_first(store: Store, tree: Tree) -> None:
    later = visits.create_visit(
        store, tree.municipality.id, visit_date=date(2025, 9, 1), advisor="A"
    )
    earlier = visits.create_visit(
        store, tree.municipality.id, visit_date=date(2024, 9, 1), advisor="B"
    )
    listed = [v.id for v in visits.visits_of(store, tree.municipality.id)]
    assert listed == [earlier.id, tree.visit.id, later.id]


def test_new_visit_values_follow_the_previous_visit(store: Store, tree: Tree) -> None:
    records.update(store, AdvisoryVisit, tree.visit.id, number=2, place="Urząd Gminy")
    values = visits.new_visit_values(store, tree.municipality.id, date(2026, 5, 4))
    assert values["visit_date"] == date(2026, 5, 4)
    assert (values["number"], values["advisor"], values["place"]) == (
        3,
        "dr Jan Kowalski",
        "Urząd Gminy",
    )
    assert "zaleceń" in values["agenda"]  # the tree's recommendation is still open
    visits.create_visit(store, tree.municipality.id, **values)  # and the values are valid


def test_first_visit_takes_the_teams_advisor_or_none(store: Store, tree: Tree) -> None:
    records.delete(store, AdvisoryVisit, tree.visit.id)
    values = visits.new_visit_values(store, tree.municipality.id, date(2026, 5, 4))
    # No placeholder "Doradca": the role is no name to print under a signature line.
    assert (values["number"], values["advisor"]) == (1, None)
    assert "agenda" not in values and "place" not in values
    records.create(store, TeamMember, tree.municipality.id, name="dr Ewa Wróbel", is_advisor=True)
    assert visits.default_advisor(store, tree.municipality.id) == "dr Ewa Wróbel"


# -- open recommendations for review -----------------------------------------------------


def _visit(store: Store, tree: Tree, day: date) -> AdvisoryVisit:
    return visits.create_visit(store, tree.municipality.id, visit_date=day, advisor="dr Kowalski")


def test_open_recommendations_of_earlier_visits(store: Store, tree: Tree, other: Tree) -> None:
    first = tree.visit  # 1 Feb 2025, its recommendation is open
    done = visits.add_recommendation(store, first.id, text="Zrobione", status="done")
    dropped = visits.add_recommendation(store, first.id, text="Porzucone", status="dropped")
    going = visits.add_recommendation(store, first.id, text="W toku", status="in_progress")
    second = _visit(store, tree, date(2025, 6, 1))
    later = visits.add_recommendation(store, second.id, text="Z drugiej wizyty")
    third = _visit(store, tree, date(2025, 10, 1))

    def ids(before: str | None) -> list[str]:
        found = visits.open_recommendations(store, tree.municipality.id, before)
        return [item.recommendation.id for item in found]

    assert ids(None) == [tree.recommendation.id, going.id, later.id]
    assert ids(second.id) == [tree.recommendation.id, going.id]
    assert ids(third.id) == [tree.recommendation.id, going.id, later.id]
    assert ids(first.id) == []
    assert done.id not in ids(None) and dropped.id not in ids(None)
    item = visits.open_recommendations(store, tree.municipality.id, second.id)[0]
    assert (item.visit_date, item.visit_number) == (VISIT_DAY, None)
    assert not item.overdue(date(2030, 1, 1))  # no due date


def test_same_day_visits_are_ordered_by_entry(store: Store, tree: Tree) -> None:
    morning = _visit(store, tree, date(2025, 6, 1))
    visits.add_recommendation(store, morning.id, text="Rano")
    afternoon = _visit(store, tree, date(2025, 6, 1))
    found = visits.open_recommendations(store, tree.municipality.id, afternoon.id)
    assert [i.recommendation.text for i in found] == ["Zaktualizować plan", "Rano"]
    assert [
        i.recommendation.text
        for i in visits.open_recommendations(store, tree.municipality.id, morning.id)
    ] == ["Zaktualizować plan"]


def test_deleted_recommendations_and_visits_are_not_reviewed(store: Store, tree: Tree) -> None:
    second = _visit(store, tree, date(2025, 6, 1))
    records.delete(store, Recommendation, tree.recommendation.id)
    assert visits.open_recommendations(store, tree.municipality.id, second.id) == []
    added = visits.add_recommendation(store, tree.visit.id, text="Nowe")
    records.delete(store, AdvisoryVisit, tree.visit.id)
    found = visits.open_recommendations(store, tree.municipality.id)
    assert added.id not in [i.recommendation.id for i in found]


def test_review_before_a_bad_visit_is_refused(store: Store, tree: Tree, other: Tree) -> None:
    with pytest.raises(UserError):
        visits.open_recommendations(store, tree.municipality.id, "no-such-visit")
    with pytest.raises(UserError) as caught:
        visits.open_recommendations(store, tree.municipality.id, other.visit.id)
    assert "innej JST" in caught.value.message


def test_recommendation_counts_per_visit(store: Store, tree: Tree) -> None:
    records.update(store, Recommendation, tree.recommendation.id, due_date=date(2025, 3, 1))
    visits.add_recommendation(store, tree.visit.id, text="Zrobione", status="done")
    visits.add_recommendation(store, tree.visit.id, text="Bez terminu")
    counts = visits.recommendation_counts(store, tree.municipality.id, date(2025, 3, 2))
    assert counts[tree.visit.id] == visits.RecommendationCounts(total=3, open=2, overdue=1)
    on_time = visits.recommendation_counts(store, tree.municipality.id, date(2025, 3, 1))
    assert on_time[tree.visit.id].overdue == 0


# -- agenda and participants -------------------------------------------------------------

AGENDA = "1. Przegląd HDR\n\n✓ 2. Wyniki egzaminu\n[x] 3. Akademia Rodzica\n   4. Zalecenia  "


def test_agenda_points_one_per_line_with_done_marks() -> None:
    points = visits.agenda_points(AGENDA)
    assert [(p.line, p.text, p.done) for p in points] == [
        (0, "1. Przegląd HDR", False),
        (2, "2. Wyniki egzaminu", True),
        (3, "3. Akademia Rodzica", True),
        (4, "4. Zalecenia", False),
    ]
    assert visits.agenda_points(None) == [] and visits.agenda_points("\n \n") == []


def test_marking_a_point_changes_only_its_line() -> None:
    marked = visits.mark_point(AGENDA, 0, True)
    assert marked.splitlines()[0] == "✓ 1. Przegląd HDR"
    assert marked.splitlines()[1:] == AGENDA.splitlines()[1:]
    assert visits.mark_point(marked, 0, False).splitlines()[0] == "1. Przegląd HDR"
    assert visits.mark_point(AGENDA, 3, False).splitlines()[3] == "3. Akademia Rodzica"
    assert visits.mark_point(AGENDA, 2, True).splitlines()[2] == "✓ 2. Wyniki egzaminu"


@pytest.mark.parametrize("line", [-1, 1, 5, 99])
def test_marking_a_missing_point_is_refused(line: int, polish: Callable[[str], None]) -> None:
    with pytest.raises(UserError) as caught:
        visits.mark_point(AGENDA, line, True)
    assert "programu" in caught.value.message
    polish(caught.value.message)


def test_adding_a_point() -> None:
    assert visits.add_point("1. Start\n", "  2.  Wnioski ") == "1. Start\n2. Wnioski"
    assert visits.add_point(None, "Jedyny punkt") == "Jedyny punkt"
    with pytest.raises(UserError):
        visits.add_point("1. Start", "   ")


def test_participants_are_added_once_ignoring_case_and_polish_letters() -> None:
    member = TeamMember(name="Łucja Żak", role="skarbnik")
    line = visits.participant_line(member)
    assert line == "Łucja Żak – skarbnik"
    assert visits.participant_line(TeamMember(name="Jan Nowak", role=" ")) == "Jan Nowak"
    existing = "lucja zak, skarbnik gminy\nPiotr Jankowiak – dyrektor"
    assert visits.add_participants(existing, [line, "Jan Nowak"]) == (
        "lucja zak, skarbnik gminy\nPiotr Jankowiak – dyrektor\nJan Nowak"
    )
    assert visits.add_participants(None, [line, line, " "]) == line
    assert visits.add_participants("Anna\n\n", []) == "Anna"
