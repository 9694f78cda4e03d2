"""Bind a plan or HDR indicator to a computed series (its measurements then fill themselves)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.services.school_data import binding, snapshot
from app.services.school_data import series as catalogue
from app.services.school_data.snapshot import SchoolRef
from app.storage.store import Store
from ui.errors import show_user_error

JST = ""


class BindIndicatorDialog(QDialog):
    def __init__(
        self,
        store: Store,
        municipality_id: str,
        schools: list[SchoolRef],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_("Wskaźnik obliczany z danych oświatowych"))
        self.choices = binding.bindable(store, municipality_id)
        self.indicator = QComboBox()
        for choice in self.choices:
            where = _("HDR") if choice.in_hdr else _("plan")
            self.indicator.addItem(f"{choice.name} ({where})", choice.indicator_id)
        self.indicator.currentIndexChanged.connect(lambda _i: self._show_current())
        self.series = QComboBox()
        for item in catalogue.catalogue(snapshot.load(store, municipality_id)):
            self.series.addItem(f"{item.title} [{_(item.unit)}]", item.code)
        self.school = QComboBox()
        self.school.addItem(_("cała JST"), JST)
        for school in schools:
            self.school.addItem(school.name, school.id)
        self.current = QLabel()
        self.current.setWordWrap(True)
        info = QLabel(
            _(
                "Pomiary wskaźnika będą obliczane z danych oświatowych (oznaczone jako "
                "obliczone) i zmienią się same, gdy zmienią się dane. Pomiary wpisane ręcznie "
                "zostają bez zmian."
            )
        )
        info.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.bind_button = buttons.addButton(_("&Powiąż"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unbind_button = QPushButton(_("&Odłącz"))
        buttons.addButton(self.unbind_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(_("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._bind)
        buttons.rejected.connect(self.reject)
        self.unbind_button.clicked.connect(self._unbind)
        form = QFormLayout(self)
        form.addRow(info)
        form.addRow(_("&Wskaźnik planu lub HDR:"), self.indicator)
        form.addRow(_("&Obliczany jako:"), self.series)
        form.addRow(_("&Dla:"), self.school)
        form.addRow(self.current)
        form.addRow(buttons)
        self.bind_button.setEnabled(bool(self.choices))
        self._show_current()

    def _show_current(self) -> None:
        index = self.indicator.currentIndex()
        chosen = self.choices[index] if 0 <= index < len(self.choices) else None
        self.unbind_button.setEnabled(chosen is not None and chosen.series is not None)
        if chosen is None or chosen.series is None:
            self.current.setText(_("Ten wskaźnik jest mierzony ręcznie."))
            return
        self.series.setCurrentIndex(max(self.series.findData(chosen.series), 0))
        self.school.setCurrentIndex(max(self.school.findData(chosen.school_id or JST), 0))
        self.current.setText(_("Ten wskaźnik jest już obliczany z danych."))

    def _bind(self) -> None:
        indicator_id = self.indicator.currentData()
        if not indicator_id:
            return
        try:
            binding.bind(
                self.store,
                str(indicator_id),
                str(self.series.currentData()),
                self.school.currentData() or None,
            )
        except UserError as error:
            show_user_error(self, error)
            return
        self.accept()

    def _unbind(self) -> None:
        indicator_id = self.indicator.currentData()
        if indicator_id:
            binding.unbind(self.store, str(indicator_id))
            self.accept()
