"""The good practices a note, goal, objective or action names — shown under its form,
linked and unlinked from there (each an undoable step)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QWidget

from app.i18n import _
from app.model import PracticeLink
from app.services import practice_links, trainings
from ui.commands import DeleteRecord
from ui.context import EditorContext
from ui.dialogs import network_edit
from ui.dialogs.network_forms import RecordDialog


class PracticeLinks(QWidget):
    """A short list of linked practices with "Powiąż…" and "Odłącz" beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: EditorContext | None = None
        self.municipality_id: str | None = None
        self.target: tuple[str, str] | None = None
        self.list = QListWidget()
        self.list.setObjectName("linked_practices")
        self.list.setAccessibleName(_("Dobre praktyki"))
        self.list.setMaximumHeight(70)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole title in its tooltip
        self.link_button = QPushButton(_("Powiąż…"))
        self.link_button.setToolTip(_("Powiąż dobrą praktykę z sieci JST"))
        self.link_button.clicked.connect(self.link)
        self.unlink_button = QPushButton(_("Odłącz"))
        self.unlink_button.clicked.connect(self.unlink)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.list, 1)
        buttons = QWidget()
        column = QHBoxLayout(buttons)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.link_button)
        column.addWidget(self.unlink_button)
        box.addWidget(buttons, 0, Qt.AlignmentFlag.AlignTop)

    def show_for(
        self,
        context: EditorContext | None,
        municipality_id: str | None,
        link_type: str,
        link_id: str | None,
    ) -> None:
        """Show the practices of one record (``link_id`` None: nothing chosen)."""
        self.context, self.municipality_id = context, municipality_id
        self.target = (link_type, link_id) if link_id else None
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        enabled = self.context is not None and self.target is not None
        self.link_button.setEnabled(enabled)
        self.unlink_button.setEnabled(False)
        if self.context is None or self.target is None:
            return
        for link_id, practice in practice_links.practices_of(self.context.store, *self.target):
            item = QListWidgetItem(practice.title, self.list)
            item.setToolTip(practice.title)
            item.setData(Qt.ItemDataRole.UserRole, link_id)
        self.unlink_button.setEnabled(self.list.count() > 0)
        if self.list.count():
            self.list.setCurrentRow(0)

    def link_dialog(self) -> RecordDialog | None:
        if self.context is None or self.target is None or self.municipality_id is None:
            return None
        context, municipality_id, (link_type, link_id) = (
            self.context,
            self.municipality_id,
            self.target,
        )
        choices = [(p.id, p.title) for p in trainings.practices(context.store)]
        return network_edit.add_dialog(
            self,
            context,
            _("Powiązanie dobrej praktyki"),
            PracticeLink,
            ("practice_id",),
            lambda values: practice_links.link_practice(
                context.store, municipality_id, str(values["practice_id"] or ""), link_type, link_id
            ),
            _("powiązanie dobrej praktyki"),
            choices={"practice_id": choices},
        )

    def link(self) -> None:
        dialog = self.link_dialog()
        if dialog is not None and dialog.exec():
            self.reload()

    def unlink(self) -> None:
        item = self.list.currentItem()
        if self.context is None or item is None:
            return
        link_id = str(item.data(Qt.ItemDataRole.UserRole))
        command = DeleteRecord(
            self.context.store, PracticeLink, link_id, _("odłączenie dobrej praktyki")
        )
        if self.context.run(command):
            self.reload()
