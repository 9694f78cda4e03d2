"""The seeded funding sources, their stable ids, and matching a free-text source to one.

Pure Python (no database), because migration 0004 uses it too: the catalogue a
migrated file gets and the one a new municipality gets must have the same ids on
every laptop, or the two would duplicate each other after an exchange. Change
nothing here without keeping what existing files already hold.
"""

from __future__ import annotations

import re
import uuid

from app.i18n import N_

# A fixed namespace: ids derived from it are the same on every installation.
NAMESPACE = uuid.UUID("5b0e7c1e-3d5f-4a8e-9c61-7f3d2a0b9e13")

OTHER = "other"

# (code, name) in the catalogue's order; the names are data once seeded (editable).
SEED: tuple[tuple[str, str], ...] = (
    ("jst", N_("budżet JST")),
    ("subvention", N_("część oświatowa subwencji ogólnej")),
    ("targeted_grant", N_("dotacja celowa")),
    ("efs", N_("EFS+ / FERS")),
    ("regional", N_("programy regionalne (FE…)")),
    ("government", N_("Rządowy Fundusz / programy rządowe")),
    ("schools", N_("środki szkół")),
    ("partners", N_("partnerzy")),
    (OTHER, N_("inne")),
)

_I = re.IGNORECASE
# What a free-text source names; every rule that fits counts (two sources → "other").
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("subvention", re.compile(r"subwencj", _I)),
    ("targeted_grant", re.compile(r"dotacj", _I)),
    (
        "efs",
        re.compile(
            r"\bEFS|\bFERS\b|europejski fundusz społeczny|fundusze europejskie dla rozwoju społ",
            _I,
        ),
    ),
    # A regional programme's acronym is capitals: FEW, FEdS, FEPZ, FEWiM (not FERS).
    (
        "regional",
        re.compile(
            r"\bFE(?!RS\b)[A-Za-zŁŚŻŹ]{1,4}\b|\bRPO\b|[Rr]egionaln"
            r"|[Ff]undusze [Ee]uropejskie dla (?!([Rr]ozwoju [Ss]połecznego))"
        ),
    ),
    ("government", re.compile(r"rządow|\bRFRD\b|\bKPO\b|narodow\w+ program", _I)),
    ("schools", re.compile(r"środki (własne )?szk|budżet\w* szk", _I)),
    ("partners", re.compile(r"\bpartner(zy|ów|om|ami)?\b|sponsor", _I)),
    (
        "jst",
        re.compile(
            r"budżet\w* (gminy|miasta|powiatu|jst|samorządu|własn)|środki własne(?! szk)|\bJST\b",
            _I,
        ),
    ),
)


def seed_id(municipality_id: str, code: str) -> str:
    """The id of the seeded source ``code`` in the catalogue of ``municipality_id``."""
    return str(uuid.uuid5(NAMESPACE, f"funding-source:{municipality_id}:{code}"))


def legacy_row_id(action_id: str) -> str:
    """The id of the financing row made from an action's old budget and source text."""
    return str(uuid.uuid5(NAMESPACE, f"legacy-funding:{action_id}"))


def match_source(text: str | None) -> str:
    """The code of the one seeded source ``text`` names; "other" for none or several."""
    if not text or not text.strip():
        return OTHER
    found = {code for code, pattern in _RULES if pattern.search(text)}
    return found.pop() if len(found) == 1 else OTHER
