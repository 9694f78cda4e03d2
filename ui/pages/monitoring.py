"""Monitoring: the running record of implementation, in five tabs.

* Dziennik — notes of every kind, filtered and searched (:mod:`ui.pages.monitoring_journal`);
* Wskaźniki do uwagi — off track, at risk, stale; a measurement right there
  (:mod:`ui.pages.monitoring_attention`);
* Rejestr ryzyk — the register with its 5×5 matrix (:mod:`ui.pages.monitoring_risks`);
* Wspomaganie szkół — every school by stage of process support
  (:mod:`ui.pages.monitoring_schools`);
* Wnioski i rekomendacje — the officer's conclusions of each period, printed in the
  monitoring report of that period (:mod:`ui.pages.monitoring_conclusions`).

The page also gives the main window the "Szybka notatka" action (Ctrl+M) the
first time it is shown a municipality, and answers :meth:`MonitoringPage.current_link`
so that a quick note is linked to what is selected here.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from app.changes import Change
from app.i18n import _
from ui.context import EditorContext
from ui.pages.base import Page
from ui.pages.monitoring_attention import AttentionPanel
from ui.pages.monitoring_conclusions import ConclusionsPanel
from ui.pages.monitoring_journal import JournalPanel
from ui.pages.monitoring_risks import RisksPanel
from ui.pages.monitoring_schools import SchoolsPanel
from ui.quick_note_action import install_quick_note


class MonitoringPage(Page):
    key = "monitoring"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._titles_stale = False
        self.journal = JournalPanel()
        self.attention = AttentionPanel()
        self.risks = RisksPanel()
        self.schools = SchoolsPanel()
        self.conclusions = ConclusionsPanel()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.journal, _("Dziennik"))
        self.tabs.addTab(self.attention, _("Wskaźniki do uwagi"))
        self.tabs.addTab(self.risks, _("Rejestr ryzyk"))
        self.tabs.addTab(self.schools, _("Wspomaganie szkół"))
        self.tabs.addTab(self.conclusions, _("Wnioski i rekomendacje"))
        self.tabs.setTabToolTip(1, _("Wskaźniki poza planem, zagrożone lub bez aktualnego pomiaru"))
        self.journal.risk_created.connect(self._show_new_risk)
        self.journal.risk_requested.connect(self.show_risk)
        self.journal.measurement_requested.connect(self.attention.record_measurement)
        self.risks.note_requested.connect(self.show_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def title(self) -> str:
        return _("Monitoring")

    @property
    def panels(
        self,
    ) -> tuple[JournalPanel, AttentionPanel, RisksPanel, SchoolsPanel, ConclusionsPanel]:
        return (self.journal, self.attention, self.risks, self.schools, self.conclusions)

    def show_municipality(self, context: EditorContext | None, municipality_id: str | None) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            install_quick_note(window)
        super().show_municipality(context, municipality_id)

    def reload(self) -> None:
        for panel in self.panels:
            panel.show_municipality(self.context, self.municipality_id)
        self._update_tab_titles()

    def on_change(self, change: Change) -> None:
        """Each tab decides for itself; the count in a tab's title follows the indicators."""
        for panel in self.panels:
            panel.on_change(change)
        if change.record_type in ("indicator", "measurement", "municipality"):
            self._titles_stale = True
            if self.isVisible():
                self._update_tab_titles()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._titles_stale:
            self._update_tab_titles()

    def flush(self) -> None:
        for panel in self.panels:
            panel.flush()

    def set_today(self, today: date | None) -> None:
        """Evaluate statuses, periods and deadlines on ``today`` (tests, demonstrations)."""
        for panel in self.panels:
            panel.today = today
        self.refresh()

    def current_link(self) -> tuple[str, str] | None:
        """What is selected on the current tab, for a quick note: ``(link_type, link_id)``."""
        panel = self.tabs.currentWidget()
        finder = getattr(panel, "current_link", None)
        return finder() if callable(finder) else None

    def _update_tab_titles(self) -> None:
        self._titles_stale = False
        if self.store is None or self.municipality_id is None:
            self.tabs.setTabText(1, _("Wskaźniki do uwagi"))
            return
        from app.services import attention

        count = attention.counts(self.store, self.municipality_id, self.attention.today)
        title = _("Wskaźniki do uwagi")
        self.tabs.setTabText(1, f"{title} ({count.needing_attention})" if count.total else title)

    # -- moving between tabs ----------------------------------------------------------------

    def _show_new_risk(self, risk_id: str) -> None:
        self.show_risk(risk_id)
        self.risks.focus_scores()

    def show_risk(self, risk_id: str) -> None:
        self.tabs.setCurrentWidget(self.risks)
        self.risks.refresh()
        self.risks.select(risk_id)

    def show_note(self, note_id: str) -> None:
        self.tabs.setCurrentWidget(self.journal)
        self.journal.refresh()
        self.journal.show_note(note_id)
