"""Reading an exchange file safely: nothing in it is trusted until it has been checked.

Limits come first (file size, number of entries, declared and actual
uncompressed sizes, compression ratio), then names (nothing that could escape
a folder, no duplicates, only the entries the format knows), then checksums,
then every record, value by value. Any failure is one Polish message; the store
is not touched while reading.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.exchange import codec, crypto
from app.exchange import format as fmt
from app.exchange.codec import Wire
from app.i18n import _

# The demo municipality packs into 67 KB: these limits leave room for hundreds
# of times more, and keep the memory any file can make us use under 300 MB
# (JSON becomes Python objects 5–30 times its size; see MAX_CONTAINERS).
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_ENTRY_BYTES = 16 * 1024 * 1024
MAX_TOTAL_BYTES = 16 * 1024 * 1024
# Objects and lists ("{" and "[" anywhere in the JSON, text included): a record is
# one object and a list or two, so this is far above any real file, while
# 2-byte "{}"s, each 64 bytes once parsed, cannot add up to gigabytes.
MAX_CONTAINERS = 500_000
MAX_RATIO = 200  # JSON compresses 5–20×; a zip bomb, thousands of times
RATIO_FROM_BYTES = 1024 * 1024  # tiny entries may compress absurdly well
MAX_SEEN_PER_RECORD = 1_000
MAX_SEEN_TOTAL = 2_000_000
MAX_COUNTER = 2**53  # exact in every JSON reader
_ATTACHMENT = re.compile(r"attachments/(?:[A-Za-z0-9_-][A-Za-z0-9._-]{0,99})?")
_DRIVE = re.compile(r"^[A-Za-z]:")
_HEX64 = re.compile(r"[0-9a-f]{64}")
# What a damaged zip may raise from the standard library while being read.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OverflowError,
    KeyError,
    IndexError,
)

Cancelled = Callable[[], bool]


class ReadCancelled(UserError):
    """The user stopped the reading."""


@dataclass(frozen=True)
class Package:
    """A checked exchange file: its manifest, records (canonical JSON) and seen versions."""

    manifest: fmt.Manifest
    records: dict[str, list[Wire]]
    seen: dict[str, frozenset[str]]
    file_name: str
    file_sha256: str
    encrypted: bool
    counters: dict[str, int] = field(default_factory=dict)

    def count(self) -> int:
        return sum(len(rows) for rows in self.records.values())


def read_package(
    path: str | Path, passphrase: str | None = None, cancelled: Cancelled | None = None
) -> Package:
    """Read and check the exchange file at ``path`` (asking nothing of the store)."""
    path = Path(path)
    data = _read_file(path)
    return read_bytes(data, path.name, passphrase, cancelled)


def read_bytes(
    data: bytes, file_name: str, passphrase: str | None = None, cancelled: Cancelled | None = None
) -> Package:
    check = cancelled or (lambda: False)
    digest = hashlib.sha256(data).hexdigest()
    archive = _open_zip(data)
    with archive:
        infos = _checked_entries(archive)
        manifest_bytes = _read_entry(archive, infos, fmt.MANIFEST, MAX_MANIFEST_BYTES)
        document = fmt.check_format(fmt.parse_json(manifest_bytes, fmt.MANIFEST))
        if not crypto.is_encrypted(document):
            return _plain(archive, infos, document, file_name, digest, False, check)
        if set(infos) != {fmt.MANIFEST, fmt.PAYLOAD}:
            raise fmt.corrupt(_("nieoczekiwane wpisy w pliku zaszyfrowanym"))
        payload = _read_entry(archive, infos, fmt.PAYLOAD, MAX_FILE_BYTES)
    inner = crypto.decrypt(manifest_bytes, document, payload, passphrase or "")
    if check():
        raise _cancelled()
    archive = _open_zip(inner)
    with archive:
        infos = _checked_entries(archive)
        manifest_bytes = _read_entry(archive, infos, fmt.MANIFEST, MAX_MANIFEST_BYTES)
        document = fmt.check_format(fmt.parse_json(manifest_bytes, fmt.MANIFEST))
        if crypto.is_encrypted(document):
            raise fmt.corrupt(_("plik zaszyfrowany dwukrotnie"))
        return _plain(archive, infos, document, file_name, digest, True, check)


# -- the file and the zip ------------------------------------------------------------


def _read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UserError(
                _(
                    "Plik {name} jest za duży na plik wymiany ({size} MB, najwyżej {limit} MB)."
                ).format(name=path.name, size=size // 2**20, limit=MAX_FILE_BYTES // 2**20)
            )
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UserError(
            _("Nie można odczytać pliku {path}: {error}").format(
                path=path, error=error.strerror or error
            )
        ) from None


def _open_zip(data: bytes) -> zipfile.ZipFile:
    if len(data) > MAX_FILE_BYTES:
        raise fmt.corrupt(_("plik jest za duży"))
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        if data.startswith(b"PK"):
            raise fmt.corrupt(_("archiwum jest ucięte albo uszkodzone")) from None
        raise fmt.not_an_exchange_file() from None


def _checked_entries(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise fmt.corrupt(_("za dużo wpisów"))
    found: dict[str, zipfile.ZipInfo] = {}
    declared = 0
    for info in infos:
        name = info.filename
        _check_escape(name)
        if name in found:
            raise fmt.corrupt(_("wpis {name} występuje dwa razy").format(name=name[:80]))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise fmt.corrupt(_("nieobsługiwana metoda kompresji"))
        if info.flag_bits & 0x1:
            raise fmt.corrupt(_("wpis zaszyfrowany metodą zip"))
        _check_size(info)
        declared += info.file_size
        found[name] = info
    if declared > MAX_TOTAL_BYTES:
        raise _bomb()
    if fmt.MANIFEST not in found:
        raise fmt.not_an_exchange_file()
    for name in found:
        _check_known(name)
    return found


def _check_escape(name: str) -> None:
    parts = name.split("/")
    escapes = (
        not name
        or len(name) > 255
        or "\\" in name
        or "\x00" in name
        or name.startswith("/")
        or _DRIVE.match(name) is not None
        or any(part in ("..", ".") for part in parts)
        or any(part == "" for part in parts[:-1])
    )
    if escapes:
        raise UserError(
            _(
                "Plik wymiany zawiera wpis o niedozwolonej nazwie („{name}”), który mógłby "
                "zapisać dane poza folderem. Plik odrzucono; dane pozostały bez zmian."
            ).format(name=name[:80].replace("\x00", "?"))
        )


def _check_known(name: str) -> None:
    known = (
        name in (fmt.MANIFEST, fmt.PAYLOAD, fmt.SEEN, fmt.COUNTERS)
        or name in {fmt.records_entry(table) for table in fmt.TABLE_ORDER}
        or _ATTACHMENT.fullmatch(name) is not None
    )
    if not known:
        raise fmt.corrupt(_("nieoczekiwany wpis {name}").format(name=name[:80]))


def _check_size(info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_ENTRY_BYTES:
        raise _bomb()
    if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(
        info.compress_size, 1
    ):
        raise _bomb()


def _bomb() -> UserError:
    return UserError(
        _(
            "Plik wymiany po rozpakowaniu byłby podejrzanie duży (możliwa „bomba zip”; "
            "program przyjmuje najwyżej {limit} MB danych w jednym pliku). "
            "Plik odrzucono; dane pozostały bez zmian."
        ).format(limit=MAX_TOTAL_BYTES // 2**20)
    )


def _read_entry(
    archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], name: str, limit: int
) -> bytes:
    info = infos.get(name)
    if info is None:
        raise fmt.corrupt(_("brak wpisu {name}").format(name=name))
    if info.file_size > limit:
        raise _bomb()
    pieces: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as handle:
            while block := handle.read(1024 * 1024):
                total += len(block)
                if total > limit or total > info.file_size:
                    raise _bomb()
                pieces.append(block)
    except _ZIP_ERRORS:
        raise fmt.corrupt(_("nie można rozpakować wpisu {name}").format(name=name)) from None
    return b"".join(pieces)


# -- the plain file ------------------------------------------------------------------


def _plain(
    archive: zipfile.ZipFile,
    infos: dict[str, zipfile.ZipInfo],
    document: dict[str, Any],
    file_name: str,
    digest: str,
    encrypted: bool,
    cancelled: Cancelled,
) -> Package:
    manifest = fmt.parse_manifest(document)
    listed = set(manifest.checksums)
    present = {name for name, info in infos.items() if not info.is_dir()} - {fmt.MANIFEST}
    if listed != present:
        missing = sorted(listed - present) or sorted(present - listed)
        raise fmt.corrupt(_("niezgodny spis wpisów: {name}").format(name=missing[0][:80]))
    tables = fmt.tables_in_file(manifest.parts, manifest.format_version)
    wanted = {fmt.records_entry(table) for table in tables} | {fmt.SEEN}
    if manifest.format_version >= 2:
        wanted.add(fmt.COUNTERS)
    if not wanted <= listed:
        raise fmt.corrupt(_("brak wpisu {name}").format(name=sorted(wanted - listed)[0]))
    stray = sorted(name for name in listed - wanted if name.startswith(fmt.RECORDS_FOLDER))
    if stray:
        raise fmt.corrupt(_("wpis {name} spoza zakresu pliku").format(name=stray[0]))
    total = containers = 0
    contents: dict[str, bytes] = {}
    for name in sorted(listed):
        if cancelled():
            raise _cancelled()
        data = _read_entry(archive, infos, name, MAX_ENTRY_BYTES)
        total += len(data)
        containers += data.count(b"{") + data.count(b"[")
        if total > MAX_TOTAL_BYTES or containers > MAX_CONTAINERS:
            raise _bomb()
        if hashlib.sha256(data).hexdigest() != manifest.checksums[name]:
            raise UserError(
                _(
                    "Suma kontrolna wpisu {name} się nie zgadza: plik został uszkodzony lub "
                    "zmieniony. Dane pozostały bez zmian."
                ).format(name=name)
            )
        if name in wanted:
            contents[name] = data
    records = _records(manifest, contents)
    seen = _seen(fmt.parse_json(contents[fmt.SEEN], fmt.SEEN), records)
    counters = (
        _counters(fmt.parse_json(contents[fmt.COUNTERS], fmt.COUNTERS), records)
        if fmt.COUNTERS in contents
        else {}
    )
    return Package(manifest, records, seen, file_name, digest, encrypted, counters)


def _records(manifest: fmt.Manifest, contents: dict[str, bytes]) -> dict[str, list[Wire]]:
    records: dict[str, list[Wire]] = {}
    ids: set[str] = set()
    for table in fmt.tables_in_file(manifest.parts, manifest.format_version):
        name = fmt.records_entry(table)
        expected = manifest.contents.get(table, 0)
        decoded = []
        for raw in _elements(contents[name], name, expected):
            wire, _values = codec.decode(table, raw, manifest.municipality_id)
            if wire["id"] in ids:
                raise fmt.corrupt(_("rekord {id} występuje dwa razy").format(id=wire["id"]))
            ids.add(wire["id"])
            decoded.append(wire)
        if len(decoded) != expected:
            raise _miscounted(name)
        records[table] = decoded
    root = fmt.root_table(manifest.parts)
    if len(records.get(root, [])) != 1:
        if manifest.is_network:
            raise fmt.corrupt(_("plik musi zawierać dokładnie jedną sieć"))
        raise fmt.corrupt(_("plik musi zawierać dokładnie jedną JST"))
    if records[root][0]["name"] != manifest.municipality_name:
        if manifest.is_network:
            raise fmt.corrupt(_("nazwa sieci nie zgadza się ze spisem"))
        raise fmt.corrupt(_("nazwa JST nie zgadza się ze spisem"))
    return records


_SPACE = re.compile(r"[ \t\n\r]*")


def _elements(data: bytes, name: str, limit: int) -> Iterator[Any]:
    """The items of the JSON list in ``data``, parsed one at a time.

    A record that is not what it should be stops the reading at once, and no
    more than ``limit`` items are ever parsed: a list of millions of tiny
    values never becomes millions of Python objects.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise fmt.corrupt(_("niepoprawny JSON w {entry}").format(entry=name)) from None
    index = _skip(text, 0)
    if text[index : index + 1] != "[":
        raise fmt.corrupt(_("wpis {name} nie jest listą").format(name=name))
    index = _skip(text, index + 1)
    count = 0
    closed = text[index : index + 1] == "]"
    decoder = json.JSONDecoder()
    while not closed:
        count += 1
        if count > limit:
            raise _miscounted(name)
        try:
            item, index = decoder.raw_decode(text, index)
        except (ValueError, RecursionError):
            raise fmt.corrupt(_("niepoprawny JSON w {entry}").format(entry=name)) from None
        yield item
        index = _skip(text, index)
        separator = text[index : index + 1]
        if separator not in (",", "]"):
            raise fmt.corrupt(_("niepoprawny JSON w {entry}").format(entry=name))
        closed = separator == "]"
        if not closed:
            index = _skip(text, index + 1)
    if _skip(text, index + 1) != len(text):
        raise fmt.corrupt(_("niepoprawny JSON w {entry}").format(entry=name))


