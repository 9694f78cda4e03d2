"""Moved to :mod:`ui.commands.monitoring` (this name stays for code written against it)."""

from ui.commands.monitoring import AdvanceStage as AdvanceStage
from ui.commands.monitoring import CreateNote as CreateNote
from ui.commands.monitoring import RecordMeasurement as RecordMeasurement
from ui.commands.monitoring import RiskFromNote as RiskFromNote
