"""The monitoring journal: notes of every kind, their links, filters, search and follow-ups.

A note (:class:`~app.model.MonitoringNote`) is dated, has an author and a kind,
and may be linked to any plan element, HDR item or school (``link_type`` and
``link_id``, checked by :func:`app.services.validation.check_link`). It may
carry a follow-up ("dalsze kroki") with a due date.

Follow-up rules (tested at their boundaries):

* a follow-up is *open* when the note has follow-up text or a due date and it is
  not marked done;
* an open follow-up is *overdue* from the day after its due date (on the due
  date itself it is not yet overdue); without a due date it is never overdue.

Search ignores case and Polish diacritics: it reads the search index's folded
text (:mod:`app.storage.search_index`) of the municipality's notes, with the
index's rule: every word typed must begin a word of the note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, column, func, select, table
from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import N_, _
from app.model import MonitoringNote, NoteKind
from app.services import links, records, validation
from app.storage.store import Store
from app.textnorm import fold

# The search index's folded text (see app.storage.search_index), one row per record.
_SEARCH_DOC = table(
    "search_doc",
    column("record_type"),
    column("record_id"),
    column("municipality_id"),
    column("body"),
)
_TOKEN = re.compile(r"[^\W_]+")  # a word as the index's tokenizer sees it
NO_LINK = "-"  # NoteFilter.link_type for "notes linked to nothing"


class Period(StrEnum):
    """Ready-made periods for the journal's filter; a school year runs 1 Sep – 31 Aug."""

    ALL = "all"
    LAST_30_DAYS = "last_30_days"
    LAST_3_MONTHS = "last_3_months"
    SCHOOL_YEAR = "school_year"
    PREVIOUS_SCHOOL_YEAR = "previous_school_year"
    CALENDAR_YEAR = "calendar_year"

    @property
    def label(self) -> str:
        return _(_PERIOD_LABELS[self.value])


_PERIOD_LABELS = {
    "all": N_("Cały okres"),
    "last_30_days": N_("Ostatnie 30 dni"),
    "last_3_months": N_("Ostatnie 3 miesiące"),
    "school_year": N_("Bieżący rok szkolny"),
    "previous_school_year": N_("Poprzedni rok szkolny"),
    "calendar_year": N_("Bieżący rok kalendarzowy"),
}


def school_year(day: date) -> tuple[date, date]:
    """The school year ``day`` falls in: 1 September to 31 August."""
    start_year = day.year if day.month >= 9 else day.year - 1
    return date(start_year, 9, 1), date(start_year + 1, 8, 31)


def period_bounds(period: Period, today: date) -> tuple[date | None, date | None]:
    """The first and last day of ``period`` seen from ``today`` (``None``: open end)."""
    if period is Period.LAST_30_DAYS:
        return today - timedelta(days=29), today
    if period is Period.LAST_3_MONTHS:
        return today - timedelta(days=91), today
    if period is Period.SCHOOL_YEAR:
        return school_year(today)
    if period is Period.PREVIOUS_SCHOOL_YEAR:
        start, _end = school_year(today)
        return school_year(start - timedelta(days=1))
    if period is Period.CALENDAR_YEAR:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    return None, None


# -- writing -------------------------------------------------------------------


def create_note(store: Store, municipality_id: str, **values: Any) -> MonitoringNote:
    """Validate and add a note; ``noted_on`` defaults to today and ``kind`` to progress."""
    merged = records.apply_defaults(values, noted_on=date.today(), kind=NoteKind.PROGRESS)
    return records.create(store, MonitoringNote, municipality_id, **merged)


def update_note(store: Store, note_id: str, **values: Any) -> MonitoringNote:
    """Validate and change fields of a note (the link is checked when it changes)."""
    return records.update(store, MonitoringNote, note_id, **values)


def note_values(
    text: str,
    *,
    link: links.Link | None = None,
    kind: NoteKind | str = NoteKind.PROGRESS,
    author: str | None = None,
    noted_on: date | None = None,
    title: str | None = None,
    follow_up: str | None = None,
    follow_up_due: date | None = None,
) -> dict[str, Any]:
    """The field values of a quick note (for :func:`create_note` or an undoable command)."""
    link_type, link_id = link if link is not None else (None, None)
    return {
        "text": text,
        "kind": kind,
        "author": author,
        "noted_on": noted_on or date.today(),
        "title": title,
        "follow_up": follow_up,
        "follow_up_due": follow_up_due,
        "link_type": link_type,
        "link_id": link_id,
    }


