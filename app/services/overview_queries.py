"""The SQL behind the overview and the portfolio: a few statements, compiled once.

Each statement comes in two forms: for one municipality (rows to list) and for
all of them (counts grouped by municipality). They are written with SQLAlchemy
Core against the model, compiled to SQLite's SQL on first use (constants such
as status codes inline, ``:today``, ``:month_start`` and ``:municipality_id``
left as named parameters), and run on the DB-API cursor of a pooled
connection by :class:`Reader`.

Why not ``connection.execute(statement)``: for the overview of one
municipality the SQL itself takes well under a millisecond, and SQLAlchemy's
work per execution (the cache key of a five-join statement, typed result
rows) cost twice that again — the issue allows 2× the plain SQL. The price is
that results come as SQLite stores them: dates as ISO text (:func:`day`),
statuses as their codes. Tombstones are filtered here explicitly, since the
session's hook is not involved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Date,
    Select,
    String,
    and_,
    case,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from app.model import (
    Action,
    AdvisoryVisit,
    DevelopmentSchedule,
    Goal,
    Indicator,
    Measurement,
    MonitoringNote,
    Municipality,
    Objective,
    PlanStatus,
    Recommendation,
    Risk,
    RiskStatus,
    ScheduleItem,
    StrategicPlan,
    TeamMember,
)
from app.services.overview_signals import HIGH_RISK
from app.services.schedules import FINISHED
from app.services.visits import OPEN_STATUSES

if TYPE_CHECKING:
    Query = Select[*tuple[Any, ...]]

# The named parameters of the compiled statements (values from :func:`params`).
TODAY = literal_column(":today", Date())
MONTH_START = literal_column(":month_start", Date())
MUNICIPALITY = literal_column(":municipality_id", String())
LATEST_NOTES = 5

_FINISHED = [status.value for status in FINISHED]
_OPEN = [status.value for status in OPEN_STATUSES]


def params(today: date, municipality_id: str | None = None) -> dict[str, Any]:
    """The values of the named parameters for a run on ``today`` (as SQLite stores them)."""
    return {
        "today": today.isoformat(),
        "month_start": today.replace(day=1).isoformat(),
        "municipality_id": municipality_id,
    }


class Reader:
    """Runs compiled statements with one set of parameters on a pooled connection's driver."""

    def __init__(self, connection: Connection, values: dict[str, Any]) -> None:
        self._driver: Any = connection.connection.driver_connection
        self.values = values

    def rows(self, sql: str) -> list[Any]:
        """The rows of a compiled statement, as tuples of SQLite values."""
        rows: list[Any] = self._driver.execute(sql, self.values).fetchall()
        return rows


def day(value: str | None) -> date | None:
    """A date read from a compiled statement's row (ISO text in SQLite)."""
    return None if value is None else date.fromisoformat(value)


@dataclass(frozen=True)
class Statements:
    """One municipality's rows (``*_of``) and everyone's counts (``*_by_municipality``),
    as SQL text; the comments say what each row holds.
    """

    name_of: str  # (name, date of the latest visit)
    names: str  # (id, name)
    actions_of: str  # (id, title, status, end_date, responsible name, overdue 0/1)
    actions_by_municipality: str  # (municipality id, status, count, overdue count)
    items_of: str  # (id, action, status, end_month, responsible, overdue 0/1)
    items_by_municipality: str  # (municipality id, status, count, overdue count)
    indicators_of: str  # see _indicators
    indicators_all: str
    recommendations_of: str  # open ones: (id, text, owner, due date, status)
    recommendations_by_municipality: str  # (municipality id, open, overdue)
    risks_of: str  # not closed, highest score first: (id, title, review, owner, status, score)
    risks_by_municipality: str  # (municipality id, count, high, top score)
    notes_of: str  # newest first: (id, title, text, noted on, author, kind)
    last_note_by_municipality: str  # (municipality id, date)
    last_visit_by_municipality: str  # (municipality id, date)


@cache
def statements() -> Statements:
    """The statements, compiled on first use."""
    dialect = sqlite.dialect()
    options = {"literal_binds": True}  # constants inline; the named parameters stay
    return Statements(
        **{
            name: str(query.compile(dialect=dialect, compile_kwargs=options))
            for name, query in _build().items()
        }
    )


