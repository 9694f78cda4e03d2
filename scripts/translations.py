"""Keep the English translation in step with the Polish source strings.

Usage (from the repository root, with the project's virtual environment)::

    python scripts/translations.py extract   # app/, ui/ → resources/locale/plan_oswiaty.pot
    python scripts/translations.py update    # .pot → en/LC_MESSAGES/plan_oswiaty.po (keeps work)
    python scripts/translations.py compile   # .po → .mo next to it (what the program reads)
    python scripts/translations.py check     # exit 1 if anything is untranslated or stale

The usual round after changing strings in the code: ``extract``, ``update``,
translate the new (empty) entries in the ``.po``, ``compile``, ``check``.

Source strings are Polish and are found by the keywords ``_``, ``N_`` and
``ngettext`` (singular and plural), also inside f-strings (which Babel cannot
see before Python 3.12). The names in the reference catalogues that
the interface shows (school types, key competences, the 12 HDR areas) are extracted
too, so the program can show them through ``_()``.

Only Babel's Python API is used, so no ``pybabel`` executable is needed.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import re
import string
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = "plan_oswiaty"
LANGUAGES = ("en",)
SOURCE_DIRS = ("app", "ui")
SKIP_PARTS = ("__pycache__", "migrations")
KEYWORDS: dict[str, tuple[int, ...] | None] = {"_": None, "N_": None, "ngettext": (1, 2)}
COMMENT_TAGS = ("Translators:",)
# Reference catalogues whose names the interface shows: (file, key of the shown name).
DATA_MESSAGES: tuple[tuple[str, str], ...] = (
    ("resources/catalogs/school_types.json", "name"),
    ("resources/catalogs/key_competences.json", "name_2018"),
    ("resources/catalogs/areas.json", "name"),
    ("resources/catalogs/areas.json", "description"),
)
PROJECT = "Plan Oświaty"
POT_HEADER = (
    "# Messages of Plan Oświaty (Polish source text), made by scripts/translations.py.\n"
    "# This file is distributed under the same license as the project (MIT).\n#"
)
PO_HEADER = (
    "# Plan Oświaty: translation of the interface.\n"
    "# This file is distributed under the same license as the project (MIT).\n#"
)
WIDTH = 76

MessageId = str | tuple[str, ...]


@dataclass(frozen=True)
class Paths:
    root: Path

    @property
    def locale(self) -> Path:
        return self.root / "resources" / "locale"

    @property
    def pot(self) -> Path:
        return self.locale / f"{DOMAIN}.pot"

    def po(self, language: str) -> Path:
        return self.locale / language / "LC_MESSAGES" / f"{DOMAIN}.po"

    def mo(self, language: str) -> Path:
        return self.po(language).with_suffix(".mo")


# -- extraction -----------------------------------------------------------------------


def source_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for folder in SOURCE_DIRS:
        for path in sorted((root / folder).rglob("*.py")):
            if not any(part in SKIP_PARTS for part in path.relative_to(root).parts):
                files.append(path)
    return files


def _extracted(root: Path) -> Iterator[tuple[str, int, MessageId, list[str]]]:
    for path in source_files(root):
        relative = path.relative_to(root).as_posix()
        for lineno, message, comments, _context in extract_from_file(
            "python", path, keywords=KEYWORDS, comment_tags=COMMENT_TAGS, strip_comment_tags=True
        ):
            yield relative, lineno, message, list(comments)
        for lineno, message in calls_inside_fstrings(path.read_text(encoding="utf-8")):
            yield relative, lineno, message, []
    for relative, key in DATA_MESSAGES:
        entries = json.loads((root / relative).read_text(encoding="utf-8"))
        for entry in entries:
            yield relative, 0, str(entry[key]), []


def calls_inside_fstrings(source: str) -> list[tuple[int, MessageId]]:
    """``f"{_('…')}"``: before Python 3.12 an f-string is one token, hidden from Babel."""
    found: list[tuple[int, MessageId]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.JoinedStr):
            continue
        for inner in ast.walk(node):
            if not (isinstance(inner, ast.Call) and _keyword_call(inner.func)):
                continue
            spec = KEYWORDS[_keyword_name(inner.func)] or (1,)
            args = [inner.args[i - 1] if i <= len(inner.args) else None for i in spec]
            texts = [
                arg.value
                for arg in args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            ]
            if len(texts) == len(spec):
                found.append((inner.lineno, texts[0] if len(texts) == 1 else tuple(texts)))
    return found


def extract_catalog(root: Path = ROOT) -> Catalog:
    """Every message the source and the shown catalogue names hold, in source order."""
    catalog = Catalog(
        domain=DOMAIN,
        header_comment=POT_HEADER,
        project=PROJECT,
        version=_version(root),
        copyright_holder=PROJECT,
        msgid_bugs_address="",
        charset="utf-8",
        fuzzy=False,
    )
    for relative, lineno, message, comments in _extracted(root):
        if not message or (isinstance(message, tuple) and not all(message)):
            continue  # babel leaves out non-literal arguments as empty strings
        catalog.add(message, None, [(relative, lineno)], auto_comments=comments)
    return catalog


def non_literal_calls(root: Path = ROOT) -> list[str]:
    """``_(f"…")``/``_(name)`` calls: not extractable; fine only for N_-marked values."""
    found: list[str] = []
    for path in source_files(root):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _keyword_call(node.func)
                and node.args
                and not (
                    isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                )
            ):
                where = f"{path.relative_to(root).as_posix()}:{node.lineno}"
                found.append(f"{where}: {ast.unparse(node)}")
    return found


def _keyword_call(func: ast.expr) -> bool:
    """``_(…)`` or ``i18n._(…)`` (not ``catalog.ngettext(…)`` inside app.i18n)."""
    if isinstance(func, ast.Name):
        return func.id in KEYWORDS
    return (
        isinstance(func, ast.Attribute)
        and func.attr in KEYWORDS
        and isinstance(func.value, ast.Name)
        and func.value.id == "i18n"
    )


def _keyword_name(func: ast.expr) -> str:
    assert isinstance(func, ast.Name | ast.Attribute)
    return func.id if isinstance(func, ast.Name) else func.attr


def _version(root: Path) -> str:
    match = re.search(
        r'__version__\s*=\s*"([^"]+)"', (root / "app" / "version.py").read_text(encoding="utf-8")
    )
    return match.group(1) if match else ""


# -- reading and writing ------------------------------------------------------------------


def render_po(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    # No line numbers: they would change the files on every edit of the code.
    write_po(buffer, catalog, width=WIDTH, include_lineno=False, ignore_obsolete=False)
    return buffer.getvalue()


def render_mo(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def load_po(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


_DATE_LINE = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.MULTILINE)


def _same_apart_from_dates(old: bytes, new: bytes) -> bool:
    return _DATE_LINE.sub(b"", old) == _DATE_LINE.sub(b"", new)


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` unless only the header's dates would change; True if written."""
    if path.exists() and _same_apart_from_dates(path.read_bytes(), content):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


