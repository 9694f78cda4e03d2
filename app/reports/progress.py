"""Progress and cancellation of a long export, without knowing who listens (CLI or a dialog)."""

from __future__ import annotations

from collections.abc import Callable

from app.i18n import _

ProgressCallback = Callable[[int, str], None]  # percent 0–100, what is being done
CancelledCallback = Callable[[], bool]


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__(_("Eksport przerwano."))


class Reporter:
    """Maps the phases of an export onto 0–100 % and checks for cancellation.

    Reading the data is 0–10 %, building the content 10–20 %, laying out the
    pages 20–99 %; only changes of a whole percent reach the callback.
    """

    def __init__(
        self, progress: ProgressCallback | None = None, cancelled: CancelledCallback | None = None
    ) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self._last = -1
        self._message = ""

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled()

    def report(self, percent: float, message: str | None = None) -> None:
        self.check()
        if message is not None:
            self._message = message
        # Never backwards: splitting a table adds work the estimate did not know of.
        value = max(self._last, 0, min(100, int(percent)))
        if self._progress is not None and (value != self._last or message is not None):
            self._last = value
            self._progress(value, self._message)

    def reading(self) -> None:
        self.report(2, _("Odczytywanie danych…"))

    def composing(self) -> None:
        self.report(10, _("Przygotowywanie treści…"))

    def layout(self, share: float) -> None:
        """``share`` of the content laid out (0–1)."""
        if share <= 0:
            self.report(20, _("Składanie stron…"))
        else:
            self.report(20 + 79 * min(1.0, share))

    def done(self) -> None:
        self.report(100, _("Gotowe."))
