"""Undoable edits of the monitoring page, each doing its first step through a named service.

Like :mod:`ui.commands.base`: the first ``do`` happens before the command is pushed,
so a UserError reaches the dialog or form and nothing lands on the undo stack.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.i18n import _
from app.model import Measurement, MonitoringConclusion, MonitoringNote, Risk, SupportStage
from app.services import conclusions, indicators, journal, risks, school_support
from app.services.school_support import StageChange
from app.storage.store import Store
from ui.commands.base import CreateRecord, EditRecord, StoreCommand


class CreateNote(CreateRecord):
    """A new journal note (:func:`app.services.journal.create_note`); undo deletes it."""

    def __init__(self, store: Store, municipality_id: str, values: dict[str, Any]) -> None:
        super().__init__(store, MonitoringNote, municipality_id, values, _("dodanie notatki"))

    def first(self) -> None:
        assert self.parent_id is not None
        self.record_id = journal.create_note(self.store, self.parent_id, **self.values).id


class RecordMeasurement(CreateRecord):
    """A new measurement (:func:`app.services.indicators.record_measurement`)."""

    def __init__(self, store: Store, indicator_id: str, values: dict[str, Any]) -> None:
        super().__init__(store, Measurement, indicator_id, values, _("zapisanie pomiaru"))

    def first(self) -> None:
        assert self.parent_id is not None
        self.record_id = indicators.record_measurement(self.store, self.parent_id, **self.values).id


class RiskFromNote(CreateRecord):
    """A register entry made from a risk-kind note (:func:`app.services.risks.risk_from_note`)."""

    def __init__(self, store: Store, note_id: str) -> None:
        super().__init__(store, Risk, None, {}, _("utworzenie ryzyka z notatki"))
        self.note_id = note_id

    def first(self) -> None:
        self.record_id = risks.risk_from_note(self.store, self.note_id).id


class AdvanceStage(StoreCommand):
    """Move a school to another stage of process support; undo takes exactly that back."""

    def __init__(
        self,
        store: Store,
        school_id: str,
        stage: SupportStage,
        on: date | None,
        notes: str | None,
        text: str,
    ) -> None:
        super().__init__(store, text)
        self.school_id = school_id
        self.stage = stage
        self.on = on
        self.notes = notes
        self.change: StageChange | None = None

    def do(self) -> None:
        self.change = school_support.advance(
            self.store, self.school_id, self.stage, self.on, self.notes
        )

    def undo_step(self) -> None:
        assert self.change is not None
        school_support.undo_advance(self.store, self.change)


class EditConclusion(EditRecord):
    """Change the conclusions of a period (:func:`app.services.conclusions.update`)."""

    def __init__(
        self, store: Store, conclusion_id: str, old: dict[str, Any], new: dict[str, Any], text: str
    ) -> None:
        super().__init__(store, MonitoringConclusion, conclusion_id, old, new, text)

    def do(self) -> None:
        conclusions.update(self.store, self.record_id, **self.new)

    def undo_step(self) -> None:
        conclusions.update(self.store, self.record_id, **self.old)


class AddConclusions(CreateRecord):
    """Conclusions for a new period (:func:`app.services.conclusions.add_period`)."""

    def __init__(self, store: Store, municipality_id: str, start: date, end: date) -> None:
        values = {"period_start": start, "period_end": end}
        super().__init__(
            store, MonitoringConclusion, municipality_id, values, _("dodanie wniosków za okres")
        )

    def first(self) -> None:
        assert self.parent_id is not None
        start, end = self.values["period_start"], self.values["period_end"]
        self.record_id = conclusions.add_period(self.store, self.parent_id, start, end).id
