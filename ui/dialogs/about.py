"""About: the version, where the data lives, and the licences of what the program bundles.

The libraries and their licences are read from the installed packages' own
metadata (the runtime requirements of ``plan-oswiaty``), so the list never
goes stale; the report fonts are listed with their licence file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.version import APP_ID, APP_NAME, __version__

FONTS = (("Noto Sans", "SIL Open Font License 1.1 (resources/fonts/OFL.txt)"),)


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str


def bundled_libraries() -> list[Library]:
    """The program's runtime libraries with their versions and licences."""
    found = []
    try:
        requirements = metadata.requires(APP_ID) or []
    except metadata.PackageNotFoundError:  # a build without the program's own metadata
        return []
    for requirement in requirements:
        name = re.split(r"[<>=!~ ;\[]", requirement, maxsplit=1)[0]
        try:
            info = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        found.append(Library(info["Name"], info["Version"], _licence(info)))
    return sorted(found, key=lambda library: library.name.casefold())


def _licence(info: metadata.PackageMetadata) -> str:
    expression = _field(info, "License-Expression")
    if expression:
        return expression
    text = _field(info, "License").strip()
    if text and "\n" not in text and len(text) <= 60:
        return text
    classifiers = [c for c in info.get_all("Classifier") or [] if c.startswith("License ::")]
    return classifiers[0].rsplit("::", 1)[1].strip() if classifiers else _("zob. pakiet")


def _field(info: metadata.PackageMetadata, name: str) -> str:
    values = info.get_all(name)  # None when absent (indexing would raise on newer Pythons)
    return str(values[0]) if values else ""


def licences_html() -> str:
    rows = "".join(
        f"<tr><td>{lib.name}</td><td>{lib.version}</td><td>{lib.licence}</td></tr>"
        for lib in bundled_libraries()
    )
    fonts = "".join(f"<tr><td>{name}</td><td></td><td>{lic}</td></tr>" for name, lic in FONTS)
    return (
        f"<table cellspacing=0 cellpadding=3><tr><th align=left>{_('Biblioteka')}</th>"
        f"<th align=left>{_('Wersja')}</th><th align=left>{_('Licencja')}</th></tr>"
        f"{rows}{fonts}</table>"
    )


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("O programie"))
        title = QLabel(f"<b>{APP_NAME}</b> {__version__}")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        summary = QLabel(
            _(
                "Plan rozwoju oświaty, HDR i monitoring dla zespołów JST i doradców. "
                "Działa bez internetu; dane są przechowywane lokalnie."
            )
        )
        summary.setWordWrap(True)
        self.folder = QLabel(str(data_folder) if data_folder else _("(nie otwarto danych)"))
        self.folder.setObjectName("about_data_folder")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setWordWrap(True)
        open_folder = QPushButton(_("&Otwórz folder"))
        open_folder.setEnabled(data_folder is not None)
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_folder)))
        )
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(_("Folder danych:")))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(open_folder)
        self.licences = QTextBrowser()
        self.licences.setHtml(licences_html())
        self.licences.setMinimumHeight(160)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addLayout(folder_row)
        layout.addWidget(QLabel(_("Dołączone biblioteki i czcionki:")))
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(620, 460)
