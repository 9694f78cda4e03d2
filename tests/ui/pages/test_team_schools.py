"""The municipality profile and team: undo wording, TERYT while typing, a new member's role."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from app.model import Municipality, School, TeamMember
from app.services import records
from app.storage.store import Store
from ui.main_window import MainWindow
from ui.pages.team_schools import TeamSchoolsPage


def test_undo_names_the_change_in_the_accusative(
    qtbot: Any, window: MainWindow, store: Store, page_for: Any, type_text: Any
) -> None:
    page, _id = page_for(TeamSchoolsPage)
    name = page.profile.editors["name"]
    name.setFocus()
    name.selectAll()
    type_text(name, "Gmina Nowa")
    with qtbot.waitSignal(name.committed):
        pass
    assert window.action_undo.text() == "Cofnij zmianę pola „Nazwa”"
    window.action_undo.trigger()
    assert window.action_redo.text() == "Ponów zmianę pola „Nazwa”"


def test_teryt_waits_for_the_whole_code_and_fills_the_voivodeship(
    qtbot: Any, window: MainWindow, store: Store, page_for: Any, type_text: Any
) -> None:
    page, municipality_id = page_for(TeamSchoolsPage)
    code = page.profile.editors["teryt"]
    code.setFocus()
    type_text(code, "0615")
    with qtbot.waitSignal(code.committed):  # the typing pause
        pass
    assert page.profile.error_text("teryt") == "", "no message while the code is being typed"
    qtbot.keyClick(code, Qt.Key.Key_Tab)
    assert "7 cyfr" in page.profile.error_text("teryt")
    code.setFocus()
    type_text(code, "072")
    qtbot.keyClick(code, Qt.Key.Key_Tab)
    assert page.profile.error_text("teryt") == ""
    stored = records.get(store, Municipality, municipality_id)
    assert (stored.teryt, stored.voivodeship) == ("0615072", "lubelskie")
    assert page.profile.editors["voivodeship"].value() == "lubelskie"


def test_a_new_team_member_has_no_assumed_role(
    window: MainWindow, store: Store, page_for: Any
) -> None:
    page, municipality_id = page_for(TeamSchoolsPage)
    page.team.add_button.click()
    [member] = records.children(store, TeamMember, municipality_id=municipality_id)
    assert member.role is None


def test_a_schools_history_and_operator_are_typed_in_the_form(
    qtbot: Any, window: MainWindow, store: Store, page_for: Any, type_text: Any
) -> None:
    page, municipality_id = page_for(TeamSchoolsPage)
    target = records.create(
        store, School, municipality_id, name="SP Alfa", school_type="szkola_podstawowa"
    )
    school = records.create(
        store, School, municipality_id, name="SP Beta", school_type="szkola_podstawowa"
    )
    page.reload()
    assert page.schools.select(school.id)
    form = page.schools.form
    operator = form.editors["operator"]
    operator.setFocus()
    type_text(operator, "Stowarzyszenie „Beta”")
    qtbot.keyClick(operator, Qt.Key.Key_Tab)
    flag = form.editors["run_by_jst"]
    flag.setFocus()
    qtbot.keyClick(flag, Qt.Key.Key_Space)
    assert not flag.isChecked()
    opened = form.editors["opened_on"]
    opened.setFocus()
    type_text(opened, "01.09.1962")
    qtbot.keyClick(opened, Qt.Key.Key_Tab)
    closed = form.editors["closed_on"]
    closed.setFocus()
    type_text(closed, "31.08.1960")
    qtbot.keyClick(closed, Qt.Key.Key_Tab)
    assert "wcześniejsza" in form.error_text("closed_on")
    assert records.get(store, School, school.id).closed_on is None  # nothing saved
    closed.setFocus()
    closed.selectAll()
    type_text(closed, "31.08.2024")
    qtbot.keyClick(closed, Qt.Key.Key_Tab)
    merged = form.editors["merged_into_id"]
    assert merged.findData(target.id) >= 0
    merged.setFocus()
    qtbot.keyClicks(merged, "SP Alfa")
    qtbot.keyClick(merged, Qt.Key.Key_Tab)
    stored = records.get(store, School, school.id)
    assert (stored.operator, stored.run_by_jst) == ("Stowarzyszenie „Beta”", False)
    assert (stored.opened_on, stored.closed_on) == (date(1962, 9, 1), date(2024, 8, 31))
    assert stored.merged_into_id == target.id


def test_team_and_school_tables_keep_within_their_width_on_the_laptop(
    qtbot: Any, settings: Any, demo_store: Store
) -> None:
    """At 1093×558 the name stretches and the other columns give way: no sideways scrolling."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_store(demo_store)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(QSize(1093, 558))
    window.show()
    qtbot.waitExposed(window)
    row = next(i for i, page in enumerate(window.pages) if isinstance(page, TeamSchoolsPage))
    window.navigation.setCurrentRow(row)
    page = window.pages[row]
    assert isinstance(page, TeamSchoolsPage)
    for panel in (page.team, page.schools):
        page.tabs.setCurrentWidget(panel)
        QApplication.processEvents()
        table = panel.table
        assert table.horizontalScrollBar().maximum() == 0, panel.objectName()
        header = table.horizontalHeader()
        assert header.sectionSize(0) >= max(
            header.sectionSize(column) for column in range(1, header.count())
        )
