"""The domain model: SQLAlchemy 2.x typed declarative classes.

Names follow ``DOMAIN.md`` (Polish term → class name).
"""

from app.model.base import Base, OwnedRecord, Record, new_id, utcnow
from app.model.enums import (
    ActionStatus,
    Direction,
    IndicatorStatus,
    InstitutionKind,
    MunicipalityKind,
    NoteKind,
    PlanStatus,
    ProblemKind,
    RecommendationStatus,
    RiskStatus,
    SupportStage,
    TermPrecision,
)
from app.model.exchange import ImportRecord, SeenVersion
from app.model.indicator import Indicator, Measurement
from app.model.meta import Setting
from app.model.monitoring import AdvisoryVisit, MonitoringNote, Recommendation, Risk
from app.model.municipality import Municipality, School, SchoolSupport, TeamMember
from app.model.plan import Action, Goal, Objective, StrategicPlan, action_school
from app.model.schedule import CYCLE_STEPS, DevelopmentSchedule, ScheduleItem, SchedulePriority
from app.model.strategy import (
    ActionFunding,
    Consultation,
    DiagnosisTable,
    FundingSource,
    IndicatorMilestone,
    Institution,
    Problem,
)

# Every user record class, parents before children (the order to insert in).
RECORD_CLASSES: tuple[type[Record], ...] = (
    Municipality,
    TeamMember,
    School,
    SchoolSupport,
    Institution,
    FundingSource,
    StrategicPlan,
    Problem,
    DiagnosisTable,
    Consultation,
    Goal,
    Objective,
    Action,
    ActionFunding,
    DevelopmentSchedule,
    SchedulePriority,
    ScheduleItem,
    Indicator,
    IndicatorMilestone,
    Measurement,
    AdvisoryVisit,
    MonitoringNote,
    Risk,
    Recommendation,
)

RECORD_TYPES: dict[str, type[Record]] = {cls.__tablename__: cls for cls in RECORD_CLASSES}

__all__ = [
    "CYCLE_STEPS",
    "RECORD_CLASSES",
    "RECORD_TYPES",
    "Action",
    "ActionFunding",
    "ActionStatus",
    "AdvisoryVisit",
    "Base",
    "Consultation",
    "DevelopmentSchedule",
    "DiagnosisTable",
    "Direction",
    "FundingSource",
    "Goal",
    "ImportRecord",
    "Indicator",
    "IndicatorMilestone",
    "IndicatorStatus",
    "Institution",
    "InstitutionKind",
    "Measurement",
    "MonitoringNote",
    "Municipality",
    "MunicipalityKind",
    "NoteKind",
    "Objective",
    "OwnedRecord",
    "PlanStatus",
    "Problem",
    "ProblemKind",
    "Recommendation",
    "RecommendationStatus",
    "Record",
    "Risk",
    "RiskStatus",
    "ScheduleItem",
    "SchedulePriority",
    "School",
    "SchoolSupport",
    "SeenVersion",
    "Setting",
    "StrategicPlan",
    "SupportStage",
    "TeamMember",
    "TermPrecision",
    "action_school",
    "new_id",
    "utcnow",
]