def _build() -> dict[str, Query]:
    return {
        "name_of": _name_of(),
        "names": select(Municipality.id, Municipality.name).where(
            Municipality.deleted_at.is_(None)
        ),
        "actions_of": _actions_of(),
        "actions_by_municipality": _grouped(
            _plan_actions(), Action.municipality_id, Action.status, _action_overdue()
        ),
        "items_of": _items_of(),
        "items_by_municipality": _grouped(
            _schedule_items(), ScheduleItem.municipality_id, ScheduleItem.status, _item_overdue()
        ),
        "indicators_of": _indicators(one=True),
        "indicators_all": _indicators(one=False),
        "recommendations_of": _recommendations_of(),
        "recommendations_by_municipality": _recommendations_by_municipality(),
        "risks_of": _risks_of(),
        "risks_by_municipality": _risks_by_municipality(),
        "notes_of": _notes_of(),
        "last_note_by_municipality": _latest(MonitoringNote, MonitoringNote.noted_on),
        "last_visit_by_municipality": _latest(AdvisoryVisit, AdvisoryVisit.visit_date),
    }


def _name_of() -> Query:
    last_visit = (
        select(func.max(AdvisoryVisit.visit_date))
        .where(AdvisoryVisit.municipality_id == MUNICIPALITY, AdvisoryVisit.deleted_at.is_(None))
        .scalar_subquery()
    )
    return select(Municipality.name, last_visit).where(
        Municipality.id == MUNICIPALITY, Municipality.deleted_at.is_(None)
    )


def _grouped(base: Query, municipality: Any, status: Any, late: Any) -> Query:
    return base.add_columns(
        municipality, status, func.count(), func.sum(case((late, 1), else_=0))
    ).group_by(municipality, status)


# -- plan actions ------------------------------------------------------------------------


def _plan_actions() -> Query:
    """Live actions of plans that are not closed."""
    return (
        select()
        .select_from(Action)
        .join(Objective, Action.objective_id == Objective.id)
        .join(Goal, Objective.goal_id == Goal.id)
        .join(StrategicPlan, Goal.plan_id == StrategicPlan.id)
        .where(
            Action.deleted_at.is_(None),
            Objective.deleted_at.is_(None),
            Goal.deleted_at.is_(None),
            StrategicPlan.deleted_at.is_(None),
            StrategicPlan.status != PlanStatus.CLOSED,
        )
    )


def _action_overdue() -> Any:
    """Past its end date and neither done nor dropped."""
    return and_(Action.end_date < TODAY, Action.status.not_in(_FINISHED))


def _actions_of() -> Query:
    responsible = and_(TeamMember.id == Action.responsible_id, TeamMember.deleted_at.is_(None))
    return (
        _plan_actions()
        .outerjoin(TeamMember, responsible)
        .add_columns(
            Action.id,
            Action.title,
            Action.status,
            Action.end_date,
            TeamMember.name,
            case((_action_overdue(), 1), else_=0),
        )
        .where(Action.municipality_id == MUNICIPALITY)
        .order_by(Action.end_date, Action.position)
    )


# -- HDR items ---------------------------------------------------------------------------


def _schedule_items() -> Query:
    return (
        select()
        .select_from(ScheduleItem)
        .join(DevelopmentSchedule, ScheduleItem.schedule_id == DevelopmentSchedule.id)
        .where(ScheduleItem.deleted_at.is_(None), DevelopmentSchedule.deleted_at.is_(None))
    )


def _item_overdue() -> Any:
    """:func:`app.services.schedules.is_overdue` in SQL: the end month is before this one."""
    return and_(ScheduleItem.end_month < MONTH_START, ScheduleItem.status.not_in(_FINISHED))


def _items_of() -> Query:
    return (
        _schedule_items()
        .add_columns(
            ScheduleItem.id,
            ScheduleItem.action,
            ScheduleItem.status,
            ScheduleItem.end_month,
            ScheduleItem.responsible,
            case((_item_overdue(), 1), else_=0),
        )
        .where(ScheduleItem.municipality_id == MUNICIPALITY)
        .order_by(ScheduleItem.end_month, ScheduleItem.position)
    )


# -- indicators --------------------------------------------------------------------------


