"""The HDR's "Zespół JST" and "Doradcy" are picked from the team records (typed text kept)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from app.model import DevelopmentSchedule, TeamMember
from app.services import records, team_lines
from app.storage.store import Store
from ui import keyboard
from ui.main_window import MainWindow
from ui.pages.hdr import HdrPage


def _hdr(window: MainWindow) -> HdrPage:
    first = window.municipality_model.row_at(0)
    assert first is not None
    window.choose_municipality(first.id)
    row = next(i for i, p in enumerate(window.pages) if isinstance(p, HdrPage))
    window.navigation.setCurrentRow(row)
    page = window.pages[row]
    assert isinstance(page, HdrPage)
    page.tabs.setCurrentIndex(page.tabs.count() - 1)
    QApplication.processEvents()
    return page


def _stored(store: Store, page: HdrPage, field: str) -> str:
    schedule = records.get(store, DevelopmentSchedule, page.schedule_id or "")
    return str(getattr(schedule, field) or "")


def test_ticking_a_team_member_adds_their_line_and_unticking_takes_it_out(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    page = _hdr(window)
    picker = page.team_pickers["participants"]
    editor = page.info_form.editors["participants"]
    editor.set_value("Radna Maria Zielińska (spoza zespołu)")
    editor.committed.emit()
    picker.fill()
    actions = picker.picker.actions()
    officers = [a for a in actions if a.isCheckable()]
    assert officers, "the demo team has officers"
    assert not any(a.isChecked() for a in officers)
    line = officers[0].text().replace("&&", "&")
    officers[0].trigger()
    stored = _stored(demo_store, page, "participants")
    assert stored.startswith("Radna Maria Zielińska (spoza zespołu)\n"), "what was typed is kept"
    assert line in stored
    picker.fill()
    again = [a for a in picker.picker.actions() if a.isCheckable()]
    assert again[0].isChecked() and not again[1].isChecked()
    again[0].trigger()  # unticked: out again
    assert _stored(demo_store, page, "participants") == "Radna Maria Zielińska (spoza zespołu)"
    window.undo_stack.undo()
    assert line in _stored(demo_store, page, "participants")


def test_the_advisors_field_offers_only_advisors_and_its_label_reaches_the_field(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    page = _hdr(window)
    picker = page.team_pickers["advisors"]
    picker.fill()
    names = [a.text() for a in picker.picker.actions() if a.isCheckable()]
    members = records.children(demo_store, TeamMember, municipality_id=window.municipality_id or "")
    advisors = [m for m in members if m.is_advisor]
    assert len(names) == len(advisors) >= 1
    labels = dict((label.buddy(), label) for label, _f in keyboard.form_labels(page.info_form))
    label = labels[page.info_form.editors["advisors"]]
    assert keyboard.mnemonic(label.text()) is not None


def test_listed_matches_names_without_case_or_polish_letters() -> None:
    member = TeamMember(name="Łucja Żak", role="skarbnik")
    assert team_lines.listed("lucja zak – skarbnik gminy", member)
    assert not team_lines.listed("Łucja Żakowska", member)
    assert team_lines.with_member("Jan Nowak\nŁUCJA ŻAK, skarbnik", member, False) == "Jan Nowak"
    assert team_lines.with_member(None, member, True) == "Łucja Żak – skarbnik"
    assert team_lines.with_member("Łucja Żak", member, True) == "Łucja Żak"
