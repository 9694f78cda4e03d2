"""The executive summary that opens the plan and the monitoring report: status by goal.

What a briefing book opens with: for every goal, how many of its actions are
done, under way and late, and how many of its indicators are on track, at risk
or off track — one table a mayor reads in a minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, PageBreak

from app.i18n import _
from app.model import Action, ActionStatus, IndicatorStatus
from app.reports import fonts
from app.reports.blocks import caption, cell, cell_markup, empty, head
from app.reports.dates import long_date
from app.reports.queries import IndicatorRow, PlanData
from app.reports.styles import data_table, styles
from app.reports.templates import Contents
from app.services.plans import GoalNode

ON_TRACK = (IndicatorStatus.ACHIEVED, IndicatorStatus.ON_TRACK)


@dataclass(frozen=True)
class GoalStatus:
    """One goal's row: counts of its actions and indicators by state."""

    title: str
    done: int = 0
    under_way: int = 0
    late: int = 0
    on_track: int = 0
    at_risk: int = 0
    off_track: int = 0
    no_data: int = 0

    def plus(self, other: GoalStatus) -> GoalStatus:
        return GoalStatus(
            _("Razem"),
            *(getattr(self, f) + getattr(other, f) for f in _COUNTS),
        )


_COUNTS = ("done", "under_way", "late", "on_track", "at_risk", "off_track", "no_data")


def is_late(action: Action, today: date) -> bool:
    """Delayed, or past its end date and not finished."""
    status = ActionStatus(action.status)
    if status == ActionStatus.DELAYED:
        return True
    finished = status in (ActionStatus.DONE, ActionStatus.DROPPED)
    return action.end_date is not None and action.end_date < today and not finished


def goal_statuses(plan: PlanData, indicators: list[IndicatorRow], today: date) -> list[GoalStatus]:
    return [_goal_status(node, indicators, today) for node in plan.goals]


def _goal_status(node: GoalNode, indicators: list[IndicatorRow], today: date) -> GoalStatus:
    actions = [a for o in node.objectives for a in o.actions]
    late = [a for a in actions if is_late(a, today)]
    done = [a for a in actions if ActionStatus(a.status) == ActionStatus.DONE]
    dropped = [a for a in actions if ActionStatus(a.status) == ActionStatus.DROPPED]
    objective_ids = {o.objective.id for o in node.objectives}
    action_ids = {a.id for a in actions}
    own = [
        row.state.status
        for row in indicators
        if row.indicator.goal_id == node.goal.id
        or row.indicator.objective_id in objective_ids
        or row.indicator.action_id in action_ids
    ]
    code = f"{node.goal.code}. " if node.goal.code else ""
    return GoalStatus(
        f"{code}{node.goal.title}",
        done=len(done),
        under_way=len(actions) - len(done) - len(dropped) - len(late),
        late=len(late),
        on_track=sum(1 for s in own if s in ON_TRACK),
        at_risk=sum(1 for s in own if s == IndicatorStatus.AT_RISK),
        off_track=sum(1 for s in own if s == IndicatorStatus.OFF_TRACK),
        no_data=sum(1 for s in own if s == IndicatorStatus.NO_DATA),
    )


def executive_summary(
    plan: PlanData | None,
    indicators: list[IndicatorRow],
    today: date,
    contents: Contents,
    width: float,
) -> list[Flowable]:
    """The summary page: a heading, the status table by goal, and a page break."""
    out = contents.heading(_("Podsumowanie dla kierownictwa"), 0)
    # Written after the chapters (their headings are collected first), listed before them.
    contents.entries.insert(0, contents.entries.pop())
    if plan is None or not plan.goals:
        return [*out, empty(_("Plan nie ma jeszcze celów — nie ma czego podsumować.")), PageBreak()]
    rows = goal_statuses(plan, indicators, today)
    total = GoalStatus(_("Razem"))
    for row in rows:
        total = total.plus(row)
    labels = [
        _("wykonane"),
        _("w toku"),
        _("opóźnione"),
        _("zgodnie z planem"),
        _("zagrożone"),
        _("poza planem"),
        _("bez pomiaru"),
    ]
    # Each column as wide as its longest word in bold, so no label breaks inside a word.
    style = styles().head_right
    words = [word for label in labels for word in label.split()]
    number = max(fonts.string_width(w, style.fontSize, style.fontName) for w in words) + 12
    header: list[list[object]] = [
        [head(_("Cel")), head(_("Działania")), "", "", head(_("Wskaźniki")), "", "", ""],
        ["", *(head(label, True) for label in labels)],
    ]
    body = [_row(row) for row in rows] + [_row(total, bold=True)]
    table = data_table(
        header + body,
        [width - 7 * number, *([number] * 7)],
        header_rows=2,
        extra=[
            ("SPAN", (1, 0), (3, 0)),
            ("SPAN", (4, 0), (7, 0)),
            ("SPAN", (0, 0), (0, 1)),
        ],
    )
    note = caption(
        _(
            "Stan na {date}. Opóźnione: ze statusem „opóźnione” albo po terminie zakończenia. "
            "Wskaźniki według ostatniego pomiaru na tle ścieżki od wartości bazowej do docelowej."
        ).format(date=long_date(today))
    )
    return [*out, table, note, PageBreak()]


def _row(status: GoalStatus, *, bold: bool = False) -> list[object]:
    def number(value: int) -> object:
        text = str(value)
        return cell_markup(f"<b>{text}</b>" if bold else text, "cell_right")

    return [cell(status.title, "cell_bold" if bold else "cell")] + [
        number(getattr(status, name)) for name in _COUNTS
    ]
