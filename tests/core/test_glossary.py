"""One English term per concept: the glossary in the catalogue's folder is kept by every entry."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "resources" / "locale" / "en"
GLOSSARY = json.loads((LOCALE / "glossary.json").read_text(encoding="utf-8"))["terms"]


def _entries() -> list[tuple[str, str]]:
    with (LOCALE / "LC_MESSAGES" / "plan_oswiaty.po").open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        found += [(source, text) for source in ids for text in texts if text]
    return found


@pytest.mark.parametrize("term", GLOSSARY, ids=lambda term: term["polish"])
def test_every_translation_keeps_the_glossary(term: dict[str, object]) -> None:
    stem = re.compile(r"\b" + re.escape(str(term["polish"])), re.IGNORECASE)
    english = str(term["english"]).casefold()
    avoided = [str(word) for word in term["avoid"]]  # type: ignore[attr-defined]
    broken = []
    for source, text in _entries():
        source, text = source.replace("&", ""), text.replace("&", "")
        if not stem.search(source):
            continue
        if english and english not in text.casefold():
            broken.append(f"{source!r} → {text!r}: say “{term['english']}”")
        broken += [f"{source!r} → {text!r}: not “{word}”" for word in avoided if word in text]
    assert broken == []
