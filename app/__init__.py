"""Plan Oświaty core: domain model, storage, services, reports and exchange.

Plain Python: nothing under ``app`` imports Qt at module level.
"""

from app.version import __version__

__all__ = ["__version__"]
