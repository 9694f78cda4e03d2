"""Read-only queries gathering what each document shows, in a few queries each.

Every function returns plain dataclasses over detached records (the store's
sessions do not expire objects on commit), so laying out the PDF afterwards
touches no database. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.catalogs import Area, area
from app.errors import UserError
from app.i18n import _
from app.model import (
    Action,
    ActionStatus,
    AdvisoryVisit,
    DevelopmentSchedule,
    Indicator,
    IndicatorMilestone,
    Measurement,
    MonitoringConclusion,
    MonitoringNote,
    Municipality,
    Recommendation,
    RecommendationStatus,
    Risk,
    ScheduleItem,
    SchedulePriority,
    School,
    StrategicPlan,
    TeamMember,
    action_school,
)
from app.services import conclusions, plans, records, schedules
from app.services.indicator_queries import indicators_of_plan
from app.services.indicators import IndicatorState, evaluate
from app.services.plans import GoalNode
from app.services.schedules import ScheduleProgress
from app.services.strategy import StrategyParts, empty_parts, strategy_parts
from app.storage.store import Store

OPEN_RECOMMENDATIONS = (RecommendationStatus.OPEN, RecommendationStatus.IN_PROGRESS)
FINISHED_ACTIONS = (ActionStatus.DONE, ActionStatus.DROPPED)


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    measurements: tuple[Measurement, ...]
    state: IndicatorState
    attached_to: str  # what it measures: "cel 1", "działanie …", "" for the whole plan
    milestones: tuple[IndicatorMilestone, ...] = ()


@dataclass(frozen=True)
class PlanData:
    municipality: Municipality
    plan: StrategicPlan
    goals: list[GoalNode]
    people: dict[str, TeamMember]
    team: list[TeamMember]
    action_schools: dict[str, list[School]]
    indicators: list[IndicatorRow]
    supported_schools: list[School]
    today: date
    strategy: StrategyParts = field(default_factory=empty_parts)
    source_note: str | None = None  # where the data come from (app.reports.as_of)

    @property
    def actions(self) -> list[Action]:
        return [a for g in self.goals for o in g.objectives for a in o.actions]


@dataclass(frozen=True)
class HdrData:
    municipality: Municipality
    schedule: DevelopmentSchedule
    area: Area | None
    priorities: list[SchedulePriority]
    items: list[ScheduleItem]
    progress: ScheduleProgress
    plan_title: str | None
    today: date

    def grouped(self) -> list[tuple[SchedulePriority | None, list[ScheduleItem]]]:
        """Items under their priorities, in order; items without one come last."""
        known = {p.id for p in self.priorities}
        groups: list[tuple[SchedulePriority | None, list[ScheduleItem]]] = [
            (p, [i for i in self.items if i.priority_id == p.id]) for p in self.priorities
        ]
        loose = [i for i in self.items if i.priority_id not in known]
        if loose:
            groups.append((None, loose))
        return groups


@dataclass(frozen=True)
class VisitData:
    municipality: Municipality
    visit: AdvisoryVisit
    recommendations: list[Recommendation]
    notes: list[MonitoringNote]
    # Recommendations of the earlier visits and what became of them, oldest visit first.
    earlier: list[tuple[AdvisoryVisit, Recommendation]] = field(default_factory=list)


@dataclass(frozen=True)
class OpenRecommendation:
    recommendation: Recommendation
    visit: AdvisoryVisit
    overdue: bool


@dataclass(frozen=True)
class MonitoringData:
    municipality: Municipality
    date_from: date | None
    date_to: date | None
    reference: date  # "overdue" and indicator statuses are as of this day
    plan: PlanData | None
    active_actions: list[Action]
    schedules: list[HdrData]
    indicators: list[IndicatorRow]
    notes: list[MonitoringNote]
    risks: list[Risk]
    recommendations: list[OpenRecommendation]
    closed_risks: int = 0
    people: dict[str, TeamMember] = field(default_factory=dict)
    source_note: str | None = None  # where the data come from (app.reports.as_of)
    conclusion: MonitoringConclusion | None = None


# -- choosing a document --------------------------------------------------------------


def municipality(store: Store, municipality_id: str) -> Municipality:
    return records.get(store, Municipality, municipality_id)


def newest_plan_id(store: Store, municipality_id: str) -> str:
    found = plans.plans_of(store, municipality_id)
    if not found:
        raise UserError(_("Ta JST nie ma jeszcze planu rozwoju oświaty."))
    return found[0].id


def schedules_of(store: Store, municipality_id: str) -> list[DevelopmentSchedule]:
    """The municipality's HDRs, newest period first."""
    with store.session() as session:
        query = (
            select(DevelopmentSchedule)
            .where(DevelopmentSchedule.municipality_id == municipality_id)
            .order_by(
                DevelopmentSchedule.period_start.desc(), DevelopmentSchedule.created_at.desc()
            )
        )
        return list(session.scalars(query).all())


