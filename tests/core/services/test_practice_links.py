"""Good practices linked from a JST's notes, goals and actions, and from meetings."""

from __future__ import annotations

import pytest

from app.demo import demo_municipality_id
from app.demo_networks import _id
from app.errors import UserError
from app.model import Action, Goal, MonitoringNote, PracticeLink
from app.services import journal, practice_links, records, search
from app.storage.store import Store


def _first_action(store: Store) -> Action:
    found = records.children(store, Action, municipality_id=demo_municipality_id())
    return found[0]


def test_the_demo_links_show_on_both_sides(demo_store: Store) -> None:
    piknik = _id("practice", "piknik")
    uses = [use.label for use in practice_links.uses_of_practice(demo_store, piknik)]
    assert any(label.startswith("Spotkanie nr") for label in uses)
    assert any(label.startswith("Cel strategiczny:") for label in uses)
    assert any(label.startswith("Działanie:") for label in uses)
    action = _first_action(demo_store)
    linked = practice_links.practices_of(demo_store, "action", action.id)
    assert [p.title for _link, p in linked] == [
        "Piknik Naukowy – sposób na rozwijanie kompetencji kluczowych"
    ]


def test_linking_a_note_and_undoing_by_deletion(demo_store: Store) -> None:
    note = journal.list_notes(demo_store, demo_municipality_id())[0]
    debate = _id("practice", "debata")
    link = practice_links.link_practice(
        demo_store, demo_municipality_id(), debate, "monitoring_note", note.id
    )
    titles = [
        p.title for _l, p in practice_links.practices_of(demo_store, "monitoring_note", note.id)
    ]
    assert titles[0].startswith("Pierwszy krok")
    labels = [u.label for u in practice_links.uses_of_practice(demo_store, debate)]
    assert any(label.startswith("Notatka:") for label in labels)
    records.delete(demo_store, PracticeLink, link.id)
    assert practice_links.practices_of(demo_store, "monitoring_note", note.id) == []


@pytest.mark.parametrize(
    ("practice", "link_type", "target", "field"),
    [
        ("", "action", "action", "practice_id"),
        ("missing", "action", "action", "practice_id"),
        ("piknik", "school", "action", "link_id"),
        ("piknik", "action", "missing", "link_id"),
        ("piknik", "action", "", "link_id"),
    ],
)
def test_bad_links_are_refused_and_nothing_saved(
    demo_store: Store, practice: str, link_type: str, target: str, field: str
) -> None:
    practice_id = _id("practice", practice) if practice and practice != "missing" else practice
    action_id = {"action": _first_action(demo_store).id, "missing": "x" * 36}.get(target, target)
    before = len(records.children(demo_store, PracticeLink, municipality_id=demo_municipality_id()))
    with pytest.raises(UserError) as caught:
        practice_links.link_practice(
            demo_store, demo_municipality_id(), practice_id, link_type, action_id
        )
    assert caught.value.field == field
    assert caught.value.message
    after = len(records.children(demo_store, PracticeLink, municipality_id=demo_municipality_id()))
    assert after == before


def test_the_same_link_twice_is_refused(demo_store: Store) -> None:
    goal = records.children(demo_store, Goal, municipality_id=demo_municipality_id())[0]
    with pytest.raises(UserError, match="już tu powiązana"):
        practice_links.link_practice(
            demo_store, demo_municipality_id(), _id("practice", "piknik"), "goal", goal.id
        )


def test_another_jsts_note_is_refused(demo_store: Store) -> None:
    from app.demo import load_demo

    load_demo(demo_store, copy=1)
    other = journal.list_notes(demo_store, demo_municipality_id(1))[0]
    assert isinstance(other, MonitoringNote)
    with pytest.raises(UserError, match="tej JST"):
        practice_links.link_practice(
            demo_store,
            demo_municipality_id(),
            _id("practice", "piknik"),
            "monitoring_note",
            other.id,
        )


def test_choices_hold_notes_goals_and_actions_only(demo_store: Store) -> None:
    kinds = {t.link_type for t in practice_links.link_choices(demo_store, demo_municipality_id())}
    assert kinds == {"monitoring_note", "goal", "objective", "action"}


def test_practices_are_found_without_diacritics(demo_store: Store) -> None:
    hits = search.search(demo_store, "angazujemy rodzicow")
    assert any(hit.title.startswith("Angażujemy rodziców") for hit in hits)


def test_a_deleted_note_hides_its_link_and_undo_shows_it_again(demo_store: Store) -> None:
    note = journal.list_notes(demo_store, demo_municipality_id())[0]
    debate = _id("practice", "debata")
    practice_links.link_practice(
        demo_store, demo_municipality_id(), debate, "monitoring_note", note.id
    )
    deletion = records.delete(demo_store, MonitoringNote, note.id)
    assert not any(
        u.label.startswith("Notatka:") for u in practice_links.uses_of_practice(demo_store, debate)
    )
    records.restore(demo_store, MonitoringNote, note.id, deletion)
    assert any(
        u.label.startswith("Notatka:") for u in practice_links.uses_of_practice(demo_store, debate)
    )
