"""One entry point for every PDF: which document, of which municipality, where to.

Used by the command line (``plan-oswiaty export …``) and by the export dialog.
Everything a user can get wrong is checked before any work starts and raised
as a :class:`~app.errors.UserError` with a Polish message.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.filenames import safe_file_name
from app.i18n import N_, _
from app.model import AdvisoryVisit, DevelopmentSchedule, StrategicPlan
from app.reports import as_of, queries
from app.reports.progress import CancelledCallback, ProgressCallback, Reporter
from app.reports.protect import protection
from app.services import municipalities
from app.storage.store import Store

KINDS: dict[str, str] = {
    "plan": N_("Plan rozwoju oświaty"),
    "hdr": N_("Harmonogram Działań Rozwojowych (HDR)"),
    "monitoring": N_("Raport z monitoringu"),
    "visit": N_("Protokół z wizyty doradczej"),
}

# Documents of a period (``--from``/``--to``): a past one reads the closed year nearest its end.
PERIOD_KINDS = ("monitoring", "plan")

_RECORD_TYPES: dict[str, type[StrategicPlan] | type[DevelopmentSchedule] | type[AdvisoryVisit]] = {
    "plan": StrategicPlan,
    "hdr": DevelopmentSchedule,
    "visit": AdvisoryVisit,
}


def export(
    store: Store,
    kind: str,
    municipality: str,
    *,
    record_id: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    password: str | None = None,
    owner_password: str | None = None,
    output: Path | str,
    sections: Collection[str] | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelledCallback | None = None,
) -> Path:
    """Write document ``kind`` of ``municipality`` (name or id) to ``output``.

    ``record_id`` picks the plan, HDR or visit (default: the newest);
    ``date_from``/``date_to`` bound the monitoring report's period. A ``password``
    encrypts the file (AES-256); ``owner_password`` (random unless given) allows changes.
    """
    job = prepare(
        store, kind, municipality, record_id=record_id, date_from=date_from, date_to=date_to,
        password=password, owner_password=owner_password, output=output, sections=sections,
    )  # fmt: skip
    return job.run(progress, cancelled)


@dataclass(frozen=True)
class ExportJob:
    """An export whose data is read: :meth:`run` only lays out pages (any thread)."""

    target: Path
    title: str
    _write: Callable[[Reporter], Path]

    def run(
        self, progress: ProgressCallback | None = None, cancelled: CancelledCallback | None = None
    ) -> Path:
        return self._write(Reporter(progress, cancelled))


def prepare(
    store: Store,
    kind: str,
    municipality: str,
    *,
    record_id: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    password: str | None = None,
    owner_password: str | None = None,
    output: Path | str,
    sections: Collection[str] | None = None,
) -> ExportJob:
    """Check the request and read the data (on the caller's thread, with the store)."""
    _check_kind_options(kind, record_id, date_from, date_to)
    protected = protection(password, owner_password)
    target = _check_output(output)
    if protected is not None and target.suffix.lower() == ".docx":
        raise UserError(
            _("Hasło można nadać tylko plikowi PDF — dokument Word zapisz bez hasła."),
            field="password",
        )
    place = municipalities.find(store, municipality)

    def job(writer: Callable[..., Path], data: Any, title: str) -> ExportJob:
        def write(reporter: Reporter) -> Path:
            return writer(data, target, password=protected, sections=sections, reporter=reporter)

        return ExportJob(target, title, write)

    if kind in PERIOD_KINDS:
        source = as_of.source_for(store, place.id, date_from, date_to)
        with as_of.state_store(store, source) as state:
            data: Any = _period_data(state, kind, place.id, record_id, date_from, date_to, source)
        if kind == "monitoring":
            from app.reports import monitoring

            return job(monitoring.write_monitoring_pdf, data, monitoring.document_info(data).title)
        from app.reports import plan

        return job(plan.write_plan_pdf, data, plan.document_info(data).title)
    chosen = resolve(store, kind, place.id, record_id)
    if kind == "hdr":
        from app.reports import hdr

        data = queries.hdr_data(store, chosen)
        return job(hdr.write_hdr_pdf, data, hdr.document_info(data).title)
    from app.reports import visit

    data = queries.visit_data(store, chosen)
    return job(visit.write_visit_pdf, data, visit.document_info(data).title)


def _period_data(
    state: Store,
    kind: str,
    municipality_id: str,
    record_id: str | None,
    date_from: date | None,
    date_to: date | None,
    source: as_of.StateSource,
) -> Any:
    """The monitoring or plan data as of the source's day, read from ``state``."""
    if kind == "monitoring":
        report = queries.monitoring_data(state, municipality_id, date_from, date_to)
        return dataclasses.replace(report, source_note=source.note)
    chosen = resolve(state, kind, municipality_id, record_id)
    plan = queries.plan_data(state, chosen, source.reference)
    return dataclasses.replace(plan, source_note=source.note)


def resolve(store: Store, kind: str, municipality_id: str, record_id: str | None) -> str:
    """The document to export: ``record_id`` if it is this municipality's, else the newest."""
    if record_id is not None:
        queries.owned(store, _RECORD_TYPES[kind], record_id.strip(), municipality_id)
        return record_id.strip()
    if kind == "plan":
        return queries.newest_plan_id(store, municipality_id)
    if kind == "hdr":
        return queries.newest_schedule_id(store, municipality_id)
    return queries.newest_visit_id(store, municipality_id)


def _check_kind_options(
    kind: str, record_id: str | None, date_from: date | None, date_to: date | None
) -> None:
    if kind not in KINDS:
        raise UserError(
            _("Nieznany rodzaj dokumentu „{kind}”. Do wyboru: {kinds}.").format(
                kind=kind, kinds=", ".join(KINDS)
            )
        )
    if kind == "monitoring" and record_id is not None:
        raise UserError(
            _("Raport z monitoringu obejmuje całą JST — zamiast identyfikatora podaj okres.")
        )
    if kind not in PERIOD_KINDS and (date_from is not None or date_to is not None):
        raise UserError(
            _("Okres (od–do) można podać tylko dla raportu z monitoringu i planu rozwoju oświaty.")
        )
    if date_from is not None and date_to is not None and date_from > date_to:
        raise UserError(_("Początek okresu jest późniejszy niż jego koniec."), field="date_from")


def _check_output(output: Path | str) -> Path:
    target = Path(output).expanduser()
    if not str(output).strip():
        raise UserError(_("Podaj nazwę pliku PDF."), field="output")
    if target.is_dir():
        raise UserError(
            _("{path} to folder — podaj nazwę pliku PDF.").format(path=target), field="output"
        )
    if not target.parent.is_dir():
        raise UserError(
            _("Folder {folder} nie istnieje — wybierz inny folder dla pliku PDF.").format(
                folder=target.parent
            ),
            field="output",
        )
    return target


def parse_date(text: str, option: str) -> date:
    """``2026-11-21`` as a date, or a UserError naming the option."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            _("Nieprawidłowa data „{text}” w {option}: podaj datę w postaci RRRR-MM-DD.").format(
                text=text, option=option
            )
        ) from None


FORMATS = ("pdf", "docx")


def default_filename(
    kind: str, municipality_name: str, today: date | None = None, fmt: str = "pdf"
) -> str:
    """A file name to offer: ``Raport z monitoringu – Gmina X – 2026-11-21.pdf``."""
    when = (today or date.today()).isoformat()
    return safe_file_name(f"{_(KINDS.get(kind, kind))} – {municipality_name} – {when}", f".{fmt}")
