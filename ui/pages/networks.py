"""Sieci i spotkania: networks of JSTs — members, meetings, trainings, good practices —
and the advisor's portfolio across JSTs (the plan of on-site visits, upcoming meetings).

Networks are not one municipality's: the page shows every network whichever
JST is chosen in the switcher. Edits go through the core's services; a value it
refuses shows its Polish message and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Change
from app.errors import UserError
from app.i18n import N_, _
from app.model import (
    GoodPractice,
    Network,
    NetworkMember,
    Record,
    TrainingModule,
    TrainingSession,
)
from app.services import municipalities, networks, trainings
from app.storage.store import Store
from ui.dialogs import network_edit
from ui.dialogs.network_forms import RecordDialog
from ui.errors import show_user_error
from ui.formatting import show_date
from ui.models.networks import (
    NetworkTableModel,
    member_columns,
    module_columns,
    session_columns,
)
from ui.pages.base import Page
from ui.pages.network_meetings import MeetingsTab
from ui.pages.network_portfolio import PortfolioTab
from ui.pages.network_practices import PracticesTab
from ui.pages.network_tables import current_id, fill, make_table, with_buttons

WATCHED = {
    "network",
    "network_member",
    "network_meeting",
    "meeting_item",
    "meeting_step",
    "network_participant",
    "training_module",
    "training_session",
    "good_practice",
    "person",
    "person_link",
    "consultation",
    "advisory_visit",
    "municipality",
}

NETWORK_FIELDS = ("name", "kind", "period_start", "period_end", "coordinator", "description")
MEMBER_FIELDS = ("name", "kind", "teryt", "population", "schools_count")
MODULE_FIELDS = ("title", "hours", "form")
SESSION_FIELDS = ("module_id", "held_on", "place", "evaluation")
PRACTICE_FIELDS = (
    "title",
    "member_id",
    "schools",
    "area_code",
    "competences",
    "description",
    "results",
    "contact",
    "links",
)
# The tables whose rows open in a dialog: (record type, fields, what one is called).
ROW_EDITS: dict[str, tuple[type[Record], tuple[str, ...], str]] = {
    "network_members": (NetworkMember, MEMBER_FIELDS, N_("członek sieci")),
    "training_modules": (TrainingModule, MODULE_FIELDS, N_("moduł szkolenia")),
    "training_sessions": (TrainingSession, SESSION_FIELDS, N_("zajęcia")),
    "good_practices": (GoodPractice, PRACTICE_FIELDS, N_("dobra praktyka")),
}


class NetworksPage(Page):
    key = "networks"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network_id: str | None = None
        self.chooser = QComboBox()
        self.chooser.setObjectName("network_chooser")
        self.chooser.setAccessibleName(_("Sieć"))
        self.chooser.setMinimumContentsLength(16)
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.activated.connect(lambda _index: self._network_chosen())
        new = QPushButton(_("Nowa &sieć…"))
        new.clicked.connect(self.new_network)
        summary = QPushButton(_("Podsumowanie sieci PDF…"))
        summary.clicked.connect(lambda: self.export_pdf("network", None))
        package = QPushButton(_("Plik &wymiany sieci…"))
        package.setToolTip(
            _("Zapisz sieć ze spotkaniami do pliku wymiany dla członków (bez danych JST)")
        )
        package.clicked.connect(self.export_package)
        self.period = QLabel()
        self.period.setObjectName("network_period")
        self.period.setWordWrap(True)  # a long coordinator wraps instead of being cut off
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Sieć:")))
        top.addWidget(self.chooser, 1)
        top.addWidget(new)
        top.addWidget(summary)
        top.addWidget(package)

        self.members = make_table("network_members", NetworkTableModel(member_columns))
        self.meetings = MeetingsTab(self.export_pdf, self.delete_with_confirm)
        self.modules = make_table("training_modules", NetworkTableModel(module_columns))
        self.sessions = make_table(
            "training_sessions", NetworkTableModel(session_columns), keep=[0]
        )
        self.practice_tab = PracticesTab(
            lambda table: self._with_edits(table, (_("Dodaj dobrą praktykę…"), self.add_practice)),
            self.delete_with_confirm,
        )
        self.search = self.practice_tab.search
        self.practices = self.practice_tab.practices
        self.portfolio = PortfolioTab()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._members_tab(), _("&Członkowie"))
        self.tabs.addTab(self.meetings, _("Spo&tkania"))
        self.tabs.addTab(self._trainings_tab(), _("Sz&kolenia"))
        self.tabs.addTab(self.practice_tab, _("&Dobre praktyki"))
        self.tabs.addTab(self.portfolio, _("&Portfel doradcy"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.period)
        layout.addWidget(self.tabs, 1)

    def _with_edits(
        self, table: QTableView, add: tuple[str, Callable[[], None]], *more: Any
    ) -> QWidget:
        """The table under its buttons: add, change and delete the chosen row (and ``more``)."""
        table.doubleClicked.connect(lambda _index: self.edit_row(table))
        return with_buttons(
            table,
            [
                *more,
                add,
                (_("Zmień…"), lambda: self.edit_row(table)),
                (_("Usuń"), lambda: self.delete_row(table)),
            ],
        )

    def _members_tab(self) -> QWidget:
        return self._with_edits(
            self.members,
            (_("Dodaj JST…"), self.add_member),
            (_("Zmień sieć…"), self.edit_network),
            (_("Usuń sieć…"), self.delete_network),
        )

    def _trainings_tab(self) -> QWidget:
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.addWidget(self._with_edits(self.modules, (_("Dodaj moduł…"), self.add_module)))
        box.addWidget(self._with_edits(self.sessions, (_("Dodaj zajęcia…"), self.add_session)))
        return tab

    # -- page ------------------------------------------------------------------------

    def title(self) -> str:
        return _("Sieci i spotkania")

    def reload(self) -> None:
        if self.store is None:
            return
        found = networks.networks(self.store)
        ids = [n.id for n in found]
        if self.network_id not in ids:
            self.network_id = ids[0] if ids else None
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for network in found:
            self.chooser.addItem(network.name, network.id)
        self.chooser.setCurrentIndex(ids.index(self.network_id) if self.network_id else -1)
        self.chooser.blockSignals(False)
        self._show_network(next((n for n in found if n.id == self.network_id), None))
        self.portfolio.show_data(self.context, self.municipality_id, found)

    def on_change(self, change: Change) -> None:
        # Networks are not one municipality's: a laptop holding only networks has none chosen.
        if change.record_type in WATCHED:
            self.refresh_soon()

    def _network_chosen(self) -> None:
        self.network_id = self.chooser.currentData()
        self.refresh()

    def select_network(self, network_id: str) -> None:
        self.network_id = network_id
        self.refresh()

    def _show_network(self, network: Network | None) -> None:
        store = self.store
        assert store is not None
        self.meetings.show_network(self.context, network.id if network else None)
        if network is None:
            self.period.setText(_("Nie ma jeszcze sieci. Utwórz ją przyciskiem „Nowa sieć…”."))
            for table in (self.members, self.modules, self.sessions):
                fill(table, [])
            self.practice_tab.show_data(self.context, self.municipality_id, None)
            return
        self.period.setText(
            f"{network.kind.label} · {show_date(network.period_start)} – "
            f"{show_date(network.period_end)}"
            + (f" · {_('koordynator')}: {network.coordinator}" if network.coordinator else "")
        )
        members = networks.members(store, network.id)
        # the JSTs whose full data are on this laptop
        here = {m.id: m.name for m in municipalities.all_municipalities(store)}
        fill(self.members, members, here)
        modules = trainings.modules(store, network.id)
        fill(self.modules, modules)
        sessions = trainings.sessions(store, network.id)
        present = {
            s.id: sum(p.present for p in trainings.session_participants(store, s.id))
            for s in sessions
        }
        fill(self.sessions, sessions, {m.id: m.title for m in modules}, present)
        self.practice_tab.show_data(self.context, self.municipality_id, network.id)

    # -- adding, changing, deleting (each one undoable step) -----------------------------

    def new_network(self) -> None:
        if self.context is None:
            return
        context = self.context
        dialog = network_edit.add_dialog(
            self,
            context,
            _("Nowa sieć JST"),
            Network,
            NETWORK_FIELDS,
            lambda values: networks.create_network(context.store, **values),
            _("utworzenie sieci"),
        )
        if dialog.exec() and dialog.result_record is not None:
            self.select_network(dialog.result_record.id)

    def edit_network(self) -> None:
        if self.context is not None and self.network_id is not None:
            self._edit(_("Sieć JST"), Network, self.network_id, NETWORK_FIELDS, _("zmiana sieci"))

    def delete_network(self) -> None:
        if self.network_id is None:
            return
        self.delete_with_confirm(
            _("Usuwanie sieci"),
            _(
                "Usunąć sieć „{name}” razem z jej członkami, spotkaniami, szkoleniami "
                "i dobrymi praktykami?\n\nMożna to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."
            ).format(name=self.chooser.currentText()),
            Network,
            self.network_id,
            _("usunięcie sieci"),
        )

    def add_member(self) -> None:
        dialog = self.member_dialog()
        if dialog is not None and dialog.exec():
            self.refresh()

    def member_dialog(self) -> RecordDialog | None:
        if self.context is None or self.network_id is None:
            return None
        store, network_id = self.context.store, self.network_id
        jsts = [(m.id, m.name) for m in municipalities.all_municipalities(store)]

        def save(values: dict[str, Any]) -> NetworkMember:
            chosen = values.pop("municipality_id") or None
            light = {k: v for k, v in values.items() if v not in (None, "")} if chosen else values
            return networks.add_member(store, network_id, municipality_id=chosen, **light)

        return network_edit.add_dialog(
            self,
            self.context,
            _("Nowy członek sieci"),
            NetworkMember,
            ("municipality_id", *MEMBER_FIELDS),
            save,
            _("dodanie JST do sieci"),
            choices={"municipality_id": jsts},
        )

    def add_module(self) -> None:
        self._add(
            _("Nowy moduł szkolenia"),
            TrainingModule,
            MODULE_FIELDS,
            lambda store, nid, values: trainings.add_module(store, nid, **values),
            _("dodanie modułu szkolenia"),
        )

    def add_session(self) -> None:
        if self.store is None or self.network_id is None:
            return
        self._add(
            _("Nowe zajęcia"),
            TrainingSession,
            SESSION_FIELDS,
            lambda store, _nid, values: trainings.add_session(
                store, values.pop("module_id") or "", **values
            ),
            _("dodanie zajęć"),
            self._choices(),
        )

    def add_practice(self) -> None:
        self._add(
            _("Nowa dobra praktyka"),
            GoodPractice,
            PRACTICE_FIELDS,
            lambda store, nid, values: trainings.add_practice(store, nid, **values),
            _("dodanie dobrej praktyki"),
            self._choices(),
        )

    def _choices(self) -> dict[str, list[tuple[str, str]]]:
        """The choices of the network's reference fields (members, modules, competences)."""
        if self.store is None or self.network_id is None:
            return {}
        from app.catalogs import key_competences

        return {
            "member_id": list(trainings.member_names(self.store, self.network_id).items()),
            "module_id": [(m.id, m.title) for m in trainings.modules(self.store, self.network_id)],
            "competences": [(k.code, _(k.name_2018)) for k in key_competences()],
        }

    def _add(
        self,
        title: str,
        cls: type[Record],
        names: tuple[str, ...],
        make: Callable[[Store, str, dict[str, Any]], Record],
        text: str,
        choices: dict[str, list[tuple[str, str]]] | None = None,
    ) -> None:
        if self.context is None or self.network_id is None:
            return
        store, network_id = self.context.store, self.network_id
        dialog = network_edit.add_dialog(
            self,
            self.context,
            title,
            cls,
            names,
            lambda values: make(store, network_id, values),
            text,
            choices,
        )
        if dialog.exec():
            self.refresh()

    def _edit(
        self, title: str, cls: type[Record], record_id: str, names: tuple[str, ...], text: str
    ) -> None:
        if self.context is None:
            return
        dialog = network_edit.edit_dialog(
            self, self.context, title, cls, record_id, names, text, self._choices()
        )
        if dialog.exec():
            self.refresh()

    def edit_row(self, table: QTableView) -> None:
        """Open the record of the table's chosen row in its dialog."""
        chosen = current_id(table)
        if chosen is not None:
            cls, names, title = ROW_EDITS[table.objectName()]
            self._edit(_(title), cls, chosen, names, _("zmiana: {what}").format(what=_(title)))

    def delete_row(self, table: QTableView) -> None:
        """Delete the record of the table's chosen row, after asking (undoable)."""
        cls, _names, what = ROW_EDITS[table.objectName()]
        network_edit.delete_row(table, cls, what, self.delete_with_confirm)

    def export_package(self) -> None:
        if self.store is None or self.network_id is None:
            return
        from app.exchange import format as fmt
        from app.exchange.export import export_package

        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Zapisz plik wymiany sieci"),
            str(Path.home() / f"{self.chooser.currentText()}{fmt.EXTENSION}"),
            _("Pliki wymiany (*{extension})").format(extension=fmt.EXTENSION),
        )
        if not path:
            return
        try:
            export_package(self.store, self.network_id, path, parts=fmt.NETWORK_PARTS)
        except UserError as error:
            show_user_error(self, error)

    def export_pdf(self, kind: str, record_id: str | None) -> None:
        if self.store is None or self.network_id is None:
            return
        from app.reports import network_export  # ReportLab loads only when a PDF is made

        default = network_export.KINDS[kind]
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Zapisz PDF"), str(Path.home() / f"{_(default)}.pdf"), _("PDF (*.pdf)")
        )
        if not path:
            return
        try:
            network_export.export(
                self.store, kind, self.network_id, record_id=record_id, output=path
            )
        except UserError as error:
            show_user_error(self, error)
