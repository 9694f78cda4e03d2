"""``plan-oswiaty school-year close|reopen|list``: closed school years, for scripts.

A closed year is a frozen snapshot of the JST; its school data cannot change
until the year is reopened, with a reason that is kept in the log.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.i18n import _, ngettext


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "school-year", help=_("zamknij, otwórz ponownie lub wypisz zamknięte lata szkolne JST")
    )
    actions = parser.add_subparsers(dest="year_action", metavar=_("DZIAŁANIE"), required=True)
    close = actions.add_parser(
        "close", help=_("zamknij rok szkolny: zapisz stan JST, którego nie można już zmienić")
    )
    _municipality(close)
    _year(close)
    close.add_argument("--author", metavar=_("KTO"), help=_("kto zamyka rok (do dziennika)"))
    close.set_defaults(handler=cmd_close)
    reopen = actions.add_parser("reopen", help=_("otwórz ponownie zamknięty rok szkolny"))
    _municipality(reopen)
    _year(reopen)
    reopen.add_argument(
        "--reason", required=True, metavar=_("POWÓD"), help=_("powód (zapisany w dzienniku)")
    )
    reopen.add_argument("--author", metavar=_("KTO"), help=_("kto otwiera rok (do dziennika)"))
    reopen.set_defaults(handler=cmd_reopen)
    listing = actions.add_parser("list", help=_("wypisz zamknięte lata szkolne JST"))
    _municipality(listing)
    listing.set_defaults(handler=cmd_list)


def _municipality(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--municipality", required=True, metavar=_("NAZWA_LUB_ID"), help=_("JST: nazwa lub id")
    )


def _year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--school-year", required=True, metavar=_("RRRR/RRRR"), help=_("np. 2025/2026")
    )


def cmd_close(args: argparse.Namespace) -> int:
    from app.services import snapshots
    from app.services.municipalities import find
    from app.storage.store import Store

    year = snapshots.parse_school_year(args.school_year)
    with Store.open(args.data_dir) as store:
        place = find(store, args.municipality)
        closed = snapshots.close_school_year(store, place.id, year, author=args.author)
    print(
        ngettext(
            "Zamknięto rok szkolny {year} ({name}): zapisano stan {count} rekordu.",
            "Zamknięto rok szkolny {year} ({name}): zapisano stan {count} rekordów.",
            closed.record_count,
        ).format(year=closed.label, name=place.name, count=closed.record_count)
    )
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from app.errors import UserError
    from app.model.school_data import school_year_label
    from app.services import snapshots
    from app.services.municipalities import find
    from app.storage.store import Store

    year = snapshots.parse_school_year(args.school_year)
    with Store.open(args.data_dir) as store:
        place = find(store, args.municipality)
        found = [s for s in snapshots.list_snapshots(store, place.id) if s.school_year == year]
        if not found:
            raise UserError(
                _("Rok szkolny {year} nie był zamknięty.").format(year=school_year_label(year))
            )
        snapshots.reopen_school_year(store, found[0].id, reason=args.reason, author=args.author)
    print(_("Rok szkolny {year} jest znów otwarty.").format(year=school_year_label(year)))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from app.reports.dates import long_date
    from app.services import snapshots
    from app.services.municipalities import find
    from app.storage.store import Store

    with Store.open(args.data_dir, readonly=True) as store:
        place = find(store, args.municipality)
        found = snapshots.list_snapshots(store, place.id)
    if not found:
        print(_("{name}: żaden rok szkolny nie jest zamknięty.").format(name=place.name))
    for snapshot in found:
        print(
            _("{year}\t{status}\tstan na {as_of}\tzamknięto {taken}").format(
                year=snapshot.label,
                status=snapshot.status.label,
                as_of=long_date(snapshot.as_of),
                taken=long_date(snapshot.taken_at.astimezone().date()),
            )
        )
    return 0
