"""The good practices of a network: search (without Polish letters too), the list, and where
the chosen practice is named — meetings' programmes, and notes, goals and actions of the
chosen JST, which can be linked to it here (each link an undoable step)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.model import PracticeLink
from app.services import practice_links, trainings
from app.services.links import parse_key
from app.textnorm import fold
from ui.context import EditorContext
from ui.dialogs import network_edit
from ui.dialogs.network_forms import RecordDialog
from ui.models.networks import NetworkTableModel, practice_columns
from ui.pages.network_tables import current_id, fill, make_table

Delete = Callable[[str, str, type[PracticeLink], str, str], bool]


def matches(words: list[str], *texts: str | None) -> bool:
    """Every word (folded: no case, no Polish letters) is in one of ``texts``."""
    text = fold(" ".join(t for t in texts if t))
    return all(word in text for word in words)


class PracticesTab(QWidget):
    def __init__(self, table_with_buttons: Callable[[QTableView], QWidget], delete: Delete) -> None:
        super().__init__()
        self.context: EditorContext | None = None
        self.municipality_id: str | None = None
        self.network_id: str | None = None
        self._delete = delete
        self.search = QLineEdit()
        self.search.setObjectName("practice_search")
        self.search.setPlaceholderText(_("Szukaj w dobrych praktykach (bez polskich znaków też)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.show_practices())
        self.practices = (
            make_table(  # the name and the municipality whole, the description gives way
                "good_practices", NetworkTableModel(practice_columns), stretch=3, keep=[0, 1]
            )
        )
        self.practices.selectionModel().selectionChanged.connect(lambda *_args: self.show_uses())
        self.uses = QListWidget()
        self.uses.setObjectName("practice_uses")
        self.uses.setAccessibleName(_("Gdzie wykorzystana"))
        self.uses.currentItemChanged.connect(self._use_chosen)
        self.link_button = QPushButton(_("Powiąż z notatką lub planem JST…"))
        self.link_button.setToolTip(
            _("Powiąż wybraną praktykę z notatką, celem lub działaniem wybranej JST")
        )
        self.link_button.clicked.connect(self.link_chosen)
        self.unlink_button = QPushButton(_("Odłącz"))
        self.unlink_button.clicked.connect(self.unlink_chosen)

        uses = QWidget()
        box = QVBoxLayout(uses)
        box.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("<b>Gdzie wykorzystana</b> (spotkania, notatki, plan)")), 1)
        bar.addWidget(self.link_button)
        bar.addWidget(self.unlink_button)
        box.addLayout(bar)
        box.addWidget(self.uses, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(table_with_buttons(self.practices))
        splitter.addWidget(uses)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)

    def show_data(
        self, context: EditorContext | None, municipality_id: str | None, network_id: str | None
    ) -> None:
        self.context, self.municipality_id, self.network_id = (
            context,
            municipality_id,
            network_id,
        )
        self.show_practices()

    def show_practices(self) -> None:
        if self.context is None or self.network_id is None:
            fill(self.practices, [])
            self.show_uses()
            return
        store = self.context.store
        names = trainings.member_names(store, self.network_id)
        words = fold(self.search.text()).split()
        shown = [
            p
            for p in trainings.practices(store, self.network_id)
            if matches(
                words, p.title, p.description, p.schools, p.results, names.get(p.member_id or "")
            )
        ]
        fill(self.practices, shown, names)
        self.show_uses()

    def show_uses(self) -> None:
        self.uses.clear()
        chosen = current_id(self.practices)
        self.link_button.setEnabled(chosen is not None and self.municipality_id is not None)
        self.unlink_button.setEnabled(False)
        if self.context is None or chosen is None:
            return
        for use in practice_links.uses_of_practice(self.context.store, chosen):
            item = QListWidgetItem(use.label, self.uses)
            item.setData(Qt.ItemDataRole.UserRole, use.link_id)
        if self.uses.count() == 0:
            self.uses.addItem(_("(nigdzie jeszcze nie powiązana)"))

    def _use_chosen(self, *_args: object) -> None:
        item = self.uses.currentItem()
        self.unlink_button.setEnabled(
            item is not None and bool(item.data(Qt.ItemDataRole.UserRole))
        )

    def link_dialog(self) -> RecordDialog | None:
        chosen = current_id(self.practices)
        if self.context is None or self.municipality_id is None or chosen is None:
            return None
        context, municipality_id = self.context, self.municipality_id
        targets = practice_links.link_choices(context.store, municipality_id)

        def make(values: dict[str, object]) -> PracticeLink:
            link = parse_key(str(values.get("link_id") or ""))
            link_type, link_id = link if link is not None else ("", "")
            return practice_links.link_practice(
                context.store, municipality_id, chosen, link_type, link_id
            )

        return network_edit.add_dialog(
            self,
            context,
            _("Powiązanie dobrej praktyki"),
            PracticeLink,
            ("link_id",),
            make,
            _("powiązanie dobrej praktyki"),
            choices={"link_id": [(t.key, "  " * t.depth + t.label) for t in targets]},
        )

    def link_chosen(self) -> None:
        dialog = self.link_dialog()
        if dialog is not None and dialog.exec():
            self.show_uses()

    def unlink_chosen(self) -> None:
        item = self.uses.currentItem()
        link_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if item is None or not link_id:
            return
        if self._delete(
            _("Odłączanie dobrej praktyki"),
            _(
                "Odłączyć dobrą praktykę od „{name}”?\n\n"
                "Można to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."
            ).format(name=item.text()),
            PracticeLink,
            str(link_id),
            _("odłączenie dobrej praktyki"),
        ):
            self.show_uses()
