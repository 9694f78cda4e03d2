"""``plan-oswiaty import rspo|sheet``: school data from the files officers get, for scripts.

Each prints what would change (``--dry-run``) or what changed; a refused file
is one Polish line on stderr and a non-zero exit, with nothing written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.i18n import _

if TYPE_CHECKING:
    from app.imports.rspo import RspoPlan
    from app.imports.sheet import SheetPlan
    from app.storage.store import Store


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "import", help=_("wczytaj dane oświatowe: eksport RSPO (CSV) lub arkusz (SIO, OKE)")
    )
    kinds = parser.add_subparsers(dest="import_kind", metavar=_("RODZAJ"), required=True)
    rspo = kinds.add_parser("rspo", help=_("szkoły JST z eksportu rejestru RSPO (CSV)"))
    rspo.add_argument("file", metavar=_("PLIK.csv"), help=_("plik eksportu RSPO"))
    _common(rspo)
    rspo.set_defaults(handler=cmd_import_rspo)
    sheet = kinds.add_parser(
        "sheet", help=_("dane szkół z arkusza .xlsx lub .csv według przypisania kolumn")
    )
    sheet.add_argument("file", metavar=_("PLIK"), help=_("arkusz .xlsx lub plik .csv"))
    sheet.add_argument(
        "--mapping",
        required=True,
        metavar=_("NAZWA"),
        help=_("zapisane przypisanie kolumn (wbudowane: oke-e8, sio)"),
    )
    sheet.add_argument(
        "--year", type=int, metavar=_("RRRR"), help=_("rok szkolny (jego początek, np. 2024)")
    )
    sheet.add_argument(
        "--confirm-names",
        action="store_true",
        help=_("wczytaj też wiersze dopasowane do szkół tylko po nazwie"),
    )
    _common(sheet)
    sheet.set_defaults(handler=cmd_import_sheet)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--municipality",
        required=True,
        metavar=_("NAZWA_LUB_ID"),
        help=_("JST: nazwa lub identyfikator"),
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=_("tylko pokaż, co by się zmieniło; nic nie zapisuj")
    )


def _open(args: argparse.Namespace) -> Store:
    from app.storage.store import Store

    return Store.open(args.data_dir)


def cmd_import_rspo(args: argparse.Namespace) -> int:
    from app.imports import rspo
    from app.services.municipalities import find

    with _open(args) as store:
        municipality = find(store, args.municipality)
        prepared = rspo.plan(store, municipality.id, Path(args.file).expanduser())
        _print_rspo(prepared)
        if args.dry_run:
            print(_("Próba: nic nie zapisano."))
            return 0
        written = rspo.apply(store, prepared)
    print(
        _("Zapisano. Szkoły dodane lub zmienione: {n}.").format(n=written)
        if written
        else _("Nic do zmiany.")
    )
    return 0


def _print_rspo(prepared: RspoPlan) -> None:
    from app.imports import rspo
    from app.model import School
    from app.services.fields import FIELDS

    print(
        _("Plik {file}: nowe {new}, zmienione {changed}, bez zmian {same}.").format(
            file=prepared.file_name,
            new=prepared.count(rspo.NEW),
            changed=prepared.count(rspo.CHANGED),
            same=prepared.count(rspo.UNCHANGED),
        )
    )
    for row in prepared.rows:
        if row.status == rspo.NEW:
            print(_("  + {rspo} {name}").format(rspo=row.values["rspo"], name=row.values["name"]))
        elif row.status == rspo.CHANGED:
            print(
                _("  ~ {rspo} {name}: {fields}").format(
                    rspo=row.values["rspo"],
                    name=row.values["name"],
                    fields=", ".join(_(FIELDS[School][name].label) for name in row.changed),
                )
            )


def cmd_import_sheet(args: argparse.Namespace) -> int:
    from app.imports import mapping, sheet
    from app.services.municipalities import find

    with _open(args) as store:
        municipality = find(store, args.municipality)
        chosen = mapping.load(store, args.mapping)
        path = Path(args.file).expanduser()
        prepared = sheet.plan(store, municipality.id, path, chosen, year=args.year)
        _print_sheet(prepared, args.confirm_names)
        if args.dry_run:
            print(_("Próba: nic nie zapisano."))
            return 0
        written = sheet.apply(store, prepared, confirm_names=args.confirm_names)
    print(
        _("Zapisano. Wiersze danych dodane lub zmienione: {n}.").format(n=written)
        if written
        else _("Nic do zmiany.")
    )
    return 0


def _print_sheet(prepared: SheetPlan, confirm_names: bool) -> None:
    from app.imports import sheet

    print(
        _(
            "Plik {file}: nowe {new}, zmienione {changed}, bez zmian {same}; "
            "pominięte wiersze sum: {totals}."
        ).format(
            file=prepared.file_name,
            new=prepared.count(sheet.NEW),
            changed=prepared.count(sheet.CHANGED),
            same=prepared.count(sheet.UNCHANGED),
            totals=prepared.totals_skipped,
        )
    )
    for line, label in prepared.unmatched:
        print(_("  ? wiersz {line}: nie znaleziono szkoły „{name}”").format(line=line, name=label))
    names = sorted({row.school_name for row in prepared.by_name})
    for name in names:
        if confirm_names:
            print(_("  = dopasowano po nazwie: {name}").format(name=name))
        else:
            print(
                _(
                    "  = dopasowano tylko po nazwie (pominięto; dodaj --confirm-names): {name}"
                ).format(name=name)
            )


def print_school_years(years: list[int]) -> None:
    """One line of ``plan-oswiaty list``: how many school years of data a JST holds."""
    from app.model.school_data import school_year_label

    if not years:
        print("  " + _("dane oświatowe: brak"))
        return
    span = school_year_label(years[0])
    if len(years) > 1:
        span += "–" + school_year_label(years[-1])
    print("  " + _("dane oświatowe, lata szkolne: {n} ({span})").format(n=len(years), span=span))
