"""The built-in user guide (F1): chapters on the left, the text on the right, and the shortcuts.

The guide is Markdown in ``resources/help/guide_<language>.md`` (Polish first;
the interface language's version when there is one). Its ``#`` headings are
the chapters. The last chapter, the keyboard shortcuts, is made from the
window's own actions, so it never disagrees with the menus.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, current_language

# Keys that belong to a page or a field rather than to a menu.
FIXED_SHORTCUTS = (
    ("F1", N_("Pomoc: ten przewodnik")),
    ("Ctrl+M", N_("Szybka notatka monitoringowa (w całym programie)")),
    ("Ctrl+Shift+1 / 2 / 3", N_("Plan: nowy cel strategiczny / cel operacyjny / działanie")),
    ("Ctrl+Shift+1 / 2", N_("HDR: nowy priorytet / nowa pozycja harmonogramu")),
    ("Ctrl+↑ / Ctrl+↓", N_("Przesuń zaznaczony element w górę / w dół")),
    ("F2", N_("Zmień nazwę zaznaczonego elementu albo edytuj komórkę tabeli")),
    ("Delete", N_("Usuń zaznaczony element (można cofnąć)")),
    ("F5", N_("Wizyty: tryb wizyty")),
    ("Tab / Shift+Tab", N_("Następne / poprzednie pole; z tabeli do formularza obok")),
    ("Enter", N_("Zatwierdź pole i przejdź dalej; w oknie dialogowym: OK")),
    ("↑ / ↓", N_("Pole daty: następny / poprzedni dzień, miesiąc lub rok (pod kursorem)")),
    ("Alt+↓ / F4", N_("Pole daty: kalendarz")),
    ("Esc", N_("Zamknij okno dialogowe bez zmian")),
)


def guide_text(language: str | None = None) -> str:
    """The guide's Markdown in ``language`` (else Polish)."""
    folder = resources.files("resources") / "help"
    for code in (language or current_language(), "pl"):
        path = folder / f"guide_{code}.md"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""


def chapters(markdown: str) -> list[tuple[str, str]]:
    """``(title, body)`` for each ``#`` heading of ``markdown``."""
    found: list[tuple[str, str]] = []
    title, lines = "", list[str]()
    for line in markdown.splitlines():
        if line.startswith("# "):
            if title:
                found.append((title, "\n".join(lines).strip()))
            title, lines = line[2:].strip(), []
        else:
            lines.append(line)
    if title:
        found.append((title, "\n".join(lines).strip()))
    return found


def shortcuts_markdown(actions: Iterable[QAction]) -> str:
    """A two-column table of the menus' shortcuts and the fixed keys."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        name = action.text().replace("&", "").rstrip("…").strip()
        if keys and name:
            rows.append((" / ".join(keys), name))
    rows += [(keys, _(what)) for keys, what in FIXED_SHORTCUTS]
    table = [f"| {_('Klawisze')} | {_('Polecenie')} |", "|---|---|"]
    table += [f"| {keys} | {what} |" for keys, what in _unique(rows)]
    return "\n".join(table)


def _unique(rows: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[str] = set()
    kept = []
    for keys, what in rows:
        if keys not in seen:
            seen.add(keys)
            kept.append((keys, what))
    return kept


class HelpWindow(QDialog):
    """The guide beside its chapter list; it stays open next to the main window."""

    def __init__(self, actions: Iterable[QAction] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Pomoc — Plan Oświaty"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.chapters = chapters(guide_text())
        self.chapters.append((_("Skróty klawiszowe"), shortcuts_markdown(actions)))
        self.contents = QListWidget()
        self.contents.setAccessibleName(_("Rozdziały"))
        self.contents.setWordWrap(True)  # a long chapter title wraps, never cut or scrolled
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for title, _body in self.chapters:
            self.contents.addItem(title)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName(_("Treść pomocy"))
        self.contents.currentRowChanged.connect(self.show_chapter)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 620])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(900, 540)
        self.contents.setCurrentRow(0)

    def show_chapter(self, row: int) -> None:
        if 0 <= row < len(self.chapters):
            title, body = self.chapters[row]
            self.text.setMarkdown(f"# {title}\n\n{body}")

    def show_shortcuts(self) -> None:
        self.contents.setCurrentRow(len(self.chapters) - 1)
