"""argparse speaking Polish: section titles, usage prefix, help option and errors."""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from app.i18n import _


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
                prog=self.prog, message=message
            ),
        )
