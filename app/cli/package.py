"""``plan-oswiaty package export|import``: exchange files from the command line.

Registered by :func:`app.cli.commands.register` (``package.register(sub)``).
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli import secrets
from app.errors import UserError
from app.i18n import _

if TYPE_CHECKING:
    from app.exchange.reader import Package
    from app.storage.store import Store


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
    secrets.add_options(
        export,
        secrets.PASSPHRASE,
        setting=True,
        help_text=_("zaszyfruj plik hasłem (AES-256)"),
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
    secrets.add_options(
        load, secrets.PASSPHRASE, setting=False, help_text=_("hasło pliku zaszyfrowanego")
    )
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


def _read(args: argparse.Namespace) -> Package:
    """The file, asking for its passphrase when it has one and none was given."""
    from app.exchange.crypto import PassphraseNeeded
    from app.exchange.reader import read_package

    passphrase = secrets.read(
        secrets.PASSPHRASE, args.passphrase, args.passphrase_file, setting=False
    )
    try:
        return read_package(args.file, passphrase)
    except PassphraseNeeded as needed:
        if passphrase is not None:
            raise
        if not secrets.can_prompt():
            raise UserError(
                f"{needed.message} {secrets.where_to_give(secrets.PASSPHRASE)}"
            ) from None
    asked = secrets.read(secrets.PASSPHRASE, None, None, setting=False, ask=True)
    return read_package(args.file, asked)


@contextmanager
def _store_for_dry_run(data_dir: str | None) -> Iterator[Store]:
    """A dry run writes nothing: the data opened read-only, or an empty store elsewhere.

    Without data yet, the file is compared with a new empty store in a temporary
    folder: no data folder is created, nothing migrated, no backup made.
    """
    from app import paths as app_paths
    from app.storage.store import Store

    database = app_paths.resolve(data_dir).database
    if database.exists() and database.stat().st_size > 0:
        with Store.open(data_dir, readonly=True) as store:
            yield store
        return
    with (
        tempfile.TemporaryDirectory(prefix="plan-oswiaty-podglad-") as folder,
        Store.open(folder, backup_on_open=False) as store,
    ):
        yield store


def cmd_export(args: argparse.Namespace) -> int:
    from app.exchange.export import export_package
    from app.filenames import check_path_length
    from app.services.municipalities import find
    from app.storage.store import Store

    if args.network:
        return _export_network(args)

    check_path_length(Path(args.output).absolute())
    passphrase = secrets.read(
        secrets.PASSPHRASE, args.passphrase, args.passphrase_file, setting=True
    )
    with Store.open(args.data_dir) as store:
        municipality = find(store, args.municipality)
        result = export_package(
            store,
            municipality.id,
            Path(args.output),
            since=args.since,
            passphrase=passphrase,
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
    from app.exchange.report import nothing_to_change, preview_lines
    from app.storage.store import Store

    package = _read(args)
    default = {"mine": Choice.MINE, "theirs": Choice.THEIRS}.get(args.prefer)
    if args.dry_run:
        with _store_for_dry_run(args.data_dir) as store:
            print("\n".join(preview_lines(plan_import(store, package))))
        return 0
    with Store.open(args.data_dir) as store:
        plan = plan_import(store, package)
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
        print(nothing_to_change(plan.newer_here + result.conflicts, package.file_name))
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
