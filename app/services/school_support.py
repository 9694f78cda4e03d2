"""Process support of schools (procesowe wspomaganie): each school's stage and its history.

A school covered by process support is at one of the four stages
(:class:`~app.model.SupportStage`, in order: diagnosis → agreeing how → planning
and carrying out → joint assessment), kept in ``School.support_stage``. Every
change of stage is also a :class:`~app.model.SchoolSupport` record (stage, date,
completion date, notes), so the history shows when each stage began and ended.

:func:`advance` changes the stage and writes the history in one transaction: the
school's stage, the new history step, and the completion date of the step it
ends are all saved, or none of them is. :func:`undo_advance` takes it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import Change, ChangeKind
from app.errors import UserError
from app.i18n import _
from app.model import School, SchoolSupport, SupportStage, utcnow
from app.services import records, validation
from app.services.fields import FIELDS
from app.storage.store import Store

STAGES: tuple[SupportStage, ...] = tuple(SupportStage)


def next_stage(current: SupportStage | None) -> SupportStage | None:
    """The stage after ``current``: diagnosis for a school not covered yet, none after the last."""
    if current is None:
        return STAGES[0]
    index = STAGES.index(SupportStage(current))
    return STAGES[index + 1] if index + 1 < len(STAGES) else None


@dataclass(frozen=True)
class StageChange:
    """What :func:`advance` did, so that :func:`undo_advance` can take it back exactly."""

    school_id: str
    municipality_id: str
    step_id: str  # the new SchoolSupport record
    stage: SupportStage
    previous_stage: SupportStage | None
    closed_step_id: str | None  # the step whose completion date was set, if any
    on: date


@dataclass(frozen=True)
class SchoolStage:
    """A school with its current stage and the history step that began it."""

    school: School
    stage: SupportStage | None
    step: SchoolSupport | None  # the latest history step (None: no history recorded)
    steps: tuple[SchoolSupport, ...]

    @property
    def since(self) -> date | None:
        """When the current stage began (from the history)."""
        return self.step.stage_date if self.step is not None else None


# -- changing the stage --------------------------------------------------------


def advance(
    store: Store,
    school_id: str,
    stage: SupportStage | str,
    on: date | str | None,
    notes: str | None = None,
) -> StageChange:
    """Move a school to ``stage`` on ``on``: one transaction, all of it or nothing.

    The step the school was in (if still open and not later than ``on``) gets
    ``on`` as its completion date. Moving to the stage the school is already at,
    or to a date before its latest step, is refused with a message; so are a
    missing or malformed date and an unknown stage (values are cleaned like
    any user input).
    """
    cleaned = validation.clean_fields(
        SchoolSupport, {"stage": stage, "stage_date": on, "notes": notes}
    )
    new_stage = SupportStage(cleaned["stage"])
    day: date = cleaned["stage_date"]
    with store.session() as session:
        school = records.load(session, School, school_id)
        previous = SupportStage(school.support_stage) if school.support_stage else None
        latest = next(reversed(_steps(session, [school_id]).get(school_id, [])), None)
        _check_move(previous, new_stage, latest, day)
        closed = latest if latest is not None and latest.completed_on is None else None
        if closed is not None:
            closed.completed_on = day
        step = SchoolSupport(school_id=school.id, municipality_id=school.municipality_id, **cleaned)
        records.set_defaults(step)
        validation.check_rules(step)
        school.support_stage = new_stage
        validation.check_rules(school)
        session.add(step)
        session.flush()
        change = StageChange(
            school.id,
            school.municipality_id,
            step.id,
            new_stage,
            previous,
            closed.id if closed is not None else None,
            day,
        )
    _publish(store, change, ChangeKind.CREATED)
    return change


def _check_move(
    previous: SupportStage | None, stage: SupportStage, latest: SchoolSupport | None, day: date
) -> None:
    if previous is stage:
        raise UserError(
            _("Szkoła jest już na etapie „{stage}”.").format(stage=stage.label), field="stage"
        )
    if latest is not None and day < latest.stage_date:
        raise UserError(
            _(
                "Data nowego etapu nie może być wcześniejsza niż początek poprzedniego "
                "etapu ({date})."
            ).format(date=latest.stage_date.strftime("%d.%m.%Y")),
            field="stage_date",
        )


def undo_advance(store: Store, change: StageChange) -> None:
    """Take back :func:`advance`: the previous stage, the step removed, the old step reopened."""
    with store.session() as session:
        school = records.load(session, School, change.school_id)
        if school.support_stage != change.stage:
            raise UserError(_("Etap tej szkoły został w międzyczasie zmieniony."))
        step = records.load(session, SchoolSupport, change.step_id)
        stamp = utcnow()
        step.deleted_at = stamp
        step.updated_at = stamp
        if change.closed_step_id is not None:
            closed = session.get(SchoolSupport, change.closed_step_id)
            if closed is not None and closed.completed_on == change.on:
                closed.completed_on = None
        school.support_stage = change.previous_stage
    _publish(store, change, ChangeKind.DELETED)


def _publish(store: Store, change: StageChange, step_kind: ChangeKind) -> None:
    m = change.municipality_id
    publish = store.changes.publish
    publish(Change(ChangeKind.UPDATED, "school", (change.school_id,), m, ("support_stage",)))
    publish(Change(step_kind, "school_support", (change.step_id,), m, tuple(FIELDS[SchoolSupport])))
    if change.closed_step_id is not None:
        closed = (change.closed_step_id,)
        publish(Change(ChangeKind.UPDATED, "school_support", closed, m, ("completed_on",)))


# -- reading -------------------------------------------------------------------


def _steps(session: Session, school_ids: list[str]) -> dict[str, list[SchoolSupport]]:
    query = (
        select(SchoolSupport)
        .where(SchoolSupport.school_id.in_(school_ids))
        .order_by(SchoolSupport.stage_date, SchoolSupport.created_at)
    )
    grouped: dict[str, list[SchoolSupport]] = {}
    for step in session.scalars(query):
        grouped.setdefault(step.school_id, []).append(step)
    return grouped


def history(store: Store, school_id: str) -> list[SchoolSupport]:
    """A school's support steps, oldest first."""
    with store.session() as session:
        records.load(session, School, school_id)
        return _steps(session, [school_id]).get(school_id, [])


