"""The page lifecycle (ui/pages/base.py): read only when seen, once per burst, scroll kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStringListModel
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout

from app.changes import Change, ChangeKind
from app.errors import UserError
from app.model import Municipality
from app.services import records
from app.storage.store import Store
from ui.context import EditorContext
from ui.pages.base import Page


class Counting(Page):
    key = "counting"
    watched = frozenset({"risk"})

    def __init__(self) -> None:
        super().__init__()
        self.reloads = 0
        self.model = QStringListModel()
        self.view = QListView()
        self.view.setModel(self.model)
        QVBoxLayout(self).addWidget(self.view)
        self.resize(300, 200)

    def reload(self) -> None:
        self.reloads += 1
        self.model.setStringList([f"wiersz {n}" for n in range(300)])
        self.view.scrollToTop()  # as a reset and a fresh selection of the first row do

    def kept_views(self) -> list[QAbstractItemView]:
        return [self.view]


def change(record_type: str = "risk") -> Change:
    return Change(ChangeKind.UPDATED, record_type, ("r1",), "m1")


@pytest.fixture
def page(qtbot) -> Counting:  # type: ignore[no-untyped-def]
    made = Counting()
    qtbot.addWidget(made)
    return made


def test_a_hidden_page_reads_when_shown(qtbot, page: Counting) -> None:  # type: ignore[no-untyped-def]
    page.show_municipality(None, "m1")
    assert page.reloads == 0 and page.stale
    page.on_change(change())
    assert page.reloads == 0
    page.show()
    qtbot.waitExposed(page)
    assert page.reloads == 1 and not page.stale


def test_a_visible_page_reads_once_per_burst_of_changes(qtbot, page: Counting) -> None:  # type: ignore[no-untyped-def]
    page.show()
    qtbot.waitExposed(page)
    page.show_municipality(None, "m1")
    assert page.reloads == 1
    with qtbot.waitSignal(page._reload_timer.timeout):
        for _ in range(5):
            page.on_change(change())
        assert page.reloads == 1  # not yet: after the burst
    assert page.reloads == 2
    page.on_change(change("school"))  # not watched
    assert not page._reload_timer.isActive() and not page.stale


def test_a_reload_keeps_the_scroll_position(qtbot, page: Counting) -> None:  # type: ignore[no-untyped-def]
    page.show()
    qtbot.waitExposed(page)
    page.show_municipality(None, "m1")
    bar = page.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the view has laid out its rows
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    assert kept > 0
    page.refresh()
    assert bar.value() == kept


def test_delete_with_confirm_asks_and_can_be_undone(
    qtbot, page: Counting, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    municipality = records.create(store, Municipality, name="Gmina Próbna", kind="rural")
    stack = QUndoStack()
    page.show_municipality(EditorContext(store, stack, None), municipality.id)
    answers: list[bool | None] = [None, False]  # "No", then "Yes" without erasing backups
    monkeypatch.setattr("ui.dialogs.confirm_delete.ask_delete", lambda *_a, **_k: answers.pop(0))

    args = ("Usuwanie", "Usunąć?", Municipality, municipality.id, "usunięcie")
    assert not page.delete_with_confirm(*args)  # "No": nothing happens
    assert records.get(store, Municipality, municipality.id).name == "Gmina Próbna"
    assert page.delete_with_confirm(*args)
    with pytest.raises(UserError):
        records.get(store, Municipality, municipality.id)
    stack.undo()
    assert records.get(store, Municipality, municipality.id).name == "Gmina Próbna"
