"""The conflicts of an import: a list to pick from, and each one side by side.

The comparison is an HTML table in a text browser (it wraps long texts and
scrolls), with the words that differ marked on both sides, so that a changed
ending of a long note is found at a glance.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.exchange import describe
from app.exchange.describe import FieldRow
from app.exchange.merge import Choice, ImportPlan, Item
from app.i18n import N_, _

CHOICE_LABELS = {
    Choice.MINE: N_("zachowana Twoja wersja"),
    Choice.THEIRS: N_("przyjęta wersja z pliku"),
    Choice.BOTH: N_("zachowane obie notatki"),
}
_REMOVED = "#ffd9d6"  # words only on this computer
_ADDED = "#d3f2d6"  # words only in the file
_KEPT = "#e8f1fb"  # the column that will be kept


class ConflictPanel(QWidget):
    """The conflicts on the left; the chosen one side by side on the right, with the choice."""

    def __init__(
        self, plan: ImportPlan, choices: dict[str, Choice], changed: Callable[[], None]
    ) -> None:
        super().__init__()
        self.plan = plan
        self.choices = choices
        self._changed = changed
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        if not plan.conflicts:
            empty = QLabel(_("Brak konfliktów: nic nie zostało zmienione po obu stronach."))
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(empty)
            self.list.hide()
            return
        intro = QLabel(
            _(
                "Te rekordy zmieniono i na tym komputerze, i w pliku. Wybierz dla każdego, "
                "którą wersję zachować. Słowa tylko na tym komputerze są zaznaczone na "
                "czerwono, tylko w pliku — na zielono."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([270, 600])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.list, self.view)
        self.setTabOrder(self.view, self.radios[Choice.MINE])
        self._refresh_labels()
        self.list.setCurrentRow(0)

    def _build_list(self) -> QWidget:
        self.list.setAccessibleName(_("Konflikty"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        for item in self.plan.conflicts:
            entry = QListWidgetItem()
            entry.setData(Qt.ItemDataRole.UserRole, item.record_id)
            entry.setToolTip(f"{item.type_label}: {item.title}")
            self.list.addItem(entry)
        self.list.currentRowChanged.connect(self._show)
        self.all_mine = QPushButton(_("Wszystkie: moje"))
        self.all_mine.setToolTip(_("Zachowaj wersje z tego komputera we wszystkich konfliktach"))
        self.all_mine.clicked.connect(lambda: self._choose_all(Choice.MINE))
        self.all_theirs = QPushButton(_("Wszystkie: z pliku"))
        self.all_theirs.setToolTip(_("Przyjmij wersje z pliku we wszystkich konfliktach"))
        self.all_theirs.clicked.connect(lambda: self._choose_all(Choice.THEIRS))
        for button in (self.all_mine, self.all_theirs):
            button.setAutoDefault(False)  # Enter means "Importuj", never "all of one side"
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_mine)
        buttons.addWidget(self.all_theirs)
        layout.addLayout(buttons)
        return box

    def _build_detail(self) -> QWidget:
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.view = QTextBrowser()
        self.view.setAccessibleName(_("Porównanie wersji"))
        self.view.setOpenLinks(False)
        self.radios = {
            Choice.MINE: QRadioButton(_("Zachowaj &moją wersję (z tego komputera)")),
            Choice.THEIRS: QRadioButton(_("Przyjmij wersję z &pliku")),
            Choice.BOTH: QRadioButton(_("Zachowaj &obie — wersja z pliku jako osobna notatka")),
        }
        self.group = QButtonGroup(self)
        for number, (choice, radio) in enumerate(self.radios.items()):
            self.group.addButton(radio, number)
            radio.toggled.connect(lambda on, c=choice: self._choose(c) if on else None)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        for radio in self.radios.values():
            layout.addWidget(radio)
        return box

    # -- state -------------------------------------------------------------------------

    def current(self) -> Item | None:
        row = self.list.currentRow()
        return self.plan.conflicts[row] if 0 <= row < len(self.plan.conflicts) else None

    def _show(self, _row: int = -1) -> None:
        item = self.current()
        if item is None:
            return
        self.title.setText(
            f"{item.type_label}: {describe.title(item.table, item.mine or item.theirs, 300)}"
        )
        chosen = self.choices.get(item.record_id)
        source = self.plan.package.manifest.installation.name
        self.view.setHtml(comparison_html(self.plan.differences(item), chosen, source))
        self.radios[Choice.BOTH].setVisible(item.can_keep_both)
        self.group.setExclusive(False)
        for choice, radio in self.radios.items():
            radio.blockSignals(True)
            radio.setChecked(choice is chosen)
            radio.blockSignals(False)
        self.group.setExclusive(True)

    def _choose(self, choice: Choice) -> None:
        item = self.current()
        if item is None or choice not in item.choices():
            return
        self.choices[item.record_id] = choice
        self._after_choice()

    def _choose_all(self, choice: Choice) -> None:
        for item in self.plan.conflicts:
            self.choices[item.record_id] = choice
        self._after_choice()

    def _after_choice(self) -> None:
        self._refresh_labels()
        self._show()
        self._changed()

    def _refresh_labels(self) -> None:
        for row, item in enumerate(self.plan.conflicts):
            chosen = self.choices.get(item.record_id)
            state = _(CHOICE_LABELS[chosen]) if chosen else _("do rozstrzygnięcia")
            entry = self.list.item(row)
            entry.setText(f"{item.type_label}: {item.title}\n→ {state}")
            entry.setForeground(QBrush(QColor("#1b5e20" if chosen else "#b00020")))


def comparison_html(rows: list[FieldRow], chosen: Choice | None, source: str) -> str:
    """The differing fields as a three-column table, differing words marked."""
    keep_mine = chosen in (Choice.MINE, Choice.BOTH)
    keep_theirs = chosen in (Choice.THEIRS, Choice.BOTH)
    mine_head = _("Na tym komputerze") + (" ✔" if keep_mine else "")
    theirs_head = _("W pliku (z „{source}”)").format(source=source) + (" ✔" if keep_theirs else "")
    cells = [
        "<table width='100%' cellspacing='0' cellpadding='5' border='1' "
        "style='border-collapse: collapse; border-color: #c8c8c8;'>",
        "<tr style='background: #f0f0f0;'>"
        f"<th width='18%' align='left'>{html.escape(_('Pole'))}</th>"
        f"<th width='41%' align='left'>{html.escape(mine_head)}</th>"
        f"<th width='41%' align='left'>{html.escape(theirs_head)}</th></tr>",
    ]
    for row in rows:
        mine, theirs = marked_words(row.mine, row.theirs)
        mine_bg = f" style='background: {_KEPT};'" if keep_mine else ""
        theirs_bg = f" style='background: {_KEPT};'" if keep_theirs else ""
        cells.append(
            f"<tr><td valign='top'><b>{html.escape(row.label)}</b></td>"
            f"<td valign='top'{mine_bg}>{mine}</td><td valign='top'{theirs_bg}>{theirs}</td></tr>"
        )
    cells.append("</table>")
    return "".join(cells)


def marked_words(mine: str, theirs: str) -> tuple[str, str]:
    """Both texts as HTML, with the words only one side has on a coloured background."""
    left, right = mine.split(" "), theirs.split(" ")
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    mine_parts: list[str] = []
    theirs_parts: list[str] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        a_text = html.escape(" ".join(left[a0:a1])).replace("\n", "<br>")
        b_text = html.escape(" ".join(right[b0:b1])).replace("\n", "<br>")
        if tag == "equal":
            mine_parts.append(a_text)
            theirs_parts.append(b_text)
            continue
        if a_text:
            mine_parts.append(f"<span style='background: {_REMOVED};'>{a_text}</span>")
        if b_text:
            theirs_parts.append(f"<span style='background: {_ADDED};'>{b_text}</span>")
    return " ".join(mine_parts), " ".join(theirs_parts)
