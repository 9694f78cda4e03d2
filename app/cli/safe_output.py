"""What the command line prints passes through :func:`app.textnorm.printable`.

A municipality named with an escape sequence must not retitle the terminal,
and a lone surrogate must not crash the print: every line written to standard
output and standard error is cleaned on the way out.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from app.textnorm import printable


class SafeStream:
    """A text stream that writes only printable text into the stream it wraps."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def terminal() -> Iterator[None]:
    """Clean everything printed within the block."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
