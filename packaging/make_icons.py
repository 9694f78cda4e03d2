"""Render the program's icons from their SVG sources into resources/icons/.

    .venv/bin/python packaging/make_icons.py

Writes PNGs of every size (the window icon), ``plan-oswiaty.ico`` (the
executable and the installer) and ``plan-oswiaty-file.ico`` (the exchange file
type). Sizes up to 24 px come from a variant drawn on the 16 px pixel grid: the
full drawing turns to mush that small. Uses Qt only (QSvgRenderer), so it runs
wherever the program's own dependencies are installed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 20, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
SMALL_UP_TO = 16


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def source_for(stem: str, size: int) -> Path:
    small = ICONS / f"{stem}-small.svg"
    return small if size <= SMALL_UP_TO and small.exists() else ICONS / f"{stem}.svg"


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """A 32-bit BMP entry (header, BGRA rows bottom-up, AND mask): what every ICO reader takes."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = [bytes(argb.constScanLine(y))[: size * 4] for y in range(size)]
    if sys.byteorder == "big":  # ARGB32 in memory is BGRA only on little-endian machines
        rows = [_swap_words(row) for row in rows]
    mask_row = b"\x00" * (((size + 31) // 32) * 4)  # alpha does the masking
    return header + b"".join(reversed(rows)) + mask_row * size


def _swap_words(row: bytes) -> bytes:
    return b"".join(row[i : i + 4][::-1] for i in range(0, len(row), 4))


def write_ico(path: Path, images: list[QImage]) -> None:
    # 256 px as PNG (as Windows itself stores it), the rest as BMP for older readers.
    blobs = [png_bytes(im) if im.width() >= 256 else dib_bytes(im) for im in images]
    offset = 6 + 16 * len(images)
    directory = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() % 256  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(struct.pack("<HHH", 0, 1, len(images)) + directory + b"".join(blobs))


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in PNG_SIZES:
        render(source_for("plan-oswiaty", size), size).save(str(ICONS / f"plan-oswiaty-{size}.png"))
    for stem in ("plan-oswiaty", "plan-oswiaty-file"):
        images = [render(source_for(stem, size), size) for size in ICO_SIZES]
        write_ico(ICONS / f"{stem}.ico", images)
    print(f"icons written to {ICONS}")


if __name__ == "__main__":
    main()