def newest_schedule_id(store: Store, municipality_id: str) -> str:
    found = schedules_of(store, municipality_id)
    if not found:
        raise UserError(_("Ta JST nie ma jeszcze harmonogramu działań rozwojowych (HDR)."))
    return found[0].id


def visits_of(store: Store, municipality_id: str) -> list[AdvisoryVisit]:
    """The municipality's advisory visits, newest first."""
    with store.session() as session:
        query = (
            select(AdvisoryVisit)
            .where(AdvisoryVisit.municipality_id == municipality_id)
            .order_by(AdvisoryVisit.visit_date.desc(), AdvisoryVisit.created_at.desc())
        )
        return list(session.scalars(query).all())


def newest_visit_id(store: Store, municipality_id: str) -> str:
    found = visits_of(store, municipality_id)
    if not found:
        raise UserError(_("Ta JST nie ma jeszcze zapisanych wizyt doradczych."))
    return found[0].id


def owned(
    store: Store,
    cls: type[StrategicPlan] | type[DevelopmentSchedule] | type[AdvisoryVisit],
    record_id: str,
    municipality_id: str,
) -> None:
    """A UserError unless ``record_id`` is a live ``cls`` of this municipality."""
    with store.session() as session:
        record = session.get(cls, record_id)
        if record is None or record.municipality_id != municipality_id:
            raise UserError(
                _("Nie znaleziono dokumentu o identyfikatorze {id} w tej JST.").format(id=record_id)
            )


# -- the plan ---------------------------------------------------------------------------


def plan_data(store: Store, plan_id: str, today: date | None = None) -> PlanData:
    today = today or date.today()
    plan = records.get(store, StrategicPlan, plan_id)
    goals = plans.tree(store, plan_id)
    with store.session() as session:
        place = session.get(Municipality, plan.municipality_id)
        assert place is not None
        team = list(
            session.scalars(
                select(TeamMember)
                .where(TeamMember.municipality_id == plan.municipality_id)
                .execution_options(include_deleted=True)
                .order_by(TeamMember.position, TeamMember.created_at)
            ).all()
        )
        schools = list(
            session.scalars(
                select(School)
                .where(School.municipality_id == plan.municipality_id)
                .order_by(School.name)
            ).all()
        )
        links = session.execute(
            select(action_school.c.action_id, action_school.c.school_id)
            .join(Action, Action.id == action_school.c.action_id)
            .where(Action.municipality_id == plan.municipality_id)
        ).all()
    by_id = {s.id: s for s in schools}
    action_schools: dict[str, list[School]] = {}
    for action_id, school_id in links:
        if school_id in by_id:
            action_schools.setdefault(action_id, []).append(by_id[school_id])
    for listed in action_schools.values():
        listed.sort(key=lambda s: s.name)
    labels = _attachment_labels(goals)
    indicator_rows = [
        IndicatorRow(
            row.indicator,
            row.measurements,
            evaluate(row.indicator, row.measurements, today, row.milestones),
            _attached(row.indicator, labels),
            row.milestones,
        )
        for row in indicators_of_plan(store, plan_id)
    ]
    return PlanData(
        municipality=place,
        plan=plan,
        goals=goals,
        people={m.id: m for m in team},
        team=[m for m in team if m.deleted_at is None],
        action_schools=action_schools,
        indicators=indicator_rows,
        supported_schools=[s for s in schools if s.support_stage is not None],
        today=today,
        strategy=strategy_parts(store, plan_id, goals),
    )


