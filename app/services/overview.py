"""Przegląd: the signals that say whether a municipality's plan is on course.

:func:`municipality_overview` gives one municipality at a glance (with the
items behind each number, each naming the record it stands for);
:func:`portfolio` gives one row of the same signals per municipality, for an
advisor with many of them.

The rules are those of the services that own them:

* plan actions count for plans that are not closed; an action is *overdue*
  when its end date is before today and it is neither done nor dropped;
* HDR items: :func:`app.services.schedules.is_overdue` (overdue from the first
  day of the month after their end month), counted as in
  :class:`app.services.schedules.Progress`;
* indicators: :func:`app.services.indicators.evaluate` (status and stale) on
  the latest measurement, for indicators not in a closed plan;
* recommendations: :func:`app.services.visits.overdue`;
* risks that are not closed; a risk is *high* when probability × impact is at
  least :data:`HIGH_RISK`.

Both read with a handful of grouped queries on one connection (SQLAlchemy Core,
not ORM objects: the portfolio of 50 municipalities must cost little more than
the plain SQL it needs — see ``benchmarks/overview_bench.py``). Tombstoned
records are filtered explicitly, since the session's hook is not involved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple, cast

from app.errors import UserError
from app.i18n import _
from app.model import (
    ActionStatus,
    Indicator,
    IndicatorStatus,
    Measurement,
    NoteKind,
    RecommendationStatus,
    RiskStatus,
)
from app.services import overview_queries as queries
from app.services.attention import ATTENTION_STATUSES
from app.services.indicators import SEVERITY, IndicatorState, evaluate
from app.services.overview_queries import day
from app.services.overview_signals import (
    HIGH_RISK,
    Item,
    MunicipalityOverview,
    PortfolioRow,
    Progress,
    Signals,
)
from app.services.visits import overdue
from app.storage.store import Store

TOP_RISKS = 5
LATEST_NOTES = queries.LATEST_NOTES
TITLE_LENGTH = 160

# -- the two use cases -------------------------------------------------------------------


def municipality_overview(store: Store, municipality_id: str, today: date) -> MunicipalityOverview:
    """The chosen municipality at a glance on ``today``."""
    sql = queries.statements()
    values = queries.params(today, municipality_id)
    with store.engine.connect() as connection:
        read = queries.Reader(connection, values)
        found = read.rows(sql.name_of)
        if not found:
            raise UserError(_("Ta JST już nie istnieje (mogła zostać usunięta)."))
        actions = read.rows(sql.actions_of)
        items = read.rows(sql.items_of)
        indicators = list(_evaluated(read.rows(sql.indicators_of), today))
        recommendations = [_recommendation(r, today) for r in read.rows(sql.recommendations_of)]
        risks = [_risk(row) for row in read.rows(sql.risks_of)]
        notes = [_note(row) for row in read.rows(sql.notes_of)]
    name, last_visit = found[0]
    recommendations.sort(key=lambda i: (not i.overdue, i.when is None, i.when or today))
    signals = Signals(
        today=today,
        actions=_by_status(row[2] for row in actions),
        actions_overdue=sum(row[5] for row in actions),
        hdr=_progress(
            (ActionStatus(status), count, count * late)
            for (status, late), count in Counter((row[2], row[5]) for row in items).items()
        ),
        indicators=Counter(state.status for _row, state in indicators),
        indicators_stale=sum(state.stale for _row, state in indicators),
        recommendations_open=len(recommendations),
        recommendations_overdue=sum(item.overdue for item in recommendations),
        risks_open=len(risks),
        risks_high=sum((item.score or 0) >= HIGH_RISK for item in risks),
        top_risk_score=max((item.score or 0 for item in risks), default=0),
        last_note=notes[0].when if notes else None,
        last_visit=day(last_visit),
    )
    return MunicipalityOverview(
        municipality_id=municipality_id,
        name=name,
        signals=signals,
        overdue_actions=tuple(_late_item("action", row) for row in actions if row[5]),
        overdue_schedule_items=tuple(_late_item("schedule_item", row) for row in items if row[5]),
        indicators=tuple(_needing_attention(indicators)),
        recommendations=tuple(recommendations),
        top_risks=tuple(risks[:TOP_RISKS]),
        latest_notes=tuple(notes),
    )


def portfolio(store: Store, today: date) -> list[PortfolioRow]:
    """One row per municipality, those needing attention first (then by name)."""
    sql = queries.statements()
    values = queries.params(today)
    with store.engine.connect() as connection:
        rows = queries.Reader(connection, values).rows
        names = rows(sql.names)
        actions = _grouped_statuses(rows(sql.actions_by_municipality))
        items = _grouped_statuses(rows(sql.items_by_municipality))
        indicators = _grouped_indicators(rows(sql.indicators_all), today)
        recommendations = {
            mid: (count, int(late or 0))
            for mid, count, late in rows(sql.recommendations_by_municipality)
        }
        risks = {
            mid: (count, int(high or 0), int(top or 0))
            for mid, count, high, top in rows(sql.risks_by_municipality)
        }
        notes = {mid: day(last) for mid, last in rows(sql.last_note_by_municipality)}
        visits = {mid: day(last) for mid, last in rows(sql.last_visit_by_municipality)}
    result = []
    for municipality_id, name in names:
        action_rows = actions.get(municipality_id, [])
        indicator_counts, stale = indicators.get(municipality_id, ({}, 0))
        open_count, late_count = recommendations.get(municipality_id, (0, 0))
        risks_open, risks_high, top_score = risks.get(municipality_id, (0, 0, 0))
        signals = Signals(
            today=today,
            actions={status: count for status, count, _late in action_rows},
            actions_overdue=sum(late for _status, _count, late in action_rows),
            hdr=_progress(items.get(municipality_id, [])),
            indicators=indicator_counts,
            indicators_stale=stale,
            recommendations_open=open_count,
            recommendations_overdue=late_count,
            risks_open=risks_open,
            risks_high=risks_high,
            top_risk_score=top_score,
            last_note=notes.get(municipality_id),
            last_visit=visits.get(municipality_id),
        )
        result.append(PortfolioRow(municipality_id, name, signals))
    result.sort(key=lambda row: (-row.attention, row.name.casefold()))
    return result


# -- rows into items and counts ----------------------------------------------------------

StatusCount = tuple[ActionStatus, int, int]  # status, how many, how many overdue


def _grouped_statuses(rows: Iterable[Any]) -> dict[str, list[StatusCount]]:
    grouped: dict[str, list[StatusCount]] = {}
    for municipality_id, status, count, late in rows:
        grouped.setdefault(municipality_id, []).append(
            (ActionStatus(status), count, int(late or 0))
        )
    return grouped


def _progress(counts: Iterable[StatusCount]) -> Progress:
    """Counts by status as :func:`app.services.schedules.progress_of` makes them."""
    progress = Progress()
    for status, count, late in counts:
        progress.count(status, count, late)
    return progress


def _late_item(record_type: str, row: Any) -> Item:
    """An overdue action or HDR item from its row (id, title, status, end, who, overdue)."""
    record_id, title, status, end, who, _late = row
    return Item(
        record_type, record_id, _short(title), day(end), who, ActionStatus(status), None, True
    )


def _recommendation(row: Any, today: date) -> Item:
    record_id, text, owner, due, status = row
    due_date = day(due)
    late = overdue(status, due_date, today)
    return Item(
        "recommendation",
        record_id,
        _short(text),
        due_date,
        owner,
        RecommendationStatus(status),
        None,
        late,
    )


def _risk(row: Any) -> Item:
    record_id, title, review_date, owner, status, score = row
    return Item(
        "risk", record_id, _short(title), day(review_date), owner, RiskStatus(status), score
    )


def _note(row: Any) -> Item:
    record_id, title, text, noted_on, author, kind = row
    return Item(
        "monitoring_note", record_id, _short(title or text), day(noted_on), author, NoteKind(kind)
    )


# -- indicators --------------------------------------------------------------------------


class _IndicatorFacts(NamedTuple):
    """What :func:`evaluate` reads of an indicator (an ORM object per row costs more)."""

    baseline_value: float | None
    baseline_date: date | None
    target_value: float | None
    target_date: date | None
    interval_months: int | None
    direction: str | None = None


class _Latest(NamedTuple):
    """What :func:`evaluate` reads of the latest measurement."""

    measured_on: date
    value: float


def _evaluated(rows: Iterable[Any], today: date) -> Iterable[tuple[Any, IndicatorState]]:
    """Each indicator row with its state, by the rules of :func:`evaluate` itself."""
    for row in rows:
        kind = row[10] if len(row) > 10 else None
        facts = _IndicatorFacts(row[3], day(row[4]), row[5], day(row[6]), row[7], kind)
        latest = day(row[8])
        measured = [cast(Measurement, _Latest(latest, row[9]))] if latest is not None else []
        yield row, evaluate(cast(Indicator, facts), measured, today)


def _indicator_item(row: Any, state: IndicatorState) -> Item:
    return Item(
        "indicator", row[1], _short(row[2]), day(row[8]), None, state.status, stale=state.stale
    )


def _grouped_indicators(
    rows: Iterable[Any], today: date
) -> dict[str, tuple[dict[IndicatorStatus, int], int]]:
    grouped: dict[str, tuple[dict[IndicatorStatus, int], int]] = {}
    for row, state in _evaluated(rows, today):
        counts, stale = grouped.get(row[0], ({}, 0))
        counts[state.status] = counts.get(state.status, 0) + 1
        grouped[row[0]] = (counts, stale + state.stale)
    return grouped


def _needing_attention(evaluated: Iterable[tuple[Any, IndicatorState]]) -> list[Item]:
    """Off track, at risk or stale; the worst first (stale ones after the others)."""
    wanted = [
        (row, state)
        for row, state in evaluated
        if state.stale or state.status in ATTENTION_STATUSES
    ]
    wanted.sort(key=lambda found: (SEVERITY[found[1].status], not found[1].stale))
    return [_indicator_item(row, state) for row, state in wanted]


def _by_status(statuses: Iterable[str]) -> dict[ActionStatus, int]:
    return {ActionStatus(code): count for code, count in Counter(statuses).items()}


def _short(text: str | None) -> str:
    if text is None:
        return ""
    if len(text) <= TITLE_LENGTH and "\n" not in text and "  " not in text:
        return text.strip()  # most titles: nothing to fold or cut
    # Only the beginning is shown: a note's text may be pages long.
    line = " ".join(text[: TITLE_LENGTH * 2].split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1].rstrip() + "…"


def items_of(overview: MunicipalityOverview) -> Sequence[Item]:
    """Every item the overview lists (for finding one by its record)."""
    return (
        *overview.overdue_actions,
        *overview.overdue_schedule_items,
        *overview.indicators,
        *overview.recommendations,
        *overview.top_risks,
        *overview.latest_notes,
    )
