"""What the frozen program leaves out, and why (used by plan-oswiaty.spec).

PyInstaller's Qt hooks collect every plugin and translation of the Qt modules
in use, and some plugins drag in QML, Quick, PDF or network libraries. The
program uses QtCore, QtGui and QtWidgets (plus Qt's SVG plugins for icons).
Each rule below says why the part is not needed; packaging/README.md has the
sizes, and the smoke test proves the trimmed program still works.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Python modules never imported by the program (or only by its tests and tools).
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "IPython",
    # Pillow stays (ReportLab imports it), but not its AVIF/WebP codecs or Tk bridge:
    # Pillow loads format plugins only if present, and ours are PNG/JPEG at most.
    "PIL.AvifImagePlugin",
    "PIL._avif",
    "PIL.WebPImagePlugin",
    "PIL._webp",
    "PIL.ImageTk",
    "PIL._imagingtk",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPdf",
    "PySide6.QtWebEngineCore",
    "PySide6.QtMultimedia",
    "PySide6.Qt3DCore",
    "PySide6.QtDBus",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
]

TypeTOC = Iterable[tuple[str, str, str]]

# Qt's own dialogs and buttons in the two languages the program speaks.
QT_TRANSLATIONS = {"qtbase_pl.qm", "qtbase_en.qm"}
# SVG for icons; ICO so Qt can read the program's own .ico. No JPEG/TIFF/WebP/PDF/…
IMAGE_FORMATS = {"qsvg", "qico"}
PLATFORMS = {
    "windows": {"qwindows", "qoffscreen", "qminimal"},
    "linux": {"qxcb", "qwayland", "qoffscreen", "qminimal"},
}
# Plugin folders of features the program never uses (network, TLS, touch input,
# embedded-device displays, QML debugging, SQL drivers: the data is SQLAlchemy's).
DROPPED_PLUGIN_FOLDERS = {
    "tls",
    "networkinformation",
    "generic",
    "egldeviceintegrations",
    "qmltooling",
    "designer",
    "sqldrivers",
    "multimedia",
    "position",
    "sensors",
    "texttospeech",
    "virtualkeyboard",
    "scenegraph",
    "vectorimageformats",
}
# Qt libraries only the dropped parts use; opengl32sw.dll is a software OpenGL
# (about 20 MB) for OpenGL views, and the program draws with QPainter.
DROPPED_LIBRARIES = re.compile(
    r"(Qt6(Qml|Quick|Pdf|VirtualKeyboard|WebEngine|3D|Multimedia|Network|Sql)\w*"
    r"|opengl32sw)[^/\\]*$",
    re.IGNORECASE,
)
# Babel's CLDR data: Polish and English only (root is every locale's parent).
BABEL_LOCALES = re.compile(r"^(root|pl|pl_PL|en|en_001|en_150|en_GB|en_US)\.dat$")

_PLUGIN = re.compile(
    r"PySide6[/\\]+(?:Qt[/\\]+)?plugins[/\\]+(?P<folder>[^/\\]+)[/\\]+(?P<file>[^/\\]+)$"
)
_TRANSLATION = re.compile(r"PySide6[/\\]+(?:Qt[/\\]+)?translations[/\\]+(?P<file>[^/\\]+)$")
_BABEL_DATA = re.compile(r"babel[/\\]+locale-data[/\\]+(?P<file>[^/\\]+)$")


def plugin_name(file: str) -> str:
    """``libqxcb.so`` / ``qwindows.dll`` → ``qxcb`` / ``qwindows``."""
    stem = file.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def wanted(dest: str, *, windows: bool) -> bool:
    """Whether a file bound for ``dest`` (its path inside the bundle) is kept."""
    if match := _TRANSLATION.search(dest):
        return match["file"] in QT_TRANSLATIONS
    if match := _BABEL_DATA.search(dest):
        return bool(BABEL_LOCALES.match(match["file"]))
    if match := _PLUGIN.search(dest):
        folder, name = match["folder"], plugin_name(match["file"])
        if folder in DROPPED_PLUGIN_FOLDERS:
            return False
        if folder == "imageformats":
            return name in IMAGE_FORMATS
        if folder == "platforms":
            return name in PLATFORMS["windows" if windows else "linux"]
        return True
    return not DROPPED_LIBRARIES.search(dest)


def keep(toc: TypeTOC, *, windows: bool) -> list[tuple[str, str, str]]:
    """The entries of a PyInstaller TOC (dest, source, kind) that the program needs."""
    return [entry for entry in toc if wanted(entry[0], windows=windows)]