def _skip(text: str, index: int) -> int:
    match = _SPACE.match(text, index)
    return match.end() if match else index


def _miscounted(name: str) -> UserError:
    return fmt.corrupt(_("liczba rekordów w {name} nie zgadza się ze spisem").format(name=name))


def _seen(document: Any, records: dict[str, list[Wire]]) -> dict[str, frozenset[str]]:
    if not isinstance(document, dict):
        raise fmt.corrupt(_("niepoprawny wpis {name}").format(name=fmt.SEEN))
    ids = {wire["id"] for rows in records.values() for wire in rows}
    seen: dict[str, frozenset[str]] = {}
    total = 0
    for record_id, versions in document.items():
        if (
            record_id not in ids
            or not isinstance(versions, list)
            or len(versions) > MAX_SEEN_PER_RECORD
            or not all(isinstance(v, str) and _HEX64.fullmatch(v) for v in versions)
        ):
            raise fmt.corrupt(_("niepoprawny wpis {name}").format(name=fmt.SEEN))
        total += len(versions)
        if total > MAX_SEEN_TOTAL:
            raise fmt.corrupt(_("niepoprawny wpis {name}").format(name=fmt.SEEN))
        seen[record_id] = frozenset(versions)
    return seen


def _counters(document: Any, records: dict[str, list[Wire]]) -> dict[str, int]:
    """Each record's version counter (a counter of a record not in the file is ignored)."""
    ids = {wire["id"] for rows in records.values() for wire in rows}
    if not isinstance(document, dict):
        raise fmt.corrupt(_("niepoprawny wpis {name}").format(name=fmt.COUNTERS))
    for value in document.values():
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNTER:
            raise fmt.corrupt(_("niepoprawny wpis {name}").format(name=fmt.COUNTERS))
    return {record_id: value for record_id, value in document.items() if record_id in ids}


def _cancelled() -> ReadCancelled:
    return ReadCancelled(_("Przerwano odczyt pliku."))
