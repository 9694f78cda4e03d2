"""Chart axes, chosen once for the screen and the PDFs: round values, month ticks.

The window's indicator chart (``ui.widgets.indicator_chart``) and the PDF's
(``app.reports.charts``) call the same functions with the same data, so one
indicator gets the same value axis and the same kind of month ticks in both.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from app.months import month_at, month_index, months_spanned

MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)


def nice_step(raw: float, *, whole: bool = False) -> float:
    """1, 2, 2.5 or 5 times a power of ten, at least ``raw``.

    ``whole``: the values are counts (schools, people), so the step is a whole number.
    """
    if raw <= 0 or not math.isfinite(raw):
        return 1.0
    if whole and raw <= 1:
        return 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        step = factor * power
        if whole and not step.is_integer():
            continue
        if step >= raw * (1 - 1e-9):
            return step
    return 10 * power


def value_ticks(
    values: Sequence[float], count: int, points: Sequence[float] = (), *, whole: bool = False
) -> list[float]:
    """Round tick values covering ``values`` (about ``count`` of them).

    Where a measured point (one of ``points``) is the lowest or highest value, a
    little air is added so that it does not sit on the frame; never below zero
    for values that are not negative. Equal values get a band around them.
    ``whole``: counts, so every tick is a whole number (no 2,5 schools).
    """
    lo, hi = min(values), max(values)
    if hi == lo:
        pad = max(abs(lo) * 0.1, 1.0)
        lo, hi = (lo - pad if lo - pad >= 0 or lo < 0 else 0.0), hi + pad
    elif points:
        pad = (hi - lo) * 0.03
        if min(points) <= lo:
            lo = lo - pad if lo - pad >= 0 or lo < 0 else 0.0
        if max(points) >= hi:
            hi += pad
    step = nice_step((hi - lo) / max(count - 1, 1), whole=whole)
    first = math.floor(lo / step + 1e-9) * step
    last = math.ceil(hi / step - 1e-9) * step
    digits = max(0, -math.floor(math.log10(step)) + 1)
    ticks: list[float] = []
    value = first
    while value <= last + step / 2:
        ticks.append(round(value, digits))
        value += step
    return ticks


def month_ticks(lo: date, hi: date, most: int, min_step: int = 1) -> tuple[list[date], int]:
    """First days of months within ``lo``…``hi``, every ``step`` months, at most ``most``.

    Ticks fall on calendar boundaries (quarters on January, April, …; years on
    January), whatever month the range starts in.
    """
    months = months_spanned(lo, hi)
    steps = [s for s in MONTH_STEPS if s >= min_step]
    step = next((s for s in steps if months / s <= max(most, 1)), MONTH_STEPS[-1])
    ticks: list[date] = []
    index = month_index(lo) + (1 if lo.day != 1 else 0)
    while (day := month_at(index)) <= hi:
        if index % step == 0:
            ticks.append(day)
        index += 1
    return ticks, step
