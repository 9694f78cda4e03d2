"""``plan-oswiaty export {plan,hdr,monitoring,visit}``: any document to PDF, without the window.

Hooked into the parser by ``export.register(sub)``; errors are UserErrors, printed
by :func:`app.cli.main.main` as one line, with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import configparser
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.cli import secrets
from app.errors import UserError
from app.i18n import LANGUAGES, SOURCE_LANGUAGE, _, current_language, set_language

# The document kinds (app.reports.export.KINDS; a test keeps the two equal). Not
# imported from there: ReportLab and the data layer must not load for `--help`.
KINDS = ("plan", "hdr", "monitoring", "visit")
FORMATS = ("pdf", "docx")  # app.reports.export.FORMATS
# The documents of a network of JSTs (app.reports.network_export.KINDS): ``--network``.
NETWORK_KINDS = ("network", "meeting")
CHOICES = KINDS + NETWORK_KINDS
# The yearly informacja o stanie realizacji zadań oświatowych (app.reports.yearly).
YEARLY = "yearly-report"


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
    kinds = (*CHOICES, "budget", YEARLY)
    parser.add_argument(
        "kind",
        choices=list(kinds),
        metavar="{" + ",".join(kinds) + "}",
        help=_("rodzaj dokumentu; budget — budżet planu jako arkusz .xlsx"),
    )
    parser.add_argument(
        "--municipality",
        metavar=_("NAZWA_LUB_ID"),
        help=_("JST: nazwa (bez względu na wielkość liter i znaki diakrytyczne) lub identyfikator"),
    )
    parser.add_argument(
        "--network",
        metavar=_("NAZWA_LUB_ID"),
        help=_("sieć JST (dla network i meeting): nazwa lub identyfikator"),
    )
    parser.add_argument(
        "--id",
        "--plan",
        dest="record_id",
        metavar="ID",
        help=_("który plan, HDR, wizyta lub spotkanie (domyślnie najnowszy)"),
    )
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar=_("RRRR-MM-DD"),
        help=_(
            "początek okresu raportu z monitoringu lub planu (okres miniony: stan "
            "z zamkniętego roku szkolnego najbliższego jego końcowi)"
        ),
    )
    parser.add_argument(
        "--to", dest="date_to", metavar=_("RRRR-MM-DD"), help=_("koniec okresu raportu")
    )
    parser.add_argument(
        "--school-year",
        metavar=_("RRRR/RRRR"),
        help=_("rok szkolny informacji o stanie realizacji zadań oświatowych (yearly-report)"),
    )
    secrets.add_options(
        parser,
        secrets.PDF_PASSWORD,
        setting=True,
        help_text=_("zabezpiecz plik hasłem (dokumenty z danymi osobowymi)"),
    )
    parser.add_argument(
        "--format",
        dest="fmt",
        choices=FORMATS,
        help=_(
            "pdf (domyślnie) lub docx — dokument Word do edycji i publikacji w BIP "
            "(domyślnie według rozszerzenia pliku)"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=list(LANGUAGES),
        help=_("język dokumentu (domyślnie: język ustawiony w oknie programu)"),
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=_("PLIK.pdf"),
        help=_("plik wynikowy (.pdf lub .docx)"),
    )
    parser.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from app.filenames import check_path_length
    from app.reports.export import export, parse_date

    if args.kind in NETWORK_KINDS:
        return _export_network(args)
    if not args.municipality:
        raise UserError(_("Podaj JST: --municipality NAZWA_LUB_ID."))

    check_format(args.fmt, args.output)
    date_from = parse_date(args.date_from, "--from") if args.date_from else None
    date_to = parse_date(args.date_to, "--to") if args.date_to else None
    from app.storage.store import Store  # not at import: `--help` stays quick

    if args.kind == "budget":
        return _export_budget(args, Store)
    if args.kind == YEARLY:
        return _export_yearly(args, Store)
    if args.school_year:
        raise UserError(_("Rok szkolny podaje się tylko dla informacji (yearly-report)."))
    check_path_length(Path(args.output).absolute())
    password = secrets.read(secrets.PDF_PASSWORD, args.password, args.password_file, setting=True)
    with _document_language(args), Store.open(args.data_dir, readonly=True) as store:
        path = export(
            store,
            args.kind,
            args.municipality,
            record_id=args.record_id,
            date_from=date_from,
            date_to=date_to,
            password=password,
            output=args.output,
        )
    print(_("Zapisano {path}").format(path=path))
    return 0


@contextmanager
def _document_language(args: argparse.Namespace) -> Iterator[None]:
    """The document's language while it is written: ``--lang``, else the window's."""
    before = current_language()
    set_language(args.lang or window_language(args.data_dir))
    try:
        yield
    finally:
        set_language(before)


def check_format(fmt: str | None, output: str) -> None:
    """``--format`` and the output file's extension must agree."""
    suffix = Path(output).suffix.lower().lstrip(".")
    if fmt is not None and suffix != fmt:
        raise UserError(
            _("Plik w formacie {format} musi mieć rozszerzenie .{format} (podano: {path}).").format(
                format=fmt, path=output
            ),
            field="output",
        )


