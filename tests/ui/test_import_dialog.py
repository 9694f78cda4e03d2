"""The import preview and conflict resolution dialog, and the export dialog, driven by hand."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.exchange import export, history, reader
from app.exchange.merge import Choice, apply_import
from app.exchange.plan import plan_import
from app.model import (
    Action,
    AdvisoryVisit,
    Goal,
    MonitoringNote,
    Municipality,
    Objective,
    StrategicPlan,
)
from app.paths import DATABASE_NAME
from app.services import records
from app.storage.store import Store
from ui.context import EditorContext
from ui.dialogs import import_package
from ui.dialogs.export_package import ExportPackageDialog
from ui.dialogs.import_package import ImportPreviewDialog, open_import_dialog

pytestmark = pytest.mark.usefixtures("quick_scrypt")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes, replaced at class level: (kind, text) of each one shown."""
    seen: list[tuple[str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _p, _t, text, *a, k=kind: seen.append((k, text))
        )
    return seen


@pytest.fixture
def advisor(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "advisor", backup_on_open=False)
    yield opened
    opened.close()


@pytest.fixture
def context(store: Store) -> EditorContext:
    return EditorContext(store, QUndoStack())


def _build(store: Store) -> dict[str, str]:
    m = records.create(store, Municipality, name="Gmina Łąkowa", kind="rural")
    plan = records.create(store, StrategicPlan, m.id, title="Plan", year_from=2025, year_to=2029)
    goal = records.create(store, Goal, plan.id, title="Cel 1")
    objective = records.create(store, Objective, goal.id, title="Cel 1.1")
    action = records.create(store, Action, objective.id, title="Szkolenia z TIK")
    visit = records.create(
        store, AdvisoryVisit, m.id, visit_date=date(2025, 2, 1), advisor="dr Jan"
    )
    note = records.create(
        store,
        MonitoringNote,
        m.id,
        noted_on=date(2025, 2, 2),
        kind="progress",
        text="Szkolenia ruszyły w trzech szkołach",
        visit_id=visit.id,
    )
    return {"m": m.id, "action": action.id, "visit": visit.id, "note": note.id}


@pytest.fixture
def diverged(store: Store, advisor: Store, tmp_path: Path) -> dict[str, object]:
    """The officer (``store``) and the advisor changed the same note and action offline."""
    ids = _build(store)
    first = export.export_package(store, ids["m"], tmp_path / "first").path
    apply_import(advisor, reader.read_package(first))
    records.update(
        store, MonitoringNote, ids["note"], text="Szkolenia ruszyły w trzech szkołach; urząd"
    )
    records.update(
        advisor, MonitoringNote, ids["note"], text="Szkolenia ruszyły w czterech szkołach"
    )
    records.update(store, Action, ids["action"], title="Szkolenia z TIK (urząd)")
    records.update(advisor, Action, ids["action"], title="Szkolenia z TIK (doradca)")
    added = records.create(
        advisor,
        MonitoringNote,
        ids["m"],
        noted_on=date(2025, 3, 1),
        kind="risk",
        text="Za mało sal komputerowych",
    )
    path = export.export_package(advisor, ids["m"], tmp_path / "od-doradcy").path
    return {**ids, "added": added.id, "path": path}


def _pick(qtbot, radio) -> None:  # type: ignore[no-untyped-def]
    """Click the radio button's circle (its centre may lie past the end of its text)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _state(folder: Path) -> list[str]:
    return [
        hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "-"
        for path in (folder / DATABASE_NAME, folder / (DATABASE_NAME + "-wal"))
    ]


def test_preview_resolves_conflicts_side_by_side_and_applies(
    qtbot, store: Store, context: EditorContext, diverged, shown
) -> None:
    plan = plan_import(store, reader.read_package(diverged["path"]))
    context.undo_stack.push(QUndoCommand("an edit before the import"))
    dialog = ImportPreviewDialog(context, plan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["Do dodania (1)", "Do zmiany (0)", "Do usunięcia (0)", "Konflikty (2)"]
    assert dialog.tabs.currentWidget() is dialog.conflicts
    added = dialog.lists[import_package.Outcome.ADDED].topLevelItem(0)
    assert added.text(1) == "Za mało sal komputerowych"
    assert not dialog.import_button.isEnabled()
    assert "Nierozstrzygnięte konflikty: 2" in dialog.status.text()

    panel = dialog.conflicts
    assert panel.current().table == "action"
    page = panel.view.toPlainText()
    assert "Szkolenia z TIK (urząd)" in page and "Szkolenia z TIK (doradca)" in page
    assert not panel.radios[Choice.BOTH].isVisibleTo(dialog)  # an action cannot be doubled
    _pick(qtbot, panel.radios[Choice.THEIRS])
    assert "przyjęta wersja z pliku" in panel.list.item(0).text()
    assert "✔" in panel.view.toPlainText()

    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    assert panel.current().table == "monitoring_note"
    assert "czterech" in panel.view.toPlainText()
    assert panel.radios[Choice.BOTH].isVisibleTo(dialog)
    assert not any(radio.isChecked() for radio in panel.radios.values())
    assert not dialog.import_button.isEnabled()
    _pick(qtbot, panel.radios[Choice.MINE])
    assert dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == dialog.DialogCode.Accepted
    assert records.get(store, Action, diverged["action"]).title == "Szkolenia z TIK (doradca)"
    assert records.get(store, MonitoringNote, diverged["note"]).text.endswith("; urząd")
    records.get(store, MonitoringNote, diverged["added"])
    assert context.undo_stack.count() == 0  # undo cannot reach across an import
    assert shown and shown[-1][0] == "information" and "Dodano: 1" in shown[-1][1]
    assert len(history.imports(store)) == 1


def test_keeping_both_notes_and_all_theirs(
    qtbot, store: Store, context: EditorContext, diverged, shown
) -> None:
    plan = plan_import(store, reader.read_package(diverged["path"]))
    dialog = ImportPreviewDialog(context, plan)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.conflicts
    qtbot.mouseClick(panel.all_theirs, Qt.MouseButton.LeftButton)
    assert dialog.import_button.isEnabled()
    panel.list.setCurrentRow(1)
    _pick(qtbot, panel.radios[Choice.BOTH])
    assert "zachowane obie notatki" in panel.list.item(1).text()
    dialog.apply()
    texts = {n.text for n in records.children(store, MonitoringNote, municipality_id=diverged["m"])}
    assert {
        "Szkolenia ruszyły w trzech szkołach; urząd",
        "Szkolenia ruszyły w czterech szkołach",
    } <= texts


def test_a_bad_file_shows_one_message_and_changes_nothing(
    store: Store, context: EditorContext, shown, tmp_path: Path, data_dir: Path
) -> None:
    _build(store)
    junk = tmp_path / "plan.planoswiaty"
    junk.write_bytes(b"PK\x03\x04 to tylko poczatek")
    before = _state(data_dir)
    assert open_import_dialog(None, context, junk) is None
    assert [kind for kind, _text in shown] == ["warning"]
    assert "uszkodzony albo niekompletny" in shown[0][1]
    assert _state(data_dir) == before


def test_a_file_about_another_municipality_than_chosen(
    store: Store, context: EditorContext, diverged, shown
) -> None:
    other = records.create(store, Municipality, name="Gmina Inna", kind="urban")
    assert open_import_dialog(None, context, diverged["path"], other.id) is None
    assert "Gmina Inna" in shown[0][1] and "Gmina Łąkowa" in shown[0][1]


def test_an_encrypted_file_asks_for_the_passphrase_until_it_fits(
    store: Store, advisor: Store, context: EditorContext, shown, monkeypatch, tmp_path: Path
) -> None:
    ids = _build(advisor)
    path = export.export_package(
        advisor, ids["m"], tmp_path / "tajny", passphrase="Łąka 2025!"
    ).path
    answers = iter([("zle haslo", True), ("Łąka 2025!", True)])
    prompts: list[str] = []

    def ask(_parent, _title, label, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        prompts.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", ask)
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda self: (self.apply(), 1)[1])

    assert open_import_dialog(None, context, path) == ids["m"]
    assert len(prompts) == 2 and "nieprawidłowe" in prompts[1]
    assert records.get(store, Action, ids["action"]).title == "Szkolenia z TIK"


def test_the_export_dialog_writes_a_protected_file(
    qtbot, store: Store, context: EditorContext, shown, tmp_path: Path
) -> None:
    ids = _build(store)
    dialog = ExportPackageDialog(context, records.get(store, Municipality, ids["m"]))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.export_button.isEnabled()  # a passphrase is asked for by default
    dialog.passphrase.setText("długie hasło")
    dialog.repeat.setText("długie hasło!")
    assert not dialog.export_button.isEnabled() and "różnią" in dialog.error.text()
    dialog.repeat.setText("długie hasło")
    dialog.some.setChecked(True)
    assert dialog.chosen_parts() == ("visits", "notes")
    dialog.path.setText(str(tmp_path / "dla-doradcy"))
    assert dialog.export_button.isEnabled()

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    assert dialog.written == tmp_path / "dla-doradcy.planoswiaty"
    package = reader.read_package(dialog.written, "długie hasło")
    assert package.encrypted and set(package.records) == {
        "municipality",
        "advisory_visit",
        "recommendation",
        "consultation",
        "monitoring_note",
        "risk",
        "practice_link",  # notes name good practices (format 3)
        "monitoring_conclusion",  # a period's conclusions (format 3)
    }
    assert shown[-1][0] == "information"


def test_the_import_history_shows_where_changes_came_from(
    qtbot, store: Store, context: EditorContext, diverged
) -> None:
    from ui.dialogs.import_history import ImportHistoryDialog

    empty = ImportHistoryDialog(context)
    qtbot.addWidget(empty)
    assert empty.body.currentIndex() == 0  # an honest empty state
    apply_import(store, reader.read_package(diverged["path"]), default=Choice.THEIRS)
    dialog = ImportHistoryDialog(context, diverged["m"])
    qtbot.addWidget(dialog)
    row = dialog.imports.topLevelItem(0)
    assert row.text(3) == "od-doradcy.planoswiaty" and row.text(4) == "1"
    outcomes = {
        dialog.records.topLevelItem(i).text(2) for i in range(dialog.records.topLevelItemCount())
    }
    assert outcomes == {"dodany", "konflikt: przyjęto wersję z pliku"}


def test_changes_show_old_and_new_values_in_the_table(
    qtbot, store: Store, advisor: Store, context: EditorContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ids = _build(store)
    first = export.export_package(store, ids["m"], tmp_path / "first").path
    apply_import(advisor, reader.read_package(first))
    records.update(advisor, Action, ids["action"], title="Szkolenia z TIK i robotyki")
    path = export.export_package(advisor, ids["m"], tmp_path / "od-doradcy").path
    dialog = ImportPreviewDialog(context, plan_import(store, reader.read_package(path)))
    qtbot.addWidget(dialog)
    changed = dialog.lists[import_package.Outcome.CHANGED].topLevelItem(0)
    assert changed.text(2) == "Nazwa działania: „Szkolenia z TIK” → „Szkolenia z TIK i robotyki”"
