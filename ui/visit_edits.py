"""Moved to :mod:`ui.commands.visits` (this name stays for code written against it)."""

from ui.commands.visits import AddRecommendation as AddRecommendation
from ui.commands.visits import CreateVisit as CreateVisit
from ui.commands.visits import EditRecommendation as EditRecommendation
from ui.commands.visits import EditVisit as EditVisit
from ui.commands.visits import status_change as status_change
