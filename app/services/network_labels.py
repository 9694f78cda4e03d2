"""How the exchange preview and search name the records of networks and people."""

from __future__ import annotations

from app.i18n import N_

NETWORK_TYPE_LABELS: dict[str, str] = {
    "network": N_("sieć JST"),
    "network_member": N_("członek sieci"),
    "good_practice": N_("dobra praktyka"),
    "network_meeting": N_("spotkanie sieci"),
    "meeting_item": N_("punkt programu spotkania"),
    "meeting_step": N_("ustalony krok"),
    "training_module": N_("moduł szkolenia"),
    "training_session": N_("zajęcia szkoleniowe"),
    "network_participant": N_("uczestnik"),
    "person": N_("osoba"),
    "person_link": N_("rola osoby w JST"),
    "consultation": N_("konsultacja zdalna"),
}
NETWORK_TITLE_FIELDS: dict[str, tuple[str, ...]] = {
    "network": ("name",),
    "network_member": ("name",),
    "good_practice": ("title",),
    "network_meeting": ("topic",),
    "meeting_item": ("title",),
    "meeting_step": ("text",),
    "training_module": ("title",),
    "training_session": ("place",),
    "network_participant": ("name",),
    "person": ("name",),
    "consultation": ("topic",),
}
