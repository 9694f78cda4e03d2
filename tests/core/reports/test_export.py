"""``app.reports.export.export``: choosing the document, bad input, passwords, progress, cancel."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PasswordType, PdfReader
from pypdf.constants import UserAccessPermissions
from pypdf.errors import FileNotDecryptedError

from app.errors import UserError
from app.reports import queries
from app.reports.export import default_filename, export, parse_date
from app.reports.progress import ExportCancelled
from app.storage.store import Store

Read = Callable[..., Any]
Edge = Any


def test_without_an_id_the_newest_document_is_exported(
    demo_ro: Store, demo_id: str, tmp_path: Path, read_pdf: Read
) -> None:
    newest = queries.visits_of(demo_ro, demo_id)[0]
    pdf = read_pdf(export(demo_ro, "visit", demo_id, output=tmp_path / "v.pdf"))
    assert pdf.contains(f"Protokół z wizyty doradczej nr {newest.number}")


def test_an_id_picks_an_older_document(
    demo_ro: Store, demo_id: str, tmp_path: Path, read_pdf: Read
) -> None:
    oldest = queries.visits_of(demo_ro, demo_id)[-1]
    path = export(demo_ro, "visit", "Zielonki", record_id=oldest.id, output=tmp_path / "v.pdf")
    assert read_pdf(path).contains(f"Protokół z wizyty doradczej nr {oldest.number}")


def test_the_municipality_is_found_by_a_name_without_diacritics(
    edge_store: Store, tmp_path: Path, read_pdf: Read
) -> None:
    path = export(edge_store, "hdr", "zrodla lakowe", output=tmp_path / "h.pdf")
    assert read_pdf(path).mentions("Gmina Źródła Łąkowe")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "budget"}, "Nieznany rodzaj dokumentu „budget”"),
        ({"kind": "plan", "municipality": "Atlantyda"}, "Nie znaleziono JST „Atlantyda”"),
        ({"kind": "plan", "record_id": "nope"}, "Nie znaleziono dokumentu o identyfikatorze"),
        ({"kind": "monitoring", "record_id": "x"}, "zamiast identyfikatora podaj okres"),
        ({"kind": "hdr", "date_from": date(2025, 1, 1)}, "tylko dla raportu z monitoringu"),
        (
            {"kind": "monitoring", "date_from": date(2026, 1, 2), "date_to": date(2026, 1, 1)},
            "Początek okresu jest późniejszy niż jego koniec",
        ),
        ({"kind": "plan", "password": "x" * 61}, "najwyżej 60 znaków"),
    ],
)
def test_bad_requests_are_refused_in_polish_and_write_nothing(
    demo_ro: Store, demo_id: str, tmp_path: Path, kwargs: dict[str, Any], message: str
) -> None:
    target = tmp_path / "out.pdf"
    arguments: dict[str, Any] = {"municipality": demo_id, **kwargs}
    kind = arguments.pop("kind")
    municipality = arguments.pop("municipality")
    with pytest.raises(UserError, match=message):
        export(demo_ro, kind, municipality, output=target, **arguments)
    assert list(tmp_path.iterdir()) == []


def test_another_municipalitys_document_is_not_exported(
    demo_ro: Store, edge_store: Store, edge: Edge, demo_id: str, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="Nie znaleziono dokumentu"):
        export(edge_store, "plan", edge.municipality_id, record_id=demo_id, output=tmp_path / "x")


def test_a_municipality_without_documents_says_what_is_missing(
    store: Store, tmp_path: Path
) -> None:
    from app.model import Municipality
    from app.services import records

    records.create(store, Municipality, None, name="Gmina Nowa", kind="rural")
    for kind, message in (
        ("plan", "nie ma jeszcze planu"),
        ("hdr", "nie ma jeszcze harmonogramu"),
        ("visit", "nie ma jeszcze zapisanych wizyt"),
    ):
        with pytest.raises(UserError, match=message):
            export(store, kind, "Gmina Nowa", output=tmp_path / "x.pdf")
    path = export(store, "monitoring", "Gmina Nowa", output=tmp_path / "m.pdf")
    assert path.stat().st_size > 0


def test_bad_output_paths_are_refused(demo_ro: Store, demo_id: str, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="to folder"):
        export(demo_ro, "visit", demo_id, output=tmp_path)
    with pytest.raises(UserError, match="nie istnieje"):
        export(demo_ro, "visit", demo_id, output=tmp_path / "missing" / "v.pdf")


def test_a_password_protected_file_needs_its_password(
    demo_ro: Store, demo_id: str, tmp_path: Path
) -> None:
    path = export(demo_ro, "visit", demo_id, password="Tajne-2026", output=tmp_path / "v.pdf")
    reader = PdfReader(str(path))
    assert reader.is_encrypted
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert PdfReader(str(path)).decrypt("zle-haslo") == 0
    unlocked = PdfReader(str(path))
    assert unlocked.decrypt("Tajne-2026") == PasswordType.USER_PASSWORD
    assert "Protokół z wizyty doradczej" in unlocked.pages[0].extract_text()
    assert unlocked.outline  # the bookmarks survive the encryption


def test_passwords_use_aes_256_a_separate_owner_and_forbid_changes(
    demo_ro: Store, demo_id: str, tmp_path: Path
) -> None:
    path = export(
        demo_ro, "visit", demo_id, password="zażółć gęślą", owner_password="Właściciel-1",
        output=tmp_path / "v.pdf",
    )  # fmt: skip
    encryption = PdfReader(str(path)).trailer["/Encrypt"].get_object()
    assert (encryption["/V"], encryption["/R"]) == (5, 6)  # AES-256
    assert encryption["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    allowed = UserAccessPermissions(int(encryption["/P"]) & 0xFFFFFFFF)
    for granted in (UserAccessPermissions.PRINT, UserAccessPermissions.EXTRACT):
        assert granted in allowed
    for refused in (
        UserAccessPermissions.MODIFY,
        UserAccessPermissions.ADD_OR_MODIFY,
        UserAccessPermissions.ASSEMBLE_DOC,
        UserAccessPermissions.FILL_FORM_FIELDS,
    ):
        assert refused not in allowed
    # A Polish password opens it; the user password does not make one the owner.
    assert PdfReader(str(path)).decrypt("zażółć gęślą") == PasswordType.USER_PASSWORD
    assert PdfReader(str(path)).decrypt("Właściciel-1") == PasswordType.OWNER_PASSWORD


def test_without_an_owner_password_a_random_one_is_made(
    demo_ro: Store, demo_id: str, tmp_path: Path
) -> None:
    first = export(demo_ro, "visit", demo_id, password="sekret", output=tmp_path / "1.pdf")
    second = export(demo_ro, "visit", demo_id, password="sekret", output=tmp_path / "2.pdf")
    owner_keys = {
        str(PdfReader(str(path)).trailer["/Encrypt"].get_object()["/O"]) for path in (first, second)
    }
    assert len(owner_keys) == 2
    assert PdfReader(str(first)).decrypt("sekret") == PasswordType.USER_PASSWORD


@pytest.mark.parametrize(
    ("password", "owner", "message"),
    [
        ("a" * 61, None, "najwyżej 60 znaków"),
        ("tab\tulator", None, "znaków sterujących"),
        ("sekret", "sekret", "musi się różnić"),
        (None, "właściciel", "tylko razem z hasłem"),
    ],
)
def test_bad_passwords_are_refused_and_nothing_is_written(
    demo_ro: Store, demo_id: str, tmp_path: Path, password: str | None, owner: str | None,
    message: str,
) -> None:  # fmt: skip
    with pytest.raises(UserError, match=message):
        export(demo_ro, "visit", demo_id, password=password, owner_password=owner,
               output=tmp_path / "v.pdf")  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_the_written_file_has_ordinary_permissions(
    demo_ro: Store, demo_id: str, tmp_path: Path
) -> None:
    mask = os.umask(0o022)
    try:
        path = export(demo_ro, "visit", demo_id, password="x1", output=tmp_path / "v.pdf")
    finally:
        os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["v.pdf"]


def test_progress_rises_to_100_and_a_cancel_leaves_no_file(
    demo_ro: Store, demo_id: str, tmp_path: Path
) -> None:
    seen: list[int] = []
    export(
        demo_ro, "plan", demo_id, output=tmp_path / "p.pdf",
        progress=lambda percent, _message: seen.append(percent),
    )  # fmt: skip
    assert seen[-1] == 100 and seen == sorted(seen) and len(seen) > 10

    target = tmp_path / "keep.pdf"
    target.write_bytes(b"the previous export")
    calls: list[int] = []

    def cancel_soon() -> bool:
        calls.append(1)
        return len(calls) > 5

    with pytest.raises(ExportCancelled):
        export(demo_ro, "plan", demo_id, output=target, cancelled=cancel_soon)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.pdf", "p.pdf"]


def test_sections_can_be_left_out(
    demo_ro: Store, demo_id: str, tmp_path: Path, read_pdf: Read
) -> None:
    path = export(demo_ro, "plan", demo_id, sections={"swot", "budget"}, output=tmp_path / "p.pdf")
    pdf = read_pdf(path)
    assert pdf.contains("1. Analiza SWOT") and pdf.contains("2. Finansowanie")
    assert not pdf.contains("Wnioski z diagnozy")


def test_dates_and_file_names() -> None:
    assert parse_date(" 2026-11-21 ", "--to") == date(2026, 11, 21)
    with pytest.raises(UserError, match=r"Nieprawidłowa data „21\.11\.2026” w --from"):
        parse_date("21.11.2026", "--from")
    name = default_filename("visit", 'Gmina "A/B"', date(2026, 11, 21))
    assert name == "Protokół z wizyty doradczej – Gmina _A_B_ – 2026-11-21.pdf"
