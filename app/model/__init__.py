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
    SHARED_TABLES,
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
    in_scope,
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
    Person,
    PersonLink,
    Consultation,
    *NETWORK_CLASSES,
)

RECORD_TYPES: dict[str, type[Record]] = {cls.__tablename__: cls for cls in RECORD_CLASSES}

__all__ = [
    "CYCLE_STEPS",
    "NETWORK_CLASSES",
    "RECORD_CLASSES",
    "RECORD_TYPES",
    "SHARED_TABLES",
    "Action",
    "ActionStatus",
    "AdvisoryVisit",
    "Base",
    "Consultation",
    "DevelopmentSchedule",
    "Direction",
    "Goal",
    "GoodPractice",
    "ImportRecord",
    "Indicator",
    "IndicatorStatus",
    "Measurement",
    "MeetingItem",
    "MeetingStep",
    "MonitoringNote",
    "Municipality",
    "MunicipalityKind",
    "Network",
    "NetworkKind",
    "NetworkMeeting",
    "NetworkMember",
    "NetworkRecord",
    "NoteKind",
    "Objective",
    "OwnedRecord",
    "Participant",
    "Person",
    "PersonLink",
    "PersonRole",
    "PlanStatus",
    "ProgrammeItemKind",
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
    "TrainingModule",
    "TrainingSession",
    "action_school",
    "in_scope",
    "new_id",
    "scope_key",
    "utcnow",
]
