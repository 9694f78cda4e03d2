"""Run by test_killed_while_typing: type into the plan editor, then die by SIGKILL 1 s later."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def main(data_dir: str, goal_id: str, municipality_id: str, text: str) -> None:
    app = QApplication([])
    from conftest import die_a_second_later, type_text, victim_page  # tests/ui is on sys.path

    from ui.pages.plan import PlanPage

    page = victim_page(data_dir, municipality_id, PlanPage)
    page.select(goal_id)
    type_text(page.goal_form.editors["description"], text)
    die_a_second_later(app)


if __name__ == "__main__":
    main(*sys.argv[1:5])
