"""Demo data of issue 14: when and where the demo visits were held, and the officer's
conclusions of the 2025 monitoring period."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from app.model import AdvisoryVisit, MonitoringConclusion, PlaceKind

_NAMESPACE = uuid.UUID("6f1c3b8e-1d7a-4f43-9a51-3c4f0a6b2d10")  # app.demo's

# Visit key → (place kind, start, end).
VISITS = {
    "v1": (PlaceKind.JST_OFFICE, "10:00", "13:30"),
    "v2": (PlaceKind.SCHOOL, "9:00", "12:00"),
    "v3": (PlaceKind.JST_OFFICE, "10:00", "14:15"),
}

PERIOD = (date(2025, 1, 1), date(2025, 12, 31))

CONCLUSIONS = (
    "Działania planu na 2025 r. realizowano zgodnie z harmonogramem w trzech z czterech "
    "celów; opóźnienie dotyczy doposażenia pracowni przyrodniczych (przetarg powtórzony).\n"
    "Sieci współpracy nauczycieli działają we wszystkich szkołach podstawowych, a udział "
    "nauczycieli w doskonaleniu przekroczył zakładany poziom.\n"
    "Wskaźnik frekwencji uczniów pozostaje zagrożony — wymaga analizy w szkołach, w których "
    "spadek jest największy."
)
RECOMMENDATIONS = (
    "– Przyspieszyć zakupy pracowni przyrodniczych, tak aby zajęcia ruszyły w II półroczu.\n"
    "– Zlecić dyrektorom szkół z najniższą frekwencją analizę przyczyn do 31 marca 2026 r.\n"
    "– Utrzymać finansowanie sieci współpracy w budżecie na 2026 r."
)


def _id(copy: int, kind: str, key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{copy}:{kind}:{key}"))


def build(session: Session, municipality_id: str, copy: int = 0) -> None:
    """Times and place kinds of the demo visits; the conclusions of 2025."""
    for key, (kind, start, end) in VISITS.items():
        visit = session.get(AdvisoryVisit, _id(copy, "visit", key))
        if visit is not None:
            visit.place_kind, visit.start_time, visit.end_time = kind, start.zfill(5), end
    session.add(
        MonitoringConclusion(
            id=_id(copy, "conclusion", "2025"),
            municipality_id=municipality_id,
            period_start=PERIOD[0],
            period_end=PERIOD[1],
            conclusions=CONCLUSIONS,
            recommendations=RECOMMENDATIONS,
            prepared_by="Joanna Nowaczyk, inspektor ds. oświaty",
            approved_by="Tomasz Wachowiak, Zastępca Burmistrza",
        )
    )
