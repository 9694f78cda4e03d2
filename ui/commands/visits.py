"""Undoable edits of visits and recommendations, each going through :mod:`app.services.visits`.

Like :mod:`ui.commands.base`: the first ``do`` happens before the command is pushed,
so a UserError (a repeated visit number, a due date before the visit) reaches
the form and nothing lands on the undo stack.
"""

from __future__ import annotations

from typing import Any

from app.i18n import _
from app.model import AdvisoryVisit, Recommendation, RecommendationStatus
from app.services import visits
from app.storage.store import Store
from ui.commands.base import CreateRecord, EditRecord


class CreateVisit(CreateRecord):
    def __init__(self, store: Store, municipality_id: str, values: dict[str, Any]) -> None:
        super().__init__(store, AdvisoryVisit, municipality_id, values, _("dodanie wizyty"))

    def first(self) -> None:
        assert self.parent_id is not None
        self.record_id = visits.create_visit(self.store, self.parent_id, **self.values).id


class AddRecommendation(CreateRecord):
    def __init__(self, store: Store, visit_id: str, values: dict[str, Any]) -> None:
        super().__init__(store, Recommendation, visit_id, values, _("dodanie zalecenia"))

    def first(self) -> None:
        assert self.parent_id is not None
        self.record_id = visits.add_recommendation(self.store, self.parent_id, **self.values).id


class EditVisit(EditRecord):
    """Change fields of a visit; consecutive typing in one field merges into one step."""

    def __init__(
        self,
        store: Store,
        visit_id: str,
        old: dict[str, Any],
        new: dict[str, Any],
        text: str,
        mergeable: bool = True,
    ) -> None:
        super().__init__(store, AdvisoryVisit, visit_id, old, new, text, mergeable)

    def do(self) -> None:
        visits.update_visit(self.store, self.record_id, **self.new)

    def undo_step(self) -> None:
        visits.update_visit(self.store, self.record_id, **self.old)


class EditRecommendation(EditRecord):
    """Change fields of a recommendation (its status too); each change is its own step."""

    def __init__(
        self,
        store: Store,
        recommendation_id: str,
        old: dict[str, Any],
        new: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(store, Recommendation, recommendation_id, old, new, text, False)

    def do(self) -> None:
        visits.update_recommendation(self.store, self.record_id, **self.new)

    def undo_step(self) -> None:
        visits.update_recommendation(self.store, self.record_id, **self.old)


def status_change(store: Store, recommendation: Recommendation, status: str) -> EditRecommendation:
    """The command that moves ``recommendation`` to ``status`` (undo brings the old one back)."""
    old = getattr(recommendation.status, "value", recommendation.status)
    label = RecommendationStatus(status).label
    return EditRecommendation(
        store,
        recommendation.id,
        {"status": old},
        {"status": status},
        _("zalecenie: {status}").format(status=label),
    )