# -- the commands ----------------------------------------------------------------------------


def extract(paths: Paths) -> str:
    catalog = extract_catalog(paths.root)
    catalog.creation_date = datetime.now().astimezone()
    written = write_if_changed(paths.pot, render_po(catalog))
    state = "written" if written else "unchanged"
    return f"{paths.pot.relative_to(paths.root)}: {len(catalog)} messages ({state})"


def update(paths: Paths, languages: Sequence[str] = LANGUAGES) -> list[str]:
    if not paths.pot.exists():
        raise SystemExit(f"{paths.pot} is missing: run `extract` first")
    template = load_po(paths.pot)
    report: list[str] = []
    for language in languages:
        po_path = paths.po(language)
        if po_path.exists():
            catalog = load_po(po_path, language)
            # No fuzzy guesses: a new message stays empty until someone translates it.
            catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        else:
            catalog = Catalog(
                locale=language,
                domain=DOMAIN,
                header_comment=PO_HEADER,
                project=PROJECT,
                version=template.version,
                copyright_holder=PROJECT,
                msgid_bugs_address="",
                charset="utf-8",
                fuzzy=False,
                creation_date=template.creation_date,
                revision_date=datetime.now().astimezone(),
                last_translator=PROJECT,
                language_team=PROJECT,
            )
            catalog.update(template, no_fuzzy_matching=True)
        written = write_if_changed(po_path, render_po(catalog))
        missing = sum(1 for m in _messages(catalog) if not _translated(m))
        state = "written" if written else "unchanged"
        report.append(
            f"{po_path.relative_to(paths.root)}: {len(catalog)} messages, "
            f"{missing} untranslated ({state})"
        )
    return report


def compile_catalogs(paths: Paths, languages: Sequence[str] = LANGUAGES) -> list[str]:
    report: list[str] = []
    for language in languages:
        catalog = load_po(paths.po(language), language)
        written = _write_bytes(paths.mo(language), render_mo(catalog))
        state = "written" if written else "unchanged"
        report.append(f"{paths.mo(language).relative_to(paths.root)} ({state})")
    return report


def _write_bytes(path: Path, content: bytes) -> bool:
    if path.exists() and path.read_bytes() == content:
        return False
    path.write_bytes(content)
    return True


