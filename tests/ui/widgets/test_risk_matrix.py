"""The risk matrix's legend shows every level whole, on more lines when the widget is narrow."""

from __future__ import annotations

from typing import Any

import pytest

from app import i18n
from ui.widgets.risk_matrix import RiskMatrixWidget


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("width", [260, 330, 700])
def test_the_legend_stays_inside_the_widget(qtbot: Any, language: str, width: int) -> None:
    i18n.set_language(language)
    try:
        widget = RiskMatrixWidget()
        qtbot.addWidget(widget)
        widget.resize(width, 400)
        widget.show()
        qtbot.waitExposed(widget)
        entries = widget.legend_entries()
        assert len(entries) == 4
        assert widget.legend_right() <= widget.width()
        lines = {line for line, _x, _label in entries}
        metrics = widget.fontMetrics()
        legend_top = widget.cell_rect(1, 1).bottom() + metrics.height() * 2 + 10
        legend_bottom = legend_top + len(lines) * (metrics.height() + 4)
        assert legend_bottom <= widget.height()  # the grid leaves room for every line
        if width >= 700:
            assert lines == {0}  # one line when there is room
    finally:
        i18n.set_language("pl")
