"""The dialogs of the overview, team, plan and HDR pages fit a 1366×768 laptop at 125 %.

Each opens within 1093×558 logical pixels (less the title bar), shows every label
whole and speaks the program's language (no Polish unit in the English window).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QDialog

from app import i18n
from app.demo import demo_municipality_id
from app.model import DevelopmentSchedule, Indicator, School, SupportStage
from app.services import hdr, indicators, records
from app.services.school_data import snapshot as snapshots
from app.storage.store import Store
from tests.ui.test_fit_screen import DIALOG_ROOM, cut_labels, cut_placeholders
from ui.context import EditorContext
from ui.dialogs.advance_stage import AdvanceStageDialog
from ui.dialogs.bind_indicator import BindIndicatorDialog
from ui.dialogs.measurement import MeasurementDialog
from ui.dialogs.new_hdr import CopyHdrDialog, NewHdrDialog
from ui.dialogs.new_municipality import NewMunicipalityDialog
from ui.dialogs.new_plan import NewPlanDialog
from ui.dialogs.quick_note import QuickNoteDialog


@pytest.fixture(params=["pl", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("pl")


def _counted_in_schools(store: Store) -> Indicator:
    every = records.children(store, Indicator)
    return next(i for i in every if i.unit and i.unit.startswith("szk"))


def _dialogs(store: Store) -> dict[str, Callable[[], QDialog]]:
    context = EditorContext(store, QUndoStack())
    municipality = demo_municipality_id()
    schedule = hdr.schedules_of(store, municipality)[0]
    indicator = _counted_in_schools(store)
    school = records.children(store, School, municipality_id=municipality)[0]

    def ignore(*_args: Any) -> None:
        return None

    return {
        "new municipality": lambda: NewMunicipalityDialog(context),
        "new plan": lambda: NewPlanDialog(context, municipality, "Gmina Zielonki Wielkie"),
        "new HDR": lambda: NewHdrDialog(context, municipality),
        "copy HDR": lambda: _copy(context, schedule),
        "measurement": lambda: MeasurementDialog(
            indicator, indicators.state(store, indicator.id), ignore
        ),
        "advance stage": lambda: AdvanceStageDialog(
            school.name, SupportStage.DIAGNOSIS, SupportStage.AGREEMENT, ignore
        ),
        "bind indicator": lambda: BindIndicatorDialog(
            store, municipality, snapshots.load(store, municipality).schools
        ),
        "quick note": lambda: QuickNoteDialog(context, municipality),
    }


def _copy(context: EditorContext, schedule: DevelopmentSchedule) -> QDialog:
    return CopyHdrDialog(context, schedule, 16)


def test_every_dialog_fits_the_laptop_with_nothing_cut(
    qtbot: Any, demo_store: Store, language: str
) -> None:
    room = DIALOG_ROOM
    problems = []
    for name, make in _dialogs(demo_store).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        wanted = dialog.minimumSizeHint()
        if wanted.boundedTo(room) != wanted:
            problems.append(f"{name}: needs {wanted.width()}×{wanted.height()}")
        dialog.resize(dialog.size().boundedTo(room))
        QApplication.processEvents()
        found = cut_labels(dialog) + cut_placeholders(dialog)
        problems += [f"{name}: {problem}" for problem in found]
        dialog.close()
    assert problems == [], "\n".join(problems)


def test_the_measurement_value_shows_its_unit_in_the_window_language(
    qtbot: Any, demo_store: Store, language: str
) -> None:
    indicator = _counted_in_schools(demo_store)
    state = indicators.state(demo_store, indicator.id)
    dialog = MeasurementDialog(indicator, state, lambda _values: None)
    qtbot.addWidget(dialog)
    assert dialog.value.suffix().strip() == {"pl": "szkoły", "en": "schools"}[language]
