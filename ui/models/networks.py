"""The tables of the "Sieci i spotkania" page as column specs over the network's records.

Members, training modules and sessions, good practices, and a meeting's programme,
participants and agreed steps. A column that names another record (a member, a
module) looks its name up in the model's :attr:`NetworkTableModel.names`, which
the page fills with the rows; numbers sort as numbers and dates as dates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TypeVar

from app.i18n import _
from app.model import (
    GoodPractice,
    MeetingItem,
    MeetingStep,
    NetworkMeeting,
    NetworkMember,
    Participant,
    TrainingModule,
    TrainingSession,
)
from app.services.people import VisitPlanRow
from ui.formatting import show_date, show_number
from ui.models.table import RIGHT, Column, TableModel

R = TypeVar("R")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def roman(number: int) -> str:
    """A meeting's number as the network writes it (I, II, …; 13 and on in digits)."""
    return ROMAN[number - 1] if 1 <= number <= len(ROMAN) else str(number)


class NetworkTableModel(TableModel[R]):
    """Rows of one network table; :attr:`names` names the records the rows refer to,
    :attr:`counts` counts something per row (the people present at a session)."""

    def __init__(self, columns: Callable[[NetworkTableModel[R]], list[Column[R]]]) -> None:
        self.names: Mapping[str, str] = {}
        self.counts: Mapping[str, int] = {}
        super().__init__(columns(self))

    def show(
        self,
        rows: Sequence[R],
        names: Mapping[str, str] | None = None,
        counts: Mapping[str, int] | None = None,
    ) -> None:
        self.names = dict(names or {})
        self.counts = dict(counts or {})
        self.set_rows(rows)

    def name(self, record_id: str | None) -> str:
        return self.names.get(record_id or "", "")


def _number(header: str, value: Callable[[R], float | None]) -> Column[R]:
    """A count or an amount, right-aligned; an empty cell sorts first."""
    return Column(
        header,
        value,
        display=lambda row: show_number(value(row)),
        align=RIGHT,
        sort=lambda row: -1.0 if value(row) is None else float(value(row) or 0),
    )


def _day(header: str, value: Callable[[R], date | None]) -> Column[R]:
    return Column(
        header,
        value,
        display=lambda row: show_date(value(row)),
        sort=lambda row: (value(row) or date.min).isoformat(),
    )


def member_columns(model: NetworkTableModel[NetworkMember]) -> list[Column[NetworkMember]]:
    """``names`` has the JSTs whose full data are on this computer."""
    return [
        Column(_("JST"), lambda m: m.name),
        Column(_("Rodzaj"), lambda m: m.kind.label),
        _number(_("Mieszkańcy"), lambda m: m.population),
        _number(_("Szkoły i placówki"), lambda m: m.schools_count),
        Column(_("W programie"), lambda m: _("tak") if model.name(m.municipality_id) else ""),
    ]


def module_columns(model: NetworkTableModel[TrainingModule]) -> list[Column[TrainingModule]]:
    return [
        Column(_("Moduł"), lambda m: m.title),
        _number(_("Godziny"), lambda m: m.hours),
        Column(_("Forma"), lambda m: m.form or ""),
    ]


def session_columns(model: NetworkTableModel[TrainingSession]) -> list[Column[TrainingSession]]:
    """``names`` has the modules' titles, ``counts`` how many were present at each session."""
    return [
        _day(_("Data"), lambda s: s.held_on),
        Column(_("Moduł"), lambda s: model.name(s.module_id)),
        Column(_("Miejsce"), lambda s: s.place or ""),
        _number(_("Obecni"), lambda s: model.counts.get(s.id, 0)),
        Column(_("Ocena"), lambda s: s.evaluation or ""),
    ]


def practice_columns(model: NetworkTableModel[GoodPractice]) -> list[Column[GoodPractice]]:
    return [
        Column(_("Dobra praktyka"), lambda p: p.title),
        Column(_("JST"), lambda p: model.name(p.member_id)),
        Column(_("Obszar"), lambda p: p.area_code, display=lambda p: str(p.area_code or "")),
        Column(_("Opis"), lambda p: p.description or ""),
    ]


def item_columns(model: NetworkTableModel[MeetingItem]) -> list[Column[MeetingItem]]:
    def presenters(item: MeetingItem) -> str:
        return ", ".join(filter(None, [item.presenter, model.name(item.member_id)]))

    return [
        Column(_("Punkt programu"), lambda i: i.title),
        Column(_("Forma"), lambda i: i.kind.label),
        Column(_("Prowadzi"), presenters),
    ]


def participant_columns(model: NetworkTableModel[Participant]) -> list[Column[Participant]]:
    return [
        Column(_("Uczestnik"), lambda p: p.name),
        Column(_("JST"), lambda p: model.name(p.member_id)),
        Column(_("Obecny"), lambda p: _("tak") if p.present else _("nie")),
    ]


def step_columns(model: NetworkTableModel[MeetingStep]) -> list[Column[MeetingStep]]:
    return [
        Column(_("Krok"), lambda s: s.text),
        Column(_("Odpowiada"), lambda s: model.name(s.member_id) or _("koordynator")),
        _day(_("Termin"), lambda s: s.due_date),
        Column(_("Stan"), lambda s: s.status.label),
    ]


def visit_plan_columns(model: NetworkTableModel[VisitPlanRow]) -> list[Column[VisitPlanRow]]:
    """The advisor's on-site visits per JST and person (the portfolio tab)."""
    return [
        Column(_("JST"), lambda r: r.municipality_name),
        Column(_("Osoba"), lambda r: r.person_name),
        Column(_("Rola"), lambda r: r.role.label),
        _number(_("Planowane"), lambda r: r.planned),
        _number(_("Odbyte"), lambda r: r.done),
        _number(_("Zaplanowane"), lambda r: r.scheduled),
        _number(_("Do umówienia"), lambda r: r.due),
        _day(_("Ostatnia"), lambda r: r.last_visit),
        _day(_("Następna"), lambda r: r.next_visit),
        _number(_("Konsultacje"), lambda r: r.consultations),
    ]


def upcoming_columns(model: NetworkTableModel[NetworkMeeting]) -> list[Column[NetworkMeeting]]:
    """Meetings of every network still to come; ``names`` has the networks' names."""
    return [
        Column(
            _("Termin"),
            lambda m: m.starts_on,
            display=lambda m: f"{roman(m.number)} · {show_date(m.starts_on)}",
            sort=lambda m: m.starts_on.isoformat(),
        ),
        Column(_("Sieć"), lambda m: model.name(m.network_id)),
        Column(_("Temat"), lambda m: m.topic),
    ]
