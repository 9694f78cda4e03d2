"""The monitoring journal: notes, links, filters, search and follow-ups."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest

from app.errors import UserError
from app.model import Action, MonitoringNote, NoteKind, School
from app.services import journal, links, records
from app.services.journal import NO_LINK, NoteFilter, Period
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Rejects, Tree

DAY = date(2025, 10, 15)


def note(
    store: Store, tree: Tree, text: str = "Spotkanie zespołu", **values: object
) -> MonitoringNote:
    values.setdefault("noted_on", DAY)
    return journal.create_note(store, tree.municipality.id, text=text, **values)


def ids(notes: list[MonitoringNote]) -> list[str]:
    return [n.id for n in notes]


# -- creating and linking --------------------------------------------------------


@pytest.mark.parametrize(
    "kind", ["plan", "goal", "objective", "action", "indicator", "schedule", "item", "school"]
)
def test_a_note_links_to_any_plan_element_hdr_item_or_school(
    store: Store, tree: Tree, kind: str
) -> None:
    target = getattr(tree, kind)
    link = (type(target).__tablename__, target.id)
    created = journal.quick_note(store, tree.municipality.id, "Postęp prac", link=link)
    again = journal.get_note(store, created.id)
    assert (again.link_type, again.link_id) == link
    assert again.noted_on == date.today()
    assert again.kind is NoteKind.PROGRESS
    assert journal.notes_linked_to(store, link)[0].id == created.id


def test_quick_note_keeps_what_was_given(store: Store, tree: Tree) -> None:
    created = journal.quick_note(
        store,
        tree.municipality.id,
        "  Dyrektorzy zgłaszają brak sal  ",
        link=("school", tree.school.id),
        kind=NoteKind.PROBLEM,
        author="Anna Łęcka",
        noted_on=DAY,
        follow_up="Sprawdzić grafik",
        follow_up_due=DAY + timedelta(days=7),
    )
    again = journal.get_note(store, created.id)
    assert again.text == "Dyrektorzy zgłaszają brak sal"
    assert (again.kind, again.author, again.noted_on) == (NoteKind.PROBLEM, "Anna Łęcka", DAY)
    assert again.follow_up_due == DAY + timedelta(days=7)
    assert not again.follow_up_done


def test_update_changes_the_link_and_text(store: Store, tree: Tree) -> None:
    created = note(store, tree)
    journal.update_note(
        store, created.id, text="Nowa treść", link_type="action", link_id=tree.action.id
    )
    again = journal.get_note(store, created.id)
    assert (again.text, again.link_type, again.link_id) == ("Nowa treść", "action", tree.action.id)
    journal.update_note(store, created.id, link_type=None, link_id=None)
    assert journal.get_note(store, created.id).link_id is None


@pytest.mark.parametrize("text", ["", "   \n\t  ", None])
def test_empty_text_is_refused(
    store: Store, tree: Tree, rejects: Rejects, text: str | None
) -> None:
    error = rejects("text", journal.quick_note, store, tree.municipality.id, text)
    assert "Treść notatki" in error.message


def test_a_two_megabyte_note_is_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    huge = "Długi opis postępów. " * 100_000  # about 2 MB
    assert len(huge.encode()) > 2_000_000
    error = rejects("text", journal.quick_note, store, tree.municipality.id, huge)
    assert "za długie" in error.message


def test_updating_to_a_huge_text_leaves_the_note_unchanged(
    store: Store, tree: Tree, rejects: Rejects
) -> None:
    created = note(store, tree, "Krótka notatka")
    rejects("text", journal.update_note, store, created.id, text="x" * 2_000_000)
    assert journal.get_note(store, created.id).text == "Krótka notatka"


def test_a_link_to_a_deleted_record_is_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    records.delete(store, School, tree.school.id)
    error = rejects(
        "link_id",
        journal.quick_note,
        store,
        tree.municipality.id,
        "x",
        link=("school", tree.school.id),
    )
    assert "nie istnieje" in error.message


def test_a_link_to_another_municipality_is_refused(
    store: Store, tree: Tree, other: Tree, rejects: Rejects
) -> None:
    rejects(
        "link_id",
        journal.quick_note,
        store,
        tree.municipality.id,
        "x",
        link=("action", other.action.id),
    )


@pytest.mark.parametrize(
    "link",
    [("unknown_table", "x"), ("school", "no-such-id"), ("municipality", "whatever")],
)
def test_a_link_to_nothing_known_is_refused(
    store: Store, tree: Tree, rejects: Rejects, link: tuple[str, str]
) -> None:
    rejects("link_id", journal.quick_note, store, tree.municipality.id, "x", link=link)


def test_a_link_type_without_an_id_is_refused(store: Store, tree: Tree, rejects: Rejects) -> None:
    rejects(
        "link_id",
        journal.create_note,
        store,
        tree.municipality.id,
        text="x",
        link_type="school",
    )


def test_a_bad_link_in_an_update_changes_nothing(
    store: Store, tree: Tree, other: Tree, rejects: Rejects
) -> None:
    created = note(store, tree, link_type="school", link_id=tree.school.id)
    rejects(
        "link_id",
        journal.update_note,
        store,
        created.id,
        link_type="school",
        link_id=other.school.id,
    )
    assert journal.get_note(store, created.id).link_id == tree.school.id


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("kind", {"kind": "gossip"}),
        ("noted_on", {"noted_on": "2025-13-01"}),
        ("noted_on", {"noted_on": date(1980, 1, 1)}),
        ("follow_up_due", {"follow_up_due": "jutro"}),
        ("author", {"author": "A" * 201}),
    ],
)
def test_bad_fields_are_refused(
    store: Store, tree: Tree, rejects: Rejects, field: str, values: dict[str, object]
) -> None:
    rejects(field, journal.create_note, store, tree.municipality.id, text="x", **values)


def test_check_link_exists(store: Store, tree: Tree, other: Tree) -> None:
    journal.check_link_exists(store, tree.municipality.id, ("goal", tree.goal.id))
    journal.check_link_exists(store, tree.municipality.id, None)
    with pytest.raises(UserError):
        journal.check_link_exists(store, tree.municipality.id, ("goal", other.goal.id))


# -- listing and filtering -------------------------------------------------------------


def test_the_list_is_newest_first_and_of_one_municipality(
    store: Store, tree: Tree, other: Tree
) -> None:
    old = note(store, tree, noted_on=date(2024, 1, 1))
    new = note(store, tree, noted_on=date(2026, 1, 1))
    found = journal.list_notes(store, tree.municipality.id)
    assert ids(found) == [new.id, tree.note.id, old.id]
    assert other.note.id not in ids(found)


def test_filter_by_kind(store: Store, tree: Tree) -> None:
    risk = note(store, tree, kind="risk")
    decision = note(store, tree, kind="decision")
    found = journal.list_notes(
        store, tree.municipality.id, NoteFilter(kinds=frozenset({NoteKind.RISK, NoteKind.DECISION}))
    )
    assert set(ids(found)) == {risk.id, decision.id}


def test_filter_by_period_includes_both_ends(store: Store, tree: Tree) -> None:
    before = note(store, tree, noted_on=date(2025, 8, 31))
    first = note(store, tree, noted_on=date(2025, 9, 1))
    last = note(store, tree, noted_on=date(2026, 8, 31))
    after = note(store, tree, noted_on=date(2026, 9, 1))
    start, end = journal.school_year(date(2025, 11, 3))
    found = ids(
        journal.list_notes(store, tree.municipality.id, NoteFilter(date_from=start, date_to=end))
    )
    assert first.id in found and last.id in found
    assert before.id not in found and after.id not in found
    only_from = journal.list_notes(
        store, tree.municipality.id, NoteFilter(date_from=date(2026, 9, 1))
    )
    assert ids(only_from) == [after.id]


def test_a_period_ending_before_it_starts_is_refused(store: Store, tree: Tree) -> None:
    with pytest.raises(UserError) as caught:
        journal.list_notes(
            store,
            tree.municipality.id,
            NoteFilter(date_from=date(2025, 2, 1), date_to=date(2025, 1, 31)),
        )
    assert caught.value.field == "date_to"


def test_filter_by_link(store: Store, tree: Tree) -> None:
    to_school = note(store, tree, link_type="school", link_id=tree.school.id)
    to_action = note(store, tree, link_type="action", link_id=tree.action.id)
    m = tree.municipality.id
    exact = journal.list_notes(store, m, NoteFilter(link_type="school", link_id=tree.school.id))
    assert ids(exact) == [to_school.id]
    any_action = journal.list_notes(store, m, NoteFilter(link_type="action"))
    assert ids(any_action) == [to_action.id]
    unlinked = journal.list_notes(store, m, NoteFilter(link_type=NO_LINK))
    assert ids(unlinked) == [tree.note.id]


def test_filter_by_author_and_combined(store: Store, tree: Tree) -> None:
    anna = note(store, tree, author="Anna Łęcka", kind="risk")
    note(store, tree, author="Anna Łęcka", kind="progress")
    note(store, tree, author="Jan Żak", kind="risk")
    found = journal.list_notes(
        store,
        tree.municipality.id,
        NoteFilter(author="Anna Łęcka", kinds=frozenset({NoteKind.RISK})),
    )
    assert ids(found) == [anna.id]
    assert journal.authors(store, tree.municipality.id) == ["Anna Łęcka", "Jan Żak"]


def test_authors_sort_polish_letters_by_their_base_letter(store: Store, tree: Tree) -> None:
    for name in ("Łukasz Zych", "Lena Kot", "Ewa Mak"):
        note(store, tree, author=name)
    assert journal.authors(store, tree.municipality.id) == ["Ewa Mak", "Lena Kot", "Łukasz Zych"]


def test_limit_gives_the_latest(store: Store, tree: Tree) -> None:
    newest = note(store, tree, noted_on=date(2027, 1, 1))
    assert ids(journal.latest_notes(store, tree.municipality.id, limit=1)) == [newest.id]


# -- search -------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["łódź", "LODZ", "Łódź", "lodz", "ŁÓDŹ", "żółta", "ZOLTA", "zol"])
def test_search_ignores_case_and_polish_diacritics(store: Store, tree: Tree, query: str) -> None:
    found = note(store, tree, "Żółta łódź na jeziorze w Łodzi")
    note(store, tree, "Zupełnie inna notatka")
    assert ids(journal.search_notes(store, tree.municipality.id, query)) == [found.id]


def test_search_needs_every_word(store: Store, tree: Tree) -> None:
    both = note(store, tree, "Szkolenie nauczycieli matematyki")
    note(store, tree, "Szkolenie dyrektorów")
    found = journal.search_notes(store, tree.municipality.id, "szkolenie MATEMATYKI")
    assert ids(found) == [both.id]


def test_search_looks_at_title_author_and_follow_up(store: Store, tree: Tree) -> None:
    by_title = note(store, tree, "x", title="Wizyta w Jeżewie")
    by_author = note(store, tree, "y", author="Grażyna Wójcik")
    by_follow_up = note(store, tree, "z", follow_up="Zadzwonić do kuratorium")
    m = tree.municipality.id
    assert ids(journal.search_notes(store, m, "jezewie")) == [by_title.id]
    assert ids(journal.search_notes(store, m, "wojcik")) == [by_author.id]
    assert ids(journal.search_notes(store, m, "kuratorium")) == [by_follow_up.id]


def test_search_finds_only_live_notes_of_this_municipality(
    store: Store, tree: Tree, other: Tree
) -> None:
    mine = note(store, tree, "Pracownia chemiczna")
    gone = note(store, tree, "Pracownia fizyczna")
    records.delete(store, MonitoringNote, gone.id)
    journal.create_note(store, other.municipality.id, text="Pracownia biologiczna", noted_on=DAY)
    records.update(store, Action, tree.action.id, title="Pracownia w każdej szkole")
    assert ids(journal.search_notes(store, tree.municipality.id, "pracownia")) == [mine.id]


def test_search_follows_edits(store: Store, tree: Tree) -> None:
    created = note(store, tree, "Stary opis")
    journal.update_note(store, created.id, text="Nowy opis z Żyrardowa")
    m = tree.municipality.id
    assert journal.search_notes(store, m, "stary") == []
    assert ids(journal.search_notes(store, m, "zyrardow")) == [created.id]


def test_search_combines_with_the_filters(store: Store, tree: Tree) -> None:
    risk = note(store, tree, "Brak psychologa", kind="risk")
    note(store, tree, "Brak psychologa nadal", kind="problem")
    found = journal.list_notes(
        store,
        tree.municipality.id,
        NoteFilter(text="psycholog", kinds=frozenset({NoteKind.RISK})),
    )
    assert ids(found) == [risk.id]


@pytest.mark.parametrize("query", ["!!!", "„”", "-"])
def test_a_search_without_words_finds_nothing(store: Store, tree: Tree, query: str) -> None:
    assert journal.search_notes(store, tree.municipality.id, query) == []


def test_a_blank_search_is_no_restriction(store: Store, tree: Tree) -> None:
    assert len(journal.search_notes(store, tree.municipality.id, "   ")) == 1


def test_search_syntax_is_not_interpreted(store: Store, tree: Tree) -> None:
    created = note(store, tree, "Cel NEAR albo OR AND NOT")
    m = tree.municipality.id
    assert ids(journal.search_notes(store, m, 'OR "AND')) == [created.id]
    assert ids(journal.search_notes(store, m, "near*)")) == [created.id]


# -- follow-ups -------------------------------------------------------------------------


def follow(due: date | None, text: str | None = "Zrobić", done: bool = False) -> MonitoringNote:
    return MonitoringNote(follow_up=text, follow_up_due=due, follow_up_done=done)


def test_a_follow_up_is_overdue_from_the_day_after_its_due_date() -> None:
    due = date(2025, 3, 31)
    assert not journal.is_follow_up_overdue(follow(due), due)
    assert journal.is_follow_up_overdue(follow(due), due + timedelta(days=1))
    assert not journal.is_follow_up_overdue(follow(due), due - timedelta(days=1))


def test_done_or_missing_follow_ups_are_never_overdue() -> None:
    late = date(2030, 1, 1)
    assert not journal.is_follow_up_overdue(follow(date(2025, 1, 1), done=True), late)
    assert not journal.is_follow_up_overdue(follow(None), late)
    assert not journal.is_follow_up_overdue(follow(None, text=None), late)
    assert journal.has_open_follow_up(follow(None))
    assert journal.has_open_follow_up(follow(date(2025, 1, 1), text=None))
    assert not journal.has_open_follow_up(follow(None, text=None))
    assert not journal.has_open_follow_up(follow(date(2025, 1, 1), done=True))


def test_open_and_overdue_follow_ups(store: Store, tree: Tree) -> None:
    today = date(2025, 6, 10)
    overdue = note(store, tree, follow_up="Raport", follow_up_due=today - timedelta(days=1))
    due_today = note(store, tree, follow_up="Telefon", follow_up_due=today)
    undated = note(store, tree, follow_up="Kiedyś")
    done = note(store, tree, follow_up="Gotowe", follow_up_due=date(2025, 1, 1))
    journal.mark_follow_up_done(store, done.id)
    m = tree.municipality.id
    assert ids(journal.open_follow_ups(store, m)) == [overdue.id, due_today.id, undated.id]
    assert ids(journal.overdue_follow_ups(store, m, today)) == [overdue.id]
    assert ids(journal.overdue_follow_ups(store, m, today + timedelta(days=1))) == [
        overdue.id,
        due_today.id,
    ]


# -- periods ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 8, 31), (date(2024, 9, 1), date(2025, 8, 31))),
        (date(2025, 9, 1), (date(2025, 9, 1), date(2026, 8, 31))),
        (date(2026, 1, 1), (date(2025, 9, 1), date(2026, 8, 31))),
    ],
)
def test_school_year_boundaries(day: date, expected: tuple[date, date]) -> None:
    assert journal.school_year(day) == expected


def test_period_bounds() -> None:
    today = date(2025, 9, 10)
    assert journal.period_bounds(Period.ALL, today) == (None, None)
    assert journal.period_bounds(Period.LAST_30_DAYS, today) == (date(2025, 8, 12), today)
    assert journal.period_bounds(Period.SCHOOL_YEAR, today) == (date(2025, 9, 1), date(2026, 8, 31))
    assert journal.period_bounds(Period.PREVIOUS_SCHOOL_YEAR, today) == (
        date(2024, 9, 1),
        date(2025, 8, 31),
    )
    assert journal.period_bounds(Period.CALENDAR_YEAR, today) == (
        date(2025, 1, 1),
        date(2025, 12, 31),
    )
    assert all(member.label for member in Period)


# -- links shown to people ------------------------------------------------------------------


def test_link_targets_cover_plan_hdr_schools_and_more(
    store: Store, tree: Tree, other: Tree
) -> None:
    targets = links.link_targets(store, tree.municipality.id)
    found = {t.link for t in targets}
    for name in ("plan", "goal", "objective", "action", "indicator", "schedule", "item", "school"):
        record = getattr(tree, name)
        assert (type(record).__tablename__, record.id) in found
    assert ("school", other.school.id) not in found
    by_link = {t.link: t for t in targets}
    assert by_link[("action", tree.action.id)].label == "Działanie: Szkolenia nauczycieli"
    assert by_link[("action", tree.action.id)].depth == 3
    plan_index = [t.link for t in targets].index(("strategic_plan", tree.plan.id))
    assert plan_index < [t.link for t in targets].index(("goal", tree.goal.id))


def test_linked_targets_and_labels_name_deleted_records(store: Store, tree: Tree) -> None:
    created = note(store, tree, link_type="school", link_id=tree.school.id)
    records.delete(store, School, tree.school.id)
    labels = journal.link_labels(store, [created])
    assert labels[("school", tree.school.id)] == "Szkoła: (element usunięty)"
    targets = journal.linked_targets(store, tree.municipality.id)
    assert [t.link for t in targets] == [("school", tree.school.id)]


def test_keys_round_trip() -> None:
    target = links.LinkTarget("goal", "abc", "Cel")
    assert links.parse_key(target.key) == ("goal", "abc")
    assert links.parse_key("") is None
    assert links.parse_key("goal:") is None
    assert links.shorten("a " * 200).endswith("…")


def test_count_notes_skips_deleted_and_other_municipalities(
    store: Store, tree: Tree, other: Tree
) -> None:
    gone = note(store, tree)
    note(store, tree)
    records.delete(store, MonitoringNote, gone.id)
    assert journal.count_notes(store, tree.municipality.id) == 2


def test_describe_names_every_kind_as_its_record_does(store: Store, tree: Tree) -> None:
    records.update(store, type(tree.goal), tree.goal.id, code="1")
    names = ("plan", "goal", "objective", "action", "indicator", "schedule", "item", "school")
    kinds = (*names, "risk", "visit", "recommendation", "note")
    wanted = {}
    for name in kinds:
        record = records.get(store, type(getattr(tree, name)), getattr(tree, name).id)
        wanted[(type(record).__tablename__, record.id)] = links.label_of(record)
    assert links.describe(store, wanted) == wanted
    assert wanted[("goal", tree.goal.id)] == "Cel strategiczny: 1. Cel strategiczny 1"
    assert wanted[("advisory_visit", tree.visit.id)] == "Wizyta doradcza: (01.02.2025)"
    assert wanted[("monitoring_note", tree.note.id)] == "Notatka: 02.02.2025 Postęp"
    assert links.describe(store, [("nonsense", "x")]) == {
        ("nonsense", "x"): "nonsense: (element usunięty)"
    }


def test_words_must_begin_a_word(store: Store, tree: Tree) -> None:
    parents = note(store, tree, "Spotkanie z rodzicami")
    note(store, tree, "Opieka porodowa w przedszkolu")
    m = tree.municipality.id
    assert ids(journal.search_notes(store, m, "rodz")) == [parents.id]
    assert journal.search_notes(store, m, "szkol") == []
    assert len(journal.search_notes(store, m, "przedszkol")) == 1


@pytest.mark.parametrize(
    "query", ["szkol", "z", "psycholog", "rodzic", "pracown", "lodz", "nauczycieli matematyki"]
)
def test_journal_search_agrees_with_the_search_index(demo_store: Store, query: str) -> None:
    from app.demo import demo_municipality_id
    from app.services.search import search

    m = demo_municipality_id()
    indexed = {
        hit.record_id
        for hit in search(demo_store, query, municipality_id=m, limit=10_000)
        if hit.record_type == "monitoring_note"
    }
    assert {n.id for n in journal.search_notes(demo_store, m, query)} == indexed
