"""The page "Informacja o stanie realizacji zadań oświatowych": arrange, comment, preview, export.

The officer picks the school year, switches chapters on and off and orders
them (buttons or drag and drop), reads each chapter's generated text and
writes a comment under it (saved as typed, undoable). Export writes the PDF
or the editable DOCX.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.model.school_data import school_year_label
from app.reports.yearly.content import Chapter, Table, YearChart
from app.services import yearly_report as service
from app.services.yearly_report import ChapterChoice
from ui.commands import CallCommand
from ui.errors import show_user_error
from ui.forms.editors import TextEditor
from ui.pages.base import Page

KEY_ROLE = Qt.ItemDataRole.UserRole


class YearlyReportPage(Page):
    key = "yearly_report"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.year: int | None = None
        self.choices: list[ChapterChoice] = []
        self.generated: dict[str, Chapter] = {}
        self._filling = False
        self._build()

    def title(self) -> str:
        return _("Informacja o stanie realizacji zadań oświatowych")

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year_box = QComboBox(self)
        year_label = QLabel(_("&Rok szkolny:"), self)
        year_label.setBuddy(self.year_box)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        top.addWidget(year_label)
        top.addWidget(self.year_box)
        top.addStretch(1)
        self.pdf_button = QPushButton(_("Eksportuj &PDF…"), self)
        self.docx_button = QPushButton(_("Eksportuj &DOCX…"), self)
        top.addWidget(self.pdf_button)
        top.addWidget(self.docx_button)
        layout.addLayout(top)
        layout.addWidget(self.status_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        chapters_label = QLabel(
            _("Ro&zdziały (zaznacz, które włączyć; przeciągnij, by zmienić kolejność):"), left
        )
        chapters_label.setWordWrap(True)
        self.chapter_list = QListWidget(left)
        self.chapter_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.chapter_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.chapter_list.setWordWrap(True)  # long titles wrap rather than hide (125 % screens)
        chapters_label.setBuddy(self.chapter_list)
        buttons = QHBoxLayout()
        self.up_button = QPushButton(_("W &górę"), left)
        self.down_button = QPushButton(_("W d&ół"), left)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        left_layout.addWidget(chapters_label)
        left_layout.addWidget(self.chapter_list, 1)
        left_layout.addLayout(buttons)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        preview_label = QLabel(_("&Tekst wygenerowany z danych:"), right)
        self.preview = QTextBrowser(right)
        preview_label.setBuddy(self.preview)
        comment_label = QLabel(
            _("&Komentarz do rozdziału (trafia do informacji pod tekstem):"), right
        )
        self.comment = TextEditor(100_000, right)
        self.comment.setMaximumHeight(140)
        comment_label.setBuddy(self.comment)
        comment_label.setWordWrap(True)
        right_layout.addWidget(preview_label)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(comment_label)
        right_layout.addWidget(self.comment)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([260, 540])
        layout.addWidget(splitter, 1)

        self.year_box.currentIndexChanged.connect(self._year_chosen)
        self.chapter_list.currentRowChanged.connect(lambda _row: self._show_chapter())
        self.chapter_list.itemChanged.connect(self._toggled)
        self.chapter_list.model().rowsMoved.connect(self._dragged)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.comment.committed.connect(self._comment_typed)
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.docx_button.clicked.connect(lambda: self._export("docx"))

    # -- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        store, municipality = self.store, self.municipality_id
        if store is None or municipality is None:
            return
        self._filling = True
        try:
            offered = service.years(store, municipality, self.today)
            if self.year not in offered:
                self.year = offered[0] if offered else None
            self.year_box.clear()
            for year in offered:
                self.year_box.addItem(school_year_label(year), year)
            if self.year is not None:
                self.year_box.setCurrentIndex(offered.index(self.year))
        finally:
            self._filling = False
        self._fill()

    def _fill(self) -> None:
        store, municipality, year = self.store, self.municipality_id, self.year
        if store is None or municipality is None or year is None:
            return
        self.choices = service.choices(store, municipality, year)
        self.generated = {c.key: c for c in service.generate(store, municipality, year)}
        current = self._current_key()
        self._filling = True
        try:
            self.chapter_list.clear()
            for choice in self.choices:
                item = QListWidgetItem(self._label(choice), self.chapter_list)
                item.setToolTip(self._label(choice))
                item.setData(KEY_ROLE, choice.key)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                item.setCheckState(
                    Qt.CheckState.Checked if choice.enabled else Qt.CheckState.Unchecked
                )
            keys = [c.key for c in self.choices]
            self.chapter_list.setCurrentRow(keys.index(current) if current in keys else 0)
        finally:
            self._filling = False
        self._show_chapter()
        enabled = [self.generated[c.key] for c in self.choices if c.enabled]
        status = service.Status(
            year,
            service.deadline(year),
            (service.deadline(year) - self.today).days,
            sum(c.ready for c in enabled),
            len(enabled),
            [],
        )
        self.status_label.setText(status.text)

    def _label(self, choice: ChapterChoice) -> str:
        chapter = self.generated.get(choice.key)
        if chapter is not None and not chapter.ready:
            return _("{title} — brak części danych").format(title=choice.title)
        return choice.title

    def _current_key(self) -> str | None:
        item = self.chapter_list.currentItem()
        return None if item is None else str(item.data(KEY_ROLE))

    def _choice(self, key: str | None) -> ChapterChoice | None:
        return next((c for c in self.choices if c.key == key), None)

    def _show_chapter(self) -> None:
        key = self._current_key()
        chapter = self.generated.get(key or "")
        choice = self._choice(key)
        self.preview.setHtml(preview_html(chapter) if chapter is not None else "")
        self.comment.set_value(choice.comment if choice is not None else "")
        self.comment.setEnabled(choice is not None)

    # -- editing -------------------------------------------------------------------------

    def _run(self, do: object, undo: object, text: str) -> None:
        if self.context is None:
            return
        self.context.run(CallCommand(self.context.store, do, undo, text))  # type: ignore[arg-type]

    def _toggled(self, item: QListWidgetItem) -> None:
        if self._filling or self.store is None:
            return
        store, municipality, year = self.store, self.municipality_id, self.year
        assert municipality is not None and year is not None
        key = str(item.data(KEY_ROLE))
        on = item.checkState() == Qt.CheckState.Checked
        self._run(
            lambda: service.set_enabled(store, municipality, year, key, on),
            lambda: service.set_enabled(store, municipality, year, key, not on),
            _("Włączenie rozdziału") if on else _("Wyłączenie rozdziału"),
        )

    def _order(self) -> list[str]:
        return [
            str(self.chapter_list.item(row).data(KEY_ROLE))
            for row in range(self.chapter_list.count())
        ]

    def _reorder(self, order: list[str]) -> None:
        store, municipality, year = self.store, self.municipality_id, self.year
        if store is None or municipality is None or year is None:
            return
        before = [c.key for c in self.choices]
        if order == before:
            return
        self._run(
            lambda: service.set_order(store, municipality, year, order),
            lambda: service.set_order(store, municipality, year, before),
            _("Zmiana kolejności rozdziałów"),
        )

    def _move(self, step: int) -> None:
        row = self.chapter_list.currentRow()
        order = self._order()
        target = row + step
        if row < 0 or not 0 <= target < len(order):
            return
        order[row], order[target] = order[target], order[row]
        key = order[target]
        self._reorder(order)
        self.refresh()
        self.chapter_list.setCurrentRow(self._order().index(key))

    def _dragged(self, *_args: QModelIndex | int) -> None:
        if not self._filling:
            self._reorder(self._order())

    def _comment_typed(self) -> None:
        choice = self._choice(self._current_key())
        store, municipality, year = self.store, self.municipality_id, self.year
        if choice is None or store is None or municipality is None or year is None:
            return
        new, old, key = self.comment.value(), choice.comment, choice.key
        if new == old:
            return
        self.choices = [
            ChapterChoice(c.key, c.title, c.enabled, new) if c.key == key else c
            for c in self.choices
        ]
        self._run(
            lambda: service.set_comment(store, municipality, year, key, new),
            lambda: service.set_comment(store, municipality, year, key, old),
            _("Komentarz do rozdziału"),
        )

    def flush(self) -> None:
        self.comment.flush()

    def _year_chosen(self, index: int) -> None:
        if self._filling or index < 0:
            return
        self.comment.flush()
        self.year = self.year_box.itemData(index)
        self._fill()

    # -- export --------------------------------------------------------------------------

    def _export(self, fmt: str) -> None:
        store, municipality, year = self.store, self.municipality_id, self.year
        if store is None or municipality is None or year is None:
            return
        self.flush()
        suggested = f"informacja-{school_year_label(year).replace('/', '-')}.{fmt}"
        kind = _("Dokument PDF (*.pdf)") if fmt == "pdf" else _("Dokument Word (*.docx)")
        path, _filter = QFileDialog.getSaveFileName(self, self.title(), suggested, kind)
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        from app.reports.yearly.document import write
        from ui.operations import run_in_background

        try:
            data = service.report_data(store, municipality, year, self.today)  # reads the store
            run_in_background(  # typesetting takes about a second: off the GUI thread
                self,
                _("Zapisywanie {path}…").format(path=Path(path).name),
                lambda _progress: write(data, Path(path)),
            )
        except UserError as error:
            show_user_error(self, error)
            return
        QMessageBox.information(self, self.title(), _("Zapisano {path}").format(path=path))


def preview_html(chapter: Chapter) -> str:
    """The chapter as the window shows it: paragraphs, tables, charts in words."""
    parts = [f"<h2>{escape(chapter.title)}</h2>"]
    for block in chapter.blocks:
        if isinstance(block, Table):
            head = "".join(f"<th align='left'>{escape(h)}</th>" for h in block.header)
            rows = "".join(
                "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>"
                for row in block.rows
            )
            parts.append(
                f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{rows}</table>"
            )
        elif isinstance(block, YearChart):
            parts.append(f"<p><i>{escape(block.alt_text)}</i></p>")
        else:
            parts.append(f"<p>{escape(block)}</p>")
    return "".join(parts)
