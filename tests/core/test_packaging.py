"""The packaging helpers: what the bundle keeps, and the Windows version information.

The bundle itself is built and run by packaging/build_linux.sh (a CI step).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from app.version import APP_ID, APP_NAME, PUBLISHER, __version__

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


trim = _load("bundle_trim")
version_file = _load("windows_version")


@pytest.mark.parametrize(
    ("dest", "windows", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_pl.qm", False, True),
        ("PySide6/Qt/translations/qtbase_en.qm", False, True),
        ("PySide6/Qt/translations/qtbase_de.qm", False, False),
        ("PySide6/Qt/translations/qtdeclarative_pl.qm", False, False),
        ("PySide6/translations/qtbase_fr.qm", True, False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False, True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False, False),
        ("PySide6\\plugins\\imageformats\\qico.dll", True, True),
        ("PySide6\\plugins\\imageformats\\qpdf.dll", True, False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False, True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False, False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True, True),
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", True, False),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True, True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False, False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False, True),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False, False),
        ("PySide6/Qt/lib/libQt6QuickWidgets.so.6", False, False),
        ("PySide6/Qt/lib/libQt6Network.so.6", False, False),
        ("PySide6\\Qt6Pdf.dll", True, False),
        ("PySide6\\opengl32sw.dll", True, False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", False, True),
        ("PySide6\\Qt6Gui.dll", True, True),
        ("babel/locale-data/pl.dat", False, True),
        ("babel/locale-data/en_GB.dat", False, True),
        ("babel/locale-data/root.dat", False, True),
        ("babel/locale-data/de.dat", False, False),
        ("resources/fonts/NotoSans-Regular.ttf", False, True),
        ("app/storage/migrations/versions/0001_initial_schema.py", True, True),
    ],
)
def test_what_the_bundle_keeps(dest: str, windows: bool, kept: bool) -> None:
    assert trim.wanted(dest, windows=windows) is kept


def test_keep_filters_a_pyinstaller_toc() -> None:
    toc = [("babel/locale-data/pl.dat", "/x/pl.dat", "DATA"), ("babel/locale-data/fr.dat", "", "")]
    assert trim.keep(toc, windows=False) == toc[:1]


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("2.0.1.4.5", (2, 0, 1, 4)),
        ("x", (0, 0, 0, 0)),
    ],
)
def test_windows_version_numbers(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert version_file.version_tuple(version) == numbers


def test_version_information_comes_from_app_version(tmp_path: Path) -> None:
    fields = dict(version=__version__, name=APP_NAME, publisher=PUBLISHER, internal_name=APP_ID)
    path = version_file.write(tmp_path, "plan-oswiaty.exe", **fields)
    text = path.read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert f"StringStruct('ProductName', '{APP_NAME}')" in text
    assert f"StringStruct('CompanyName', '{PUBLISHER}')" in text
    assert f"filevers={version_file.version_tuple(__version__)}" in text
    compile(text, str(path), "eval")  # PyInstaller evaluates it as one expression


def test_the_installer_opens_exchange_files_the_way_the_program_expects() -> None:
    """The file type's command line and extension match the program's own."""
    from app.cli.main import build_parser
    from app.exchange.format import EXTENSION

    script = (PACKAGING / "windows" / "installer.iss").read_text(encoding="utf-8-sig")
    assert f'#define ExchangeExt "{EXTENSION}"' in script
    assert '--import-file ""%1""' in script
    options = {option for action in build_parser()._actions for option in action.option_strings}
    assert "--import-file" in options
