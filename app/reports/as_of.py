"""Which state a report of a period shows: today's, or the closed school year nearest its end.

A period that has not started is refused; a period still running shows today's
state and says so on the cover ("stan na 3 grudnia 2026"); an ended period reads
the snapshot of the closed school year nearest its end (and, where there is
none, says that the data are today's). The one place the report export asks.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from app.errors import UserError
from app.i18n import _
from app.reports.dates import long_date
from app.services import snapshots
from app.storage.store import Store


@dataclass(frozen=True)
class StateSource:
    """Where a report's data come from, and the line its cover says it in."""

    reference: date  # the day statuses and "overdue" are judged on
    note: str | None  # for the cover; None when no period was asked for
    snapshot: snapshots.Snapshot | None = None


def source_for(
    store: Store,
    municipality_id: str,
    date_from: date | None,
    date_to: date | None,
    today: date | None = None,
) -> StateSource:
    today = today or date.today()
    if date_from is not None and date_from > today:
        raise UserError(
            _(
                "Okres raportu zaczyna się {start}, a dziś jest {today} — raportu za okres, "
                "który jeszcze się nie zaczął, nie można sporządzić."
            ).format(start=long_date(date_from), today=long_date(today)),
            field="date_from",
        )
    if date_to is None or date_to >= today:
        note = (
            None
            if date_from is None and date_to is None
            else _("stan na {date} (okres jeszcze trwa)").format(date=long_date(today))
        )
        return StateSource(today, note)
    found = snapshots.snapshot_nearest(store, municipality_id, date_to)
    if found is None:
        return StateSource(
            date_to,
            _(
                "dane bieżące, stan na {date} — dla tego okresu nie zamknięto roku szkolnego, "
                "więc raport nie pokazuje stanu z końca okresu"
            ).format(date=long_date(today)),
        )
    return StateSource(
        date_to,
        _("zamknięty rok szkolny {year}: stan na {as_of} (zamknięto {closed})").format(
            year=found.label,
            as_of=long_date(found.as_of),
            closed=long_date(found.taken_at.astimezone().date()),
        ),
        found,
    )


@contextmanager
def state_store(store: Store, source: StateSource) -> Iterator[Store]:
    """The store to read: the snapshot's (read-only, in memory) or ``store`` itself."""
    if source.snapshot is None:
        yield store
        return
    with snapshots.open_snapshot(store, source.snapshot.id) as frozen:
        yield frozen
