"""Passphrases of exchange files and PDF passwords, read without showing them to ``ps``.

One way for every command: a file (``--passphrase-file``/``--password-file``, its
first line), an environment variable, or a prompt that does not echo (asked twice
when a secret is being set). A value given on the command line still works but is
warned about: other users of the computer can read it in the process list. A
secret that is being set needs as many characters as the window asks for, and
every secret is normalised to NFC.
"""

from __future__ import annotations

import getpass
import os
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.i18n import N_, _

# ``--passphrase`` / ``--password`` without a value: ask for it.
ASK = "\0ask"
MIN_LENGTH = 8  # the window's minimum (app.exchange.crypto.MIN_PASSPHRASE)
MAX_FILE_BYTES = 4096


@dataclass(frozen=True)
class Secret:
    """How one command names its secret: options, environment variable, words."""

    option: str  # "--passphrase"
    file_option: str  # "--passphrase-file"
    env: str  # "PLAN_OSWIATY_PASSPHRASE"
    noun: str  # N_("hasło pliku wymiany")


PASSPHRASE = Secret(
    "--passphrase", "--passphrase-file", "PLAN_OSWIATY_PASSPHRASE", N_("hasło pliku wymiany")
)
PDF_PASSWORD = Secret(
    "--password", "--password-file", "PLAN_OSWIATY_PDF_PASSWORD", N_("hasło dokumentu PDF")
)


def add_options(parser: Any, secret: Secret, *, setting: bool, help_text: str) -> None:
    """``--passphrase [HASŁO]`` (no value: ask) and ``--passphrase-file PLIK``."""
    value = {"nargs": "?", "const": ASK} if setting else {}
    parser.add_argument(
        secret.option,
        metavar=_("HASŁO"),
        help=help_text
        + " "
        + _(
            "(bez wartości: program zapyta; wartość podana tu jest widoczna dla innych "
            "użytkowników komputera — lepiej {file_option} albo zmienna {env})"
        ).format(file_option=secret.file_option, env=secret.env),
        **value,
    )
    parser.add_argument(
        secret.file_option,
        metavar=_("PLIK"),
        help=_("odczytaj hasło z pierwszego wiersza tego pliku"),
    )


def read(
    secret: Secret, given: str | None, file: str | None, *, setting: bool, ask: bool = False
) -> str | None:
    """The secret, or None when none was asked for.

    ``setting``: a new secret (checked for length, asked twice). ``ask``: prompt
    even when no option was given (an encrypted file being opened).
    """
    value = _source(secret, given, file, setting=setting, ask=ask)
    if value is None:
        return None
    value = unicodedata.normalize("NFC", value)
    if not value:
        raise UserError(_("Hasło nie może być puste."), field="password")
    if setting and len(value) < MIN_LENGTH:
        raise UserError(
            _("Hasło musi mieć co najmniej {count} znaków.").format(count=MIN_LENGTH),
            field="password",
        )
    return value


def _source(
    secret: Secret, given: str | None, file: str | None, *, setting: bool, ask: bool
) -> str | None:
    if file is not None:
        return _from_file(Path(file).expanduser())
    if given is not None and given != ASK:
        warn(
            _(
                "Uwaga: hasło podane w wierszu poleceń widzą inni użytkownicy komputera "
                "(lista procesów). Użyj {file_option}, zmiennej {env} albo pytania o hasło."
            ).format(file_option=secret.file_option, env=secret.env)
        )
        return given
    from_env = os.environ.get(secret.env)
    if from_env and given != ASK:
        return from_env
    if given == ASK or ask:
        return prompt(secret, setting=setting)
    return None


def _from_file(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UserError(
            _("Nie można odczytać pliku z hasłem {path}: {error}").format(
                path=path, error=error.strerror or error
            )
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise UserError(_("Plik z hasłem {path} jest za duży.").format(path=path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(
            _("Plik z hasłem {path} nie jest tekstem w UTF-8.").format(path=path)
        ) from None
    lines = text.splitlines()
    return lines[0] if lines else ""


def prompt(secret: Secret, *, setting: bool) -> str:
    """Ask without echo (twice when setting); refuse when no one can answer."""
    if not can_prompt():
        raise UserError(
            _("Potrzebne jest {noun}, a nie ma kogo zapytać.").format(noun=_(secret.noun))
            + " "
            + where_to_give(secret)
        )
    try:
        first = getpass.getpass(_("Podaj {noun}: ").format(noun=_(secret.noun)))
        if not setting:
            return first
        second = getpass.getpass(_("Powtórz {noun}: ").format(noun=_(secret.noun)))
    except EOFError:
        raise UserError(_("Nie podano hasła.")) from None
    if unicodedata.normalize("NFC", first) != unicodedata.normalize("NFC", second):
        raise UserError(_("Hasła się różnią — nic nie zapisano."), field="password")
    return first


def can_prompt() -> bool:
    return bool(sys.stdin) and sys.stdin.isatty()


def where_to_give(secret: Secret) -> str:
    return _("Podaj je w pliku ({file_option}) albo w zmiennej {env}.").format(
        file_option=secret.file_option, env=secret.env
    )


def warn(message: str) -> None:
    print(f"plan-oswiaty: {message}", file=sys.stderr)
