"""What the window shows of a closed school year: plain tables read from its snapshot.

Every table is read from the frozen store (:func:`app.services.snapshots.open_snapshot`),
so the viewer shows the state when the year was closed — school data of the
year, the plan and HDR, indicator values and statuses, notes, risks, visits —
and nothing in it can be edited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from app.i18n import _
from app.model import AdvisoryVisit, Recommendation, RecommendationStatus, School
from app.model.school_data import SchoolYearStats
from app.services import snapshots
from app.storage.store import Store

MAX_TEXT = 300  # a note's first lines; the rest is in the exchange of the year


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]


def view(store: Store, snapshot_id: str) -> list[Table]:
    """The closed year's tables, in the order the viewer's tabs show them."""
    from app.reports import queries
    from app.reports.dates import short_date
    from app.reports.values import number, with_unit

    found = snapshots.get_snapshot(store, snapshot_id)
    m, year = found.municipality_id, found.school_year
    with snapshots.open_snapshot(store, snapshot_id) as frozen:
        data = queries.monitoring_data(frozen, m, None, found.as_of, today=found.as_of)
        schools, visits = _school_rows(frozen, m, year), _visits(frozen, m)
    actions = [] if data.plan is None else data.plan.actions
    plan = [
        (a.title, a.status.label, short_date(a.start_date), short_date(a.end_date)) for a in actions
    ]
    plan += [
        (f"{hdr.schedule.title}: {item.action}", item.status.label,
         short_date(item.start_month), short_date(item.end_month))
        for hdr in data.schedules
        for item in hdr.items
    ]  # fmt: skip
    indicators = [
        (
            row.indicator.name,
            with_unit(row.state.latest.value if row.state.latest else None, row.indicator.unit),
            short_date(row.state.latest.measured_on) if row.state.latest else "",
            number(row.indicator.target_value),
            row.state.status.label,
        )
        for row in data.indicators
    ]
    notes = [(short_date(n.noted_on), n.kind.label, _clip(n.text)) for n in data.notes]
    risks = [(r.title, f"{r.probability} × {r.impact}", r.status.label) for r in data.risks]
    return [
        Table(
            _("Dane oświatowe {year}").format(year=found.label),
            (_("Szkoła lub placówka"), _("Uczniowie"), _("Oddziały"), _("Etaty nauczycieli")),
            schools,
        ),
        Table(_("Plan i HDR"), (_("Działanie"), _("Status"), _("Od"), _("Do")), plan),
        Table(
            _("Wskaźniki"),
            (_("Wskaźnik"), _("Ostatnia wartość"), _("Z dnia"), _("Cel"), _("Status")),
            indicators,
        ),
        Table(_("Notatki"), (_("Data"), _("Rodzaj"), _("Treść")), notes),
        Table(_("Ryzyka"), (_("Ryzyko"), _("Prawd. × skutek"), _("Status")), risks),
        Table(
            _("Wizyty i zalecenia"),
            (_("Data wizyty"), _("Doradca"), _("Zalecenie"), _("Stan")),
            visits,
        ),
    ]


def _school_rows(frozen: Store, municipality_id: str, year: int) -> list[tuple[str, ...]]:
    from app.reports.values import number

    with frozen.session() as session:
        rows = session.execute(
            select(School.name, SchoolYearStats)
            .join(SchoolYearStats, SchoolYearStats.school_id == School.id)
            .where(School.municipality_id == municipality_id, SchoolYearStats.school_year == year)
            .order_by(School.name)
        ).all()
    return [
        (name, number(s.pupils), number(s.classes), number(s.teacher_posts)) for name, s in rows
    ]


def _visits(frozen: Store, municipality_id: str) -> list[tuple[str, ...]]:
    from app.reports.dates import short_date

    with frozen.session() as session:
        rows = session.execute(
            select(AdvisoryVisit, Recommendation)
            .outerjoin(Recommendation, Recommendation.visit_id == AdvisoryVisit.id)
            .where(AdvisoryVisit.municipality_id == municipality_id)
            .order_by(AdvisoryVisit.visit_date, Recommendation.position)
        ).all()
    return [
        (
            short_date(visit.visit_date),
            visit.advisor or "",
            _clip(rec.text) if rec else "",
            RecommendationStatus(rec.status).label if rec else "",
        )
        for visit, rec in rows
    ]


def _clip(text: str | None) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= MAX_TEXT else flat[: MAX_TEXT - 1] + "…"
