"""Run slow work that needs no store (reading, encrypting, zipping) off the GUI thread.

The window keeps painting, a progress dialog appears if the work takes more
than a moment, and Cancel asks the work to stop (it checks ``cancelled()``).
Exceptions come back to the caller on the GUI thread, as if the call were
direct. The store is never used from the worker: SQLite connections belong to
the thread that made them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar, cast

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.i18n import _

T = TypeVar("T")
Cancelled = Callable[[], bool]


class _Worker(QObject):
    done = Signal()

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work()
        except BaseException as error:  # handed back to the GUI thread
            self.error = error
        finally:
            self.done.emit()


def run_in_background(parent: QWidget | None, text: str, work: Callable[[Cancelled], T]) -> T:
    """``work(cancelled)`` in a worker thread, with a progress dialog; returns its result."""
    stop = threading.Event()
    worker = _Worker(lambda: work(stop.is_set))
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    loop = QEventLoop()
    worker.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    progress = QProgressDialog(text, _("Anuluj"), 0, 0, parent)
    progress.setWindowTitle(_("Proszę czekać"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    progress.setAutoClose(False)
    progress.canceled.connect(stop.set)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    progress.close()
    progress.deleteLater()
    if worker.error is not None:
        raise worker.error
    return cast(T, worker.result)
