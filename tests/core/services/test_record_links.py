"""A record's linked records: its foreign keys, its free link, the notes about it; not deleted."""

from __future__ import annotations

from sqlalchemy import select

from app.model import MonitoringNote, Recommendation, Risk
from app.services import records
from app.services.record_links import linked_records
from app.storage.store import Store


def _first(store: Store, statement: object) -> str:
    with store.session() as session:
        found = session.scalars(statement).first()  # type: ignore[call-overload]
        assert found is not None
        return str(found.id)


def test_a_recommendation_leads_to_its_visit_and_what_it_is_linked_to(demo_store: Store) -> None:
    record_id = _first(
        demo_store, select(Recommendation).where(Recommendation.link_id.is_not(None))
    )
    found = linked_records(demo_store, record_id)
    assert [link.record_type for link in found][:2] == ["advisory_visit", "schedule_item"]
    assert found[0].label.startswith("Wizyta doradcza: ")
    assert found == linked_records(demo_store, record_id, "recommendation")


def test_a_note_about_a_record_is_listed_with_it_and_a_deleted_one_is_not(
    demo_store: Store,
) -> None:
    note_id = _first(demo_store, select(MonitoringNote).where(MonitoringNote.link_id.is_not(None)))
    with demo_store.session() as session:
        note = session.get(MonitoringNote, note_id)
        assert note is not None and note.link_id is not None
        target_type, target_id = str(note.link_type), note.link_id
    about = linked_records(demo_store, target_id, target_type)
    assert note_id in [link.record_id for link in about]
    assert linked_records(demo_store, note_id)[0].record_id == target_id
    records.delete(demo_store, MonitoringNote, note_id)
    assert note_id not in [link.record_id for link in linked_records(demo_store, target_id)]


def test_a_risk_leads_to_the_note_it_came_from_and_unknown_ids_to_nothing(
    demo_store: Store,
) -> None:
    risk_id = _first(demo_store, select(Risk).where(Risk.source_note_id.is_not(None)))
    found = linked_records(demo_store, risk_id)
    assert [link.record_type for link in found] == ["monitoring_note"]
    assert linked_records(demo_store, "no-such-id") == []
    assert linked_records(demo_store, risk_id, "school") == []