def _attachment_labels(goals: Sequence[GoalNode]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for g_index, node in enumerate(goals, start=1):
        goal_code = node.goal.code or str(g_index)
        labels[node.goal.id] = _("cel {code}").format(code=goal_code)
        for o_index, objective_node in enumerate(node.objectives, start=1):
            code = objective_node.objective.code or f"{goal_code}.{o_index}"
            labels[objective_node.objective.id] = _("cel {code}").format(code=code)
            for action in objective_node.actions:
                labels[action.id] = _("działanie: {title}").format(title=action.title)
    return labels


def _attached(indicator: Indicator, labels: dict[str, str]) -> str:
    for key in (indicator.goal_id, indicator.objective_id, indicator.action_id):
        if key is not None:
            return labels.get(key, "")
    return ""


# -- the HDR ------------------------------------------------------------------------------


def hdr_data(store: Store, schedule_id: str, today: date | None = None) -> HdrData:
    today = today or date.today()
    schedule = records.get(store, DevelopmentSchedule, schedule_id)
    items = schedules.items(store, schedule_id)
    plan_title = None
    with store.session() as session:
        place = session.get(Municipality, schedule.municipality_id)
        assert place is not None
        if schedule.plan_id is not None:
            plan = session.get(StrategicPlan, schedule.plan_id)
            plan_title = plan.title if plan is not None else None
    return HdrData(
        municipality=place,
        schedule=schedule,
        area=area(schedule.area_code) if schedule.area_code is not None else None,
        priorities=schedules.priorities(store, schedule_id),
        items=items,
        progress=schedules.progress_of(items, today),
        plan_title=plan_title,
        today=today,
    )


# -- a visit -------------------------------------------------------------------------------


def visit_data(store: Store, visit_id: str) -> VisitData:
    visit = records.get(store, AdvisoryVisit, visit_id)
    with store.session() as session:
        place = session.get(Municipality, visit.municipality_id)
        assert place is not None
        recommendations = list(
            session.scalars(
                select(Recommendation)
                .where(Recommendation.visit_id == visit_id)
                .order_by(Recommendation.position, Recommendation.created_at)
            ).all()
        )
        notes = list(
            session.scalars(
                select(MonitoringNote)
                .where(MonitoringNote.visit_id == visit_id)
                .order_by(MonitoringNote.noted_on, MonitoringNote.created_at)
            ).all()
        )
        earlier = [
            (row.AdvisoryVisit, row.Recommendation)
            for row in session.execute(
                select(AdvisoryVisit, Recommendation)
                .join(Recommendation, Recommendation.visit_id == AdvisoryVisit.id)
                .where(
                    AdvisoryVisit.municipality_id == visit.municipality_id,
                    AdvisoryVisit.id != visit.id,
                    AdvisoryVisit.visit_date <= visit.visit_date,
                )
                .order_by(
                    AdvisoryVisit.visit_date,
                    AdvisoryVisit.number,
                    Recommendation.position,
                    Recommendation.created_at,
                )
            )
        ]
    return VisitData(place, visit, recommendations, notes, earlier)


# -- monitoring ----------------------------------------------------------------------------


def monitoring_data(
    store: Store,
    municipality_id: str,
    date_from: date | None,
    date_to: date | None,
    today: date | None = None,
) -> MonitoringData:
    today = today or date.today()
    if date_from is not None and date_to is not None and date_from > date_to:
        raise UserError(_("Początek okresu jest późniejszy niż jego koniec."), field="date_from")
    reference = min(date_to, today) if date_to is not None else today
    place = municipality(store, municipality_id)
    found_plans = plans.plans_of(store, municipality_id)
    plan = plan_data(store, found_plans[0].id, reference) if found_plans else None
    active = [] if plan is None else [a for a in plan.actions if _overlaps(a, date_from, date_to)]
    hdrs = [
        hdr_data(store, s.id, reference)
        for s in schedules_of(store, municipality_id)
        if _period_overlaps(s.period_start, s.period_end, date_from, date_to)
    ]
    with store.session() as session:
        indicators = _municipality_indicators(session, municipality_id, date_to, reference)
        notes = _notes(session, municipality_id, date_from, date_to)
        risks = list(
            session.scalars(select(Risk).where(Risk.municipality_id == municipality_id)).all()
        )
        open_recommendations = _open_recommendations(session, municipality_id, reference)
        conclusion = conclusions.for_period(session, municipality_id, date_from, date_to)
    labels = _attachment_labels(plan.goals) if plan is not None else {}
    indicators = [
        IndicatorRow(r.indicator, r.measurements, r.state, _attached(r.indicator, labels))
        for r in indicators
    ]
    live_risks = [r for r in risks if r.status != "closed"]
    live_risks.sort(key=lambda r: (-r.probability * r.impact, r.title))
    return MonitoringData(
        municipality=place,
        date_from=date_from,
        date_to=date_to,
        reference=reference,
        plan=plan,
        active_actions=active,
        schedules=hdrs,
        indicators=indicators,
        notes=notes,
        risks=live_risks,
        recommendations=open_recommendations,
        closed_risks=len(risks) - len(live_risks),
        people=plan.people if plan is not None else {},
        conclusion=conclusion,
    )


def _overlaps(action: Action, start: date | None, end: date | None) -> bool:
    return _period_overlaps(action.start_date, action.end_date, start, end)


def _period_overlaps(
    first: date | None, last: date | None, start: date | None, end: date | None
) -> bool:
    """Unknown ends count as open: an action without dates is always in the period."""
    if end is not None and first is not None and first > end:
        return False
    return not (start is not None and last is not None and last < start)


def _municipality_indicators(
    session: Session, municipality_id: str, until: date | None, reference: date
) -> list[IndicatorRow]:
    found = list(
        session.scalars(
            select(Indicator)
            .where(Indicator.municipality_id == municipality_id)
            .order_by(Indicator.position, Indicator.created_at)
        ).all()
    )
    query = select(Measurement).where(Measurement.municipality_id == municipality_id)
    if until is not None:
        query = query.where(Measurement.measured_on <= until)
    rows = session.scalars(query.order_by(Measurement.measured_on, Measurement.created_at)).all()
    by_indicator: dict[str, list[Measurement]] = {i.id: [] for i in found}
    for measurement in rows:
        if measurement.indicator_id in by_indicator:
            by_indicator[measurement.indicator_id].append(measurement)
    return [
        IndicatorRow(i, tuple(by_indicator[i.id]), evaluate(i, by_indicator[i.id], reference), "")
        for i in found
    ]


def _notes(
    session: Session, municipality_id: str, start: date | None, end: date | None
) -> list[MonitoringNote]:
    query = select(MonitoringNote).where(MonitoringNote.municipality_id == municipality_id)
    if start is not None:
        query = query.where(MonitoringNote.noted_on >= start)
    if end is not None:
        query = query.where(MonitoringNote.noted_on <= end)
    return list(
        session.scalars(query.order_by(MonitoringNote.noted_on, MonitoringNote.created_at)).all()
    )


def _open_recommendations(
    session: Session, municipality_id: str, reference: date
) -> list[OpenRecommendation]:
    rows = session.execute(
        select(Recommendation, AdvisoryVisit)
        .join(AdvisoryVisit, AdvisoryVisit.id == Recommendation.visit_id)
        .where(
            Recommendation.municipality_id == municipality_id,
            or_(*(Recommendation.status == s for s in OPEN_RECOMMENDATIONS)),
        )
        .order_by(AdvisoryVisit.visit_date, Recommendation.position)
    ).all()
    return [
        OpenRecommendation(rec, visit, rec.due_date is not None and rec.due_date < reference)
        for rec, visit in rows
    ]
