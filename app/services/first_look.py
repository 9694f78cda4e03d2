"""The first look: the overview of the last municipality, shown at start-up before the data layer.

Loading SQLAlchemy and the model takes most of a start (some 0.6 s on a slow
laptop); the overview itself is read in a few milliseconds. So when the window
closes, what the overview shows is written down (:func:`capture`, then
:func:`to_json` into :mod:`app.storage.first_look_file`), and the next start
shows it at once if the data file is unchanged — then opens the store and
fills the page again from it, as always. The user sees the same thing twice.

Everything here but :func:`capture` loads without SQLAlchemy: it is read
before the data layer is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from app import enums
from app.i18n import current_language
from app.services.overview_signals import Item, MunicipalityOverview, Progress, Signals
from app.version import __version__

if TYPE_CHECKING:
    from app.storage.store import Store


@dataclass(frozen=True)
class MunicipalityEntry:
    """A municipality as the switcher lists it (the same attributes as the model's row)."""

    id: str
    name: str
    kind: enums.MunicipalityKind
    is_demo: bool = False
    teryt: str | None = None
    county: str | None = None


@dataclass(frozen=True)
class YearlyLine:
    """The yearly report's deadline and readiness, and the data it still lacks."""

    text: str
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class FirstLook:
    municipalities: tuple[MunicipalityEntry, ...]
    overview: MunicipalityOverview
    next_term: tuple[date, str] | None = None  # the plan's next date and what it is (shown)
    yearly: YearlyLine | None = None

    @property
    def today(self) -> date:
        """The day the look was taken on (overdue marks and the yearly line count from it)."""
        return self.overview.signals.today


def context(municipality_id: str, today: date) -> dict[str, str]:
    """What the look depends on besides the data: it is shown only when all are the same."""
    return {
        "version": __version__,
        "language": current_language(),
        "today": today.isoformat(),
        "municipality": municipality_id,
    }


def capture(store: Store, municipality_id: str, today: date) -> FirstLook:
    """What the overview of ``municipality_id`` shows on ``today``, read from ``store``."""
    from app.services import municipalities, yearly_report
    from app.services.overview import municipality_overview
    from app.services.strategy import next_evaluation_text

    listed = tuple(
        MunicipalityEntry(m.id, m.name, m.kind, bool(m.is_demo), m.teryt, m.county)
        for m in municipalities.all_municipalities(store)
    )
    status = yearly_report.status(store, municipality_id, today)
    return FirstLook(
        municipalities=listed,
        overview=municipality_overview(store, municipality_id, today),
        next_term=next_evaluation_text(store, municipality_id, today),
        yearly=YearlyLine(status.text, tuple(status.missing)),
    )


# -- to and from JSON --------------------------------------------------------------------
#
# Written by this program and read back by the same version only (the file says
# which), so the reading is strict: anything unexpected raises ValueError.


def to_json(look: FirstLook) -> dict[str, Any]:
    return {
        "municipalities": [_plain(entry) for entry in look.municipalities],
        "overview": _plain(look.overview),
        "next_term": None if look.next_term is None else _plain(list(look.next_term)),
        "yearly": None if look.yearly is None else _plain(look.yearly),
    }


def from_json(data: Mapping[str, Any]) -> FirstLook:
    """The look written by :func:`to_json`; ValueError if ``data`` is anything else."""
    try:
        when, what = data["next_term"] or (None, None)
        yearly = data["yearly"]
        return FirstLook(
            municipalities=tuple(_entry(row) for row in data["municipalities"]),
            overview=_overview(data["overview"]),
            next_term=None if when is None else (_day(when), _text(what)),
            yearly=None
            if yearly is None
            else YearlyLine(_text(yearly["text"]), tuple(map(_text, yearly["missing"]))),
        )
    except (KeyError, TypeError, AttributeError, IndexError) as error:
        raise ValueError(f"not a first look: {error!r}") from None


def _plain(value: Any) -> Any:
    """Dataclasses, enums, dates and mappings as JSON values (enums keep their class)."""
    if isinstance(value, StrEnum):
        return {"enum": type(value).__name__, "value": value.value}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return [[_plain(key), count] for key, count in value.items()]
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def _entry(row: Mapping[str, Any]) -> MunicipalityEntry:
    return MunicipalityEntry(
        id=_text(row["id"]),
        name=_text(row["name"]),
        kind=_enum(row["kind"], enums.MunicipalityKind),
        is_demo=bool(row["is_demo"]),
        teryt=_optional(row["teryt"], _text),
        county=_optional(row["county"], _text),
    )


def _overview(data: Mapping[str, Any]) -> MunicipalityOverview:
    items = {
        name: tuple(_item(row) for row in data[name])
        for name in (
            "overdue_actions",
            "overdue_schedule_items",
            "indicators",
            "recommendations",
            "top_risks",
            "latest_notes",
        )
    }
    return MunicipalityOverview(
        municipality_id=_text(data["municipality_id"]),
        name=_text(data["name"]),
        signals=_signals(data["signals"]),
        **items,
    )


def _signals(data: Mapping[str, Any]) -> Signals:
    counts = {f.name: _number(data[f.name]) for f in fields(Signals) if f.type == "int"}
    return Signals(
        today=_day(data["today"]),
        actions={_enum(key, enums.ActionStatus): _number(n) for key, n in data["actions"]},
        hdr=Progress(**{f.name: _number(data["hdr"][f.name]) for f in fields(Progress)}),
        indicators={_enum(key, enums.IndicatorStatus): _number(n) for key, n in data["indicators"]},
        last_note=_optional(data["last_note"], _day),
        last_visit=_optional(data["last_visit"], _day),
        **counts,
    )


def _item(row: Mapping[str, Any]) -> Item:
    status = row["status"]
    return Item(
        record_type=_text(row["record_type"]),
        record_id=_text(row["record_id"]),
        title=_text(row["title"]),
        when=_optional(row["when"], _day),
        who=_optional(row["who"], _text),
        status=None if status is None else _enum(status, enums.LabelledEnum),
        score=_optional(row["score"], _number),
        overdue=bool(row["overdue"]),
        stale=bool(row["stale"]),
    )


Enum = TypeVar("Enum", bound=StrEnum)


def _enum(data: Mapping[str, Any], kind: type[Enum]) -> Enum:
    """``{"enum": "ActionStatus", "value": "done"}`` as the member, if of the ``kind`` expected."""
    found = getattr(enums, _text(data["enum"]), None)
    if not (isinstance(found, type) and issubclass(found, kind)):
        raise ValueError(f"unknown enum {data['enum']!r}")
    member: Enum = found(_text(data["value"]))
    return member


Value = TypeVar("Value")


def _optional(value: Any, read: Callable[[Any], Value]) -> Value | None:
    return None if value is None else read(value)


def _day(value: Any) -> date:
    return date.fromisoformat(_text(value))


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"not a text: {value!r}")
    return value


def _number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"not a whole number: {value!r}")
    return value
