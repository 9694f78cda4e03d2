"""Run by test_killed_a_second_after_typing_in_visit_mode: open the visit mode, type notes,
then die by SIGKILL one second later (a laptop whose battery runs out mid-meeting).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def main(data_dir: str, municipality_id: str, visit_id: str, text: str) -> None:
    app = QApplication([])
    from conftest import die_a_second_later, type_text, victim_page  # tests/ui is on sys.path

    from ui.pages.visits import VisitsPage

    page = victim_page(data_dir, municipality_id, VisitsPage)
    page.select(visit_id)
    dialog = page.open_visit_mode()
    type_text(dialog.notes.editor, text)
    die_a_second_later(app)


if __name__ == "__main__":
    main(*sys.argv[1:5])
