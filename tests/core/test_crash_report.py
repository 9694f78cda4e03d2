"""Crash reports: what they keep (where it broke) and what they remove (whose data)."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app import crash_report
from app.version import __version__


def exc_info(message: str) -> crash_report.ExcInfo:
    try:
        raise RuntimeError(message)
    except RuntimeError:
        kind, value, tb = sys.exc_info()
        assert kind is not None and value is not None
        return kind, value, tb


@pytest.mark.parametrize(
    ("line", "kept", "removed"),
    [
        ("2026-11-21 08:00:00,123 INFO app.store: opened", "2026-11-21 08:00:00,123", None),
        ("name='Jan Nowak' saved", "name='…' saved", "Jan Nowak"),
        ('value "Zespół Szkół" is too long', 'value "…" is too long', "Zespół Szkół"),
        ("Pole „Anna Maj” jest puste", "Pole „…” jest puste", "Anna Maj"),
        ("[SQL: INSERT INTO x] [parameters: ('Jan', 'Nowak', 3)]", "[SQL: INSERT INTO x]", "Nowak"),
        ("mail jan.nowak@gmina.pl now", "mail <e-mail> now", "jan.nowak"),
        ("PESEL 44051401359, NIP 123-456-78-90", "PESEL <number>, NIP <number>", "4405140"),
        ("tel. +48 601 234 567", "tel. <number>", "601 234"),
        ("line 1234 of 56789 rows", "line 1234 of 56789 rows", None),
        ("id 0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e", "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e", None),
    ],
)
def test_scrub_line(line: str, kept: str, removed: str | None) -> None:
    scrubbed = crash_report.scrub_line(line)
    assert kept in scrubbed
    if removed:
        assert removed not in scrubbed


def test_home_folder_and_user_folder_are_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: Path("/home/ewa")))
    monkeypatch.setattr(crash_report, "_user_name", lambda: "ewa")
    assert crash_report.scrub_line("open /home/ewa/plan.pdf") == "open ~/plan.pdf"
    assert crash_report.scrub_line(r"D:\Users\ewa\dane") == r"D:\Users\<user>\dane"
    assert crash_report.scrub_line("ewa said hello") == "ewa said hello"  # not a folder


def test_traceback_code_lines_keep_their_quotes() -> None:
    line = '  File "/opt/app/ui/forms.py", line 3, in save'
    assert crash_report.scrub_line(line) == line
    assert crash_report.scrub_line('    raise ValueError("x")') == '    raise ValueError("x")'


def test_write_builds_the_report_and_names_it_by_time(tmp_path: Path) -> None:
    log_file = tmp_path / "plan-oswiaty.log"
    log_file.write_text("".join(f"line {n}\n" for n in range(80)), encoding="utf-8")
    when = datetime(2026, 11, 21, 9, 30, 5, tzinfo=UTC)
    folder = crash_report.folder_for(log_file)
    first = crash_report.write(folder, exc_info("kaput"), log_file, {"Qt": "6.x"}, now=when)
    second = crash_report.write(folder, exc_info("again"), log_file, now=when)
    assert first is not None and first.name == "crash-20261121-093005.txt"
    assert second is not None and second.name == "crash-20261121-093005-2.txt"
    text = first.read_text(encoding="utf-8")
    assert f"Program: Plan Oświaty {__version__}" in text and "Qt: 6.x" in text
    assert "RuntimeError: kaput" in text and "Time (UTC): 2026-11-21 09:30:05" in text
    assert "line 79" in text and "line 30" in text and "line 29\n" not in text  # last 50


def test_write_never_raises(tmp_path: Path) -> None:
    blocked = tmp_path / "crash-reports"
    blocked.write_text("not a folder", encoding="utf-8")
    assert crash_report.write(blocked, exc_info("x"), None) is None


def test_only_the_newest_reports_are_kept(tmp_path: Path) -> None:
    for n in range(25):
        path = tmp_path / f"crash-{n:02d}.txt"
        path.write_text("x", encoding="utf-8")
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    crash_report.prune(tmp_path, keep=20)
    left = sorted(p.name for p in tmp_path.glob("crash-*.txt"))
    assert left == [f"crash-{n:02d}.txt" for n in range(5, 25)]
