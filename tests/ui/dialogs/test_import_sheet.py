"""The import wizard through its widgets: a new mapping typed once, saved, offered next time;
changes previewed old → new; schools matched by name confirmed; a wrong file writes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.demo import load_demo
from app.model import ExamKind, ExamResult, School
from app.services import records
from app.services.school_data import grid
from app.storage.store import Store
from tests.core.services.conftest import take_snapshot
from ui.dialogs.import_sheet import ImportSheetDialog
from ui.models.roles import KEY_ROLE

pytestmark = pytest.mark.usefixtures("polish_locale")  # decimal commas in the preview

FIXTURES = Path(__file__).parents[2] / "fixtures" / "school_data"
MATURA = FIXTURES / "oke_matura_zielonki_2025.xlsx"
LICEUM = "I Liceum Ogólnokształcące im. Mikołaja Kopernika w Zielonkach Wielkich"
TECHNIKUM = "Technikum nr 1 w Zielonkach Wielkich"
# field key → the start of its column's header, as the officer types it into the list
COLUMNS = {
    "rspo": "Kod RSPO",
    "name": "Nazwa szkoły",
    "ogółem|takers": "Ogółem / Liczba",
    "ogółem|pass_rate": "Ogółem / Zdaw",
    "matematyka|mean_pct": "Matematyka – poziom podstawowy / Śr",
    "matematyka|pass_rate": "Matematyka – poziom podstawowy / Zd",
}


@pytest.fixture
def secondary(demo_store: Store) -> tuple[str, dict[str, School]]:
    municipality, _new = load_demo(demo_store)
    m = municipality.id
    schools = {
        "liceum": records.create(
            demo_store, School, m, name=LICEUM, school_type="liceum", rspo="52011"
        ),
        "technikum": records.create(demo_store, School, m, name=TECHNIKUM, school_type="technikum"),
    }
    return m, schools


def _open(qtbot: Any, store: Store, municipality_id: str, path: Path) -> ImportSheetDialog:
    dialog = ImportSheetDialog(store, municipality_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setFocus()
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # read off the GUI thread
    return dialog


def _choose(qtbot: Any, combo: QComboBox, text: str) -> None:
    """Pick an item as on the keyboard: type the start of its first word (a space would
    open the list), then the down arrow until it shows."""
    combo.setFocus()
    word = text.split(" ")[0]
    ascii_start = word[: next((i for i, ch in enumerate(word) if not ch.isascii()), len(word))]
    qtbot.keyClicks(combo, ascii_start)  # QTest types ASCII only
    for _step in range(combo.count()):
        if combo.currentText().startswith(text):
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText().startswith(text), (combo.currentText(), text)


def _column_combo(dialog: ImportSheetDialog, key: str) -> QComboBox:
    for row in range(dialog.columns.rowCount()):
        item = dialog.columns.item(row, 0)
        if item is not None and item.data(KEY_ROLE) == key:
            combo = dialog.columns.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            return combo
    raise AssertionError(key)


def test_a_new_mapping_is_typed_once_saved_and_offered_next_time(
    qtbot: Any, store: Store, secondary: tuple[str, dict[str, School]]
) -> None:
    m, schools = secondary
    dialog = _open(qtbot, store, m, MATURA)
    assert dialog.sheet.currentText() == "Matura 2025"
    assert dialog.header_row.value() == 4  # below the title and the merged groups
    _choose(qtbot, dialog.target, "wyniki matury")
    for key, header in COLUMNS.items():
        _choose(qtbot, _column_combo(dialog, key), header)
    dialog.year.setFocus()
    dialog.year.selectAll()
    qtbot.keyClicks(dialog.year, "2024")
    dialog.save_as.setFocus()
    qtbot.keyClicks(dialog.save_as, "Matura OKE")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    text = dialog.preview_text.toPlainText()
    assert "Nowe: 4" in text and "pominięte wiersze sum: 1" in text
    assert f"dopasowano tylko po nazwie: {TECHNIKUM}" in text
    dialog.confirm_names.setFocus()
    qtbot.keyClick(dialog.confirm_names, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = {
        r.subject: r for r in records.children(store, ExamResult, school_id=schools["liceum"].id)
    }
    assert stored["ogółem"].pass_rate == 91.5 and stored["ogółem"].exam is ExamKind.MATURA
    assert (stored["matematyka"].mean_pct, stored["matematyka"].country_pct) == (63.8, 56.0)
    technikum = records.children(store, ExamResult, school_id=schools["technikum"].id)
    assert {r.subject for r in technikum} == {"ogółem", "matematyka"}

    # Next time: the saved mapping is offered and fills every column; a change shows old → new.
    grid.set_cell(store, m, "exam:matura:matematyka", schools["liceum"].id, 2024, 50.0)
    again = _open(qtbot, store, m, MATURA)
    assert again.mapping.findData("Matura OKE") >= 0
    _choose(qtbot, again.mapping, "Matura OKE")
    assert again.column_choices()["matematyka|mean_pct"].endswith("Średni wynik (%)")
    assert again.target.currentText() == "wyniki matury"
    again.year.setValue(2024)
    qtbot.mouseClick(again.preview_button, Qt.MouseButton.LeftButton)
    text = again.preview_text.toPlainText()
    assert "zmienione: 1" in text
    assert "matematyka: Średnia w powiecie (%) 55,1" in text
    assert f"~ zmiana: {LICEUM}, 2024/2025, matematyka: Średni wynik (%) 50 → 63,8" in text


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("oke_matura_broken_pass_rate.xlsx", "Wiersz 5"),
        ("not_a_sheet.xlsx", "nie jest poprawnym arkuszem"),
        ("sio_zielonki.csv", "brak kolumn"),
    ],
)
def test_a_wrong_file_gets_a_clear_message_and_writes_nothing(
    qtbot: Any, store: Store, secondary: tuple[str, dict[str, School]], name: str, needle: str
) -> None:
    m, _schools = secondary
    before = take_snapshot(store)
    dialog = _open(qtbot, store, m, FIXTURES / name)
    _choose(qtbot, dialog.mapping, "oke-matura")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert needle in dialog.preview_text.toPlainText()
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # disabled: nothing
    assert take_snapshot(store) == before


def test_the_vocational_mapping_fills_the_qualification_columns_and_imports(
    qtbot: Any, demo_store: Store
) -> None:
    municipality, _new = load_demo(demo_store)
    m = municipality.id
    technikum = records.create(
        demo_store,
        School,
        m,
        name="Technikum nr 1 im. Hipolita Cegielskiego w Zielonkach Wielkich",
        school_type="technikum",
        rspo="52024",
    )
    dialog = _open(qtbot, demo_store, m, FIXTURES / "oke_zawodowy_zielonki_2025.xlsx")
    _choose(qtbot, dialog.mapping, "oke-zawodowy")
    chosen = dialog.column_choices()
    assert chosen["subject"] == "Kwalifikacja"
    assert chosen["*|pass_rate"] == "Egzamin ogółem / Zdało egzamin (%)"
    dialog.year.setValue(2024)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "Nowe: 5" in dialog.preview_text.toPlainText()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    stored = {
        r.subject: r for r in records.children(demo_store, ExamResult, school_id=technikum.id)
    }
    assert stored["INF.03"].pass_rate == 82.1 and stored["INF.03"].exam is ExamKind.VOCATIONAL
    assert stored["ogółem"].country_pct == 63.5
