"""Hostile text in exchange files: lone surrogates, far dates, week dates, control bytes.

Each is refused with one Polish message naming what is wrong (never "unexpected
error"), and the store stays byte for byte as it was.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from app.exchange import format as fmt

from .test_bad_files import entries_of, records_in, rezip, with_records

pytestmark = pytest.mark.usefixtures("laptops")


def _raw(entries: dict[str, bytes], table: str, field: str, value: str) -> dict[str, bytes]:
    """``entries`` with ``field`` of the first ``table`` record set to ``value``, written as
    JSON escapes (so a lone surrogate reaches the reader as ``\\ud83d``)."""
    rows = records_in(entries, table)
    rows[0][field] = "__MARK__"
    text = json.dumps(rows).replace('"__MARK__"', json.dumps(value, ensure_ascii=True))
    changed = dict(entries)
    changed[fmt.records_entry(table)] = text.encode()
    return changed


@pytest.mark.parametrize(
    ("table", "field"),
    [("monitoring_note", "text"), ("goal", "title"), ("municipality", "notes")],
)
def test_a_lone_surrogate_is_refused_naming_the_field(refused, good, table, field) -> None:
    message = refused(rezip(_raw(entries_of(good), table, field, "Notatka \ud83d koniec")))
    assert f"({table})" in message
    assert "nieoczekiwany" not in message


def test_a_lone_surrogate_in_the_manifest_is_refused(refused, good) -> None:
    entries = entries_of(good)
    manifest = json.loads(entries[fmt.MANIFEST])
    manifest["installation"]["name"] = "Laptop \udc00"
    entries[fmt.MANIFEST] = json.dumps(manifest, ensure_ascii=True).encode()
    assert "niepoprawny manifest" in refused(rezip(entries))


@pytest.mark.parametrize(
    "stamp",
    [
        "9999-12-31T23:59:59.999999+00:00",
        "2150-01-01T00:00:00+00:00",
        "1970-01-01T00:00:00+00:00",
        "2025-W01-1T00:00:00+00:00",
    ],
)
def test_timestamps_out_of_range_or_in_week_form_are_refused(refused, good, stamp) -> None:
    entries = entries_of(good)
    rows = records_in(entries, "goal")
    rows[0]["updated_at"] = stamp
    message = refused(rezip(with_records(entries, "goal", rows)))
    assert "updated_at" in message and "(goal)" in message


@pytest.mark.parametrize("day", ["2025-W01-1", "2025-001", "20250201", "9999-12-31", "0001-01-01"])
def test_dates_must_be_calendar_dates_in_range(refused, good, day) -> None:
    entries = entries_of(good)
    rows = records_in(entries, "measurement")
    rows[0]["measured_on"] = day
    message = refused(rezip(with_records(entries, "measurement", rows)))
    assert "measured_on" in message


def test_the_manifest_since_must_be_a_calendar_date(refused, good) -> None:
    entries = entries_of(good)
    manifest = json.loads(entries[fmt.MANIFEST])
    manifest["scope"]["since"] = "2025-W10-1"
    entries[fmt.MANIFEST] = json.dumps(manifest).encode()
    assert "niepoprawny manifest" in refused(rezip(entries))


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\u202e", "\x9b"])
def test_control_characters_in_single_line_fields_are_refused(refused, good, char) -> None:
    message = refused(rezip(_raw(entries_of(good), "goal", "title", f"Cel{char}]0;x")))
    assert "(goal)" in message
    assert char not in message


def test_control_bytes_in_entry_names_are_not_echoed(refused, good) -> None:
    entries = entries_of(good)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        archive.writestr("records/\x1b]0;pwned\x07.json", b"[]")
    message = refused(buffer.getvalue())
    assert "\x1b" not in message and "\x07" not in message
