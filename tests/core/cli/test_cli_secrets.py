"""Passphrases and PDF passwords on the command line (issue 11, point 10).

Read from a file, an environment variable or a prompt (never only from ``ps``),
at least as long as the window asks, and normalised to NFC.
"""

from __future__ import annotations

import getpass
import io
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli import secrets
from app.exchange import crypto, reader

Run = Callable[..., Any]
NFC = unicodedata.normalize("NFC", "zażółć-gęślą")
NFD = unicodedata.normalize("NFD", NFC)


pytestmark = pytest.mark.usefixtures("quick_scrypt")


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for secret in (secrets.PASSPHRASE, secrets.PDF_PASSWORD):
        monkeypatch.delenv(secret.env, raising=False)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Answers for the prompt, in order; the prompt texts are collected as asked."""
    answers: list[str] = []
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": answers.pop(0))
    yield answers
    assert not answers, "every answer was asked for"


def export(cli: Run, data_dir: Path, target: Path, *extra: str) -> Any:
    return cli(
        "--data-dir", str(data_dir), "package", "export", "--municipality", "Łąka",
        "-o", str(target), *extra,
    )  # fmt: skip


def opens_with(path: Path, passphrase: str) -> bool:
    try:
        reader.read_package(path, passphrase)
    except crypto.WrongPassphrase:
        return False
    return True


def test_the_minimum_is_the_windows(no_env: None) -> None:
    assert secrets.MIN_LENGTH == crypto.MIN_PASSPHRASE == 8


def test_passphrase_from_a_file_is_nfc_and_opens_either_way(
    cli: Run, filled: Path, tmp_path: Path, no_env: None
) -> None:
    secret = tmp_path / "haslo.txt"
    secret.write_text(NFD + "\n", encoding="utf-8")
    target = tmp_path / "gmina.planoswiaty"
    outcome = export(cli, filled, target, "--passphrase-file", str(secret))
    assert outcome.code == 0 and outcome.err == "", outcome.text
    assert "zaszyfrowany" in outcome.out
    assert opens_with(target, NFC) and opens_with(target, NFD)
    assert not opens_with(target, "zazolc-gesla")


@pytest.mark.parametrize("source", ["option", "file", "env", "prompt"])
def test_a_short_passphrase_is_refused_everywhere(
    cli: Run,
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    typed: list[str],
    no_env: None,
    source: str,
) -> None:
    target = tmp_path / "gmina.planoswiaty"
    short = "abc"
    if source == "option":
        extra = ["--passphrase", short]
    elif source == "file":
        (tmp_path / "p").write_text(short, encoding="utf-8")
        extra = ["--passphrase-file", str(tmp_path / "p")]
    elif source == "env":
        monkeypatch.setenv(secrets.PASSPHRASE.env, short)
        extra = []
    else:
        typed.extend([short, short])
        extra = ["--passphrase"]
    outcome = export(cli, filled, target, *extra)
    assert outcome.code == 1
    assert outcome.err.splitlines()[-1].startswith("plan-oswiaty: Hasło musi mieć co najmniej 8")
    assert not target.exists()


def test_a_passphrase_on_the_command_line_works_but_is_warned_about(
    cli: Run, filled: Path, tmp_path: Path, no_env: None
) -> None:
    target = tmp_path / "gmina.planoswiaty"
    outcome = export(cli, filled, target, "--passphrase", "długie hasło")
    assert outcome.code == 0
    assert "widzą inni użytkownicy" in outcome.err
    assert opens_with(target, "długie hasło")


def test_passphrase_from_the_environment(
    cli: Run, filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(secrets.PASSPHRASE.env, "z-otoczenia")
    target = tmp_path / "gmina.planoswiaty"
    outcome = export(cli, filled, target)
    assert outcome.code == 0 and outcome.err == ""
    assert opens_with(target, "z-otoczenia")


def test_the_prompt_asks_twice_and_refuses_a_mismatch(
    cli: Run, filled: Path, tmp_path: Path, typed: list[str], no_env: None
) -> None:
    target = tmp_path / "gmina.planoswiaty"
    typed.extend(["pierwsze-hasło", "drugie-hasło"])
    outcome = export(cli, filled, target, "--passphrase")
    assert outcome.code == 1 and "Hasła się różnią" in outcome.err
    assert not target.exists()

    typed.extend(["dobre-hasło", "dobre-hasło"])
    assert export(cli, filled, target, "--passphrase").code == 0
    assert opens_with(target, "dobre-hasło")


def test_import_asks_for_the_passphrase_of_an_encrypted_file(
    cli: Run, filled: Path, tmp_path: Path, typed: list[str], no_env: None
) -> None:
    target = tmp_path / "gmina.planoswiaty"
    (tmp_path / "p").write_text("dobre-hasło", encoding="utf-8")
    assert export(cli, filled, target, "--passphrase-file", str(tmp_path / "p")).code == 0
    typed.append(unicodedata.normalize("NFD", "dobre-hasło"))
    outcome = cli("--data-dir", str(filled), "package", "import", str(target), "--dry-run")
    assert outcome.code == 0, outcome.text


def test_import_without_a_terminal_says_where_to_give_the_passphrase(
    cli: Run, filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_env: None
) -> None:
    target = tmp_path / "gmina.planoswiaty"
    (tmp_path / "p").write_text("dobre-hasło", encoding="utf-8")
    assert export(cli, filled, target, "--passphrase-file", str(tmp_path / "p")).code == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    outcome = cli("--data-dir", str(filled), "package", "import", str(target), "--dry-run")
    assert outcome.code == 1
    assert "--passphrase-file" in outcome.err and secrets.PASSPHRASE.env in outcome.err
    monkeypatch.setenv(secrets.PASSPHRASE.env, "dobre-hasło")
    outcome = cli("--data-dir", str(filled), "package", "import", str(target), "--dry-run")
    assert outcome.code == 0, outcome.text
