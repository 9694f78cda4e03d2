"""The plan's header tab: information, diagnosis, vision and mission, and the SWOT grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QScrollArea, QVBoxLayout, QWidget

from app.i18n import N_, _
from app.model import StrategicPlan
from ui.forms.record_form import RecordForm

HEADER_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        N_("Informacje o planie"),
        ("title", "year_from", "year_to", "status", "resolution_number", "resolution_date"),
    ),
    (
        N_("Diagnoza stanu oświaty"),
        (
            "diagnosis_context",
            "diagnosis_education",
            "diagnosis_demography",
            "diagnosis_conclusions",
        ),
    ),
    (N_("Wizja, misja i wdrażanie"), ("vision", "mission", "implementation_system")),
)
SWOT = ("swot_strengths", "swot_weaknesses", "swot_opportunities", "swot_threats")


def header_tab(edit: Any) -> tuple[QWidget, list[RecordForm]]:
    """The tab and its forms; ``edit`` saves a field of the plan (a page's edit callback)."""
    forms: list[RecordForm] = []
    container = QWidget()
    box = QVBoxLayout(container)
    for title, fields in HEADER_SECTIONS:
        group = QGroupBox(_(title))
        group_box = QVBoxLayout(group)
        form = RecordForm(StrategicPlan, fields, edit)
        group_box.addWidget(form)
        forms.append(form)
        box.addWidget(group)
    swot = QGroupBox(_("Analiza SWOT"))
    grid = QGridLayout(swot)
    for position, field in enumerate(SWOT):
        form = RecordForm(StrategicPlan, (field,), edit)
        forms.append(form)
        grid.addWidget(form, position // 2, position % 2)
    box.insertWidget(2, swot)
    box.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(container)
    return scroll, forms
