"""``plan-oswiaty export {plan,hdr,monitoring,visit}``: any document to PDF, without the window.

Hooked into the parser by ``export.register(sub)``; errors are UserErrors, printed
by :func:`app.cli.main.main` as one line, with a non-zero exit code.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.i18n import _

# The document kinds (app.reports.export.KINDS; a test keeps the two equal). Not
# imported from there: ReportLab and the data layer must not load for `--help`.
KINDS = ("plan", "hdr", "monitoring", "visit")


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "export",
        help=_("zapisz dokument PDF: plan, HDR, raport z monitoringu lub protokół wizyty"),
        description=_(
            "Zapisuje dokument do pliku PDF: plan rozwoju oświaty (plan), harmonogram działań "
            "rozwojowych (hdr), raport z monitoringu za okres (monitoring) lub protokół "
            "wizyty doradczej (visit)."
        ),
    )
    kinds = (*KINDS, "budget")
    parser.add_argument(
        "kind",
        choices=list(kinds),
        metavar="{" + ",".join(kinds) + "}",
        help=_("rodzaj dokumentu; budget — budżet planu jako arkusz .xlsx"),
    )
    parser.add_argument(
        "--municipality",
        required=True,
        metavar=_("NAZWA_LUB_ID"),
        help=_("JST: nazwa (bez względu na wielkość liter i znaki diakrytyczne) lub identyfikator"),
    )
    parser.add_argument(
        "--id",
        "--plan",
        dest="record_id",
        metavar="ID",
        help=_("który plan, HDR lub wizyta (domyślnie najnowszy)"),
    )
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar=_("RRRR-MM-DD"),
        help=_("początek okresu raportu z monitoringu"),
    )
    parser.add_argument(
        "--to", dest="date_to", metavar=_("RRRR-MM-DD"), help=_("koniec okresu raportu")
    )
    parser.add_argument(
        "--password",
        metavar=_("HASŁO"),
        help=_("zabezpiecz plik hasłem (dokumenty z danymi osobowymi)"),
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar=_("PLIK.pdf"), help=_("plik wynikowy")
    )
    parser.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from app.reports.export import export, parse_date

    date_from = parse_date(args.date_from, "--from") if args.date_from else None
    date_to = parse_date(args.date_to, "--to") if args.date_to else None
    from app.storage.store import Store  # not at import: `--help` stays quick

    if args.kind == "budget":
        return _export_budget(args, Store)
    with Store.open(args.data_dir, readonly=True) as store:
        path = export(
            store,
            args.kind,
            args.municipality,
            record_id=args.record_id,
            date_from=date_from,
            date_to=date_to,
            password=args.password,
            output=args.output,
        )
    print(_("Zapisano {path}").format(path=path))
    return 0


def _export_budget(args: argparse.Namespace, store_class: Any) -> int:
    from app.errors import UserError
    from app.reports.plan_budget_xlsx import export_budget

    if args.date_from or args.date_to or args.password:
        raise UserError(_("Dla budżetu .xlsx nie podaje się okresu ani hasła."))
    with store_class.open(args.data_dir, readonly=True) as store:
        path = export_budget(store, args.municipality, args.record_id, args.output)
    print(_("Zapisano {path}").format(path=path))
    return 0
