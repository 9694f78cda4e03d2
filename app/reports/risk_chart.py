"""The 5×5 risk matrix for the reports (probability × impact), in grey levels."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group, Rect
from reportlab.lib import colors

from app.i18n import _
from app.reports import fonts
from app.reports.charts import LABEL_SIZE, chart_canvas, chart_text
from app.reports.styles import (
    INK,
    MUTED,
    RULE,
    SHADES,
    WHITE,
)
from app.reports.values import DASH

# Score bands (probability × impact) and their grey levels, light to dark.
RISK_BANDS: tuple[tuple[int, int], ...] = ((1, 4), (5, 9), (10, 14), (15, 25))


def risk_band(score: int) -> int:
    return next(i for i, (low, high) in enumerate(RISK_BANDS) if low <= score <= high)


def risk_band_label(score: int) -> str:
    labels = (_("niskie"), _("średnie"), _("wysokie"), _("krytyczne"))
    return labels[risk_band(score)]


def risk_matrix(cells: dict[tuple[int, int], list[str]], cell: float = 40.0) -> Drawing:
    """The 5×5 matrix; ``cells[(probability, impact)]`` are the risk numbers in each cell."""
    left, bottom = 34.0, 40.0
    size = 5 * cell
    drawing = chart_canvas(left + size + 8, bottom + size + 8)
    for probability in range(1, 6):
        for impact in range(1, 6):
            band = risk_band(probability * impact)
            fill = SHADES[band + 1] if band < 3 else SHADES[4]
            text_color = WHITE if band >= 2 else INK
            x = left + (impact - 1) * cell
            y = bottom + (probability - 1) * cell
            drawing.add(Rect(x, y, cell, cell, fillColor=fill, strokeColor=WHITE, strokeWidth=1.5))
            names = cells.get((probability, impact), [])
            _cell_labels(drawing, names, x, y, cell, text_color)
    for index in range(1, 6):
        middle = (index - 0.5) * cell
        drawing.add(chart_text(left - 6, bottom + middle - 2.5, str(index), anchor="end", size=8))
        drawing.add(chart_text(left + middle, bottom - 11, str(index), anchor="middle", size=8))
    drawing.add(
        chart_text(left + size / 2, bottom - 24, _("Wpływ"), bold=True, anchor="middle", size=8)
    )
    probability_label = chart_text(
        0, 0, _("Prawdopodobieństwo"), bold=True, anchor="middle", size=8
    )
    vertical = Group(probability_label)
    vertical.translate(12, bottom + size / 2)
    vertical.rotate(90)
    drawing.add(vertical)
    described = [
        _("prawdopodobieństwo {p}, wpływ {i}: {names}").format(p=p, i=i, names=", ".join(names))
        for (p, i), names in sorted(cells.items())
        if names
    ]
    drawing.alt_text = _("Macierz ryzyk 5×5: {cells}.").format(cells="; ".join(described) or DASH)
    return drawing


def _cell_labels(
    drawing: Drawing, names: list[str], x: float, y: float, cell: float, color: colors.Color
) -> None:
    if not names:
        return
    lines: list[str] = []
    current = ""
    for name in names:
        candidate = f"{current}, {name}" if current else name
        if fonts.string_width(candidate, 7.5, fonts.BOLD) > cell - 6 and current:
            lines.append(current + ",")
            current = name
        else:
            current = candidate
    lines.append(current)
    if len(lines) > 3:  # too many to list in the cell: say how many
        lines = [_("ryzyka: {count}").format(count=len(names))]
    top = y + cell / 2 + (len(lines) - 1) * 4.5
    for index, line in enumerate(lines):
        drawing.add(
            chart_text(
                x + cell / 2,
                top - index * 9 - 2.5,
                line,
                bold=True,
                size=7.5,
                anchor="middle",
                color=color,
            )
        )


def risk_legend() -> Drawing:
    drawing = chart_canvas(300, 14)
    x = 0.0
    for index, (low, high) in enumerate(RISK_BANDS):
        fill = SHADES[index + 1] if index < 3 else SHADES[4]
        drawing.add(Rect(x, 2, 12, 9, fillColor=fill, strokeColor=RULE, strokeWidth=0.4))
        label = f"{risk_band_label(low)} ({low}–{high})"
        drawing.add(chart_text(x + 16, 4, label, color=MUTED))
        x += 26 + fonts.string_width(label, LABEL_SIZE)
    return drawing
