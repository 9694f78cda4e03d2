"""The "Sieci i spotkania" page driven through its widgets; values read back through the core."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QMessageBox

from app.demo import load_demo
from app.demo_networks import _id, network_id
from app.model import NetworkMeeting, NetworkMember
from app.services import networks
from app.storage.store import Store
from tests.ui.cells import cell, row_count
from tests.ui.conftest import type_text
from ui.main_window import MainWindow
from ui.models.roles import ID_ROLE, SORT_ROLE
from ui.pages.network_tables import current_id
from ui.pages.networks import NetworksPage


@pytest.fixture
def page(qtbot, window: MainWindow, demo_store: Store) -> NetworksPage:  # type: ignore[no-untyped-def]
    load_demo(demo_store)
    window.set_store(demo_store)
    window.navigate("networks")
    found = next(p for p in window.pages if isinstance(p, NetworksPage))
    qtbot.waitUntil(lambda: row_count(found.members) == 6)
    return found


def _meeting(store: Store, key: str) -> NetworkMeeting:
    return next(m for m in networks.meetings(store, network_id()) if m.id == _id("meeting", key))


def _choose_meeting(page: NetworksPage, key: str) -> None:
    timeline = page.meetings.timeline
    for row in range(timeline.count()):
        if timeline.item(row).data(Qt.ItemDataRole.UserRole) == _id("meeting", key):
            timeline.setCurrentRow(row)
            return
    raise AssertionError(key)


def test_the_page_shows_the_demo_network(page: NetworksPage) -> None:
    assert page.chooser.currentText().startswith("Grupa Wymiany Doświadczeń")
    kinds = {cell(page.members, row, 1) for row in range(6)}
    assert cell(page.members, 0, 4) == "tak"  # the demo JST's data is here
    assert "miasto na prawach powiatu" in kinds and "powiat" in kinds
    assert page.meetings.timeline.count() == 4
    assert row_count(page.sessions) == 3
    assert row_count(page.practices) == 6
    assert cell(page.portfolio.visit_plan, 0, 1) == "dr Ewa Wróblewska"


def test_typing_a_topic_saves_it(qtbot, page: NetworksPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(1)
    _choose_meeting(page, "m2")
    topic = page.meetings.editors["topic"]
    topic.selectAll()
    type_text(topic, "Diagnoza — wersja końcowa")
    qtbot.keyClick(topic, Qt.Key.Key_Tab)
    assert _meeting(store, "m2").topic == "Diagnoza — wersja końcowa"


def test_a_day_outside_the_period_is_refused_in_place(
    qtbot, page: NetworksPage, store: Store
) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(1)
    _choose_meeting(page, "m4")
    first = page.meetings.editors["starts_on"]
    first.setFocus()
    first.set_value(date(2027, 3, 1))
    first.editingFinished.emit()
    assert "poza okresem" in page.meetings.error.text()
    assert page.meetings.error.isVisibleTo(page)
    assert _meeting(store, "m4").starts_on == date(2026, 12, 10)
    assert first.value() == date(2026, 12, 10)


def test_a_new_meeting_outside_the_period_stays_in_the_dialog(
    qtbot, page: NetworksPage, store: Store
) -> None:  # type: ignore[no-untyped-def]
    dialog = page.meetings.meeting_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    type_text(dialog.editors["topic"], "Spotkanie podsumowujące")
    dialog.editors["starts_on"].set_value(date(2027, 2, 1))
    dialog.accept()
    assert dialog.result() == 0
    assert "poza okresem" in dialog.rows.text("starts_on")
    assert len(networks.meetings(store, network_id())) == 4

    dialog.editors["starts_on"].set_value(date(2026, 12, 17))
    dialog.accept()
    assert dialog.result() == 1
    assert [m.number for m in networks.meetings(store, network_id())] == [1, 2, 3, 4, 5]


def test_an_empty_topic_is_refused(qtbot, page: NetworksPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = page.meetings.meeting_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.editors["starts_on"].set_value(date(2026, 12, 17))
    dialog.accept()
    assert "nie może być puste" in dialog.rows.text("topic")
    assert len(networks.meetings(store, network_id())) == 4


def test_a_duplicate_member_is_refused(qtbot, page: NetworksPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = page.member_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    chooser = dialog.editors["municipality_id"]
    assert isinstance(chooser, QComboBox)
    chooser.setCurrentIndex(chooser.findText("Gmina Zielonki Wielkie"))
    dialog.accept()
    assert "jest już członkiem" in dialog.rows.text("name")
    assert len(networks.members(store, network_id())) == 6

    chooser.setCurrentIndex(0)  # no JST of this laptop: a light member record
    type_text(dialog.editors["name"], "Gmina Łąkowa")
    dialog.accept()
    assert dialog.result() == 1
    names = [m.name for m in networks.members(store, network_id())]
    assert names[-1] == "Gmina Łąkowa"


def test_practices_are_found_without_diacritics(qtbot, page: NetworksPage) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(3)
    type_text(page.search, "dzierzoniow")
    assert row_count(page.practices) == 1
    assert cell(page.practices, 0, 0) == "Wychowanie przez sztukę w zespole szkół"
    page.search.clear()
    assert row_count(page.practices) == 6


def test_marking_a_participant_absent(qtbot, page: NetworksPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(1)
    _choose_meeting(page, "m3")
    page.meetings.lists.setCurrentIndex(1)
    page.meetings.people.selectRow(0)
    page.meetings.toggle_present()
    assert cell(page.meetings.people, 0, 2) == "nie"
    member = networks.members(store, network_id())[0]
    assert isinstance(member, NetworkMember)


def test_a_network_file_imports_through_the_window(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, page: NetworksPage, store: Store, tmp_path, monkeypatch
) -> None:
    from app.exchange import format as fmt
    from app.exchange.export import export_package
    from app.model import Municipality
    from app.services import records
    from ui.dialogs.import_package import ImportPreviewDialog

    path = export_package(store, network_id(), tmp_path / "gwd", parts=fmt.NETWORK_PARTS).path
    member = Store.open(tmp_path / "member", backup_on_open=False)
    try:
        records.create(member, Municipality, name="Gmina Piaski", kind="urban_rural")
        window.set_store(member)
        monkeypatch.setattr(ImportPreviewDialog, "exec", lambda self: (self.apply(), 1)[1])
        shown: list[str] = []
        for kind in ("information", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *a: shown.append(text))
        window.import_package(str(path))
        window.navigate("networks")
        found = next(p for p in window.pages if isinstance(p, NetworksPage))
        qtbot.waitUntil(lambda: row_count(found.members) == 6)
        assert found.chooser.currentData() == network_id()
        assert found.meetings.timeline.count() == 4
        assert [m.name for m in records_of(member)] == ["Gmina Piaski"]
        assert not [text for text in shown if "Nie można" in text], shown
    finally:
        window.set_store(store)
        member.close()


def records_of(store: Store) -> list:  # type: ignore[type-arg]
    from app.services.municipalities import all_municipalities

    return list(all_municipalities(store))


def _answer_yes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)


def test_typing_a_topic_is_undone_with_ctrl_z(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, page: NetworksPage, store: Store
) -> None:
    page.tabs.setCurrentIndex(1)
    _choose_meeting(page, "m2")
    before = _meeting(store, "m2").topic
    topic = page.meetings.editors["topic"]
    topic.selectAll()
    type_text(topic, "Temat do cofnięcia")
    qtbot.keyClick(topic, Qt.Key.Key_Tab)
    assert _meeting(store, "m2").topic == "Temat do cofnięcia"
    window.action_undo.trigger()
    assert _meeting(store, "m2").topic == before
    qtbot.waitUntil(lambda: page.meetings.editors["topic"].value() == before)
    window.action_redo.trigger()
    assert _meeting(store, "m2").topic == "Temat do cofnięcia"


def test_a_refused_day_lands_on_no_undo_stack(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, page: NetworksPage, store: Store
) -> None:
    page.tabs.setCurrentIndex(1)
    _choose_meeting(page, "m4")
    first = page.meetings.editors["starts_on"]
    first.set_value(date(2027, 3, 1))
    first.editingFinished.emit()
    assert "poza okresem" in page.meetings.error.text()
    assert window.undo_stack.count() == 0


def test_adding_a_member_through_the_dialog_is_undone(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, page: NetworksPage, store: Store
) -> None:
    dialog = page.member_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    type_text(dialog.editors["name"], "Gmina Łąkowa")
    dialog.accept()
    assert dialog.result() == 1
    qtbot.waitUntil(lambda: row_count(page.members) == 7)
    window.action_undo.trigger()
    assert [m.name for m in networks.members(store, network_id())][-1] != "Gmina Łąkowa"
    qtbot.waitUntil(lambda: row_count(page.members) == 6)
    window.action_redo.trigger()
    qtbot.waitUntil(lambda: row_count(page.members) == 7)


def test_editing_a_practice_row_and_undoing_it(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, page: NetworksPage, store: Store, monkeypatch
) -> None:
    from app.services import trainings
    from ui.dialogs.network_forms import RecordDialog

    page.tabs.setCurrentIndex(3)
    page.practices.selectRow(0)
    title = cell(page.practices, 0, 0)

    def retitle(dialog: RecordDialog) -> int:
        editor = dialog.editors["title"]
        editor.selectAll()  # type: ignore[attr-defined]
        type_text(editor, "Aaa nowy tytuł")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", retitle)
    page.edit_row(page.practices)
    titles = [p.title for p in trainings.practices(store, network_id())]
    assert "Aaa nowy tytuł" in titles and title not in titles
    window.action_undo.trigger()
    titles = [p.title for p in trainings.practices(store, network_id())]
    assert title in titles and "Aaa nowy tytuł" not in titles


def test_deleting_a_meeting_and_undoing_it(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, page: NetworksPage, store: Store, monkeypatch
) -> None:
    _answer_yes(monkeypatch)
    page.tabs.setCurrentIndex(1)
    _choose_meeting(page, "m3")
    people = row_count(page.meetings.people)
    page.meetings.delete_button.click()
    assert len(networks.meetings(store, network_id())) == 3
    qtbot.waitUntil(lambda: page.meetings.timeline.count() == 3)
    window.action_undo.trigger()
    assert len(networks.meetings(store, network_id())) == 4
    qtbot.waitUntil(lambda: page.meetings.timeline.count() == 4)
    _choose_meeting(page, "m3")
    assert row_count(page.meetings.people) == people > 0


def test_deleting_a_member_row_and_undoing_it(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, page: NetworksPage, store: Store, monkeypatch
) -> None:
    _answer_yes(monkeypatch)
    page.members.selectRow(5)
    page.delete_row(page.members)
    assert len(networks.members(store, network_id())) == 5
    window.action_undo.trigger()
    assert len(networks.members(store, network_id())) == 6


def test_a_laptop_with_only_a_network_works(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, page: NetworksPage, store: Store, tmp_path, monkeypatch
) -> None:
    """A member's laptop without any JST data imports the network file and uses every tab."""
    from app.exchange import format as fmt
    from app.exchange.export import export_package
    from app.reports import network_export
    from ui.dialogs.import_package import ImportPreviewDialog

    path = export_package(store, network_id(), tmp_path / "gwd", parts=fmt.NETWORK_PARTS).path
    empty = Store.open(tmp_path / "empty", backup_on_open=False)
    try:
        window.set_store(empty)
        assert window.central.currentWidget() is window.welcome
        monkeypatch.setattr(ImportPreviewDialog, "exec", lambda self: (self.apply(), 1)[1])
        for kind in ("information", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, kind, lambda *_args: QMessageBox.StandardButton.Ok)
        window.import_package(str(path))
        assert window.central.currentWidget() is window.splitter
        found = next(p for p in window.built() if isinstance(p, NetworksPage))
        assert window.stack.currentWidget() is found
        shown = [
            window.navigation.item(row).text()
            for row in range(window.navigation.count())
            if not window.navigation.isRowHidden(row)
        ]
        assert shown == ["Sieci i spotkania"]
        window.navigation.setCurrentRow(0)  # as Ctrl+1 does: the overview needs a JST
        assert window.stack.currentWidget() is found
        qtbot.waitUntil(lambda: row_count(found.members) == 6)
        # No member's full data is on this laptop (the demo JST's id is in the file).
        assert [cell(found.members, r, 4) for r in range(6)] == [""] * 6
        for tab in range(found.tabs.count()):
            found.tabs.setCurrentIndex(tab)
        assert found.meetings.timeline.count() == 4
        assert row_count(found.sessions) == 3 and row_count(found.practices) == 6
        assert row_count(found.portfolio.visit_plan) == 0  # the JSTs' people stay at home

        dialog = found.meetings.meeting_dialog()
        assert dialog is not None
        qtbot.addWidget(dialog)
        type_text(dialog.editors["topic"], "Spotkanie u członka")
        dialog.editors["starts_on"].set_value(date(2026, 12, 17))
        dialog.accept()
        assert dialog.result() == 1
        assert len(networks.meetings(empty, network_id())) == 5
        window.action_undo.trigger()
        assert len(networks.meetings(empty, network_id())) == 4

        network_export.export(empty, "meeting", network_id(), output=tmp_path / "m.pdf")
        network_export.export(empty, "network", network_id(), output=tmp_path / "n.pdf")
        assert (tmp_path / "m.pdf").stat().st_size > 1000
    finally:
        window.set_store(store)
        empty.close()


