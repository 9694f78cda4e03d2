"""The scripting subcommands: demo, list, search, check, backup, restore."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import paths as app_paths
from app.errors import UserError
from app.i18n import _

if TYPE_CHECKING:
    from app.storage.store import Store

log = logging.getLogger(__name__)

# The storage layer (SQLAlchemy) is imported inside each command, not here:
# building the parser for ``--help`` or opening the window must stay quick.


def register(sub: Any) -> None:
    demo = sub.add_parser("demo", help=_("wczytaj JST demonstracyjną (bez duplikatów)"))
    demo.add_argument("--open", action="store_true", help=_("potem otwórz okno programu"))
    demo.set_defaults(handler=cmd_demo)

    listing = sub.add_parser("list", help=_("wypisz JST z ich planami, HDR i wizytami"))
    listing.set_defaults(handler=cmd_list)

    search = sub.add_parser(
        "search",
        help=_("szukaj w całym tekście (bez względu na wielkość liter i znaki diakrytyczne)"),
    )
    search.add_argument("text", help=_("szukany tekst"))
    search.add_argument("--municipality", help=_("tylko w tej JST (nazwa lub identyfikator)"))
    search.add_argument("--limit", type=int, default=50, help=_("najwięcej wyników (domyślnie 50)"))
    search.set_defaults(handler=cmd_search)

    check = sub.add_parser("check", help=_("sprawdź spójność pliku danych"))
    check.set_defaults(handler=cmd_check)

    backup = sub.add_parser("backup", help=_("wykonaj kopię zapasową danych"))
    backup.add_argument(
        "-o", "--output", metavar=_("PLIK"), help=_("plik kopii (domyślnie folder kopii)")
    )
    backup.add_argument(
        "--force", action="store_true", help=_("zastąp istniejący plik podany w -o")
    )
    backup.set_defaults(handler=cmd_backup)

    restore = sub.add_parser("restore", help=_("przywróć dane z kopii zapasowej"))
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("file", nargs="?", metavar=_("PLIK"), help=_("plik kopii do przywrócenia"))
    which.add_argument(
        "--latest", action="store_true", help=_("najnowsza dobra kopia z folderu kopii")
    )
    restore.set_defaults(handler=cmd_restore)

    from app.cli import export, package, school_data, school_years

    export.register(sub)
    package.register(sub)
    school_data.register(sub)
    school_years.register(sub)

    backups_cmd = sub.add_parser("backups", help=_("wypisz dostępne kopie zapasowe"))
    backups_cmd.set_defaults(handler=cmd_backups)


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import load_demo
    from app.storage.store import Store

    with Store.open(args.data_dir) as store:
        municipality, created = load_demo(store)
    if created:
        print(
            _("Wczytano JST demonstracyjną: {name} ({id}).").format(
                name=municipality.name, id=municipality.id
            )
        )
    else:
        print(
            _("JST demonstracyjna jest już wczytana: {name} ({id}).").format(
                name=municipality.name, id=municipality.id
            )
        )
    if args.open:
        from app.cli.main import open_window

        return open_window(args, select_municipality=municipality.id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from app.cli.school_data import print_school_years
    from app.services.municipalities import summaries
    from app.services.school_data.snapshot import years_by_municipality

    store = _open_for_reading(args)
    if store is None:
        print(_("Brak danych. Wczytaj JST demonstracyjną poleceniem „plan-oswiaty demo”."))
        return 0
    with store:
        rows = summaries(store)
        data_years = years_by_municipality(store)
        network_lines = network_listing(store)
    if not rows:
        print(_("Brak JST. Wczytaj JST demonstracyjną poleceniem „plan-oswiaty demo”."))
    for row in rows:
        m = row.municipality
        demo = _(" [demo]") if m.is_demo else ""
        print(f"{m.name}{demo}  ({m.kind.label}, TERYT {m.teryt or '—'})  id: {m.id}")
        print(
            "  "
            + _("zespół: {team}, szkoły: {schools}, działania: {actions}, notatki: {notes}").format(
                team=row.team_count,
                schools=row.school_count,
                actions=row.action_count,
                notes=row.note_count,
            )
        )
        print_school_years(data_years.get(m.id, []))
        for label, docs in (
            (_("plan"), row.plans),
            (_("HDR"), row.schedules),
            (_("wizyta"), row.visits),
        ):
            for doc in docs:
                print(f"  {label}: {doc.title} ({doc.detail})  id: {doc.id}")
    for line in network_lines:
        print(line)
    return 0


def network_listing(store: Store) -> list[str]:
    """The networks of JSTs with their ids, members and meetings (listed after the JSTs)."""
    from app.services.networks import meetings, members, networks

    lines = []
    for network in networks(store):
        lines.append(
            _("Sieć: {name}  ({kind}, {start} – {end})  id: {id}").format(
                name=network.name,
                kind=network.kind.label,
                start=network.period_start.isoformat(),
                end=network.period_end.isoformat(),
                id=network.id,
            )
        )
        names = ", ".join(member.name for member in members(store, network.id))
        lines.append("  " + _("członkowie: {names}").format(names=names or "—"))
        for meeting in meetings(store, network.id):
            lines.append(
                "  "
                + _("spotkanie {number}: {topic} ({day})  id: {id}").format(
                    number=meeting.number,
                    topic=meeting.topic,
                    day=meeting.starts_on.isoformat(),
                    id=meeting.id,
                )
            )
    return lines


def cmd_search(args: argparse.Namespace) -> int:
    from app.services.municipalities import find
    from app.services.search import search

    store = _open_for_reading(args)
    if store is None:
        print(_("Brak danych."))
        return 0
    with store:
        municipality_id = find(store, args.municipality).id if args.municipality else None
        results = search(
            store, args.text, municipality_id=municipality_id, limit=max(1, args.limit)
        )
    if not results:
        print(_("Nic nie znaleziono dla „{text}”.").format(text=args.text))
        return 0
    for result in results:
        where = result.municipality_name
        print(f"[{result.type_label}] {result.title} — {where}  id: {result.record_id}")
        if result.snippet and result.snippet != result.title:
            print(f"    {result.snippet}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from app.storage import backups
    from app.storage.integrity import check_file, reach_message

    data_paths = app_paths.resolve(args.data_dir)
    database = data_paths.database
    good = backups.newest_good_backup(data_paths.backups, for_latest=True)
    if not database.exists() or database.stat().st_size == 0:
        if good is not None:
            raise UserError(
                _(
                    "Brak danych w pliku {path}, choć są kopie zapasowe; najnowsza dobra: {backup} "
                    "(przywróć: plan-oswiaty restore --latest)."
                ).format(path=database, backup=good.name)
            )
        print(_("Brak danych w {path} — nie ma czego sprawdzać.").format(path=data_paths.root))
        return 0
    result = check_file(database)
    if result.ok:
        print(_("Plik danych jest spójny: {path}").format(path=database))
        return 0
    if not result.damaged:
        log.warning("check of %s stopped: %s", database, "; ".join(result.problems))
        raise UserError(reach_message(database, result))
    log.error("check of %s: damaged: %s", database, "; ".join(result.problems))
    if good is None:
        raise UserError(
            _("Plik danych {path} jest uszkodzony, a nie ma dobrej kopii zapasowej.").format(
                path=database
            )
        )
    raise UserError(
        _(
            "Plik danych {path} jest uszkodzony; najnowsza dobra kopia: {backup} "
            "(przywróć: plan-oswiaty restore --latest)."
        ).format(path=database, backup=good.name)
    )


def cmd_backup(args: argparse.Namespace) -> int:
    from app.storage import backups
    from app.storage.integrity import check_file, reach_message

    data_paths = app_paths.resolve(args.data_dir)
    if not data_paths.database.exists():
        raise UserError(
            _("Brak pliku danych w {path} — nie ma czego kopiować.").format(path=data_paths.root)
        )
    result = check_file(data_paths.database)
    if not result.ok and not result.damaged:
        raise UserError(reach_message(data_paths.database, result))
    if not result.ok:
        raise UserError(
            _("Plik danych jest uszkodzony; kopia nie została wykonana. Użyj „plan-oswiaty check”.")
        )
    target = Path(args.output).expanduser().absolute() if args.output else None
    if target is not None:
        check_output(target, force=args.force)
    with _lock_if_free(data_paths):
        path = backups.make_backup(data_paths.database, data_paths.backups, "manual", target=target)
    print(_("Kopia zapasowa zapisana: {path}").format(path=path))
    return 0


def check_output(target: Path, *, force: bool) -> None:
    """Refuse to write over a folder, a device or a link; over a file only with ``--force``."""
    from app.filenames import check_path_length

    check_path_length(target)
    if target.is_dir():
        raise UserError(_("{path} jest folderem; podaj nazwę pliku kopii.").format(path=target))
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise UserError(
            _("{path} nie jest zwykłym plikiem — nic nie zapisano.").format(path=target)
        )
    if target.exists() and not force:
        raise UserError(
            _("Plik {path} już istnieje. Aby go zastąpić, dodaj --force.").format(path=target)
        )


@contextmanager
def _lock_if_free(data_paths: app_paths.DataPaths) -> Iterator[None]:
    """Hold the instance lock when no one else does (while the window is open, it does)."""
    from app.storage.lock import InstanceLock

    lock = InstanceLock(data_paths.lock)
    try:
        lock.acquire()
    except UserError:
        yield
        return
    try:
        yield
    finally:
        lock.release()


def cmd_restore(args: argparse.Namespace) -> int:
    from app.storage import backups
    from app.storage.lock import InstanceLock
    from app.storage.restore import restore_into
    from app.storage.store import Store, ensure_folder

    data_paths = app_paths.resolve(args.data_dir)
    if args.latest:
        source = backups.newest_good_backup(data_paths.backups, for_latest=True)
        if source is None:
            raise UserError(
                _("W folderze kopii {path} nie ma dobrej kopii.").format(path=data_paths.backups)
            )
    else:
        source = Path(args.file).expanduser().resolve()
        if not source.is_file():
            raise UserError(_("Nie ma pliku {path}.").format(path=source))
    ensure_folder(data_paths.root)
    lock = InstanceLock(data_paths.lock)
    lock.acquire()
    try:
        restore_into(source, data_paths.database, data_paths.backups)
    finally:
        lock.release()
    # Opening migrates a copy made by an earlier version and checks it once more.
    with Store.open(args.data_dir, backup_on_open=False):
        pass
    print(_("Przywrócono dane z kopii {path}.").format(path=source))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from app.storage import backups

    data_paths = app_paths.resolve(args.data_dir)
    found = backups.list_backups(data_paths.backups)
    if not found:
        print(_("Brak kopii zapasowych w {path}.").format(path=data_paths.backups))
    for info in found:
        print(f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {info.reason:<16} {info.path}")
    return 0


def _open_for_reading(args: argparse.Namespace) -> Store | None:
    from app.storage.store import Store

    data_paths = app_paths.resolve(args.data_dir)
    if not data_paths.database.exists():
        return None
    return Store.open(args.data_dir, readonly=True)
