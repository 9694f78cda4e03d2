"""The advisor's portfolio on the "Sieci i spotkania" page: the plan of on-site visits per JST
(planned, held, scheduled, still to arrange), remote consultations, and upcoming meetings."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import _
from app.model import Consultation, Network, Person, PersonLink
from app.services import networks, people
from app.storage.store import Store
from ui.context import EditorContext
from ui.dialogs import network_edit
from ui.dialogs.network_forms import RecordDialog
from ui.models.networks import NetworkTableModel, upcoming_columns, visit_plan_columns
from ui.pages.network_tables import fill, make_table, with_buttons

NAME_ROOM = 130  # a municipality's name ("Gmina Zielonki Wielkie") beyond the header "JST"


class PortfolioTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: EditorContext | None = None
        self.municipality_id: str | None = None
        self.visit_plan = make_table(
            "visit_plan",
            NetworkTableModel(visit_plan_columns),
            keep=[1, 7, 8],  # the person, the dates of the last and next visit
            # The role, then the visits fixed (planned = done + fixed + to arrange) fold
            # first: the municipality and the person stay whole.
            optional=[2, 5],
            stretch_room=NAME_ROOM,
        )
        self.upcoming = make_table(
            "upcoming_meetings", NetworkTableModel(upcoming_columns), stretch=2, keep=[0]
        )
        box = QVBoxLayout(self)
        box.addWidget(QLabel(_("<b>Plan wizyt w siedzibach JST</b> (trzy wizyty w cyklu)")))
        box.addWidget(
            with_buttons(
                self.visit_plan,
                [
                    (_("Dodaj osobę…"), self.add_person),
                    (_("Powiąż osobę z wybraną JST…"), self.link_person),
                    (_("Konsultacja zdalna w wybranej JST…"), self.add_consultation),
                ],
            ),
            2,
        )
        box.addWidget(QLabel(_("<b>Najbliższe spotkania sieci</b>")))
        box.addWidget(self.upcoming, 1)

    @property
    def store(self) -> Store | None:
        return self.context.store if self.context is not None else None

    def show_data(
        self, context: EditorContext | None, municipality_id: str | None, found: list[Network]
    ) -> None:
        self.context, self.municipality_id = context, municipality_id
        self._show(found)

    def _refresh(self) -> None:
        if self.store is not None:
            self._show(networks.networks(self.store))

    def _show(self, found: list[Network]) -> None:
        store = self.store
        assert store is not None
        fill(self.visit_plan, people.visit_plan(store))
        today = date.today()
        names = {network.id: network.name for network in found}
        coming = sorted(
            (
                meeting
                for network in found
                for meeting in networks.meetings(store, network.id)
                if meeting.starts_on >= today
            ),
            key=lambda meeting: (meeting.starts_on, names[meeting.network_id]),
        )
        fill(self.upcoming, coming, names)

    def add_person(self) -> None:
        if self.context is None:
            return
        store = self.context.store
        dialog = network_edit.add_dialog(
            self,
            self.context,
            _("Nowa osoba (doradca, ekspert, trener)"),
            Person,
            ("name", "institution", "email", "phone"),
            lambda values: people.add_person(store, **values),
            _("dodanie osoby"),
        )
        if dialog.exec():
            self._refresh()

    def _people_choices(self) -> list[tuple[str, str]]:
        assert self.store is not None
        return [(person.id, person.name) for person in people.people(self.store)]

    def link_person(self) -> None:
        if self.store is None or self.municipality_id is None:
            return
        dialog = self.link_dialog()
        if dialog is not None and dialog.exec():
            self._refresh()

    def link_dialog(self) -> RecordDialog | None:
        if self.context is None or self.municipality_id is None:
            return None
        store, municipality_id = self.context.store, self.municipality_id
        return network_edit.add_dialog(
            self,
            self.context,
            _("Osoba w wybranej JST"),
            PersonLink,
            ("person_id", "role", "cycle_start", "cycle_end", "planned_visits"),
            lambda values: people.link_person(
                store, values.pop("person_id") or "", municipality_id, **values
            ),
            _("powiązanie osoby z JST"),
            choices={"person_id": self._people_choices()},
            values={"planned_visits": 3},
        )

    def add_consultation(self) -> None:
        if self.context is None or self.municipality_id is None:
            return
        store, municipality_id = self.context.store, self.municipality_id
        dialog = network_edit.add_dialog(
            self,
            self.context,
            _("Konsultacja zdalna"),
            Consultation,
            ("held_on", "form", "topic", "outcome", "person_id"),
            lambda values: people.add_consultation(store, municipality_id, **values),
            _("dodanie konsultacji zdalnej"),
            choices={"person_id": self._people_choices()},
        )
        if dialog.exec():
            self._refresh()