def quick_note(
    store: Store, municipality_id: str, text: str, *, link: links.Link | None = None, **values: Any
) -> MonitoringNote:
    """A note in a few keystrokes: today's date, linked to ``link`` (what is selected).

    ``values`` are the other keyword arguments of :func:`note_values`.
    """
    return create_note(store, municipality_id, **note_values(text, link=link, **values))


# -- reading -------------------------------------------------------------------


@dataclass(frozen=True)
class NoteFilter:
    """What the journal list shows; every part left empty means "no restriction".

    ``link_type`` alone selects notes linked to any record of that kind;
    ``link_type=NO_LINK`` selects notes linked to nothing. ``text`` is searched
    in the title, text, author and follow-up, ignoring case and diacritics.
    """

    kinds: frozenset[NoteKind] = field(default_factory=frozenset)
    date_from: date | None = None
    date_to: date | None = None
    link_type: str | None = None
    link_id: str | None = None
    author: str | None = None
    text: str = ""
    open_follow_ups: bool = False


def list_notes(
    store: Store, municipality_id: str, where: NoteFilter | None = None, *, limit: int | None = None
) -> list[MonitoringNote]:
    """The municipality's notes that pass ``where``, newest first."""
    where = where or NoteFilter()
    _check_filter(where)
    query = _filtered(select(MonitoringNote), municipality_id, where)
    query = query.order_by(MonitoringNote.noted_on.desc(), MonitoringNote.created_at.desc())
    if limit is not None:
        query = query.limit(limit)
    test = _matcher(where.text) if where.text.strip() else None
    with store.session() as session:
        if test is not None:
            query = query.where(
                MonitoringNote.id.in_(_matching_ids(session, municipality_id, test))
            )
        elif where.text.strip():
            return []  # only punctuation: no word can match
        return list(session.scalars(query).all())


def _check_filter(where: NoteFilter) -> None:
    if where.date_from and where.date_to and where.date_to < where.date_from:
        raise UserError(
            _("Koniec okresu nie może być wcześniejszy niż jego początek."), field="date_to"
        )
    for kind in where.kinds:
        if kind not in set(NoteKind):
            raise UserError(_("Nieznany rodzaj notatki."), field="kind")


def _filtered(
    query: Select[MonitoringNote], municipality_id: str, where: NoteFilter
) -> Select[MonitoringNote]:
    """``query`` restricted by ``where``, all but the text (matched in the session)."""
    query = query.where(MonitoringNote.municipality_id == municipality_id)
    if where.kinds:
        query = query.where(MonitoringNote.kind.in_(sorted(where.kinds)))
    if where.date_from is not None:
        query = query.where(MonitoringNote.noted_on >= where.date_from)
    if where.date_to is not None:
        query = query.where(MonitoringNote.noted_on <= where.date_to)
    if where.link_type == NO_LINK:
        query = query.where(MonitoringNote.link_id.is_(None))
    elif where.link_type:
        query = query.where(MonitoringNote.link_type == where.link_type)
        if where.link_id:
            query = query.where(MonitoringNote.link_id == where.link_id)
    if where.author:
        query = query.where(MonitoringNote.author == where.author)
    if where.open_follow_ups:
        query = query.where(
            (MonitoringNote.follow_up.is_not(None) | MonitoringNote.follow_up_due.is_not(None))
            & MonitoringNote.follow_up_done.is_(False)
        )
    return query


def _matcher(words: str) -> Callable[[str], bool] | None:
    """A test for folded text containing every word of ``words`` at the start of a word.

    The same rule as the search index's prefix query (``rodz`` finds ``rodzice``,
    not ``porodzie``); ``None`` when ``words`` holds no word at all.
    """
    tokens = _TOKEN.findall(fold(words))[:20]
    if not tokens:
        return None
    patterns = [re.compile(r"(?<![^\W_])" + re.escape(token)) for token in tokens]
    return lambda body: all(pattern.search(body) for pattern in patterns)


def _matching_ids(session: Session, municipality_id: str, test: Callable[[str], bool]) -> list[str]:
    """The notes of one municipality whose indexed (folded) text passes ``test``.

    The FTS5 index covers every municipality, so a short prefix matches thousands
    of rows elsewhere; one municipality's notes are few, and reading their folded
    text by the municipality index is fast whatever is typed.
    """
    doc = _SEARCH_DOC.c
    rows = session.execute(
        select(doc.record_id, doc.body).where(
            doc.municipality_id == municipality_id,
            doc.record_type == MonitoringNote.__tablename__,
        )
    )
    return [str(record_id) for record_id, body in rows if test(str(body))]


