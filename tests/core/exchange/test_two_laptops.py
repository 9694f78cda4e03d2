"""The officer's laptop and the advisor's, each edited offline, merged through files.

Every scenario ends with both laptops holding the same records, and the merged
result is the same whichever side imports first (where no conflict was
resolved differently).
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.errors import UserError
from app.exchange import history
from app.exchange.merge import Choice
from app.exchange.resolve import copy_id
from app.model import Action, AdvisoryVisit, Goal, MonitoringNote, Recommendation
from app.paths import DATABASE_NAME
from app.services import records
from app.storage.store import Store

pytestmark = pytest.mark.usefixtures("laptops")


def test_edits_of_different_records_merge_without_conflicts(laptops, courier, content) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    records.update(laptops.officer, Action, ids["action"], title="Szkolenia z TIK — edycja 2")
    records.update(laptops.advisor, MonitoringNote, ids["note"], text="Szkolenia trwają, 3 grupy")
    extra = records.create(
        laptops.advisor,
        MonitoringNote,
        m,
        noted_on=date(2025, 3, 1),
        kind="risk",
        text="Za mało sal komputerowych",
    )

    from_advisor = courier.pack(laptops.advisor, m)
    plan = courier.plan(from_advisor, laptops.officer)
    assert [item.record_id for item in plan.changed] == [ids["note"]]
    assert [item.record_id for item in plan.added] == [extra.id]
    assert plan.conflicts == [] and plan.deleted == []
    courier.deliver(from_advisor, laptops.officer)

    back = courier.plan(courier.pack(laptops.officer, m), laptops.advisor)
    assert [item.record_id for item in back.changed] == [ids["action"]]
    assert back.added == [] and back.conflicts == []
    courier.send(laptops.officer, laptops.advisor, m)

    assert content(laptops.officer, m) == content(laptops.advisor, m)
    assert records.get(laptops.officer, MonitoringNote, ids["note"]).text == (
        "Szkolenia trwają, 3 grupy"
    )
    assert records.get(laptops.advisor, Action, ids["action"]).title.endswith("edycja 2")


def test_the_same_record_edited_on_both_sides_is_a_conflict(
    laptops, courier, content, file_state
) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    records.update(laptops.officer, MonitoringNote, ids["note"], text="Wersja urzędu")
    records.update(laptops.advisor, MonitoringNote, ids["note"], text="Wersja doradcy")
    path = courier.pack(laptops.advisor, m)

    plan = courier.plan(path, laptops.officer)
    assert [item.record_id for item in plan.conflicts] == [ids["note"]]
    rows = plan.differences(plan.conflicts[0])
    assert [(r.label, r.mine, r.theirs) for r in rows] == [
        ("Treść notatki", "Wersja urzędu", "Wersja doradcy")
    ]
    assert plan.conflicts[0].choices() == (Choice.MINE, Choice.THEIRS, Choice.BOTH)

    before = file_state(laptops.folder / "officer")
    with pytest.raises(UserError, match="Rozstrzygnij najpierw konflikty"):
        courier.deliver(path, laptops.officer)
    assert file_state(laptops.folder / "officer") == before

    courier.deliver(path, laptops.officer, {ids["note"]: Choice.THEIRS})
    assert records.get(laptops.officer, MonitoringNote, ids["note"]).text == "Wersja doradcy"
    # The officer's file now agrees with the advisor: nothing to do there.
    back = courier.plan(courier.pack(laptops.officer, m), laptops.advisor)
    assert back.items == []
    assert content(laptops.officer, m) == content(laptops.advisor, m)


def test_the_same_change_made_on_both_sides_is_not_a_conflict(laptops, courier) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    for laptop in (laptops.officer, laptops.advisor):
        records.update(laptop, Goal, ids["goal"], title="Cel 1: kompetencje cyfrowe uczniów")
    assert courier.plan(courier.pack(laptops.advisor, m), laptops.officer).items == []


def test_a_deletion_propagates_with_everything_deleted_with_it(laptops, courier, content) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    records.delete(laptops.advisor, AdvisoryVisit, ids["visit"])  # takes its recommendation

    plan = courier.plan(courier.pack(laptops.advisor, m), laptops.officer)
    assert {item.record_id for item in plan.deleted} == {ids["visit"], ids["recommendation"]}
    courier.send(laptops.advisor, laptops.officer, m)

    with pytest.raises(UserError):
        records.get(laptops.officer, Recommendation, ids["recommendation"])
    # The note that mentioned the visit stays, its reference to the tombstone intact.
    assert records.get(laptops.officer, MonitoringNote, ids["note"]).visit_id == ids["visit"]
    assert content(laptops.officer, m) == content(laptops.advisor, m)


def _edit_under_deleted_goal(laptops) -> None:
    ids = laptops.ids
    records.delete(laptops.officer, Goal, ids["goal"])  # with objective, actions, indicator
    records.update(laptops.advisor, Action, ids["action"], title="Szkolenia z TIK — 2 tury")


def test_deleted_on_one_side_and_edited_on_the_other_keeps_the_edit_when_chosen(
    laptops, courier, content
) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    _edit_under_deleted_goal(laptops)
    path = courier.pack(laptops.advisor, m)

    plan = courier.plan(path, laptops.officer)
    assert [item.record_id for item in plan.conflicts] == [ids["action"]]
    state = plan.differences(plan.conflicts[0])[0]
    assert (state.mine, state.theirs) == ("usunięty", "istnieje")

    result = courier.deliver(path, laptops.officer, {ids["action"]: Choice.THEIRS})
    # The edited action keeps its objective and goal alive on the officer's laptop.
    assert len(result.kept_alive) == 2
    action = records.get(laptops.officer, Action, ids["action"])
    assert action.title.endswith("2 tury")
    records.get(laptops.officer, Goal, ids["goal"])
    with pytest.raises(UserError):  # the other action stays deleted
        records.get(laptops.officer, Action, ids["other_action"])

    courier.send(laptops.officer, laptops.advisor, m)
    assert content(laptops.officer, m) == content(laptops.advisor, m)


def test_deleted_on_one_side_and_edited_on_the_other_deletes_when_chosen(
    laptops, courier, content
) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    _edit_under_deleted_goal(laptops)
    courier.send(laptops.advisor, laptops.officer, m, choices={ids["action"]: Choice.MINE})
    with pytest.raises(UserError):
        records.get(laptops.officer, Action, ids["action"])

    plan = courier.plan(courier.pack(laptops.officer, m), laptops.advisor)
    assert plan.conflicts == []  # the officer decided, having seen the edit
    assert ids["action"] in {item.record_id for item in plan.deleted}
    courier.send(laptops.officer, laptops.advisor, m)
    assert content(laptops.officer, m) == content(laptops.advisor, m)


def test_a_child_added_under_an_owner_deleted_elsewhere_keeps_it(laptops, courier, content) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    records.delete(laptops.officer, Goal, ids["goal"])
    new = records.create(laptops.advisor, Action, ids["objective"], title="Nowe działanie")

    courier.send(laptops.advisor, laptops.officer, m)
    assert records.get(laptops.officer, Action, new.id).objective_id == ids["objective"]
    records.get(laptops.officer, Goal, ids["goal"])
    courier.send(laptops.officer, laptops.advisor, m)
    assert content(laptops.officer, m) == content(laptops.advisor, m)


def test_notes_added_offline_for_weeks_all_arrive(laptops, courier, content) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    visit = records.create(
        laptops.advisor,
        AdvisoryVisit,
        m,
        visit_date=date(2025, 4, 10),
        number=2,
        advisor="dr Jan Kowalski",
        place="Urząd Gminy, sala 12",
    )
    added = {visit.id}
    for week in range(6):
        day = date(2025, 4, 10) + timedelta(weeks=week)
        for n in range(5):
            note = records.create(
                laptops.advisor,
                MonitoringNote,
                m,
                noted_on=day,
                kind="recommendation",
                text=f"Tydzień {week + 1}, uwaga {n + 1}: zespół ćwiczy wskaźniki",
                visit_id=visit.id,
            )
            added.add(note.id)
        added.add(
            records.create(
                laptops.advisor, Recommendation, visit.id, text=f"Zalecenie z tygodnia {week + 1}"
            ).id
        )
    # Meanwhile the team kept working on the plan.
    records.update(laptops.officer, Action, ids["other_action"], title="Sieć współpracy szkół")
    records.delete(laptops.officer, MonitoringNote, ids["note"])

    plan = courier.plan(courier.pack(laptops.advisor, m), laptops.officer)
    assert {item.record_id for item in plan.added} == added
    assert plan.conflicts == [] and plan.changed == [] and plan.deleted == []
    courier.send(laptops.advisor, laptops.officer, m)
    courier.send(laptops.officer, laptops.advisor, m)
    assert content(laptops.officer, m) == content(laptops.advisor, m)
    assert len(records.children(laptops.officer, MonitoringNote, municipality_id=m)) == 30


def test_reimporting_the_same_file_changes_nothing(laptops, courier, file_state) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    records.update(laptops.advisor, MonitoringNote, ids["note"], text="Zmiana doradcy")
    records.update(laptops.officer, MonitoringNote, ids["note"], text="Zmiana urzędu")
    path = courier.pack(laptops.advisor, m)
    courier.deliver(path, laptops.officer, {ids["note"]: Choice.MINE})
    courier.deliver(path, laptops.officer, {ids["note"]: Choice.MINE})  # learns nothing new
    before = file_state(laptops.folder / "officer")
    logged = len(history.imports(laptops.officer))

    again = courier.deliver(path, laptops.officer)

    assert again.nothing_changed
    assert file_state(laptops.folder / "officer") == before
    assert len(history.imports(laptops.officer)) == logged


def test_keeping_both_notes_gives_the_same_two_notes_on_both_laptops(
    laptops, courier, content
) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    records.update(laptops.officer, MonitoringNote, ids["note"], text="Notatka urzędu")
    records.update(laptops.advisor, MonitoringNote, ids["note"], text="Notatka doradcy")
    to_officer = courier.pack(laptops.advisor, m)
    to_advisor = courier.pack(laptops.officer, m)

    courier.deliver(to_officer, laptops.officer, {ids["note"]: Choice.BOTH})
    courier.deliver(to_advisor, laptops.advisor, {ids["note"]: Choice.BOTH})

    assert content(laptops.officer, m) == content(laptops.advisor, m)
    texts = {n.text for n in records.children(laptops.officer, MonitoringNote, municipality_id=m)}
    assert texts == {"Notatka urzędu", "Notatka doradcy"}
    # And a further exchange in either direction has nothing left to do.
    assert courier.plan(courier.pack(laptops.officer, m), laptops.advisor).items == []
    assert courier.plan(courier.pack(laptops.advisor, m), laptops.officer).items == []


def _diverge(laptops) -> None:
    """Changes on both sides: different records, the same record, a deletion, additions."""
    ids, m = laptops.ids, laptops.municipality_id
    records.update(laptops.officer, Action, ids["action"], title="Szkolenia (urząd)")
    records.update(laptops.advisor, MonitoringNote, ids["note"], text="Notatka (doradca)")
    records.update(laptops.officer, Goal, ids["goal"], title="Cel 1 (urząd)")
    records.update(laptops.advisor, Goal, ids["goal"], title="Cel 1 (doradca)")  # conflict
    records.delete(laptops.advisor, Recommendation, ids["recommendation"])
    records.create(
        laptops.officer,
        MonitoringNote,
        m,
        noted_on=date(2025, 5, 5),
        kind="decision",
        text="Decyzja zespołu",
    )
    records.create(
        laptops.advisor,
        MonitoringNote,
        m,
        noted_on=date(2025, 5, 6),
        kind="recommendation",
        text="Zalecenie doradcy",
    )


def _clone(laptops, folder: Path) -> tuple[Store, Store]:
    stores = []
    for name in ("officer", "advisor"):
        target = folder / name
        target.mkdir(parents=True)
        for suffix in ("", "-wal"):
            source = laptops.folder / name / (DATABASE_NAME + suffix)
            if source.exists():
                shutil.copyfile(source, target / (DATABASE_NAME + suffix))
        stores.append(Store.open(target, backup_on_open=False))
    return stores[0], stores[1]


def test_the_merge_is_the_same_whichever_side_imports_first(
    laptops, courier, content, tmp_path
) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    _diverge(laptops)
    # Close to copy consistent files; the copies are the second history.
    laptops.officer.engine.dispose()
    laptops.advisor.engine.dispose()
    officer2, advisor2 = _clone(laptops, tmp_path / "second")
    try:
        # History 1: the officer imports first and takes the advisor's goal.
        courier.send(laptops.advisor, laptops.officer, m, choices={ids["goal"]: Choice.THEIRS})
        # History 2: the advisor imports first and keeps their own goal.
        courier.send(officer2, advisor2, m, choices={ids["goal"]: Choice.MINE})
        merged = content(laptops.officer, m)
        assert merged == content(advisor2, m)

        # Completing either exchange brings all four laptops to the same records.
        courier.send(laptops.officer, laptops.advisor, m)
        courier.send(advisor2, officer2, m)
        for store in (laptops.advisor, officer2, advisor2):
            assert content(store, m) == merged
    finally:
        officer2.close()
        advisor2.close()


def test_a_third_laptop_in_the_chain_merges_the_same_way(
    laptops, courier, content, open_laptop
) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    colleague = open_laptop("colleague")
    courier.send(laptops.advisor, colleague, m)  # the advisor hands over to a colleague
    records.update(colleague, MonitoringNote, ids["note"], text="Uwagi drugiego doradcy")
    records.update(laptops.officer, Action, ids["action"], title="Szkolenia (po zmianie)")

    plan = courier.plan(courier.pack(colleague, m), laptops.officer)
    assert [item.record_id for item in plan.changed] == [ids["note"]]
    assert plan.conflicts == []


def test_every_import_is_logged_with_where_the_change_came_from(laptops, courier) -> None:
    ids, m = laptops.ids, laptops.municipality_id
    records.update(laptops.advisor, MonitoringNote, ids["note"], text="Po wizycie")
    path = courier.pack(laptops.advisor, m)
    result = courier.deliver(path, laptops.officer)

    entries = history.imports(laptops.officer, m)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.id == result.import_id
    assert entry.source_installation_id == laptops.advisor.installation_id
    assert entry.source_installation_name
    assert entry.file_name == path.name
    assert (entry.added, entry.changed, entry.deleted, entry.conflicts) == (0, 1, 0, 0)
    assert [(r.record_id, r.outcome) for r in entry.records] == [(ids["note"], "changed")]
    assert entry.backup and (laptops.folder / "officer" / "backups" / entry.backup).exists()
    assert history.origin(laptops.officer, ids["note"]) == entry
    assert history.origin(laptops.officer, ids["action"]) is None


def test_copy_ids_are_deterministic() -> None:
    assert copy_id("a", "b") == copy_id("a", "b") != copy_id("a", "c")
