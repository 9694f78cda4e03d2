"""One translation mechanism for every string the project shows.

Source strings are Polish (the program speaks Polish first); other languages are
gettext catalogues compiled with Babel into ``resources/locale``. The core and
the Qt interface both call :func:`_`; Qt's own dialogs get Qt's catalogues.
"""

from __future__ import annotations

import gettext
from importlib import resources

DOMAIN = "plan_oswiaty"
SOURCE_LANGUAGE = "pl"
LANGUAGES = {"pl": "Polski", "en": "English"}

_state: dict[str, object] = {"language": SOURCE_LANGUAGE, "catalog": gettext.NullTranslations()}


def _load_catalog(language: str) -> gettext.NullTranslations:
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    path = resources.files("resources") / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except (FileNotFoundError, OSError):
        return gettext.NullTranslations()


def set_language(language: str) -> None:
    """Switch every later :func:`_` call to ``language`` (``pl`` or ``en``)."""
    if language not in LANGUAGES:
        language = SOURCE_LANGUAGE
    _state["language"] = language
    _state["catalog"] = _load_catalog(language)


def current_language() -> str:
    return str(_state["language"])


def _(message: str) -> str:
    """Translate ``message`` (Polish source text) into the current language."""
    catalog = _state["catalog"]
    assert isinstance(catalog, gettext.NullTranslations)
    return catalog.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Plural-aware translation; Polish has three forms, handled by the catalogue."""
    catalog = _state["catalog"]
    assert isinstance(catalog, gettext.NullTranslations)
    return catalog.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it yet (module constants)."""
    return message
