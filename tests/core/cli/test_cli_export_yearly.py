"""``plan-oswiaty export yearly-report``: the informacja for a school year, PDF or DOCX."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest
from pypdf import PdfReader

from app.demo import load_demo
from app.storage.store import Store

if TYPE_CHECKING:
    from conftest import Run


@pytest.fixture
def demo_dir(data_dir: Path) -> Path:
    with Store.open(data_dir) as store:
        load_demo(store)
    return data_dir


def _base(data_dir: Path) -> tuple[str, ...]:
    return ("--data-dir", str(data_dir), "export", "yearly-report", "--municipality", "zielonki")


def test_the_report_is_written_as_pdf_and_docx(cli: Run, demo_dir: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "informacja.pdf"
    outcome = cli(*_base(demo_dir), "--school-year", "2025/2026", "-o", str(pdf))
    assert outcome.code == 0, outcome.err
    assert "Zapisano" in outcome.out
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 8
    assert "2025/2026" in str(reader.metadata.title)
    word = tmp_path / "informacja.docx"
    outcome = cli(*_base(demo_dir), "--school-year", "2025", "--format", "docx", "--lang", "en",
                  "-o", str(word))  # fmt: skip
    assert outcome.code == 0, outcome.err
    assert docx.Document(str(word)).core_properties.language == "en-GB"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--school-year", "2025/2027"), "Nieprawidłowy rok szkolny"),
        (("--school-year", "1999"), "Rok szkolny"),
        (("--school-year", "2090"), "jeszcze się nie rozpoczął"),
        ((), "--school-year"),
        (("--school-year", "2025", "--from", "2025-09-01"), "--from"),
        (("--school-year", "2025", "--format", "docx"), ".docx"),
    ],
)
def test_bad_requests_fail_in_polish_and_write_nothing(
    cli: Run, demo_dir: Path, tmp_path: Path, extra: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "r.pdf"
    outcome = cli(*_base(demo_dir), *extra, "-o", str(out))
    assert outcome.code != 0
    assert message in outcome.err
    assert not out.exists()


def test_an_unknown_municipality_fails(cli: Run, demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    outcome = cli("--data-dir", str(demo_dir), "export", "yearly-report", "--municipality",
                  "Gmina Nieistniejąca", "--school-year", "2025/2026", "-o", str(out))  # fmt: skip
    assert outcome.code != 0 and "Nie znaleziono JST" in outcome.err
    assert not out.exists()


def test_the_school_year_belongs_to_the_yearly_report_only(
    cli: Run, demo_dir: Path, tmp_path: Path
) -> None:
    outcome = cli("--data-dir", str(demo_dir), "export", "plan", "--municipality", "zielonki",
                  "--school-year", "2025", "-o", str(tmp_path / "p.pdf"))  # fmt: skip
    assert outcome.code != 0 and "yearly-report" in outcome.err
