"""Zespół i szkoły: the municipality's profile, its team, and its schools."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from app.catalogs import roles, school_types, voivodeships
from app.changes import Change
from app.i18n import _
from app.model import Municipality, School, TeamMember
from app.services import records, teryt
from app.services.municipalities import PROFILE_FIELDS, SCHOOL_FIELDS
from ui.commands import EditRecord, push
from ui.forms.record_form import RecordForm
from ui.models.records import Column
from ui.pages.base import Page
from ui.widgets.record_panel import ColumnFit, RecordPanel

SCHOOL_NAME_ROOM = 200  # a school's name beyond its header, before other columns fold
TEAM_FIELDS = ("name", "role", "institution", "email", "phone", "is_advisor")


def _voivodeship_choices() -> list[tuple[Any, str]]:
    return [(name, name) for name in voivodeships().values()]


def _school_type_choices() -> list[tuple[Any, str]]:
    return [(code, _(name)) for code, name in school_types().items()]


def _school_type_name(code: Any) -> str:
    return _(school_types()[code]) if code in school_types() else str(code or "")


class TeamSchoolsPage(Page):
    key = "team"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.profile = RecordForm(
            Municipality,
            PROFILE_FIELDS,
            self._edit_profile,
            choices={"voivodeship": _voivodeship_choices},
        )
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.profile)
        self.team = RecordPanel(
            TeamMember,
            [
                Column("name", _("Imię i nazwisko")),
                Column("role", _("Funkcja")),
                Column("email", _("E-mail")),
                Column("phone", _("Telefon")),
            ],
            TEAM_FIELDS,
            noun=_("osobę"),
            new_values=lambda: {"name": _("Nowa osoba")},  # the role is chosen, not assumed
        )
        role = self.team.form.editors["role"]
        role.setPlaceholderText(_("wybierz z listy lub wpisz"))
        role_names = QCompleter([_(name) for name in roles().values()], role)
        role_names.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        role_names.setFilterMode(Qt.MatchFlag.MatchContains)
        role.setCompleter(role_names)
        self.schools = RecordPanel(
            School,
            [
                Column("name", _("Nazwa")),
                Column("school_type", _("Typ"), _school_type_name),
                Column("town", _("Miejscowość")),
                Column("pupils", _("Uczniów")),
                Column("support_stage", _("Etap wspomagania")),
            ],
            SCHOOL_FIELDS,
            noun=_("szkołę lub placówkę"),
            new_values=lambda: {"name": _("Nowa szkoła"), "school_type": "szkola_podstawowa"},
            choices={"school_type": _school_type_choices, "merged_into_id": self._school_choices},
            # Narrow: the town and the pupils stay whole, the type and the support stage
            # fold (the form shows them), the name keeps room for "Szkoła Podstawowa nr 2…".
            fit=ColumnFit(keep=(2, 3), optional=(1, 4), name_room=SCHOOL_NAME_ROOM),
        )
        self.tabs.addTab(scroll, _("Profil JST"))
        self.tabs.addTab(self.team, _("Zespół JST"))
        self.tabs.addTab(self.schools, _("Szkoły i placówki"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def title(self) -> str:
        return _("Zespół i szkoły")

    def _school_choices(self) -> list[tuple[Any, str]]:
        """The schools another may be merged into: the JST's, by name."""
        if self.context is None or self.municipality_id is None:
            return []
        found = records.children(self.context.store, School, municipality_id=self.municipality_id)
        return [(s.id, s.name) for s in sorted(found, key=lambda s: s.name)]

    def reload(self) -> None:
        if self.context is None or self.municipality_id is None:
            self.profile.load(None)
            return
        self.profile.load(records.get(self.context.store, Municipality, self.municipality_id))
        self.team.show_parent(
            self.context, self.municipality_id, municipality_id=self.municipality_id
        )
        self.schools.show_parent(
            self.context, self.municipality_id, municipality_id=self.municipality_id
        )

    def on_change(self, change: Change) -> None:
        if self.context is None or self.municipality_id is None or self.defer_while_hidden():
            return
        if change.record_type == "municipality" and self.municipality_id in change.record_ids:
            record = records.get(self.context.store, Municipality, self.municipality_id)
            self.profile.sync(record)
        self.team.on_change(change)
        self.schools.on_change(change)

    def flush(self) -> None:
        self.profile.flush()
        self.team.form.flush()
        self.schools.form.flush()

    def _edit_profile(self, field: str, old: Any, new: Any) -> None:
        assert self.context is not None and self.municipality_id is not None
        label = _(self.profile.specs[field].label)
        olds, news = {field: old}, {field: new}
        found = teryt.voivodeship_of(new) if field == "teryt" else None
        if found and not self.profile.values.get("voivodeship"):  # filled from the code
            olds["voivodeship"], news["voivodeship"] = None, found
        push(
            self.context.undo_stack,
            EditRecord(
                self.context.store,
                Municipality,
                self.municipality_id,
                olds,
                news,
                _("zmianę pola „{field}”").format(field=label),
            ),
        )
