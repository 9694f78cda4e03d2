"""The domain model: SQLAlchemy 2.x typed declarative classes.

Names follow ``DOMAIN.md`` (Polish term → class name).
"""

from app.model.base import Base, OwnedRecord, Record, new_id, utcnow
from app.model.enums import (
    ActionStatus,
    Direction,
    IndicatorStatus,
    MunicipalityKind,
    NoteKind,
    PlanStatus,
    RecommendationStatus,
    RiskStatus,
    SupportStage,
)
from app.model.exchange import ImportRecord, SeenVersion
from app.model.indicator import Indicator, Measurement
from app.model.meta import Setting
from app.model.monitoring import AdvisoryVisit, MonitoringNote, Recommendation, Risk
from app.model.municipality import Municipality, School, SchoolSupport, TeamMember
from app.model.network import (
    NETWORK_CLASSES,
    Consultation,
    GoodPractice,
    MeetingItem,
    MeetingStep,
    Network,
    NetworkKind,
    NetworkMeeting,
    NetworkMember,
    NetworkRecord,
    Participant,
    Person,
    PersonLink,
    PersonRole,
    ProgrammeItemKind,
    TrainingModule,
    TrainingSession,
    scope_key,
)
from app.model.plan import Action, Goal, Objective, StrategicPlan, action_school
from app.model.schedule import CYCLE_STEPS, DevelopmentSchedule, ScheduleItem, SchedulePriority

# Every user record class, parents before children (the order to insert in).
RECORD_CLASSES: tuple[type[Record], ...] = (
    Municipality,
    TeamMember,
    School,
    SchoolSupport,
    StrategicPlan,
    Goal,
    Objective,
    Action,
    DevelopmentSchedule,
    SchedulePriority,
    ScheduleItem,
    Indicator,
    Measurement,
    AdvisoryVisit,
    MonitoringNote,
    Risk,
    Recommendation,
    Consultation,
    *NETWORK_CLASSES,
)

RECORD_TYPES: dict[str, type[Record]] = {cls.__tablename__: cls for cls in RECORD_CLASSES}

__all__ = [
    "NETWORK_CLASSES",
    "Consultation",
    "GoodPractice",
    "MeetingItem",
    "MeetingStep",
    "Network",
    "NetworkKind",
    "NetworkMeeting",
    "NetworkMember",
    "NetworkRecord",
    "Participant",
    "Person",
    "PersonLink",
    "PersonRole",
    "ProgrammeItemKind",
    "TrainingModule",
    "TrainingSession",
    "scope_key",
    "CYCLE_STEPS",
    "RECORD_CLASSES",
    "RECORD_TYPES",
    "Action",
    "ActionStatus",
    "AdvisoryVisit",
    "Base",
    "DevelopmentSchedule",
    "Direction",
    "Goal",
    "ImportRecord",
    "Indicator",
    "IndicatorStatus",
    "Measurement",
    "MonitoringNote",
    "Municipality",
    "MunicipalityKind",
    "NoteKind",
    "Objective",
    "OwnedRecord",
    "PlanStatus",
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
    "action_school",
    "new_id",
    "utcnow",
]
