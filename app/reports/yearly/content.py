"""What a generated chapter holds: sentences, tables and year charts, in reading order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from app import units
from app.i18n import _
from app.model.school_data import school_year_label


@dataclass(frozen=True)
class Table:
    """A table with one header row; ``numeric`` columns are right-aligned."""

    header: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    widths: tuple[float, ...]  # relative column widths
    numeric: frozenset[int] = frozenset()


@dataclass(frozen=True)
class ChartLine:
    label: str
    points: dict[int, float]  # school (or budget) year → value
    dashed: bool = False


@dataclass(frozen=True)
class YearChart:
    """Values by year, one line per series (the JST, the country…)."""

    title: str
    unit: str
    lines: tuple[ChartLine, ...]
    school_years: bool = True  # labels 2024/2025 rather than 2024

    @property
    def years(self) -> list[int]:
        return sorted({year for line in self.lines for year in line.points})

    def year_label(self, year: int) -> str:
        return school_year_label(year) if self.school_years else str(year)

    @property
    def alt_text(self) -> str:
        """The chart in words: every line's values by year."""
        parts = []
        for line in self.lines:
            values = "; ".join(
                f"{self.year_label(year)}: {units.quantity(value, self.unit)}"
                for year, value in sorted(line.points.items())
            )
            parts.append(f"{line.label} — {values}")
        return _("Wykres: {title}. {values}.").format(title=self.title, values=". ".join(parts))


Block = str | Table | YearChart


@dataclass
class Chapter:
    """One chapter: its key and title, the generated blocks, and the data it lacks."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # "brak danych o …", for the overview

    def say(self, *sentences: str) -> None:
        """One paragraph of sentences (empty ones left out)."""
        text = " ".join(s for s in sentences if s)
        if text:
            self.blocks.append(text)

    def lack(self, sentence: str) -> None:
        """Say that data are missing, and remember it."""
        self.blocks.append(sentence)
        self.missing.append(sentence)

    @property
    def paragraphs(self) -> list[str]:
        return [block for block in self.blocks if isinstance(block, str)]

    @property
    def ready(self) -> bool:
        return not self.missing


@dataclass
class ReportData:
    """Everything the document shows, read on the caller's thread."""

    municipality: str
    year: int
    chapters: list[Chapter]
    comments: dict[str, str] = field(default_factory=dict)
    prepared: date = field(default_factory=date.today)
