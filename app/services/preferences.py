"""Preferences kept with the data: the name this installation signs exchange files with,
and how many backups of each kind are kept."""

from __future__ import annotations

from app.errors import UserError
from app.exchange.export import NAME_SETTING, installation
from app.i18n import _
from app.model.meta import Setting
from app.storage.backups import KEEP_LIMITS, KEEP_SETTING, kept_count
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
    _store_setting(store, NAME_SETTING, cleaned)
    return cleaned


def backup_count(store: Store) -> int:
    """How many backups of each kind (start, manual, before an import…) are kept."""
    return kept_count(store.paths.database)


def set_backup_count(store: Store, count: int) -> int:
    """Keep ``count`` backups of each kind from now on; out of range is refused in Polish."""
    low, high = KEEP_LIMITS
    if not low <= count <= high:
        raise UserError(
            _("Liczba kopii zapasowych musi wynosić od {low} do {high}.").format(
                low=low, high=high
            ),
            field="backups",
        )
    _store_setting(store, KEEP_SETTING, str(count))
    return count


def _store_setting(store: Store, key: str, value: str) -> None:
    with store.session() as session:
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
