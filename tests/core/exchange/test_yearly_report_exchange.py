"""The yearly report's chapter order, switches and comments travel in exchange files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.exchange import export, reader
from app.exchange.format import tables_of
from app.exchange.merge import apply_import
from app.model import Municipality
from app.reports.yearly.chapters import KEYS
from app.services import records, yearly_report
from app.storage.store import Store


def test_the_arrangement_reaches_the_other_laptop(
    open_laptop: Callable[[str], Store], tmp_path: Path
) -> None:
    assert "yearly_report_chapter" in tables_of(("team",))
    officer, advisor = open_laptop("officer"), open_laptop("advisor")
    m = records.create(officer, Municipality, name="Gmina Próbna", kind="rural").id
    yearly_report.set_enabled(officer, m, 2025, "finance", False)
    yearly_report.set_order(officer, m, 2025, list(reversed(KEYS)))
    yearly_report.set_comment(officer, m, 2025, "exams", "Uwaga wójta.")
    first = export.export_package(officer, m, tmp_path / "one").path
    apply_import(advisor, reader.read_package(first))
    assert yearly_report.choices(advisor, m, 2025) == yearly_report.choices(officer, m, 2025)
    yearly_report.set_comment(officer, m, 2025, "exams", "Druga wersja.")
    second = export.export_package(officer, m, tmp_path / "two").path
    result = apply_import(advisor, reader.read_package(second))
    assert result.conflicts == 0
    comments = {c.key: c.comment for c in yearly_report.choices(advisor, m, 2025)}
    assert comments["exams"] == "Druga wersja."
