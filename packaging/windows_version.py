"""Windows version information for the executables, from app/version.py (the one source).

The spec writes this file into PyInstaller's work folder and embeds it: Explorer's
Properties → Details then shows the program's name, version and publisher.
"""

from __future__ import annotations

import re
from pathlib import Path

POLISH_UNICODE = ("041504B0", 0x0415, 1200)  # language Polish, code page UTF-16


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` → (0, 1, 0, 0); suffixes such as ``rc1`` or ``.dev3`` are dropped."""
    leading = re.match(r"\d+(?:\.\d+)*", version)
    numbers = [int(n) for n in leading.group(0).split(".")][:4] if leading else []
    padded = [*numbers, 0, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def version_info_text(
    version: str, name: str, publisher: str, internal_name: str, exe_name: str
) -> str:
    numbers = version_tuple(version)
    table, language, codepage = POLISH_UNICODE
    strings = {
        "CompanyName": publisher,
        "FileDescription": name,
        "FileVersion": version,
        "InternalName": internal_name,
        "LegalCopyright": f"© {publisher}",
        "OriginalFilename": exe_name,
        "ProductName": name,
        "ProductVersion": version,
    }
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# Generated from app/version.py by packaging/windows_version.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable({table!r}, [
          {entries}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [{language:#06x}, {codepage}])])
  ]
)
"""


def write(folder: Path, exe_name: str, **fields: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"version-info-{Path(exe_name).stem}.txt"
    path.write_text(version_info_text(exe_name=exe_name, **fields), encoding="utf-8")
    return path
