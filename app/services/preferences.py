"""Preferences kept with the data: the name this installation signs exchange files with."""

from __future__ import annotations

from app.errors import UserError
from app.exchange.export import NAME_SETTING, installation
from app.i18n import _
from app.model.meta import Setting
from app.storage.store import Store

NAME_LIMIT = 200


def installation_name(store: Store) -> str:
    """The name other computers see in this installation's exchange files."""
    return installation(store).name


def set_installation_name(store: Store, name: str) -> str:
    """Store ``name`` (trimmed); an empty one is refused with a Polish message."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError(_("Podaj nazwę tej instalacji, np. „Urząd Gminy — wydział oświaty”."))
    if len(cleaned) > NAME_LIMIT:
        raise UserError(
            _("Nazwa instalacji może mieć najwyżej {limit} znaków.").format(limit=NAME_LIMIT)
        )
    with store.session() as session:
        row = session.get(Setting, NAME_SETTING)
        if row is None:
            session.add(Setting(key=NAME_SETTING, value=cleaned))
        else:
            row.value = cleaned
    return cleaned
