""" "Changes since a day" by the change counter, and deleted records that keep nothing.

- An edit made while the laptop's clock was behind still travels in a later
  ``--since`` file (the counter, not the clock, says what changed).
- A deleted note's text is gone from the data file and its journal at once, is
  in no exchange file (full or partial), and comes back with undo.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app.errors import UserError
from app.exchange import export
from app.model import MonitoringNote, TeamMember, utcnow
from app.model import base as model_base
from app.paths import DATABASE_NAME
from app.services import records

pytestmark = pytest.mark.usefixtures("laptops")

SECRET = "PESEL 85010112345 Zuzanna Wiśniewska diagnoza ADHD"


def _ids_in(collected: export.Collected) -> set[str]:
    return {wire["id"] for rows in collected.records.values() for wire in rows}


class _Behind(datetime):
    """A laptop clock 40 days slow."""

    @classmethod
    def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
        return datetime.now(tz) - timedelta(days=40)


def test_a_note_added_with_the_clock_behind_is_in_a_since_file(laptops, monkeypatch) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    records.update(laptops.officer, TeamMember, ids["member"], role="dyrektor wydziału")
    monkeypatch.setattr(model_base, "datetime", _Behind)
    note = records.create(
        laptops.officer, MonitoringNote, m, noted_on=date(2026, 5, 4), kind="risk", text="Zegar"
    )
    monkeypatch.undo()
    assert note.updated_at < utcnow() - timedelta(days=39)

    collected = export.collect(laptops.officer, m, since=date.today())
    assert {ids["member"], note.id} <= _ids_in(collected)


def _file_bytes(folder) -> bytes:
    return b"".join(
        path.read_bytes()
        for path in (folder / DATABASE_NAME, folder / (DATABASE_NAME + "-wal"))
        if path.exists()
    )


def test_a_deleted_note_leaves_no_content_behind(laptops) -> None:
    store, m = laptops.officer, laptops.municipality_id
    note = records.create(
        store, MonitoringNote, m, noted_on=date(2026, 5, 4), kind="progress", text=SECRET
    )
    assert SECRET.encode() in _file_bytes(laptops.folder / "officer")
    deletion = records.delete(store, MonitoringNote, note.id)

    assert SECRET.encode() not in _file_bytes(laptops.folder / "officer")
    assert b"85010112345" not in _file_bytes(laptops.folder / "officer")
    for since in (None, date.today()):
        collected = export.collect(store, m, since=since)
        wires = {wire["id"]: wire for rows in collected.records.values() for wire in rows}
        assert wires[note.id]["deleted_at"] is not None
        assert wires[note.id]["text"] == "" and SECRET not in str(collected.records)

    records.restore(store, MonitoringNote, note.id, deletion)
    assert records.get(store, MonitoringNote, note.id).text == SECRET


def test_a_deleted_team_member_keeps_no_phone_or_email(laptops, courier) -> None:
    store, m = laptops.officer, laptops.municipality_id
    member = records.create(
        store, TeamMember, m, name="Anna Nowak", phone="601 234 567", email="anna@gmina.pl"
    )
    courier.send(store, laptops.advisor, m)
    records.delete(store, TeamMember, member.id)
    path = courier.pack(store, m)
    courier.deliver(path, laptops.advisor)
    for folder in ("officer", "advisor"):
        content = _file_bytes(laptops.folder / folder)
        assert b"601 234 567" not in content and b"anna@gmina.pl" not in content, folder
    assert b"601 234 567" not in path.read_bytes()


def test_erasing_from_backups_rewrites_them_without_the_record(laptops) -> None:
    from app.storage.backup_erase import erase_from_backups
    from app.storage.store import Store

    store, m = laptops.officer, laptops.municipality_id
    note = records.create(
        store, MonitoringNote, m, noted_on=date(2026, 5, 4), kind="progress", text=SECRET
    )
    backup = store.backup("manual")
    other = records.create(
        store, MonitoringNote, m, noted_on=date(2026, 5, 5), kind="progress", text="Zostaje"
    )
    store.backup("manual")
    deletion = records.delete(store, MonitoringNote, note.id)
    assert SECRET.encode() in backup.read_bytes()

    result = erase_from_backups(store.paths.backups, deletion.saved, deletion.stamp)
    assert result.rewritten >= 2 and result.skipped == 0
    for path in store.paths.backups.glob("*.sqlite"):
        assert b"85010112345" not in path.read_bytes(), path.name
    # The backup still restores everything else, and shows the note as deleted.
    restored = backup.parent / "restored"
    restored.mkdir()
    (restored / DATABASE_NAME).write_bytes(backup.read_bytes())
    with Store.open(restored, backup_on_open=False) as copy:
        assert records.get(copy, MonitoringNote, laptops.ids["note"]).text
        with pytest.raises(UserError):
            records.get(copy, MonitoringNote, note.id)
    assert other.id
