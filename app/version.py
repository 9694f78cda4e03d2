"""The single source of the program's version (pyproject reads the same number)."""

__version__ = "0.1.0"
APP_NAME = "Plan Oświaty"
APP_ID = "plan-oswiaty"
PUBLISHER = "Plan Oświaty"
