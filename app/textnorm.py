"""Text folding for search: case and Polish diacritics, ``Łódź`` → ``lodz``.

SQLite folds case and diacritics only for ASCII, and Unicode decomposition leaves
``ł`` alone (it has no combining mark), so the folding is done here, in Python,
both for what is indexed and for what is searched.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime

_SPECIAL = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o"})


def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics, including the Polish ``ł``.

    The letters without a decomposition are replaced last, since decomposing can
    produce them (``Ǿ`` → ``Ø`` + acute), so that folding twice changes nothing.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().translate(_SPECIAL)


# -- hostile text: lone surrogates and control characters ------------------------------

# Explicit bidirectional embeddings, overrides and isolates: they reorder what
# follows them on screen ("RTL override" makes "exe.txt" look like "txt.exe").
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_BREAKS = frozenset("\n\r\t")


def has_lone_surrogate(text: str) -> bool:
    """True when ``text`` holds half of a UTF-16 pair, which no file can store as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _is_control(char: str, multiline: bool) -> bool:
    if char in BIDI_CONTROLS:
        return True
    if multiline and char in _LINE_BREAKS:
        return False
    return unicodedata.category(char) == "Cc"


def first_control(text: str, multiline: bool = False) -> str | None:
    """The first control character in ``text`` (line breaks and tabs allowed when
    ``multiline``), or None."""
    for char in text:
        if _is_control(char, multiline):
            return char
    return None


def printable(text: str) -> str:
    """``text`` safe for a terminal or a message: no control characters but line breaks
    and tabs, no bidirectional overrides, lone surrogates shown as "�"."""
    if has_lone_surrogate(text):
        text = "".join("\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char for char in text)
    if first_control(text, multiline=True) is None:
        return text
    return "".join(char for char in text if not _is_control(char, multiline=True))


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_date(text: str) -> date:
    """A calendar date written exactly as RRRR-MM-DD (no week dates, no other forms)."""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(text)
    return date.fromisoformat(text)


_ISO_STAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?(?:Z|[+-][0-9]{2}:[0-9]{2})"
)
# What a file may say about when something happened: the program did not exist
# before 2000, and a stamp past 2100 is a wrong clock or a crafted file (9999-12-31
# would overflow the next edit's stamp).
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2200, 12, 31)


def iso_stamp(text: str) -> datetime:
    """A moment written as RRRR-MM-DDTHH:MM:SS[.ffffff] with its offset, within 2000–2100."""
    if not _ISO_STAMP.fullmatch(text):
        raise ValueError(text)
    stamp = datetime.fromisoformat(text).astimezone(UTC)
    if not EARLIEST <= stamp < LATEST:
        raise ValueError(text)
    return stamp


def bounded_date(text: str) -> date:
    """:func:`iso_date` within 1900–2200 (a date read from a file)."""
    day = iso_date(text)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(text)
    return day
