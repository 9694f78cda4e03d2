"""``plan-oswiaty package export|import``: exchange files from the command line.

Registered by :func:`app.cli.commands.register` (``package.register(sub)``).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.i18n import _


def register(sub: Any) -> None:
    package = sub.add_parser(
        "package", help=_("pliki wymiany: przenieś JST na inny komputer i połącz zmiany")
    )
    actions = package.add_subparsers(dest="package_command", metavar=_("DZIAŁANIE"))
    actions.required = True

    export = actions.add_parser("export", help=_("zapisz JST (lub jej zmiany) do pliku wymiany"))
    scope = export.add_mutually_exclusive_group(required=True)
    scope.add_argument("--municipality", metavar=_("NAZWA_LUB_ID"), help=_("która JST"))
    scope.add_argument(
        "--network",
        metavar=_("NAZWA_LUB_ID"),
        help=_("która sieć JST (z jej spotkaniami, szkoleniami i dobrymi praktykami)"),
    )
    export.add_argument(
        "--since",
        type=_day,
        metavar=_("RRRR-MM-DD"),
        help=_("tylko rekordy zmienione od tego dnia (także usunięcia)"),
    )
    export.add_argument(
        "--passphrase", metavar=_("HASŁO"), help=_("zaszyfruj plik tym hasłem (AES-256)")
    )
    export.add_argument(
        "-o", "--output", required=True, metavar=_("PLIK"), help=_("plik wymiany do zapisania")
    )
    export.set_defaults(handler=cmd_export)

    load = actions.add_parser("import", help=_("wczytaj plik wymiany i połącz z danymi"))
    load.add_argument("file", metavar=_("PLIK"), help=_("plik wymiany (.planoswiaty)"))
    load.add_argument(
        "--dry-run", action="store_true", help=_("tylko pokaż, co by się zmieniło (podgląd)")
    )
    load.add_argument("--passphrase", metavar=_("HASŁO"), help=_("hasło pliku zaszyfrowanego"))
    load.add_argument(
        "--prefer",
        choices=("ask", "mine", "theirs"),
        default="ask",
        help=_(
            "konflikty: ask — zatrzymaj i wypisz je (domyślnie), mine — zachowaj wersje "
            "z tego komputera, theirs — przyjmij wersje z pliku"
        ),
    )
    load.set_defaults(handler=cmd_import)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(text) from None


def cmd_export(args: argparse.Namespace) -> int:
    from app.exchange.export import export_package
    from app.services.municipalities import find
    from app.storage.store import Store

    if args.network:
        return _export_network(args)

    with Store.open(args.data_dir) as store:
        municipality = find(store, args.municipality)
        result = export_package(
            store,
            municipality.id,
            Path(args.output),
            since=args.since,
            passphrase=args.passphrase or None,
        )
    total = sum(result.counts.values())
    print(
        _("Zapisano plik wymiany {path}: JST {name}, rekordów: {count}{encrypted}.").format(
            path=result.path,
            name=municipality.name,
            count=total,
            encrypted=_(", zaszyfrowany hasłem") if result.encrypted else "",
        )
    )
    return 0


def _export_network(args: argparse.Namespace) -> int:
    from app.exchange import format as fmt
    from app.exchange.export import export_package
    from app.services.networks import find_network
    from app.storage.store import Store

    if args.since is not None:
        raise UserError(_("Sieć zapisuje się do pliku wymiany w całości — nie podawaj --since."))
    with Store.open(args.data_dir) as store:
        network = find_network(store, args.network)
        result = export_package(
            store,
            network.id,
            Path(args.output),
            parts=fmt.NETWORK_PARTS,
            passphrase=args.passphrase or None,
        )
    print(
        _("Zapisano plik wymiany {path}: sieć {name}, rekordów: {count}{encrypted}.").format(
            path=result.path,
            name=network.name,
            count=sum(result.counts.values()),
            encrypted=_(", zaszyfrowany hasłem") if result.encrypted else "",
        )
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.exchange.merge import Choice, apply_import
    from app.exchange.plan import plan_import
    from app.exchange.reader import read_package
    from app.exchange.report import preview_lines
    from app.storage.store import Store

    package = read_package(args.file, args.passphrase)
    default = {"mine": Choice.MINE, "theirs": Choice.THEIRS}.get(args.prefer)
    with Store.open(args.data_dir) as store:
        plan = plan_import(store, package)
        if args.dry_run:
            print("\n".join(preview_lines(plan)))
            return 0
        if plan.conflicts and default is None:
            print("\n".join(preview_lines(plan, conflicts_only=True)))
            raise UserError(
                _(
                    "Import zatrzymany — konflikty do rozstrzygnięcia: {count}. Wybierz "
                    "--prefer mine (zachowaj wersje z tego komputera) albo --prefer theirs "
                    "(przyjmij wersje z pliku), albo rozstrzygnij je w oknie programu. "
                    "Dane pozostały bez zmian."
                ).format(count=len(plan.conflicts))
            )
        result = apply_import(store, package, default=default)
    if result.nothing_changed:
        print(
            _("Nic do zmiany: dane są już zgodne z plikiem {name}.").format(name=package.file_name)
        )
        return 0
    print(
        _(
            "Zaimportowano {name}: dodano {added}, zmieniono {changed}, usunięto {deleted}, "
            "konflikty: {conflicts}. Kopia zapasowa sprzed importu: {backup}"
        ).format(
            name=package.file_name,
            added=result.added,
            changed=result.changed,
            deleted=result.deleted,
            conflicts=result.conflicts,
            backup=result.backup,
        )
    )
    return 0