def schools(store: Store, municipality_id: str) -> list[SchoolStage]:
    """Every school of the municipality with its stage and history, by name (two queries)."""
    with store.session() as session:
        query = select(School).where(School.municipality_id == municipality_id)
        found: list[Any] = list(session.scalars(query.order_by(School.name)).all())
        steps = _steps(session, [s.id for s in found])
    result = []
    for school in found:
        own = steps.get(school.id, [])
        stage = SupportStage(school.support_stage) if school.support_stage else None
        result.append(SchoolStage(school, stage, own[-1] if own else None, tuple(own)))
    return result


def covered(store: Store, municipality_id: str) -> list[SchoolStage]:
    """The schools in process support (at any of the four stages), by name."""
    return [s for s in schools(store, municipality_id) if s.stage is not None]


def by_stage(store: Store, municipality_id: str) -> dict[SupportStage | None, list[SchoolStage]]:
    """All schools grouped by stage, in the stages' order; ``None`` holds those not covered."""
    grouped: dict[SupportStage | None, list[SchoolStage]] = {stage: [] for stage in STAGES}
    grouped[None] = []
    for school in schools(store, municipality_id):
        grouped[school.stage].append(school)
    return grouped


def stage_counts(store: Store, municipality_id: str) -> dict[SupportStage, int]:
    """How many schools are at each of the four stages."""
    grouped = by_stage(store, municipality_id)
    return {stage: len(grouped[stage]) for stage in STAGES}
