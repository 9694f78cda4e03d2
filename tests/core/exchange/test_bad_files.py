"""Bad exchange files: one clear Polish message each, and the store byte for byte as it was."""

from __future__ import annotations

import hashlib
import io
import json
import struct
import zipfile
from pathlib import Path

import pytest

from app.errors import UserError
from app.exchange import crypto, export, reader
from app.exchange import format as fmt
from app.exchange.merge import apply_import
from app.model import Municipality
from app.services import records

Laptops = object


def entries_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rezip(entries: dict[str, bytes], fix_checksums: bool = True) -> bytes:
    """Pack ``entries`` again, by default with a manifest that lists them correctly."""
    entries = dict(entries)
    if fix_checksums and fmt.MANIFEST in entries:
        manifest = json.loads(entries[fmt.MANIFEST])
        manifest["entries"] = {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in entries.items()
            if name != fmt.MANIFEST and not name.endswith("/")
        }
        entries[fmt.MANIFEST] = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def records_in(entries: dict[str, bytes], table: str) -> list[dict]:
    return json.loads(entries[fmt.records_entry(table)])


def with_records(entries: dict[str, bytes], table: str, rows: list[dict]) -> dict[str, bytes]:
    changed = dict(entries)
    changed[fmt.records_entry(table)] = json.dumps(rows).encode()
    return changed


def test_a_file_that_is_not_an_exchange_file(refused) -> None:
    assert "nie jest plik wymiany" in refused(b"Szanowni Panstwo,\nw zalaczniku plan.\n")
    assert "nie jest plik wymiany" in refused(b"")
    assert "nie jest plik wymiany" in refused(rezip({"word/document.xml": b"<w/>"}, False))
    other = rezip({fmt.MANIFEST: json.dumps({"format": "cos-innego"}).encode()}, False)
    assert "nie jest plik wymiany" in refused(other)


