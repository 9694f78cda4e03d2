"""The command line for networks: list with ids, network and meeting PDFs, network files."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.demo_networks import _id, network_id
from app.exchange import format as fmt
from app.exchange import reader
from tests.core.cli.conftest import Run

NAME = "Grupa Wymiany Doświadczeń „Oświata w rozwoju”"


@pytest.fixture
def demo(cli: Run, data_dir: Path) -> Path:
    assert cli("--data-dir", str(data_dir), "demo").code == 0
    return data_dir


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_list_shows_networks_with_their_ids(cli: Run, demo: Path) -> None:
    outcome = cli("--data-dir", str(demo), "list")
    assert outcome.code == 0
    assert f"Sieć: {NAME}" in outcome.out
    assert f"id: {network_id()}" in outcome.out
    assert outcome.out.count("  spotkanie ") == 4


def test_export_network_by_name_without_diacritics(cli: Run, demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "siec.pdf"
    outcome = cli(
        "--data-dir", str(demo), "export", "network", "--network",
        "grupa wymiany doswiadczen „oswiata w rozwoju”", "-o", str(target),
    )  # fmt: skip
    assert outcome.code == 0, outcome.text
    text = _text(target)
    assert "Podsumowanie pracy sieci" in text
    assert "Powiat kutnowski" in text and "Obecność JST na spotkaniach" in text


def test_export_meeting_defaults_to_the_latest(cli: Run, demo: Path, tmp_path: Path) -> None:
    latest, chosen = tmp_path / "latest.pdf", tmp_path / "second.pdf"
    assert (
        cli(
            "--data-dir",
            str(demo),
            "export",
            "meeting",
            "--network",
            network_id(),
            "-o",
            str(latest),
        ).code
        == 0
    )
    assert (
        cli(
            "--data-dir",
            str(demo),
            "export",
            "meeting",
            "--network",
            network_id(),
            "--id",
            _id("meeting", "m2"),
            "-o",
            str(chosen),
        ).code
        == 0
    )
    assert "Dobre praktyki rozwijania kompetencji" in _text(latest)
    second = _text(chosen)
    assert "Sprawozdanie ze spotkania Grupy Wymiany Doświadczeń" in second
    assert "Lista obecności" in second and "22–23 stycznia 2026" in second
    assert "12 osób z 6 JST" in second


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "meeting"], "Podaj sieć"),
        (["export", "meeting", "--network", "Nieznana"], "Nie ma sieci"),
        (["export", "meeting", "--network", NAME, "--id", "x"], "nie ma spotkania"),
        (["export", "network", "--network", NAME, "--id", "x"], "nie podawaj --id"),
        (["export", "network", "--network", NAME, "--from", "2026-01-01"], "nie przyjmują"),
        (["export", "plan"], "Podaj JST"),
        (["package", "export", "--network", NAME, "--since", "2026-01-01"], "w całości"),
    ],
)
def test_bad_network_requests_say_why(
    cli: Run, demo: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    target = tmp_path / "out.pdf"
    outcome = cli("--data-dir", str(demo), *args, "-o", str(target))
    assert outcome.code != 0
    assert message in outcome.err
    assert not target.exists()


def test_package_export_network_writes_a_network_file(cli: Run, demo: Path, tmp_path: Path) -> None:
    outcome = cli(
        "--data-dir", str(demo), "package", "export", "--network", NAME, "-o", str(tmp_path / "gwd")
    )
    assert outcome.code == 0, outcome.text
    package = reader.read_package(tmp_path / ("gwd" + fmt.EXTENSION))
    assert package.manifest.is_network
    assert set(package.records) == set(fmt.NETWORK_TABLES)
    assert len(package.records["network_member"]) == 6

    other = tmp_path / "other"
    assert (
        cli(
            "--data-dir", str(other), "package", "import", str(tmp_path / ("gwd" + fmt.EXTENSION))
        ).code
        == 0
    )
    assert f"id: {network_id()}" in cli("--data-dir", str(other), "list").out


def test_search_finds_good_practices_without_diacritics(cli_process: Run, demo: Path) -> None:
    # A process of its own: the search imports the network modules first, on their own.
    outcome = cli_process("--data-dir", str(demo), "search", "piknik naukowy")
    assert outcome.code == 0, outcome.text
    assert "[dobra praktyka] Piknik Naukowy" in outcome.out
    person = cli_process("--data-dir", str(demo), "search", "wroblewska")
    assert "[osoba] dr Ewa Wróblewska" in person.out
