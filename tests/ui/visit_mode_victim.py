"""Run by test_killed_a_second_after_typing_in_visit_mode: open the visit mode, type notes,
then die by SIGKILL one second later (a laptop whose battery runs out mid-meeting).
"""

from __future__ import annotations

import os
import signal
import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication


def main(data_dir: str, municipality_id: str, visit_id: str, text: str) -> None:
    app = QApplication([])
    from conftest import type_text  # tests/ui is on sys.path for this script

    from app.storage.store import Store
    from ui.main_window import MainWindow
    from ui.pages.visits import VisitsPage

    window = MainWindow(QSettings(os.path.join(data_dir, "ui.ini"), QSettings.Format.IniFormat))
    window.set_store(Store.open(data_dir))
    window.show()
    window.choose_municipality(municipality_id)
    page = next(p for p in window.pages if isinstance(p, VisitsPage))
    window.navigation.setCurrentRow(window.pages.index(page))
    page.select(visit_id)
    dialog = page.open_visit_mode()
    type_text(dialog.notes.editor, text)
    print("typed", flush=True)
    QTimer.singleShot(1000, lambda: os.kill(os.getpid(), signal.SIGKILL))
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:5])
