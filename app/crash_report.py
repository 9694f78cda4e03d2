"""Crash reports an offline user can send to support: what broke, never whose data.

A report is a text file in ``crash-reports/`` beside the log: the program's
version, the platform, the traceback and the last lines of the log. Before it
is written, everything that could carry personal data is scrubbed: the user's
home folder and name, quoted values (field contents end up quoted in error
messages), SQL parameters, e-mail addresses and long numbers (PESEL, phone,
NIP). Program source lines in tracebacks stay, as they show where it broke.
"""

from __future__ import annotations

import getpass
import platform
import re
import sys
import traceback
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from app.private_files import private_file, private_folder
from app.version import APP_NAME, __version__

FOLDER_NAME = "crash-reports"
LOG_LINES = 50
KEEP_REPORTS = 20
REDACTED = "…"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|„[^”\n]*”|“[^”\n]*”|«[^»\n]*»")
_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(\(|$))", re.DOTALL)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Digits with spaces or hyphens between them; replaced when nine or more (PESEL, NIP, phone).
_NUMBER = re.compile(r"(?<![\w:./-])(?<!\d,)\+?\d[\d -]*\d(?![\w:./-]|,\d)")
_EXCEPTION_NAME = re.compile(r"^[A-Za-z_][\w.]*$")
_WORD = re.compile(r"[^\W\d_][\w]*|…")
# lower_case, snake_case, CamelCase with an inner capital, short CAPITALS.
_PROGRAM_WORD = re.compile(r"[a-z][a-z0-9_]*|\w*_\w*|[A-Z][a-z0-9]+[A-Z]\w*|[A-Z]{1,4}\d*")
# Traceback frame lines ("  File "...", line 3, in f") and the source lines under them.
_CODE_LINE = re.compile(r'^\s+File "|^    ')


def folder_for(log_file: Path) -> Path:
    return log_file.parent / FOLDER_NAME


def write(
    folder: Path,
    exc_info: ExcInfo,
    log_file: Path | None,
    details: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> Path | None:
    """Write a report into ``folder``; None when it cannot be written (never raises)."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    try:
        text = build(exc_info, tail(log_file), details or {}, stamp)
        private_folder(folder)
        path = private_file(_free_name(folder, f"crash-{stamp:%Y%m%d-%H%M%S}"))
        path.write_text(text, encoding="utf-8")
        prune(folder)
    except Exception:  # a crash report must never cause a second crash
        return None
    return path


def build(
    exc_info: ExcInfo,
    log_lines: Iterable[str],
    details: Mapping[str, str],
    when: datetime,
) -> str:
    facts = {
        "Program": f"{APP_NAME} {__version__}",
        "Time (UTC)": f"{when:%Y-%m-%d %H:%M:%S}",
        "Platform": platform.platform(),
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "Frozen": "yes" if getattr(sys, "frozen", False) else "no",
        **details,
    }
    kind, value, tb = exc_info
    parts = [
        "Plan Oświaty crash report (personal data removed)",
        "",
        *(f"{key}: {scrub_line(val)}" for key, val in facts.items()),
        "",
        "Traceback:",
        *(scrub_traceback_line(line) for line in _traceback_lines(kind, value, tb)),
        "",
        f"Last {LOG_LINES} log lines:",
        *(scrub_line(line) for line in log_lines),
    ]
    return "\n".join(parts) + "\n"


def _traceback_lines(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> list[str]:
    return "".join(traceback.format_exception(kind, value, tb)).splitlines()


def tail(log_file: Path | None, count: int = LOG_LINES) -> list[str]:
    if log_file is None:
        return []
    try:
        with log_file.open(encoding="utf-8", errors="replace") as handle:
            return [line.rstrip("\n") for line in handle][-count:]
    except OSError:
        return []


def scrub_line(line: str) -> str:
    """The line without personal data; traceback code lines lose only the home folder."""
    line = _without_home(line)
    if _CODE_LINE.match(line):
        return line
    line = _PARAMETERS.sub(f"[parameters: {REDACTED}]", line)
    line = _QUOTED.sub(lambda m: m.group(0)[0] + REDACTED + m.group(0)[-1], line)
    line = _EMAIL.sub("<e-mail>", line)
    return _NUMBER.sub(_long_number, line)


def scrub_traceback_line(line: str) -> str:
    """Code lines keep their text; the exception's own message keeps only program words."""
    if line.startswith((" ", "Traceback", "During handling", "The above exception")):
        return scrub_line(line)
    kind, colon, message = line.partition(": ")
    if colon and _EXCEPTION_NAME.match(kind):
        return f"{kind}: {scrub_free_text(scrub_line(message))}"
    return scrub_free_text(scrub_line(line))


def scrub_free_text(text: str) -> str:
    """Free text (an exception's message) without words that could be someone's name.

    Kept: lower-case ASCII words, numbers, identifiers (``snake_case``, ``CamelCase``)
    and short capitals (``SQL``); replaced: capitalised words and words with Polish
    or other non-ASCII letters — names, places, titles.
    """
    return _WORD.sub(_program_word_or_redacted, text)


def _program_word_or_redacted(match: re.Match[str]) -> str:
    word = match.group(0)
    if word == REDACTED or (word.isascii() and _PROGRAM_WORD.fullmatch(word)):
        return word
    return REDACTED


def _long_number(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group(0))
    return "<number>" if digits >= 9 else match.group(0)


def _without_home(line: str) -> str:
    home = str(Path.home())
    for variant in {home, home.replace("\\", "/"), home.replace("/", "\\")}:
        if len(variant) > 1:
            line = re.sub(re.escape(variant), "~", line, flags=re.IGNORECASE)
    user = _user_name()
    if user:  # the name as a folder outside home (D:\Users\jan, /mnt/jan/…)
        folder = rf"(?<=[\\/]){re.escape(user)}(?=[\\/\"']|$)"
        line = re.sub(folder, "<user>", line, flags=re.IGNORECASE)
    return line


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some systems: nothing to remove then
        return ""


def _free_name(folder: Path, stem: str) -> Path:
    path = folder / f"{stem}.txt"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.txt"
        number += 1
    return path


def prune(folder: Path, keep: int = KEEP_REPORTS) -> None:
    """Keep the newest ``keep`` reports: a program stuck in a loop must not fill the disk."""
    reports = sorted(folder.glob("crash-*.txt"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in reports[keep:]:
        old.unlink(missing_ok=True)
