"""The one way to run slow work off the GUI thread (like Anki's operations).

An :class:`Operation` runs ``work(progress)`` on a worker thread. The work
reports with ``progress.report(percent, message)`` and stops early when
``progress.cancelled()`` turns true; its result or its exception comes back on
the GUI thread as ``succeeded(result)`` or ``failed(error)``, then
``finished()``. :func:`show_progress` ties a progress dialog to an operation
(Cancel cancels it); :func:`run_in_background` is the blocking form for code
that wants the answer before it goes on — the window keeps painting meanwhile.

The store is never used from the worker: SQLite connections belong to the
thread that made them, so read what the work needs first, on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.i18n import _

T = TypeVar("T")


class Progress:
    """What the work gets: a way to report and a way to learn it should stop."""

    def __init__(self, emit: Callable[[int, str], None], stop: threading.Event) -> None:
        self._emit = emit
        self._stop = stop

    def report(self, percent: int, message: str = "") -> None:
        if not self._stop.is_set():
            self._emit(percent, message)

    def cancelled(self) -> bool:
        return self._stop.is_set()


class _Worker(QObject):
    progressed = Signal(int, str)
    done = Signal(object, object)  # the result, the error or None

    def __init__(self, work: Callable[[Progress], Any], stop: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._stop = stop

    def run(self) -> None:
        try:
            result = self._work(Progress(self.progressed.emit, self._stop))
        except BaseException as error:  # handed back to the GUI thread
            self.done.emit(None, error)
        else:
            self.done.emit(result, None)


_running: set[Operation[Any]] = set()  # kept alive while they run, whoever holds them


class Operation(QObject, Generic[T]):
    """``work(progress)`` on a worker thread; signals come on the GUI thread."""

    progressed = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, work: Callable[[Progress], T], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self.result: T | None = None
        self.error: BaseException | None = None

    def start(self) -> Operation[T]:
        if self._thread is not None:
            raise RuntimeError("operation already started")
        thread = QThread()
        worker = _Worker(self._work, self._stop)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        worker.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._thread, self._worker = thread, worker
        _running.add(self)
        thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop; it ends at its next ``progress.cancelled()`` check."""
        self._stop.set()

    def cancelled(self) -> bool:
        return self._stop.is_set()

    def running(self) -> bool:
        return self._thread is not None

    def _on_progress(self, percent: int, message: str) -> None:
        if not self._stop.is_set():
            self.progressed.emit(percent, message)

    def _on_done(self, result: Any, error: BaseException | None) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.quit()
            thread.wait()
        self._worker = None
        _running.discard(self)
        self.result, self.error = cast(T, result), error
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.finished.emit()


def start(
    work: Callable[[Progress], T],
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    parent: QObject | None = None,
) -> Operation[T]:
    """Start ``work`` now; ``on_success``/``on_failure`` are called on the GUI thread."""
    operation: Operation[T] = Operation(work, parent)
    if on_success is not None:
        operation.succeeded.connect(on_success)
    if on_failure is not None:
        operation.failed.connect(on_failure)
    return operation.start()


def show_progress(
    operation: Operation[Any],
    parent: QWidget | None,
    text: str,
    title: str | None = None,
    steps: bool = False,
    delay_ms: int = 400,
) -> QProgressDialog:
    """A window-modal progress dialog for ``operation``: shows its reports, Cancel cancels it.

    ``steps`` gives a bar from 0 to 100 (the work reports percentages); without
    it the bar is busy. The dialog appears only if the work lasts ``delay_ms``.
    """
    dialog = QProgressDialog(text, _("Anuluj"), 0, 100 if steps else 0, parent)
    dialog.setWindowTitle(title or _("Proszę czekać"))
    dialog.setMinimumWidth(380)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(delay_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(operation.cancel)

    def progressed(percent: int, message: str) -> None:
        if message:
            dialog.setLabelText(message)
        if steps:  # last: a modal progress dialog processes events here
            dialog.setValue(percent)

    def finished() -> None:
        dialog.close()
        dialog.deleteLater()

    operation.progressed.connect(progressed)
    operation.finished.connect(finished)
    return dialog


def run_in_background(parent: QWidget | None, text: str, work: Callable[[Progress], T]) -> T:
    """``work(progress)`` off the GUI thread behind a progress dialog; returns its result.

    Blocks the caller (not the window: events are processed meanwhile) and
    raises the work's exception here, as if the call were direct.
    """
    operation: Operation[T] = Operation(work)
    show_progress(operation, parent, text)
    loop = QEventLoop()
    operation.finished.connect(loop.quit)
    operation.start()
    if operation.running():
        loop.exec()
    if operation.error is not None:
        raise operation.error
    return cast(T, operation.result)
