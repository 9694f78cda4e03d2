"""The network documents by name: the network summary and a meeting report.

Used by the command line (``plan-oswiaty export network|meeting --network …``)
and by the "Sieci i spotkania" page; the same checks as every other PDF.
"""

from __future__ import annotations

from pathlib import Path

from app.i18n import N_
from app.reports import network_data
from app.reports.export import ExportJob, _check_output
from app.reports.progress import Reporter
from app.reports.protect import check_password
from app.services import networks
from app.storage.store import Store

KINDS: dict[str, str] = {
    "network": N_("Podsumowanie pracy sieci"),
    "meeting": N_("Sprawozdanie ze spotkania sieci"),
}


def prepare(
    store: Store,
    kind: str,
    network: str,
    *,
    record_id: str | None = None,
    password: str | None = None,
    output: Path | str,
) -> ExportJob:
    """Check the request and read the data; the job then only lays out pages."""
    password = check_password(password)
    target = _check_output(output)
    found = networks.find_network(store, network)
    if kind == "network":
        from app.reports import network as summary

        data = network_data.network_data(store, found.id)

        def write_summary(reporter: Reporter) -> Path:
            return summary.write_network_pdf(data, target, password=password, reporter=reporter)

        return ExportJob(target, summary.document_info(data).title, write_summary)
    from app.reports import meeting

    chosen = (
        network_data.meeting_of(store, found.id, record_id)
        if record_id
        else network_data.latest_meeting_id(store, found.id)
    )
    report = network_data.meeting_data(store, chosen)

    def write_meeting(reporter: Reporter) -> Path:
        return meeting.write_meeting_pdf(report, target, password=password, reporter=reporter)

    return ExportJob(target, meeting.document_info(report).title, write_meeting)


def export(
    store: Store,
    kind: str,
    network: str,
    *,
    record_id: str | None = None,
    password: str | None = None,
    output: Path | str,
) -> Path:
    return prepare(
        store, kind, network, record_id=record_id, password=password, output=output
    ).run()
