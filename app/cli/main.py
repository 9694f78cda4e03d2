"""The ``plan-oswiaty`` command: no subcommand opens the window; the rest serve scripts.

Every subcommand has ``--help``, honours ``--data-dir``, prints errors as one
line on stderr (the traceback goes to the log file) and exits non-zero on failure.
Qt is imported only when the window is opened.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from app import paths as app_paths
from app.cli import safe_output
from app.cli.parser import Parser
from app.errors import UserError
from app.i18n import _
from app.version import __version__

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BUG = 70

Handler = Callable[[argparse.Namespace], int]


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = Parser(
        prog="plan-oswiaty",
        description=_(
            "Plan Oświaty — plan rozwoju oświaty, HDR i monitoring dla zespołów JST i doradców. "
            "Bez polecenia otwiera okno programu."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Plan Oświaty {__version__}",
        help=_("pokaż wersję programu"),
    )
    parser.add_argument(
        "--data-dir",
        metavar="FOLDER",
        help=_("folder danych (domyślnie folder użytkownika; także zmienna {env})").format(
            env=app_paths.ENV_DATA_DIR
        ),
    )
    parser.add_argument("--verbose", action="store_true", help=_("szczegółowy dziennik"))
    parser.add_argument(
        "--import-file",
        metavar=_("PLIK"),
        help=_("otwórz okno i wczytaj ten plik wymiany (tak otwiera go podwójne kliknięcie)"),
    )
    parser.add_argument(
        "--exit-after-start",
        action="store_true",
        help=_("otwórz okno, wczytaj dane i zakończ (test uruchomienia; wypisuje czasy)"),
    )
    if with_commands:
        from app.cli import commands

        sub = parser.add_subparsers(dest="command", metavar=_("POLECENIE"))
        commands.register(sub)
    return parser


def window_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments when they only open the window, read without the commands' parsers.

    Building those (twenty commands, their help texts and modules) is some 10 ms
    of the window's first paint. None when a command, an unknown option or
    ``--help`` is given: the whole parser reads (or refuses) those.
    """
    tokens = list(sys.argv[1:] if argv is None else argv)
    if "-h" in tokens or "--help" in tokens:
        return None
    args, rest = build_parser(with_commands=False).parse_known_args(tokens)
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    args = window_arguments(argv) or build_parser().parse_args(argv)
    data_paths = app_paths.resolve(args.data_dir)
    from app import logs

    # A dry run writes nothing, not even a log folder where there was none.
    dry_run = getattr(args, "dry_run", False) and not data_paths.logs.exists()
    log_file = None if dry_run else logs.setup(data_paths.logs, verbose=args.verbose)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        return open_window(args)
    warning = app_paths.sync_warning(data_paths)
    if warning:
        print(f"plan-oswiaty: {warning}", file=sys.stderr)
    try:
        with safe_output.terminal():
            return handler(args)
    except UserError as error:
        print(f"plan-oswiaty: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print(_("plan-oswiaty: przerwano."), file=sys.stderr)
        return EXIT_ERROR
    except Exception:
        log.exception("unexpected error in %s", args.command)
        where = str(log_file) if log_file else _("(dziennik niedostępny)")
        print(
            _("plan-oswiaty: nieoczekiwany błąd programu. Szczegóły zapisano w {path}.").format(
                path=where
            ),
            file=sys.stderr,
        )
        return EXIT_BUG


def open_window(args: argparse.Namespace, select_municipality: str | None = None) -> int:
    # Imported here so that scripting commands never load Qt.
    from ui.application import run

    return run(
        data_dir=args.data_dir,
        select_municipality=select_municipality,
        exit_after_start=bool(getattr(args, "exit_after_start", False)),
        import_file=getattr(args, "import_file", None),
    )


def gui_main() -> int:
    return main()


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    sys.exit(main())