def test_a_participant_of_a_jst_no_longer_a_member_is_refused(  # type: ignore[no-untyped-def]
    qtbot, page: NetworksPage, store: Store, monkeypatch
) -> None:
    """The member left the network while the dialog was open: a Polish message, nothing saved."""
    from app.model import Participant
    from ui.dialogs.network_forms import RecordDialog

    page.tabs.setCurrentIndex(1)
    _choose_meeting(page, "m3")
    before = len(networks.of_meeting(store, Participant, _id("meeting", "m3")))
    shown: list[str] = []

    def fill_in(dialog: RecordDialog) -> int:
        type_text(dialog.editors["name"], "Zofia Nowa")
        chooser = dialog.editors["member_id"]
        assert isinstance(chooser, QComboBox)
        chooser.setCurrentIndex(chooser.findText("Gmina Lubicz"))
        networks.delete(store, NetworkMember, _id("member", "lubicz"))
        dialog.accept()
        shown.append(dialog.rows.text("member_id"))
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", fill_in)
    page.meetings.add_participant()
    assert "członkiem sieci" in shown[0]
    # Lubicz's two participants left with it; Zofia Nowa was not added.
    assert len(networks.of_meeting(store, Participant, _id("meeting", "m3"))) == before - 2


def test_members_sort_by_a_header_and_keep_the_chosen_row(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, page: NetworksPage, store: Store
) -> None:
    table = page.members
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    populations = [table.model().index(r, 2).data(SORT_ROLE) for r in range(6)]
    assert populations == sorted(populations) and populations != [populations[0]] * 6
    row = table.visualRect(table.model().index(3, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    chosen = current_id(table)
    assert chosen is not None and chosen == table.model().index(3, 0).data(ID_ROLE)

    dialog = page.member_dialog()  # another member comes: the rows are read again
    assert dialog is not None
    qtbot.addWidget(dialog)
    type_text(dialog.editors["name"], "Gmina Łąkowa")
    dialog.accept()
    qtbot.waitUntil(lambda: row_count(table) == 7)
    assert current_id(table) == chosen
    populations = [table.model().index(r, 2).data(SORT_ROLE) for r in range(7)]
    assert populations == sorted(populations)  # still sorted by the clicked column
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: row_count(table) == 6)
    assert current_id(table) == chosen


def test_the_key_competences_offered_for_a_practice_speak_the_language(
    page: NetworksPage,
) -> None:
    from app import i18n

    i18n.set_language("en")
    try:
        names = dict(page._choices()["competences"])
    finally:
        i18n.set_language("pl")
    assert names["digital"] == "digital competence"
    assert "kompetencje" not in " ".join(names.values())
