"""argparse speaking Polish: section titles, usage prefix, help option and errors."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from app.i18n import N_, _


class HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else _("Użycie: "))


class Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("polecenia i argumenty")
        self._optionals.title = _("opcje")
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help=_("pokaż tę pomoc")
        )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            2,
            _("{prog}: błędne wywołanie: {message}. Pomoc: {prog} --help\n").format(
                prog=self.prog, message=translate_error(message)
            ),
        )


# argparse's own error messages (it has no Polish catalogue), matched in its English.
_ARGPARSE_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"the following arguments are required: (?P<names>.+)"),
        N_("brakuje wymaganych argumentów: {names}"),
    ),
    (
        re.compile(r"one of the arguments (?P<names>.+) is required"),
        N_("wymagany jest jeden z argumentów: {names}"),
    ),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), N_("nieznane argumenty: {names}")),
    (
        re.compile(r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)"),
        N_("nieznana wartość {value} (do wyboru: {choices})"),
    ),
    (re.compile(r"invalid \w+ value: (?P<value>.+)"), N_("nieprawidłowa wartość {value}")),
    (re.compile(r"expected one argument"), N_("brakuje wartości")),
    (
        re.compile(r"not allowed with argument (?P<other>.+)"),
        N_("nie można podać razem z {other}"),
    ),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"),
        N_("niejednoznaczna opcja {option} (pasuje do: {matches})"),
    ),
)


def translate_error(message: str) -> str:
    """argparse's English error in the program's language (unknown ones stay as they are)."""
    for pattern, template in _ARGPARSE_ERRORS:
        match = pattern.search(message)
        if match:
            translated = _(template).format(**match.groupdict())
            return message[: match.start()] + translated + message[match.end() :]
    return message
