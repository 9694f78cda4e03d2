"""Colour contrast as WCAG 2 measures it, and the pale tints that keep text readable.

Text in a coloured cell must reach 4.5:1 against its background (WCAG AA);
:func:`tint` mixes a status colour with white until dark text and the overdue
red both stay above that.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

AA_TEXT = 4.5


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    red, green, blue = (_linear(c) for c in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: QColor, second: QColor) -> float:
    """From 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def tint(colour: str, share: float = 0.3) -> QColor:
    """``colour`` at ``share`` strength over white: a cell background that text reads on."""
    base = QColor(colour)
    mixed = (round(255 - (255 - c) * share) for c in (base.red(), base.green(), base.blue()))
    return QColor(*mixed)


def cell_colours(names: tuple[str, ...]) -> tuple[QColor, QColor]:
    """A cell's background and text colours from the first two of ``names``."""
    return QColor(names[0]), QColor(names[1])
