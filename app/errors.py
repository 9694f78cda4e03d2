"""The one error type the core raises for anything a user can cause or fix."""

from __future__ import annotations


class UserError(Exception):
    """A problem explained in words fit for a user (already translated).

    ``field`` names the input at fault, so a form can show the message next to it.
    The message may quote what a user or a file wrote: control characters and
    lone surrogates are taken out, so it is safe to print and to show.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        from app.textnorm import printable

        message = printable(message)
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message
