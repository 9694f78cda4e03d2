"""Field specs of closed school years (added to ``FIELDS``, ``PARENTS`` and ``DEPENDENTS``)."""

from __future__ import annotations

from app.i18n import N_
from app.model import Municipality, Record, SchoolYearSnapshot, SnapshotEvent, SnapshotStatus
from app.services.fields import (
    DEPENDENTS,
    FIELDS,
    LINE,
    PARENTS,
    Field,
    choice,
    day,
    integer,
    long,
    text,
    year,
)

SNAPSHOT_FIELDS: dict[type[Record], dict[str, Field]] = {
    SchoolYearSnapshot: {
        "school_year": year(N_("Rok szkolny")),
        "as_of": day(N_("Stan na dzień"), required=True),
        "status": choice(N_("Stan roku szkolnego"), SnapshotStatus),
        "author": text(N_("Zamknął(-ęła)"), max_length=200),
        "record_count": integer(N_("Liczba zapisanych rekordów")),
        "content_hash": text(N_("Skrót zapisanych danych"), required=True, max_length=64),
    },
    SnapshotEvent: {
        "status": choice(N_("Zdarzenie"), SnapshotStatus),
        "author": text(N_("Kto"), max_length=LINE),
        "reason": long(N_("Powód")),
    },
}

SNAPSHOT_PARENTS: dict[type[Record], tuple[str, type[Record]]] = {
    SchoolYearSnapshot: ("municipality_id", Municipality),
    SnapshotEvent: ("snapshot_id", SchoolYearSnapshot),
}

FIELDS.update(SNAPSHOT_FIELDS)
PARENTS.update(SNAPSHOT_PARENTS)
DEPENDENTS[SchoolYearSnapshot] = ((SnapshotEvent, "snapshot_id"),)
