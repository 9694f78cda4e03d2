"""Reading the tables officers get: .xlsx (openpyxl, read-only) and .csv (`;` or `,`).

Everything comes back as rows of cells (text, number or None) with the
header resolved: the officer (or a saved mapping) names the header row, and a
group row above it — merged cells spanning sub-columns, as CKE/OKE publish
results — is carried over the cells it spans, so a column reads
``Matematyka / Średni wynik (%)``. Every failure is one Polish
:class:`UserError`; nothing here writes anything.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from app.errors import UserError
from app.i18n import _
from app.textnorm import fold

Cell = str | float | int | None
MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
HEADER_SCAN = 20


@dataclass(frozen=True)
class Table:
    path: Path
    sheets: list[str]
    sheet: str
    rows: list[list[Cell]]

    def headers(self, header_row: int) -> list[str]:
        """Column names from 1-based ``header_row`` (with its group row above, if any)."""
        if not 1 <= header_row <= len(self.rows):
            raise UserError(
                _("Wiersz nagłówka {row} jest poza arkuszem ({count} wierszy).").format(
                    row=header_row, count=len(self.rows)
                ),
                field="header_row",
            )
        header = [text_of(c) for c in self.rows[header_row - 1]]
        groups = _groups(self.rows[header_row - 2]) if header_row > 1 else []
        names = []
        for index, name in enumerate(header):
            # A merged title spans to the end even when the file stores no cells after it.
            group = groups[min(index, len(groups) - 1)] if groups else ""
            names.append(f"{group} / {name}" if group and name else group or name)
        return names

    def body(self, header_row: int) -> list[tuple[int, list[Cell]]]:
        """(1-based line, cells) of the rows under the header, empty ones left out."""
        return [
            (line, row)
            for line, row in enumerate(self.rows[header_row:], start=header_row + 1)
            if any(text_of(c) for c in row)
        ]


def text_of(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def _groups(row: list[Cell]) -> list[str]:
    """A group row carried over the cells its merged titles span (a lone title is no group)."""
    texts = [text_of(c) for c in row]
    if sum(1 for t in texts if t) < 2:
        return []
    carried, current = [], ""
    for text in texts:
        current = text or current
        carried.append(current)
    return carried


def guess_header_row(rows: list[list[Cell]]) -> int:
    """The 1-based row among the first ones with the most text cells (2 at least), else 1."""
    best, best_count = 1, 1
    for index, row in enumerate(rows[:HEADER_SCAN], start=1):
        count = sum(1 for c in row if isinstance(c, str) and c.strip())
        if count > best_count:
            best, best_count = index, count
    return best


def read(path: Path, sheet: str | None = None) -> Table:
    """The rows of ``path`` (.xlsx or .csv), of ``sheet`` or the first sheet."""
    if not path.is_file():
        raise UserError(_("Nie ma pliku {path}.").format(path=path))
    if path.stat().st_size > MAX_BYTES:
        raise UserError(_("Plik {name} jest za duży (ponad 50 MB).").format(name=path.name))
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return Table(path, [path.stem], path.stem, read_csv_rows(path.read_bytes()))
    raise UserError(
        _("Nieobsługiwany rodzaj pliku {name}: wybierz arkusz .xlsx albo plik .csv.").format(
            name=path.name
        )
    )


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise _broken(path) from None
    try:
        names = list(book.sheetnames)
        chosen = sheet or names[0]
        if chosen not in names:
            raise UserError(
                _("Arkusz „{sheet}” nie istnieje w pliku {name} (są: {names}).").format(
                    sheet=chosen, name=path.name, names=", ".join(names)
                ),
                field="sheet",
            )
        rows: list[list[Cell]] = []
        try:
            for values in book[chosen].iter_rows(values_only=True):
                # plain cells as they are (no call per cell: a large city has 50,000)
                rows.append([v if type(v) in _PLAIN else _cell(v) for v in values])
                if len(rows) > MAX_ROWS:
                    raise _too_long(path)
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError):
            raise _broken(path) from None
    finally:
        book.close()
    return Table(path, names, chosen, rows)


_PLAIN = frozenset({str, int, float, type(None)})


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float):
        return value if not isinstance(value, bool) else int(value)
    return str(value)


_FORMULA_TEXT = re.compile(r'^="(.*)"$')


def read_csv_rows(data: bytes) -> list[list[Cell]]:
    """CSV as RSPO and SIO write it: UTF-8 (with BOM) or cp1250, `;` or `,`, codes as ="…"."""
    if b"\x00" in data[:4096]:
        raise UserError(_("To nie jest plik tekstowy CSV (zawiera znaki binarne)."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1250", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    rows: list[list[Cell]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append([_unwrap(cell) for cell in row])
            if len(rows) > MAX_ROWS:
                raise UserError(_("Plik CSV ma za dużo wierszy."))
    except csv.Error:
        raise UserError(_("Plik CSV jest uszkodzony (niedomknięty cudzysłów).")) from None
    return rows


def _unwrap(cell: str) -> str | None:
    match = _FORMULA_TEXT.match(cell.strip())
    value = match.group(1) if match else cell.strip()
    return value or None


def number(cell: Cell) -> float | None:
    """A number from a cell: decimal commas, spaces between thousands, %, dashes for none."""
    if cell is None:
        return None
    if isinstance(cell, int | float):
        return float(cell)
    text = cell.replace("\u00a0", "").replace(" ", "").replace("%", "").replace(",", ".")
    if text in ("", "-", "—", "–", "b.d.", "bd"):
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(cell) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(cell)
    return value


def column_index(headers: list[str], wanted: str) -> int | None:
    """The column whose header matches ``wanted`` ignoring case, Polish letters and spaces."""
    key = _key(wanted)
    for index, header in enumerate(headers):
        if _key(header) == key:
            return index
    return None


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", fold(text))


def _broken(path: Path) -> UserError:
    return UserError(
        _("Plik {name} nie jest poprawnym arkuszem .xlsx (uszkodzony albo innego rodzaju).").format(
            name=path.name
        )
    )


def _too_long(path: Path) -> UserError:
    return UserError(_("Arkusz w pliku {name} ma za dużo wierszy.").format(name=path.name))
