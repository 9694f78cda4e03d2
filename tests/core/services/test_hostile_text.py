"""Hostile text typed or pasted through the services: lone surrogates, control characters,
week dates. Each is refused with a Polish message naming the field; nothing is saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.model import Goal, MonitoringNote, Municipality, TeamMember
from app.services import records
from app.storage.store import Store
from app.textnorm import printable

if TYPE_CHECKING:
    from conftest import Rejects, Tree


@pytest.mark.parametrize("text", ["Gmina \ud83d", "\udc00", "A\ud800B"])
def test_a_lone_surrogate_is_refused_naming_the_field(
    store: Store, rejects: Rejects, text: str
) -> None:
    error = rejects("name", records.create, store, Municipality, name=text, kind="rural")
    assert "„Nazwa”" in error.message and "UTF-16" in error.message


def test_a_lone_surrogate_in_an_edit(tree: Tree, store: Store, rejects: Rejects) -> None:
    error = rejects("text", records.update, store, MonitoringNote, tree.note.id, text="x\ud83d")
    assert "UTF-16" in error.message


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x7f", "\x85", "\u202e", "\u2066"])
def test_control_characters_are_refused_in_single_line_fields(
    tree: Tree, store: Store, rejects: Rejects, char: str
) -> None:
    error = rejects("title", records.update, store, Goal, tree.goal.id, title=f"Cel{char}1")
    assert f"U+{ord(char):04X}" in error.message
    assert char not in error.message


def test_escape_in_long_text_is_refused_but_line_breaks_stay(
    tree: Tree, store: Store, rejects: Rejects
) -> None:
    rejects("text", records.update, store, MonitoringNote, tree.note.id, text="a\x1b[2Jb")
    records.update(store, MonitoringNote, tree.note.id, text="Pierwszy\n\tdrugi wiersz")
    assert records.get(store, MonitoringNote, tree.note.id).text == "Pierwszy\n\tdrugi wiersz"


def test_tabs_and_line_breaks_in_a_single_line_field_become_spaces(
    tree: Tree, store: Store
) -> None:
    member = records.create(store, TeamMember, tree.municipality.id, name="Jan\tNowak\r\nst.")
    assert member.name == "Jan Nowak st."


@pytest.mark.parametrize("day", ["2025-W01-1", "2025-001", "20250301"])
def test_week_and_ordinal_dates_are_refused(
    tree: Tree, store: Store, rejects: Rejects, day: str
) -> None:
    error = rejects("noted_on", records.update, store, MonitoringNote, tree.note.id, noted_on=day)
    assert "RRRR-MM-DD" in error.message


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=30)
)
def test_any_text_is_saved_or_refused_in_polish(tree: Tree, store: Store, text: str) -> None:
    """Whatever is typed, the service saves it or raises UserError: never another error."""
    from app.errors import UserError

    try:
        records.update(store, Goal, tree.goal.id, title=text or "x")
    except UserError as error:
        assert error.field == "title"
        assert error.message == printable(error.message)
