"""Text folding for search: case and Polish diacritics, ``Łódź`` → ``lodz``.

SQLite folds case and diacritics only for ASCII, and Unicode decomposition leaves
``ł`` alone (it has no combining mark), so the folding is done here, in Python,
both for what is indexed and for what is searched.
"""

from __future__ import annotations

import unicodedata

_SPECIAL = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o"})


def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics, including the Polish ``ł``.

    The letters without a decomposition are replaced last, since decomposing can
    produce them (``Ǿ`` → ``Ø`` + acute), so that folding twice changes nothing.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().translate(_SPECIAL)
