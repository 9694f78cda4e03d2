"""The item-data roles of every model and list in the window, defined once.

Each role has one number, so a view, a proxy or a delegate that reads a role
gets the same meaning from any model (before, ``ID_ROLE`` meant two numbers in
two modules and one of them was ``SORT_ROLE`` elsewhere).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_BASE = Qt.ItemDataRole.UserRole

ID_ROLE = _BASE + 1  # str: the record's id
SORT_ROLE = _BASE + 2  # a value that sorts as the column should (dates, numbers, folded text)
KIND_ROLE = _BASE + 3  # str: a tree node's kind ("goal", "priority", "item", …)
SEARCH_ROLE = _BASE + 4  # str: folded text a filter matches against
OVERDUE_ROLE = _BASE + 5  # bool: past its deadline and not done
WARNING_ROLE = _BASE + 6  # str: a warning shown with the row (e.g. outside the period)
NAME_ROLE = _BASE + 7  # str: a code name (an advisory cycle step's)
ATTENTION_ROLE = _BASE + 8  # an indicator's need of attention (bool) or a portfolio score
STATUS_ROLE = _BASE + 9  # the IndicatorStatus member
KEY_ROLE = _BASE + 10  # the raw value an editor starts from
RECORD_TYPE_ROLE = _BASE + 11  # str: the record type a row links to
DEPTH_ROLE = _BASE + 12  # int: indentation of a choice in a flat list of a tree
LINE_ROLE = _BASE + 13  # int: the line of an agenda item in its text
AREA_ROLE = _BASE + 14  # int | None: an HDR area's code
SINCE_ROLE = _BASE + 15  # date: since when a school is at its support stage
SERIES_ROLE = _BASE + 16  # list[float | None]: a row's values, oldest year first (a sparkline)
SHORT_TEXT_ROLE = _BASE + 17  # str: a shorter text, shown where the whole one would be cut
