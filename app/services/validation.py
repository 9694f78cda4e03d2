"""Checking values against :mod:`app.services.fields` and the rules between fields."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.catalogs import key_competences, school_types
from app.errors import UserError
from app.i18n import _
from app.model import (
    Action,
    AdvisoryVisit,
    DevelopmentSchedule,
    Goal,
    Indicator,
    MonitoringConclusion,
    Municipality,
    MunicipalityKind,
    NetworkRecord,
    Objective,
    OwnedRecord,
    Record,
    ScheduleItem,
    SchedulePriority,
    School,
    SchoolYearStats,
    StrategicPlan,
    TeamMember,
)
from app.services import strategy_rules
from app.services.clock import parse_time
from app.services.fields import FIELDS, LINKABLE, Field
from app.services.school_data.rules import school_rules, school_year_stats_rules
from app.services.teryt import teryt_problem
from app.textnorm import first_control, has_lone_surrogate, iso_date

_CODE = re.compile(r"[a-z_]{1,40}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# ASCII digits only: ``\d`` and ``str.isdigit`` also accept "２" or "²".
_POSTAL = re.compile(r"[0-9]{2}-[0-9]{3}")
_DIGITS = re.compile(r"[0-9]+")


def fail(message: str, field: str | None = None) -> UserError:
    return UserError(message, field=field)


def clean_value(name: str, spec: Field, value: Any) -> Any:
    """Normalise ``value`` for ``spec`` (strip text, empty → None) or raise UserError."""
    label = _(spec.label)
    if isinstance(value, str):
        value = value.strip()
        if value == "" and spec.kind != "bool":
            value = None
    if value is None:
        if spec.required:
            raise fail(_("Pole „{label}” nie może być puste.").format(label=label), name)
        return [] if spec.kind in ("codes", "ids") else None
    checker = _CHECKERS[spec.kind]
    return checker(name, spec, label, value)


def _check_text(name: str, spec: Field, label: str, value: Any) -> str:
    if not isinstance(value, str):
        raise fail(_("Pole „{label}” musi być tekstem.").format(label=label), name)
    if "\x00" in value:
        raise fail(_("Pole „{label}” zawiera niedozwolone znaki.").format(label=label), name)
    if has_lone_surrogate(value):
        raise fail(
            _(
                "Pole „{label}” zawiera niepoprawny znak (niesparowaną połówkę znaku UTF-16). "
                "Usuń go albo wpisz tekst ponownie."
            ).format(label=label),
            name,
        )
    if len(value) > spec.max_length:
        raise fail(
            _("Pole „{label}” jest za długie: {length} znaków, najwyżej {limit}.").format(
                label=label, length=len(value), limit=spec.max_length
            ),
            name,
        )
    if spec.kind == "text" and any(space in value for space in "\n\r\t"):
        value = " ".join(value.split())
    control = first_control(value, multiline=spec.kind == "long")
    if control is not None:
        raise fail(
            _("Pole „{label}” zawiera niedozwolony znak sterujący (U+{code:04X}).").format(
                label=label, code=ord(control)
            ),
            name,
        )
    return str(value)


def _check_number(name: str, spec: Field, label: str, value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(_("Pole „{label}” musi być liczbą.").format(label=label), name)
    if isinstance(value, float) and not math.isfinite(value):
        raise fail(_("Pole „{label}” musi być liczbą.").format(label=label), name)
    # An int is compared as it is: float() of a huge int would raise OverflowError.
    if spec.kind == "int" and isinstance(value, float) and not value.is_integer():
        raise fail(_("Pole „{label}” musi być liczbą całkowitą.").format(label=label), name)
    if spec.minimum is not None and value < spec.minimum:
        raise fail(
            _("Pole „{label}” nie może być mniejsze niż {limit}.").format(
                label=label, limit=_plain(spec.minimum)
            ),
            name,
        )
    if spec.maximum is not None and value > spec.maximum:
        raise fail(
            _("Pole „{label}” nie może być większe niż {limit}.").format(
                label=label, limit=_plain(spec.maximum)
            ),
            name,
        )
    return int(value) if spec.kind == "int" else float(value)


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _check_date(name: str, spec: Field, label: str, value: Any) -> date:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = iso_date(value)
        except ValueError:
            raise fail(
                _("Pole „{label}”: niepoprawna data (oczekiwano RRRR-MM-DD).").format(label=label),
                name,
            ) from None
    if not isinstance(value, date):
        raise fail(_("Pole „{label}” musi być datą.").format(label=label), name)
    first = int(spec.minimum) if spec.minimum is not None else 1990
    if not first <= value.year <= 2100:
        raise fail(
            _("Pole „{label}”: data spoza zakresu {first}–2100.").format(label=label, first=first),
            name,
        )
    return value


def _check_time(name: str, spec: Field, label: str, value: Any) -> str:
    parsed = parse_time(value) if isinstance(value, str) else None
    if parsed is None:
        raise fail(
            _("Pole „{label}”: podaj godzinę jako GG:MM, np. 9:30 albo 13:05.").format(label=label),
            name,
        )
    return parsed


def _check_bool(name: str, spec: Field, label: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise fail(_("Pole „{label}” musi mieć wartość tak lub nie.").format(label=label), name)
    return value


def _check_enum(name: str, spec: Field, label: str, value: Any) -> Any:
    assert spec.enum is not None
    try:
        return spec.enum(value)
    except ValueError:
        raise fail(_("Pole „{label}” ma niedozwoloną wartość.").format(label=label), name) from None


def _check_ref(name: str, spec: Field, label: str, value: Any) -> str:
    if not isinstance(value, str) or len(value) > 36:
        raise fail(_("Pole „{label}” wskazuje niepoprawny rekord.").format(label=label), name)
    return value


def _check_codes(name: str, spec: Field, label: str, value: Any) -> list[str]:
    allowed = {k.code for k in key_competences()}
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise fail(_("Pole „{label}” ma niepoprawną wartość.").format(label=label), name)
    unknown = [v for v in value if v not in allowed]
    if unknown:
        # Only what looks like a code is repeated back; anything else need not be fit to read.
        shown = [v if _CODE.fullmatch(v) else "?" for v in unknown]
        raise fail(_("Nieznana kompetencja kluczowa: {code}.").format(code=", ".join(shown)), name)
    return sorted(set(value), key=[k.code for k in key_competences()].index)


def _check_ids(name: str, spec: Field, label: str, value: Any) -> list[str]:
    return strategy_rules.check_ids(name, label, value)


_CHECKERS = {
    "text": _check_text,
    "long": _check_text,
    "int": _check_number,
    "float": _check_number,
    "date": _check_date,
    "time": _check_time,
    "bool": _check_bool,
    "enum": _check_enum,
    "ref": _check_ref,
    "codes": _check_codes,
    "ids": _check_ids,
}


def clean_fields(cls: type[Record], values: Mapping[str, Any]) -> dict[str, Any]:
    specs = FIELDS[cls]
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        spec = specs.get(name)
        if spec is None:
            raise UserError(_("Nieznane pole: {name}.").format(name=name), field=name)
        cleaned[name] = clean_value(name, spec, value)
    return cleaned


def check_refs(session: Session, record: Record, fields: Collection[str] | None = None) -> None:
    """Every reference points at a live record of the same municipality.

    ``fields`` limits the check to the references being set: a reference that
    went stale when its target was deleted later must not block unrelated edits.
    """
    # A network's records point within their network; the others within their municipality.
    owner_key = "network_id" if isinstance(record, NetworkRecord) else "municipality_id"
    municipality_id = getattr(record, owner_key, None)
    for name, spec in FIELDS[type(record)].items():
        if spec.kind != "ref" or spec.ref is None:
            continue
        if fields is not None and name not in fields:
            continue
        target_id = getattr(record, name)
        if target_id is None:
            continue
        target = session.get(spec.ref, target_id)
        if (
            target is None
            or target.deleted_at is not None
            # A record shared by every JST (a person) has no municipality of its own.
            or getattr(target, owner_key, municipality_id) != municipality_id
        ):
            raise fail(
                _(
                    "Pole „{label}” wskazuje rekord, który nie istnieje (mógł zostać usunięty)."
                ).format(label=_(spec.label)),
                name,
            )
    if fields is None or {"link_type", "link_id"} & set(fields):
        check_link(session, record)
    _check_consistency(session, record, fields)


def _check_consistency(session: Session, record: Record, fields: Collection[str] | None) -> None:
    """References that must agree with each other (same HDR, same plan)."""

    def changed(*names: str) -> bool:
        return fields is None or bool(set(names) & set(fields))

    strategy_rules.check_consistency(session, record, fields)
    if isinstance(record, ScheduleItem) and record.priority_id and changed("priority_id"):
        priority = session.get(SchedulePriority, record.priority_id)
        if priority is None or priority.schedule_id != record.schedule_id:
            raise fail(_("Priorytet należy do innego HDR."), "priority_id")
    if isinstance(record, Indicator) and record.plan_id:
        names = ("plan_id", "goal_id", "objective_id", "action_id")
        for name in names[1:]:
            if getattr(record, name) and changed(*names):
                plan_id = plan_of(session, name, getattr(record, name))
                if plan_id is not None and plan_id != record.plan_id:
                    at_fault = name if fields is None or name in fields else "plan_id"
                    raise fail(_("Wskazany element należy do innego planu."), at_fault)


def plan_of(session: Session, name: str, record_id: str) -> str | None:
    """The plan that the goal, objective or action ``record_id`` belongs to."""
    target: Record | None = None
    if name == "action_id":
        action = session.get(Action, record_id)
        record_id, name = (action.objective_id, "objective_id") if action else ("", "")
    if name == "objective_id":
        objective = session.get(Objective, record_id)
        record_id, name = (objective.goal_id, "goal_id") if objective else ("", "")
    if name == "goal_id":
        target = session.get(Goal, record_id)
    return target.plan_id if isinstance(target, Goal) else None


def check_link(session: Session, record: Record) -> None:
    link_type = getattr(record, "link_type", None)
    link_id = getattr(record, "link_id", None)
    if link_type is None and link_id is None:
        return
    targets = {cls.__tablename__: cls for cls in LINKABLE}
    target_cls = targets.get(link_type or "")
    target = session.get(target_cls, link_id) if target_cls and link_id else None
    if (
        target is None
        or target.deleted_at is not None
        or getattr(target, "municipality_id", None) != getattr(record, "municipality_id", None)
    ):
        raise fail(_("Powiązany element nie istnieje (mógł zostać usunięty)."), "link_id")


def check_rules(record: Record) -> None:
    """Required fields are filled in, and the rules that span fields of one record hold."""
    check_required(record)
    rule = _RULES.get(type(record))
    if rule is not None:
        rule(record)


def check_required(record: Record) -> None:
    """Every required field has a value (a new record may omit fields altogether)."""
    for name, spec in FIELDS[type(record)].items():
        if spec.required and getattr(record, name, None) is None:
            raise fail(_("Pole „{label}” nie może być puste.").format(label=_(spec.label)), name)


def _municipality_rules(record: Record) -> None:
    assert isinstance(record, Municipality)
    if record.teryt:
        problem = teryt_problem(record.teryt, MunicipalityKind(record.kind))
        if problem:
            raise fail(problem, "teryt")
    _check_email(record.email)


def _check_email(value: str | None) -> None:
    if value and not _EMAIL.fullmatch(value):
        raise fail(_("Adres e-mail wygląda na niepoprawny."), "email")


def _team_member_rules(record: Record) -> None:
    assert isinstance(record, TeamMember)
    _check_email(record.email)


def _school_rules(record: Record) -> None:
    assert isinstance(record, School)
    if record.school_type not in school_types():
        raise fail(_("Nieznany typ szkoły lub placówki."), "school_type")
    if record.postal_code and not _POSTAL.fullmatch(record.postal_code):
        raise fail(_("Kod pocztowy ma postać 00-000."), "postal_code")
    if record.rspo and not _DIGITS.fullmatch(record.rspo):
        raise fail(_("Numer RSPO składa się z cyfr."), "rspo")
    if record.regon and not (_DIGITS.fullmatch(record.regon) and len(record.regon) in (9, 14)):
        raise fail(_("REGON ma 9 lub 14 cyfr."), "regon")
    _check_email(record.email)
    school_rules(record)


def _plan_rules(record: Record) -> None:
    assert isinstance(record, StrategicPlan)
    if record.year_to < record.year_from:
        raise fail(_("Rok końcowy planu nie może być wcześniejszy niż początkowy."), "year_to")
    if record.year_to - record.year_from > 20:
        raise fail(_("Plan może obejmować najwyżej 20 lat."), "year_to")


def _action_rules(record: Record) -> None:
    assert isinstance(record, Action)
    _check_order(record.start_date, record.end_date, "end_date")
    strategy_rules.action_rules(record)


def _check_order(start: date | None, end: date | None, field: str) -> None:
    if start is not None and end is not None and end < start:
        raise fail(_("Data zakończenia nie może być wcześniejsza niż data rozpoczęcia."), field)


def _indicator_rules(record: Record) -> None:
    assert isinstance(record, Indicator)
    attached = [
        n
        for n in ("goal_id", "objective_id", "action_id", "schedule_item_id")
        if getattr(record, n)
    ]
    if len(attached) > 1:
        raise fail(_("Wskaźnik może być przypisany tylko do jednego elementu."), attached[1])
    _check_order(record.baseline_date, record.target_date, "target_date")
    strategy_rules.indicator_rules(record)


def _schedule_rules(record: Record) -> None:
    assert isinstance(record, DevelopmentSchedule)
    _check_order(record.period_start, record.period_end, "period_end")
    if record.area_code is None and not record.custom_area:
        raise fail(_("Wybierz jeden z 12 obszarów albo wpisz obszar własny."), "area_code")


def _schedule_item_rules(record: Record) -> None:
    assert isinstance(record, ScheduleItem)
    _check_order(record.start_month, record.end_month, "end_month")


def _visit_rules(record: Record) -> None:
    assert isinstance(record, AdvisoryVisit)
    if record.start_time and record.end_time and record.end_time <= record.start_time:
        raise fail(_("Wizyta musi się zakończyć później, niż się zaczęła."), "end_time")


def _conclusion_rules(record: Record) -> None:
    assert isinstance(record, MonitoringConclusion)
    _check_order(record.period_start, record.period_end, "period_end")


_RULES: dict[type[Record], Callable[[Record], None]] = {
    AdvisoryVisit: _visit_rules,
    MonitoringConclusion: _conclusion_rules,
    Municipality: _municipality_rules,
    TeamMember: _team_member_rules,
    School: _school_rules,
    StrategicPlan: _plan_rules,
    Action: _action_rules,
    Indicator: _indicator_rules,
    DevelopmentSchedule: _schedule_rules,
    ScheduleItem: _schedule_item_rules,
    SchoolYearStats: school_year_stats_rules,
    **strategy_rules.RULES,
}


def owned(record: Record) -> OwnedRecord | None:
    return record if isinstance(record, OwnedRecord) else None