def _indicators(one: bool) -> Query:
    """Live indicators not in a closed plan, each with its latest live measurement.

    Columns: municipality id, id, name, baseline value, baseline date, target
    value, target date, interval, latest date, latest value.

    "Latest" is as :func:`app.services.indicators.latest_of` takes it: the
    latest date, and of one day the entry made last. SQLite's documented
    ``max()`` with bare columns gives it in one pass: the bare columns come
    from the row holding the maximum of ``measured_on || created_at`` (both
    fixed-width ISO texts, so the text order is the time order).
    """
    latest = (
        select(
            Measurement.indicator_id,
            Measurement.measured_on,
            Measurement.value,
            func.max(_text(Measurement.measured_on) + _text(Measurement.created_at)),
        )
        .where(Measurement.deleted_at.is_(None))
        .group_by(Measurement.indicator_id)
    )
    if one:
        latest = latest.where(Measurement.municipality_id == MUNICIPALITY)
    newest = aliased(latest.subquery("latest"))
    query = (
        select(
            Indicator.municipality_id,
            Indicator.id,
            Indicator.name,
            Indicator.baseline_value,
            Indicator.baseline_date,
            Indicator.target_value,
            Indicator.target_date,
            Indicator.interval_months,
            newest.c.measured_on,
            newest.c.value,
            Indicator.direction,
        )
        .outerjoin(StrategicPlan, StrategicPlan.id == Indicator.plan_id)
        .outerjoin(newest, newest.c.indicator_id == Indicator.id)
        .where(
            Indicator.deleted_at.is_(None),
            or_(StrategicPlan.id.is_(None), StrategicPlan.status != PlanStatus.CLOSED),
        )
    )
    if one:
        query = query.where(Indicator.municipality_id == MUNICIPALITY).order_by(
            Indicator.position, Indicator.created_at
        )
    return query


def _text(column: Any) -> Any:
    """A date or time column as the text SQLite holds (to concatenate)."""
    return type_coerce(column, String())


# -- recommendations ---------------------------------------------------------------------


def _open_recommendations() -> Query:
    return (
        select()
        .select_from(Recommendation)
        .join(AdvisoryVisit, Recommendation.visit_id == AdvisoryVisit.id)
        .where(
            Recommendation.deleted_at.is_(None),
            AdvisoryVisit.deleted_at.is_(None),
            Recommendation.status.in_(_OPEN),
        )
    )


def _recommendations_of() -> Query:
    return (
        _open_recommendations()
        .add_columns(
            Recommendation.id,
            Recommendation.text,
            Recommendation.owner,
            Recommendation.due_date,
            Recommendation.status,
        )
        .where(Recommendation.municipality_id == MUNICIPALITY)
        .order_by(AdvisoryVisit.visit_date, Recommendation.position)
    )


def _recommendations_by_municipality() -> Query:
    # Open ones already: overdue when the due date is over (visits.overdue).
    late = Recommendation.due_date < TODAY
    return (
        _open_recommendations()
        .add_columns(
            Recommendation.municipality_id, func.count(), func.sum(case((late, 1), else_=0))
        )
        .group_by(Recommendation.municipality_id)
    )


# -- risks, notes, visits ----------------------------------------------------------------


def _open_risks() -> Query:
    return (
        select()
        .select_from(Risk)
        .where(Risk.deleted_at.is_(None), Risk.status != RiskStatus.CLOSED)
    )


_SCORE = Risk.probability * Risk.impact


def _risks_of() -> Query:
    return (
        _open_risks()
        .add_columns(Risk.id, Risk.title, Risk.review_date, Risk.owner, Risk.status, _SCORE)
        .where(Risk.municipality_id == MUNICIPALITY)
        .order_by(_SCORE.desc(), Risk.review_date, Risk.title)
    )


def _risks_by_municipality() -> Query:
    return (
        _open_risks()
        .add_columns(
            Risk.municipality_id,
            func.count(),
            func.sum(case((_SCORE >= HIGH_RISK, 1), else_=0)),
            func.max(_SCORE),
        )
        .group_by(Risk.municipality_id)
    )


def _notes_of() -> Query:
    return (
        select(
            MonitoringNote.id,
            MonitoringNote.title,
            MonitoringNote.text,
            MonitoringNote.noted_on,
            MonitoringNote.author,
            MonitoringNote.kind,
        )
        .where(MonitoringNote.municipality_id == MUNICIPALITY, MonitoringNote.deleted_at.is_(None))
        .order_by(MonitoringNote.noted_on.desc(), MonitoringNote.created_at.desc())
        .limit(LATEST_NOTES)
    )


def _latest(cls: type[MonitoringNote] | type[AdvisoryVisit], when: Any) -> Query:
    query = select(cls.municipality_id, func.max(when)).where(cls.deleted_at.is_(None))
    return query.group_by(cls.municipality_id)
