"""Painting the timeline: grid, bars by status, group spans, today, header, names; the legend.

A bar's colour, its hatching and the mark at its start all tell its status, so a
greyscale printout still reads; an overdue bar gets a thick red outline and a ⚠
after its end, and a red dashed line marks today. Months outside the period are
hatched grey.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app import timeline
from app.i18n import _
from app.model import ActionStatus
from app.months import month_index
from ui.models.schedule import OVERDUE_COLOUR, STATUS_STYLES, WARNING_MARK, TimelineRow
from ui.widgets.gantt_area import (
    INDENT,
    LABEL_WIDTH,
    MONTHS,
    OUTSIDE_FILL,
    TODAY_COLOUR,
    TimelineArea,
)


def shown_part(box: QRect, left: int, right: int) -> QRect:
    """The part of ``box`` between ``left`` and ``right`` (the timeline beside the names)."""
    start, end = max(box.left(), left), min(box.right() + 1, right)
    return QRect(start, box.top(), max(end - start, 0), box.height())


class TimelinePainter:
    """One paint of the timeline: grid, rows, bars, today, header, names."""

    def __init__(self, view: TimelineArea, painter: QPainter) -> None:
        self.view = view
        self.painter = painter
        palette = view.palette()
        self.base = palette.base().color()
        self.text = palette.text().color()
        self.grid = palette.mid().color()
        self.light_grid = QColor(self.grid)
        self.light_grid.setAlpha(70)
        self.highlight = QColor(palette.highlight().color())
        self.highlight.setAlpha(45)
        self.band = palette.alternateBase().color()
        self.summary = QColor(self.text)
        self.summary.setAlpha(170)
        self.width = view.viewport().width()
        self.height = view.viewport().height()
        self.bold = QFont(view.font())
        self.bold.setBold(True)
        self.small = QFont(view.font())
        self.small.setPointSizeF(max(view.font().pointSizeF() * 0.9, 6.5))

    def draw(self) -> None:
        painter, view = self.painter, self.view
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(0, 0, self.width, self.height, self.base)
        timeline = QRect(LABEL_WIDTH, 0, self.width - LABEL_WIDTH, self.height)
        painter.save()
        painter.setClipRect(timeline)
        self._outside_period()
        self._row_bands(LABEL_WIDTH)
        self._grid()
        for row in view.visible_rows():
            record = view.rows[row]
            if record.kind == "item":
                self._bar(row, record)
            else:
                self._summary(row, record)
        self._today()
        painter.restore()
        self._names()
        self._header()
        if not view.rows:
            self._empty()

    # -- background ------------------------------------------------------------------------

    def _outside_period(self) -> None:
        view = self.view
        if view.period is None:
            return
        colour = QColor(OUTSIDE_FILL)
        colour.setAlpha(90)
        brush = QBrush(colour, Qt.BrushStyle.BDiagPattern)
        top = view.header_height
        before = view.x_of(month_index(view.period[0]))
        after = view.x_of(month_index(view.period[1]) + 1)
        self.painter.fillRect(QRect(LABEL_WIDTH, top, before - LABEL_WIDTH, self.height), brush)
        self.painter.fillRect(QRect(after, top, self.width - after, self.height), brush)

    def _row_bands(self, left: int) -> None:
        view = self.view
        for row in view.visible_rows():
            record = view.rows[row]
            top = view.row_top(row)
            if top > self.height or top + view.row_height < view.header_height:
                continue
            rect = QRect(left, top, self.width - left, view.row_height)
            if record.kind == "priority":
                self.painter.fillRect(rect, self.band)
            if record.id == view.selected_id:
                self.painter.fillRect(rect, self.highlight)

    def _grid(self) -> None:
        view = self.view
        for index in range(view._first, view._last + 2):
            x = view.x_of(index)
            if x < LABEL_WIDTH or x > self.width:
                continue
            month = index % 12
            if month == 0:
                self.painter.setPen(QPen(self.grid, 1))
            elif view.zoom == MONTHS or month % 3 == 0:
                self.painter.setPen(QPen(self.light_grid, 1))
            else:
                continue
            self.painter.drawLine(x, view.header_height, x, self.height)

    # -- bars ------------------------------------------------------------------------------------

    def _bar(self, row: int, record: TimelineRow) -> None:
        """The item's bar, or one bar a period (a recurring task), with its marks."""
        view = self.view
        rects = [
            rect
            for rect in view.bar_rects(record.id)
            if rect.bottom() >= view.header_height and rect.top() <= self.height
        ]
        if not rects:
            return
        style = STATUS_STYLES[record.status]
        for rect in rects:
            self._box(rect, record)
        self._mark(rects[0], rects[-1], style.mark, record)
        if record.id == view.selected_id and view.editable:
            self._handles(rects[0])

    def _box(self, rect: QRect, record: TimelineRow) -> None:
        view, painter = self.view, self.painter
        style = STATUS_STYLES[record.status]
        painter.fillRect(rect, QColor(style.fill))
        if style.pattern != Qt.BrushStyle.SolidPattern:
            painter.fillRect(rect, QBrush(QColor(style.edge), style.pattern))
        selected = record.id == view.selected_id
        dragging = view._drag is not None and view._drag.item_id == record.id
        edge = QColor(OVERDUE_COLOUR) if record.overdue else QColor(style.edge)
        width = 3 if record.overdue else (2 if selected or dragging else 1)
        painter.setPen(
            QPen(edge, width, Qt.PenStyle.DashLine if dragging else Qt.PenStyle.SolidLine)
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0, 0, -1, -1))

    def _mark(self, rect: QRect, last: QRect, mark: str, record: TimelineRow) -> None:
        """The status mark at the first bar's start (beside it if narrow), ⚠ after the last."""
        painter = self.painter
        metrics = QFontMetrics(self.bold)
        painter.setFont(self.bold)
        mark_width = metrics.horizontalAdvance(mark) + 6
        if rect.width() >= mark_width + 2:
            box = QRect(rect.left() + 1, rect.top(), mark_width, rect.height())
            self._haloed_text(box, mark, QColor("#ffffff"), QColor("#1a1a1a"))
            after = last.right() + 4
        else:
            box = QRect(rect.right() + 3, rect.top(), mark_width, rect.height())
            self._haloed_text(box, mark, self.base, self.text)
            after = max(box.right() + 2, last.right() + 4)
        if record.overdue or record.warning:
            colour = QColor(OVERDUE_COLOUR) if record.overdue else QColor("#8a5300")
            painter.setPen(colour)
            warn = QRect(
                after, rect.top(), metrics.horizontalAdvance(WARNING_MARK) + 4, rect.height()
            )
            painter.drawText(warn, Qt.AlignmentFlag.AlignCenter, WARNING_MARK)

    def _haloed_text(self, box: QRect, text: str, halo: QColor, colour: QColor) -> None:
        """Text with a thin outline of ``halo``: readable on any bar colour and pattern."""
        painter = self.painter
        metrics = QFontMetrics(self.bold)
        x = box.left() + (box.width() - metrics.horizontalAdvance(text)) / 2
        y = box.top() + (box.height() + metrics.ascent() - metrics.descent()) / 2
        path = QPainterPath()
        path.addText(QPointF(x, y), self.bold, text)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(
            QPen(halo, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path)
        painter.restore()

    def _handles(self, rect: QRect) -> None:
        painter = self.painter
        painter.setPen(QPen(self.text, 1))
        painter.setBrush(self.base)
        for x in (rect.left(), rect.right()):
            painter.drawRect(QRect(x - 3, rect.center().y() - 5, 6, 10))

    def _summary(self, row: int, record: TimelineRow) -> None:
        """A priority's span: a thin dark bar from its first start to its last end."""
        view = self.view
        children = []
        for other in view.rows[row + 1 :]:
            if other.kind != "item":
                break
            span = view._span(other)
            if span is not None:
                children.append(span)
        if not children:
            return
        left = view.x_of(min(s for s, _e in children))
        right = view.x_of(max(e for _s, e in children) + 1)
        middle = view.row_top(row) + view.row_height // 2
        painter = self.painter
        painter.fillRect(QRect(left, middle - 2, right - left, 4), self.summary)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.summary)
        for x in (left, right):
            tip = QPainterPath()
            tip.moveTo(x - 4, middle + 1)
            tip.lineTo(x + 4, middle + 1)
            tip.lineTo(x, middle + 6)
            tip.closeSubpath()
            painter.drawPath(tip)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _today_x(self) -> int:
        view = self.view
        middle = timeline.day_middle(view.today)
        index = int(middle)
        return view.x_of(index) + round((middle - index) * view.month_width)

    def _today(self) -> None:
        view = self.view
        x = self._today_x()
        if x < LABEL_WIDTH or x > self.width:
            return
        pen = QPen(QColor(TODAY_COLOUR), 2, Qt.PenStyle.DashLine)
        self.painter.setPen(pen)
        self.painter.drawLine(x, view.header_height // 2, x, self.height)

    # -- header and names --------------------------------------------------------------------------

    def _header(self) -> None:
        view, painter = self.view, self.painter
        line = view.header_height // 2
        painter.fillRect(0, 0, self.width, view.header_height, self.band)
        painter.save()
        painter.setClipRect(QRect(LABEL_WIDTH, 0, self.width - LABEL_WIDTH, view.header_height))
        painter.setFont(self.bold)
        painter.setPen(self.text)
        for year in range(view._first // 12, view._last // 12 + 1):
            box = QRect(view.x_of(year * 12), 0, 12 * view.month_width, line)
            self._label(box, str(year))
            painter.setPen(QPen(self.grid, 1))
            painter.drawLine(view.x_of(year * 12), 0, view.x_of(year * 12), view.header_height)
            painter.setPen(self.text)
        painter.setFont(self.small)
        for index, text, span in self._ticks():
            self._label(QRect(view.x_of(index), line, span * view.month_width, line), text)
        self._today_label(line)
        painter.restore()
        painter.setPen(QPen(self.grid, 1))
        painter.drawLine(0, view.header_height - 1, self.width, view.header_height - 1)
        painter.setFont(self.bold)
        painter.setPen(self.text)
        painter.drawText(
            QRect(8, 0, LABEL_WIDTH - 12, view.header_height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            view.names_heading,
        )

    def _label(self, box: QRect, text: str) -> None:
        """``text`` centred in the part of ``box`` beside the names; left out if it is cut there."""
        shown = shown_part(box, LABEL_WIDTH, self.width)
        if shown.width() >= self.painter.fontMetrics().horizontalAdvance(text) + 4:
            self.painter.drawText(shown, Qt.AlignmentFlag.AlignCenter, text)

    def _ticks(self) -> list[tuple[int, str, int]]:
        view = self.view
        if view.zoom == MONTHS:
            locale = QLocale()
            return [
                (i, locale.standaloneMonthName(i % 12 + 1, QLocale.FormatType.ShortFormat), 1)
                for i in range(view._first, view._last + 1)
            ]
        return [
            (i, _("{quarter} kw.").format(quarter=name), 3)
            for i, name in timeline.quarter_ticks(view._first, view._last)
        ]

    def _today_label(self, line: int) -> None:
        painter = self.painter
        x = self._today_x()
        if x < LABEL_WIDTH or x > self.width:
            return
        text = _("dziś")
        metrics = QFontMetrics(self.small)
        box = QRect(
            x - metrics.horizontalAdvance(text) // 2 - 3,
            1,
            metrics.horizontalAdvance(text) + 6,
            line - 2,
        )
        painter.fillRect(box, QColor(TODAY_COLOUR))
        painter.setPen(QColor("#ffffff"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(self.text)

    def _names(self) -> None:
        view, painter = self.view, self.painter
        painter.save()
        painter.setClipRect(QRect(0, view.header_height, LABEL_WIDTH, self.height))
        painter.fillRect(QRect(0, view.header_height, LABEL_WIDTH, self.height), self.base)
        self._row_bands_in_names()
        for row in view.visible_rows():
            record = view.rows[row]
            top = view.row_top(row)
            if top > self.height or top + view.row_height < view.header_height:
                continue
            self._name(QRect(0, top, LABEL_WIDTH, view.row_height), record)
        if view.hasFocus() and view.selected_id:
            row = view._row_of(view.selected_id)
            focus = QRect(1, view.row_top(row) + 1, self.width - 3, view.row_height - 2)
            painter.setClipping(False)
            painter.setPen(QPen(self.text, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(focus)
        painter.restore()
        painter.setPen(QPen(self.grid, 1))
        painter.drawLine(LABEL_WIDTH - 1, 0, LABEL_WIDTH - 1, self.height)

    def _row_bands_in_names(self) -> None:
        view = self.view
        for row in view.visible_rows():
            record = view.rows[row]
            rect = QRect(0, view.row_top(row), LABEL_WIDTH, view.row_height)
            if record.kind == "priority":
                self.painter.fillRect(rect, self.band)
            if record.id == view.selected_id:
                self.painter.fillRect(rect, self.highlight)

    def _name(self, rect: QRect, record: TimelineRow) -> None:
        painter = self.painter
        if record.kind == "priority":
            font, left, colour = self.bold, 8 + record.depth * INDENT, self.text
        else:
            font, left = self.view.font(), 8 + max(record.depth, 1) * INDENT
            colour = QColor(OVERDUE_COLOUR) if record.overdue else self.text
        painter.setFont(font)
        painter.setPen(colour)
        text = record.label
        if record.kind == "item" and record.overdue:
            text = f"{WARNING_MARK} {text}"
        box = rect.adjusted(left, 0, -6, 0)
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, box.width())
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)

    def _empty(self) -> None:
        painter = self.painter
        painter.setPen(self.view.palette().placeholderText().color())
        painter.setFont(self.view.font())
        painter.drawText(
            QRectF(LABEL_WIDTH, self.view.header_height, self.width - LABEL_WIDTH, 80),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.view.empty_text,
        )


class GanttLegend(QWidget):
    """What the colours, patterns and marks of the timeline mean."""

    def __init__(
        self,
        parent: QWidget | None = None,
        timeline_marks: bool = True,
        outside: str = "",
    ) -> None:
        super().__init__(parent)
        self.timeline_marks = timeline_marks
        self.outside = outside or _("poza okresem HDR")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Legenda osi czasu") if timeline_marks else _("Legenda statusów"))

    def entries(self) -> list[tuple[str, str]]:
        entries = [(status.value, status.label) for status in ActionStatus]
        if not self.timeline_marks:
            return entries
        entries += [
            ("overdue", _("po terminie")),
            ("outside", self.outside),
            ("today", _("dziś")),
        ]
        return entries

    def _layout(self) -> list[tuple[QRect, str, str]]:
        """Where each entry goes, wrapping onto more lines when narrow."""
        metrics = self.fontMetrics()
        line = metrics.height() + 8
        x, y = 4, 2
        placed: list[tuple[QRect, str, str]] = []
        for key, text in self.entries():
            width = 30 + metrics.horizontalAdvance(text) + 18
            if x + width > self.width() and x > 4:
                x, y = 4, y + line
            placed.append((QRect(x, y, width, line), key, text))
            x += width
        return placed

    def sizeHint(self) -> QSize:
        rows = {rect.top() for rect, _k, _t in self._layout()}
        return QSize(600, (self.fontMetrics().height() + 8) * max(len(rows), 1) + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wanted = self.sizeHint().height()
        if wanted != self.height():  # wrapped onto more (or fewer) lines
            self.setFixedHeight(wanted)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            for rect, key, text in self._layout():
                swatch = QRect(rect.left(), rect.top() + 4, 24, rect.height() - 8)
                self._swatch(painter, swatch, key)
                painter.setPen(self.palette().text().color())
                painter.setFont(self.font())
                painter.drawText(
                    rect.adjusted(30, 0, 0, 0),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    text,
                )
        finally:
            painter.end()

    def _swatch(self, painter: QPainter, rect: QRect, key: str) -> None:
        if key in {s.value for s in ActionStatus}:
            style = STATUS_STYLES[ActionStatus(key)]
            painter.fillRect(rect, QColor(style.fill))
            if style.pattern != Qt.BrushStyle.SolidPattern:
                painter.fillRect(rect, QBrush(QColor(style.edge), style.pattern))
            painter.setPen(QPen(QColor(style.edge), 1))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, style.mark)
        elif key == "overdue":
            painter.fillRect(rect, QColor(STATUS_STYLES[ActionStatus.PLANNED].fill))
            painter.setPen(QPen(QColor(OVERDUE_COLOUR), 3))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        elif key == "outside":
            colour = QColor(OUTSIDE_FILL)
            colour.setAlpha(140)
            painter.fillRect(rect, QBrush(colour, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(self.palette().mid().color(), 1))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        else:
            pen = QPen(QColor(TODAY_COLOUR), 2)
            pen.setDashPattern([2.0, 1.5])
            painter.setPen(pen)
            x = rect.center().x()
            painter.drawLine(x, rect.top() - 2, x, rect.bottom() + 2)