def test_a_truncated_file(refused, good: bytes) -> None:
    for cut in (10, len(good) // 2, len(good) - 30):
        assert "uszkodzony albo niekompletny" in refused(good[:cut])


def test_a_file_from_a_newer_version(refused, good: bytes) -> None:
    entries = entries_of(good)
    manifest = json.loads(entries[fmt.MANIFEST])
    manifest["format_version"] = fmt.FORMAT_VERSION + 1
    manifest["program_version"] = "9.0.0"
    entries[fmt.MANIFEST] = json.dumps(manifest).encode()
    message = refused(rezip(entries, False))
    assert "nowsza wersja programu" in message and "9.0.0" in message


def test_an_encrypted_file_needs_the_right_passphrase(laptops, courier, refused) -> None:
    path = courier.pack(laptops.officer, laptops.municipality_id, passphrase="Zielona łąka 7")
    data = path.read_bytes()
    assert b"Gmina" not in data and "Łąkowa".encode() not in data
    with pytest.raises(crypto.PassphraseNeeded):
        reader.read_package(path)
    assert "hasłem" in refused(data)
    assert "hasło jest nieprawidłowe" in refused(data, passphrase="zielona łąka 7")
    package = reader.read_package(path, "Zielona łąka 7")
    assert package.encrypted and package.manifest.municipality_name == "Gmina Łąkowa"


def test_a_tampered_encrypted_file_is_refused(laptops, courier, refused) -> None:
    data = courier.pack(laptops.officer, laptops.municipality_id, passphrase="hasło").read_bytes()
    entries = entries_of(data)
    payload = bytearray(entries[fmt.PAYLOAD])
    payload[len(payload) // 2] ^= 0x01
    entries[fmt.PAYLOAD] = bytes(payload)
    assert "hasło jest nieprawidłowe albo plik" in refused(rezip(entries, False), "hasło")
    manifest = json.loads(entries_of(data)[fmt.MANIFEST])
    manifest["encrypted"]["n"] = 2**30  # would take 1 GiB and a minute per guess
    entries = entries_of(data)
    entries[fmt.MANIFEST] = json.dumps(manifest).encode()
    assert "parametry szyfrowania" in refused(rezip(entries, False), "hasło")


def test_a_checksum_mismatch(refused, good: bytes) -> None:
    entries = entries_of(good)
    notes = records_in(entries, "monitoring_note")
    notes[0]["text"] = "Dopisane po cichu"
    message = refused(rezip(with_records(entries, "monitoring_note", notes), False))
    assert "Suma kontrolna" in message and "monitoring_note" in message


def test_a_zip_bomb(refused, good: bytes) -> None:
    entries = entries_of(good)
    entries["attachments/zera.bin"] = bytes(40 * 1024 * 1024)  # ~40 KB compressed
    assert "bomba zip" in refused(rezip(entries))


def test_huge_declared_sizes(refused, good: bytes) -> None:
    data = bytearray(good)
    # Every central directory entry declares 3 GiB uncompressed.
    position = data.find(b"PK\x01\x02")
    while position != -1:
        struct.pack_into("<I", data, position + 24, 3 * 1024**3)
        position = data.find(b"PK\x01\x02", position + 4)
    assert "bomba zip" in refused(bytes(data))


@pytest.mark.parametrize(
    "name",
    [
        "../poza.txt",
        "/etc/passwd",
        "C:/Windows/win.ini",
        "records\\action.json",
        "attachments/../../x",
        "records//action.json",
    ],
)
def test_entries_whose_paths_escape(refused, good: bytes, name: str) -> None:
    entries = entries_of(good)
    entries[name] = b"{}"
    assert "niedozwolonej nazwie" in refused(rezip(entries))


def test_duplicate_entries(refused, good: bytes) -> None:
    entries = entries_of(good)
    buffer = io.BytesIO(rezip(entries))
    with zipfile.ZipFile(buffer, "a") as archive, pytest.warns(UserWarning):
        archive.writestr(fmt.records_entry("risk"), b"[]")
    assert "dwa razy" in refused(buffer.getvalue())


def test_unknown_entries_and_missing_ones(refused, good: bytes) -> None:
    entries = entries_of(good)
    assert "nieoczekiwany wpis" in refused(rezip({**entries, "skrypt.exe": b"MZ"}))
    del entries[fmt.records_entry("goal")]
    assert "brak wpisu" in refused(rezip(entries))


def test_a_file_about_another_municipality_than_chosen(laptops, refused, good: bytes) -> None:
    other = records.create(laptops.advisor, Municipality, name="Gmina Inna", kind="rural")
    message = refused(good, expected_municipality_id=other.id)
    assert "Gmina Łąkowa" in message and "Gmina Inna" in message


def test_records_of_another_municipality_inside_the_file(refused, good: bytes) -> None:
    entries = entries_of(good)
    risks = records_in(entries, "risk")
    risks[0]["municipality_id"] = "00000000-0000-4000-8000-000000000000"
    assert "innej JST niż plik" in refused(rezip(with_records(entries, "risk", risks)))


def test_references_to_records_that_do_not_exist(refused, good: bytes) -> None:
    entries = entries_of(good)
    notes = records_in(entries, "monitoring_note")
    notes[0]["visit_id"] = "11111111-1111-4111-8111-111111111111"
    message = refused(rezip(with_records(entries, "monitoring_note", notes)))
    assert "odwołuje się do rekordów, których nie ma" in message
    assert "Szkolenia ruszyły" in message  # which record, in words
    entries = entries_of(good)
    actions = records_in(entries, "action")
    actions[0]["school_ids"] = ["22222222-2222-4222-8222-222222222222"]
    assert "odwołuje się" in refused(rezip(with_records(entries, "action", actions)))
    recommendations = records_in(entries, "recommendation")
    recommendations[0]["link_type"] = "municipality"  # not something a link may point at
    assert "odwołuje się" in refused(
        rezip(with_records(entries, "recommendation", recommendations))
    )


def test_a_partial_file_into_an_installation_without_the_rest(
    laptops, courier, open_laptop, file_state
) -> None:
    path = courier.pack(laptops.officer, laptops.municipality_id, parts=("visits", "notes"))
    empty = open_laptop("empty")
    before = file_state(empty.paths.root)
    with pytest.raises(UserError, match="zaimportuj najpierw pełny plik"):
        apply_import(empty, reader.read_package(path))
    assert file_state(empty.paths.root) == before


@pytest.mark.parametrize(
    ("table", "field", "value", "words"),
    [
        ("risk", "probability", 9, "Prawdopodobieństwo"),
        ("monitoring_note", "kind", "plotka", "niepoprawna wartość pola kind"),
        ("monitoring_note", "noted_on", "2025-02-30", "noted_on"),
        ("goal", "title", None, "title"),
        ("goal", "title", "x" * 501, "title"),
        ("measurement", "value", float("inf"), "value"),
        ("action", "key_competences", ["telepatia"], "Nieznana kompetencja"),
        ("school", "created_at", "2025-01-01T10:00:00", "created_at"),
        ("team_member", "position", True, "position"),
    ],
)
def test_invalid_values_are_refused(refused, good: bytes, table, field, value, words) -> None:
    entries = entries_of(good)
    rows = records_in(entries, table)
    rows[0][field] = value
    data = rezip({**entries, fmt.records_entry(table): json.dumps(rows).encode()})
    message = refused(data)
    assert "niepoprawny rekord" in message and words in message


def test_unknown_and_missing_fields(refused, good: bytes) -> None:
    entries = entries_of(good)
    rows = records_in(entries, "goal")
    rows[0]["priority"] = "wysoki"
    assert "nieznane pola: priority" in refused(rezip(with_records(entries, "goal", rows)))
    rows = records_in(entries, "goal")
    del rows[0]["code"]
    assert "brak pól: code" in refused(rezip(with_records(entries, "goal", rows)))


def test_ids_that_belong_to_another_municipality_here(laptops, refused, courier) -> None:
    # The advisor's own second municipality; a file reusing one of its ids.
    other = records.create(laptops.advisor, Municipality, name="Gmina Obca", kind="rural")
    entries = entries_of(courier.pack(laptops.officer, laptops.municipality_id).read_bytes())
    rows = records_in(entries, "risk")
    seen = json.loads(entries[fmt.SEEN])
    seen[other.id] = seen.pop(rows[0]["id"])
    rows[0]["id"] = other.id
    entries[fmt.SEEN] = json.dumps(seen).encode()
    assert "należą tu do innej JST" in refused(rezip(with_records(entries, "risk", rows)))


def test_deeply_nested_and_huge_json(refused, good: bytes) -> None:
    entries = entries_of(good)
    entries[fmt.SEEN] = b"[" * 100_000 + b"]" * 100_000
    assert "niepoprawny JSON" in refused(rezip(entries))
    entries = entries_of(good)
    entries[fmt.records_entry("risk")] = b'[{"probability": 1' + b"0" * 5000 + b"}]"
    assert "uszkodzony" in refused(rezip(entries))


def test_an_unreadable_path(laptops, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Nie można odczytać pliku"):
        reader.read_package(tmp_path / "nie-ma-takiego.planoswiaty")
    with pytest.raises(UserError, match="Nie można odczytać pliku"):
        reader.read_package(tmp_path)


def test_export_refuses_nothing_chosen_and_reports_unwritable_paths(laptops, tmp_path) -> None:
    with pytest.raises(UserError, match="Wybierz, które części"):
        export.export_package(laptops.officer, laptops.municipality_id, tmp_path / "x", parts=())
    blocker = tmp_path / "plik"
    blocker.write_text("")
    with pytest.raises(UserError, match="Nie można zapisać pliku"):
        export.export_package(laptops.officer, laptops.municipality_id, blocker / "x")
