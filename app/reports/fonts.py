"""The report fonts: Noto Sans shipped in ``resources/fonts``, embedded in every PDF.

ReportLab's base-14 fonts and its bundled Vera have no ``ą ę ł ń ś ź ż``, so
every string of a report — text, table headers, chart labels, page numbers —
uses these faces. ReportLab embeds a subset of each TrueType font it uses.
"""

from __future__ import annotations

import io
import threading
from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "NotoSans"
REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"
BOLD_ITALIC = "NotoSans-BoldItalic"

_FILES = {
    REGULAR: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ITALIC: "NotoSans-Italic.ttf",
    BOLD_ITALIC: "NotoSans-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register() -> None:
    """Register the four faces and the family (bold/italic mapping) once per process.

    Safe to call from any thread: exports run off the GUI thread.
    """
    global _registered
    with _lock:
        if _registered:
            return
        folder = resources.files("resources") / "fonts"
        for name, filename in _FILES.items():
            # Read as bytes: an installed or frozen copy may not have a real file path.
            data = (folder / filename).read_bytes()
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
        for bold, italic, name in (
            (0, 0, REGULAR),
            (1, 0, BOLD),
            (0, 1, ITALIC),
            (1, 1, BOLD_ITALIC),
        ):
            addMapping(FAMILY, bold, italic, name)
        _registered = True


def string_width(text: str, size: float, font: str = REGULAR) -> float:
    """The width of ``text`` in points, set in ``font`` at ``size``."""
    register()
    return float(pdfmetrics.stringWidth(text, font, size))
