"""A number with its noun in the right form: "1 osoba, 3 osoby, 12 osób".

Polish has three forms, the catalogues' plural entries two (singular and the
Polish genitive plural, "osób"), so the call site passes the entry through
:func:`app.i18n.ngettext` (which also translates it) and the Polish "few" form
("osoby") beside it; Babel's plural rules say when that form is the one.
"""

from __future__ import annotations

from babel import Locale

from app.i18n import current_language

_POLISH = Locale("pl")


def counted(count: int, translated: str, few: str) -> str:
    """``translated`` is ``ngettext(one, many, count)``; ``few`` the Polish 2–4 form."""
    if current_language() == "pl" and _POLISH.plural_form(count) == "few":
        return few.format(count=count)
    return translated.format(count=count)
