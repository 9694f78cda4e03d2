"""Times of day as the program stores them: ``HH:MM`` (a visit's start and end)."""

from __future__ import annotations

import re

_TIME = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})")


def parse_time(text: str) -> str | None:
    """``"9:05"``, ``"09.05"`` or ``"09:05"`` → ``"09:05"``; None when it is no time of day."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        return None
    return f"{hours:02d}:{minutes:02d}"


def time_span(start: str | None, end: str | None) -> str:
    """``"10:00–13:30"``, or whichever end is known, or ``""``."""
    if start and end:
        return f"{start}–{end}"
    return start or end or ""
