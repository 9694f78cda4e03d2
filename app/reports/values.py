"""How values look in a report: money, numbers, and stored text made safe for paragraphs."""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from app import units

NBSP = "\u00a0"
DASH = "—"  # an empty cell says so, rather than looking forgotten


def money(cents: int | None, *, empty: str = DASH, grosze: bool | None = None) -> str:
    """``146 000 zł``; grosze only when there are any (``1 234,50 zł``).

    ``grosze=True`` always shows them (``146 000,00 zł``): a column where any amount
    has grosze shows them on every row, so right-aligned, the decimals line up.
    """
    if cents is None:
        return empty
    return units.money(cents, grosze=grosze)


def has_grosze(amounts: Iterable[int | None]) -> bool:
    """Whether a column of amounts needs decimals (see :func:`money`)."""
    return any(cents is not None and cents % 100 for cents in amounts)


def number(value: float | None, *, empty: str = DASH) -> str:
    """A measured value: whole numbers without decimals, others to at most 2 places."""
    if value is None:
        return empty
    return units.number(value)


def with_unit(value: float | None, unit: str | None) -> str:
    """``190 osób``, ``65%``: the unit agrees with the number (see :mod:`app.units`)."""
    return units.quantity(value, unit, empty=DASH)


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def markup(text: str | None) -> str:
    """Stored plain text as paragraph markup: escaped, line breaks kept."""
    if not text:
        return ""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    return "<br/>".join(escape(line) for line in lines)


BULLETS = "–-•*—"


def blocks(text: str | None) -> list[str]:
    """Stored plain text split into paragraphs at blank lines (still plain text)."""
    if not text:
        return []
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return [block.strip() for block in normalised.split("\n\n") if block.strip()]


def is_list(block: str) -> bool:
    """A block whose every line starts with a dash or bullet: a list, typed by hand."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    return bool(lines) and all(line[0] in BULLETS and len(line) > 1 for line in lines)


def list_items(block: str) -> list[str]:
    """The lines of a typed list as markup, without their dashes."""
    items = []
    for line in block.split("\n"):
        stripped = line.strip()
        if stripped:
            items.append(escape(stripped.lstrip(BULLETS).strip()))
    return items
