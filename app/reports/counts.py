"""A number with its noun in the right form: "1 osoba, 3 osoby, 12 osób".

Polish has three forms (Babel's plural rules say which); the English catalogue
has two, so the Polish "few" form is given only here, and the catalogue holds
the "one" and "many" forms as an ordinary plural entry.
"""

from __future__ import annotations

from babel import Locale

from app.i18n import current_language, ngettext

_POLISH = Locale("pl")


def counted(count: int, one: str, few: str, many: str) -> str:
    """``one``/``few``/``many`` are Polish templates with ``{count}``."""
    if current_language() == "pl":
        form = _POLISH.plural_form(count)
        template = {"one": one, "few": few}.get(form, many)
        return template.format(count=count)
    return ngettext(one, many, count).format(count=count)
