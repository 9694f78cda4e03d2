"""File names the program proposes, and paths it writes to, that Windows accepts.

Whatever a municipality is called, a proposed name never holds a character
Windows forbids (``< > : " / \\ | ? *`` and control characters), never ends in a
dot or a space (Windows drops them silently), is never a reserved device name
(``CON``, ``NUL``, ``COM1``… — with any extension), and stays short enough to
leave room for the folder. Paths of 260 characters or more are refused with a
message on Windows, where most programs (and the Explorer) cannot open them.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from app.errors import UserError
from app.i18n import _

WINDOWS = os.name == "nt"
MAX_NAME = 120  # characters of a proposed name, extension included
MAX_PATH = 259  # MAX_PATH (260) less the terminating NUL
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)


def safe_file_name(stem: str, extension: str = "", *, limit: int = MAX_NAME) -> str:
    """``stem`` + ``extension`` made acceptable to Windows (and to every other system)."""
    text = unicodedata.normalize("NFC", stem)
    text = _FORBIDDEN.sub("_", text)
    text = " ".join(text.split())  # tabs, newlines and runs of spaces: one space
    room = max(1, limit - len(extension))
    text = text[:room].rstrip(". ")
    if not text:
        text = "plik"
    if is_reserved(text):
        first, dot, rest = text.partition(".")
        text = first.rstrip(" ") + "_" + dot + rest
    return text + extension


def is_reserved(name: str) -> bool:
    """``CON``, ``nul.txt``, ``COM1.tar.gz``: a device name, whatever follows the first dot."""
    return name.split(".")[0].rstrip(" ").upper() in _RESERVED


def is_safe_name(name: str) -> bool:
    """True when Windows would store ``name`` as it is."""
    return bool(
        name
        and not _FORBIDDEN.search(name)
        and not name.endswith((".", " "))
        and not is_reserved(name)
        and len(name) <= 255
    )


def check_path_length(path: Path, *, windows: bool | None = None) -> None:
    """A UserError for a path Windows programs cannot open (elsewhere: no limit to check)."""
    if windows is None:
        windows = WINDOWS
    text = str(path)
    if windows and len(text) > MAX_PATH and not text.startswith("\\\\?\\"):
        raise UserError(
            _(
                "Ścieżka {path} jest za długa dla systemu Windows ({count} znaków, najwyżej "
                "{limit}). Wybierz folder bliżej początku dysku albo krótszą nazwę pliku."
            ).format(path=text, count=len(text), limit=MAX_PATH),
            field="path",
        )