def count_notes(store: Store, municipality_id: str) -> int:
    """How many live notes the municipality has."""
    with store.session() as session:
        query = select(func.count(MonitoringNote.id)).where(
            MonitoringNote.municipality_id == municipality_id
        )
        return int(session.scalar(query) or 0)


def search_notes(store: Store, municipality_id: str, words: str) -> list[MonitoringNote]:
    """Notes containing every word of ``words`` (as prefixes), ignoring case and diacritics."""
    return list_notes(store, municipality_id, NoteFilter(text=words))


def get_note(store: Store, note_id: str) -> MonitoringNote:
    return records.get(store, MonitoringNote, note_id)


def latest_notes(store: Store, municipality_id: str, limit: int = 5) -> list[MonitoringNote]:
    """The newest notes (by date, then by entry): the overview's "latest notes"."""
    return list_notes(store, municipality_id, limit=limit)


def notes_linked_to(store: Store, link: links.Link) -> list[MonitoringNote]:
    """Every live note linked to one record, newest first."""
    link_type, link_id = link
    with store.session() as session:
        query = (
            select(MonitoringNote)
            .where(MonitoringNote.link_type == link_type, MonitoringNote.link_id == link_id)
            .order_by(MonitoringNote.noted_on.desc(), MonitoringNote.created_at.desc())
        )
        return list(session.scalars(query).all())


def authors(store: Store, municipality_id: str) -> list[str]:
    """The distinct authors of the municipality's notes, in alphabetical order."""
    with store.session() as session:
        names = session.scalars(
            select(MonitoringNote.author)
            .where(MonitoringNote.municipality_id == municipality_id)
            .where(MonitoringNote.author.is_not(None))
            .distinct()
        ).all()
    return sorted((n for n in names if n), key=fold)


def linked_targets(store: Store, municipality_id: str) -> list[links.LinkTarget]:
    """The records the municipality's notes are linked to, by label (for a filter list)."""
    with store.session() as session:
        pairs = session.execute(
            select(MonitoringNote.link_type, MonitoringNote.link_id)
            .where(MonitoringNote.municipality_id == municipality_id)
            .where(MonitoringNote.link_id.is_not(None))
            .distinct()
        ).all()
    found: list[links.Link] = [(str(t), str(i)) for t, i in pairs if t and i]
    labels = links.describe(store, found)
    targets = [links.LinkTarget(t, i, labels[(t, i)]) for t, i in found]
    return sorted(targets, key=lambda target: fold(target.label))


def link_labels(store: Store, notes: Iterable[MonitoringNote]) -> dict[links.Link, str]:
    """The label of what each note is linked to (for a list's "Powiązanie" column)."""
    return links.describe(store, ((n.link_type, n.link_id) for n in notes))


# -- follow-ups ----------------------------------------------------------------


def has_open_follow_up(note: MonitoringNote) -> bool:
    return bool(note.follow_up or note.follow_up_due) and not note.follow_up_done


def is_follow_up_overdue(note: MonitoringNote, today: date) -> bool:
    """Open, with a due date, and the due date is before ``today``."""
    return (
        has_open_follow_up(note) and note.follow_up_due is not None and note.follow_up_due < today
    )


def open_follow_ups(store: Store, municipality_id: str) -> list[MonitoringNote]:
    """Notes whose follow-up is not done yet, soonest due first (no due date last)."""
    notes = list_notes(store, municipality_id, NoteFilter(open_follow_ups=True))
    return sorted(notes, key=lambda n: (n.follow_up_due is None, n.follow_up_due or date.max))


def overdue_follow_ups(
    store: Store, municipality_id: str, today: date | None = None
) -> list[MonitoringNote]:
    """Open follow-ups whose due date has passed, the longest overdue first."""
    today = today or date.today()
    return [n for n in open_follow_ups(store, municipality_id) if is_follow_up_overdue(n, today)]


def mark_follow_up_done(store: Store, note_id: str, done: bool = True) -> MonitoringNote:
    return update_note(store, note_id, follow_up_done=done)


def check_link_exists(store: Store, municipality_id: str, link: links.Link | None) -> None:
    """Raise UserError when ``link`` is not a live record of the municipality."""
    if link is None:
        return
    probe = MonitoringNote(municipality_id=municipality_id, link_type=link[0], link_id=link[1])
    with store.session() as session:
        validation.check_link(session, probe)
