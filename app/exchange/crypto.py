"""An optional passphrase: AES-256-GCM with a key derived by scrypt.

Exchange files travel on USB sticks and by e-mail and hold personal data
(names, phone numbers, notes about people). The construction is standard and
comes from PyCA ``cryptography``:

- **scrypt** (RFC 7914), N = 2^17, r = 8, p = 1, a 16-byte random salt: about
  0.4 s and 128 MiB per guess, which makes guessing on GPUs far costlier than
  PBKDF2 at the same wait for the user (it is memory-hard);
- **AES-256-GCM** with a random 96-bit nonce: authenticated, so a wrong
  passphrase and a damaged file are both caught before anything is read. The
  small public manifest is bound to the ciphertext as associated data.

The parameters are written in the file; reading accepts only a bounded range,
so a crafted file cannot make us allocate gigabytes.
"""

from __future__ import annotations

import base64
import json
import os
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import UserError
from app.exchange import format as fmt
from app.i18n import _
from app.version import __version__

CIPHER = "AES-256-GCM"
KDF = "scrypt"
SCRYPT_N = 2**17  # tests lower it for speed; files keep the value they were written with
SCRYPT_R = 8
SCRYPT_P = 1
MIN_N, MAX_N = 2**14, 2**18
MAX_PASSPHRASE = 1024
# Setting a passphrase (window and command line alike) needs at least this many characters.
MIN_PASSPHRASE = 8


class PassphraseNeeded(UserError):
    """The file is encrypted and no passphrase was given (the UI asks for one)."""


class WrongPassphrase(UserError):
    """The passphrase does not open the file (or the file was damaged)."""


@dataclass(frozen=True)
class Sealed:
    manifest: bytes
    payload: bytes


def encrypt(plain: bytes, passphrase: str) -> Sealed:
    _check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    manifest = json.dumps(
        {
            "format": fmt.FORMAT_NAME,
            "format_version": fmt.FORMAT_VERSION,
            "program_version": __version__,
            "encrypted": {
                "cipher": CIPHER,
                "kdf": KDF,
                "n": SCRYPT_N,
                "r": SCRYPT_R,
                "p": SCRYPT_P,
                "salt": _b64(salt),
                "nonce": _b64(nonce),
            },
        },
        indent=1,
    ).encode("utf-8")
    key = _derive(normalize(passphrase), salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return Sealed(manifest, AESGCM(key).encrypt(nonce, plain, manifest))


def decrypt(manifest: bytes, document: dict[str, Any], payload: bytes, passphrase: str) -> bytes:
    """The plain file inside ``payload``; ``document`` is ``manifest`` already parsed."""
    params = _params(document.get("encrypted"))
    if not passphrase:
        raise PassphraseNeeded(
            _("Ten plik wymiany jest zabezpieczony hasłem. Podaj hasło, aby go otworzyć.")
        )
    _check_passphrase(passphrase)
    # NFC first (how passphrases are set now), then as typed (files sealed before that).
    for candidate in dict.fromkeys((normalize(passphrase), passphrase)):
        key = _derive(candidate, params["salt"], params["n"], params["r"], params["p"])
        try:
            return AESGCM(key).decrypt(params["nonce"], payload, manifest)
        except InvalidTag:
            continue
    raise WrongPassphrase(
        _(
            "Nie można odszyfrować pliku: hasło jest nieprawidłowe albo plik został "
            "uszkodzony. Dane pozostały bez zmian."
        )
    )


def is_encrypted(document: dict[str, Any]) -> bool:
    return document.get("encrypted") not in (None, False)


def _params(value: Any) -> dict[str, Any]:
    try:
        if not isinstance(value, dict) or value["cipher"] != CIPHER or value["kdf"] != KDF:
            raise ValueError("cipher")
        n, r, p = value["n"], value["r"], value["p"]
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (n, r, p)):
            raise ValueError("params")
        if not (MIN_N <= n <= MAX_N and n & (n - 1) == 0 and r == SCRYPT_R and p == SCRYPT_P):
            raise ValueError("params")
        salt = _unb64(value["salt"], 16)
        nonce = _unb64(value["nonce"], 12)
    except (KeyError, TypeError, ValueError):
        raise fmt.corrupt(_("niepoprawne parametry szyfrowania")) from None
    return {"n": n, "r": r, "p": p, "salt": salt, "nonce": nonce}


def normalize(passphrase: str) -> str:
    """NFC: "ż" typed as one character or as "z" + combining dot is the same passphrase."""
    return unicodedata.normalize("NFC", passphrase)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) > MAX_PASSPHRASE:
        raise UserError(
            _("Hasło jest za długie (najwyżej {limit} znaków).").format(limit=MAX_PASSPHRASE)
        )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, length: int) -> bytes:
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError("base64")
    data = base64.b64decode(value, validate=True)
    if len(data) != length:
        raise ValueError("length")
    return data
