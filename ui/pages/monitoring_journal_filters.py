"""The journal's filters: search, kind, period, link, author and open follow-ups.

:class:`ui.pages.monitoring_journal.JournalPanel` builds on these; the filter's
value is :meth:`JournalFilters.note_filter`, which the panel lists notes by.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.i18n import _
from app.model import NoteKind
from app.services import journal, links
from app.services.journal import NO_LINK, NoteFilter, Period
from ui.forms.editors import DateEditor, enum_choices
from ui.pages.split_panel import SplitPanel
from ui.widgets.field_error import ERROR_STYLE

CUSTOM_PERIOD = "custom"


class JournalFilters(SplitPanel):
    """The filter row of the journal panel, which sets ``_search_timer`` and lists notes."""

    _search_timer: QTimer

    def reload_list(self, keep: str | None = None) -> None:
        raise NotImplementedError  # the panel lists the notes the filter lets through

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("journal_search")
        self.search.setPlaceholderText(_("Szukaj w notatkach…"))  # whole at 125 %
        self.search.setToolTip(
            _("Szukaj w notatkach (wielkość liter i polskie znaki bez znaczenia)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Szukaj w notatkach"))
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.kind_filter = _combo(_("Rodzaj notatki"))
        self.kind_filter.addItem(_("Wszystkie rodzaje"), None)
        for value, label in enum_choices(NoteKind):
            self.kind_filter.addItem(label, value)
        self.period_filter = _combo(_("Okres"))
        for period in Period:
            self.period_filter.addItem(period.label, period.value)
        self.period_filter.addItem(_("Zakres dat…"), CUSTOM_PERIOD)
        self.date_from = DateEditor()
        self.date_from.setAccessibleName(_("Od dnia"))
        self.date_to = DateEditor()
        self.date_to.setAccessibleName(_("Do dnia"))
        self.date_to.neighbour = self.date_from
        self.period_dash = QLabel("–")
        self.link_filter = _combo(_("Powiązanie"))
        self.link_filter.setMaximumWidth(280)
        self.link_filter.view().setMinimumWidth(460)
        self.author_filter = _combo(_("Autor"))
        self.open_only = QCheckBox(_("Tylko otwarte dalsze kroki"))
        self.open_only.setToolTip(
            _("Notatki z dalszymi krokami, które nie zostały jeszcze wykonane")
        )
        self.clear_button = QPushButton(_("Wyczyść filtry"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.filter_error = QLabel()
        self.filter_error.setStyleSheet(ERROR_STYLE)
        self.filter_error.hide()
        self.count_label = QLabel()
        for combo in (self.kind_filter, self.period_filter, self.link_filter, self.author_filter):
            combo.activated.connect(lambda _index: self._filters_changed())
        for editor in (self.date_from, self.date_to):
            editor.committed.connect(self._filters_changed)
        self.open_only.toggled.connect(lambda _on: self._filters_changed())

    def _filter_rows(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        first = QHBoxLayout()  # the search gives way: the author's names stay whole
        first.addWidget(self.search, 1)
        first.addWidget(_buddy(_("Autor:"), self.author_filter))
        first.addWidget(self.author_filter)
        first.addWidget(self.open_only)
        first.addWidget(self.clear_button)
        second = QHBoxLayout()
        for label, widget in ((_("Rodzaj:"), self.kind_filter), (_("Okres:"), self.period_filter)):
            second.addWidget(_buddy(label, widget))
            second.addWidget(widget)
        for editor in (self.date_from, self.period_dash, self.date_to):
            second.addWidget(editor)
        second.addWidget(_buddy(_("Dotyczy:"), self.link_filter))
        second.addWidget(self.link_filter)
        second.addStretch(1)
        return first, second

    def note_filter(self) -> NoteFilter:
        kind = self.kind_filter.currentData()
        link_type, link_id = self._link_filter_value()
        date_from, date_to = self._period()
        return NoteFilter(
            kinds=frozenset({NoteKind(kind)}) if kind else frozenset(),
            date_from=date_from,
            date_to=date_to,
            link_type=link_type,
            link_id=link_id,
            author=self.author_filter.currentData(),
            text=self.search.text(),
            open_follow_ups=self.open_only.isChecked(),
        )

    def _link_filter_value(self) -> tuple[str | None, str | None]:
        value = self.link_filter.currentData()
        if value == NO_LINK:
            return NO_LINK, None
        link = links.parse_key(value)
        return link if link is not None else (None, None)

    def _period(self) -> tuple[date | None, date | None]:
        value = self.period_filter.currentData()
        if value == CUSTOM_PERIOD:
            return self.date_from.value(), self.date_to.value()
        return journal.period_bounds(Period(value), self.today)

    def _period_changed(self) -> None:
        custom = self.period_filter.currentData() == CUSTOM_PERIOD
        if custom and not self.date_from.text().strip():
            start, end = journal.school_year(self.today)
            self.date_from.set_value(start)
            self.date_to.set_value(end)
        for widget in (self.date_from, self.period_dash, self.date_to):
            widget.setVisible(custom)

    def _filters_changed(self) -> None:
        self._period_changed()
        self.reload_list()

    def clear_filters(self) -> None:
        self._reset_filters()
        self.reload_list()

    def _reset_filters(self) -> None:
        for combo in (self.kind_filter, self.period_filter, self.link_filter, self.author_filter):
            combo.setCurrentIndex(0)
        self.open_only.blockSignals(True)
        self.open_only.setChecked(False)
        self.open_only.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        self._period_changed()

    def _fill_filter_choices(self) -> None:
        store = self.context.store if self.context else None
        m = self.municipality_id
        authors = journal.authors(store, m) if store and m else []
        _refill(self.author_filter, [(None, _("Wszyscy autorzy"))] + [(a, a) for a in authors])
        targets = journal.linked_targets(store, m) if store and m else []
        choices: list[tuple[Any, str]] = [
            (None, _("Wszystkie powiązania")),
            (NO_LINK, _("Bez powiązania")),
        ]
        choices += [(t.key, t.label) for t in targets]
        _refill(self.link_filter, choices)


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _refill(combo: QComboBox, choices: list[tuple[Any, str]]) -> None:
    """Replace the choices, keeping the current one when it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for value, label in choices:
        combo.addItem(label, value)
        combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
