"""Passwords on a written PDF: AES-256, a separate owner password, limited permissions.

ReportLab's own handler knows only RC4, so the finished file is encrypted by
pypdf (AES-256 through the ``cryptography`` library). Whoever knows the password
(the *user* password) may open, print and copy from the document; changing it
needs the *owner* password, random unless one is given, so that nobody holding
the handout can remove the protection or edit it unnoticed.
"""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfWriter
from pypdf.constants import UserAccessPermissions as Allow

from app.errors import UserError
from app.i18n import _

# AES-256 (revision 6) reads at most 127 bytes of UTF-8; 60 characters stay under
# that even when every one is a Polish letter.
MAX_PASSWORD = 60

# Printing (also at full quality) and copying text stay allowed; changing the
# document, its annotations, forms and pages does not.
PERMISSIONS = (
    Allow.PRINT | Allow.PRINT_TO_REPRESENTATION | Allow.EXTRACT | Allow.EXTRACT_TEXT_AND_GRAPHICS
)


@dataclass(frozen=True)
class Protection:
    """The passwords of a document: ``user`` opens it, ``owner`` may change it."""

    user: str
    owner: str


def check_password(password: str | None, *, field: str = "password") -> str | None:
    """The password to encrypt with (``None``: no encryption), or a UserError saying why not."""
    if password is None or password == "":
        return None
    # AES-256 passwords are normalised (SASLprep) by every reader; do the same here.
    password = unicodedata.normalize("NFKC", password)
    if any(unicodedata.category(char).startswith("C") for char in password):
        raise UserError(
            _("Hasło nie może zawierać znaków sterujących (np. tabulatora)."), field=field
        )
    if len(password) > MAX_PASSWORD:
        raise UserError(
            _("Hasło może mieć najwyżej {count} znaków.").format(count=MAX_PASSWORD), field=field
        )
    return password


def protection(password: str | None, owner_password: str | None = None) -> Protection | None:
    """Checked passwords, the owner's random unless given; ``None`` without a password."""
    user = check_password(password)
    owner = check_password(owner_password, field="owner_password")
    if user is None:
        if owner is not None:
            raise UserError(
                _("Hasło właściciela ma sens tylko razem z hasłem do otwarcia pliku."),
                field="owner_password",
            )
        return None
    if owner == user:
        raise UserError(
            _("Hasło właściciela musi się różnić od hasła do otwarcia pliku."),
            field="owner_password",
        )
    return Protection(user, owner or secrets.token_urlsafe(24))


def encrypt(path: Path, target: Path, protected: Protection) -> None:
    """Write ``path`` encrypted with AES-256 to ``target`` (a different file)."""
    writer = PdfWriter(clone_from=str(path))
    writer.encrypt(
        user_password=protected.user,
        owner_password=protected.owner,
        permissions_flag=PERMISSIONS,
        algorithm="AES-256",
    )
    with open(target, "wb") as handle:
        writer.write(handle)
