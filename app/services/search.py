"""Search over everything users write: ``lodz`` finds ``Łódź``, ``żółw`` finds ``ŻÓŁW``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from app.i18n import N_, _
from app.model import RECORD_TYPES, Municipality, Record
from app.services.network_labels import NETWORK_TYPE_LABELS
from app.storage import search_index
from app.storage.store import Store
from app.textnorm import fold

TYPE_LABELS = {
    "municipality": N_("JST"),
    "team_member": N_("członek zespołu"),
    "school": N_("szkoła"),
    "school_support": N_("wspomaganie szkoły"),
    "strategic_plan": N_("plan"),
    "goal": N_("cel strategiczny"),
    "objective": N_("cel operacyjny"),
    "action": N_("działanie"),
    "indicator": N_("wskaźnik"),
    "development_schedule": N_("HDR"),
    "schedule_priority": N_("priorytet HDR"),
    "schedule_item": N_("pozycja HDR"),
    "monitoring_note": N_("notatka"),
    "monitoring_conclusion": N_("wnioski z monitoringu"),
    "risk": N_("ryzyko"),
    "advisory_visit": N_("wizyta doradcza"),
    "recommendation": N_("zalecenie"),
    **NETWORK_TYPE_LABELS,
    "institution": N_("instytucja"),
    "problem": N_("problem"),
    "diagnosis_table": N_("tabela diagnozy"),
    "plan_consultation": N_("konsultacje społeczne"),
}


@dataclass(frozen=True)
class SearchResult:
    record_type: str
    record_id: str
    municipality_id: str
    municipality_name: str
    type_label: str
    title: str
    snippet: str


def search(
    store: Store, text: str, *, municipality_id: str | None = None, limit: int = 100
) -> list[SearchResult]:
    with store.session() as session:
        hits = search_index.query(session, text, municipality_id=municipality_id, limit=limit)
        by_type: dict[str, list[str]] = {}
        for hit in hits:
            by_type.setdefault(hit.record_type, []).append(hit.record_id)
        loaded: dict[str, Record] = {}
        for record_type, ids in by_type.items():
            cls = RECORD_TYPES[record_type]
            for found in session.scalars(select(cls).where(cls.id.in_(ids))):
                loaded[found.id] = found
        # Not dict(result): a Result has keys() (its column names) and would be read as a mapping.
        names = {
            row.id: row.name for row in session.execute(select(Municipality.id, Municipality.name))
        }
    words = _WORD.findall(fold(text))
    results = []
    for hit in hits:
        record = loaded.get(hit.record_id)
        if record is None:
            continue
        body = search_index.record_text(record)
        results.append(
            SearchResult(
                record_type=hit.record_type,
                record_id=hit.record_id,
                municipality_id=hit.municipality_id,
                municipality_name=names.get(hit.municipality_id, ""),
                type_label=_(TYPE_LABELS.get(hit.record_type, hit.record_type)),
                title=body.split("\n", 1)[0][:200],
                snippet=snippet(body, words, folded=hit.folded_body),
            )
        )
    return results


_WORD = re.compile(r"\w+")


def snippet(body: str, words: list[str], width: int = 160, folded: str = "") -> str:
    """A piece of ``body`` around the first matched word, on one line.

    ``folded`` is the indexed (folded) copy of ``body``; when folding kept every
    letter in place (as it does for Polish), positions found in it are positions
    in ``body``, and nothing needs folding again.
    """
    if folded and len(folded) == len(body):
        found = [folded.find(w) for w in words if w]
        found = [p for p in found if p >= 0]
        start = max(0, min(found) - width // 3) if found else 0
        piece = " ".join(body[start : start + width].split())
        prefix = "…" if start > 0 else ""
        suffix = "…" if start + width < len(body) else ""
        return f"{prefix}{piece}{suffix}"
    flat = " ".join(body.split())
    # Fold letter by letter, remembering where each folded letter came from:
    # folding may change the length ("ß" → "ss"), and the piece is cut from ``flat``.
    folded_parts: list[str] = []
    origin: list[int] = []
    for index, letter in enumerate(flat):
        folded_letter = fold(letter)
        folded_parts.append(folded_letter)
        origin.extend([index] * len(folded_letter))
    folded = "".join(folded_parts)
    positions = [origin[folded.find(w)] for w in words if w and folded.find(w) >= 0]
    start = max(0, min(positions) - width // 3) if positions else 0
    piece = flat[start : start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(flat) else ""
    return f"{prefix}{piece}{suffix}"
