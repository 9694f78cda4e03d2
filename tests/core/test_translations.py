"""The English catalogue: complete, faithful to the placeholders, compiled, and used.

These run ``scripts/translations.py``'s ``check`` logic in-process, so a string
added to the code without an English translation fails here (fix: run the
script's ``extract``, ``update``, translate, ``compile``).
"""

from __future__ import annotations

import gettext
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message

from app import enums, i18n

ROOT = Path(__file__).resolve().parents[2]


def _load_script() -> ModuleType:
    name = "plan_oswiaty_translations_script"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


tools = _load_script()
PATHS = tools.Paths(ROOT)


@pytest.fixture(scope="module")
def source() -> Catalog:
    return tools.extract_catalog(ROOT)


@pytest.fixture(scope="module")
def english() -> Catalog:
    return tools.load_po(PATHS.po("en"), "en")


@pytest.fixture
def language() -> Iterator[None]:
    """Whatever a test switches to, the next test starts in Polish."""
    try:
        yield
    finally:
        i18n.set_language("pl")


def _ids(catalog: Catalog) -> list[str]:
    return [m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id]


# -- the catalogue ---------------------------------------------------------------------------


def test_extraction_finds_the_program_strings(source: Catalog) -> None:
    ids = set(_ids(source))
    assert len(ids) > 400
    # Plain _(), N_() module constants, i18n._() and names from the reference catalogues.
    assert {"Nazwa", "&Plik", "Zespół i szkoły", "Dane są uszkodzone", "szkoła podstawowa"} <= ids
    assert "education_head" not in ids  # a dictionary key inside _( … ) is not a message


def test_every_message_has_an_english_translation(source: Catalog, english: Catalog) -> None:
    missing = [
        message_id
        for message_id in _ids(source)
        if english.get(message_id) is None or not tools._translated(english.get(message_id))
    ]
    assert missing == []


def test_translations_keep_placeholders_accelerators_and_ellipses(
    source: Catalog, english: Catalog
) -> None:
    issues = {
        message_id: tools.text_issues(english[message_id])
        for message_id in _ids(source)
        if english.get(message_id) is not None
        and tools._translated(english[message_id])
        and tools.text_issues(english[message_id])
    }
    assert issues == {}


def test_the_whole_check_passes() -> None:
    """The script's own ``check``: complete, and the .mo is compiled from the current .po."""
    assert tools.check(PATHS) == []


def test_calls_inside_f_strings_are_extracted_too(tmp_path: Path) -> None:
    code = (
        "x = f\"<p>{escape(_('Brak.'))}</p>\"\n"
        "y = f\"{i18n._('Ludzie')}: {ngettext('osoba', 'osoby', n)} {_(name)} {other('nie')}\"\n"
    )
    assert tools.calls_inside_fstrings(code) == [
        (1, "Brak."),
        (2, "Ludzie"),
        (2, ("osoba", "osoby")),
    ]
    # The same through a whole (tiny) source tree, next to what Babel finds.
    for relative, _key in tools.DATA_MESSAGES:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes((ROOT / relative).read_bytes())
    (tmp_path / "ui").mkdir()
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "version.py").write_text('__version__ = "1.0"\n', encoding="utf-8")
    (tmp_path / "app" / "page.py").write_text(code + "z = _('Zwykły napis')\n", encoding="utf-8")
    ids = _ids(tools.extract_catalog(tmp_path))
    assert {"Brak.", "Ludzie", "osoba", "Zwykły napis", "szkoła podstawowa"} <= set(ids)
    assert "nie" not in ids


def test_the_detectors_see_what_they_must() -> None:
    good = Message("Pole „{label}” jest za długie: {length}", "“{label}” is too long: {length}")
    assert tools.text_issues(good) == []
    lost = Message("Zapisano o {time}", "Saved at {tiem}")
    assert tools.text_issues(lost) and "placeholders" in tools.text_issues(lost)[0]
    no_mnemonic = Message("&Plik", "File")
    assert tools.text_issues(no_mnemonic) == ["the keyboard accelerator (&) is missing or doubled"]
    no_dots = Message("Utwórz JST…", "Create a municipality")
    assert len(tools.text_issues(no_dots)) == 1
    assert tools.placeholders("{a} and {b!r:>4} and {{literal}}") == {"{a}", "{b!r:>4}"}
    assert tools.accelerators("Fish && &Chips") == 1


def test_the_compiled_catalogue_is_what_the_po_says(english: Catalog) -> None:
    assert PATHS.mo("en").read_bytes() == tools.render_mo(english)


# -- at run time -----------------------------------------------------------------------------


@pytest.mark.usefixtures("language")
def test_switching_language_switches_every_later_string() -> None:
    assert i18n.current_language() == "pl"
    assert i18n._("Nazwa") == "Nazwa"
    i18n.set_language("en")
    assert i18n.current_language() == "en"
    assert i18n._("Nazwa") == "Name"
    assert i18n._("&Plik") == "&File"
    assert i18n._("Zapisano o {time}").format(time="12:00") == "Saved at 12:00"
    assert i18n._("zł") == "PLN"
    assert i18n._("a string nobody translated") == "a string nobody translated"
    i18n.set_language("pl")
    assert i18n._("Nazwa") == "Nazwa"
    assert i18n._("&Plik") == "&Plik"


@pytest.mark.usefixtures("language")
def test_an_unknown_language_falls_back_to_polish() -> None:
    i18n.set_language("xx")
    assert i18n.current_language() == "pl"
    assert i18n._("Nazwa") == "Nazwa"


@pytest.mark.usefixtures("language")
def test_the_catalogue_is_read_through_importlib_resources() -> None:
    from importlib import resources

    mo = resources.files("resources") / "locale" / "en" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    assert mo.is_file()
    assert isinstance(i18n._load_catalog("en"), gettext.GNUTranslations)


@pytest.mark.usefixtures("language")
def test_enum_labels_come_out_in_english(english: Catalog) -> None:
    members = [
        member
        for cls in vars(enums).values()
        if isinstance(cls, type)
        and issubclass(cls, enums.LabelledEnum)
        and cls is not enums.LabelledEnum
        for member in cls
    ]
    assert len(members) > 30
    # A list, not a dict: StrEnum members of different enums with one value are equal.
    polish = [member.label for member in members]
    i18n.set_language("en")
    for member, label in zip(members, polish, strict=True):
        assert member.label == english[label].string, (type(member).__name__, member.value)
    assert enums.MunicipalityKind.CITY_COUNTY.label == "city with county status"
    assert enums.PlanStatus.DRAFT.label == "draft"
    assert enums.ActionStatus.IN_PROGRESS.label == "in progress"
    assert enums.IndicatorStatus.OFF_TRACK.label == "off track"
    assert enums.Direction.UP.choices()[0] == ("up", "increase to the target")
    i18n.set_language("pl")
    assert enums.PlanStatus.DRAFT.label == "projekt"