def window_language(data_dir: str | None) -> str:
    """The language chosen in the window (``ui.ini`` in the data folder), else Polish.

    Read without Qt: QSettings writes an INI file whose ``[General]`` section
    holds ``language``.
    """
    from app.paths import resolve

    settings = configparser.ConfigParser(interpolation=None)
    try:
        settings.read(resolve(data_dir).root / "ui.ini", encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return SOURCE_LANGUAGE
    language = settings.get("General", "language", fallback=SOURCE_LANGUAGE).strip()
    return language if language in LANGUAGES else SOURCE_LANGUAGE


def _export_network(args: argparse.Namespace) -> int:
    from app.filenames import check_path_length
    from app.reports import network_export
    from app.storage.store import Store

    if not args.network:
        raise UserError(_("Podaj sieć: --network NAZWA_LUB_ID."))
    if args.municipality or args.date_from or args.date_to:
        raise UserError(_("Dokumenty sieci nie przyjmują opcji --municipality, --from ani --to."))
    if args.kind == "network" and args.record_id:
        raise UserError(_("Podsumowanie obejmuje całą sieć — nie podawaj --id."))
    if args.fmt not in (None, "pdf"):
        raise UserError(_("Dokumenty sieci zapisuje się tylko jako PDF."), field="output")
    check_path_length(Path(args.output).absolute())
    password = secrets.read(secrets.PDF_PASSWORD, args.password, args.password_file, setting=True)
    with _document_language(args), Store.open(args.data_dir, readonly=True) as store:
        path = network_export.export(
            store,
            args.kind,
            args.network,
            record_id=args.record_id,
            password=password,
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


def _export_yearly(args: argparse.Namespace, store_class: Any) -> int:
    from app.filenames import check_path_length
    from app.reports.yearly.document import write
    from app.services import municipalities, yearly_report

    if not args.school_year:
        raise UserError(_("Podaj rok szkolny: --school-year 2025/2026."))
    if args.date_from or args.date_to or args.record_id:
        raise UserError(
            _("Informacja obejmuje cały rok szkolny — nie podawaj --from, --to ani --id.")
        )
    year = yearly_report.parse_school_year(args.school_year)
    check_path_length(Path(args.output).absolute())
    password = secrets.read(secrets.PDF_PASSWORD, args.password, args.password_file, setting=True)
    if password and Path(args.output).suffix.lower() == ".docx":
        raise UserError(
            _("Hasło można nadać tylko plikowi PDF — dokument Word zapisz bez hasła."),
            field="password",
        )
    from app.reports.export import _check_output

    target = _check_output(args.output)
    with _document_language(args), store_class.open(args.data_dir, readonly=True) as store:
        place = municipalities.find(store, args.municipality)
        data = yearly_report.report_data(store, place.id, year)
        path = write(data, target, password=password)
    print(_("Zapisano {path}").format(path=path))
    return 0
