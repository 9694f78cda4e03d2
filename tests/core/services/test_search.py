"""Search: case and Polish diacritics folded, prefixes while typing, any input safe."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.model import Goal, MonitoringNote, Municipality, Objective, Risk, School
from app.services import records
from app.services.search import search, snippet
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Tree


def note(store: Store, tree: Tree, text: str, title: str | None = None) -> MonitoringNote:
    return records.create(
        store,
        MonitoringNote,
        tree.municipality.id,
        noted_on=date(2025, 3, 1),
        kind="progress",
        text=text,
        title=title,
    )


def found(store: Store, query: str, **kwargs: str) -> set[str]:
    return {r.record_id for r in search(store, query, **kwargs)}


@pytest.fixture
def texts(tree: Tree, store: Store) -> dict[str, str]:
    return {
        "lodz": note(store, tree, "Konferencja w Łodzi i wizyta w Łódź Kaliska").id,
        "lower": note(store, tree, "spotkanie: łódź, ulica piotrkowska").id,
        "zolw": note(store, tree, "Projekt ŻÓŁW — żółwim krokiem do celu").id,
        "zespol": records.create(store, Goal, tree.plan.id, title="Zespół Szkół nr 2").id,
        "zespol_only": note(store, tree, "Zespół nauczycieli przedmiotów ścisłych").id,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lodz", {"lodz", "lower"}),
        ("ŁÓDŹ", {"lodz", "lower"}),
        ("Łódź", {"lodz", "lower"}),
        ("żółw", {"zolw"}),
        ("ŻÓŁW", {"zolw"}),
        ("zolw", {"zolw"}),
        ("ZOLW", {"zolw"}),
        ("zesp", {"zespol", "zespol_only"}),  # a prefix, as while typing
        ("Zespó", {"zespol", "zespol_only"}),
        ("zespol szkol", {"zespol"}),  # every word must match
        ("szkol zespol", {"zespol"}),  # in any order
        ("zespol nieistniejace", set()),
        ("piotrkowska lodz", {"lower"}),
        ("kaliska", {"lodz"}),
    ],
)
def test_folding_prefixes_and_all_words(
    store: Store, texts: dict[str, str], query: str, expected: set[str]
) -> None:
    assert found(store, query) == {texts[key] for key in expected}


def test_result_fields(tree: Tree, store: Store, texts: dict[str, str]) -> None:
    (result,) = search(store, "kaliska")
    assert result.record_type == "monitoring_note"
    assert result.municipality_id == tree.municipality.id
    assert result.municipality_name == "Gmina Testowa"
    assert result.type_label == "notatka"
    assert result.title == "Konferencja w Łodzi i wizyta w Łódź Kaliska"
    assert "Łódź Kaliska" in result.snippet  # the original letters, not the folded ones


def test_deleted_records_vanish_and_come_back(
    tree: Tree, store: Store, texts: dict[str, str]
) -> None:
    stamp = records.delete(store, MonitoringNote, texts["zolw"])
    assert found(store, "zolw") == set()
    records.restore(store, MonitoringNote, texts["zolw"], stamp)
    assert found(store, "zolw") == {texts["zolw"]}


def test_dependents_deleted_with_their_parent_vanish(tree: Tree, store: Store) -> None:
    records.update(store, Objective, tree.objective.id, title="Cel operacyjny kormoran")
    assert found(store, "kormoran") == {tree.objective.id}
    records.delete(store, Goal, tree.goal.id)
    assert found(store, "kormoran") == set()
    assert found(store, "szkolenia") == set()  # the action under it


def test_updated_text_is_reindexed(store: Store, texts: dict[str, str]) -> None:
    records.update(store, MonitoringNote, texts["zolw"], text="Teraz o jeżach")
    assert found(store, "zolw") == set()
    assert found(store, "jezach") == {texts["zolw"]}
    assert found(store, "jeż") == {texts["zolw"]}


def test_restricting_to_one_municipality(tree: Tree, other: Tree, store: Store) -> None:
    both = found(store, "szkolenia nauczycieli")
    assert both == {tree.action.id, other.action.id}
    assert found(store, "szkolenia", municipality_id=other.municipality.id) == {other.action.id}
    assert found(store, "szkolenia", municipality_id="nie-ma") == set()


def test_deleted_municipality_vanishes(tree: Tree, other: Tree, store: Store) -> None:
    records.delete(store, Municipality, other.municipality.id)
    assert found(store, "szkolenia") == {tree.action.id}
    assert found(store, "sasiednia") == set()


def test_several_record_types(tree: Tree, store: Store) -> None:
    records.update(store, School, tree.school.id, town="Wąchock", director="Zofia Żak")
    records.update(store, Risk, tree.risk.id, mitigation="Współpraca z uczelnią w Gdańsku")
    assert found(store, "wachock") == {tree.school.id}
    assert found(store, "zak zofia") == {tree.school.id}
    assert found(store, "gdansk") == {tree.risk.id}
    assert found(store, "kowalski") == {tree.visit.id}  # the advisor
    assert found(store, "zaktualizowac") == {tree.recommendation.id}
    assert tree.municipality.id in found(store, "testowa")


def test_limit(tree: Tree, store: Store) -> None:
    for n in range(12):
        note(store, tree, f"Powtarzalna notatka {n}")
    assert len(search(store, "powtarzalna")) == 12
    assert len(search(store, "powtarzalna", limit=5)) == 5


@pytest.mark.parametrize("query", ["", "   ", "\n\t", "-", "***", '""', "()", ":", "^", "—…"])
def test_empty_queries_return_nothing(tree: Tree, store: Store, query: str) -> None:
    assert search(store, query) == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"zespol',
        "zesp*",
        "*",
        "zespol AND",
        "AND",
        "OR zespol",
        "NOT",
        "NEAR(",
        "NEAR(zespol szkol",
        "zespol -szkol",
        "-zespol",
        "body:zespol",
        "zespol:",
        "{body}",
        "zespol^",
        "a'b",
        "(zespol",
        "zespol)",
        "+zespol",
        "\x00zespol",
        "zespol" * 200,
        " ".join(["zespol"] * 100),
    ],
)
def test_fts_syntax_in_the_query_never_raises(
    store: Store, texts: dict[str, str], query: str
) -> None:
    hits = {r.record_id for r in search(store, query)}
    # Every word of these queries is plain text: a hit can only hold those words.
    words = {w for w in query.replace("\x00", " ").split() if w.isalpha()}
    if words <= {"zespol", "szkol", "and", "or", "not"}:
        assert hits <= {texts["zespol"], texts["zespol_only"]}


def test_fts_operators_are_plain_words(store: Store, texts: dict[str, str]) -> None:
    assert found(store, "zespol -szkol") == {texts["zespol"]}  # "-" is not NOT
    assert found(store, "zespol AND szkol") == set()  # "and" must be a word of the text
    assert found(store, "body:zespol") == set()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_any_text_is_a_safe_query(store: Store, tree: Tree, query: str) -> None:
    results = search(store, query)
    ids = [r.record_id for r in results]
    assert len(ids) == len(set(ids)) <= 100  # each record once, within the limit
    assert {r.municipality_id for r in results} <= {tree.municipality.id}


# -- snippets ---------------------------------------------------------------------------


def test_snippet_centres_on_the_first_match() -> None:
    body = "początek " + "x" * 300 + " Łódź Fabryczna " + "y" * 300
    piece = snippet(body, ["lodz"])
    assert "Łódź Fabryczna" in piece
    assert piece.startswith("…") and piece.endswith("…")
    assert "\n" not in snippet("a\nb\n\nc", ["b"])


def test_snippet_without_a_match_starts_at_the_beginning() -> None:
    assert snippet("krótki tekst", ["brak"]) == "krótki tekst"
    assert snippet("krótki tekst", []) == "krótki tekst"


def test_snippet_keeps_its_place_after_letters_that_fold_longer() -> None:
    body = "ß" * 100 + "ﬁ" * 100 + " cel"
    piece = snippet(body, ["cel"], width=20)
    assert "cel" in piece
