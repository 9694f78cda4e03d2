"""Text in coloured HDR cells reads at WCAG AA (4.5:1); progress bars have no alarm frames."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from app.demo import load_demo
from app.model import ActionStatus, ScheduleItem
from app.services import hdr, records
from app.services.overview_signals import Progress
from app.storage.store import Store
from ui.contrast import AA_TEXT, contrast_ratio
from ui.models.schedule import STATUS, ScheduleTreeModel
from ui.widgets.hdr_progress import StatusBar

LATE = date(2030, 1, 1)  # everything unfinished is overdue by then


def _status_cells(model: ScheduleTreeModel) -> list[QModelIndex]:
    cells = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        cells += [model.index(row, STATUS, parent) for row in range(model.rowCount(parent))]
    return cells


@pytest.mark.parametrize("status", list(ActionStatus))
def test_status_cells_reach_aa_contrast(qapp: Any, demo_store: Store, status: ActionStatus) -> None:
    municipality, _created = load_demo(demo_store)
    [schedule] = hdr.schedules_of(demo_store, municipality.id)
    groups = hdr.items_by_priority(demo_store, schedule.id)
    for group in groups:
        for item in group.items:
            records.update(demo_store, ScheduleItem, item.id, status=status.value)
    model = ScheduleTreeModel()
    model.set_schedule(schedule, hdr.items_by_priority(demo_store, schedule.id), {}, LATE)
    cells = _status_cells(model)
    assert cells
    for cell in cells:
        background = cell.data(Qt.ItemDataRole.BackgroundRole).color()
        brush = cell.data(Qt.ItemDataRole.ForegroundRole)
        text = brush.color() if brush is not None else QColor("#000000")
        ratio = contrast_ratio(text, background)
        assert ratio >= AA_TEXT, f"{status}: {text.name()} on {background.name()} is {ratio:.2f}:1"


def test_an_overdue_bar_has_the_same_quiet_frame(qtbot: Any) -> None:
    frames = []
    for overdue in (0, 3):
        bar = StatusBar()
        qtbot.addWidget(bar)
        bar.resize(240, 24)
        bar.set_progress(Progress(total=5, done=2, planned=3, overdue=overdue))
        image = bar.grab().toImage()
        frames.append(image.pixelColor(bar.width() // 2, 2).name())
    assert frames[0] == frames[1]
    assert QColor(frames[1]).red() - QColor(frames[1]).green() < 60, "no red alarm frame"
