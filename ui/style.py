"""One application style tweak: table headers wrap onto two lines instead of being cut.

A narrow column used to show "/artość docelow" or "Uc"; with :class:`HeaderStyle`
a header label breaks between words (up to two lines) and is elided only when a
single word cannot fit. Installed once on the application by :func:`install`.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QWidget,
)

HEADER_LINES = 2


class HeaderStyle(QProxyStyle):
    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_HeaderLabel and isinstance(
            option, QStyleOptionHeader
        ):
            self._draw_label(option, painter)
            return
        super().drawControl(element, option, painter, widget)

    def _draw_label(self, option: QStyleOptionHeader, painter: QPainter) -> None:
        rect = QRect(option.rect)
        if not option.icon.isNull():
            super().drawControl(
                QStyle.ControlElement.CE_HeaderLabel, option, painter, None
            )  # icons are rare in headers: the usual drawing
            return
        metrics = QFontMetrics(painter.font())
        text = wrapped(option.text, metrics, rect.width(), lines_in(rect.height(), metrics))
        align = int(option.textAlignment) | int(Qt.AlignmentFlag.AlignVCenter)
        painter.save()
        painter.setPen(option.palette.color(option.palette.ColorRole.ButtonText))
        painter.drawText(rect, align, text)
        painter.restore()

    def sizeFromContents(
        self,
        kind: QStyle.ContentsType,
        option: QStyleOption,
        size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        found = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]
        if (
            kind == QStyle.ContentsType.CT_HeaderSection
            and isinstance(option, QStyleOptionHeader)
            and " " in option.text.strip()
            and widget is not None
        ):
            line = widget.fontMetrics().lineSpacing()
            found.setHeight(found.height() + line * (HEADER_LINES - 1))
        return found


def lines_in(height: int, metrics: QFontMetrics) -> int:
    """How many lines a header ``height`` tall holds (at least :data:`HEADER_LINES`)."""
    return max(HEADER_LINES, height // max(1, metrics.lineSpacing()))


def wrapped(text: str, metrics: QFontMetrics, width: int, most: int = HEADER_LINES) -> str:
    """``text`` broken into at most ``most`` lines of ``width``; elided if need be."""
    words = text.split()
    lines: list[str] = []
    while words and len(lines) < most:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width - 2:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = f"{lines[-1]} {' '.join(words)}"
    lines = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]
    return "\n".join(lines)


def fits(text: str, metrics: QFontMetrics, width: int, height: int) -> bool:
    """Whether ``text`` shows whole in a header section of that size (tests use it)."""
    return "…" not in wrapped(text, metrics, width, lines_in(height, metrics)) or "…" in text


def install(app: QApplication) -> None:
    """Give ``app`` the header style once (later calls do nothing)."""
    if not isinstance(app.style(), HeaderStyle):
        app.setStyle(HeaderStyle(app.style().name()))