def check(paths: Paths, languages: Sequence[str] = LANGUAGES) -> list[str]:
    """Every problem that would show Polish (or a broken text) to a user of ``languages``."""
    source = extract_catalog(paths.root)
    problems: list[str] = []
    for language in languages:
        po_path = paths.po(language)
        if not po_path.exists():
            problems.append(f"{po_path.relative_to(paths.root)} is missing")
            continue
        catalog = load_po(po_path, language)
        for message in _messages(source):
            translated = catalog.get(message.id)
            where = ", ".join(sorted({file for file, _line in message.locations}))
            label = f"[{language}] {_short(message.id)} ({where})"
            if translated is None:
                problems.append(f"{label}: not in the .po (run `update`)")
            elif not _translated(translated):
                problems.append(f"{label}: no translation")
            else:
                problems.extend(f"{label}: {issue}" for issue in text_issues(translated))
        mo_path = paths.mo(language)
        if not mo_path.exists():
            problems.append(f"{mo_path.relative_to(paths.root)} is missing (run `compile`)")
        elif mo_path.read_bytes() != render_mo(catalog):
            problems.append(
                f"{mo_path.relative_to(paths.root)} is older than or differs from the .po "
                "(run `compile`)"
            )
    return problems


def pot_is_current(paths: Paths) -> bool:
    if not paths.pot.exists():
        return False
    return _same_apart_from_dates(paths.pot.read_bytes(), render_po(extract_catalog(paths.root)))


# -- what a good translation keeps ------------------------------------------------------------


def _messages(catalog: Catalog) -> Iterable[Message]:
    return (message for message in catalog if message.id)


def _translated(message: Message) -> bool:
    if message.fuzzy:
        return False
    strings = _texts(message.string)
    return bool(strings) and all(s.strip() for s in strings)


def _short(message_id: object) -> str:
    text = _texts(message_id)[0].replace("\n", " ")
    return repr(text if len(text) <= 60 else text[:57] + "…")


def placeholders(text: str) -> set[str]:
    """The ``str.format`` fields of ``text``, as written (``{name}``, ``{count:d}``)."""
    try:
        return {
            "{"
            + field
            + (f"!{conversion}" if conversion else "")
            + (f":{spec}" if spec else "")
            + "}"
            for _literal, field, spec, conversion in string.Formatter().parse(text)
            if field is not None
        }
    except ValueError:
        return {"<unbalanced braces>"}


def accelerators(text: str) -> int:
    """How many ``&`` mnemonics ``text`` has (``&&`` is a literal ampersand)."""
    return len(re.findall(r"&(?=[^&\s])", text.replace("&&", "")))


def _texts(value: object) -> tuple[str, ...]:
    """A message's id or string as a tuple of texts (one, or the plural forms)."""
    items = value if isinstance(value, tuple | list) else (value,)
    return tuple(item if isinstance(item, str) else "" for item in items)


def text_issues(message: Message) -> list[str]:
    sources = _texts(message.id)
    issues: list[str] = []
    wanted = set().union(*(placeholders(s) for s in sources))
    for target in _texts(message.string):
        found = placeholders(target)
        if found != wanted:
            issues.append(
                f"placeholders {sorted(found)} in the translation, {sorted(wanted)} in the source"
            )
        if accelerators(target) != accelerators(sources[0]):
            issues.append("the keyboard accelerator (&) is missing or doubled")
        if sources[0].endswith("…") != target.endswith("…"):
            issues.append("the trailing “…” of the source is not kept (or added)")
    return issues


# -- command line -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="translations.py", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="repository root (default: this checkout)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("extract", help="write resources/locale/plan_oswiaty.pot from the source")
    commands.add_parser("update", help="merge the .pot into each language's .po")
    commands.add_parser("compile", help="compile each .po into the .mo the program reads")
    check_parser = commands.add_parser(
        "check", help="exit 1 if a message is untranslated or a .mo is stale"
    )
    check_parser.add_argument(
        "--calls", action="store_true", help="also list _() calls on non-literal arguments"
    )
    args = parser.parse_args(argv)
    paths = Paths(args.root.resolve())
    if args.command == "extract":
        print(extract(paths))
    elif args.command == "update":
        print("\n".join(update(paths)))
    elif args.command == "compile":
        print("\n".join(compile_catalogs(paths)))
    else:
        if args.calls:
            print("Calls on non-literal arguments (fine only for N_-marked values):")
            print("\n".join(f"  {call}" for call in non_literal_calls(paths.root)))
        if not pot_is_current(paths):
            print(f"note: {paths.pot.relative_to(paths.root)} is out of date (run `extract`)")
        problems = check(paths)
        if problems:
            print("\n".join(problems))
            print(f"{len(problems)} problem(s)", file=sys.stderr)
            return 1
        print("translations complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
