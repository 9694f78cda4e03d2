"""Przegląd: the chosen municipality at a glance."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.changes import Change, ChangeKind
from app.i18n import _
from app.services.municipalities import MunicipalitySummary, summaries
from ui.pages.base import Page


class OverviewPage(Page):
    key = "overview"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel()
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setWordWrap(True)
        self._label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._label.setMargin(16)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._label)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def title(self) -> str:
        return _("Przegląd")

    def on_change(self, change: Change) -> None:
        if change.kind is not ChangeKind.UPDATED or change.record_type == "municipality":
            self.refresh()

    def refresh(self) -> None:
        if self.store is None or self.municipality_id is None:
            self._label.setText("")
            return
        found = [s for s in summaries(self.store) if s.municipality.id == self.municipality_id]
        self._label.setText(render_summary(found[0]) if found else "")


def render_summary(summary: MunicipalitySummary) -> str:
    m = summary.municipality
    facts = [
        (_("Rodzaj"), m.kind.label),
        (_("Kod TERYT"), m.teryt or "—"),
        (_("Województwo"), m.voivodeship or "—"),
        (
            _("Liczba mieszkańców"),
            f"{m.population:,}".replace(",", "\u00a0") if m.population else "—",
        ),
        (_("Adres"), m.address or "—"),
        (_("Kontakt"), ", ".join(x for x in (m.email, m.phone) if x) or "—"),
    ]
    rows = "".join(
        f"<tr><td style='color:#555;padding-right:16px'>{escape(k)}</td><td>{escape(v)}</td></tr>"
        for k, v in facts
    )
    counts = _(
        "Zespół: {team} osób · szkoły i placówki: {schools} · działania planu: {actions} · "
        "notatki monitoringowe: {notes}"
    ).format(
        team=summary.team_count,
        schools=summary.school_count,
        actions=summary.action_count,
        notes=summary.note_count,
    )
    parts = [f"<h2>{escape(m.name)}</h2>"]
    if m.is_demo:
        parts.append(
            f"<p><i>{escape(_('Dane demonstracyjne — fikcyjna JST do poznania programu.'))}</i></p>"
        )
    parts.append(f"<table>{rows}</table><p>{escape(counts)}</p>")
    for heading, docs in (
        (_("Plany rozwoju oświaty"), summary.plans),
        (_("Harmonogramy działań rozwojowych (HDR)"), summary.schedules),
        (_("Wizyty doradcze"), summary.visits),
    ):
        parts.append(f"<h3>{escape(heading)}</h3>")
        if docs:
            items = "".join(
                f"<li>{escape(d.title)} <span style='color:#555'>({escape(d.detail)})</span></li>"
                for d in docs
            )
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p style='color:#555'>{escape(_('Brak.'))}</p>")
    return "".join(parts)
