"""Good practices shown and linked under a plan action and a monitoring note, through the
window; the practices tab shows the same links from the other side."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from app.demo import demo_municipality_id, load_demo
from app.demo_networks import _id
from app.model import Action
from app.services import journal, practice_links, records
from app.storage.store import Store
from tests.ui.cells import cell, row_count
from ui.dialogs.network_forms import RecordDialog
from ui.main_window import MainWindow
from ui.pages.monitoring import MonitoringPage
from ui.pages.networks import NetworksPage
from ui.pages.plan import PlanPage

PIKNIK = "Piknik Naukowy – sposób na rozwijanie kompetencji kluczowych"


@pytest.fixture
def window_with_demo(window: MainWindow, demo_store: Store) -> MainWindow:
    load_demo(demo_store)
    window.set_store(demo_store)
    return window


def _page(window: MainWindow, cls: type) -> object:
    page = next(p for p in window.pages if isinstance(p, cls))
    window.navigation.setCurrentRow(window.pages.index(page))
    return page


def test_an_action_shows_its_practice_and_unlinking_is_undone(  # type: ignore[no-untyped-def]
    qtbot, window_with_demo: MainWindow, store: Store
) -> None:
    window = window_with_demo
    page = _page(window, PlanPage)
    assert isinstance(page, PlanPage)
    action = records.children(store, Action, municipality_id=demo_municipality_id())[0]
    qtbot.waitUntil(lambda: page.select(action.id))
    box = page.practice_links["action"]
    qtbot.waitUntil(lambda: box.list.count() == 1)
    assert box.list.item(0).text() == PIKNIK
    box.unlink_button.click()
    assert practice_links.practices_of(store, "action", action.id) == []
    assert box.list.count() == 0
    window.action_undo.trigger()
    titles = [p.title for _l, p in practice_links.practices_of(store, "action", action.id)]
    assert titles == [PIKNIK]


def test_linking_a_note_shows_on_the_practices_tab(  # type: ignore[no-untyped-def]
    qtbot, window_with_demo: MainWindow, store: Store, monkeypatch
) -> None:
    window = window_with_demo
    page = _page(window, MonitoringPage)
    assert isinstance(page, MonitoringPage)
    note = journal.list_notes(store, demo_municipality_id())[0]
    page.journal.refresh()
    page.journal.show_note(note.id)
    box = page.journal.practice_links
    qtbot.waitUntil(lambda: box.target == ("monitoring_note", note.id))

    def choose_debate(dialog: RecordDialog) -> int:
        chooser = dialog.editors["practice_id"]
        assert isinstance(chooser, QComboBox)
        chooser.setCurrentIndex(
            chooser.findText("Pierwszy krok", flags=Qt.MatchFlag.MatchStartsWith)
        )
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", choose_debate)
    box.link_button.click()
    linked = practice_links.practices_of(store, "monitoring_note", note.id)
    assert [p.id for _l, p in linked] == [_id("practice", "debata")]
    assert box.list.count() == 1

    # The same link twice stays in the dialog with its Polish message; nothing is added.
    shown: list[str] = []

    def again(dialog: RecordDialog) -> int:
        choose_debate(dialog)
        shown.append(dialog.rows.text("practice_id"))
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", again)
    box.link_button.click()
    assert "już tu powiązana" in shown[0]
    assert len(practice_links.practices_of(store, "monitoring_note", note.id)) == 1

    networks_page = _page(window, NetworksPage)
    assert isinstance(networks_page, NetworksPage)
    networks_page.tabs.setCurrentIndex(3)
    rows = networks_page.practices
    row = next(r for r in range(row_count(rows)) if cell(rows, r, 0).startswith("Pierwszy"))
    rows.selectRow(row)
    uses = networks_page.practice_tab.uses
    labels = [uses.item(i).text() for i in range(uses.count())]
    assert any(label.startswith("Notatka:") for label in labels), labels

    # Linked from this side too: an action of the chosen JST.
    dialog = networks_page.practice_tab.link_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    chooser = dialog.editors["link_id"]
    assert isinstance(chooser, QComboBox)
    chooser.setCurrentIndex(chooser.findText("Działanie:", flags=Qt.MatchFlag.MatchContains))
    dialog.accept()
    assert dialog.result() == 1
    debate = _id("practice", "debata")
    assert any(
        u.label.startswith("Działanie:") for u in practice_links.uses_of_practice(store, debate)
    )

    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    note_row = next(i for i, label in enumerate(labels) if label.startswith("Notatka:"))
    uses.setCurrentRow(note_row)
    networks_page.practice_tab.unlink_button.click()
    assert practice_links.practices_of(store, "monitoring_note", note.id) == []
