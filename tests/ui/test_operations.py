"""The one worker executor: work off the GUI thread, progress, cancel, result or error back."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.errors import UserError
from ui import operations
from ui.operations import Operation, Progress, run_in_background


def test_the_work_runs_off_the_gui_thread_and_its_result_comes_back_on_it(qtbot):
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["work"] = QThread.currentThread()
        return 6 * 7

    operation: Operation[int] = Operation(work)
    operation.succeeded.connect(lambda result: seen.update(back=QThread.currentThread()))
    with qtbot.waitSignal(operation.succeeded, timeout=10_000) as blocker:
        operation.start()
    gui = QApplication.instance().thread()
    assert blocker.args == [42]
    assert seen["work"] is not gui
    assert seen["back"] is gui
    assert operation.result == 42 and operation.error is None
    assert not operation.running()


def test_an_error_comes_back_as_failed_and_finished_still_follows(qtbot):
    def work(progress: Progress) -> None:
        raise UserError("Nie da się.")

    operation: Operation[None] = Operation(work)
    order: list[str] = []
    operation.failed.connect(lambda error: order.append(f"failed:{error}"))
    operation.succeeded.connect(lambda result: order.append("succeeded"))
    with qtbot.waitSignal(operation.finished, timeout=10_000):
        operation.finished.connect(lambda: order.append("finished"))
        operation.start()
    assert order == ["failed:Nie da się.", "finished"]
    assert isinstance(operation.error, UserError)


def test_progress_reports_arrive_in_order_and_cancel_stops_the_work(qtbot):
    reported = threading.Event()
    percents: list[int] = []

    def work(progress: Progress) -> str:
        progress.report(10, "pierwszy")
        progress.report(20, "drugi")
        reported.set()
        while not progress.cancelled():
            QThread.msleep(5)
        return "przerwano"

    operation: Operation[str] = Operation(work)
    operation.progressed.connect(lambda percent, message: percents.append(percent))
    operation.start()
    qtbot.waitUntil(lambda: len(percents) == 2, timeout=10_000)
    assert reported.is_set()
    with qtbot.waitSignal(operation.succeeded, timeout=10_000) as blocker:
        operation.cancel()
    assert percents == [10, 20]
    assert blocker.args == ["przerwano"]
    assert operation.cancelled()


def test_an_operation_cannot_start_twice(qtbot):
    operation: Operation[int] = Operation(lambda progress: 1)
    with qtbot.waitSignal(operation.finished, timeout=10_000):
        operation.start()
        with pytest.raises(RuntimeError):
            operation.start()


def test_an_operation_nobody_holds_still_finishes(qtbot):
    results: list[int] = []
    operations.start(lambda progress: 5, on_success=results.append)
    qtbot.waitUntil(lambda: results == [5], timeout=10_000)
    assert not operations._running


def test_the_blocking_form_returns_the_result_and_keeps_the_event_loop_running(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    gui_ran = threading.Event()

    QTimer.singleShot(0, gui_ran.set)  # only runs if events are processed meanwhile

    def work(progress: Progress) -> str:
        assert gui_ran.wait(10), "the GUI thread's events were not processed"
        return "gotowe"

    assert run_in_background(parent, "Pracuję…", work) == "gotowe"


def test_the_blocking_form_raises_the_works_error_on_the_caller(qtbot):
    def work(progress: Progress) -> None:
        raise UserError("Brak miejsca na dysku.", field="path")

    with pytest.raises(UserError, match="Brak miejsca") as raised:
        run_in_background(None, "Pracuję…", work)
    assert raised.value.field == "path"
