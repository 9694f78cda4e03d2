"""Records described for people: type names, titles, and the fields two versions differ in."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app import units
from app.exchange import codec
from app.exchange.codec import Wire
from app.i18n import N_, _
from app.services import date_text
from app.services.fields import FIELDS
from app.services.network_labels import NETWORK_TITLE_FIELDS, NETWORK_TYPE_LABELS

TYPE_LABELS = {
    "municipality": N_("JST"),
    "team_member": N_("członek zespołu"),
    "school": N_("szkoła"),
    "school_support": N_("wspomaganie szkoły"),
    "strategic_plan": N_("plan"),
    "goal": N_("cel strategiczny"),
    "objective": N_("cel operacyjny"),
    "action": N_("działanie"),
    "indicator": N_("wskaźnik"),
    "measurement": N_("pomiar"),
    "development_schedule": N_("HDR"),
    "schedule_priority": N_("priorytet HDR"),
    "schedule_item": N_("pozycja HDR"),
    "monitoring_note": N_("notatka"),
    "monitoring_conclusion": N_("wnioski z monitoringu"),
    "risk": N_("ryzyko"),
    "advisory_visit": N_("wizyta doradcza"),
    "recommendation": N_("zalecenie"),
    "school_year_snapshot": N_("zamknięty rok szkolny"),
    "snapshot_event": N_("wpis dziennika zamknięć roku"),
    **NETWORK_TYPE_LABELS,
}
TITLE_LENGTH = 90

# The fields that name a record, first found wins.
_TITLE_FIELDS: dict[str, tuple[str, ...]] = {
    "municipality": ("name",),
    "team_member": ("name",),
    "school": ("name",),
    "strategic_plan": ("title",),
    "goal": ("title",),
    "objective": ("title",),
    "action": ("title",),
    "indicator": ("name",),
    "development_schedule": ("title",),
    "schedule_priority": ("title",),
    "schedule_item": ("action",),
    "monitoring_note": ("title", "text"),
    "monitoring_conclusion": ("conclusions",),
    "risk": ("title",),
    "recommendation": ("text",),
    "snapshot_event": ("reason", "author"),
    **NETWORK_TITLE_FIELDS,
}


def type_label(table: str) -> str:
    return _(TYPE_LABELS.get(table, table))


def title(table: str, wire: Mapping[str, Any], limit: int = TITLE_LENGTH) -> str:
    """A one-line name for the record, as a list shows it."""
    text = ""
    for name in _TITLE_FIELDS.get(table, ()):
        value = wire.get(name)
        if isinstance(value, str) and value.strip():
            text = value
            break
    if table == "goal" or table == "objective":
        code = wire.get("code")
        text = f"{code} {text}" if code else text
    elif table == "measurement":
        text = f"{_day(wire.get('measured_on'))}: {_number(wire.get('value'))}"
    elif table == "school_support":
        text = f"{_day(wire.get('stage_date'))}: {_enum_label(table, 'stage', wire.get('stage'))}"
    elif table == "school_year_snapshot" and isinstance(wire.get("school_year"), int):
        year = int(wire["school_year"])
        text = _("rok szkolny {year}").format(year=f"{year}/{year + 1}")
    elif table == "advisory_visit":
        where = wire.get("place") or wire.get("advisor") or ""
        text = f"{_day(wire.get('visit_date'))} {where}".strip()
    return _shorten(" ".join(text.split()), limit) or _("(bez nazwy)")


def _shorten(text: str, limit: int = TITLE_LENGTH) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class FieldRow:
    label: str
    mine: str
    theirs: str


Lookup = Callable[[str], tuple[str, Wire] | None]


def differences(
    table: str, mine: Wire | None, theirs: Wire | None, lookup: Lookup | None = None
) -> list[FieldRow]:
    """The fields in which the two versions differ, labelled and shown as people read them."""
    rows: list[FieldRow] = []
    if (mine is None or codec.is_deleted(mine)) != (theirs is None or codec.is_deleted(theirs)):
        rows.append(FieldRow(_("Stan"), _state(mine), _state(theirs)))
    specs = FIELDS.get(codec.TABLES[table], {})
    names = [name for name in specs if name not in ("link_type",)]
    if table == "action":
        names.append(codec.SCHOOLS)
    for name in names:
        left = None if mine is None else mine.get(name)
        right = None if theirs is None else theirs.get(name)
        if left == right:
            continue
        label = _(specs[name].label) if name in specs else _("Szkoły")
        rows.append(
            FieldRow(
                label,
                show(table, name, left, lookup),
                show(table, name, right, lookup),
            )
        )
    return rows


def _state(wire: Wire | None) -> str:
    if wire is None:
        return _("brak")
    return _("usunięty") if codec.is_deleted(wire) else _("istnieje")


def show(table: str, name: str, value: Any, lookup: Lookup | None = None) -> str:
    """One stored value as text."""
    if value is None or value == "" or value == []:
        return "—"
    spec = FIELDS.get(codec.TABLES[table], {}).get(name)
    kind = spec.kind if spec else ("ref" if name.endswith("_id") else "")
    if isinstance(value, bool):
        return _("tak") if value else _("nie")
    if kind == "date":
        return _day(value)
    if kind == "enum":
        return _enum_label(table, name, value)
    if name.endswith("_cents") and isinstance(value, int):
        return _money(value)
    if isinstance(value, float | int):
        return _number(value)
    if name == codec.SCHOOLS and isinstance(value, list):
        return ", ".join(_referenced(item, lookup) for item in value)
    if kind == "ref" or name == "link_id":
        return _referenced(str(value), lookup)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _referenced(record_id: str, lookup: Lookup | None) -> str:
    found = lookup(record_id) if lookup else None
    if found is None:
        return record_id
    table, wire = found
    return f"{title(table, wire)} ({type_label(table)})"


def _enum_label(table: str, name: str, value: Any) -> str:
    column = next((c for c in codec.COLUMNS[table] if c.name == name), None)
    if column is None or column.enum is None or not isinstance(value, str):
        return str(value)
    try:
        return str(column.enum(value).label)  # type: ignore[attr-defined]
    except (ValueError, AttributeError):
        return value


def _day(value: Any) -> str:
    if not isinstance(value, str):
        return "—"
    try:
        return date_text.show(date.fromisoformat(value))
    except ValueError:
        return value


def moment(value: datetime) -> str:
    """A timestamp in the user's time zone, its day in the language's one form."""
    local = value.astimezone()
    return f"{date_text.show(local.date())} {local:%H:%M}"


def _number(value: Any) -> str:
    if not isinstance(value, int | float):
        return str(value)
    return units.number(value)


def _money(cents: int) -> str:
    return units.money(cents)
