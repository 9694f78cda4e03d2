"""Polish typesetting rules, applied to every paragraph of every document.

- No one-letter word (a, i, o, u, w, z — and their capitals) at a line's end:
  a no-break space joins it to the next word.
- A number is never separated from what follows it ("190 osób", "2028 r.",
  "24,6 mln zł") nor from an abbreviation before it ("nr 2", "pkt 3", "§ 4").

ReportLab never breaks a line at a no-break space, so the rules are kept by
replacing ordinary spaces in the paragraph's text (never inside its tags).
:class:`Paragraph` does it for every paragraph the documents build.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.platypus import Paragraph as _ReportLabParagraph

NBSP = "\u00a0"

_TAG = re.compile(r"(<[^>]*>)")
_ONE_LETTER = re.compile(r"(?<![\w&#;.,'\"/=-])([aiouwzAIOUWZ]) +(?=\S)")
_NUMBER_THEN_WORD = re.compile(r"(\d) +(?=[^\W\d_]|%|§)")
_ABBREVIATION_THEN = re.compile(
    r"(?<![\w.])(nr|Nr|pkt|ust\.|art\.|s\.|poz\.|str\.|§|mln|mld|tys\.|ok\.|godz\.|No\.|p\.) +"
    r"(?=[\d\w])"
)


def typeset(markup: str) -> str:
    """``markup`` with no-break spaces where Polish rules forbid a line break."""
    if " " not in markup:
        return markup
    parts = _TAG.split(markup)
    for index in range(0, len(parts), 2):  # even parts are text, odd ones tags
        text = parts[index]
        if " " in text:
            text = _ONE_LETTER.sub(r"\1" + NBSP, text)
            text = _ABBREVIATION_THEN.sub(r"\1" + NBSP, text)
            parts[index] = _NUMBER_THEN_WORD.sub(r"\1" + NBSP, text)
    return "".join(parts)


class Paragraph(_ReportLabParagraph):  # type: ignore[misc]  # ReportLab is untyped
    """ReportLab's paragraph, typeset by the Polish rules above."""

    def __init__(self, text: str | None, *args: Any, **kwargs: Any) -> None:
        # A split paragraph's halves are made from fragments, without text.
        super().__init__(typeset(text) if text else text, *args, **kwargs)
        self._wrapped_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The lines depend only on the width: a table measures, splits and draws its
        cells at the same width, and breaking them anew each time cost a third of a
        table-heavy document's layout."""
        if availWidth == self._wrapped_at and "blPara" in self.__dict__:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size
